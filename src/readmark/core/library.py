"""The library: books the user opened, where they stopped, per-book choices.

One SQLite file in the data folder. The schema is versioned with
`PRAGMA user_version`; each migration runs in its own transaction and a
database newer than this code is refused rather than guessed at. Every write is
a single committed transaction before the method returns.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from readmark.core.annotation_store import AnnotationStore
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.schema import MIGRATIONS, SCHEMA_VERSION


class LibraryError(Exception):
    """The library file cannot be used (environment problem, not our bug)."""

    context = "LibraryError"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


@dataclass(frozen=True)
class ReadingPosition:
    section: int
    offset: int  # character offset in the section's displayed text
    snippet: str = ""  # the first words there, to check a restore landed right


@dataclass(frozen=True)
class BookRecord:
    path: str
    content_id: str
    title: str
    authors: str
    last_opened: float
    position: ReadingPosition | None
    repair: bool


class Library:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=FULL")
            self._migrate()
            self._annotations = AnnotationStore(self._db, self._transaction)
        except sqlite3.DatabaseError as exc:
            raise LibraryError(
                QT_TRANSLATE_NOOP("LibraryError", "The library {path} cannot be used: {reason}"),
                path=str(path),
                reason=str(exc),
            ) from exc
        except OSError as exc:
            raise LibraryError(
                QT_TRANSLATE_NOOP("LibraryError", "The library {path} cannot be used: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc

    def close(self) -> None:
        self._db.close()

    @property
    def annotations(self) -> AnnotationStore:
        """The highlights, notes and bookmarks of the library's books."""
        return self._annotations

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryError(
                QT_TRANSLATE_NOOP(
                    "LibraryError",
                    "The library {path} was written by a newer Readmark (schema {found}, "
                    "this version knows {known}).",
                ),
                path=str(self.path),
                found=version,
                known=SCHEMA_VERSION,
            )
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                MIGRATIONS[number](self._db)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    # -- books --------------------------------------------------------------

    def touch(self, path: Path, content_id: str, title: str, authors: str) -> BookRecord:
        """Record that a book was opened now; returns its record (position, choices).

        A book found at a new path but with known content is the same book moved:
        its record follows it.
        """
        key = str(path)
        now = time.time()
        with self._transaction():
            row = self._db.execute("SELECT id FROM books WHERE path = ?", (key,)).fetchone()
            if row is None:
                moved = self._db.execute(
                    "SELECT id, path FROM books WHERE content_id = ? ORDER BY last_opened DESC",
                    (content_id,),
                ).fetchone()
                if moved is not None and not Path(moved[1]).exists():
                    row = (moved[0],)
            if row is None:
                self._db.execute(
                    "INSERT INTO books (path, content_id, title, authors, last_opened) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (key, content_id, title, authors, now),
                )
            else:
                self._db.execute(
                    "UPDATE books SET path = ?, content_id = ?, title = ?, authors = ?, "
                    "last_opened = ? WHERE id = ?",
                    (key, content_id, title, authors, now, row[0]),
                )
        record = self.get(path)
        assert record is not None
        return record

    def get(self, path: Path) -> BookRecord | None:
        row = self._db.execute(
            "SELECT path, content_id, title, authors, last_opened, position_section, "
            "position_offset, position_snippet, repair FROM books WHERE path = ?",
            (str(path),),
        ).fetchone()
        return _record(row) if row else None

    def recent(self, limit: int = 10) -> list[BookRecord]:
        rows = self._db.execute(
            "SELECT path, content_id, title, authors, last_opened, position_section, "
            "position_offset, position_snippet, repair FROM books "
            "ORDER BY last_opened DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [_record(r) for r in rows]

    def forget(self, path: Path) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM books WHERE path = ?", (str(path),))

    def save_position(self, path: Path, position: ReadingPosition) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE books SET position_section = ?, position_offset = ?, "
                "position_snippet = ? WHERE path = ?",
                (position.section, position.offset, position.snippet, str(path)),
            )

    def set_repair(self, path: Path, enabled: bool) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE books SET repair = ? WHERE path = ?", (int(enabled), str(path))
            )


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if exc_type is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")


def _record(row: tuple) -> BookRecord:  # type: ignore[type-arg]
    path, content_id, title, authors, opened, section, offset, snippet, repair = row
    position = None if section is None else ReadingPosition(section, offset or 0, snippet)
    return BookRecord(path, content_id, title, authors, opened, position, bool(repair))
