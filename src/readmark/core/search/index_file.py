"""The library search's own SQLite file (`paths.search_index()`), beside the library.

It holds nothing that cannot be made again — every book's text as the reader
shows it, cut in pieces, and a copy of the highlights' quotes and notes — so it
is never backed up and never trusted: a file that is missing, not a database,
damaged (`PRAGMA quick_check`), of another layout or made with other folding
rules is deleted and made anew, and `IndexFile.rebuilt` says why (for a message).

Layout:

- `docs`: one row per book text (its `key`: content id, the reader's choices and
  the rendering code, so the offsets are those the reader draws), with its state:
  indexed, or failed with the reason;
- `sections`: each section's chapter title;
- `chunks`: the pieces of text (zlib), at most `CHUNK_CHARS` characters, ending at
  a line break where one is near; `chunk_terms`, a contentless FTS5 table (detail
  none: only which pieces hold a term) over their terms (`terms.text_terms`);
- `notes` and `note_terms`: the same for highlights' quotes and notes.

Rows of a book indexed again or gone are deleted from `chunks` but left in the
contentless FTS5 table (deleting there needs the exact terms again); their ids
are never reused (AUTOINCREMENT), so a search simply does not find them, and
`garbage` counts them until the FTS5 table is remade from `chunks`.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.search.folding import digest
from readmark.core.store import sqlite_setup

FORMAT = "readmark-search-4"
_opening = threading.Lock()
_FTS = "fts5(terms, content='', detail=none, columnsize=0, tokenize='ascii')"

_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE docs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        content_id TEXT NOT NULL,
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        state TEXT NOT NULL,          -- 'indexed' | 'failed'
        reason TEXT NOT NULL DEFAULT '',
        stat TEXT NOT NULL DEFAULT '', -- size and mtime of a file that failed
        chars INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE sections (
        doc_id INTEGER NOT NULL, section INTEGER NOT NULL, title TEXT NOT NULL,
        PRIMARY KEY (doc_id, section)) WITHOUT ROWID""",
    """CREATE TABLE chunks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id INTEGER NOT NULL, section INTEGER NOT NULL, start INTEGER NOT NULL,
        cut INTEGER NOT NULL, text BLOB NOT NULL)""",
    "CREATE INDEX chunks_doc ON chunks(doc_id, section, start)",
    f"CREATE VIRTUAL TABLE chunk_terms USING {_FTS}",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        annotation_id TEXT NOT NULL UNIQUE, digest TEXT NOT NULL,
        book TEXT NOT NULL, kind TEXT NOT NULL, color TEXT NOT NULL,
        exact TEXT NOT NULL, note TEXT NOT NULL)""",
    f"CREATE VIRTUAL TABLE note_terms USING {_FTS}",
)


class IndexUnusableError(Exception):
    """The index file cannot be made at all (a read-only or full disk): the
    library search cannot run. `template`/`params` as BookError, for i18n."""

    context = "SearchError"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


def folding_digest() -> str:
    """A digest of the folding table: an index made with other rules (another
    OpenCC, another Unicode) would miss what it should find. (Kept with the
    table: it never changes within a process.)"""
    return digest()


class IndexFile:
    """The open index file; `rebuilt` is why it was made anew ("" if it was not)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rebuilt = ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _opening:  # two threads of one window never judge a half-made file
                problem = self._problem()
                if problem:
                    self.rebuilt = problem
                    self._remove()
                self.db = self._connect()
                if self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    self._create()
        except (sqlite3.Error, OSError) as error:
            raise IndexUnusableError(
                QT_TRANSLATE_NOOP(
                    "SearchError", "The search index {path} cannot be used: {reason}"
                ),
                path=str(path),
                reason=str(error),
            ) from error

    def close(self) -> None:
        self.db.close()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite_setup.connect(self.path)
        db.execute("PRAGMA synchronous=NORMAL")  # it can always be made again
        sqlite_setup.use_wal(db)
        return db

    def _problem(self) -> str:
        """Why the file on disk cannot be used ("" when it can, or is not there)."""
        if not self.path.exists():
            return ""
        try:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                    return "damaged"
                if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    return ""  # an empty database: being made, or left empty
                found = dict(db.execute("SELECT key, value FROM meta").fetchall())
            finally:
                db.close()
        except sqlite3.Error:
            return "damaged"
        if found.get("format") != FORMAT:
            return "format"
        if found.get("folding") != folding_digest():
            return "folding"
        return ""

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _create(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        for statement in _SCHEMA:
            self.db.execute(statement)
        self.db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("format", FORMAT), ("folding", folding_digest()), ("garbage", "0")],
        )
        self.db.execute("COMMIT")

    def garbage(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'garbage'").fetchone()
        return int(row[0]) if row else 0

    def add_garbage(self, rows: int) -> None:
        self.db.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'garbage'", (rows,)
        )
