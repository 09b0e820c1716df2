"""Turns what the reader does with text into highlights, notes and bookmarks.

The controller owns the open book's annotations while it is open: every change
is committed to the library's store first, then the reader redraws and
`annotations_changed` tells any other view (the annotations panel). Changes go
through the undo stack. When a book opens, annotations made against another
version of its text (another file, or repair switched) are placed again by
`core.anchoring` on a worker thread before they are drawn.
"""

from __future__ import annotations

import bisect
import dataclasses
import importlib
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from readmark.core.annotations import Annotation, Kind, Style, TextTarget
from readmark.core.book import Book
from readmark.core.store.library import Library
from readmark.i18n import translate_error
from readmark.ui.annotations.note_dialog import NoteDialog
from readmark.ui.annotations.popup import SelectionPopup, colour_names, swatch_icon
from readmark.ui.annotations.undo import AddAnnotation, ChangeAnnotation, DeleteAnnotation
from readmark.ui.reader.annotated_reader import AnnotatedReaderView
from readmark.ui.shell.actions import Actions

_LABEL_WORDS = 8
_LABEL_CJK_CHARS = 16

Resolve = Callable[[Book, list[Annotation]], list[Annotation]]


def _resolver() -> Resolve | None:
    """core.anchoring.resolve_all, or None while that module does not exist."""
    try:
        module = importlib.import_module("readmark.core.anchoring")
    except ImportError:
        return None
    return getattr(module, "resolve_all", None)


def _reading_order(a: Annotation) -> tuple[bool, int, int, int, float]:
    return (a.orphaned, a.target.section, a.target.start, a.target.end, a.created)


def _is_cjk(text: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text[:40])


class _Relay(QObject):
    """Carries a worker thread's result to the UI thread (queued signal)."""

    resolved = Signal(int, object, object)  # generation, annotations or None, error or None


