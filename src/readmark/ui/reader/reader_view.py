"""The reading view: one section (chapter) laid out at a time, flowing into the
next when the reader scrolls past the end.

Holding a whole large book in one QTextDocument costs seconds of layout and
hundreds of MB and freezes every resize; one document per section keeps every
operation proportional to a chapter. The position is kept as a character
offset into the section's document, which survives resizes, font and theme
changes (the text is the same, only the layout moves).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRectF, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QToolTip, QWidget

# Named where they are used (a key pressed, a selection made, an image shown): PySide
# builds a class's enum types when it is first named, and the first screen needs none.
if TYPE_CHECKING:
    from PySide6.QtGui import QImage

from readmark.core.book import Book
from readmark.core.store.library import ReadingPosition
from readmark.i18n import translate_error
from readmark.ui.reader import alignment, cjk_spacing
from readmark.ui.reader.scroll_viewport import viewport_of
from readmark.ui.reader.section_provider import SectionProvider
from readmark.ui.reader.theme import Typography

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt

_WHEEL_NOTCH = 120
# A section still converting after this long is said to be on its way (a real
# chapter takes ~30 ms; a hostile book's pathological paragraph, seconds).
PREPARING_NOTICE_MS = 400


@dataclass(frozen=True)
class _Awaited:
    """A request to show a section: where in it, and what to do once shown."""

    index: int
    offset: int | None
    anchor: str
    at_end: bool
    then: Callable[[], None] | None


class ReaderView(QTextBrowser):
    location_changed = Signal(int, str)  # section, id of the heading being read ("" = none)
    position_changed = Signal(object)  # ReadingPosition, debounced
    section_shown = Signal(int)
    first_painted = Signal()
    external_link_requested = Signal(QUrl)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page_widget: QWidget | None = None  # see viewport()
        self.setObjectName("reader")
        # What a screen reader says of the page; its text is the document's (QTextEdit's
        # accessible text interface), read from the caret.
        self.setAccessibleName(self.tr("Book text"))
        self.setAccessibleDescription(
            self.tr(
                "Page Down and Space read on; Shift+arrows select from the caret; "
                "the Menu key or Shift+F10 marks the selection"
            )
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)  # drops go to the window, which opens the file
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The vertical scroll bar shows as needed: QTextBrowser's default.
        # Caret browsing: Shift+arrows select from the caret, as with the mouse. Set by
        # the flags' names (Qt's property system reads them): naming the enum would
        # build the whole `Qt` namespace before the first screen (readmark/lazy_qt.py).
        interaction = "TextSelectableByMouse|TextSelectableByKeyboard"
        interaction += "|LinksAccessibleByMouse|LinksAccessibleByKeyboard"
        if not self.setProperty("textInteractionFlags", interaction):  # not seen with Qt 6
            flags = Qt.TextInteractionFlag
            self.setTextInteractionFlags(
                flags.TextSelectableByMouse
                | flags.TextSelectableByKeyboard
                | flags.LinksAccessibleByMouse
                | flags.LinksAccessibleByKeyboard
            )
        self.viewport().setMouseTracking(True)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighted.connect(self._on_link_hovered)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

        self._book: Book | None = None
        self._provider: SectionProvider | None = None
        self._section = -1
        self._cjk = False
        self._css = ""
        self._anchor_positions: dict[str, int] = {}
        self._notes: dict[str, str] = {}
        self._toc_anchors: list[tuple[int, str]] = []  # (position, anchor) in this section
        self._top_offset = 0
        self._restoring = False
        self._edge_push = 0
        self._history: list[ReadingPosition] = []
        self._location: tuple[int, str] = (-1, "")
        # The heading last gone to (contents, link): it is what is being read while
        # it is on screen, even where the section ends too soon to bring it to the top.
        self._target_anchor = ""
        self._painted = False
        self._prefetch_timer = QTimer(self, singleShot=True, interval=300)
        self._prefetch_timer.timeout.connect(self._prefetch_around)
        # The section asked for while it is being converted (shown when it arrives).
        self._awaited: _Awaited | None = None
        self._preparing = QTimer(self, singleShot=True, interval=PREPARING_NOTICE_MS)
        self._preparing.timeout.connect(self._say_preparing)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self._emit_position)
        self._html = ""  # of the section shown
        self._fixed_spaces: list[int] = []  # positions of spaces drawn not to stretch
        self._typography = Typography()

    # -- public interface -----------------------------------------------------

    def viewport(self) -> QWidget:
        """The widget the page is drawn on, found once (see scroll_viewport.py: the
        first `viewport()` asked of Qt costs ~14 ms). The reader never replaces its
        viewport, so the one found stays right; Qt's own calls are unaffected (the
        method is not virtual)."""
        if self._page_widget is None:
            self._page_widget = viewport_of(self)
        return self._page_widget

    @property
    def book(self) -> Book | None:
        return self._book

    @property
    def section(self) -> int:
        return self._section

    def set_book(self, book: Book, provider: SectionProvider, cjk: bool) -> None:
        self._book = book
        self._provider = provider
        self._cjk = cjk
        self._section = -1
        self._history.clear()
        self._location = (-1, "")
        self._painted = False

    def clear_book(self) -> None:
        self._save_timer.stop()
        self._prefetch_timer.stop()
        self._preparing.stop()
        self._awaited = None
        self._book = None
        self._provider = None
        self._section = -1
        self._history.clear()
        self._location = (-1, "")
        self._target_anchor = ""
        self._html = ""
        self._fixed_spaces = []
        self._toc_anchors = []
        self.clear()

    def set_appearance(
        self, font: QFont, css: str, relayout: bool = True, typography: Typography | None = None
    ) -> None:
        """New font, stylesheet or layout preferences: re-lay out the current section
        at the same text (or, with relayout=False, just use them for the next
        section shown)."""
        self.document().setDefaultFont(font)
        self.setFont(font)
        self._css = css
        if typography is not None:
            self._typography = typography
        self.document().setDefaultStyleSheet(css)
        if relayout and self._book is not None and self._section >= 0:
            self.show_section(self._section, offset=self._top_offset)

    def position(self) -> ReadingPosition | None:
        if self._book is None or self._section < 0:
            return None
        return ReadingPosition(self._section, self._top_offset, self._snippet(self._top_offset))

    def open_at(self, position: ReadingPosition | None) -> None:
        if self._book is None:
            return
        if position is None or not 0 <= position.section < len(self._book.sections):
            self.show_section(0)
            return
        self.show_section(position.section, offset=position.offset)

    def go_to(self, section: int, anchor: str = "", remember: bool = True) -> None:
        if self._book is None or not 0 <= section < len(self._book.sections):
            return
        if remember:
            self._remember()
        if section == self._section and anchor in self._anchor_positions:
            self._restoring = True
            self._scroll_to_offset(self._anchor_positions[anchor])
            self._top_offset = self._offset_at_top()
            self._restoring = False
            self._set_target(anchor)
            self._after_move()
        else:
            self.show_section(section, anchor=anchor)

    def go_back(self) -> None:
        if self._history:
            target = self._history.pop()
            self.show_section(target.section, offset=target.offset)

    def next_section(self) -> None:
        if self._book and self._section + 1 < len(self._book.sections):
            self.show_section(self._section + 1)

    def previous_section(self) -> None:
        if self._book and self._section > 0:
            self.show_section(self._section - 1)

    def anchor_position(self, anchor: str) -> int | None:
        return self._anchor_positions.get(anchor)

    def note_text(self, anchor: str) -> str | None:
        return self._notes.get(anchor)

    # -- showing a section ----------------------------------------------------

    def show_section(
        self,
        index: int,
        *,
        offset: int | None = None,
        anchor: str = "",
        at_end: bool = False,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Show a section (at a document offset, an anchor, its end or its top), then
        call `then`. A section not converted yet is asked for in the background
        and shown when it arrives; the page stays meanwhile, the window responsive,
        and asking for another section in between drops this one."""
        assert self._book is not None and self._provider is not None
        awaited = _Awaited(index, offset, anchor, at_end, then)
        html = self._provider.stored(index)
        if html is None:
            self._awaited = awaited
            self._preparing.start()
            self._provider.request(index, self._section_arrived, self._section_failed)
            return
        if self._awaited is not None:
            self._awaited = None
            self._preparing.stop()
            self.message.emit("")
        self._display(html, awaited)

    def _section_arrived(self, html: str) -> None:
        awaited, self._awaited = self._awaited, None
        self._preparing.stop()
        if awaited is not None and self._book is not None:
            self.message.emit("")
            self._display(html, awaited)

    def _section_failed(self, error: BaseException) -> None:
        self._awaited = None
        self._preparing.stop()
        self.message.emit(translate_error(error))

    def _say_preparing(self) -> None:
        if self._awaited is not None:
            self.message.emit(self.tr("Preparing this part of the book…"))

    def _display(self, html: str, awaited: _Awaited) -> None:
        index, offset, anchor, at_end = (
            awaited.index,
            awaited.offset,
            awaited.anchor,
            awaited.at_end,
        )
        self._restoring = True
        try:
            self._section = index
            self._toc_anchors = []  # the old section's, until this one is indexed
            self.document().setDefaultStyleSheet(self._css)
            self.setHtml(html)
            self._html = html
            # Qt justifies only at spaces: in Chinese text they would take a whole
            # line's spare width (see cjk_spacing).
            self._fixed_spaces = cjk_spacing.fix_spaces(self.document()) if self._cjk else []
            if self._typography.justify != "auto":
                alignment.align_paragraphs(self.document(), self._typography.justify == "on")
            self._apply_column()
            self._index_document()
            self._set_target(anchor)
            self._section_laid_out()
            if anchor and anchor in self._anchor_positions:
                self._scroll_to_offset(self._anchor_positions[anchor])
            elif offset is not None:
                self._scroll_to_offset(min(offset, self.document().characterCount() - 1))
            elif at_end:
                # Lay the whole chapter out first, or the scroll range is still
                # growing and "the end" lands short of it.
                self.document().documentLayout().documentSize()
                bar = self.verticalScrollBar()
                bar.setValue(bar.maximum())
            else:
                self.verticalScrollBar().setValue(0)
            if offset is None or anchor:
                self._top_offset = self._offset_at_top()
        finally:
            self._restoring = False
        self._edge_push = 0
        self._location = (-1, "")  # said again for the section shown anew
        self._after_move()
        self.section_shown.emit(index)
        # Neighbours are converted once the reader pauses: the worker holds the
        # GIL while converting and would otherwise stall the first paint or a
        # scroll in progress.
        self._prefetch_timer.start()
        if awaited.then is not None:
            awaited.then()

    def _section_laid_out(self) -> None:
        """A new section's text is in the document, before it is scrolled to its
        place: subclasses place what they draw over it."""

    def is_preparing(self) -> bool:
        """Whether a section asked for is still being converted."""
        return self._awaited is not None

    def _prefetch_around(self) -> None:
        index = self._section
        if self._provider is not None and index >= 0:
            self._provider.prefetch([index + 1, index - 1])

    def _index_document(self) -> None:
        """Find anchors (for links, the TOC and footnote popups) once per section."""
        positions: dict[str, int] = {}
        doc = self.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid():
                    fmt = fragment.charFormat()
                    if fmt.isAnchor():
                        for name in fmt.anchorNames():
                            positions.setdefault(name, fragment.position())
                it += 1
            block = block.next()
        self._anchor_positions = positions
        self._notes = {}
        for name, pos in positions.items():
            if name.startswith("fn:") or name.startswith("fn-"):
                text = doc.findBlock(pos).text().replace("\u21a9", "").strip()
                self._notes[name] = text
        assert self._book is not None
        anchors = [
            (positions[e.anchor], e.anchor)
            for e in self._book.toc_entries_in(self._section)
            if e.anchor in positions
        ]
        self._toc_anchors = sorted(anchors)

    def _apply_column(self) -> None:
        """A reading column of limited width, centred by the root frame's margins."""
        font = self.document().defaultFont()
        metrics = QFontMetricsF(font)
        characters = self._typography.column_width
        if self._cjk:  # a Chinese character is about two Latin ones wide: 70 -> 36
            column = metrics.horizontalAdvance("\u4e2d") * round(characters * 36 / 70)
        else:
            column = metrics.averageCharWidth() * characters
        width = self.viewport().width()
        side = max(float(self._typography.margin), (width - column) / 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if (fmt.leftMargin(), fmt.rightMargin()) != (side, side):
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(28)
            fmt.setBottomMargin(56)
            frame.setFrameFormat(fmt)

    def _scroll_to_offset(self, offset: int) -> None:
        doc = self.document()
        block = doc.findBlock(max(0, offset))
        if not block.isValid():
            return
        y = doc.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(offset - block.position())
            if line.isValid():
                y += line.y()
        self.verticalScrollBar().setValue(int(y))
        self._top_offset = offset

    def _offset_at_top(self) -> int:
        return self._offset_at(0)

    def _offset_at(self, viewport_y: int) -> int:
        """Text position at a height of the viewport, inside the text column.

        Points in the frame's top margin hit nothing and Qt answers with the
        end of the document, so the probe is kept below the margin. Qt also
        answers "the end" for text it has not laid out yet (it lays out lazily,
        and a page scrolled to early on can be past that): then the rest is
        laid out and asked again.
        """
        doc = self.document()
        frame = doc.rootFrame().frameFormat()
        scroll = self.verticalScrollBar().value()
        y = max(viewport_y + 2, int(frame.topMargin()) + 2 - scroll)
        x = int(frame.leftMargin()) + 2
        position = self.cursorForPosition(QPoint(x, y)).position()
        if position >= doc.characterCount() - 1 and doc.characterCount() > 1:
            doc.documentLayout().documentSize()
            position = self.cursorForPosition(QPoint(x, y)).position()
        return position

    def selected_text(self) -> str:
        """The selection as text to copy: with its spaces, not what draws them
        (cjk_spacing), and paragraphs as line breaks."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return ""
        shown = cursor.selectedText()
        if self._fixed_spaces:
            shown = cjk_spacing.restore_spaces(shown, cursor.selectionStart(), self._fixed_spaces)
        return shown.replace("\u2029", "\n").replace("\u2028", "\n")

    def copy(self) -> None:
        """Copy the selection's text (Ctrl+C, Edit › Copy). Written here rather than by
        overriding createMimeDataFromSelection: an object made in Python and handed to
        Qt's clipboard that way is deleted twice when the program ends."""
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        # The X11 selection Qt has just set carries the stand-ins: give it the text.
        clipboard = QGuiApplication.clipboard()
        if self._fixed_spaces and clipboard.supportsSelection():
            text = self.selected_text()
            if text:
                from PySide6.QtGui import QClipboard

                clipboard.setText(text, QClipboard.Mode.Selection)

    def _snippet(self, offset: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(offset)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 40)
        text = cjk_spacing.restore_spaces(cursor.selectedText(), offset, self._fixed_spaces)
        return text.replace("\u2029", " ").strip()

    # -- tracking the position --------------------------------------------------

    def _on_scrolled(self, _value: int) -> None:
        if self._restoring or self._book is None or self._section < 0:
            return
        self._target_anchor = ""  # the reader moves on from where they went
        self._top_offset = self._offset_at_top()
        self._after_move()

    def _after_move(self) -> None:
        self._update_location()
        self._save_timer.start()
        if self._prefetch_timer.isActive():
            self._prefetch_timer.start()  # still moving: later

    def _update_location(self) -> None:
        location = (self._section, self._heading_being_read())
        if location != self._location:
            self._location = location
            self.location_changed.emit(*location)

    def _set_target(self, anchor: str) -> None:
        """Gone to `anchor`: when it is a contents heading, it is being read."""
        headings = {name for _position, name in self._toc_anchors}
        self._target_anchor = anchor if anchor in headings else ""

    def _heading_being_read(self) -> str:
        """The contents heading being read ("" = none in this section so far).

        The heading last gone to while it is on screen: a short section, or one
        near the end of a section, cannot be scrolled to the top, and the next
        headings show above the fold with it. Otherwise a heading in the top
        fifth of the screen already counts as being read — the first of them,
        as the text under it is on screen too; else the last heading above.
        """
        if self._target_anchor in self._anchor_positions:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._anchor_positions[self._target_anchor])
            rect = self.cursorRect(cursor)
            if rect.top() >= 0 and rect.bottom() <= self.viewport().height():
                return self._target_anchor
        top = self._offset_at(0)
        probe = self._offset_at(self.viewport().height() // 5)
        current = ""
        for position, anchor in self._toc_anchors:
            if position < top:
                current = anchor
            elif position <= probe:
                return anchor
            else:
                break
        return current

    def _emit_position(self) -> None:
        position = self.position()
        if position is not None:
            self.position_changed.emit(position)

    def flush_position(self) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._emit_position()

    def _remember(self) -> None:
        position = self.position()
        if position is not None:
            self._history.append(position)
            del self._history[:-50]

    # -- moving through the book ------------------------------------------------

    def _at_top(self) -> bool:
        return self.verticalScrollBar().value() <= 0

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _has_next(self) -> bool:
        return self._book is not None and self._section + 1 < len(self._book.sections)

    def _page_height(self) -> int:
        line = QFontMetricsF(self.document().defaultFont()).lineSpacing()
        return max(1, int(self.viewport().height() - 2 * line))

    def scroll_page(self, direction: int) -> None:
        if self._book is None:
            return
        if direction > 0 and self._at_bottom():
            if self._has_next():
                self.show_section(self._section + 1)
            return
        if direction < 0 and self._at_top():
            if self._section > 0:
                self.show_section(self._section - 1, at_end=True)
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + direction * self._page_height())

    def scroll_line(self, direction: int) -> None:
        if self._book is None:
            return
        if (direction > 0 and self._at_bottom()) or (direction < 0 and self._at_top()):
            self.scroll_page(direction)
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + direction * bar.singleStep() * 3)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        from PySide6.QtGui import QKeySequence

        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()  # not Qt's own copy: see copy()
            event.accept()
            return
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = mods == Qt.KeyboardModifier.ShiftModifier
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        navigation = plain or (shift and key == Qt.Key.Key_Space)
        navigation = navigation or (ctrl and key in (Qt.Key.Key_Home, Qt.Key.Key_End))
        if self._book is None or not navigation:
            if self._book is not None and mods & Qt.KeyboardModifier.ShiftModifier:
                self._caret_to_screen()
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Escape:
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right) or (
            key == Qt.Key.Key_Space and not shift
        ):
            self.scroll_page(+1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left) or (key == Qt.Key.Key_Space and shift):
            self.scroll_page(-1)
        elif key == Qt.Key.Key_Down:
            self.scroll_line(+1)
        elif key == Qt.Key.Key_Up:
            self.scroll_line(-1)
        elif key == Qt.Key.Key_Home:
            if ctrl:
                self.go_to(0)
            else:
                self.verticalScrollBar().setValue(0)
        elif key == Qt.Key.Key_End:
            if ctrl:
                self._remember()
                self.show_section(len(self._book.sections) - 1, at_end=True)
            else:
                self.document().documentLayout().documentSize()
                bar = self.verticalScrollBar()
                bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def _caret_to_screen(self) -> None:
        """Selecting with the keyboard starts on the first whole line of the page
        being read when the caret is somewhere off it (Qt would scroll to it)."""
        if self.textCursor().hasSelection() or self.viewport().rect().contains(self.cursorRect()):
            return
        x = int(self.document().rootFrame().frameFormat().leftMargin()) + 2
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offset_at(0))
        for _ in range(4):  # past a line cut off at the top, and a paragraph gap
            rect = self.cursorRect(cursor)
            if rect.top() >= 0:
                break
            cursor.setPosition(self.cursorForPosition(QPoint(x, rect.bottom() + 2)).position())
        self._restoring = True  # placing the caret must not scroll the page
        try:
            value = self.verticalScrollBar().value()
            self.setTextCursor(cursor)
            self.verticalScrollBar().setValue(value)
        finally:
            self._restoring = False

    def event(self, event: QEvent) -> bool:
        # QTextBrowser claims modified keys (Alt+Left, Ctrl+W…) before shortcuts
        # see them; the window's actions must win. Unclaimed keys still arrive
        # as ordinary key presses (Ctrl+C copies). PySide delivers a
        # ShortcutOverride as a QKeyEvent.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                event.ignore()
                return False
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        dy = event.angleDelta().y()
        if self._book is not None and dy and not event.modifiers():
            at_edge = self._at_bottom() if dy < 0 else self._at_top()
            if at_edge:
                # Scrolling on at an edge turns into the neighbouring section once
                # a full notch has accumulated, so a fling doesn't skip chapters.
                self._edge_push += abs(dy)
                if self._edge_push >= _WHEEL_NOTCH:
                    self._edge_push = 0
                    if dy < 0 and self._has_next():
                        self.show_section(self._section + 1)
                    elif dy > 0 and self._section > 0:
                        self.show_section(self._section - 1, at_end=True)
                event.accept()
                return
            self._edge_push = 0
        super().wheelEvent(event)

    # -- layout events ------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        # Also called while a section is being shown (a scroll bar comes or goes
        # as the new text is set): that one places itself and says where it is.
        inside_a_move = self._restoring
        top = self._top_offset
        self._restoring = True
        try:
            super().resizeEvent(event)
            if self._book is not None and self._section >= 0:
                self._apply_column()
                if not inside_a_move:
                    self._scroll_to_offset(top)
        finally:
            self._restoring = inside_a_move
        if self._book is not None and self._section >= 0 and not inside_a_move:
            self._update_location()

    def painted(self) -> bool:
        """Whether the book shown was painted yet (`first_painted` was emitted for it)."""
        return self._painted

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted and self._section >= 0:
            self._painted = True
            self.first_painted.emit()

    # -- links and resources ------------------------------------------------------

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto", "ftp"):
            self.external_link_requested.emit(url)
            return
        if not url.scheme() and not url.path() and url.hasFragment():
            anchor = url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)
            if anchor in self._anchor_positions:
                self.go_to(self._section, anchor)
                return
            section = self._book.section_of_anchor(anchor) if self._book else None
            if section is not None:
                self.go_to(section, anchor)
                return
        self.message.emit(self.tr("This link leads outside the book and was not followed."))

    def _on_link_hovered(self, url: QUrl) -> None:
        if url.isEmpty():
            QToolTip.hideText()
            return
        anchor = url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)
        note = self._notes.get(anchor) if not url.scheme() and not url.path() else None
        if note:
            from PySide6.QtGui import QCursor

            text = note if len(note) <= 600 else note[:600] + "…"
            QToolTip.showText(QCursor.pos(), text, self)
        elif url.scheme():
            self.message.emit(url.toString())

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        """Images from inside the book only (the core decides); nothing is fetched."""
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return None
        if self._book is None:
            return self._placeholder(self.tr("Image not loaded"))
        from readmark.core.book_resources import Refused

        name = url.toString() if isinstance(url, QUrl) else url
        data = self._book.resource(self._section, name)
        if isinstance(data, Refused):
            return self._placeholder(QCoreApplication.translate(data.context, data.reason))
        from PySide6.QtGui import QImage

        image = QImage.fromData(data)
        if image.isNull():
            return self._placeholder(self.tr("Image could not be read"))
        # Before the first layout the column is not known yet: a sensible width.
        limit = self._column_width() if self.viewport().width() > 100 else 720
        if image.width() > limit > 0:
            height = max(1, round(image.height() * limit / image.width()))
            image = image.smoothScaled(int(limit), height)  # see `_placeholder`: no `Qt`
        return image

    def _column_width(self) -> float:
        frame = self.document().rootFrame().frameFormat()
        return self.viewport().width() - frame.leftMargin() - frame.rightMargin() - 8

    def _placeholder(self, text: str) -> QImage:
        """A dashed box saying why an image is not shown, in the page's text colour.

        Drawn without naming PySide's `Qt` namespace, even by overload: `QImage.fill`,
        `QPainter.setPen` and `QPen.setColor` all make PySide build its 93 enum types
        (~25 ms) to choose an overload, and a first section showing an image would pay
        that before its first screen. So the image starts as zero bytes (transparent),
        the box is a stroked path and the text a filled one, faded by the painter."""
        from PySide6.QtGui import QImage, QPainterPath, QPen

        width, height = 360, 64
        blank = QImage(bytes(width * height * 4), width, height, QImage.Format.Format_ARGB32)
        image = blank.copy()  # its own pixels, not the Python bytes'
        brush = self.palette().text()
        pen = QPen(brush, 1.0)
        pen.setDashPattern([4.0, 2.0])
        box = QPainterPath()
        box.addRect(QRectF(0.5, 0.5, width - 1, height - 1))
        font = self.font()
        metrics = QFontMetricsF(font)
        words = QPainterPath()
        left = max(8.0, (width - metrics.horizontalAdvance(text)) / 2)
        words.addText(left, (height + metrics.ascent() - metrics.descent()) / 2, font, text)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(150 / 255)
        painter.strokePath(box, pen)
        painter.fillPath(words, brush)
        painter.end()
        return image

    def book_folder(self) -> Path | None:
        return self._book.path.parent if self._book else None
