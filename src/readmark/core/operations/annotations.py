"""Every change to an open book's annotations, as operations that commit first.

`BookAnnotations` is the one copy of a book's annotations that the window
shows. Each operation validates its input, commits the change to the store
in one transaction, updates the copy, and returns the `ChangeSet` it made;
nothing changes (and the store error propagates) when the commit fails. Undo
and redo are `apply` of a change set or its inverse — the same path.

With no store (the library could not be opened) the operations still work on
the copy, so reading and marking go on; the window has told the reader that
nothing will be saved.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Unpack

from readmark.core.annotations import Annotation, AnnotationChanges, Kind, Style
from readmark.core.operations.changes import Change, ChangeSet
from readmark.core.store.annotation_store import AnnotationStore

Resolve = Callable[[list[Annotation]], list[Annotation]]

_EDITABLE = frozenset({"color", "style", "note", "label"})


class OperationError(ValueError):
    """An operation was asked for something invalid: a bug in the caller."""


def reading_order(a: Annotation) -> tuple[bool, int, int, int, float, str]:
    """Orphans last; then section, start, end, creation time (id breaks ties)."""
    return (a.orphaned, a.target.section, a.target.start, a.target.end, a.created, a.id)


class BookAnnotations:
    def __init__(
        self, store: AnnotationStore | None, book_path: Path, version: str | Callable[[], str]
    ) -> None:
        """`version` is the book text's cache key: positions stored against
        another version must be placed again (`needs_placing`). Given as a function,
        it is asked the first time it is needed (a book without annotations opens
        without it: it holds a digest of the rendering code)."""
        self._store = store
        self.book_path = book_path
        self._version = version
        self._by_id: dict[str, Annotation] = {}
        self._ordered: list[Annotation] = []
        self._keys: list[tuple[bool, int, int, int, float, str]] = []

    @property
    def version(self) -> str:
        if callable(self._version):
            self._version = self._version()
        return self._version

    # -- reading ------------------------------------------------------------------

    def load(self) -> ChangeSet:
        """Read the book's annotations from the store (a reset)."""
        stored = self._store.for_book(self.book_path) if self._store is not None else []
        self._replace_all(stored)
        return ChangeSet(reset=True)

    def needs_placing(self) -> bool:
        """Whether some annotations were placed against another text of the book
        (another file version, repair switched, another encoding)."""
        if self._store is None or not self._by_id:
            return False
        return bool(self._store.anchored_to(self.book_path) - {self.version})

    def all(self) -> list[Annotation]:
        """Every annotation in reading order (orphans last)."""
        return list(self._ordered)

    def __len__(self) -> int:
        return len(self._ordered)

    def get(self, annotation_id: str) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def bookmarks_between(self, section: int, first: int, last: int) -> list[Annotation]:
        """Placed bookmarks of `section` starting within canonical [first, last]."""
        low = bisect.bisect_left(self._keys, (False, section, first))
        found = []
        for annotation in self._ordered[low:]:
            target = annotation.target
            if annotation.orphaned or target.section != section or target.start > last:
                break
            if annotation.kind is Kind.BOOKMARK:
                found.append(annotation)
        return found

    # -- operations ---------------------------------------------------------------

    def add(self, annotation: Annotation) -> ChangeSet:
        _validate(annotation)
        if annotation.id in self._by_id:
            raise OperationError(f"annotation {annotation.id} exists already")
        return self._commit([Change(None, annotation)])

    def edit(self, annotation_id: str, **changes: Unpack[AnnotationChanges]) -> ChangeSet:
        """Change colour, style, note or label; an empty change set if nothing differs."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise OperationError(f"cannot edit {sorted(unknown)}")
        before = self._existing(annotation_id)
        if all(getattr(before, name) == value for name, value in changes.items()):
            return ChangeSet()
        after = before.edited(**changes)
        _validate_fields(after)
        return self._commit([Change(before, after)])

    def delete(self, annotation_ids: Iterable[str]) -> ChangeSet:
        changes = [Change(self._existing(i), None) for i in dict.fromkeys(annotation_ids)]
        return self._commit(changes)

    def apply(self, change_set: ChangeSet) -> ChangeSet:
        """Commit a change set again, or its inverse (undo/redo). Each change must
        start from what is here now; otherwise nothing is done."""
        for change in change_set.changes:
            current = self._by_id.get(change.id)
            if current != change.before:
                raise OperationError(f"annotation {change.id} changed since; cannot replay")
        return self._commit(list(change_set.changes))

    def place(self, resolve: Resolve) -> list[Annotation]:
        """Where the annotations belong in this version of the text: `resolve`
        (core.anchoring.resolve_all over the book) runs here, on whatever thread
        calls it, on a snapshot; nothing is changed. Pass the result to `placed`."""
        return resolve(self.all())

    def placed(self, annotations: list[Annotation]) -> ChangeSet:
        """Store re-placed positions (all of them: they are now known to fit this
        version, so the next opening needs no placing) and show what the store
        holds then — including what was added while they were being placed."""
        if self._store is not None:
            self._store.save_anchors(self.book_path, annotations, anchored_to=self.version)
            self._replace_all(self._store.for_book(self.book_path))
        else:
            current = {a.id for a in self._ordered}
            self._replace_all([a for a in annotations if a.id in current])
        return ChangeSet(reset=True)

    # -- inside ---------------------------------------------------------------------

    def _existing(self, annotation_id: str) -> Annotation:
        found = self._by_id.get(annotation_id)
        if found is None:
            raise OperationError(f"no annotation {annotation_id} in this book")
        return found

    def _commit(self, changes: list[Change]) -> ChangeSet:
        if not changes:
            return ChangeSet()
        if self._store is not None:
            pairs = [(c.before, c.after) for c in changes]
            self._store.apply(self.book_path, pairs, anchored_to=self.version)
        for change in changes:
            if change.before is not None:
                self._drop(change.before.id)
            if change.after is not None:
                self._keep(change.after)
        return ChangeSet(tuple(changes))

    def _replace_all(self, annotations: list[Annotation]) -> None:
        self._ordered = sorted(annotations, key=reading_order)
        self._keys = [reading_order(a) for a in self._ordered]
        self._by_id = {a.id: a for a in self._ordered}

    def _keep(self, annotation: Annotation) -> None:
        key = reading_order(annotation)
        at = bisect.bisect_left(self._keys, key)
        self._keys.insert(at, key)
        self._ordered.insert(at, annotation)
        self._by_id[annotation.id] = annotation

    def _drop(self, annotation_id: str) -> None:
        annotation = self._by_id.pop(annotation_id, None)
        if annotation is None:
            return
        at = bisect.bisect_left(self._keys, reading_order(annotation))
        del self._keys[at]
        del self._ordered[at]


def _validate(annotation: Annotation) -> None:
    """What the window may make: a highlight over some text, a note with text, a
    named bookmark, in a colour. (Imports are merged by the store, not here.)"""
    target = annotation.target
    if not isinstance(annotation.kind, Kind) or not isinstance(annotation.style, Style):
        raise OperationError("kind and style must be Kind and Style")
    if not 0 <= target.start <= target.end or target.section < 0:
        raise OperationError(f"bad target {target!r}")
    if annotation.kind is Kind.HIGHLIGHT and target.end == target.start:
        raise OperationError("a highlight covers some text")
    _validate_fields(annotation)


def _validate_fields(annotation: Annotation) -> None:
    if annotation.kind is Kind.BOOKMARK and not annotation.label.strip():
        raise OperationError("a bookmark has a name")
    if annotation.kind is Kind.NOTE and not annotation.note.strip():
        raise OperationError("a note has text")
    if not isinstance(annotation.style, Style):
        raise OperationError("style must be a Style")
    # Colours from imports are kept as they came; the window offers COLOURS.
    if not annotation.color:
        raise OperationError("an annotation has a colour")
