"""Readest: a book's `config.json` (in `Books/<book hash>/`), which holds its notes.

The shape is Readest's own TypeScript types (readest/readest, `src/types/book.ts`;
no real file of it is published, so tests build one in that shape):

    BookConfig { bookHash?, booknotes?: BookNote[], progress, location, updatedAt, … }
    BookNote   { id, type: "annotation" | "excerpt" | "bookmark", cfi, text?,
                 style?: "highlight" | "underline" | "squiggly",
                 color?: "red" | "yellow" | "green" | "blue" | "violet" | "#rrggbb",
                 note, page?, createdAt, updatedAt, deletedAt? }   (times in ms)

An `annotation` is a highlight (its `text` the quote), an `excerpt` a quote kept
with a note, a `bookmark` a place; one with `deletedAt` is the tombstone of a
deleted note: left out. The title and author are in `Books/library.json`
(`Book { hash, title, author }`) two folders up, when it is there; else the book
is found by its quotes.
"""

from __future__ import annotations

import json
from pathlib import Path

from readmark.core.annotations import Kind, Style
from readmark.core.export.w3c_import import AnnotationImportError, loads
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.importers import records
from readmark.core.importers.records import BookMarks, BookRef, Mark, ParsedMarks

COLOURS = {"red": "pink", "yellow": "yellow", "green": "green", "blue": "blue", "violet": "purple"}
_KINDS = {"annotation", "excerpt", "bookmark"}


def looks_like(text: str) -> bool:
    head = text.lstrip("\ufeff").lstrip()
    return head.startswith("{") and '"booknotes"' in text


def parse(text: str, path: Path | None = None) -> ParsedMarks:
    data = loads(text.lstrip("\ufeff"))
    notes = data.get("booknotes") if isinstance(data, dict) else None
    if not isinstance(notes, list):
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP("ImportError", "The file is not a Readest book configuration.")
        )
    assert isinstance(data, dict)
    book_hash = data.get("bookHash")
    parsed = ParsedMarks("readest", [])
    group = BookMarks(_book(path, book_hash if isinstance(book_hash, str) else ""))
    for note in notes:
        if not isinstance(note, dict) or note.get("type") not in _KINDS:
            parsed.leave_out(records.NOT_AN_ANNOTATION)
            continue
        if note.get("deletedAt"):
            parsed.leave_out(records.DELETED_IN_READEST)
            continue
        mark = _mark(note)
        if mark is None:
            parsed.leave_out(records.NOT_AN_ANNOTATION)
        else:
            group.marks.append(mark)
    parsed.books.append(group)
    return parsed


def _book(path: Path | None, book_hash: str) -> BookRef:
    """The title and author `Books/library.json` gives this book's hash, if it can."""
    if path is None:
        return BookRef()
    book_hash = book_hash or path.parent.name
    library = path.parent.parent / "library.json"
    try:
        if not library.is_file() or library.stat().st_size > records.MAX_BYTES:
            return BookRef()
        books = json.loads(library.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return BookRef()
    for book in books if isinstance(books, list) else []:
        if isinstance(book, dict) and book.get("hash") == book_hash:
            title, author = book.get("title"), book.get("author")
            return BookRef(
                title if isinstance(title, str) else "",
                author if isinstance(author, str) else "",
            )
    return BookRef()


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _when(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 1e14:
        return float(value) / 1000
    return None


def _mark(note: dict[str, object]) -> Mark | None:
    quote, text = _text(note.get("text")), _text(note.get("note"))
    created = _when(note.get("createdAt"))
    modified = _when(note.get("updatedAt")) or created
    cfi = _text(note.get("cfi"))
    page = note.get("page")
    position = cfi or (f"page {page}" if isinstance(page, int) else "")
    if note.get("type") == "bookmark":
        return Mark(
            Kind.BOOKMARK,
            label=quote or position or "Readest",
            position=position,
            created=created,
            modified=modified,
        )
    if not quote and not text:
        return None
    colour = note.get("color")
    return Mark(
        Kind.HIGHLIGHT if quote else Kind.NOTE,
        quote=quote,
        note=text,
        color=COLOURS.get(colour, "yellow") if isinstance(colour, str) else "yellow",
        style=Style.HIGHLIGHT if note.get("style") in (None, "highlight") else Style.UNDERLINE,
        position=position,
        created=created,
        modified=modified,
    )
