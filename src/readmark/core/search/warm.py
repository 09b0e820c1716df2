"""Make a book's saved search text (`saved_text`) in processes of their own, at
the lowest CPU priority, so the first search of a book just opened finds the
whole text ready instead of converting every chapter then (seconds for a 10 MB
book).

The window starts one per core right after a big book's first screen (ui/shell/
search_warmer.py), each over its share of the sections (FIRST to END; the whole
book without them). On Linux each is a copy of the reader made by fork
(`fork_share`), the book already open in it, sharing with the window which
section each is making (core/search/claims.py). Elsewhere it is started as

    python -m readmark.core.search.warm BOOK CACHE_DIR BOOK_KEY '{"repair": true, …}' [FIRST END [READER]]

and opens the book with the reader's choices, writing nothing unless the book's
`cache_key` is the one the window has (the same content, choices and rendering
code), so what it saves is exactly the text the reader shows. READER, the
reader's process id: the process stops at its next section once it is no longer
the reader's child (the reader crashed or was killed; one that quits ends it
itself); a forked copy does the same.

Each hands over what it has finished every `HAND_OVER_S` as a part
(`SavedText.save_part`, written whole or not at all, stored uncompressed), so a
search begun meanwhile takes those sections instead of converting them. It
skips sections another is making: a forked copy those claimed by the window's
search or another copy; a program those handed over by others (a search hands
over what it made the same way; a look at the book's folder before each
section, well under a millisecond). It stops when the whole copy is there. The
last one to finish joins the parts into the whole copy. Exit status: 0 saved (or
already there, or its share done and handed over), 1 not saved (another key, a
section that cannot be read), 2 the book cannot be opened.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from readmark.core.search.claims import SHARE

if TYPE_CHECKING:
    from readmark.core.book import Book
    from readmark.core.search.claims import Claims
    from readmark.core.search.saved_text import SavedText

HAND_OVER_S = 0.15  # how often finished sections are handed over (each a file)
# Linux: the shares are made by copies of the reader itself (`fork_share`), the book
# already open in them. A new process first spends 0.12-0.15 s starting Python and
# importing, then ~0.1 s opening a 10 MB book, on the core a search just begun needs:
# a search typed at once after the first screen waited for the window to make the
# whole text alone. Elsewhere (macOS's frameworks are not safe in a forked copy;
# Windows has no fork) they are started as programs (`main`).
FORKS = sys.platform.startswith("linux") and hasattr(os, "fork")
# A forked copy ends itself (SIGALRM) if one section takes this long: a lock another
# thread of the reader held at the fork stays held in the copy forever. What it
# handed over is kept; a search makes the rest in the window, as for a killed one.
STALL_S = 30
PROCESS_NAME = "readmark-text"  # a forked copy's name (Linux's comm, at most 15 bytes)


def warm(
    book_path: Path,
    cache_dir: Path,
    key: str,
    options: dict[str, object],
    first: int = 0,
    end: int | None = None,
    reader: int | None = None,
) -> int:
    """A process of its own (started by `main`): opens the book, then `make_share`."""
    from readmark.core.book import BookError, LoadOptions
    from readmark.core.formats import open_book
    from readmark.core.render_cache import RenderCache
    from readmark.core.search.saved_text import SavedText

    if SavedText(RenderCache(cache_dir), key).complete():
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
    return make_share(book, cache_dir, key, first, end, reader)


def make_share(
    book: Book,
    cache_dir: Path,
    key: str,
    first: int = 0,
    end: int | None = None,
    reader: int | None = None,
    stall_s: int = 0,
    claims: Claims | None = None,
    who: int = 0,
) -> int:
    """Make sections `first`…`end` of `book` (open, its `cache_key` being `key`),
    handing them over as parts; the last share to finish joins them. `stall_s`:
    end the process (SIGALRM) if one section takes longer (a forked copy: see
    `fork_share`). `claims`: shared with the reader (a forked copy, claiming as
    `who`): a section another claimed is left to it; without them, a look at what
    was handed over before each section."""
    from readmark.core.book import BookError
    from readmark.core.html_text import html_to_text
    from readmark.core.render_cache import RenderCache
    from readmark.core.search.saved_text import SavedText

    cache = RenderCache(cache_dir)
    saved = SavedText(cache, key)
    if saved.complete():
        return 0
    saved.lease(first)  # a search begun now expects these sections from here
    try:
        count = len(book.sections)
        end = count if end is None else min(end, count)
        # Handed over by an earlier run, stopped before the end (a program looks anew
        # before each section instead).
        done_before = set() if claims is None else _handed_over(saved)

        def taken(index: int) -> bool:
            """Made, or being made, by another: the window's search or another share."""
            if claims is None:  # a program: what they handed over (a look at the folder)
                return _made_elsewhere(saved, index)
            return index in done_before or not claims.claim(index, who)

        texts: list[str] = []  # the text only: see saved_text.py
        start = first  # the first section of what is not handed over yet
        handed = time.monotonic()
        index = first
        while index < end:
            if reader is not None and os.getppid() != reader:  # the reader is gone (a
                return 1  # crash, a kill; this process was handed to another parent)
            if taken(index):
                saved.save_part(start, texts, stored=True)
                if saved.complete():
                    return 0  # the whole text was made meanwhile
                index += 1
                texts, start = [], index
                continue
            if stall_s:
                signal.alarm(stall_s)
            html = cache.get(key, index)  # chapters the reader converted already are reused
            try:
                text = book.section_text(index) if html is None else html_to_text(html)
            except BookError:
                saved.save_part(start, texts, stored=True)
                return 1  # not saved whole: the search reports the section, as ever
            texts.append(text)
            index += 1
            if time.monotonic() - handed >= HAND_OVER_S or index == end:
                saved.save_part(start, texts, stored=True)
                texts, start, handed = [], index, time.monotonic()
    finally:
        if stall_s:
            signal.alarm(0)
        saved.release(first)
    saved.join_parts(count)  # the last to finish joins them all
    return 0


