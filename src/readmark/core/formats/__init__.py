"""Choosing the loader for a book file by its suffix."""

from __future__ import annotations

from pathlib import Path

from readmark.core.book import Book, BookError, LoadOptions
from readmark.core.i18n import QT_TRANSLATE_NOOP

DEFAULT_OPTIONS = LoadOptions()

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt"})
SUPPORTED_SUFFIXES = tuple(sorted(MARKDOWN_SUFFIXES | TEXT_SUFFIXES))


def open_book(path: Path | str, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    """Load the book at `path`, or raise `BookError` saying why it cannot be opened."""
    from readmark.core.formats.markdown_loader import build_book
    from readmark.core.textio import read_text

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise BookError(
            QT_TRANSLATE_NOOP("BookError", "Readmark cannot open {suffix} files yet."),
            suffix=suffix or path.name,
        )
    decoded = read_text(path)
    # TODO(plain-text loader): a .txt for which sniff.looks_like_markdown() is
    # False goes to the plain-text loader once it exists; until then the
    # Markdown loader reads it (plain paragraphs render acceptably).
    return build_book(path, decoded, options)
