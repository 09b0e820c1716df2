"""Who makes which section's text, shared by the reader and the copies of it that
make the text in the background (core/search/warm.py, `fork_share`): one byte per
section in memory shared across the fork.

A search begun while the copies run makes some sections in the window too, from
the far end of the book; without knowing of each other, the window and a copy
made the same sections, meeting in the middle of a share and passing each other
(a 10 MB book searched at once after it opened: ~440 sections made for 321).
Each now claims a section before making it and leaves those claimed by another.

A claim is a plain byte read then written, not an atomic exchange: two may both
claim a section at the same instant and both make it, which costs one section
twice and changes nothing else (a section's text is the same whoever makes it,
and parts that overlap are joined once, saved_text.py). Programs started anew
(where nothing is forked) have no claims: they look at what was handed over.
"""

from __future__ import annotations

import mmap

FREE = 0
WINDOW = 1  # the reader's own search; a copy making share n claims as SHARE + n
SHARE = 2


class Claims:
    def __init__(self, sections: int) -> None:
        # Anonymous and shared (MAP_SHARED): the same bytes in the forked copies.
        self._bytes = mmap.mmap(-1, max(sections, 1))
        self._count = sections

    def claim(self, index: int, who: int) -> bool:
        """Claim section `index` for `who`; False if another claimed it first."""
        if not 0 <= index < self._count:
            return False
        holder = self._bytes[index]
        if holder not in (FREE, who):
            return False
        self._bytes[index] = who
        return True

    def holder(self, index: int) -> int:
        return self._bytes[index] if 0 <= index < self._count else FREE

    def __len__(self) -> int:
        return self._count


_by_book: dict[str, Claims] = {}  # the reader's claims, by the book's cache key


def start(book_key: str, sections: int) -> Claims:
    """New claims for a book whose text copies are about to be forked."""
    claims = _by_book[book_key] = Claims(sections)
    return claims


def of(book_key: str) -> Claims | None:
    """The claims of the book, if copies were forked to make its text."""
    return _by_book.get(book_key)


def end(book_key: str) -> None:
    """The copies are gone: nothing is claimed any more."""
    _by_book.pop(book_key, None)
