"""The reading view with the reader's annotations drawn on it.

Adds to ReaderView what annotating needs: the shown section's highlights, note
marks and bookmarks (see HighlightLayer), the selection and clicks expressed
in canonical offsets (see TextMap), and request signals that carry what was
selected or clicked, so nobody has to ask the view again. It never changes an
annotation: it redraws from the change sets the annotation session publishes
(`apply_changes`), touching only the sections a change names.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QToolTip, QWidget

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.html_text import html_to_text
from readmark.core.operations import ChangeSet
from readmark.ui.palette import Palette
from readmark.ui.reader.highlight_layer import HighlightLayer
from readmark.ui.reader.reader_view import ReaderView
from readmark.ui.reader.text_map import TextMap

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt

if TYPE_CHECKING:
    from PySide6.QtGui import QContextMenuEvent

    from readmark.core.repair.page_marks import PageIndex
    from readmark.ui.reader.found_layer import FoundLayer

_CLICK_SLOP = 4  # pixels a click may move and still be a click
_PAGE_ANCHOR = "rm-page-"  # core/repair/page_marks.ANCHOR_PREFIX (not imported at start)
_TOOLTIP_CHARS = 800


@dataclass(frozen=True)
class Selection:
    """What the reader selected: its target (section, canonical offsets, quote with
    context) and where it is on screen."""

    target: TextTarget
    rect: QRect


@dataclass(frozen=True)
class Spot:
    """Where a context menu was asked for: the selection, else the annotation
    under the pointer, else the canonical offset there."""

    selection: Selection | None
    annotation: Annotation | None
    offset: int


class AnnotatedReaderView(ReaderView):
    selection_finished = Signal(object)  # Selection: the reader let go of it (mouse or keys)
    annotation_clicked = Signal(object, QRect)  # Annotation, its viewport rect; nothing selected
    context_menu_requested = Signal(object, object)  # QMenu to fill, Spot
    dismiss_popups = Signal()  # scrolled, clicked elsewhere, Escape, or the section changed
    # Selection: the Menu key or Shift+F10 on a selection asks for its popup, with the
    # keyboard in it (a reader without a mouse marks text that way).
    popup_requested = Signal(object)
    printed_page_requested = Signal(str)  # a contents entry's page was clicked: its label

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text_map: TextMap | None = None
        self._map_html = ""  # the section HTML the map was built from
        self._annotations: dict[int, dict[str, Annotation]] = {}  # section -> id -> it
        self._layer = HighlightLayer()
        # Search hits, while a search is open: made at the first search (not on the
        # first screen), with the theme's colours as they are then.
        self._found: FoundLayer | None = None
        self._palette: Palette | None = None
        self._pages: PageIndex | None = None  # the book's printed pages, once found
        self._press: QPoint | None = None  # where the left button went down
        self._keyboard_selection = QTimer(self, singleShot=True, interval=350)
        self._keyboard_selection.timeout.connect(self._keyboard_selection_settled)
        self.selectionChanged.connect(self._on_selection_changed)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.dismiss_popups.emit())

    def clear_book(self) -> None:
        self._pages = None
        self._annotations = {}
        self._layer.clear()
        if self._found is not None:
            self._found.clear()
        self._text_map, self._map_html = None, ""
        self.dismiss_popups.emit()
        super().clear_book()

    def _section_laid_out(self) -> None:
        self.dismiss_popups.emit()
        self._layer.document_changed()
        if self._found is not None:
            self._found.document_changed()
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

    def selection(self) -> Selection | None:
        """The selection as the annotations see it, or None when nothing is selected."""
        selected = self.selected_range()
        if selected is None:
            return None
        target = TextTarget.from_text(self.section, self.canonical_text(), *selected)
        cursor = self.textCursor()
        return Selection(target, self._span(cursor.selectionStart(), cursor.selectionEnd()))

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def target_at(self, offset: int) -> TextTarget:
        """An empty target at canonical `offset` of the shown section (notes, bookmarks)."""
        return TextTarget.from_text(self.section, self.canonical_text(), offset, offset)

    def rect_of(self, annotation: Annotation) -> QRect:
        """Viewport rectangle spanning an annotation of the shown section."""
        target = annotation.target
        rect = self._span(*self.text_map().to_document_range(target.start, target.end))
        if annotation.kind is Kind.NOTE:
            rect = rect.adjusted(0, 0, 12, 0)  # and its mark after the text
        return rect

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

    def go_to_text(
        self,
        section: int,
        offset: int,
        then: Callable[[], None] | None = None,
        at_top: bool = False,
    ) -> None:
        """Show canonical `offset` of `section` a little below the top of the screen
        (`at_top`: on its first line), then call `then` (the section may have to be
        converted first)."""
        book = self.book
        if book is None or not 0 <= section < len(book.sections):
            return
        self._remember()

        def place() -> None:
            self._place_text(offset, at_top)
            if then is not None:
                then()

        if section != self.section:
            self.show_section(section, then=place)
        else:
            place()

    def select_text(self, section: int, start: int, end: int) -> None:
        """Select canonical [start, end) of `section` (a search hit), bringing it on
        screen unless it is there already. Quietly: it is not offered for annotating
        as a reader's own selection is."""

        def select() -> None:
            first, last = self.text_map().to_document_range(start, end)
            cursor = self.textCursor()
            cursor.setPosition(first)
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            self._keyboard_selection.stop()

        if section == self.section and self._on_screen(start, end):
            select()
        else:
            self.go_to_text(section, start, then=select)

    def _on_screen(self, start: int, end: int) -> bool:
        first, last = self._visible_positions()
        shown_first, shown_last = self.text_map().to_document_range(start, end)
        return first <= shown_first and shown_last <= last

    # -- printed pages (core/repair/page_marks) ----------------------------------------

    def set_printed_pages(self, pages: PageIndex | None) -> None:
        """The open book's printed pages, once found (None: none, or not yet)."""
        self._pages = pages

    def printed_pages(self) -> PageIndex | None:
        return self._pages

    def printed_page(self, section: int, offset: int) -> str:
        """The printed page canonical `offset` of `section` is on ("" when not known)."""
        return self._pages.page_at(section, offset) if self._pages else ""

    def printed_page_here(self) -> str:
        """The printed page at the top of the screen: the page of the first line's end,
        so a page that starts on that line (mid-sentence, after a joined page break)
        is the one shown."""
        if self._pages is None or self.section < 0:
            return ""
        frame = self.document().rootFrame().frameFormat()
        right = self.viewport().width() - int(frame.rightMargin()) - 2
        top = self._offset_at(0)
        line_end = self.cursorForPosition(QPoint(right, self._line_middle(top))).position()
        return self._pages.page_at(self.section, self.text_map().to_canonical(max(top, line_end)))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        # A printed contents list's entry (core/repair/contents_links) leads to a page
        # of the printed book, which the page index finds wherever it is.
        anchor = url.fragment() if not url.scheme() and not url.path() else ""
        if anchor.startswith(_PAGE_ANCHOR):
            self.printed_page_requested.emit(anchor[len(_PAGE_ANCHOR) :])
            return
        super()._on_anchor_clicked(url)

    def _line_middle(self, position: int) -> int:
        """The viewport height of the middle of the line that holds `position`."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor).center().y()

    # -- search hits -----------------------------------------------------------------

    def show_found(self, section: int, ranges: list[tuple[int, int]]) -> None:
        """Mark a section's search hits (canonical ranges) while the search is open."""
        if self._found is None:
            from readmark.ui.reader.found_layer import FoundLayer

            self._found = FoundLayer()
            if self._palette is not None:
                self._found.set_palette(self._palette)
        self._found.add(section, ranges)
        if section == self.section:
            self._refresh_highlights()

    def clear_found(self) -> None:
        """The search closed or changed: no hit is marked any more."""
        if self._found is None:
            return
        self._found.clear()
        if self.section >= 0:
            self._refresh_highlights()

    def found_marked(self) -> list[tuple[int, int]]:
        """Canonical ranges of the hits marked in the shown section."""
        if self._found is None or self.section < 0:
            return []
        return self._found.ranges(self.section)

    def _place_text(self, offset: int, at_top: bool = False) -> None:
        self._restoring = True
        try:
            self._scroll_to_offset(self.text_map().to_document(offset))
            bar = self.verticalScrollBar()
            if not at_top:
                bar.setValue(max(0, bar.value() - self.viewport().height() // 6))
            self._top_offset = self._offset_at_top()
        finally:
            self._restoring = False
        self._after_move()

    # -- drawing annotations ------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet, everything: Callable[[], list[Annotation]]) -> None:
        """Redraw after a committed change set: only its sections are touched, and
        only the shown one is laid out again; a reset takes `everything()` anew."""
        if changes.reset:
            by_section: dict[int, dict[str, Annotation]] = {}
            for annotation in everything():
                by_section.setdefault(annotation.target.section, {})[annotation.id] = annotation
            self._annotations = by_section
            self._refresh_highlights()
            return
        for change in changes.changes:
            if change.before is not None:
                self._annotations.get(change.before.target.section, {}).pop(change.before.id, None)
            if change.after is not None:
                section = change.after.target.section
                self._annotations.setdefault(section, {})[change.after.id] = change.after
        if self.section in changes.sections:
            self._refresh_highlights()

    def set_palette(self, palette: Palette) -> None:
        """The theme's highlight colours."""
        self._layer.set_palette(palette)
        self._palette = palette
        if self._found is not None:
            self._found.set_palette(palette)
        self._refresh_highlights()

    def _refresh_highlights(self) -> None:
        shown = self._annotations.get(self.section) if self.section >= 0 else None
        annotations = list(shown.values()) if shown else []
        if annotations:
            selections = self._layer.build(self.document(), annotations, self.text_map())
        else:
            self._layer.clear()
            selections = []
        if self._found is not None and self.section >= 0:  # search hits over the highlights
            selections = selections + self._found.build(
                self.document(), self.section, self.text_map()
            )
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

    def marks_on_screen(self) -> list[tuple[QRectF, Annotation]]:
        """Note marks and bookmark ribbons where the last paint put them (viewport)."""
        return list(self._layer.marks)

    def mark_at(self, point: QPoint) -> Annotation | None:
        """The note mark or bookmark ribbon at a viewport point."""
        return self._layer.mark_at(QPointF(point))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
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
            self._emit_selection()

    def _emit_selection(self) -> None:
        selection = self.selection()
        if selection is not None:
            self.selection_finished.emit(selection)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss_popups.emit()
        if self._asks_for_popup(event):
            selection = self.selection()
            if selection is not None:
                self._keyboard_selection.stop()
                self.popup_requested.emit(selection)
                event.accept()
                return
        super().keyPressEvent(event)

    @staticmethod
    def _asks_for_popup(event: QKeyEvent) -> bool:
        """The Menu key, or Shift+F10 (the context-menu key on keyboards without one)."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier:
            return True
        return event.key() == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier

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
            self._emit_selection()
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() > _CLICK_SLOP or self.anchorAt(point):
            return
        hit = self.mark_at(point) or next(iter(self.highlights_at(point)), None)
        if hit is not None:
            self.annotation_clicked.emit(hit, self.rect_of(hit))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        # PySide delivers a ToolTip event as a QHelpEvent.
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(event, QHelpEvent)
            and self.book is not None
        ):
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

    def spot_at(self, point: QPoint) -> Spot:
        """What a context menu at a viewport point acts on."""
        selection = self.selection()
        if selection is not None:
            return Spot(selection, None, selection.target.start)
        hit = self.mark_at(point) or next(iter(self.highlights_at(point)), None)
        return Spot(None, hit, self.canonical_at(point))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        from PySide6.QtGui import QContextMenuEvent  # named here: see reader_view.py
        from PySide6.QtWidgets import QMenu

        selection = self.selection()
        if event.reason() == QContextMenuEvent.Reason.Keyboard and selection is not None:
            # The keyboard's context menu on a selection is its popup (see keyPressEvent).
            self.popup_requested.emit(selection)
            return
        self.dismiss_popups.emit()
        menu = QMenu(self)
        menu.setObjectName("readerMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.book is not None:
            self.context_menu_requested.emit(menu, self.spot_at(event.pos()))
        if menu.actions():
            menu.addSeparator()
        menu.addAction(self.tr("Select &All"), self.selectAll)
        menu.popup(event.globalPos())
