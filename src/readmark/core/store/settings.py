"""User preferences, declared once with type, default and meaning.

Stored as JSON in the config folder and written atomically (temp file +
rename), so a crash mid-write leaves the previous file intact. The file carries
its version; a file from an older Readmark is brought forward by the named
migrations below, in order. Values of the wrong type are ignored on load (a
hand-edited file never stops the app); keys this version does not know (written
by a newer Readmark) are kept and written back untouched. A file that cannot be
read as settings at all is set aside beside itself, and `problem` says so, so
the window can tell the reader; Readmark then starts with defaults. Window
geometry is not a preference and lives elsewhere.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readmark.core.annotations import COLOURS
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.errors import StoreMessage


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
    Setting(
        "reader.line_spacing",
        int,
        135,
        "Line height in percent of the font's (Chinese and Japanese get 5 more: their fonts"
        " are taller already)",
        minimum=100,
        maximum=250,
    ),
    Setting(
        "reader.paragraph_spacing",
        float,
        0.7,
        "Space between paragraphs, in ems",
        minimum=0.0,
        maximum=3.0,
    ),
    Setting(
        "reader.paragraph_indent",
        str,
        "auto",
        "First-line indent of paragraphs: auto = two characters in Chinese and Japanese",
        choices=("auto", "on", "off"),
    ),
    Setting(
        "reader.justify",
        str,
        "auto",
        "Justified text: auto = in Chinese and Japanese, as in print",
        choices=("auto", "on", "off"),
    ),
    Setting(
        "reader.column_width",
        int,
        70,
        "Widest line, in average Latin characters (a CJK line holds about half as many)",
        minimum=30,
        maximum=200,
    ),
    Setting(
        "reader.margin",
        int,
        24,
        "Least space beside the text column, in pixels",
        minimum=0,
        maximum=200,
    ),
    Setting("reader.toc_visible", bool, True, "Show the table of contents"),
    Setting("reader.annotations_visible", bool, False, "Show the annotations panel (F10)"),
    Setting("books.repair", bool, True, "Repair books converted from print when first opened"),
    Setting("session.reopen_last", bool, True, "Without a book to open, reopen the last one read"),
    *(
        Setting(f"highlights.name.{colour}", str, "", f"Own name for the {colour} highlights")
        for colour in COLOURS
    ),
    Setting("backups.folder", str, "", "Where library backups go; empty = the data folder"),
    Setting("backups.keep", int, 10, "How many library backups are kept", minimum=1, maximum=100),
    Setting("ui.language", str, "", "UI language (e.g. zh_CN); empty = system locale"),
    Setting(
        "library.mode",
        str,
        "grid",
        "The library shown as covers or as a list",
        choices=("grid", "list"),
    ),
    Setting(
        "library.sort",
        str,
        "added",
        "The library's sort column",
        choices=("title", "author", "format", "language", "size", "added", "last_read", "progress"),
    ),
    Setting("library.sort_descending", bool, True, "The library sorted in descending order"),
    Setting("export.folder", str, "", "Where Export All Books writes each book's note"),
    Setting(
        "sync.folder",
        str,
        "",
        "A folder your own sync tool keeps in step between computers (Syncthing, Nextcloud,"
        " Dropbox, a USB stick); empty = no sync",
    ),
    Setting(
        "export.notes_format",
        str,
        "obsidian",
        "The notes Export All Books writes",
        choices=("obsidian", "logseq"),
    ),
)

_BY_KEY = {s.key: s for s in SCHEMA}


VERSION_KEY = "version"


@dataclass(frozen=True)
class Migration:
    """One step forward: `upgrade` turns a file of version `to - 1` into `to`."""

    to: int
    name: str
    upgrade: Callable[[dict[str, Any]], dict[str, Any]]


def _versioned(values: dict[str, Any]) -> dict[str, Any]:
    # Readmark 0.1 wrote no version: its keys are this version's keys.
    return values


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "unversioned files of Readmark 0.1 get a version", _versioned),
)
VERSION = MIGRATIONS[-1].to


def migrate(raw: dict[str, Any], migrations: tuple[Migration, ...] = MIGRATIONS) -> dict[str, Any]:
    """`raw` brought to the newest version the migrations know (a newer file as it is)."""
    found = raw.get(VERSION_KEY, 0)
    version = found if isinstance(found, int) and not isinstance(found, bool) else 0
    values = {k: v for k, v in raw.items() if k != VERSION_KEY}
    for step in migrations:
        if step.to > version:
            values = step.upgrade(values)
            version = step.to
    return {**values, VERSION_KEY: max(version, migrations[-1].to if migrations else 0)}


class Settings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self._foreign: dict[str, Any] = {}  # keys of a newer Readmark, kept as they were
        self._version = VERSION
        self.problem: StoreMessage | None = None  # why the file was set aside, for the window
        raw = self._read()
        if raw is None:
            return
        migrated = migrate(raw)
        self._version = migrated.pop(VERSION_KEY)
        for key, value in migrated.items():
            setting = _BY_KEY.get(key)
            if setting is None:
                self._foreign[key] = value
            elif setting.valid(value):
                self._values[key] = value
        if raw.get(VERSION_KEY) != self._version:
            self.save()  # the migrated file, once

    def _read(self) -> dict[str, Any] | None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self.problem = StoreMessage(
                QT_TRANSLATE_NOOP(
                    "SettingsError", "Your preferences in {path} could not be read: {reason}"
                ),
                {"path": str(self.path), "reason": exc.strerror or str(exc)},
                "SettingsError",
            )
            return None
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raw = None
        if isinstance(raw, dict):
            return raw
        self._set_aside()
        return None

    def _set_aside(self) -> None:
        """Keep the unreadable file for the reader (never delete what they may have
        written by hand) and start from defaults."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError:
            aside = self.path
        self.problem = StoreMessage(
            QT_TRANSLATE_NOOP(
                "SettingsError",
                "Your preferences could not be read and were set aside as {path}."
                " Readmark starts with its defaults.",
            ),
            {"path": str(aside)},
            "SettingsError",
        )

    def get(self, key: str) -> Any:
        return self._values.get(key, _BY_KEY[key].default)

    def is_default(self, key: str) -> bool:
        return key not in self._values

    def set(self, key: str, value: Any) -> bool:
        """Change and persist a preference; False if it could not be written."""
        setting = _BY_KEY[key]
        if not setting.valid(value):
            raise ValueError(f"invalid value for {key}: {value!r}")
        if value == setting.default:
            self._values.pop(key, None)  # a later default applies to who never chose
        else:
            self._values[key] = value
        return self.save()

    def save(self) -> bool:
        """Write atomically. On failure (read-only folder) the in-memory value stays
        in effect for this session and False tells the caller to say so."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                document = {**self._foreign, **self._values, VERSION_KEY: self._version}
                json.dump(document, handle, ensure_ascii=False, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except OSError:
            return False
        return True
