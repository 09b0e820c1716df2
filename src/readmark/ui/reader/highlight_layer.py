"""The current section's annotations drawn over the page without touching its text.

Highlights and underlines become QTextEdit extra selections: the document is
never modified, so positions, copying and the reading position all see the
book's own text, and a translucent fill lets overlapping highlights blend.
Note marks and bookmark ribbons are painted after the text. Selections are
built once per section or change, never per paint; painting looks only at the
annotations on screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit

from readmark.core.annotations import Annotation, Kind, Style
from readmark.ui.palette import BOOKMARK_COLOUR, Palette, palette_for
from readmark.ui.reader.text_map import TextMap

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt

_MARK_HIT_SLOP = 3.0
# Looked up once: PySide's enum access is slow, and a default argument costs the same.
_MOVE_ANCHOR = QTextCursor.MoveMode.MoveAnchor
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor


@dataclass(frozen=True)
class Placed:
    """An annotation and the document range [start, end) it covers on screen."""

    annotation: Annotation
    start: int
    end: int


class HighlightLayer:
    def __init__(self) -> None:
        self.palette = palette_for("light", "#ffffff")
        self.placed: list[Placed] = []  # by start
        self._starts: list[int] = []
        self._longest = 0
        self._formats: dict[tuple[str, Style], QTextCharFormat] = {}
        self.marks: list[tuple[QRectF, Annotation]] = []  # where the last paint put them
        # Selections made for the current document, kept across changes: a new
        # highlight among thousands makes one selection, not thousands.
        self._made: dict[tuple[int, int, str, Style], QTextEdit.ExtraSelection] = {}

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self._formats.clear()
        self._made = {}  # their formats have the old colours

    def clear(self) -> None:
        self.placed, self._starts, self.marks, self._longest = [], [], [], 0

    def document_changed(self) -> None:
        """The document was rebuilt: selections made for the old one point nowhere."""
        self._made = {}

    def build(
        self, document: QTextDocument, annotations: list[Annotation], text_map: TextMap
    ) -> list[QTextEdit.ExtraSelection]:
        """Place `annotations` (all of this section) and return the selections to show."""
        placed = []
        for annotation in annotations:
            if annotation.orphaned:
                continue
            target = annotation.target
            if annotation.kind is Kind.HIGHLIGHT:
                start, end = text_map.to_document_range(target.start, target.end)
            else:
                start = end = text_map.to_document(target.start)
            placed.append(Placed(annotation, start, end))
        placed.sort(key=lambda p: (p.start, p.end))
        self.placed = placed
        self._starts = [p.start for p in placed]
        self._longest = max((p.end - p.start for p in placed), default=0)
        self.marks = []
        selections = []
        made: dict[tuple[int, int, str, Style], QTextEdit.ExtraSelection] = {}
        # Older first, so a newer highlight is laid over an older one it overlaps.
        for item in sorted(placed, key=lambda p: p.annotation.created):
            annotation = item.annotation
            if annotation.kind is not Kind.HIGHLIGHT or item.end <= item.start:
                continue
            key = (item.start, item.end, annotation.color, annotation.style)
            selection = made.get(key) or self._made.get(key)
            if selection is None:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(item.start, _MOVE_ANCHOR)
                cursor.setPosition(item.end, _KEEP_ANCHOR)
                selection.cursor = cursor
                selection.format = self._format(annotation.color, annotation.style)
            made[key] = selection
            selections.append(selection)
        self._made = made
        return selections

    def _format(self, colour: str, style: Style) -> QTextCharFormat:
        key = (colour, style)
        fmt = self._formats.get(key)
        if fmt is None:
            fill, line = self._colour(colour)
            fmt = QTextCharFormat()
            if style is Style.UNDERLINE:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(line)
            else:
                fmt.setBackground(QBrush(fill))
            self._formats[key] = fmt
        return fmt

    def _colour(self, name: str) -> tuple[QColor, QColor]:
        return self.palette.pair(name)

    # -- finding annotations --------------------------------------------------------

    def highlights_at(self, position: int) -> list[Annotation]:
        """Highlights covering document `position`, the shortest (innermost) first."""
        low = bisect_left(self._starts, position - self._longest)
        high = bisect_right(self._starts, position)
        found = [
            p
            for p in self.placed[low:high]
            if p.annotation.kind is Kind.HIGHLIGHT and p.start <= position < p.end
        ]
        found.sort(key=lambda p: (p.end - p.start, -p.annotation.created))
        return [p.annotation for p in found]

    def in_range(self, first: int, last: int) -> list[Placed]:
        """Annotations touching document positions [first, last]."""
        low = bisect_left(self._starts, first - self._longest)
        high = bisect_right(self._starts, last)
        return [p for p in self.placed[low:high] if p.end >= first]

    def mark_at(self, point: QPointF) -> Annotation | None:
        """The note mark or bookmark ribbon under a viewport point, as last painted."""
        for rect, annotation in self.marks:
            if rect.adjusted(
                -_MARK_HIT_SLOP, -_MARK_HIT_SLOP, _MARK_HIT_SLOP, _MARK_HIT_SLOP
            ).contains(point):
                return annotation
        return None

    # -- painting -------------------------------------------------------------------------

    def paint(self, painter: QPainter, view: QTextEdit, first: int, last: int) -> None:
        """Note marks after their text and bookmark ribbons in the left margin."""
        self.marks = []
        document = view.document()
        margin = document.rootFrame().frameFormat().leftMargin()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for item in self.in_range(first, last):
            annotation = item.annotation
            if annotation.kind is Kind.BOOKMARK:
                caret = self._caret(view, item.start)
                size = max(9.0, caret.height() * 0.42)
                rect = QRectF(margin - size * 2.2, caret.top() + 2, size, size * 1.5)
                self._ribbon(painter, rect, self._colour(BOOKMARK_COLOUR)[1])
            elif annotation.note or annotation.kind is Kind.NOTE:
                caret = self._caret(view, item.end)
                size = max(9.0, caret.height() * 0.5)
                rect = QRectF(caret.right(), caret.top() - size * 0.45, size, size * 0.9)
                colour = self._colour(annotation.color)[1]
                self._note_mark(painter, rect, colour)
            else:
                continue
            self.marks.append((rect, annotation))

    @staticmethod
    def _caret(view: QTextEdit, position: int) -> QRectF:
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        return QRectF(view.cursorRect(cursor))

    @staticmethod
    def _note_mark(painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """A small speech bubble: a rounded box with a tail at its lower left."""
        from PySide6.QtGui import QPainterPath  # named when a mark is drawn, not at import

        body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.78)
        path = QPainterPath()
        path.addRoundedRect(body, rect.width() * 0.18, rect.width() * 0.18)
        tail = QPainterPath()
        tail.moveTo(body.left() + body.width() * 0.2, body.bottom() - 0.5)
        tail.lineTo(body.left() + body.width() * 0.15, rect.bottom())
        tail.lineTo(body.left() + body.width() * 0.5, body.bottom() - 0.5)
        tail.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path.united(tail))

    @staticmethod
    def _ribbon(painter: QPainter, rect: QRectF, colour: QColor) -> None:
        from PySide6.QtGui import QPainterPath

        path = QPainterPath()
        path.moveTo(rect.topLeft())
        path.lineTo(rect.topRight())
        path.lineTo(rect.bottomRight())
        path.lineTo(rect.center().x(), rect.bottom() - rect.width() * 0.4)
        path.lineTo(rect.bottomLeft())
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
