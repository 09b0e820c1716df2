"""On-disk cache of converted sections, so re-opening a book skips conversion.

Keyed by `Book.cache_key`: the content hash, the format, the options that
change output and a digest of the rendering code; a changed file or renderer simply misses. Files are
written atomically; any read or write problem is a miss, never an error.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path

from readmark import __version__

_RENDERING_CODE = ("formats", "repair", "html_sanitize.py")


@functools.cache
def renderer_version() -> str:
    """A digest of the code that turns a book into HTML.

    Any change to a loader, a repair rule or the sanitiser changes it, so a
    cached chapter can never outlive the code that made it (no version number
    to forget to bump).
    """
    core = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=8)
    # A frozen build may ship no sources: the release number still separates them.
    digest.update(__version__.encode())
    for name in _RENDERING_CODE:
        target = core / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for file in files:
            digest.update(file.relative_to(core).as_posix().encode())
            try:
                digest.update(file.read_bytes())
            except OSError:
                pass
    return digest.hexdigest()


class RenderCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _file(self, book_key: str, index: int) -> Path:
        return self.root / book_key / f"{index}.html"

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
