"""Paints one book in the library grid: its cover, a progress bar, title and author."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from readmark.core.store.catalog import CatalogEntry
from readmark.ui.library.model import ENTRY_ROLE
from readmark.ui.library.thumbnails import COVER_SIZE, ThumbnailCache

_PAD = 8
_TEXT_LINES = 3  # two for the title, one for the author


class GridDelegate(QStyledItemDelegate):
    def __init__(self, covers: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._covers = covers
        # Title and author broken and elided to fit, per book: measuring text is most
        # of a cell's paint, and scrolling repaints the same cells again and again.
        self._texts: dict[tuple[str, str, str, int], tuple[str, str]] = {}

    def _fitted(self, metrics: QFontMetrics, entry: CatalogEntry, width: int) -> tuple[str, str]:
        key = (entry.content_id, entry.title, entry.authors, width)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) > 20_000:
                self._texts.clear()
            found = self._texts[key] = (
                _elide_lines(metrics, entry.title, width, 2),
                metrics.elidedText(entry.authors, Qt.TextElideMode.ElideRight, width),
            )
        return found

    def cell_size(self, metrics: QFontMetrics) -> QSize:
        return QSize(
            COVER_SIZE.width() + 4 * _PAD,
            COVER_SIZE.height() + 2 * _PAD + 6 + _line(metrics) * _TEXT_LINES,
        )

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.cell_size(QFontMetrics(option.font))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, CatalogEntry):
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        painter.save()
        try:
            if state & QStyle.StateFlag.State_Selected:
                painter.fillRect(
                    rect.adjusted(2, 2, -2, -2), palette.highlight().color().lighter(170)
                )
            cover = QRect(
                rect.left() + (rect.width() - COVER_SIZE.width()) // 2,
                rect.top() + _PAD,
                COVER_SIZE.width(),
                COVER_SIZE.height(),
            )
            image = self._covers.image(entry)
            if image is None:
                painter.fillRect(cover, palette.mid())
            else:
                size = image.deviceIndependentSize().toSize()
                target = QRect(
                    cover.left() + (cover.width() - size.width()) // 2,
                    cover.bottom() - size.height() + 1,  # covers stand on one line
                    size.width(),
                    size.height(),
                )
                painter.drawImage(target, image)
                cover = target
            if entry.progress is not None:  # how far it was read, under the cover
                bar = QRect(cover.left(), cover.bottom() + 3, cover.width(), 3)
                painter.fillRect(bar, QColor(128, 128, 128, 80))
                done = QRect(bar.left(), bar.top(), round(bar.width() * entry.progress), 3)
                painter.fillRect(done, palette.highlight())
            metrics = QFontMetrics(option.font)
            line = _line(metrics)
            text = QRect(
                rect.left() + _PAD // 2,
                rect.top() + _PAD + COVER_SIZE.height() + 8,
                rect.width() - _PAD,
                line * 2,
            )
            painter.setPen(palette.text().color())
            title, author = self._fitted(metrics, entry, text.width())
            painter.drawText(
                text, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), title
            )
            if entry.authors:
                painter.setPen(palette.placeholderText().color())
                lines = title.count("\n") + 1  # the author right under the title
                below = QRect(text.left(), text.top() + line * lines, text.width(), line)
                painter.drawText(below, int(Qt.AlignmentFlag.AlignHCenter), author)
        finally:
            painter.restore()


def _line(metrics: QFontMetrics) -> int:
    # CJK fallback glyphs stand taller than the Latin font's line spacing says.
    return round(metrics.lineSpacing() * 1.3)


def _elide_lines(metrics: QFontMetrics, text: str, width: int, lines: int) -> str:
    """`text` broken into at most `lines` lines of `width`, the last elided.

    Characters are measured one by one, so CJK titles (no spaces) break too.
    """
    out: list[str] = []
    rest = text
    while rest and len(out) < lines - 1:
        low, high = 1, len(rest)  # the longest start that fits: bisected
        while low < high:
            middle = (low + high + 1) // 2
            if metrics.horizontalAdvance(rest[:middle]) <= width:
                low = middle
            else:
                high = middle - 1
        cut = low
        space = rest.rfind(" ", 0, cut)
        if cut < len(rest) and space > 0:
            cut = space + 1
        out.append(rest[:cut].rstrip())
        rest = rest[cut:]
    if rest:
        out.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return "\n".join(out)
