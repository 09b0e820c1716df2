"""The library index's terms, split over `SHARDS` SQLite files of their own so
that several processes store them at once.

Storing a piece's terms in FTS5 is most of what indexing Chinese costs the index
(about 5 MB of text a second on one core: every character and every pair of
neighbours is a term), and a database file has one writer at a time: with one
FTS5 table, the process that stores is the bottleneck however many read the
books. Each shard is a file beside the index (`search-index.terms0.sqlite3`…)
holding one contentless FTS5 table; the worker process that cut a book stores
its terms in whichever shard is free (`Shards.store`), while the index's own file
gets the book's pieces. A piece's id is fixed before either is written (reserved
in the index file: `index_file.reserve_pieces`), so the terms are committed first
and the pieces after: a search finds
a piece only once both are there, and terms whose pieces never came (a process
stopped between the two) are garbage that no search can reach, as those of
pieces deleted are (see `index_file`).

A search asks every shard and merges their answers in id order (`candidates`),
which is the order books were indexed in, as with one table.
"""

from __future__ import annotations

import heapq
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from readmark.core.store import sqlite_setup

SHARDS = 2  # measured on 2 cores: two processes store at once
_FTS = "fts5(terms, content='', detail=none, columnsize=0, tokenize='ascii')"


def shard_paths(index: Path) -> list[Path]:
    return [index.with_name(f"{index.stem}.terms{k}{index.suffix}") for k in range(SHARDS)]


def problem(path: Path, token: str) -> str:
    """Why a shard cannot be used with the index whose token is `token` ("" if it can)."""
    if not path.exists():
        return "damaged"
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                return "damaged"
            if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                return ""  # being made (by another process), or left empty: made here
            found = dict(db.execute("SELECT key, value FROM meta").fetchall())
        finally:
            db.close()
    except sqlite3.Error:
        return "damaged"
    return "" if found.get("token") == token else "format"


