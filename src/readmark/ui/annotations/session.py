"""The open book's annotations in the window: core operations, undo, and one
signal for every view.

Every change goes through `core.operations.BookAnnotations`, which commits it
before anything is shown; `changed` then carries the change set to the views
(the reader's layer, the panel), which update only what it names. Undo and
redo replay a change set or its inverse through the same operations. When the
book's text differs from the one the annotations were placed in, they are
placed again on a background task before they are shown.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import Any, Protocol, Unpack

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from readmark.core.annotations import Annotation, AnnotationChanges
from readmark.core.book import Book
from readmark.core.operations import BookAnnotations, ChangeSet, OperationError
from readmark.core.store.annotation_store import AnnotationStore
from readmark.core.store.errors import StoreError
from readmark.i18n import translate_error
from readmark.ui.background import BackgroundTasks, Progress


class Replayable(Protocol):
    """A change set that can be turned round: ChangeSet, ImportChanges."""

    def inverse(self) -> Replayable: ...


class ReplayCommand(QUndoCommand):
    """Undo replays the inverse of a committed change set through `replay`; redo the
    change set again. Pushed after the first commit, so the push's own redo does
    nothing. Every undoable change goes this way: annotation edits, imports."""

    def __init__(self, replay: Callable[[Any], object], changes: Replayable, text: str) -> None:
        super().__init__(text)
        self._replay = replay
        self._changes = changes
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._replay(self._changes)

    def undo(self) -> None:
        self._replay(self._changes.inverse())


class AnnotationSession(QObject):
    changed = Signal(object)  # ChangeSet, after it was committed
    message = Signal(str)  # for the status bar
    # Placing the annotations again in a book whose text changed: (done, total) as it
    # goes, then placing_ended; cancel_placing stops it (they stay as stored).
    placing = Signal(int, int)  # (0, 0) first: it starts
    placing_ended = Signal()

    def __init__(self, tasks: BackgroundTasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.undo_stack = QUndoStack(self)
        self._store: AnnotationStore | None = None
        self.book: Book | None = None
        self._annotations: BookAnnotations | None = None

    # -- the open book ----------------------------------------------------------------

    def set_store(self, store: AnnotationStore | None) -> None:
        """The library's annotation store (None: nothing is saved)."""
        self._store = store

    def open(self, book: Book) -> None:
        """Show the book's annotations; place them again first if its text changed."""
        self.close()
        self.book = book
        annotations = BookAnnotations(self._store, book.path, lambda: book.cache_key)
        self._annotations = annotations
        try:
            annotations.load()
            stale = annotations.needs_placing()
        except StoreError as error:  # reading goes on without them
            self.message.emit(translate_error(error))
            return
        if not stale:
            self.changed.emit(ChangeSet(reset=True))
            return
        # The UI thread keeps using the book's renderer; the worker gets its own.
        worker_book = dataclasses.replace(book, renderer=book.renderer.clone())

        def place(progress: Progress) -> list[Annotation]:
            from readmark.core.anchoring import resolve_all

            return annotations.place(lambda found: resolve_all(worker_book, found, progress.report))

        def placed(result: list[Annotation]) -> None:
            self.placing_ended.emit()
            if self._annotations is annotations:
                self._commit(lambda: annotations.placed(result), "")

        def failed(error: BaseException) -> None:
            self.placing_ended.emit()
            if self._annotations is annotations:
                self.message.emit(translate_error(error))
                self.changed.emit(ChangeSet(reset=True))  # as stored

        self.placing.emit(0, 0)
        self._tasks.run(
            "place-annotations",
            place,
            placed,
            failed,
            lambda done, total, _text: self.placing.emit(done, total),
        )

    def cancel_placing(self) -> None:
        """Stop placing: the annotations are shown as stored, and placed again at the
        next opening (nothing was written)."""
        if self._tasks.running("place-annotations"):
            self._tasks.cancel("place-annotations")
            self.placing_ended.emit()
            self.message.emit(
                self.tr(
                    "Placing the annotations was cancelled: they are shown where they were; "
                    "they are placed again when the book is next opened."
                )
            )
            self.changed.emit(ChangeSet(reset=True))  # as stored

    def reload(self) -> None:
        """Show the open book's annotations as stored, after a change made across
        books (an import, or its undo); the undo stack is kept."""
        annotations = self._annotations
        if annotations is None:
            return
        try:
            annotations.load()
        except StoreError as error:
            self.message.emit(translate_error(error))
            return
        self.changed.emit(ChangeSet(reset=True))

    def close(self) -> None:
        if self._tasks.running("place-annotations"):
            self._tasks.cancel("place-annotations")
            self.placing_ended.emit()
        self.book = None
        self._annotations = None
        self.undo_stack.clear()
        self.changed.emit(ChangeSet(reset=True))

    def all(self) -> list[Annotation]:
        """The open book's annotations in reading order (orphans last)."""
        return self._annotations.all() if self._annotations is not None else []

    def get(self, annotation_id: str) -> Annotation | None:
        return self._annotations.get(annotation_id) if self._annotations is not None else None

    def bookmarks_between(self, section: int, first: int, last: int) -> list[Annotation]:
        if self._annotations is None:
            return []
        return self._annotations.bookmarks_between(section, first, last)

    # -- operations (each undoable under `text`) -------------------------------------

    def add(self, annotation: Annotation, text: str) -> bool:
        return self._operate(lambda ops: ops.add(annotation), text)

    def edit(self, annotation_id: str, text: str, **changes: Unpack[AnnotationChanges]) -> bool:
        return self._operate(lambda ops: ops.edit(annotation_id, **changes), text)

    def delete(self, annotation_ids: list[str], text: str) -> bool:
        return self._operate(lambda ops: ops.delete(annotation_ids), text)

    def replay(self, changes: ChangeSet) -> bool:
        """Undo/redo: commit a change set (or its inverse) again, not undoable itself."""
        annotations = self._annotations
        if annotations is None:
            return False
        return self._commit(lambda: annotations.apply(changes), "")

    def _operate(self, operation: Callable[[BookAnnotations], ChangeSet], text: str) -> bool:
        annotations = self._annotations
        if annotations is None:
            return False
        return self._commit(lambda: operation(annotations), text)

    def _commit(self, operation: Callable[[], ChangeSet], undo_text: str) -> bool:
        """Run an operation; say why when it fails (nothing was changed then)."""
        try:
            changes = operation()
        except OperationError as error:
            # A request that no longer fits (an undo after the annotation changed
            # elsewhere) or our bug: the reader is told in their language, the
            # detail goes to the log; nothing was changed.
            print(f"readmark: annotation operation refused: {error}", file=sys.stderr)
            self.message.emit(
                self.tr("That could not be done to this annotation; nothing was changed.")
            )
            return False
        except StoreError as error:  # the store failed (disk, lock): say so; bugs propagate
            self.message.emit(translate_error(error))
            return False
        if changes:
            if undo_text and not changes.reset:
                self.undo_stack.push(ReplayCommand(self.replay, changes, undo_text))
            self.changed.emit(changes)
        return True
