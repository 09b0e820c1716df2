"""Make a book's saved search text (`saved_text`) in a process of its own, at the
lowest CPU priority, so the first search of a book just opened finds the whole
text ready instead of converting every chapter then (seconds for a 10 MB book).

    python -m readmark.core.search.warm BOOK CACHE_DIR BOOK_KEY '{"repair": true, …}'

The window starts it some seconds after a big book's first screen (ui/shell/
search_warmer.py). It opens the book with the reader's choices, and writes
nothing unless the book's `cache_key` is the one the window has (the same
content, choices and rendering code), so what it saves is exactly the text the
reader shows. Exit status: 0 saved (or already there), 1 not saved (another
key, a section that cannot be read), 2 the book cannot be opened.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def warm(book_path: Path, cache_dir: Path, key: str, options: dict[str, object]) -> int:
    from readmark.core.book import BookError, LoadOptions
    from readmark.core.formats import open_book
    from readmark.core.render_cache import RenderCache
    from readmark.core.search.book_text import BookText
    from readmark.core.search.in_book import prepare_book
    from readmark.core.search.saved_text import NAME, SavedText

    cache = RenderCache(cache_dir)
    if cache.has_blob(key, NAME):
        return 0
    try:
        choices = LoadOptions(
            repair=bool(options.get("repair", True)),
            encoding=str(options.get("encoding", "")),
            detect_chapters=bool(options.get("detect_chapters", True)),
        )
        book = open_book(book_path, choices)
    except (BookError, OSError):
        return 2
    if book.cache_key != key:
        return 1

    def html_of(index: int) -> str:  # chapters the reader converted already are reused
        html = cache.get(key, index)
        return book.section_html(index) if html is None else html

    text = BookText(len(book.sections), html_of, SavedText(cache, key))
    for _index in prepare_book(text):
        pass  # prepare_book saves the text once every section is made
    return 0 if cache.has_blob(key, NAME) else 1


def main(argv: list[str]) -> int:
    try:
        os.nice(19)  # the reader comes first
    except (AttributeError, OSError):
        pass
    book, cache_dir, key, options = argv
    return warm(Path(book), Path(cache_dir), key, json.loads(options))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
