"""Choosing the loader for a book file by its suffix, once it is known to be a file."""

from __future__ import annotations

from pathlib import Path

from readmark.core.book import Book, BookError, LoadOptions
from readmark.core.i18n import QT_TRANSLATE_NOOP

DEFAULT_OPTIONS = LoadOptions()

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt"})
EPUB_SUFFIXES = frozenset({".epub"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED_SUFFIXES = tuple(
    sorted(MARKDOWN_SUFFIXES | TEXT_SUFFIXES | EPUB_SUFFIXES | HTML_SUFFIXES)
)


def open_book(path: Path | str, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    """Load the book at `path`, or raise `BookError` saying why it cannot be opened."""
    from readmark.core.textio import check_book_path, read_text

    path = Path(path)
    # What the path is comes first: a missing file, a folder or a pipe is that,
    # whatever its name ends with. The loaders read it only if it is a regular file.
    check_book_path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise BookError(
            QT_TRANSLATE_NOOP("BookError", "Readmark cannot open {suffix} files yet."),
            suffix=suffix or path.name,
        )
    if suffix in EPUB_SUFFIXES:
        from readmark.core.formats.epub import load_epub

        return load_epub(path, options)
    if suffix in HTML_SUFFIXES:
        from readmark.core.formats.html.loader import load_html

        return load_html(path, options)
    if suffix in TEXT_SUFFIXES:
        # A .txt is plain text unless it is evidently Markdown; either way its
        # encoding is detected (or chosen by the reader) the plain-text way.
        from readmark.core.formats.plaintext.encoding import read_plain_text
        from readmark.core.sniff import looks_like_markdown

        decoded = read_plain_text(path, options)
        if not looks_like_markdown(decoded.text):
            from readmark.core.formats.plaintext.loader import build_plain_book

            return build_plain_book(path, decoded, options)
    else:
        decoded = read_text(path)
    # Imported here, not above: a plain-text book never needs Python-Markdown's
    # converter and Readmark's extensions, whose import (tens of ms) would come
    # before its first screen.
    from readmark.core.formats.markdown.loader import build_book

    return build_book(path, decoded, options)