def fork_share(
    book: Book,
    cache_dir: Path,
    key: str,
    claims: Claims,
    first: int = 0,
    end: int | None = None,
    who: int = SHARE,
) -> int:
    """Linux: a copy of this process (fork) that makes sections `first`…`end` of
    `book`, open here, at the lowest priority, and ends; its process id. Call it
    from the main thread. The copy runs only the core's code (no Qt: it ends with
    `os._exit`, running no clean-up of the reader's), with the collector set not to
    walk what it inherited (each page it would touch is copied), and ends with the
    reader (`make_share`'s `reader`) or if a section stalls (`STALL_S`)."""
    reader = os.getpid()
    with warnings.catch_warnings():
        # Python 3.12+ warns of forking a process with threads: the copy keeps only
        # this one, and any lock another held stays held. Safe here: the copy runs
        # the core's pure-Python text making, whose one shared lock (the compiled-
        # pattern memo, core/lazy_re.py) is made anew in a copy, and a stall ends it.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid:
        return pid
    status = 1
    try:
        try:  # its name in ps and top (the program's line stays the reader's)
            Path("/proc/self/comm").write_text(PROCESS_NAME)
        except OSError:
            pass
        gc.freeze()
        for number in (signal.SIGALRM, signal.SIGINT, signal.SIGTERM):
            signal.signal(number, signal.SIG_DFL)
        try:
            os.nice(19)  # the reader comes first
        except OSError:
            pass
        status = make_share(book, cache_dir, key, first, end, reader, STALL_S, claims, who)
    except BaseException:  # nothing may return into the reader's code
        status = 1
    finally:
        os._exit(status)


def _handed_over(saved: SavedText) -> set[int]:
    return {index for first, end in saved.parts() for index in range(first, end)}


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
