"""Undo and redo of annotation changes, as QUndoCommands over the store.

Every command acts through an `AnnotationEdits` (the controller), which commits
to the store first and then redraws. A command is pushed only after its first
change has been committed, so its first `redo` (which QUndoStack.push runs)
does nothing.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from readmark.core.annotations import Annotation


class AnnotationEdits(Protocol):
    def insert(self, annotation: Annotation) -> bool: ...

    def remove(self, annotation_id: str) -> bool: ...

    def replace(self, annotation: Annotation) -> bool: ...


class _Command(QUndoCommand):
    def __init__(self, edits: AnnotationEdits, text: str) -> None:
        super().__init__(text)
        self._edits = edits
        self._committed = True  # the change is in the store already

    def redo(self) -> None:
        if self._committed:
            self._committed = False
            return
        self.apply()

    def apply(self) -> None:
        raise NotImplementedError


class AddAnnotation(_Command):
    def __init__(self, edits: AnnotationEdits, annotation: Annotation, text: str) -> None:
        super().__init__(edits, text)
        self.annotation = annotation

    def apply(self) -> None:
        self._edits.insert(self.annotation)

    def undo(self) -> None:
        self._edits.remove(self.annotation.id)


class DeleteAnnotation(_Command):
    """Deleting brings back the very same annotation on undo: id, times and all."""

    def __init__(self, edits: AnnotationEdits, annotation: Annotation, text: str) -> None:
        super().__init__(edits, text)
        self.annotation = annotation

    def apply(self) -> None:
        self._edits.remove(self.annotation.id)

    def undo(self) -> None:
        self._edits.insert(self.annotation)


class ChangeAnnotation(_Command):
    def __init__(
        self, edits: AnnotationEdits, before: Annotation, after: Annotation, text: str
    ) -> None:
        super().__init__(edits, text)
        self.before, self.after = before, after

    def apply(self) -> None:
        self._edits.replace(self.after)

    def undo(self) -> None:
        self._edits.replace(self.before)
