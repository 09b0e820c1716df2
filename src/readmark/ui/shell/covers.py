"""Cover thumbnails for the start page and the recent-books list.

Made once when a book with a cover opens, kept in the cache folder by the book's
content id; losing them costs nothing but a picture.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage

from readmark import paths
from readmark.core.book import Book
from readmark.core.book_resources import Refused

THUMBNAIL_HEIGHT = 128


def _thumbnail_path(content_id: str) -> Path:
    return paths.cache_dir() / "covers" / f"{content_id}.png"


def remember_cover(book: Book) -> None:
    """Save a small copy of the book's cover, if it has one and it is new."""
    target = _thumbnail_path(book.content_id)
    if not book.cover or target.exists():
        return
    data = book.resource(0, book.cover)
    if isinstance(data, Refused):
        return
    image = QImage.fromData(data)
    if image.isNull():
        return
    if image.height() > THUMBNAIL_HEIGHT:
        image = image.scaledToHeight(THUMBNAIL_HEIGHT, Qt.TransformationMode.SmoothTransformation)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))  # PNG, from the suffix
    except OSError:
        pass


def cover_icon(content_id: str) -> QIcon | None:
    target = _thumbnail_path(content_id)
    return QIcon(str(target)) if target.is_file() else None
