"""`readmark search QUERY`: the library search from the command line, over the same
core as the window (`core.search.index`). Exit 0 with hits, 1 with none, 2 on error.

`readmark search BOOK QUERY` (two words) is the in-book search on a book file, over the
same core as the window's search bar (core/search): Simplified and Traditional Chinese
folded into each other, case and accents ignored unless asked, regular expressions with
a time limit. One line per hit: the section, then the hit in its context."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from readmark.core.book import Book
    from readmark.core.search.index import LibraryHit, SearchIndex
    from readmark.core.store.library import Library

NO_HITS = 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = sub.add_parser(
        "search",
        help="search every book in the library and every note (QUERY), or one book file "
        "(BOOK QUERY)",
    )
    search.add_argument("first", metavar="[BOOK] QUERY")
    search.add_argument("second", nargs="?", help=argparse.SUPPRESS)
    search.add_argument("--book", help="only this book of the library (its path, or its title)")
    search.add_argument("--collection", help="only the books of this collection")
    search.add_argument("--language", help="only books in this language (e.g. zh, en)")
    search.add_argument("--notes-only", action="store_true", help="only highlights and notes")
    search.add_argument("--books-only", action="store_true", help="only the books' text")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    search.add_argument("--limit", type=int, default=200, help="list at most this many hits")
    # BOOK QUERY: the in-book search (the window's Ctrl+F), on a file.
    search.add_argument("--match-case", action="store_true", help="BOOK QUERY: tell capitals apart")
    search.add_argument("--whole-words", action="store_true", help="BOOK QUERY: whole words only")
    search.add_argument(
        "--regex", action="store_true", help="BOOK QUERY: the query is a regular expression"
    )
    search.add_argument(
        "--no-repair", action="store_true", help="BOOK QUERY: search the book as the file has it"
    )


def in_one_book(args: argparse.Namespace) -> bool:
    """`readmark search BOOK QUERY` (two words) searches a book file; else the library."""
    if args.second is None:
        args.query = args.first
        return False
    args.book, args.query = args.first, args.second
    return True


def run(
    args: argparse.Namespace,
    open_library: Callable[[], AbstractContextManager[Library]],
    fail: Callable[[str], int],
) -> int:
    from readmark import paths
    from readmark.core.search.index import SearchIndex
    from readmark.core.search.index_file import IndexUnusableError
    from readmark.i18n import translate_error

    if args.limit < 1:
        return fail(QCoreApplication.translate("Cli", "--limit must be at least 1."))
    try:
        index = SearchIndex(paths.search_index())
    except IndexUnusableError as error:
        return fail(translate_error(error))
    try:
        return _search(args, index, open_library, fail)
    except sqlite3.Error as error:  # the index file: locked too long, a full disk
        return fail(
            QCoreApplication.translate(
                "Cli", "The search index {path} cannot be used: {reason}"
            ).format(path=index.path, reason=error)
        )
    finally:
        index.close()


def _search(
    args: argparse.Namespace,
    index: SearchIndex,
    open_library: Callable[[], AbstractContextManager[Library]],
    fail: Callable[[str], int],
) -> int:
    from readmark.core.search.query import QueryError
    from readmark.i18n import translate_error

    if index.rebuilt:
        print(
            QCoreApplication.translate(
                "Cli", "readmark: the search index was damaged or out of date; it is made anew."
            )
            if index.rebuilt != "format"
            else QCoreApplication.translate(
                "Cli", "readmark: the search index is made anew for this version."
            ),
            file=sys.stderr,
        )
    with open_library() as library:
        only = None
        if args.book:
            from readmark.core.operations.library_books import find_in_library

            found = find_in_library(library, args.book)
            if found is None:
                return fail(
                    QCoreApplication.translate(
                        "Cli",
                        "“{book}” is not in the library (give its path, or its exact title).",
                    ).format(book=args.book)
                )
            only = [str(found)]
        if args.collection or args.language:
            from readmark.core.search.scope import Scope, books_in

            chosen = books_in(library, Scope(args.collection or "", args.language or ""))
            if chosen is None:
                return fail(
                    QCoreApplication.translate(
                        "Cli", "There is no collection “{name}” in the library."
                    ).format(name=args.collection)
                )
            only = [p for p in (only or chosen) if p in chosen]
        _update(index, library)
        try:
            results = index.search(
                library,
                args.query,
                books=not args.notes_only,
                notes=not args.books_only,
                only=only,
                limit=args.limit,
                per_book=args.limit if args.book else min(args.limit, 50),
            )
        except QueryError as error:
            return fail(translate_error(error))
    for path, reason in results.not_indexed:
        print(
            QCoreApplication.translate("Cli", "readmark: “{path}” is not indexed: {reason}").format(
                path=path, reason=translate_error(reason)
            ),
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps([_as_dict(hit) for hit in results.hits], ensure_ascii=False, indent=2))
    else:
        _print(results.hits)
        if results.truncated or results.truncated_books:
            print(
                QCoreApplication.translate(
                    "Cli", "(more hits than listed: narrow the search, or use --limit)"
                )
            )
    return 0 if results.hits else NO_HITS


def _update(index: SearchIndex, library: Library) -> None:
    """Index what is missing, saying so on stderr (a line per book on a terminal)."""
    from readmark.i18n import format_number

    missing = index.missing(library)
    if missing:
        print(
            QCoreApplication.translate("Cli", "Indexing {count} books…").format(
                count=format_number(len(missing))
            ),
            file=sys.stderr,
        )

    def say(done: int, total: int, path: str) -> None:
        if path and sys.stderr.isatty():
            name = Path(path).name
            print(f"\r[{done + 1}/{total}] {name[:60]:<60}", end="", file=sys.stderr)

    # Several books to read: as many processes as cores read and cut them (the window
    # indexes in one background thread instead, so the reader keeps its cores).
    # A frozen bundle would start itself again for each process: one there.
    many = len(missing) >= 4 and not getattr(sys, "frozen", False)
    workers = min(os.cpu_count() or 1, 4) if many else 1
    # Books the window converted or searched before are read from its render cache.
    from readmark import paths

    report = index.update(library, say, workers=workers, sections=paths.render_cache_dir())
    if report.indexed and sys.stderr.isatty():
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr)


def _as_dict(hit: LibraryHit) -> dict[str, object]:
    return {
        "path": hit.path,
        "title": hit.title,
        "kind": hit.kind,
        "chapter": hit.chapter,
        "section": hit.section,
        "offset": hit.start,
        "end": hit.end,
        "context": hit.context.before + hit.context.hit + hit.context.after,
        "before": hit.context.before,
        "hit": hit.context.hit,
        "after": hit.context.after,
        "color": hit.color or None,
        "annotation": hit.annotation_id or None,
    }


def _print(hits: list[LibraryHit]) -> None:
    """Grouped by book: the book's title and path, then one line a hit."""
    kinds = {
        "note": QCoreApplication.translate("Cli", "note"),
        "highlight": QCoreApplication.translate("Cli", "highlight"),
    }
    emphasis = sys.stdout.isatty()
    current = None
    for hit in hits:
        if hit.path != current:
            if current is not None:
                print()
            current = hit.path
            print(f"{hit.title} — {hit.path}")
        found = f"\x1b[1m{hit.context.hit}\x1b[0m" if emphasis else f"[{hit.context.hit}]"
        where = f"§{hit.section}:{hit.start}"
        if hit.kind in kinds:
            where += f" ({kinds[hit.kind]}, {hit.color})"
        elif hit.chapter:
            where += f" {hit.chapter}"
        print(f"  {where}: {hit.context.before}{found}{hit.context.after}")


