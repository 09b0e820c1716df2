"""On-disk cache of converted sections, so re-opening a book skips conversion.

Keyed by the book's content hash, the format, the options that change output
and the renderer version; a changed file or renderer simply misses. Files are
written atomically; any read or write problem is a miss, never an error.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Bump when rendered HTML changes for the same input.
RENDERER_VERSION = "1"


class RenderCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _file(self, book_key: str, index: int) -> Path:
        return self.root / f"{book_key}-v{RENDERER_VERSION}" / f"{index}.html"

    def get(self, book_key: str, index: int) -> str | None:
        try:
            return self._file(book_key, index).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, book_key: str, index: int, html: str) -> None:
        target = self._file(book_key, index)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(html)
            os.replace(tmp, target)
        except OSError:
            pass
