"""Annotations in the library database: every change one committed transaction.

Rows belong to a book row (`books.id`); the book's record follows it when the
file is moved (found again by content) or edited (kept by path), so the
annotations do too. Nothing here deletes an annotation except `delete`, which
returns what it removed so the UI can undo it.

Imported annotations whose book is not in the library yet are *pending*:
stored with `book_id` NULL and `source` naming the book (its
`urn:readmark:book:<content id>` or its absolute path) until `claim_pending`
gives them to the book when it is opened. A quote-only import is stored with
section, start and end -1 (`UNPLACED`) until anchoring finds its quote.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from readmark.core.annotations import Annotation, Kind, Style, TextTarget
from readmark.core.store.errors import (
    AnnotationNotFoundError,
    NotInLibraryError,
    converts_sqlite_errors,
)
from readmark.core.titles import TITLE_URN, title_key, titles_match

_COLUMNS = (
    "id, kind, section, start, end, exact, prefix, suffix, color, style, note, label, "
    "created, modified, orphaned, original_exact"
)


BOOK_URN = "urn:readmark:book:"  # + content id: how exports name a book


class MergeOutcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"  # the library holds the same annotation already
    KEPT_NEWER = "kept-newer"  # the library's copy was modified later than the import's


@dataclass(frozen=True)
class Incoming:
    """One annotation to merge: into `book_path`'s book, or pending for `source`."""

    annotation: Annotation
    book_path: Path | None
    source: str = ""


@dataclass(frozen=True)
class StoredAnnotation:
    """An annotation with its place in the library: its book (path and content id),
    or, waiting for its book, the pending `source`; and the text it was placed in."""

    annotation: Annotation
    book_path: Path | None
    content_id: str
    source: str
    anchored_to: str