def run_in_book(args: argparse.Namespace, book: Book, fail: Callable[[str], int]) -> int:
    """`readmark search BOOK QUERY`, the in-book search over the same core as the window's
    search bar (regular expressions with a time limit). Print every hit; exit 0 when something was found, 1 when nothing was (as grep)."""
    from readmark.core.search.book_text import BookText
    from readmark.core.search.in_book import context, search_book
    from readmark.core.search.query import Query, QueryError, compile_query
    from readmark.i18n import translate_error

    query = Query(args.query, args.match_case, args.whole_words, args.regex)
    if query.blank:
        return fail(QCoreApplication.translate("Cli", "Say what to search for."))
    try:
        matcher = compile_query(query)
    except QueryError as error:
        return fail(translate_error(error))
    text = BookText(len(book.sections), book.section_html)
    count = 0
    try:
        for hits in sorted(search_book(text, matcher), key=lambda found: found.section):
            section_text = text.text(hits.section)
            for start, end in hits.ranges:
                around = context(section_text, start, end)
                print(f"{hits.section}: {around.before}[{around.hit}]{around.after}")
                count += 1
    except QueryError as error:  # a regular expression that ran out of time
        return fail(translate_error(error))
    print(QCoreApplication.translate("Cli", "Found: {count}").format(count=count))
    return 0 if count else 1
