"""Turns what the reader does with text into annotation operations.

The reader reports what was selected, clicked or right-clicked (`Selection`,
`Spot`); the panel asks by annotation id. This controller makes the
annotation, asks for a note or a name when one is needed (the note dialog, the
popup, menus) and hands it to the `AnnotationSession`, which commits it and
tells every view. It keeps no annotations of its own and never draws.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from readmark.core.annotations import Annotation, Kind, Style, TextTarget
from readmark.core.citation import bookmark_label, quote_with_source
from readmark.core.links import place_link
from readmark.ui.annotations.note_dialog import NoteDialog
from readmark.ui.annotations.popup import SelectionPopup
from readmark.ui.annotations.session import AnnotationSession
from readmark.ui.palette import Palette, colour_names, palette_for, swatch_icon
from readmark.ui.reader.annotated_reader import AnnotatedReaderView, Selection, Spot
from readmark.ui.shell.actions import Actions


class AnnotationController(QObject):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        reader: AnnotatedReaderView,
        session: AnnotationSession,
        actions: Actions,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.reader = reader
        self.session = session
        self.actions = actions
        self.window = window
        self.last_colour = "yellow"
        self._palette = palette_for("light", "#ffffff")
        self.dialog: QWidget | None = None  # the note or bookmark dialog while open
        self.popup = SelectionPopup(reader.viewport())
        self.popup.colour_chosen.connect(self._popup_colour)
        self.popup.underline_chosen.connect(self._popup_underline)
        self.popup.note_requested.connect(self._popup_note)
        self.popup.copy_requested.connect(self._popup_copy)
        self.popup.quote_requested.connect(self._popup_quote)
        self.popup.delete_requested.connect(self._popup_delete)
        self.popup.escaped.connect(self.hide_popups)
        self._selection: Selection | None = None  # what the popup offers to mark

    # -- making annotations from the selection --------------------------------------

    def _selected(self) -> Selection | None:
        """The selection the popup was shown for, else the reader's current one."""
        if self._selection is not None and self.popup.isVisible():
            return self._selection
        return self.reader.selection()

    def highlight(self, colour: str | None = None, style: Style = Style.HIGHLIGHT) -> None:
        """Highlight (or underline) the selection in `colour` (default: the last used)."""
        selection = self._selected()
        if selection is None:
            self.message.emit(self.tr("Select some text first."))
            return
        colour = colour or self.last_colour
        self.last_colour = colour
        self.hide_popups()
        annotation = Annotation(Kind.HIGHLIGHT, selection.target, color=colour, style=style)
        if self.session.add(annotation, self.tr("Highlight")):
            self.reader.clear_selection()

    def underline(self) -> None:
        self.highlight(None, Style.UNDERLINE)

    def add_note(self) -> None:
        """A note on the selection (a highlight with a note), or at the caret."""
        selection = self._selected()
        if selection is None:
            offset = self.reader.caret_offset()
            self.add_note_at(self.reader.top_offset() if offset is None else offset)
            return
        self.hide_popups()
        target = selection.target

        def done(text: str) -> None:
            if not text:
                return
            annotation = Annotation(Kind.HIGHLIGHT, target, color=self.last_colour, note=text)
            if self.session.add(annotation, self.tr("Add Note")):
                self.reader.clear_selection()

        self._ask_note(target.exact, "", target.section, done)

    def add_note_at(self, offset: int) -> None:
        """A note standing on its own at canonical `offset` of the shown section."""
        if self.session.book is None or self.reader.section < 0:
            return
        target = self.reader.target_at(offset)

        def done(note: str) -> None:
            if note:
                annotation = Annotation(Kind.NOTE, target, color=self.last_colour, note=note)
                self.session.add(annotation, self.tr("Add Note"))

        self._ask_note("", "", target.section, done)

    def _ask_note(self, quote: str, note: str, section: int, done: Callable[[str], None]) -> None:
        dialog = NoteDialog(self.window, quote, note, self._chapter(section))
        dialog.accepted.connect(lambda: done(dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _chapter(self, section: int) -> str:
        book = self.session.book
        if book is None or not 0 <= section < len(book.sections):
            return ""
        return book.sections[section].title

    # -- copying --------------------------------------------------------------------

    def copy(self) -> None:
        selection = self._selected()
        if selection is not None:
            QGuiApplication.clipboard().setText(selection.target.exact)

    def copy_quote(self) -> None:
        selection = self._selected()
        if selection is not None:
            target = selection.target
            QGuiApplication.clipboard().setText(
                self.quote(target.exact, target.section, target.start)
            )

    def copy_link(self, offset: int | None = None, target: TextTarget | None = None) -> None:
        """Copy a readmark:// link (core/links) to `target`, else the selection, else
        canonical `offset` of the shown section, else the caret, else the top of the screen."""
        book = self.session.book
        if book is None or self.reader.section < 0:
            return
        selection = self._selected() if target is None else None
        if target is None and selection is not None:
            target = selection.target
        if target is None:
            if offset is None:
                caret = self.reader.caret_offset()
                offset = self.reader.top_offset() if caret is None else caret
            target = self.reader.target_at(offset)
        self.hide_popups()
        QGuiApplication.clipboard().setText(place_link(book.content_id, target))
        self.message.emit(self.tr("Link copied: paste it in your notes to come back here."))

    def quote(self, text: str, section: int, offset: int = -1) -> str:
        """`text` in quotation marks with where it comes from: author, title, chapter
        and, in a book converted from print, the printed page at canonical `offset`."""
        book = self.session.book
        if book is None:
            return text
        page = self.reader.printed_page(section, offset) if offset >= 0 else ""
        return quote_with_source(text, book.metadata, self._chapter(section), page)

    # -- bookmarks ------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        """Bookmark the page being read, or remove the bookmarks on it."""
        book = self.session.book
        section = self.reader.section
        if book is None or section < 0:
            return
        first, last = self.reader.visible_range()
        here = self.session.bookmarks_between(section, first, last)
        if here:
            if self.session.delete([b.id for b in here], self.tr("Remove Bookmark")):
                self.message.emit(self.tr("Bookmark removed."))
            return
        offset = self.reader.top_offset()
        target = self.reader.target_at(offset)
        label = self.default_label(section, self.reader.canonical_text()[offset : offset + 200])
        bookmark = Annotation(Kind.BOOKMARK, target, label=label)
        if self.session.add(bookmark, self.tr("Add Bookmark")):
            self.message.emit(self.tr("Bookmarked: {label}").format(label=label))

    def default_label(self, section: int, text_here: str) -> str:
        """The chapter and the first words at the bookmark: "Chapter 3 — It was a…"."""
        book = self.session.book
        title = book.metadata.title if book else ""
        return bookmark_label(self._chapter(section), text_here, title)

    def rename_bookmark(self, annotation: Annotation) -> None:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("bookmarkDialog")
        dialog.setWindowTitle(self.tr("Rename Bookmark"))
        dialog.setLabelText(self.tr("Bookmark name:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(annotation.label)
        dialog.resize(420, dialog.sizeHint().height())

        def done() -> None:
            label = dialog.textValue().strip()
            if label:
                self.session.edit(annotation.id, self.tr("Rename Bookmark"), label=label)

        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    # -- acting on one annotation (from the page, the popup, the panel) --------------

    def go_to(self, annotation_id: str) -> None:
        """Show where an annotation is."""
        annotation = self.session.get(annotation_id)
        if annotation is None:
            return
        if annotation.orphaned:
            self.message.emit(self.tr("This passage is no longer in the book."))
            return
        self.hide_popups()
        self.reader.go_to_text(annotation.target.section, annotation.target.start)
        self.reader.setFocus()

    def edit_note(self, annotation_id: str) -> None:
        """Edit (or add) an annotation's note; a bookmark's name."""
        current = self.session.get(annotation_id)
        if current is None:
            return
        self.hide_popups()
        if current.kind is Kind.BOOKMARK:
            self.rename_bookmark(current)
            return

        def done(text: str) -> None:
            latest = self.session.get(annotation_id)
            if latest is None or text == latest.note:
                return
            if not text and latest.kind is Kind.NOTE:
                self.delete(annotation_id)  # a note with nothing in it is no note
            else:
                self.session.edit(annotation_id, self.tr("Edit Note"), note=text)

        self._ask_note(current.quote, current.note, current.target.section, done)

    def delete(self, annotation_id: str) -> None:
        """Delete an annotation; Ctrl+Z brings it back."""
        self.hide_popups()
        if self.session.get(annotation_id) is not None:
            self.session.delete([annotation_id], self.tr("Delete"))

    def set_colour(self, annotation_id: str, colour: str) -> None:
        self.hide_popups()
        self.last_colour = colour
        self.session.edit(
            annotation_id, self.tr("Change Colour"), color=colour, style=Style.HIGHLIGHT
        )

    def set_style(self, annotation_id: str, style: Style) -> None:
        self.hide_popups()
        self.session.edit(annotation_id, self.tr("Change Style"), style=style)

    # -- the popup and the context menu ------------------------------------------------

    def hide_popups(self) -> None:
        had_keyboard = self.popup.has_keyboard()
        self.popup.hide()
        self.popup.annotation = None
        if had_keyboard:  # the keyboard goes back where it came from
            self.reader.setFocus(Qt.FocusReason.PopupFocusReason)

    def show_selection_popup(self, selection: Selection) -> None:
        self._selection = selection
        self.popup.show_for_selection(selection.rect)

    def open_selection_popup(self, selection: Selection) -> None:
        """The popup for the selection, asked for from the keyboard: it takes the focus."""
        self.show_selection_popup(selection)
        self.popup.focus_first()

    def show_annotation_popup(self, annotation: Annotation, rect: QRect) -> None:
        """A highlight or note was clicked: offer to change it; a bookmark: a menu."""
        current = self.session.get(annotation.id)
        if current is None:
            return
        if current.kind is Kind.BOOKMARK:
            menu = QMenu(self.reader)
            menu.setObjectName("bookmarkMenu")
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.addAction(self.tr("Rename Bookmark…"), lambda: self.rename_bookmark(current))
            menu.addAction(self.tr("Remove Bookmark"), lambda: self.delete(current.id))
            menu.popup(self.reader.viewport().mapToGlobal(rect.center()))
            return
        self.popup.show_for_annotation(current, rect)

    def set_palette(self, palette: Palette) -> None:
        """The theme's highlight colours, for the swatches in the popup and menus."""
        self._palette = palette
        self.popup.set_colours(palette)

    def _popup_colour(self, colour: str) -> None:
        if self.popup.annotation is not None:
            self.set_colour(self.popup.annotation.id, colour)
        else:
            self.highlight(colour)

    def _popup_underline(self) -> None:
        target = self.popup.annotation
        if target is not None:
            style = Style.HIGHLIGHT if target.style is Style.UNDERLINE else Style.UNDERLINE
            self.set_style(target.id, style)
        else:
            self.underline()

    def _popup_note(self) -> None:
        if self.popup.annotation is not None:
            self.edit_note(self.popup.annotation.id)
        else:
            self.add_note()

    def _popup_copy(self) -> None:
        target = self.popup.annotation
        if target is not None:
            QGuiApplication.clipboard().setText(target.quote)
        else:
            self.copy()
        self.hide_popups()

    def _popup_quote(self) -> None:
        target = self.popup.annotation
        if target is not None:
            text = self.quote(target.quote, target.target.section, target.target.start)
            QGuiApplication.clipboard().setText(text)
        else:
            self.copy_quote()
        self.hide_popups()

    def _popup_delete(self) -> None:
        if self.popup.annotation is not None:
            self.delete(self.popup.annotation.id)

    def fill_context_menu(self, menu: QMenu, spot: Spot) -> None:
        """Right click: act on the selection, on the annotation clicked, or at the spot."""
        a = self.actions
        if spot.selection is not None:
            self._selection = spot.selection
            for action in (a.highlight, *a.highlight_colours.values(), a.underline, a.add_note):
                menu.addAction(action)
            menu.addSeparator()
            menu.addAction(a.copy)
            menu.addAction(a.copy_quote)
            menu.addAction(a.copy_link)
            return
        target = spot.annotation
        if target is not None and target.kind is not Kind.BOOKMARK:
            self._annotation_menu(menu, target)
            here = target.target
            menu.addAction(a.copy_link.text(), lambda: self.copy_link(target=here))
        else:
            offset = spot.offset
            menu.addAction(self.tr("Add Note Here…"), lambda: self.add_note_at(offset))
            menu.addAction(a.copy_link.text(), lambda: self.copy_link(offset))
        menu.addAction(a.toggle_bookmark)

    def _annotation_menu(self, menu: QMenu, target: Annotation) -> None:
        if target.kind is Kind.HIGHLIGHT:
            for colour, name in colour_names().items():
                action = QAction(name, menu)
                palette = self._palette
                action.setIcon(swatch_icon(palette.swatch(colour), palette.line(colour)))
                action.setCheckable(True)
                action.setChecked(target.style is Style.HIGHLIGHT and target.color == colour)
                action.triggered.connect(lambda _=False, c=colour: self.set_colour(target.id, c))
                menu.addAction(action)
            underline = menu.addAction(self.tr("Underline"))
            underline.setCheckable(True)
            underline.setChecked(target.style is Style.UNDERLINE)
            underline.triggered.connect(
                lambda on: self.set_style(target.id, Style.UNDERLINE if on else Style.HIGHLIGHT)
            )
            menu.addSeparator()
        label = self.tr("Edit Note…") if target.note else self.tr("Add Note…")
        menu.addAction(label, lambda: self.edit_note(target.id))
        delete = self.tr("Delete Note") if target.kind is Kind.NOTE else self.tr("Delete Highlight")
        menu.addAction(delete, lambda: self.delete(target.id))
        menu.addSeparator()
