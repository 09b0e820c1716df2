"""The reading view with the reader's annotations drawn on it.

Adds to ReaderView what annotating needs: the shown section's highlights, note
marks and bookmarks (see HighlightLayer), the selection and clicks expressed
in canonical offsets (see TextMap), and signals for the controller that turns
them into annotations. It never changes an annotation itself.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QTextCursor
from PySide6.QtWidgets import QMenu, QToolTip

from readmark.core.annotations import Annotation
from readmark.core.html_text import html_to_text
from readmark.ui.reader.highlight_layer import HighlightLayer
from readmark.ui.reader.reader_view import ReaderView
from readmark.ui.reader.text_map import TextMap

_CLICK_SLOP = 4  # pixels a click may move and still be a click
_TOOLTIP_CHARS = 800


class AnnotatedReaderView(ReaderView):
    selection_finished = Signal()  # the reader let go of a new selection (mouse or keys)
    annotation_clicked = Signal(object, QPoint)  # Annotation, viewport point; nothing selected
    context_menu_requested = Signal(object, QPoint)  # QMenu to fill, viewport point
    dismiss_popups = Signal()  # scrolled, clicked elsewhere, Escape, or the section changed

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._text_map: TextMap | None = None
        self._map_html = ""  # the section HTML the map was built from
        self._annotations: dict[int, list[Annotation]] = {}  # by section
        self._layer = HighlightLayer()
        self._press: QPoint | None = None  # where the left button went down
        self._keyboard_selection = QTimer(self, singleShot=True, interval=350)
        self._keyboard_selection.timeout.connect(self._keyboard_selection_settled)
        self.selectionChanged.connect(self._on_selection_changed)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.dismiss_popups.emit())

    def clear_book(self) -> None:
        self._annotations = {}
        self._layer.clear()
        self._text_map, self._map_html = None, ""
        self.dismiss_popups.emit()
        super().clear_book()

    def _section_laid_out(self) -> None:
        self.dismiss_popups.emit()
        self._layer.document_changed()
        self._refresh_highlights()

    # -- canonical offsets ----------------------------------------------------------

    def text_map(self) -> TextMap:
        """Canonical section text ↔ document positions, built once per section."""
        if self._text_map is None or self._map_html != self._html:
            self._text_map = TextMap(html_to_text(self._html), self.document().toRawText())
            self._map_html = self._html
        return self._text_map

    def canonical_text(self) -> str:
        """The shown section's text as annotation offsets count it (Book.section_text)."""
        return self.text_map().canonical

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as canonical [start, end), or None when nothing is selected."""
        cursor = self.textCursor()
        if self.section < 0 or not cursor.hasSelection():
            return None
        start, end = self.text_map().to_canonical_range(
            cursor.selectionStart(), cursor.selectionEnd()
        )
        return (start, end) if end > start else None

    def selection_rect(self) -> QRect:
        """Viewport rectangle spanning the selection's first to last line."""
        cursor = self.textCursor()
        return self._span(cursor.selectionStart(), cursor.selectionEnd())

    def rect_of(self, annotation: Annotation) -> QRect:
        """Viewport rectangle spanning an annotation of the shown section."""
        target = annotation.target
        return self._span(*self.text_map().to_document_range(target.start, target.end))

    def _span(self, start: int, end: int) -> QRect:
        first, last = QTextCursor(self.document()), QTextCursor(self.document())
        first.setPosition(start)
        last.setPosition(end)
        return self.cursorRect(first).united(self.cursorRect(last))

    def canonical_at(self, point: QPoint) -> int:
        """Canonical offset of the text nearest a viewport point."""
        return self.text_map().to_canonical(self.cursorForPosition(point).position())

    def caret_offset(self) -> int | None:
        """Canonical offset of the caret when it is on screen, else None."""
        if self.section < 0 or not self.viewport().rect().intersects(self.cursorRect()):
            return None
        return self.text_map().to_canonical(self.textCursor().position())

    def visible_range(self) -> tuple[int, int]:
        """Canonical offsets of the first and last text on screen."""
        first, last = self._visible_positions()
        text_map = self.text_map()
        return text_map.to_canonical(first), text_map.to_canonical(last)

    def top_offset(self) -> int:
        """Canonical offset of the first text on screen (where reading goes on)."""
        return self.text_map().to_canonical(self._top_offset)

    def _visible_positions(self) -> tuple[int, int]:
        first = self._offset_at(0)
        corner = QPoint(self.viewport().width() - 2, self.viewport().height() - 2)
        return first, max(first, self.cursorForPosition(corner).position())

    def go_to_text(self, section: int, offset: int) -> None:
        """Show canonical `offset` of `section` a little below the top of the screen."""
        book = self.book
        if book is None or not 0 <= section < len(book.sections):
            return
        self._remember()
        if section != self.section:
            self.show_section(section)
        self._restoring = True
        try:
            self._scroll_to_offset(self.text_map().to_document(offset))
            bar = self.verticalScrollBar()
            bar.setValue(max(0, bar.value() - self.viewport().height() // 6))
            self._top_offset = self._offset_at_top()
        finally:
            self._restoring = False
        self._after_move()

    # -- drawing annotations ------------------------------------------------------------

    def set_annotations(self, annotations: list[Annotation]) -> None:
        """The open book's annotations; only the shown section's are drawn."""
        by_section: dict[int, list[Annotation]] = {}
        for annotation in annotations:
            by_section.setdefault(annotation.target.section, []).append(annotation)
        self._annotations = by_section
        self._refresh_highlights()

    def set_highlight_colours(self, colours: dict) -> None:  # type: ignore[type-arg]
        """colour name -> (fill, line) QColors of the current theme."""
        self._layer.set_colours(colours)
        self._refresh_highlights()

    def _refresh_highlights(self) -> None:
        annotations = self._annotations.get(self.section, []) if self.section >= 0 else []
        if annotations:
            selections = self._layer.build(self.document(), annotations, self.text_map())
        else:
            self._layer.clear()
            selections = []
        self.setExtraSelections(selections)
        self.viewport().update()

    def highlights_at(self, point: QPoint) -> list[Annotation]:
        """Highlights under a viewport point (innermost first); [] off the text."""
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        position = (
            self.document()
            .documentLayout()
            .hitTest(QPointF(point) + scroll, Qt.HitTestAccuracy.ExactHit)
        )
        return self._layer.highlights_at(position) if position >= 0 else []

    def mark_at(self, point: QPoint) -> Annotation | None:
        """The note mark or bookmark ribbon at a viewport point."""
        return self._layer.mark_at(QPointF(point))

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().paintEvent(event)
        if self._layer.placed:
            first, last = self._visible_positions()
            painter = QPainter(self.viewport())
            self._layer.paint(painter, self, first, last)
            painter.end()

    # -- selecting, clicking a highlight, hovering a note ------------------------------

    def _on_selection_changed(self) -> None:
        if not self.textCursor().hasSelection():
            self._keyboard_selection.stop()
        elif self._press is None:
            self._keyboard_selection.start()  # keys: wait until the reader pauses

    def _keyboard_selection_settled(self) -> None:
        if self._press is None and self.textCursor().hasSelection():
            self.selection_finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss_popups.emit()
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.dismiss_popups.emit()
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None or self.book is None:
            return
        if self.textCursor().hasSelection():
            self._keyboard_selection.stop()
            self.selection_finished.emit()
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() > _CLICK_SLOP or self.anchorAt(point):
            return
        hit = self.mark_at(point) or next(iter(self.highlights_at(point)), None)
        if hit is not None:
            self.annotation_clicked.emit(hit, point)

    def viewportEvent(self, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and self.book is not None:
            point = event.pos()
            hit = self.mark_at(point)
            if hit is None:
                hit = next((a for a in self.highlights_at(point) if a.note), None)
            text = ""
            if hit is not None and hit.note:
                from readmark.core.note_markdown import note_html_excerpt

                # The note as the annotations panel shows it: rendered, never its marks.
                text = note_html_excerpt(hit.note, _TOOLTIP_CHARS)
            elif hit is not None and hit.label:  # a bookmark's label is plain text
                text = hit.label
                if len(text) > _TOOLTIP_CHARS:
                    text = text[:_TOOLTIP_CHARS] + "…"
                if "<" in text or "&" in text:  # shown as written, never as markup
                    text = f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.dismiss_popups.emit()
        menu = QMenu(self)
        menu.setObjectName("readerMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.book is not None:
            self.context_menu_requested.emit(menu, event.pos())
        if menu.actions():
            menu.addSeparator()
        menu.addAction(self.tr("Select &All"), self.selectAll)
        menu.popup(event.globalPos())
