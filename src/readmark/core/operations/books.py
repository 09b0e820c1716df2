"""Opening a book in the library: one operation for what the window and the CLI
do when a book is opened."""

from __future__ import annotations

from dataclasses import dataclass

from readmark.core.book import Book
from readmark.core.operations.library_books import book_file
from readmark.core.store.library import Library, ReadingPosition


@dataclass(frozen=True)
class Opened:
    position: ReadingPosition | None  # where the reader stopped last time
    claimed: int  # annotations imported for this book before it was ever opened here


def record_opening(library: Library, book: Book) -> Opened:
    """Record that `book` was opened now (its record follows a moved file), give it
    the annotations imported for it while it was not in the library, and return
    where to start reading. Raises StoreError when the library cannot be written."""
    record = library.touch(
        book.path, book.content_id, book.metadata.title, ", ".join(book.metadata.authors)
    )
    library.catalog.describe(book_file(book))  # format, language, size for the library view
    claimed = library.annotations.claim_pending(
        book.path, book.content_id, title=book.metadata.title
    )
    return Opened(record.position, claimed)
