"""Images and other files a book refers to, found without ever leaving the book.

A book's HTML may name images by relative paths. Each loader gives its Book a
`BookResources`: for a file on disk, its own folder (`FolderResources`); for an
EPUB, the archive's members. Nothing is fetched from the network, nothing
outside the book is read, and every refusal says why, so the view can show a
placeholder with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from readmark.core.i18n import QT_TRANSLATE_NOOP

MAX_RESOURCE_BYTES = 50 * 1024 * 1024

REMOTE = QT_TRANSLATE_NOOP("Resources", "Remote image not loaded (Readmark works offline)")
OUTSIDE = QT_TRANSLATE_NOOP("Resources", "Image outside the book not loaded")
MISSING = QT_TRANSLATE_NOOP("Resources", "Image missing from the book")
TOO_LARGE = QT_TRANSLATE_NOOP("Resources", "Image too large")
UNSUPPORTED = QT_TRANSLATE_NOOP("Resources", "Image not loaded")


@dataclass(frozen=True)
class Refused:
    """A resource that was not loaded; `reason` is a marked template (context "Resources")."""

    reason: str
    context: str = "Resources"


class BookResources(Protocol):
    def load(self, section: int, url: str) -> bytes | Refused: ...


def is_remote(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme.lower() in ("http", "https", "ftp", "ftps", "ws")


class FolderResources:
    """Files next to a book on disk, in its folder or below (symlinks resolved first)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def load(self, section: int, url: str) -> bytes | Refused:
        if is_remote(url):
            return Refused(REMOTE)
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("", "file"):
            return Refused(UNSUPPORTED)
        try:
            candidate = (self.folder / unquote(parts.path)).resolve()
        except (OSError, RuntimeError, ValueError):
            return Refused(UNSUPPORTED)
        if not candidate.is_relative_to(self.folder):
            return Refused(OUTSIDE)
        try:
            if not candidate.is_file():
                return Refused(MISSING)
            if candidate.stat().st_size > MAX_RESOURCE_BYTES:
                return Refused(TOO_LARGE)
            return candidate.read_bytes()
        except OSError:
            return Refused(MISSING)
