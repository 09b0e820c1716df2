"""Cover thumbnails for the start page, the recent-books list and the library.

Made once when a book with a cover opens or is added to the library, kept in
the cache folder by the book's content id; losing them costs nothing but a
picture. A book without a cover gets one painted with its title and author.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter

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


def cover_image(content_id: str) -> QImage | None:
    """The saved thumbnail as an image (safe off the UI thread), or None."""
    target = _thumbnail_path(content_id)
    if not target.is_file():
        return None
    image = QImage(str(target))
    return None if image.isNull() else image


# Muted cloth colours for generated covers: dark enough for white lettering.
_CLOTH = ("#5b6f8a", "#7a5c61", "#4f7a6a", "#8a6d3b", "#6a5a8a", "#3f6f80", "#80553f", "#556b2f")


def generated_cover(title: str, authors: str, width: int, height: int) -> QImage:
    """A plain cover with the title and author, for a book without one.

    Painted on a QImage, so it can be made on a worker thread. The colour is
    chosen by the title, so a book keeps its colour from one run to the next.
    """
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    cloth = QColor(_CLOTH[zlib.crc32(title.encode("utf-8")) % len(_CLOTH)])
    image.fill(cloth)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        margin = max(6, width // 12)
        painter.fillRect(QRectF(0, 0, max(3, width // 24), height), cloth.darker(130))  # spine
        painter.setPen(QColor(255, 255, 255, 90))
        painter.drawLine(margin, height // 5, width - margin, height // 5)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setPixelSize(max(9, width // 9))
        font.setBold(True)
        painter.setFont(font)
        # Words wrap; a title with no spaces (Chinese, Japanese) or a word wider
        # than the cover wraps anywhere.
        wide = any(
            painter.fontMetrics().horizontalAdvance(word) > width - 2 * margin
            for word in title.split()
        )
        flags = Qt.AlignmentFlag.AlignHCenter | (
            Qt.TextFlag.TextWrapAnywhere if wide else Qt.TextFlag.TextWordWrap
        )
        title_box = QRectF(margin, height // 5 + margin, width - 2 * margin, height * 0.5)
        painter.drawText(title_box, int(flags | Qt.AlignmentFlag.AlignTop), _elided(title, 80))
        if authors:
            font.setBold(False)
            font.setPixelSize(max(8, width // 12))
            painter.setFont(font)
            painter.setPen(QColor(255, 255, 255, 220))
            author_box = QRectF(margin, height * 0.72, width - 2 * margin, height * 0.24)
            painter.drawText(
                author_box, int(flags | Qt.AlignmentFlag.AlignBottom), _elided(authors, 50)
            )
    finally:
        painter.end()
    return image


def _elided(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
