"""Make a book's saved search text (`saved_text`) in processes of their own, at
the lowest CPU priority, so the first search of a book just opened finds the
whole text ready instead of converting every chapter then (seconds for a 10 MB
book).

    python -m readmark.core.search.warm BOOK CACHE_DIR BOOK_KEY '{"repair": true, …}' [FIRST END [READER]]

READER, the reader's process id: the process stops at its next section once it is
no longer the reader's child (the reader crashed or was killed; one that quits
ends it itself).

The window starts one per core right after a big book's first screen (ui/shell/
search_warmer.py), each over its share of the sections (FIRST to END; the whole
book without them). Each opens the book with the reader's choices, and writes
nothing unless the book's `cache_key` is the one the window has (the same
content, choices and rendering code), so what it saves is exactly the text the
reader shows. It hands over what it has finished every `HAND_OVER_S` as a part
(`SavedText.save_part`, written whole or not at all), so a search begun
meanwhile takes those sections instead of converting them; it skips sections
handed over by others (a search hands over what it made the same way; a look at
the book's folder before each section, well under a millisecond) and stops when
the whole copy is there. The last one to
finish joins the parts into the whole copy. Exit status: 0 saved (or already
there, or its share done and handed over), 1 not saved (another key, a section
that cannot be read), 2 the book cannot be opened.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readmark.core.search.saved_text import SavedText

HAND_OVER_S = 0.15  # how often finished sections are handed over (each a file)


def warm(
    book_path: Path,
    cache_dir: Path,
    key: str,
    options: dict[str, object],
    first: int = 0,
    end: int | None = None,
    reader: int | None = None,
) -> int:
    from readmark.core.book import BookError, LoadOptions
    from readmark.core.formats import open_book
    from readmark.core.html_text import html_to_text
    from readmark.core.render_cache import RenderCache
    from readmark.core.search.saved_text import SavedText

    cache = RenderCache(cache_dir)
    saved = SavedText(cache, key)
    if saved.complete():
        return 0
    saved.lease(first)  # a search begun now expects these sections from here
    try:
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
        count = len(book.sections)
        end = count if end is None else min(end, count)
        texts: list[str] = []  # the text only: see saved_text.py
        start = first  # the first section of what is not handed over yet
        handed = time.monotonic()
        index = first
        while index < end:
            if reader is not None and os.getppid() != reader:  # the reader is gone (a
                return 1  # crash, a kill; this process was handed to another parent)
            if _made_elsewhere(saved, index):  # by a search in the window, or another share
                saved.save_part(start, texts)
                if saved.complete():
                    return 0  # the whole text was made meanwhile
                index += 1
                texts, start = [], index
                continue
            html = cache.get(key, index)  # chapters the reader converted already are reused
            try:
                text = book.section_text(index) if html is None else html_to_text(html)
            except BookError:
                saved.save_part(start, texts)
                return 1  # not saved whole: the search reports the section, as ever
            texts.append(text)
            index += 1
            if time.monotonic() - handed >= HAND_OVER_S or index == end:
                saved.save_part(start, texts)
                texts, start, handed = [], index, time.monotonic()
    finally:
        saved.release(first)
    saved.join_parts(count)  # the last to finish joins them all
    return 0


def _made_elsewhere(saved: SavedText, index: int) -> bool:
    """Whether another (a search in the window, another share) handed `index` over."""
    return saved.complete() or any(first <= index < end for first, end in saved.parts())


def main(argv: list[str]) -> int:
    try:
        os.nice(19)  # the reader comes first
    except (AttributeError, OSError):
        pass
    book, cache_dir, key, options, *share = argv
    first, end = (int(share[0]), int(share[1])) if len(share) >= 2 else (0, None)
    reader = int(share[2]) if len(share) == 3 else None  # the process id of the reader
    return warm(Path(book), Path(cache_dir), key, json.loads(options), first, end, reader)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