class AnnotationController(QObject):
    annotations_changed = Signal(list)  # every annotation of the open book, in reading order
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        reader: AnnotatedReaderView,
        library: Library | None,
        actions: Actions,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.reader = reader
        self.library = library
        self.actions = actions
        self.window = window
        self.undo_stack = QUndoStack(self)
        self.last_colour = "yellow"
        self._book: Book | None = None
        self._annotations: dict[str, Annotation] = {}
        # Reading order kept up to date change by change: re-sorting 10,000 on
        # every added highlight would cost more than committing it.
        self._ordered: list[Annotation] | None = None
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.resolved.connect(self._resolved)
        self._dialog: QWidget | None = None
        self._line_colours: dict[str, QColor] = {}
        self.popup = SelectionPopup(reader.viewport())
        self.popup.colour_chosen.connect(self._popup_colour)
        self.popup.underline_chosen.connect(self._popup_underline)
        self.popup.note_requested.connect(self._popup_note)
        self.popup.copy_requested.connect(self._popup_copy)
        self.popup.quote_requested.connect(self._popup_quote)
        self.popup.delete_requested.connect(self._popup_delete)

    # -- the open book ----------------------------------------------------------------

    @property
    def book(self) -> Book | None:
        return self._book

    def annotations(self) -> list[Annotation]:
        """The open book's annotations in reading order (orphans last)."""
        if self._ordered is None:
            self._ordered = sorted(self._annotations.values(), key=_reading_order)
        return list(self._ordered)

    def set_book(self, book: Book) -> None:
        """Load the book's annotations; re-place them first if its text changed."""
        self.close_book()
        self._book = book
        if self.library is None:
            return
        try:
            stored = self.library.annotations.for_book(book.path)
            versions = self.library.annotations.anchored_to(book.path)
        except Exception as error:  # noqa: BLE001 - reading goes on without them
            self.message.emit(translate_error(error))
            return
        resolve = _resolver()
        if stored and versions - {book.cache_key} and resolve is not None:
            self._start_resolving(book, stored, resolve)
            return
        self._annotations = {a.id: a for a in stored}
        self._ordered = None
        self._publish()

    def close_book(self) -> None:
        self._generation += 1  # a resolution still running is for a book no longer open
        self._book = None
        self._annotations = {}
        self._ordered = None
        self.undo_stack.clear()
        self.hide_popups()
        self.reader.set_annotations([])
        self.annotations_changed.emit([])

    def _start_resolving(self, book: Book, stored: list[Annotation], resolve: Resolve) -> None:
        self._generation += 1
        generation = self._generation
        # The UI thread keeps using the book's renderer; the worker gets its own.
        worker_book = dataclasses.replace(book, renderer=book.renderer.clone())
        relay = self._relay

        def run() -> None:
            try:
                placed = resolve(worker_book, list(stored))
            except Exception as error:  # noqa: BLE001 - reported, and the stored places used
                traceback.print_exc()
                relay.resolved.emit(generation, None, error)
            else:
                relay.resolved.emit(generation, placed, None)

        threading.Thread(target=run, name="readmark-anchoring", daemon=True).start()

    def _resolved(self, generation: int, placed: list[Annotation] | None, error: object) -> None:
        book = self._book
        if generation != self._generation or book is None or self.library is None:
            return
        store = self.library.annotations
        try:
            if placed is not None:
                # All of them, changed or not: they are now known to fit this text,
                # so the next opening of this version needs no resolving.
                store.save_anchors(book.path, placed, anchored_to=book.cache_key)
            else:
                self.message.emit(translate_error(error))  # type: ignore[arg-type]
            fresh = store.for_book(book.path)  # also what was added meanwhile
        except Exception as failure:  # noqa: BLE001
            self.message.emit(translate_error(failure))
            return
        self._annotations = {a.id: a for a in fresh}
        self._ordered = None
        self._publish()

    def _publish(self) -> None:
        ordered = self.annotations()
        self.reader.set_annotations(ordered)
        self.annotations_changed.emit(ordered)

    # -- committing changes (AnnotationEdits, used by the undo commands) ------------------

    def _commit(self, change: Callable[[], object]) -> bool:
        if self.library is not None:
            try:
                change()
            except Exception as error:  # noqa: BLE001 - say so; nothing was changed
                self.message.emit(translate_error(error))
                return False
        return True

    def insert(self, annotation: Annotation) -> bool:
        book = self._book
        if book is None:
            return False
        ok = self._commit(
            lambda: self.library.annotations.add(  # type: ignore[union-attr]
                book.path, annotation, anchored_to=book.cache_key
            )
        )
        if ok:
            self._keep(annotation)
            self._publish()
        return ok

    def remove(self, annotation_id: str) -> bool:
        ok = self._commit(lambda: self.library.annotations.delete(annotation_id))  # type: ignore[union-attr]
        if ok:
            self._drop(annotation_id)
            self._publish()
        return ok

    def replace(self, annotation: Annotation) -> bool:
        ok = self._commit(lambda: self.library.annotations.update(annotation))  # type: ignore[union-attr]
        if ok:
            self._keep(annotation)
            self._publish()
        return ok

    def _keep(self, annotation: Annotation) -> None:
        self._drop(annotation.id)
        self._annotations[annotation.id] = annotation
        if self._ordered is not None:
            bisect.insort(self._ordered, annotation, key=_reading_order)

    def _drop(self, annotation_id: str) -> None:
        if self._annotations.pop(annotation_id, None) is not None and self._ordered is not None:
            index = next(i for i, a in enumerate(self._ordered) if a.id == annotation_id)
            del self._ordered[index]

    def _add(self, annotation: Annotation, text: str) -> Annotation | None:
        if not self.insert(annotation):
            return None
        self.undo_stack.push(AddAnnotation(self, annotation, text))
        return annotation

    def _change(self, before: Annotation, text: str, **changes: object) -> Annotation | None:
        after = before.edited(**changes)
        if not self.replace(after):
            return None
        self.undo_stack.push(ChangeAnnotation(self, before, after, text))
        return after

    # -- making annotations from the selection --------------------------------------------

    def _selection_target(self) -> TextTarget | None:
        selected = self.reader.selected_range()
        if selected is None or self._book is None:
            return None
        text = self.reader.canonical_text()
        return TextTarget.from_text(self.reader.section, text, *selected)

    def _clear_selection(self) -> None:
        cursor = self.reader.textCursor()
        cursor.clearSelection()
        self.reader.setTextCursor(cursor)

    def highlight(self, colour: str | None = None, style: Style = Style.HIGHLIGHT) -> None:
        """Highlight (or underline) the selection in `colour` (default: the last used)."""
        target = self._selection_target()
        if target is None:
            self.message.emit(self.tr("Select some text first."))
            return
        colour = colour or self.last_colour
        self.last_colour = colour
        annotation = Annotation(Kind.HIGHLIGHT, target, color=colour, style=style)
        self.hide_popups()
        if self._add(annotation, self.tr("Highlight")):
            self._clear_selection()

    def underline(self) -> None:
        self.highlight(None, Style.UNDERLINE)

    def add_note(self) -> None:
        """A note on the selection (a highlight with a note), or at the caret."""
        target = self._selection_target()
        if target is None:
            offset = self.reader.caret_offset()
            self.add_note_at(self.reader.top_offset() if offset is None else offset)
            return
        self.hide_popups()

        def done(text: str) -> None:
            if not text:
                return
            annotation = Annotation(Kind.HIGHLIGHT, target, color=self.last_colour, note=text)
            if self._add(annotation, self.tr("Add Note")):
                self._clear_selection()

        self._ask_note(target.exact, "", done)

    def add_note_at(self, offset: int) -> None:
        """A note standing on its own at canonical `offset` of the shown section."""
        if self._book is None or self.reader.section < 0:
            return
        text = self.reader.canonical_text()
        target = TextTarget.from_text(self.reader.section, text, offset, offset)

        def done(note: str) -> None:
            if note:
                annotation = Annotation(Kind.NOTE, target, color=self.last_colour, note=note)
                self._add(annotation, self.tr("Add Note"))

        self._ask_note("", "", done)

    def _ask_note(self, quote: str, note: str, done: Callable[[str], None]) -> None:
        book = self._book
        chapter = book.sections[self.reader.section].title if book else ""
        dialog = NoteDialog(self.window, quote, note, chapter)
        dialog.accepted.connect(lambda: done(dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    # -- copying ------------------------------------------------------------------------

    def copy(self) -> None:
        text = self._selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def copy_quote(self) -> None:
        text = self._selected_text()
        if text:
            QGuiApplication.clipboard().setText(self.quote(text, self.reader.section))

    def _selected_text(self) -> str:
        selected = self.reader.selected_range()
        if selected is None:
            return ""
        return self.reader.canonical_text()[selected[0] : selected[1]]

    def quote(self, text: str, section: int) -> str:
        """`text` in quotation marks with where it comes from: author, title, chapter."""
        book = self._book
        if book is None:
            return text
        meta = book.metadata
        chapter = book.sections[section].title if 0 <= section < len(book.sections) else ""
        authors = ", ".join(meta.authors)
        text = text.strip()
        if _is_cjk(text) or meta.language.startswith(("zh", "ja")):
            source = "".join(
                part for part in (authors and authors + " ", f"《{meta.title}》", chapter) if part
            )
            return f"“{text}”\n——{source}"
        source = ", ".join(part for part in (authors, meta.title, chapter) if part)
        return f"“{text}”\n— {source}"

    # -- bookmarks ------------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        """Bookmark the page being read, or remove the bookmarks on it."""
        book = self._book
        if book is None or self.reader.section < 0:
            return
        section = self.reader.section
        first, last = self.reader.visible_range()
        here = [
            a
            for a in self._annotations.values()
            if a.kind is Kind.BOOKMARK
            and a.target.section == section
            and not a.orphaned
            and first <= a.target.start <= last
        ]
        if here:
            self.undo_stack.beginMacro(self.tr("Remove Bookmark"))
            for bookmark in here:
                self.delete(bookmark)
            self.undo_stack.endMacro()
            self.message.emit(self.tr("Bookmark removed."))
            return
        offset = self.reader.top_offset()
        text = self.reader.canonical_text()
        target = TextTarget.from_text(section, text, offset, offset)
        label = self.default_label(section, offset)
        if self._add(Annotation(Kind.BOOKMARK, target, label=label), self.tr("Add Bookmark")):
            self.message.emit(self.tr("Bookmarked: {label}").format(label=label))

    def default_label(self, section: int, offset: int) -> str:
        """The chapter and the first words from `offset`: "Chapter 3 — It was a…"."""
        book = self._book
        chapter = book.sections[section].title if book else ""
        words = " ".join(self.reader.canonical_text()[offset : offset + 200].split())
        if _is_cjk(words):
            start = words[:_LABEL_CJK_CHARS] + ("…" if len(words) > _LABEL_CJK_CHARS else "")
        else:
            parts = words.split(" ")
            start = " ".join(parts[:_LABEL_WORDS]) + ("…" if len(parts) > _LABEL_WORDS else "")
        if not chapter or start.startswith(chapter):  # at the chapter's own heading
            return start or (book.metadata.title if book else "")
        return f"{chapter} — {start}" if start else chapter

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
            current = self._annotations.get(annotation.id)
            if label and current is not None and label != current.label:
                self._change(current, self.tr("Rename Bookmark"), label=label)

        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    # -- changing annotations (also called by the annotations panel) --------------------

    def go_to(self, annotation: Annotation) -> None:
        """Show where an annotation is."""
        if annotation.orphaned or self._book is None:
            self.message.emit(self.tr("This passage is no longer in the book."))
            return
        self.hide_popups()
        self.reader.go_to_text(annotation.target.section, annotation.target.start)
        self.reader.setFocus()

    def edit_note(self, annotation: Annotation) -> None:
        """Edit (or add) an annotation's note; a bookmark's label."""
        current = self._annotations.get(annotation.id)
        if current is None:
            return
        self.hide_popups()
        if current.kind is Kind.BOOKMARK:
            self.rename_bookmark(current)
            return

        def done(text: str) -> None:
            latest = self._annotations.get(current.id)
            if latest is None or text == latest.note:
                return
            if not text and latest.kind is Kind.NOTE:
                self.delete(latest)  # a note with nothing in it is no note
            else:
                self._change(latest, self.tr("Edit Note"), note=text)

        self._ask_note(current.quote, current.note, done)

    def delete(self, annotation: Annotation) -> None:
        """Delete an annotation; Ctrl+Z brings it back."""
        self.hide_popups()
        current = self._annotations.get(annotation.id, annotation)
        if self.remove(current.id):
            self.undo_stack.push(DeleteAnnotation(self, current, self.tr("Delete")))

    def set_colour(self, annotation: Annotation, colour: str) -> None:
        current = self._annotations.get(annotation.id)
        self.hide_popups()
        if current is None:
            return
        self.last_colour = colour
        if current.color != colour or current.style is not Style.HIGHLIGHT:
            self._change(current, self.tr("Change Colour"), color=colour, style=Style.HIGHLIGHT)

    def set_style(self, annotation: Annotation, style: Style) -> None:
        current = self._annotations.get(annotation.id)
        self.hide_popups()
        if current is not None and current.style is not style:
            self._change(current, self.tr("Change Style"), style=style)

    # -- the popup and the context menu ------------------------------------------------

    def hide_popups(self) -> None:
        self.popup.hide()
        self.popup.annotation = None

    def show_selection_popup(self) -> None:
        if self.reader.selected_range() is None:
            return
        self.popup.show_for_selection(self.reader.selection_rect())

    def show_annotation_popup(self, annotation: Annotation, point: QPoint) -> None:
        """A highlight or note was clicked: offer to change it; a bookmark: a menu."""
        current = self._annotations.get(annotation.id)
        if current is None:
            return
        if current.kind is Kind.BOOKMARK:
            menu = QMenu(self.reader)
            menu.setObjectName("bookmarkMenu")
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.addAction(self.tr("Rename Bookmark…"), lambda: self.rename_bookmark(current))
            menu.addAction(self.tr("Remove Bookmark"), lambda: self.delete(current))
            menu.popup(self.reader.viewport().mapToGlobal(point))
            return
        rect = self.reader.rect_of(current)
        if current.kind is Kind.NOTE:
            rect = rect.adjusted(0, 0, 12, 0)
        self.popup.show_for_annotation(current, rect)

    def set_colours(self, colours: dict, page: QColor) -> None:  # type: ignore[type-arg]
        """The theme's highlight colours (name -> (fill, line)) and page colour: the
        swatches show each fill as it looks on the page, a little stronger."""
        swatches = {}
        for name, (fill, _line) in colours.items():
            alpha = min(1.0, fill.alphaF() * 1.7)
            swatches[name] = QColor.fromRgbF(
                *(
                    alpha * f + (1 - alpha) * p
                    for f, p in zip(
                        (fill.redF(), fill.greenF(), fill.blueF()),
                        (page.redF(), page.greenF(), page.blueF()),
                        strict=True,
                    )
                )
            )
        self._line_colours = swatches
        self.popup.set_colours(swatches)

    def _popup_colour(self, colour: str) -> None:
        if self.popup.annotation is not None:
            self.set_colour(self.popup.annotation, colour)
        else:
            self.highlight(colour)

    def _popup_underline(self) -> None:
        target = self.popup.annotation
        if target is not None:
            style = Style.HIGHLIGHT if target.style is Style.UNDERLINE else Style.UNDERLINE
            self.set_style(target, style)
        else:
            self.underline()

    def _popup_note(self) -> None:
        if self.popup.annotation is not None:
            self.edit_note(self.popup.annotation)
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
            text = self.quote(target.quote, target.target.section)
            QGuiApplication.clipboard().setText(text)
        else:
            self.copy_quote()
        self.hide_popups()

    def _popup_delete(self) -> None:
        if self.popup.annotation is not None:
            self.delete(self.popup.annotation)

    def fill_context_menu(self, menu: QMenu, point: QPoint) -> None:
        """Right click: act on the selection, on the highlight clicked, or at the point."""
        a = self.actions
        if self.reader.selected_range() is not None:
            for action in (a.highlight, *a.highlight_colours.values(), a.underline, a.add_note):
                menu.addAction(action)
            menu.addSeparator()
            menu.addAction(a.copy)
            menu.addAction(a.copy_quote)
            return
        hits = self.reader.highlights_at(point)
        mark = self.reader.mark_at(point)
        target = mark or (hits[0] if hits else None)
        if target is not None and target.kind is not Kind.BOOKMARK:
            self._annotation_menu(menu, target)
        else:
            offset = self.reader.canonical_at(point)
            menu.addAction(self.tr("Add Note Here…"), lambda: self.add_note_at(offset))
        menu.addAction(a.toggle_bookmark)

    def _annotation_menu(self, menu: QMenu, target: Annotation) -> None:
        if target.kind is Kind.HIGHLIGHT:
            for colour, name in colour_names().items():
                action = QAction(name, menu)
                if colour in self._line_colours:
                    action.setIcon(swatch_icon(self._line_colours[colour]))
                action.setCheckable(True)
                action.setChecked(target.style is Style.HIGHLIGHT and target.color == colour)
                action.triggered.connect(lambda _=False, c=colour: self.set_colour(target, c))
                menu.addAction(action)
            underline = menu.addAction(self.tr("Underline"))
            underline.setCheckable(True)
            underline.setChecked(target.style is Style.UNDERLINE)
            underline.triggered.connect(
                lambda on: self.set_style(target, Style.UNDERLINE if on else Style.HIGHLIGHT)
            )
            menu.addSeparator()
        label = self.tr("Edit Note…") if target.note else self.tr("Add Note…")
        menu.addAction(label, lambda: self.edit_note(target))
        delete = self.tr("Delete Note") if target.kind is Kind.NOTE else self.tr("Delete Highlight")
        menu.addAction(delete, lambda: self.delete(target))
        menu.addSeparator()
