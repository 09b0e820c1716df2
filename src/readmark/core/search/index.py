"""The library search: every book's text and every highlight and note, found by
any substring in Chinese, Japanese and Korean and by words and prefixes in Latin.

`SearchIndex(path)` opens (or makes anew, see `index_file`) the index;
`update(library, progress)` brings it up to date, one book at a time: a book is
read only when its key changed (its content, the reader's choices for it, or the
code that shapes its text), a book that cannot be read is kept as failed with
its reason (tried again when its file changes) and the rest goes on. Highlights
and notes are compared with the library at each update (one query, a digest per
annotation) rather than hooked into every writer: the window, the command line,
imports, another Readmark process and re-anchoring all write annotations, and
this sees every one of them, at the next search, without the annotations
database knowing the index exists.

`search(query, …)` looks up the query's terms in FTS5 (`terms`), then finds the
folded query with `str.find` in the folded text of each candidate piece: the
hit is exact and its offsets are the reader's (`Book.section_text`).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readmark.core.book import LoadOptions
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.search.folding import fold
from readmark.core.search.in_book import Context, context
from readmark.core.search.index_file import IndexFile, reserve_pieces
from readmark.core.search.pieces import (
    CHUNK_CHARS,
    OVERLAP,
    NotIndexed,
    Prepared,
    chunks_of,
    index_book,
    prepare_book,
)
from readmark.core.search.query import MAX_QUERY_CHARS, QueryError
from readmark.core.search.term_shards import SHARDS
from readmark.core.search.terms import is_word_char, match_expression, query_terms, text_terms
from readmark.core.store import sqlite_setup

if TYPE_CHECKING:
    from readmark.core.store.library import Library

__all__ = [
    "CHUNK_CHARS",
    "LibraryHit",
    "LibraryResults",
    "NotIndexed",
    "Prepared",
    "SearchIndex",
    "UpdateReport",
    "chunks_of",
    "prepare_book",
]

QUERY_TERM_CHARS = OVERLAP  # terms are looked up from the query's first characters
MAX_HITS = 200
_NOTES_BATCH = 500  # notes written per transaction (~20 ms: a worker waits at most one)
PER_BOOK = 50


@dataclass(frozen=True)
class LibraryHit:
    """One place found: in a book's text (`kind` "book"), in a highlight's quote
    ("highlight") or in a note ("note"). `section`, `start`, `end` are the reader's
    offsets: of the hit, or for an annotation of its highlight."""

    path: str
    title: str
    kind: str
    section: int
    start: int
    end: int
    chapter: str
    context: Context
    color: str = ""
    annotation_id: str = ""


@dataclass
class LibraryResults:
    hits: list[LibraryHit] = field(default_factory=list)
    truncated: bool = False  # more hits than were listed (the search stopped at its limit)
    # Books that have more hits than were listed (a book's stop at `per_book`).
    truncated_books: set[str] = field(default_factory=set)
    not_indexed: list[tuple[str, NotIndexed]] = field(default_factory=list)  # (path, why)


@dataclass
class UpdateReport:
    indexed: list[str] = field(default_factory=list)
    failed: list[tuple[str, NotIndexed]] = field(default_factory=list)  # (path, why)
    chars: int = 0
    bytes: int = 0
    pieces: int = 0


@dataclass(frozen=True)
class _Wanted:
    path: str
    content_id: str
    title: str
    options: LoadOptions


def _nothing(done: int, total: int, name: str) -> None:
    pass


def _lowest_priority() -> None:
    """A worker process yields the CPU to everything else (Unix; elsewhere as is)."""
    try:
        os.nice(19)
    except (AttributeError, OSError):
        pass


def doc_key(content_id: str, options: LoadOptions) -> str:
    """What a book's text as shown depends on: its bytes, the reader's choices, the code."""
    from readmark.core.render_cache import renderer_version

    o = options
    return (
        f"{content_id}:r{int(o.repair)}e{o.encoding}c{int(o.detect_chapters)}:{renderer_version()}"
    )


class SearchIndex:
    def __init__(self, path: Path) -> None:
        self._file = IndexFile(path)
        self._db = self._file.db
        self.rebuilt = self._file.rebuilt  # why the file was made anew ("" if not)
        self._notes_mark: tuple[int, tuple[int, int]] | None = None
        self._search_db: sqlite3.Connection | None = None

    def close(self) -> None:
        if self._search_db is not None:
            self._search_db.close()
        self._file.close()

    @property
    def path(self) -> Path:
        return self._file.path

    def _searcher(self) -> sqlite3.Connection:
        """A connection that reads the index with its shards attached (made once)."""
        if self._search_db is None:
            self._search_db = sqlite_setup.connect(self._file.path)
            self._file.shards.attach(self._search_db)
        return self._search_db

    def disk_size(self) -> int:
        """Bytes on disk of the index's files (their write-ahead logs folded in first)."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._file.shards.checkpoint()
        return sum(p.stat().st_size for p in (self._file.path, *self._file.shard_paths))

    # -- what the library holds -----------------------------------------------------

    def _wanted(self, library: Library) -> dict[str, _Wanted]:
        from readmark.core.book import LoadOptions

        wanted = {}
        for entry in library.catalog.entries():
            record = library.get(Path(entry.path))
            options = record.options if record else LoadOptions()
            wanted[doc_key(entry.content_id, options)] = _Wanted(
                entry.path, entry.content_id, entry.title, options
            )
        return wanted

    def missing(self, library: Library) -> list[str]:
        """Paths of the library's books not indexed yet (failed ones excepted)."""
        known = {row[0] for row in self._db.execute("SELECT key FROM docs")}
        return [w.path for key, w in self._wanted(library).items() if key not in known]

    def update(
        self,
        library: Library,
        progress: Callable[[int, int, str], None] = _nothing,
        check: Callable[[], None] = lambda: None,
        workers: int = 1,
        sections: Path | None = None,
        low_priority: bool = False,
    ) -> UpdateReport:
        """Index what changed: books (one at a time; `progress(done, total, path)`;
        `check()` may raise to stop between books and sections, what was committed
        stays) and highlights and notes. With `workers` > 1, books are read and cut
        in that many processes while this one stores them (the command line).
        `sections`: the render cache, to read books converted before from it;
        `low_priority`: the worker processes run at the lowest CPU priority (the
        window: the reader keeps the cores it needs)."""
        report = UpdateReport()
        wanted = self._wanted(library)
        docs = {
            key: (doc_id, state, stat)
            for doc_id, key, state, stat in self._db.execute(
                "SELECT id, key, state, stat FROM docs"
            )
        }
        for key, (doc_id, _state, _stat) in docs.items():
            if key not in wanted:
                self._forget(doc_id)
        todo = []
        for key, want in wanted.items():
            known = docs.get(key)
            if known is None:
                todo.append((key, want))
            elif known[1] == "failed" and known[2] != _stat_of(want.path):
                self._forget(known[0])
                todo.append((key, want))
        # Many books new (a first indexing): FTS5 merges nothing while they are
        # stored, and their terms are merged into one segment per shard at the end;
        # a few books more are left to FTS5's own merging (optimizing rewrites
        # every term of the library).
        bulk = len(todo) >= 2 and len(todo) * 4 >= len(docs) + len(todo)
        self._file.shards.bulk(bulk)
        optimized = False
        if workers > 1 and len(todo) > 1:
            optimized = self._index_in_processes(
                todo, workers, report, progress, check, sections, low_priority, bulk,
                meanwhile=lambda: self.update_notes(library, gaps=True),
            )  # fmt: skip
        for number, (key, want) in enumerate(todo if workers <= 1 or len(todo) < 2 else []):
            check()
            progress(number, len(todo), want.path)
            self._store(key, want, prepare_book(want.path, want.options, check, sections), report)
        if todo:
            progress(len(todo), len(todo), "")
        self.update_notes(library)
        if not self._collect_garbage() and bulk and report.indexed and not optimized:
            self._file.shards.optimize()
        self._file.shards.bulk(False)
        return report

    def _index_in_processes(
        self,
        todo: list[tuple[str, _Wanted]],
        workers: int,
        report: UpdateReport,
        progress: Callable[[int, int, str], None],
        check: Callable[[], None],
        sections: Path | None,
        low_priority: bool,
        optimize: bool,
        meanwhile: Callable[[], None],
    ) -> bool:
        """Whether the shards were optimized too (`optimize`: many books were new;
        each worker does one shard, at once, once every book is stored).
        `meanwhile()` runs here once the books are handed out, while the workers
        read them (this process would only wait: the notes, measured 0.5 s of
        20 MB's 5 s, no longer come after the books)."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        from readmark.core.search.term_shards import optimize_shard

        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        start = _lowest_priority if low_priority else None
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start)
        stopped = True
        file = self._file
        try:
            # Each worker stores its book's terms in a shard itself (the most work
            # of storing, now on every core); this process stores the pieces, in
            # the order the books are done. The biggest books first: the last
            # ones to end are small, so both cores stay busy to the end.
            futures = {
                pool.submit(index_book, w.path, w.options, sections, file.path, file.token): (
                    key,
                    w,
                )
                for key, w in sorted(todo, key=lambda kw: -_size_of(kw[1].path))
            }
            meanwhile()
            for number, future in enumerate(as_completed(futures)):
                check()
                key, want = futures[future]
                progress(number, len(todo), want.path)
                self._store(key, want, future.result(), report)
            stopped = False
            if not optimize or not report.indexed or self._garbage_due():
                return False
            try:  # the shards are files of their own: one per process, at once
                shards = [
                    pool.submit(optimize_shard, file.path, file.token, k) for k in range(SHARDS)
                ]
            except RuntimeError:  # the pool shut down (the interpreter is exiting)
                return False  # then `update` optimizes them here
            for shard in shards:
                shard.result()
            return True
        finally:
            # Stopped (paused, or the window closing): the books not started are
            # dropped and nobody waits for those under way to end.
            pool.shutdown(wait=not stopped, cancel_futures=True)

    def _forget(self, doc_id: int) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        gone = self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,)).rowcount
        self._db.execute("DELETE FROM sections WHERE doc_id = ?", (doc_id,))
        self._db.execute("DELETE FROM docs WHERE id = ?", (doc_id,))
        self._file.add_garbage(gone)
        self._db.execute("COMMIT")

    def _store(
        self, key: str, want: _Wanted, prepared: Prepared | NotIndexed, report: UpdateReport
    ) -> None:
        """Commit one book's prepared pieces (or its failure) in one transaction,
        after their terms (in a shard: see `term_shards`)."""
        if isinstance(prepared, NotIndexed):
            self._failed(key, want, prepared.dumps())
            report.failed.append((want.path, prepared))
            return
        if not prepared.terms_stored:
            first, generation = reserve_pieces(self._db, len(prepared.pieces))
            self._file.shards.store(
                (first + n, piece[4]) for n, piece in enumerate(prepared.pieces)
            )
        else:
            first, generation = prepared.first_id, prepared.generation
        self._db.execute("BEGIN IMMEDIATE")
        if (
            self._db.execute("SELECT 1 FROM docs WHERE key = ?", (key,)).fetchone()
            or self._file.generation() != generation
        ):
            # Another Readmark indexed it meanwhile, or remade the terms (and may
            # have dropped these): the terms just stored are garbage.
            self._file.add_garbage(len(prepared.pieces))
            self._db.execute("COMMIT")
            return
        try:
            cursor = self._db.execute(
                "INSERT INTO docs (key, content_id, path, title, state, chars, bytes) "
                "VALUES (?, ?, ?, ?, 'indexed', ?, ?)",
                (key, want.content_id, want.path, want.title, prepared.chars, prepared.bytes),
            )
            doc_id = cursor.lastrowid
            self._db.executemany(
                "INSERT INTO sections VALUES (?, ?, ?)",
                [(doc_id, index, title) for index, title in enumerate(prepared.titles)],
            )
            self._db.executemany(
                "INSERT INTO chunks (id, doc_id, section, start, cut, text) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (first + n, doc_id, section, start, cut, blob)
                    for n, (section, start, cut, blob, _t) in enumerate(prepared.pieces)
                ],
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        report.indexed.append(want.path)
        report.chars += prepared.chars
        report.bytes += prepared.bytes
        report.pieces += len(prepared.pieces)

    def _failed(self, key: str, want: _Wanted, reason: str) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute(
            "INSERT OR REPLACE INTO docs (key, content_id, path, title, state, reason, stat) "
            "VALUES (?, ?, ?, ?, 'failed', ?, ?)",
            (key, want.content_id, want.path, want.title, reason, _stat_of(want.path)),
        )
        self._db.execute("COMMIT")

    def update_notes(self, library: Library, gaps: bool = False) -> None:
        """Make the indexed highlights and notes those of the library (changed ones
        anew). Skipped when the library was not written since the last time (its
        change mark), so asking before every search costs a query."""
        mark = (id(library), library.annotations.change_mark())
        if mark == self._notes_mark:
            return
        self._sync_notes(library, gaps)
        self._notes_mark = (id(library), library.annotations.change_mark())

    def _sync_notes(self, library: Library, gaps: bool) -> None:
        """`gaps`: worker processes are indexing books (see `index_file.begin_write`)."""
        indexed = dict(self._db.execute("SELECT annotation_id, digest FROM notes"))
        current = {}
        for id_, path, kind, color, exact, note in library.annotations.searchable():
            digest = hashlib.blake2b(
                "\0".join((path, kind, color, exact, note)).encode(), digest_size=8
            ).hexdigest()
            current[id_] = (digest, path, kind, color, exact, note)
        stale = [i for i, d in indexed.items() if current.get(i, ("",))[0] != d]
        new = [i for i, row in current.items() if indexed.get(i) != row[0]]
        if not stale and not new:
            return
        # The terms are made before any write lock is taken (the most work here):
        # while books are indexed in worker processes, this runs beside them, and
        # a worker waits for this file's lock only while a batch is written.
        rows = [
            (i, *current[i], text_terms(fold(current[i][4] + "\n" + current[i][5]))) for i in new
        ]
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for i in range(0, len(stale), 500):
                batch = stale[i : i + 500]
                self._db.execute(
                    f"DELETE FROM notes WHERE annotation_id IN ({', '.join('?' * len(batch))})",
                    batch,
                )
            self._file.add_garbage(len(stale))
            self._insert_notes(rows[:_NOTES_BATCH])
            self._db.execute("COMMIT")
            # The rest in batches of their own: a note not written yet (stopped
            # between two) is found missing and written by the next update.
            for i in range(_NOTES_BATCH, len(rows), _NOTES_BATCH):
                if gaps:  # for a worker waiting to reserve ids (`begin_write`)
                    time.sleep(0.002)
                self._db.execute("BEGIN IMMEDIATE")
                self._insert_notes(rows[i : i + _NOTES_BATCH])
                self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _insert_notes(self, rows: list[tuple[str, str, str, str, str, str, str, str]]) -> None:
        """Store notes (in the caller's transaction) under ids after the last ever
        given (`notes` is AUTOINCREMENT: an id is never reused, so the FTS5 rows
        of notes deleted, kept as garbage, never match a new note). A note another
        Readmark process stored since this one looked is left as it stored it."""
        if not rows:
            return
        marks = ", ".join("?" * len(rows))
        there = {
            found[0]
            for found in self._db.execute(
                f"SELECT annotation_id FROM notes WHERE annotation_id IN ({marks})",
                [row[0] for row in rows],
            )
        }
        if there:
            rows = [row for row in rows if row[0] not in there]
        found = self._db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'notes'").fetchone()
        first = (found[0] if found else 0) + 1
        self._db.executemany(
            "INSERT INTO notes (id, annotation_id, digest, book, kind, color, exact, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(first + n, *row[:7]) for n, row in enumerate(rows)],
        )
        self._db.executemany(
            "INSERT INTO note_terms (rowid, terms) VALUES (?, ?)",
            [(first + n, row[7]) for n, row in enumerate(rows)],
        )

    def _garbage_due(self) -> bool:
        """Whether a quarter of the FTS5 tables' rows are of pieces and notes gone."""
        garbage = self._file.garbage()
        live = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        live += self._db.execute("SELECT count(*) FROM notes").fetchone()[0]
        return bool(garbage > live // 4 + 100)

    def _collect_garbage(self) -> bool:
        """Remake the FTS5 tables from the stored text once a quarter of their rows
        are of pieces and notes gone (see `index_file`); whether it did."""
        if not self._garbage_due():
            return False
        # This file's write lock throughout: no book's pieces are stored meanwhile
        # (their terms might be in a shard as it is emptied; see `generation`).
        self._db.execute("BEGIN IMMEDIATE")
        try:
            rows = self._db.execute(
                "SELECT id, doc_id, section, cut, text FROM chunks ORDER BY doc_id, section, start"
            ).fetchall()
            terms = []
            for k, (row, doc_id, section, _cut, blob) in enumerate(rows):
                text = zlib.decompress(blob).decode()
                if k + 1 < len(rows) and rows[k + 1][1:3] == (doc_id, section):
                    text += zlib.decompress(rows[k + 1][4]).decode()[:OVERLAP]
                terms.append((doc_id % SHARDS, row, text_terms(fold(text))))
            self._file.shards.remake(terms)
            self._db.execute("INSERT INTO note_terms (note_terms) VALUES ('delete-all')")
            for row, exact, note in self._db.execute(
                "SELECT id, exact, note FROM notes"
            ).fetchall():
                self._db.execute(
                    "INSERT INTO note_terms (rowid, terms) VALUES (?, ?)",
                    (row, text_terms(fold(exact + "\n" + note))),
                )
            self._db.execute("UPDATE meta SET value = '0' WHERE key = 'garbage'")
            self._db.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return True

    def not_indexed(self) -> list[tuple[str, NotIndexed]]:
        """(path, reason) of the books that could not be read."""
        rows = self._db.execute(
            "SELECT path, reason FROM docs WHERE state = 'failed' ORDER BY path"
        ).fetchall()
        return [(path, NotIndexed.loads(reason)) for path, reason in rows]

    def sizes(self) -> tuple[int, int]:
        """(characters, UTF-8 bytes) of the indexed books' text."""
        row = self._db.execute("SELECT total(chars), total(bytes) FROM docs").fetchone()
        return int(row[0]), int(row[1])

    # -- searching ----------------------------------------------------------------

    def search(
        self,
        library: Library,
        text: str,
        *,
        books: bool = True,
        notes: bool = True,
        only: Iterable[str] | None = None,
        limit: int = MAX_HITS,
        per_book: int = PER_BOOK,
    ) -> LibraryResults:
        """The hits of `text` in the indexed books and notes (`only`: these paths).

        QueryError (translatable) for a query that cannot be searched: empty,
        spaces only, longer than MAX_QUERY_CHARS, or without a single letter,
        digit or character to look up (only punctuation)."""
        needle = _checked(text)
        terms = query_terms(needle[:QUERY_TERM_CHARS])
        if not terms:
            raise QueryError(
                QT_TRANSLATE_NOOP(
                    "SearchError",
                    "The library search looks for words and characters: "
                    "type at least one letter, digit or character.",
                )
            )
        expression = match_expression(terms)
        wanted = self._wanted(library)
        allowed = None if only is None else {str(p) for p in only}
        docs: dict[int, tuple[str, str]] = {}
        for doc_id, key in self._db.execute("SELECT id, key FROM docs WHERE state = 'indexed'"):
            want = wanted.get(key)
            if want is not None and (allowed is None or want.path in allowed):
                docs[doc_id] = (want.path, want.title)
        titles = {w.path: w.title for w in wanted.values()}
        results = LibraryResults(not_indexed=self.not_indexed())
        if notes:
            self._search_notes(library, needle, expression, titles, allowed, limit, results)
        if books and len(results.hits) < limit:
            self._search_books(needle, expression, docs, limit, per_book, results)
        return results

    def _search_notes(
        self,
        library: Library,
        needle: str,
        expression: str,
        titles: dict[str, str],
        allowed: set[str] | None,
        limit: int,
        results: LibraryResults,
    ) -> None:
        rows = self._db.execute(
            "SELECT n.annotation_id, n.book, n.kind, n.color, n.exact, n.note "
            "FROM note_terms t JOIN notes n ON n.id = t.rowid WHERE note_terms MATCH ?",
            (expression,),
        )
        for annotation_id, path, _kind, color, exact, note in rows:
            if path not in titles or (allowed is not None and path not in allowed):
                continue
            for part, label in ((note, "note"), (exact, "highlight")):
                found = _find(fold(part), needle, 1)
                annotation = library.annotations.get(annotation_id) if found else None
                if annotation is not None:  # where its highlight is now
                    start, target, chapter = found[0], annotation.target, ""
                    results.hits.append(
                        LibraryHit(
                            path, titles[path], label, target.section, target.start, target.end,
                            chapter, context(part, start, start + len(needle)), color,
                            annotation_id,
                        )
                    )  # fmt: skip
                    break
            if len(results.hits) >= limit:
                results.truncated = True
                return

    def _search_books(
        self,
        needle: str,
        expression: str,
        docs: dict[int, tuple[str, str]],
        limit: int,
        per_book: int,
        results: LibraryResults,
    ) -> None:
        if not docs:
            return
        counts: dict[int, int] = {}
        chapters: dict[tuple[int, int], str] = {}
        reader = self._db.cursor()
        for chunk_id, doc_id, section, start, cut in self._file.shards.candidates(
            self._searcher(), expression
        ):
            if doc_id not in docs:
                continue
            path, title = docs[doc_id]
            full = counts.get(doc_id, 0) >= per_book
            if full and path in results.truncated_books:
                continue  # known to have more than it lists
            blob = reader.execute("SELECT text FROM chunks WHERE id = ?", (chunk_id,)).fetchone()
            text = zlib.decompress(blob[0]).decode()
            own = len(text)
            if (cut or "\n" in needle) and len(needle) > 1:
                text += self._following(doc_id, section, start + own, len(needle) - 1)
            folded = fold(text)
            left = min(per_book - counts.get(doc_id, 0), limit - len(results.hits))
            for at in _find(folded, needle, left + 1, before=own):
                if counts.get(doc_id, 0) >= per_book:
                    results.truncated_books.add(path)  # one hit more than it lists
                    break
                if len(results.hits) >= limit:
                    results.truncated = True
                    break
                counts[doc_id] = counts.get(doc_id, 0) + 1
                key = (doc_id, section)
                if key not in chapters:
                    row = reader.execute(
                        "SELECT title FROM sections WHERE doc_id = ? AND section = ?", key
                    ).fetchone()
                    chapters[key] = row[0] if row else ""
                results.hits.append(
                    LibraryHit(
                        path, title, "book", section, start + at, start + at + len(needle),
                        chapters[key], context(text, at, at + len(needle)),
                    )
                )  # fmt: skip
            if len(results.hits) >= limit:
                results.truncated = True
                return

    def _following(self, doc_id: int, section: int, start: int, chars: int) -> str:
        """Up to `chars` characters of the section's text from `start` on."""
        out = ""
        while len(out) < chars:
            row = self._db.execute(
                "SELECT text FROM chunks WHERE doc_id = ? AND section = ? AND start = ?",
                (doc_id, section, start + len(out)),
            ).fetchone()
            if row is None:
                break
            piece = zlib.decompress(row[0]).decode()
            if not piece:
                break
            out += piece
        return out[:chars]


def _checked(text: str) -> str:
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            QT_TRANSLATE_NOOP("SearchError", "A search can be at most {limit} characters long."),
            limit=MAX_QUERY_CHARS,
        )
    if not text.strip():
        raise QueryError(QT_TRANSLATE_NOOP("SearchError", "Type something to find."))
    return fold(text)


def _find(folded: str, needle: str, most: int, before: int | None = None) -> list[int]:
    """Where `needle` starts in `folded` (before `before`), at most `most` places;
    a query starting with a Latin letter starts a word there (`read` is not found
    in `bread`, `reading` is)."""
    word_start = is_word_char(needle[0])
    found: list[int] = []
    end = len(folded) if before is None else before
    at = folded.find(needle)
    while 0 <= at < end and len(found) < most:
        if not (word_start and at > 0 and is_word_char(folded[at - 1])):
            found.append(at)
            at = folded.find(needle, at + len(needle))
        else:
            at = folded.find(needle, at + 1)
    return found


def _size_of(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _stat_of(path: str) -> str:
    try:
        status = os.stat(path)
    except OSError as error:
        return f"missing:{error.errno}"
    return f"{status.st_size}:{status.st_mtime_ns}"
