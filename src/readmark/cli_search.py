"""`readmark search BOOK QUERY`: the in-book search from the command line, over the same
core as the window's search bar (core/search): Simplified and Traditional Chinese
folded into each other, case and accents ignored unless asked, regular expressions
with a time limit. One line per hit: the section, then the hit in its context."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from readmark.core.book import Book


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = sub.add_parser("search", help="find words or a regular expression in a book")
    search.add_argument("book")
    search.add_argument("query")
    search.add_argument("--match-case", action="store_true", help="tell capitals apart")
    search.add_argument("--whole-words", action="store_true", help="whole words only")
    search.add_argument("--regex", action="store_true", help="the query is a regular expression")
    search.add_argument(
        "--no-repair", action="store_true", help="search the book as the file has it"
    )


def run(args: argparse.Namespace, book: Book, fail: Callable[[str], int]) -> int:
    """Print every hit; exit 0 when something was found, 1 when nothing was (as grep)."""
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