class Shards:
    """The shard files of one index, opened when first used."""

    def __init__(self, paths: list[Path], token: str) -> None:
        self._paths = paths
        self._token = token
        self._dbs: list[sqlite3.Connection | None] = [None] * len(paths)
        self._first = os.getpid() % len(paths)  # two processes start on different ones

    def _db(self, k: int) -> sqlite3.Connection:
        db = self._dbs[k]
        if db is None:
            db = sqlite_setup.connect(self._paths[k])
            db.execute("PRAGMA synchronous=NORMAL")  # it can always be made again
            sqlite_setup.use_wal(db)
            if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                db.execute("BEGIN IMMEDIATE")
                if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    db.execute("INSERT INTO meta VALUES ('token', ?)", (self._token,))
                    db.execute(f"CREATE VIRTUAL TABLE chunk_terms USING {_FTS}")
                db.execute("COMMIT")
            self._dbs[k] = db
        return db

    def create(self) -> None:
        for k in range(len(self._paths)):
            self._db(k)

    def close(self) -> None:
        for db in self._dbs:
            if db is not None:
                db.close()
        self._dbs = [None] * len(self._paths)

    def _free(self) -> sqlite3.Connection:
        """A shard in a write transaction: the first free one, else wait for ours."""
        order = [(self._first + k) % len(self._paths) for k in range(len(self._paths))]
        for k in order:
            db = self._db(k)
            db.execute("PRAGMA busy_timeout = 0")
            try:
                db.execute("BEGIN IMMEDIATE")
                return db
            except sqlite3.OperationalError as error:
                if not sqlite_setup.is_busy(error):
                    raise
            finally:
                db.execute(f"PRAGMA busy_timeout = {int(sqlite_setup.BUSY_TIMEOUT_S * 1000)}")
        db = self._db(order[0])
        db.execute("BEGIN IMMEDIATE")
        return db

    def store(self, rows: Iterable[tuple[int, str]]) -> None:
        """Commit (piece id, terms) rows in one shard, in one transaction."""
        db = self._free()
        try:
            db.executemany("INSERT INTO chunk_terms (rowid, terms) VALUES (?, ?)", rows)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def attach(self, db: sqlite3.Connection) -> None:
        """Make the shards readable on `db` (a connection to the index file that
        only reads: a write transaction there would lock them all) as terms0…"""
        for k in range(len(self._paths)):
            self._db(k)  # made, if it was not
            db.execute("ATTACH DATABASE ? AS ?", (str(self._paths[k]), f"terms{k}"))

    def candidates(self, db: sqlite3.Connection, expression: str) -> Iterator[tuple[int, ...]]:
        """(id, doc_id, section, start, cut) of the pieces whose terms match, from
        every shard (attached to `db`), in id order."""
        streams = [
            db.execute(
                f"SELECT c.id, c.doc_id, c.section, c.start, c.cut FROM terms{k}.chunk_terms t "
                f"JOIN main.chunks c ON c.id = t.rowid WHERE t.chunk_terms MATCH ? "
                "ORDER BY t.rowid",
                (expression,),
            )
            for k in range(len(self._paths))
        ]
        return heapq.merge(*streams)

    def remake(self, rows: list[tuple[int, int, str]]) -> None:
        """Every shard emptied, then (shard, piece id, terms) stored again."""
        for k in range(len(self._paths)):
            db = self._db(k)
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO chunk_terms (chunk_terms) VALUES ('delete-all')")
            db.execute("COMMIT")
        for k in range(len(self._paths)):
            db = self._db(k)
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT INTO chunk_terms (rowid, terms) VALUES (?, ?)",
                ((row, terms) for shard, row, terms in rows if shard == k),
            )
            db.execute("COMMIT")

    def bulk(self, many: bool) -> None:
        """While many books are stored (`many`), FTS5 merges no segments as it goes
        (`optimize` merges them all at the end) and flushes its terms to a new
        segment every 256 KB of them rather than every 1 MB: measured on the
        generated Chinese, FTS5's work per MB fell from 217-226 ms (storing and
        optimizing) to 176-185 with both, and by 15 % with the first alone. (A
        smaller hash is quicker to fill and sort; the many small segments it
        leaves cost `optimize` less than merging them 16 at a time as it goes,
        which `crisismerge` 1000 defers.) Else FTS5's own settings, which keep a
        few books added at a time in few segments. (Kept in each shard: a stopped
        update leaves them on, until the next update sets them; a search then
        reads up to 1,000 segments a term, and FTS5 merges them at the next write.)"""
        settings = (("automerge", 0), ("crisismerge", 1000), ("hashsize", 256 * 1024))
        if not many:  # FTS5's defaults
            settings = (("automerge", 4), ("crisismerge", 16), ("hashsize", 1024 * 1024))
        for k in range(len(self._paths)):
            db = self._db(k)
            now = dict(db.execute("SELECT k, v FROM chunk_terms_config"))
            for name, value in settings:
                if now.get(name) != value:  # a write (and FTS5 reloads its settings)
                    db.execute(
                        "INSERT INTO chunk_terms (chunk_terms, rank) VALUES (?, ?)", (name, value)
                    )

    def optimize(self, shards: Iterable[int] | None = None) -> None:
        """One segment per shard (`shards`: these only): about 40 % smaller
        (measured on Chinese text), and a term's pieces are read in one place.
        The segments merged leave their pages free (about half the file after a
        first indexing): the file is then rewritten without them (VACUUM: a
        tenth of a second for 10 MB). Each shard on its own, so that the worker
        processes that stored the terms optimize one each, at once (`optimize_shard`)."""
        for k in range(len(self._paths)) if shards is None else shards:
            db = self._db(k)
            db.execute("INSERT INTO chunk_terms (chunk_terms) VALUES ('optimize')")
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            if db.execute("PRAGMA freelist_count").fetchone()[0] * 4 > pages:
                db.execute("VACUUM")

    def checkpoint(self) -> None:
        for k in range(len(self._paths)):
            self._db(k).execute("PRAGMA wal_checkpoint(TRUNCATE)")


class WorkerIndex:
    """A worker process's connections to an index file and its shards (kept from
    one book to the next)."""

    def __init__(self, index: Path, token: str) -> None:
        self.key = (index, token)
        self.db = sqlite_setup.connect(index)
        self.shards = Shards(shard_paths(index), token)

    def close(self) -> None:
        self.shards.close()
        self.db.close()


_worker: WorkerIndex | None = None


def worker_index(index: Path, token: str) -> WorkerIndex:
    """This process's connections to the index at `index` (made by `token`)."""
    global _worker
    if _worker is None or _worker.key != (index, token):
        if _worker is not None:
            _worker.close()
        _worker = WorkerIndex(index, token)
    return _worker


def optimize_shard(index: Path, token: str, k: int) -> None:
    """In a worker process: shard `k` of the index at `index` optimized (see
    `Shards.optimize`), while another worker does the other shard."""
    worker_index(index, token).shards.optimize([k])
