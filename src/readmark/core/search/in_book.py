"""Search inside one book: every section, in the order that shows the reader
the hits nearest them first (the sections ready to search before those still
to be converted), one section at a time.

`search_book` is a generator: it yields each section's hits as soon as that
section is searched, so a caller can show the first results before the whole
book has been looked through, and stop (its `check` raises) between sections.
Offsets are the reader's canonical offsets (see `book_text`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from readmark.core.search.book_text import BookText
from readmark.core.search.query import Matcher

CONTEXT_CHARS = 40
# A search stops after this many hits (a regular expression such as `.` would
# otherwise list every character of the book): enough to move through, and a
# reader who gets this many narrows the query.
MAX_HITS = 100_000
_LONG_HIT = 120  # a longer hit is shown by its two ends in a result's context
# While processes make the text, how often a search looks for what they handed over
# (a listing of the book's folder, ~0.2 ms; they hand over every 0.15 s).
LOOK_EVERY_S = 0.02
# How long since the last new part a search still waits for the sections a copy of
# the reader is making (forked, with `claims`) before making them itself: a copy
# hands over every 0.15 s (and at once where it meets the search's sections), so
# parts that stop coming mean a copy starved of CPU by other programs (it runs at
# the lowest priority), stalled or dead, its sections still claimed.
WAIT_S = 0.5
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SectionHits:
    """The hits of one section: canonical [start, end) ranges, in order."""

    section: int
    ranges: list[tuple[int, int]]
    truncated: bool = False  # the search stopped here, at its limit of hits


def _nothing() -> None:
    pass


def section_order(count: int, first: int) -> list[int]:
    """`first` and the sections after it, then those before it."""
    first = min(max(first, 0), max(count - 1, 0))
    return [*range(first, count), *range(0, first)]


def sections_to_search(
    text: BookText,
    first_section: int = 0,
    match_case: bool = False,
    check: Callable[[], None] = _nothing,
) -> Iterator[int]:
    """Every section once, starting at `first_section` and wrapping round: first
    those whose text is ready, then those at hand (converted before: in memory or
    the render cache), then those that must be converted. While processes make the
    book's text meanwhile (`core/search/warm.py`, each going forward through its
    share), the sections they hand over are taken as they come, before anything
    is converted here, and what must be converted here is taken from the far end,
    where they arrive last; where they are copies of the reader (forked, sharing
    `claims`), a section one of them is making is left to it, and waited for once
    nothing else is left (`WAIT_S` at most without a new part). The sections made
    here are handed over once the book is through (`BookText.keep`), not while
    searching: compressing them then held up the search by a quarter (a 10 MB book
    searched at once after it opened), and the processes, far from them, have
    seldom reached them by then. `check()` is called while waiting (it may raise)."""
    text.load_saved()
    order = section_order(len(text), first_section)
    if text.ready(match_case) == len(text):
        yield from order
        return
    text.refresh()
    at_hand = text.at_hand()
    left = set(order)

    def arranged() -> list[int]:
        ready = [index for index in order if index in left and text.has(index, match_case)]
        rest = [index for index in order if index in left and not text.has(index, match_case)]
        quick = [index for index in rest if index in at_hand]
        slow = [index for index in rest if index not in at_hand]
        if slow and text.making():
            slow.reverse()
        return ready + quick + slow

    looked = last_new = time.monotonic()
    claimed = True  # sections a copy making the text has in hand are left to it
    while left:
        for index in arranged():
            if index not in at_hand and not text.has(index, match_case):
                if time.monotonic() - looked >= LOOK_EVERY_S:
                    looked = time.monotonic()
                    if text.refresh():  # new sections were handed over: those first
                        last_new = looked
                        break
                if claimed and not text.claim(index):
                    continue  # a copy is making it: its part will come
            left.discard(index)
            yield index
        else:
            if not left:
                return
            # Only sections the copies have in hand are left: wait for their parts,
            # unless the copies are gone or have stalled (then they are made here).
            check()
            now = time.monotonic()
            if text.refresh():
                looked = last_new = now
            elif not text.claimed_elsewhere() or now - last_new > WAIT_S:
                claimed = False
            else:
                time.sleep(LOOK_EVERY_S / 4)


def search_book(
    text: BookText,
    matcher: Matcher,
    first_section: int = 0,
    check: Callable[[], None] = _nothing,
    limit: int = MAX_HITS,
    keep: bool = True,
) -> Iterator[SectionHits]:
    """Every section's hits (empty ones too, to tell progress), in the order of
    `sections_to_search`, so what can be found at once is; `check()` is called
    before each section and may raise to stop the search. After `limit` hits it
    stops: the last section it yields is marked `truncated`. `keep`: save the
    text made once the book is through (False: the caller calls `text.keep()`
    itself, e.g. after showing the last hits)."""
    left = limit
    for index in sections_to_search(text, first_section, matcher.match_case, check):
        check()
        found = None
        if not text.folded_at_hand(index, matcher.match_case):
            found = matcher.find_unfolded(text.text(index))  # no folding to wait for
        if found is None:
            found = matcher.find(text.folded(index, matcher.match_case))
        ranges = list(islice(found, left + 1))
        if len(ranges) > left:
            yield SectionHits(index, ranges[:left], truncated=True)
            return
        left -= len(ranges)
        yield SectionHits(index, ranges)
    if keep:
        text.keep()


def prepare_book(
    text: BookText, first_section: int = 0, check: Callable[[], None] = _nothing
) -> Iterator[int]:
    """Make every section's text ready to search, yielding each section done.
    Not folded: a literal query matches it as it is (`Matcher.find_unfolded`)."""
    for index in sections_to_search(text, first_section, check=check):
        check()
        text.text(index)
        yield index
    text.keep()


@dataclass(frozen=True)
class Context:
    """A hit with the text around it, on one line: `before` + `hit` + `after`."""

    before: str
    hit: str
    after: str


def context(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> Context:
    """About `chars` characters either side of [start, end), line breaks made
    spaces, with … where the text was cut."""
    first, last = max(0, start - chars), min(len(text), end + chars)
    before = _SPACES.sub(" ", text[first:start]).lstrip()
    after = _SPACES.sub(" ", text[end:last]).rstrip()
    hit = _SPACES.sub(" ", text[start:end])
    if len(hit) > _LONG_HIT:
        hit = hit[: _LONG_HIT // 2] + "…" + hit[-_LONG_HIT // 2 :]
    if first > 0 and before:
        before = "…" + before
    if last < len(text) and after:
        after += "…"
    return Context(before, hit, after)
