"""The library: books the user opened, where they stopped, per-book choices.

One SQLite file in the data folder, in WAL mode with synchronous=FULL: every
write is a single committed, synced transaction before the method returns, so a
crash right after cannot lose it. Several processes may use the file at once:
writers take the lock with BEGIN IMMEDIATE and wait for each other (busy
timeout) instead of failing.

The schema is versioned with `PRAGMA user_version`; each migration runs in its
own transaction, an existing library is backed up before the first one, and a
database newer than this code is refused rather than guessed at. Start-up with
recovery from damaged files is `core.recovery.open_library`.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from readmark import resources
from readmark.core.book import LoadOptions
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store import sqlite_setup
from readmark.core.store.annotation_store import AnnotationStore
from readmark.core.store.backups import BackupManager
from readmark.core.store.catalog import Catalog
from readmark.core.store.errors import (
    BackupError,
    NewerLibraryError,
    StoreUnavailableError,
    converts_sqlite_errors,
    from_sqlite,
)
from readmark.core.store.schema import MIGRATIONS, SCHEMA_VERSION


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
    encoding: str = ""  # plain text: the reader's choice; "" = detect
    detect_chapters: bool = True

    @property
    def options(self) -> LoadOptions:
        """How the reader chose to open this book."""
        return LoadOptions(
            repair=self.repair, encoding=self.encoding, detect_chapters=self.detect_chapters
        )


@converts_sqlite_errors
class Library:
    """The library file. Its methods raise StoreError (core.store.errors), never sqlite3's."""

    def __init__(self, path: Path, backups: Path | None = None) -> None:
        """Open (creating or upgrading) the library at `path`.

        `backups` is where the copy made before an upgrade goes; by default the
        `backups` folder beside the file (what `paths.backups_dir()` is).
        Raises CorruptLibraryError, NewerLibraryError or, for anything else the
        environment is to blame for (permissions, a full disk, a lock held too
        long), StoreUnavailableError; StoreBugError when SQLite refuses our SQL.
        """
        self.path = path
        self._backups = backups if backups is not None else path.parent / "backups"
        db: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = self._db = sqlite_setup.connect(path)
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA synchronous=FULL")
            sqlite_setup.use_wal(db)
            self._migrate()
            self._check_writable()
            self._annotations = AnnotationStore(db, self._transaction, path)
            self._catalog = Catalog(db, self._transaction, path)
        except BaseException as exc:
            # A connection left open would later checkpoint into, or delete, a
            # -wal file by name, even after the files were moved aside.
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.Error):
                raise from_sqlite(exc, path) from exc
            if isinstance(exc, OSError):
                raise StoreUnavailableError(
                    QT_TRANSLATE_NOOP(
                        "LibraryError", "The library {path} cannot be used: {reason}"
                    ),
                    path=str(path),
                    reason=exc.strerror or str(exc),
                ) from exc
            raise

    def close(self) -> None:
        self._db.close()

    @property
    def annotations(self) -> AnnotationStore:
        """The highlights, notes and bookmarks of the library's books."""
        return self._annotations

    @property
    def catalog(self) -> Catalog:
        """The library view's books: added, listed, removed; progress; watched folders."""
        return self._catalog

    def integrity_ok(self) -> bool:
        """Whether `PRAGMA integrity_check` finds the file whole."""
        try:
            return self._db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        except sqlite3.DatabaseError:
            return False

    def _migrate(self) -> None:
        # The version is read inside the write transaction, so two processes
        # opening an old (or new) file at once take turns instead of both
        # running the same migration. The migrations due run in that one
        # transaction: the file is upgraded whole or not at all, and a new
        # library is made with one commit (one sync to disk, not one a step).
        backed_up = False
        while True:
            with self._transaction():
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise NewerLibraryError(self.path, found=version, known=SCHEMA_VERSION)
                if version == SCHEMA_VERSION:
                    return
                # Only a library that existed before this opening holds anything.
                if version == 0 or backed_up:
                    for step in range(version, SCHEMA_VERSION):
                        MIGRATIONS[step](self._db)
                    self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    return
            self._back_up_before_migration()
            backed_up = True

    def _check_writable(self) -> None:
        """Fail now, not at the first save, when SQLite can only read the file.

        (It opens a file it may not write read-only without a word; a read-only
        disk shows up the same way.) The probe write is rolled back.
        """
        self._db.execute("BEGIN IMMEDIATE")
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            self._db.execute(f"PRAGMA user_version = {version}")
        finally:
            self._db.execute("ROLLBACK")

    def _back_up_before_migration(self) -> None:
        try:
            BackupManager(self.path, self._backups).backup_now("before-migration")
        except BackupError as exc:
            raise StoreUnavailableError(
                QT_TRANSLATE_NOOP(
                    "LibraryError",
                    "The library {path} needs upgrading but could not be backed up first, "
                    "so it was left as it was: {reason}",
                ),
                path=str(self.path),
                reason=str(exc),
            ) from exc

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
                    "INSERT INTO books (path, content_id, title, authors, last_opened, added) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (key, content_id, title, authors, now, now),
                )
            else:  # opening a book taken out of the library puts it back
                self._db.execute(  # a title or authors the reader edited stay theirs
                    "UPDATE books SET path = ?, content_id = ?, "
                    "title = CASE WHEN edited THEN title ELSE ? END, "
                    "authors = CASE WHEN edited THEN authors ELSE ? END, "
                    "last_opened = ?, removed = NULL WHERE id = ?",
                    (key, content_id, title, authors, now, row[0]),
                )
        record = self.get(path)
        assert record is not None
        return record

    def get(self, path: Path) -> BookRecord | None:
        row = self._db.execute(
            f"SELECT {_RECORD_COLUMNS} FROM books WHERE path = ?",
            (str(path),),
        ).fetchone()
        return _record(row) if row else None

    def recent(self, limit: int = 10, exclude: Iterable[Path] | None = None) -> list[BookRecord]:
        """The books opened last, newest first, leaving out the paths in `exclude`:
        by default Readmark's bundled guides, which are remembered (their place is
        kept) but always one click away under Help, so they are no recent book."""
        hidden = [str(p) for p in (resources.guide_books() if exclude is None else exclude)]
        marks = ", ".join("?" * len(hidden))
        rows = self._db.execute(
            f"SELECT {_RECORD_COLUMNS} FROM books WHERE path NOT IN ({marks}) "
            "AND last_opened > 0 AND removed IS NULL "  # added but never read; taken out
            "ORDER BY last_opened DESC LIMIT ?",
            (*hidden, limit),
        ).fetchall()
        return [_record(r) for r in rows]

    def books(self, exclude: Iterable[Path] | None = None) -> list[BookRecord]:
        """Every book in the library, opened or only added (not those taken out),
        read last first; `exclude` as for `recent` (by default the guides)."""
        hidden = [str(p) for p in (resources.guide_books() if exclude is None else exclude)]
        marks = ", ".join("?" * len(hidden))
        rows = self._db.execute(
            f"SELECT {_RECORD_COLUMNS} FROM books WHERE path NOT IN ({marks}) "
            "AND removed IS NULL ORDER BY last_opened DESC, id DESC",
            hidden,
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

    def set_text_choices(self, path: Path, encoding: str, detect_chapters: bool) -> None:
        """A plain-text book's encoding ("" = detect) and chapter detection."""
        with self._transaction():
            self._db.execute(
                "UPDATE books SET encoding = ?, detect_chapters = ? WHERE path = ?",
                (encoding, int(detect_chapters), str(path)),
            )


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            try:
                self._db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        else:
            self._rollback()

    def _rollback(self) -> None:
        # SQLite has already rolled back after some errors (a full disk, say);
        # a second ROLLBACK would hide the real error behind "no transaction".
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")


_RECORD_COLUMNS = (
    "path, content_id, title, authors, last_opened, position_section, position_offset, "
    "position_snippet, repair, encoding, detect_chapters"
)


# A row of _RECORD_COLUMNS, as SQLite gives it.
_RecordRow = tuple[str, str, str, str, float, int | None, int | None, str, int, str, int]


def _record(row: _RecordRow) -> BookRecord:
    path, content_id, title, authors, opened, section, offset, snippet, repair, enc, chapters = row
    position = None if section is None else ReadingPosition(section, offset or 0, snippet)
    return BookRecord(
        path, content_id, title, authors, opened, position, bool(repair), enc, bool(chapters)
    )
