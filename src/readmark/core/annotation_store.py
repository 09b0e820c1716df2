"""Annotations in the library database: every change one committed transaction.

Rows belong to a book row (`books.id`); the book's record follows it when the
file is moved (found again by content) or edited (kept by path), so the
annotations do too. Nothing here deletes an annotation except `delete`, which
returns what it removed so the UI can undo it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from readmark.core.annotations import Annotation, Kind, Style, TextTarget

_COLUMNS = (
    "id, kind, section, start, end, exact, prefix, suffix, color, style, note, label, "
    "created, modified, orphaned, original_exact"
)


class AnnotationStore:
    def __init__(self, db: sqlite3.Connection, transaction) -> None:  # type: ignore[no-untyped-def]
        self._db = db
        self._transaction = transaction

    def _book_id(self, book_path: Path) -> int:
        row = self._db.execute("SELECT id FROM books WHERE path = ?", (str(book_path),)).fetchone()
        if row is None:
            raise KeyError(f"{book_path} is not in the library; open it first")
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
                raise KeyError(annotation.id)
        return annotation

    def delete(self, annotation_id: str) -> Annotation:
        """Remove one annotation; returns it so the deletion can be undone."""
        with self._transaction():
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
            ).fetchone()
            if row is None:
                raise KeyError(annotation_id)
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


def _annotation(row: tuple) -> Annotation:  # type: ignore[type-arg]
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