@converts_sqlite_errors
class AnnotationStore:
    """The library's annotations (`Library.annotations`).

    Its methods raise StoreError (core.store.errors), never sqlite3's: among them
    NotInLibraryError for a book never opened here and AnnotationNotFoundError
    for an id the library does not hold.
    """

    def __init__(
        self,
        db: sqlite3.Connection,
        transaction: Callable[[], AbstractContextManager[None]],
        path: Path,
    ) -> None:
        """`transaction()` is the library's BEGIN IMMEDIATE … COMMIT; `path` its file."""
        self._db = db
        self._transaction = transaction
        self.path = path

    def _book_id(self, book_path: Path) -> int:
        row = self._db.execute("SELECT id FROM books WHERE path = ?", (str(book_path),)).fetchone()
        if row is None:
            raise NotInLibraryError(book_path)
        return int(row[0])

    def for_book(self, book_path: Path) -> list[Annotation]:
        """Every annotation of the book, in reading order (orphans last)."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE book_id = ? "
            "ORDER BY orphaned, section, start, end, created",
            (self._book_id(book_path),),
        ).fetchall()
        return [_annotation(row) for row in rows]

    def anchored_to(self, book_path: Path) -> set[str]:
        """The book versions the stored positions were resolved against."""
        rows = self._db.execute(
            "SELECT DISTINCT anchored_to FROM annotations WHERE book_id = ?",
            (self._book_id(book_path),),
        ).fetchall()
        return {row[0] for row in rows}

    def get(self, annotation_id: str) -> Annotation | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        return _annotation(row) if row else None

    def add(self, book_path: Path, annotation: Annotation, anchored_to: str = "") -> Annotation:
        """Insert (or, for an id already there, replace) and commit."""
        with self._transaction():
            self._write(self._book_id(book_path), annotation, anchored_to)
        return annotation

    def update(self, annotation: Annotation) -> Annotation:
        with self._transaction():
            cursor = self._db.execute(
                "UPDATE annotations SET kind = ?, section = ?, start = ?, end = ?, exact = ?, "
                "prefix = ?, suffix = ?, color = ?, style = ?, note = ?, label = ?, "
                "created = ?, modified = ?, orphaned = ?, original_exact = ? WHERE id = ?",
                (*_values(annotation)[1:], annotation.id),
            )
            if cursor.rowcount != 1:
                raise AnnotationNotFoundError(annotation.id)
        return annotation

    def delete(self, annotation_id: str) -> Annotation:
        """Remove one annotation; returns it so the deletion can be undone."""
        with self._transaction():
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
            ).fetchone()
            if row is None:
                raise AnnotationNotFoundError(annotation_id)
            self._db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return _annotation(row)

    def save_anchors(
        self, book_path: Path, annotations: Iterable[Annotation], anchored_to: str
    ) -> None:
        """Write re-anchored positions back in one transaction (next open is fast)."""
        book_id = self._book_id(book_path)
        with self._transaction():
            for annotation in annotations:
                self._db.execute(
                    "UPDATE annotations SET section = ?, start = ?, end = ?, exact = ?, "
                    "prefix = ?, suffix = ?, orphaned = ?, original_exact = ?, anchored_to = ? "
                    "WHERE id = ? AND book_id = ?",
                    (
                        annotation.target.section,
                        annotation.target.start,
                        annotation.target.end,
                        annotation.target.exact,
                        annotation.target.prefix,
                        annotation.target.suffix,
                        int(annotation.orphaned),
                        annotation.original_exact,
                        anchored_to,
                        annotation.id,
                        book_id,
                    ),
                )

    # -- imports ---------------------------------------------------------------

    def change_mark(self) -> tuple[int, int]:
        """Changes whenever the library may have changed since it was last asked:
        SQLite's data_version (another connection committed) and this connection's
        total changes. Equal marks: nothing was written in between."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        return int(version), self._db.total_changes

    def searchable(self) -> list[tuple[str, str, str, str, str, str]]:
        """(id, book path, kind, colour, quote, note) of every highlight and note of
        the library's books (not bookmarks, not imports still waiting for their
        book): what the library search indexes. One query."""
        return self._db.execute(
            "SELECT a.id, b.path, a.kind, a.color, a.exact, a.note FROM annotations a "
            "JOIN books b ON b.id = a.book_id "
            "WHERE a.kind != 'bookmark' AND b.removed IS NULL"
        ).fetchall()

    def book_of(self, annotation_id: str) -> Path | None:
        """The path of the book an annotation belongs to (None: unknown id, or pending)."""
        row = self._db.execute(
            "SELECT books.path FROM annotations JOIN books ON books.id = annotations.book_id "
            "WHERE annotations.id = ?",
            (annotation_id,),
        ).fetchone()
        return Path(row[0]) if row else None

    def book_with_content(self, content_id: str) -> Path | None:
        """The library's book with these exact bytes (the last opened, if copies)."""
        row = self._db.execute(
            "SELECT path FROM books WHERE content_id = ? ORDER BY last_opened DESC",
            (content_id,),
        ).fetchone()
        return Path(row[0]) if row else None

    def merge(self, incoming: Sequence[Incoming]) -> list[MergeOutcome]:
        """Add or update by id, all in one transaction; one outcome per item.

        An id already in the library is updated, not duplicated, unless the
        library's copy was modified later (then it is kept). An update without
        a known book leaves the annotation with the book it already has.
        """
        outcomes = []
        with self._transaction():
            for item in incoming:
                outcomes.append(self._merge_one(item))
        return outcomes

    def _merge_one(self, item: Incoming) -> MergeOutcome:
        annotation = item.annotation
        book_id = None if item.book_path is None else self._book_id(item.book_path)
        source = "" if book_id is not None else item.source
        row = self._db.execute(
            f"SELECT {_COLUMNS}, book_id, source FROM annotations WHERE id = ?",
            (annotation.id,),
        ).fetchone()
        if row is None:
            self._write(book_id, annotation, "")
            self._db.execute(
                "UPDATE annotations SET source = ? WHERE id = ?", (source, annotation.id)
            )
            return MergeOutcome.ADDED
        existing = _annotation(row[:-2])
        old_book_id, old_source = row[-2], row[-1]
        if book_id is None and old_book_id is not None:
            book_id, source = old_book_id, ""
        if existing == annotation and (book_id, source) == (old_book_id, old_source):
            return MergeOutcome.UNCHANGED
        if existing.modified > annotation.modified:
            return MergeOutcome.KEPT_NEWER
        self._write(book_id, annotation, "")
        self._db.execute("UPDATE annotations SET source = ? WHERE id = ?", (source, annotation.id))
        return MergeOutcome.UPDATED

    def everything(self) -> list[StoredAnnotation]:
        """Every annotation in the library with where it belongs (sync reads them all)."""
        return self._stored("", ())

    def stored(self, ids: Iterable[str]) -> list[StoredAnnotation]:
        """Those of `ids` the library holds, with where they belong."""
        wanted = list(dict.fromkeys(ids))
        found: list[StoredAnnotation] = []
        for n in range(0, len(wanted), 500):  # within SQLite's limit on parameters
            chunk = wanted[n : n + 500]
            found += self._stored(f"WHERE annotations.id IN ({', '.join('?' * len(chunk))})", chunk)
        return found

    def change_count(self) -> int:
        """The number of the library's latest annotation change (0: none): every
        add, edit and deletion takes the next one (schema 5's triggers)."""
        row = self._db.execute("SELECT coalesce(max(seq), 0) FROM annotation_changes").fetchone()
        return int(row[0])

    def changed_since(self, count: int) -> tuple[list[StoredAnnotation], dict[str, float]]:
        """The annotations added or changed after change number `count`, and those
        deleted after it (id → when it was deleted)."""
        changed = self._stored(
            "JOIN annotation_changes ON annotation_changes.id = annotations.id "
            "WHERE annotation_changes.seq > ?",
            (count,),
        )
        rows = self._db.execute(
            "SELECT id, deleted FROM annotation_changes WHERE seq > ? AND deleted IS NOT NULL",
            (count,),
        ).fetchall()
        return changed, {str(row[0]): float(row[1]) for row in rows}

    def deletions(self) -> dict[str, float]:
        """Every annotation deleted in this library (not taken in from elsewhere) and
        not back since: id → when."""
        rows = self._db.execute(
            "SELECT id, deleted FROM annotation_changes WHERE deleted > 0"
        ).fetchall()
        return {str(row[0]): float(row[1]) for row in rows}

    def _stored(self, where: str, params: Sequence[object]) -> list[StoredAnnotation]:
        columns = ", ".join(f"annotations.{c.strip()}" for c in _COLUMNS.split(","))
        rows = self._db.execute(
            f"SELECT {columns}, books.path, books.content_id, annotations.source, "
            "annotations.anchored_to FROM annotations "
            f"LEFT JOIN books ON books.id = annotations.book_id {where}",
            tuple(params),
        ).fetchall()
        return [
            StoredAnnotation(
                _annotation(row[:-4]),
                None if row[-4] is None else Path(row[-4]),
                row[-3] or "",
                row[-2],
                row[-1],
            )
            for row in rows
        ]

    def pending(self) -> list[tuple[str, Annotation]]:
        """(source, annotation) of every import still waiting for its book."""
        rows = self._db.execute(
            f"SELECT source, {_COLUMNS} FROM annotations WHERE book_id IS NULL "
            "ORDER BY source, created, id"
        ).fetchall()
        return [(row[0], _annotation(row[1:])) for row in rows]

    def apply_across(
        self,
        changes: Iterable[tuple[Path | None, str, Annotation | None, Annotation | None, str]],
        remember_deletions: bool = True,
    ) -> tuple[int, int]:
        """Changes to several books' annotations (and pending ones) in one transaction:
        (book_path or None, pending source, before, after, anchored_to) each; (…, None, a, …)
        adds a, (…, a, None, …) deletes a. An import and its undo. All or nothing.
        Returns the change numbers just before and after it (`change_count`), read
        inside the transaction: every number in between is this one's.

        `remember_deletions=False` (a sync taking in deletions made elsewhere): their
        tombstones say so (time 0), so they never count as deleted *here* later."""
        with self._transaction():
            first = self.change_count()
            for book_path, source, before, after, anchored_to in changes:
                book_id = None if book_path is None else self._book_id(book_path)
                if after is not None:
                    self._write(book_id, after, anchored_to)
                    self._db.execute(
                        "UPDATE annotations SET source = ? WHERE id = ?",
                        ("" if book_id is not None else source, after.id),
                    )
                elif before is not None:
                    self._db.execute("DELETE FROM annotations WHERE id = ?", (before.id,))
                    if not remember_deletions:
                        self._db.execute(
                            "UPDATE annotation_changes SET deleted = 0 WHERE id = ?", (before.id,)
                        )
            return first, self.change_count()

    def claim_pending(self, book_path: Path, content_id: str, title: str = "") -> int:
        """Give the book at `book_path` (in the library) the imports waiting for it.

        Call right after `Library.touch`. Matches a pending source naming the
        book's content (`urn:readmark:book:<content_id>`) or its path; returns
        how many were claimed. With `title`, also the marks imported from another
        reader that wait under a title naming it (`core.titles`). Their positions are not verified yet
        (`anchored_to` is empty), so the next anchoring pass places them.
        """
        book_id = self._book_id(book_path)
        sources: tuple[str, ...] = (BOOK_URN + content_id, str(book_path))
        if title_key(title):
            waiting = self._db.execute(
                "SELECT DISTINCT source FROM annotations WHERE book_id IS NULL "
                "AND substr(source, 1, ?) = ?",
                (len(TITLE_URN), TITLE_URN),
            ).fetchall()
            sources += tuple(
                row[0]
                for row in waiting
                if titles_match(row[0][len(TITLE_URN) :], title_key(title))
            )
        with self._transaction():
            cursor = self._db.execute(
                "UPDATE annotations SET book_id = ?, source = '', anchored_to = '' "
                f"WHERE book_id IS NULL AND source IN ({', '.join('?' * len(sources))})",
                (book_id, *sources),
            )
        return cursor.rowcount

    def apply(
        self,
        book_path: Path,
        changes: Iterable[tuple[Annotation | None, Annotation | None]],
        anchored_to: str = "",
    ) -> None:
        """Make (before, after) changes to the book's annotations in one transaction:
        (None, a) adds a, (a, None) deletes a, (a, b) replaces a by b. Either all
        of them are committed or none is."""
        book_id = self._book_id(book_path)
        with self._transaction():
            for before, after in changes:
                if after is not None:
                    self._write(book_id, after, anchored_to)
                elif before is not None:
                    self._db.execute(
                        "DELETE FROM annotations WHERE id = ? AND book_id = ?",
                        (before.id, book_id),
                    )

    def _write(self, book_id: int | None, annotation: Annotation, anchored_to: str) -> None:
        values = _values(annotation)
        self._db.execute(
            f"INSERT OR REPLACE INTO annotations ({_COLUMNS}, book_id, anchored_to) "
            f"VALUES ({', '.join('?' * (len(values) + 2))})",
            (*values, book_id, anchored_to),
        )


def _values(a: Annotation) -> tuple[object, ...]:
    t = a.target
    return (
        a.id, a.kind.value, t.section, t.start, t.end, t.exact, t.prefix, t.suffix,
        a.color, a.style.value, a.note, a.label, a.created, a.modified, int(a.orphaned),
        a.original_exact,
    )  # fmt: skip


# A row of _COLUMNS, as SQLite gives it.
_AnnotationRow = tuple[
    str, str, int, int, int, str, str, str, str, str, str, str, float, float, int, str
]


def _annotation(row: _AnnotationRow) -> Annotation:
    (
        id_, kind, section, start, end, exact, prefix, suffix, color, style, note, label,
        created, modified, orphaned, original_exact,
    ) = row  # fmt: skip
    return Annotation(
        kind=Kind(kind),
        target=TextTarget(section, start, end, exact, prefix, suffix),
        id=id_,
        color=color,
        style=Style(style),
        note=note,
        label=label,
        created=created,
        modified=modified,
        orphaned=bool(orphaned),
        original_exact=original_exact,
    )
