"""A book cut into the pieces the library index stores, with their terms: what
indexing does before anything is written, in the process that updates the
index or in a worker process (`index_book`, which also stores the terms in a
shard, `term_shards`, so that the updating process only stores the pieces).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readmark.core.book import LoadOptions
from readmark.core.search.terms import is_word_char, text_terms

if TYPE_CHECKING:
    from readmark.core.book import Book, BookError
    from readmark.core.search.book_text import BookText

CHUNK_CHARS = 4000  # measured: 2,000 made the index 1.2x larger, 8,000 slows queries
OVERLAP = 64  # a piece also holds the terms of this much of the next one
# Measured on 0.5 MB books: level 6 takes 2.5-4x as long for a 4-10 % smaller text.
_ZLIB_LEVEL = 1
_CUT_LOOKBACK = 200  # a long line is cut where no word is split, if one is this near


@dataclass
class NotIndexed:
    """Why a book could not be indexed: its BookError's template, context and
    params (kept in the index as JSON), so `i18n.translate_error` words it."""

    template: str
    context: str
    params: dict[str, object]

    @classmethod
    def of(cls, error: BookError) -> NotIndexed:
        params: dict[str, object] = {
            k: v if isinstance(v, (str, int, float)) else str(v) for k, v in error.params.items()
        }
        return cls(error.template, "BookError", params)

    def dumps(self) -> str:
        return json.dumps([self.template, self.context, self.params], ensure_ascii=False)

    @classmethod
    def loads(cls, text: str) -> NotIndexed:
        try:
            template, context_, params = json.loads(text)
            return cls(str(template), str(context_), dict(params))
        except (ValueError, TypeError):
            return cls(text, "BookError", {})

    def __str__(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


@dataclass
class Prepared:
    """One book made ready to store: its sections' chapter titles and its pieces
    (section, start, cut, zlib text, terms); made by `prepare_book`, in this process
    or another."""

    titles: list[str]
    pieces: list[tuple[int, int, int, bytes, str]]
    chars: int
    bytes: int
    terms_stored: bool = False  # committed in a shard already (by `index_book`),
    first_id: int = 0  # under these piece ids,
    generation: str = ""  # in this generation of the terms (`IndexFile.generation`)


def prepare_book(
    path: str,
    options: LoadOptions,
    check: Callable[[], None] = lambda: None,
    sections: Path | None = None,
) -> Prepared | NotIndexed:
    """Read a book as the reader shows it and cut it into stored pieces with their
    terms; why not, when it cannot be read. Needs no database (runs in a worker
    process when indexing uses several). `sections`: the window's render cache,
    whose converted sections and saved text (a book read or searched before) are
    used instead of converting the book again."""
    from readmark.core.book import BookError
    from readmark.core.formats import open_book

    titles: list[str] = []
    pieces: list[tuple[int, int, int, bytes, str]] = []
    chars = size = 0
    try:
        book = open_book(Path(path), options)
        text = _book_text(book, sections)
        for index, section in enumerate(book.sections):
            check()
            titles.append(section.title)
            shown = text.text(index)  # "" for a section that cannot be shown
            folded = text.folded(index)
            for start, end, cut in chunks_of(shown):
                # The terms of the next piece's start too: a hit may begin here and
                # end there (a long line cut, or a query holding a line break).
                pieces.append(
                    (
                        index,
                        start,
                        int(cut),
                        zlib.compress(shown[start:end].encode(), _ZLIB_LEVEL),
                        text_terms(folded[start : end + OVERLAP]),
                    )
                )
            chars += len(shown)
            size += len(shown.encode())
    except BookError as error:
        return NotIndexed.of(error)
    return Prepared(titles, pieces, chars, size)


def _book_text(book: Book, sections: Path | None) -> BookText:
    """The book's text, from the render cache where it can be (never written to it:
    a library's books would fill it with what the index keeps anyway)."""
    from readmark.core.html_text import html_to_text
    from readmark.core.render_cache import RenderCache
    from readmark.core.search.book_text import BookText
    from readmark.core.search.saved_text import SavedText

    if sections is None:  # the text made without the HTML where that is the same
        return BookText(len(book.sections), book.section_html, text_of=book.section_text)
    cache, key = RenderCache(sections), book.cache_key

    def html_of(index: int) -> str:
        html = cache.get(key, index)
        return book.section_html(index) if html is None else html

    def text_of(index: int) -> str:  # a section the reader converted is read back
        html = cache.get(key, index)
        return book.section_text(index) if html is None else html_to_text(html)

    return BookText(
        len(book.sections), html_of, SavedText(cache, key, write=False), text_of=text_of
    )


def chunks_of(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, cut) pieces covering `text`: at most CHUNK_CHARS characters,
    ending after a line break when there is one in the piece; `cut`: the piece
    ends inside a line (where no Latin word is split, when possible)."""
    pieces = []
    start, size = 0, len(text)
    while start < size:
        end = start + CHUNK_CHARS
        if end >= size:
            pieces.append((start, size, False))
            break
        newline = text.rfind("\n", start, end)
        if newline >= 0:
            pieces.append((start, newline + 1, False))
            start = newline + 1
            continue
        cut = end
        while cut > end - _CUT_LOOKBACK and is_word_char(text[cut - 1]) and is_word_char(text[cut]):
            cut -= 1
        if cut == end - _CUT_LOOKBACK:
            cut = end
        pieces.append((start, cut, True))
        start = cut
    return pieces


def index_book(
    path: str, options: LoadOptions, sections: Path | None, index: Path, token: str
) -> Prepared | NotIndexed:
    """In a worker process: `prepare_book`, then its pieces' ids reserved in the
    index file `index` and its terms committed in a free shard under them;
    returned without the terms (`first_id`, `generation`: what was reserved)."""
    from readmark.core.search.index_file import reserve_pieces
    from readmark.core.search.term_shards import worker_index

    prepared = prepare_book(path, options, lambda: None, sections)
    if isinstance(prepared, Prepared):
        worker = worker_index(index, token)
        prepared.first_id, prepared.generation = reserve_pieces(worker.db, len(prepared.pieces))
        first = prepared.first_id
        worker.shards.store((first + n, piece[4]) for n, piece in enumerate(prepared.pieces))
        prepared.pieces = [piece[:4] + ("",) for piece in prepared.pieces]
        prepared.terms_stored = True
    return prepared
