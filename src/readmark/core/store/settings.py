"""User preferences, declared once with type, default and meaning.

Stored as JSON in the config folder and written atomically (temp file +
rename), so a crash mid-write leaves the previous file intact. Unknown keys and
values of the wrong type are ignored on load (a hand-edited or older file never
stops the app). Window geometry is not a preference and lives elsewhere.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    description: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    def valid(self, value: object) -> bool:
        if self.type is int and isinstance(value, bool):
            return False
        if not isinstance(value, self.type):
            return False
        if self.choices and value not in self.choices:
            return False
        if isinstance(value, int | float):  # the bounds are for numbers
            if self.minimum is not None and value < self.minimum:
                return False
            if self.maximum is not None and value > self.maximum:
                return False
        return True


DEFAULT_FONT_SIZE = 15

SCHEMA: tuple[Setting, ...] = (
    Setting("reader.font_family", str, "", "Font family for book text; empty = by book language"),
    Setting(
        "reader.font_size",
        int,
        DEFAULT_FONT_SIZE,
        "Book text size in points",
        minimum=8,
        maximum=48,
    ),
    Setting(
        "reader.theme",
        str,
        "system",
        "Colours of the reading view",
        choices=("system", "light", "dark", "sepia"),
    ),
    Setting("reader.toc_visible", bool, True, "Show the table of contents"),
    Setting("reader.annotations_visible", bool, False, "Show the annotations panel (F10)"),
    Setting("ui.language", str, "", "UI language (e.g. zh_CN); empty = system locale"),
    Setting("export.folder", str, "", "Where Export All Books writes each book's note"),
    Setting(
        "export.notes_format",
        str,
        "obsidian",
        "The notes Export All Books writes",
        choices=("obsidian", "logseq"),
    ),
)

_BY_KEY = {s.key: s for s in SCHEMA}


class Settings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        if isinstance(raw, dict):
            for key, value in raw.items():
                setting = _BY_KEY.get(key)
                if setting is not None and setting.valid(value):
                    self._values[key] = value

    def get(self, key: str) -> Any:
        return self._values.get(key, _BY_KEY[key].default)

    def set(self, key: str, value: Any) -> bool:
        """Change and persist a preference; False if it could not be written."""
        setting = _BY_KEY[key]
        if not setting.valid(value):
            raise ValueError(f"invalid value for {key}: {value!r}")
        self._values[key] = value
        return self.save()

    def save(self) -> bool:
        """Write atomically. On failure (read-only folder) the in-memory value stays
        in effect for this session and False tells the caller to say so."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self._values, handle, ensure_ascii=False, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except OSError:
            return False
        return True
