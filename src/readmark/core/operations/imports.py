"""An import from another reader as one operation: committed in one transaction,
undone in one.

An import touches several books at once (a Kindle's clippings cover a whole
library) and may leave marks waiting for a book not in the library yet, so its
changes are not one book's `ChangeSet`: an `ImportChanges` holds each change
with the book it belongs to (or the pending source it waits under). Undo is
`replay` of its inverse, which refuses — changing nothing — when an imported
annotation was edited or deleted since, as `BookAnnotations.apply` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from readmark.core.annotations import Annotation
from readmark.core.operations.annotations import OperationError
from readmark.core.operations.changes import Change, ChangeSet
from readmark.core.store.annotation_store import AnnotationStore


@dataclass(frozen=True)
class ImportChange:
    book_path: Path | None  # None: waiting for its book, under `source`
    source: str
    before: Annotation | None
    after: Annotation | None
    anchored_to: str = ""  # the text version it was placed in ("" = place on opening)

    def inverse(self) -> ImportChange:
        return ImportChange(self.book_path, self.source, self.after, self.before, self.anchored_to)

    @property
    def id(self) -> str:
        annotation = self.after or self.before
        assert annotation is not None
        return annotation.id


@dataclass(frozen=True)
class ImportChanges:
    changes: tuple[ImportChange, ...] = ()

    def __len__(self) -> int:
        return len(self.changes)

    def inverse(self) -> ImportChanges:
        return ImportChanges(tuple(c.inverse() for c in reversed(self.changes)))

    @property
    def books(self) -> set[Path]:
        return {c.book_path for c in self.changes if c.book_path is not None}

    def for_book(self, book_path: Path) -> ChangeSet:
        """The part of it that concerns one book, as the views take it."""
        return ChangeSet(
            tuple(Change(c.before, c.after) for c in self.changes if c.book_path == book_path)
        )


def commit_import(store: AnnotationStore, changes: ImportChanges) -> ImportChanges:
    """Add an import's annotations, all in one transaction; returns what to undo."""
    for change in changes.changes:
        if change.before is not None or change.after is None:
            raise OperationError("an import only adds annotations")
        if store.get(change.after.id) is not None:
            raise OperationError(f"annotation {change.after.id} exists already")
    return replay(store, changes)


def replay(store: AnnotationStore, changes: ImportChanges) -> ImportChanges:
    """Commit an import again, or its inverse (undo). Each change must start from
    what the library holds now; otherwise nothing is done (OperationError)."""
    replay_counted(store, changes)
    return changes


def replay_counted(
    store: AnnotationStore, changes: ImportChanges, remember_deletions: bool = True
) -> tuple[int, int]:
    """`replay`, returning the library's change numbers just before and after its
    transaction (a sync then knows which changes were its own); see
    `AnnotationStore.apply_across` for `remember_deletions`."""
    for change in changes.changes:
        if store.get(change.id) != change.before:
            raise OperationError(f"annotation {change.id} changed since; cannot replay")
    return store.apply_across(
        ((c.book_path, c.source, c.before, c.after, c.anchored_to) for c in changes.changes),
        remember_deletions,
    )
