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
  a line break where one is near; their terms (`terms.text_terms`) are in
  contentless FTS5 tables (detail none: only which pieces hold a term) in files
  of their own, `term_shards`, tied to this one by the `token` in `meta`
  (a shard of another index file is made anew with it);
- `notes` and `note_terms`: the same for highlights' quotes and notes.

Rows of a book indexed again or gone are deleted from `chunks` but left in the
contentless FTS5 tables (deleting there needs the exact terms again); their ids
are never reused (they are reserved from `next_piece`, which only grows, see
`reserve_pieces`), so a search simply does not find them, and
`garbage` counts them until the FTS5 tables are remade from `chunks`.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from pathlib import Path

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.search.folding import digest
from readmark.core.search.term_shards import Shards, shard_paths
from readmark.core.search.term_shards import problem as shard_problem
from readmark.core.store import sqlite_setup

FORMAT = "readmark-search-6"  # 6: a lone letter of an unspaced script only where its run ends
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
                self.token = self._meta("token")
                self.shard_paths = shard_paths(path)
                self.shards = Shards(self.shard_paths, self.token)
                self.shards.create()
        except (sqlite3.Error, OSError) as error:
            raise IndexUnusableError(
                QT_TRANSLATE_NOOP(
                    "SearchError", "The search index {path} cannot be used: {reason}"
                ),
                path=str(path),
                reason=str(error),
            ) from error

    def close(self) -> None:
        self.shards.close()
        self.db.close()

    def _meta(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""

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
        for shard in shard_paths(self.path):
            problem = shard_problem(shard, found.get("token", ""))
            if problem:
                return problem
        return ""

    def _remove(self, shards_only: bool = False) -> None:
        for path in [*([] if shards_only else [self.path]), *shard_paths(self.path)]:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

    def _create(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        if self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            self.db.execute("ROLLBACK")  # another process made it meanwhile
            return
        for statement in _SCHEMA:
            self.db.execute(statement)
        self.db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("format", FORMAT),
                ("folding", folding_digest()),
                ("garbage", "0"),
                ("token", uuid.uuid4().hex),  # the shards made with this file
                ("next_piece", "1"),
                ("generation", "0"),  # how many times the terms were remade
            ],
        )
        self._remove(shards_only=True)  # those of an index that is no more
        self.db.execute("COMMIT")

    def generation(self) -> str:
        """Changes when the terms are remade from the pieces (in a transaction that
        holds this file's write lock throughout): a book whose terms were stored
        before is not stored (its terms may be gone), and is indexed next time."""
        return self._meta("generation")

    def garbage(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'garbage'").fetchone()
        return int(row[0]) if row else 0

    def add_garbage(self, rows: int) -> None:
        self.db.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'garbage'", (rows,)
        )


def reserve_pieces(db: sqlite3.Connection, count: int) -> tuple[int, str]:
    """The first of `count` piece ids no piece ever had or will have (in the index
    file `db` is connected to), and the terms' generation now (`IndexFile.generation`).

    Ids are handed out in the order books are stored, so those of a term's pieces
    in a shard are close together and FTS5 keeps their differences in a byte or two."""
    begin_write(db)
    try:
        first = int(db.execute("SELECT value FROM meta WHERE key = 'next_piece'").fetchone()[0])
        db.execute("UPDATE meta SET value = ? WHERE key = 'next_piece'", (str(first + count),))
        generation = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return first, str(generation)


def begin_write(db: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE on the index file, asking again every millisecond while
    another connection writes (up to the usual timeout). SQLite's own wait backs
    off to 100 ms between tries, so a worker process that wants a moment of the
    lock (to reserve ids) while the updating process writes the notes in
    batches would sleep through the gaps between them (measured: a worker at
    12 % of a core for a second)."""
    deadline = time.monotonic() + sqlite_setup.BUSY_TIMEOUT_S
    db.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not sqlite_setup.is_busy(error) or time.monotonic() > deadline:
                    raise
            time.sleep(0.001)
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(sqlite_setup.BUSY_TIMEOUT_S * 1000)}")
