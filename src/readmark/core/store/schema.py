"""The library's schema as numbered forward migrations.

MIGRATIONS[n] takes the database from version n to n+1 inside one transaction.
Never edit a released migration; add the next one. Plain typed columns and
JSON text only: no pickles, no Qt types.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _1_books(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE books (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            content_id TEXT NOT NULL,
            title TEXT NOT NULL,
            authors TEXT NOT NULL DEFAULT '',
            last_opened REAL NOT NULL,
            position_section INTEGER,
            position_offset INTEGER,
            position_snippet TEXT NOT NULL DEFAULT '',
            repair INTEGER NOT NULL DEFAULT 1
        )"""
    )
    db.execute("CREATE INDEX books_content ON books(content_id)")
    db.execute("CREATE INDEX books_opened ON books(last_opened)")


def _2_annotations(db: sqlite3.Connection) -> None:
    # book_id is NULL for an imported annotation whose book was never opened
    # here; `source` then says which book it belongs to until it is.
    db.execute(
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            book_id INTEGER REFERENCES books(id) ON DELETE RESTRICT,
            source TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'bookmark')),
            section INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT 'yellow',
            style TEXT NOT NULL DEFAULT 'highlight',
            note TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL,
            modified REAL NOT NULL,
            orphaned INTEGER NOT NULL DEFAULT 0,
            original_exact TEXT NOT NULL DEFAULT '',
            anchored_to TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX annotations_book ON annotations(book_id, section, start)")
    db.execute("CREATE INDEX annotations_source ON annotations(source) WHERE book_id IS NULL")


def _3_text_choices(db: sqlite3.Connection) -> None:
    # Per-book choices for plain-text books: the encoding the reader picked
    # ('' = detect) and whether chapter headings are looked for.
    db.execute("ALTER TABLE books ADD COLUMN encoding TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE books ADD COLUMN detect_chapters INTEGER NOT NULL DEFAULT 1")


def _4_library(db: sqlite3.Connection) -> None:
    # The library view: what a book is (format, language, size; mtime with size
    # tells an unchanged file from a rescan without reading it), when it came
    # into the library, how far the reader got (progress 0..1, NULL = never
    # read, and the chapter), and `removed`: the time the book was taken out of
    # the library while its annotations were kept (NULL = in the library).
    # A book added but never opened has last_opened 0. Series, tags and
    # collections are the reader's own; see below.
    for column in (
        "added REAL NOT NULL DEFAULT 0",
        "format TEXT NOT NULL DEFAULT ''",
        "language TEXT NOT NULL DEFAULT ''",
        "size INTEGER NOT NULL DEFAULT 0",
        "mtime REAL NOT NULL DEFAULT 0",
        "progress REAL",
        "progress_chapter TEXT NOT NULL DEFAULT ''",
        "removed REAL",
    ):
        db.execute(f"ALTER TABLE books ADD COLUMN {column}")
    db.execute("UPDATE books SET added = last_opened")
    db.execute(
        """CREATE TABLE watched_folders (
            path TEXT PRIMARY KEY,
            added REAL NOT NULL
        )"""
    )
    # What the reader says about a book, kept here (the file is never changed):
    # series and tags; `edited` = 1 once they changed the title or authors, which
    # opening the book then no longer overwrites. Tags are a JSON list.
    for column in (
        "series TEXT NOT NULL DEFAULT ''",
        "tags TEXT NOT NULL DEFAULT '[]'",
        "edited INTEGER NOT NULL DEFAULT 0",
    ):
        db.execute(f"ALTER TABLE books ADD COLUMN {column}")
    # Collections: a book may be in several.
    db.execute(
        """CREATE TABLE collections (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created REAL NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE book_collections (
            book_id INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            PRIMARY KEY (book_id, collection_id)
        )"""
    )
    db.execute("CREATE INDEX book_collections_collection ON book_collections(collection_id)")


def _5_annotation_changes(db: sqlite3.Connection) -> None:
    # What changed since a given moment, for sync: each annotation's last change
    # gets the next number (`seq`), so a sync reads only the rows changed since
    # the last one instead of the whole library. A deletion keeps its row here
    # with the time (`deleted`): a tombstone, so a sync whose state was lost
    # still knows this library deleted the mark and does not take it back.
    # Triggers keep it, whatever writes the annotations (edits, imports, undo,
    # re-anchoring, a sync).
    db.execute(
        """CREATE TABLE annotation_changes (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            deleted REAL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX annotation_changes_seq ON annotation_changes(seq)")
    db.execute(
        "INSERT INTO annotation_changes (id, seq) "
        "SELECT id, row_number() OVER (ORDER BY rowid) FROM annotations"
    )
    bump = (
        "INSERT OR REPLACE INTO annotation_changes (id, seq, deleted) VALUES ({id}, "
        "(SELECT coalesce(max(seq), 0) + 1 FROM annotation_changes), {deleted})"
    )
    now = "(julianday('now') - 2440587.5) * 86400.0"  # Unix time, with fractions
    for name, event, row, deleted in (
        ("annotation_added", "INSERT", "NEW.id", "NULL"),
        ("annotation_changed", "UPDATE", "NEW.id", "NULL"),
        ("annotation_deleted", "DELETE", "OLD.id", now),
    ):
        db.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON annotations BEGIN "
            f"{bump.format(id=row, deleted=deleted)}; END"
        )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _1_books,
    _2_annotations,
    _3_text_choices,
    _4_library,
    _5_annotation_changes,
]
SCHEMA_VERSION = len(MIGRATIONS)
