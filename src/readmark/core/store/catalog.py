"""The library view's side of the books table: what is in the library, added how
and when, how far each book was read, and the folders watched for new books.

A book is in the library once it was opened or added. Taking it out never
drops its annotations silently: `remove` keeps the row (marked `removed`) with
its annotations, so adding or opening the book again brings everything back;
only `remove(..., delete_annotations=True)` deletes them, and the operation
that calls it backs the library up first (`core.operations.library_books`).

Every write is one committed transaction (the library's BEGIN IMMEDIATE).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from readmark.core.store.errors import (
    InvalidNameError,
    NotInLibraryError,
    converts_sqlite_errors,
)


@dataclass(frozen=True)
class BookFile:
    """What adding a book file needs to know of it (read by `describe_file`)."""

    path: Path
    content_id: str
    title: str
    authors: str
    format: str
    language: str
    size: int
    mtime: float


class CatalogEntry(NamedTuple):
    """One book as the library view lists it (a named tuple: 5,000 are made at
    each listing, three times faster than a frozen dataclass)."""

    path: str
    content_id: str
    title: str
    authors: str
    format: str
    language: str
    size: int
    added: float
    last_opened: float  # 0: added but never opened
    progress: float | None  # 0..1 of the book; None: never read
    chapter: str  # the chapter the reader was in
    annotations: int
    series: str = ""
    tags: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()


class AddOutcome(StrEnum):
    ADDED = "added"
    MOVED = "moved"  # known content at a new path: the record followed the file
    RESTORED = "restored"  # it had been taken out of the library
    ALREADY = "already"  # in the library at this path; its facts refreshed


_ENTRY_COLUMNS = (
    "b.path, b.content_id, b.title, b.authors, b.format, b.language, b.size, b.added, "
    "b.last_opened, b.progress, b.progress_chapter, "
    "(SELECT COUNT(*) FROM annotations a WHERE a.book_id = b.id), b.series, b.tags, "
    "(SELECT json_group_array(c.name) FROM book_collections bc "
    "JOIN collections c ON c.id = bc.collection_id WHERE bc.book_id = b.id)"
)

# A row of _ENTRY_COLUMNS, as SQLite gives it.
_EntryRow = tuple[
    str, str, str, str, str, str, int, float, float, float | None, str, int, str, str, str
]


def _entry(row: _EntryRow) -> CatalogEntry:
    (
        path, content_id, title, authors, format_, language, size, added, opened, progress,
        chapter, annotations, series, tags, collections,
    ) = row  # fmt: skip
    return CatalogEntry(
        path,
        content_id,
        title,
        authors,
        format_,
        language,
        size,
        added,
        opened,
        progress,
        chapter,
        annotations,
        series=series,
        tags=tuple(_string_list(tags)),
        collections=tuple(sorted(_string_list(collections), key=str.casefold)),
    )


def _string_list(text: str | None) -> list[str]:
    """A JSON list of strings from the database; anything else reads as empty."""
    if not text or text == "[]":  # most books: no tags, no collection (5,000 rows listed)
        return []
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


@converts_sqlite_errors
class Catalog:
    """`Library.catalog`. Raises StoreError (core.store.errors), never sqlite3's."""

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

    # -- reading -----------------------------------------------------------------

    def entries(self) -> list[CatalogEntry]:
        """Every book in the library (not those taken out), newest added first."""
        rows = self._db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM books b WHERE b.removed IS NULL "
            "ORDER BY b.added DESC, b.id DESC"
        ).fetchall()
        return [_entry(row) for row in rows]

    def entry(self, path: Path) -> CatalogEntry | None:
        """The book at `path`, in the library or not (taken out: None)."""
        row = self._db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM books b WHERE b.path = ? AND b.removed IS NULL",
            (str(path),),
        ).fetchone()
        return _entry(row) if row else None

    def known_files(self, include_removed: bool = True) -> dict[str, tuple[int, float]]:
        """path → (size, mtime) of the books, by default those taken out too: a
        rescan reads only files that are new or changed, and does not bring back
        a book the reader took out."""
        where = "" if include_removed else " WHERE removed IS NULL"
        rows = self._db.execute(f"SELECT path, size, mtime FROM books{where}").fetchall()
        return {path: (size, mtime) for path, size, mtime in rows}

    def annotation_count(self, path: Path) -> int:
        row = self._db.execute(
            "SELECT (SELECT COUNT(*) FROM annotations a WHERE a.book_id = b.id) "
            "FROM books b WHERE b.path = ?",
            (str(path),),
        ).fetchone()
        if row is None:
            raise NotInLibraryError(path)
        return int(row[0])

    # -- writing -----------------------------------------------------------------

    def record(self, files: Sequence[BookFile]) -> list[AddOutcome]:
        """Put the books in the library, in one transaction; one outcome per file.

        A path already there is refreshed (and put back if it was taken out); a
        new path whose content the library knows at a path that no longer exists
        is that book moved or renamed: its record (annotations, position) follows.
        """
        now = time.time()
        outcomes = []
        with self._transaction():
            for book in files:
                outcomes.append(self._record_one(book, now))
        return outcomes

    def _record_one(self, book: BookFile, now: float) -> AddOutcome:
        facts = (book.content_id, book.format, book.language, book.size, book.mtime)
        row = self._db.execute(
            "SELECT id, removed FROM books WHERE path = ?", (str(book.path),)
        ).fetchone()
        outcome = AddOutcome.ALREADY
        if row is None:
            for book_id, old_path in self._db.execute(
                "SELECT id, path FROM books WHERE content_id = ? ORDER BY last_opened DESC",
                (book.content_id,),
            ).fetchall():
                if not Path(old_path).exists():
                    row, outcome = (book_id, None), AddOutcome.MOVED
                    break
        if row is None:
            self._db.execute(
                "INSERT INTO books (path, content_id, title, authors, last_opened, added, "
                "format, language, size, mtime) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                (str(book.path), book.content_id, book.title, book.authors, now, *facts[1:]),
            )
            return AddOutcome.ADDED
        book_id, removed = row
        if removed is not None:
            outcome = AddOutcome.RESTORED
        self._db.execute(
            "UPDATE books SET path = ?, content_id = ?, format = ?, language = ?, size = ?, "
            "mtime = ?, removed = NULL, added = CASE WHEN added > 0 THEN added ELSE ? END, "
            "title = CASE WHEN last_opened > 0 OR edited THEN title ELSE ? END, "
            "authors = CASE WHEN last_opened > 0 OR edited THEN authors ELSE ? END WHERE id = ?",
            (str(book.path), *facts, now, book.title, book.authors, book_id),
        )
        return outcome

    def describe(self, book: BookFile) -> None:
        """Fill in what the library view shows of a book just opened (format,
        language, size): books opened before the library view had none."""
        with self._transaction():
            self._db.execute(
                "UPDATE books SET format = ?, language = ?, size = ?, mtime = ? WHERE path = ?",
                (book.format, book.language, book.size, book.mtime, str(book.path)),
            )

    def set_progress(self, path: Path, fraction: float, chapter: str) -> None:
        """How far the reader got: `fraction` of the book (0..1) and the chapter."""
        with self._transaction():
            self._db.execute(
                "UPDATE books SET progress = ?, progress_chapter = ? WHERE path = ?",
                (min(max(fraction, 0.0), 1.0), chapter, str(path)),
            )

    def remove(self, path: Path, delete_annotations: bool = False) -> int:
        """Take the book out of the library; returns how many annotations it had.

        Without `delete_annotations` they are kept with the book's record, out of
        sight, and come back when the book is added or opened again. With it,
        they and the record are deleted (back up first: the caller's duty).
        """
        with self._transaction():
            row = self._db.execute("SELECT id FROM books WHERE path = ?", (str(path),)).fetchone()
            if row is None:
                raise NotInLibraryError(path)
            count = int(
                self._db.execute(
                    "SELECT COUNT(*) FROM annotations WHERE book_id = ?", (row[0],)
                ).fetchone()[0]
            )
            if delete_annotations:
                self._db.execute("DELETE FROM annotations WHERE book_id = ?", (row[0],))
                self._db.execute("DELETE FROM books WHERE id = ?", (row[0],))
            else:
                self._db.execute("UPDATE books SET removed = ? WHERE id = ?", (time.time(), row[0]))
        return count

    # -- watched folders ---------------------------------------------------------

    def watched_folders(self) -> list[Path]:
        rows = self._db.execute("SELECT path FROM watched_folders ORDER BY path").fetchall()
        return [Path(row[0]) for row in rows]

    def watch_folder(self, folder: Path) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO watched_folders (path, added) VALUES (?, ?)",
                (str(folder), time.time()),
            )

    def unwatch_folder(self, folder: Path) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM watched_folders WHERE path = ?", (str(folder),))

    # -- what the reader says about a book ---------------------------------------

    def set_details(
        self, path: Path, title: str, authors: str, series: str, tags: Sequence[str]
    ) -> None:
        """The reader's title, authors, series and tags for the book (kept here; the
        file is never changed). A title or authors changed this way are kept when the
        book is opened again."""
        title = title.strip()
        if not title:
            raise InvalidNameError(InvalidNameError.EMPTY_TITLE)
        clean_tags = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
        with self._transaction():
            cursor = self._db.execute(
                "UPDATE books SET edited = CASE WHEN title != ? OR authors != ? THEN 1 "
                "ELSE edited END, title = ?, authors = ?, series = ?, tags = ? WHERE path = ?",
                (
                    title,
                    authors.strip(),
                    title,
                    authors.strip(),
                    series.strip(),
                    json.dumps(clean_tags, ensure_ascii=False),
                    str(path),
                ),
            )
            if cursor.rowcount != 1:
                raise NotInLibraryError(path)

    # -- collections ---------------------------------------------------------------

    def collections(self) -> list[tuple[str, int]]:
        """Every collection with how many books (in the library) it holds, by name."""
        rows = self._db.execute(
            "SELECT c.name, (SELECT COUNT(*) FROM book_collections bc JOIN books b "
            "ON b.id = bc.book_id WHERE bc.collection_id = c.id AND b.removed IS NULL) "
            "FROM collections c ORDER BY c.name COLLATE NOCASE"
        ).fetchall()
        return [(name, count) for name, count in rows]

    def create_collection(self, name: str) -> str:
        """Make a collection (a name already there, in any case, is that one)."""
        name = _collection_name(name)
        with self._transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO collections (name, created) VALUES (?, ?)",
                (name, time.time()),
            )
            found = self._db.execute(
                "SELECT name FROM collections WHERE name = ?", (name,)
            ).fetchone()
        return str(found[0])

    def rename_collection(self, old: str, new: str) -> None:
        new = _collection_name(new)
        with self._transaction():
            if new.casefold() != old.casefold():  # names are compared without case
                taken = self._db.execute(
                    "SELECT 1 FROM collections WHERE name = ?", (new,)
                ).fetchone()
                if taken is not None:
                    raise InvalidNameError(InvalidNameError.TAKEN, new)
            self._db.execute("UPDATE collections SET name = ? WHERE name = ?", (new, old))

    def delete_collection(self, name: str) -> None:
        """The collection goes; its books stay in the library."""
        with self._transaction():
            self._db.execute("DELETE FROM collections WHERE name = ?", (name,))

    def add_to_collection(self, paths: Sequence[Path], name: str) -> None:
        name = _collection_name(name)
        with self._transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO collections (name, created) VALUES (?, ?)",
                (name, time.time()),
            )
            for path in paths:
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO book_collections (book_id, collection_id) "
                    "SELECT b.id, c.id FROM books b, collections c "
                    "WHERE b.path = ? AND c.name = ?",
                    (str(path), name),
                )
                if cursor.rowcount == 0 and self.entry(path) is None:
                    raise NotInLibraryError(path)

    def remove_from_collection(self, paths: Sequence[Path], name: str) -> None:
        with self._transaction():
            for path in paths:
                self._db.execute(
                    "DELETE FROM book_collections WHERE book_id = "
                    "(SELECT id FROM books WHERE path = ?) AND collection_id = "
                    "(SELECT id FROM collections WHERE name = ?)",
                    (str(path), name),
                )


def _collection_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidNameError(InvalidNameError.EMPTY_COLLECTION)
    if len(name) > 200:
        raise InvalidNameError(InvalidNameError.TOO_LONG, name)
    return name
