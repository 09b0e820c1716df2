"""Gathering a book's annotations for export: the CLI and the export dialog share this.

The book must be in the library (found by its path, else by its content when
it was moved). Imports waiting for it are claimed first, and every annotation
is anchored against the book as it is now, so the export says truthfully which
ones are orphaned. Nothing anchored here is written back: exporting changes
nothing but the claim.
"""

from __future__ import annotations

from pathlib import Path

from readmark.core.annotations import Annotation
from readmark.core.book import Book
from readmark.core.store.library import BookRecord, Library


def find_record(library: Library, book: Book) -> BookRecord | None:
    """The library's record of `book` (a `BookRecord`), or None if it was never opened."""
    record = library.get(Path(book.path).resolve())
    if record is None:
        moved = library.annotations.book_with_content(book.content_id)
        record = library.get(moved) if moved else None
    return record


def annotations_to_export(library: Library, record: BookRecord, book: Book) -> list[Annotation]:
    """The book's annotations placed in `book` (opened with `record.repair`), orphans marked."""
    from readmark.core.anchoring import resolve_all

    path = Path(record.path)
    library.annotations.claim_pending(path, book.content_id)
    annotations = library.annotations.for_book(path)
    return resolve_all(book, annotations) if annotations else []
