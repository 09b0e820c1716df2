"""The text of every section of one book as the reader shows it, kept for searching.

A section's text is `html_to_text` of its display HTML — exactly what
`readmark text` prints and what annotation offsets count (`Book.section_text`),
so a hit's (section, start, end) is a range the reader can select and mark.
The HTML comes from whoever shows the book (the window's section provider:
memory, the render cache, else converted), so sections not shown or converted
yet are searched too. Each section's text is made once, when first needed, and
kept for the next query: the first search of a big book converts what was never
converted; the next ones only match. Its folded forms are made only for a query
that cannot be matched in the text as it is (`Matcher.find_unfolded`: a Latin
letter, a regular expression), and kept too.

With a `SavedText` (the window's render cache), the whole text is read back at the
first need when a copy was saved, and saved once every section has been made here:
a book searched before is searched again at once.
While the processes that make the text run (`core/search/warm.py`), the sections
they have finished are read from their parts (`refresh`), never converted here.

Safe to use from several worker threads at once: at worst two of them make
the same section's text, and one copy is kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from readmark.core.book import BookError
from readmark.core.html_text import html_to_text
from readmark.core.search.claims import WINDOW, Claims
from readmark.core.search.claims import of as claims_of
from readmark.core.search.folding_fast import fold

if TYPE_CHECKING:
    from readmark.core.search.saved_text import Saved, SavedText


class BookText:
    def __init__(
        self,
        sections: int,
        html_of: Callable[[int], str],
        saved: SavedText | None = None,
        converted: Callable[[], Collection[int]] | None = None,
        text_of: Callable[[int], str] | None = None,
    ) -> None:
        """`html_of(index)`: the display HTML of a section (may convert it);
        `saved`: where the whole text is kept between sessions (None: nowhere);
        `converted()`: the sections `html_of` has without converting them (None:
        it cannot tell); `text_of(index)`: the section's text made without its HTML
        where that is quicker (`Book.section_text`; None: from `html_of`)."""
        self._count = sections
        self._html_of = html_of
        self._text_of = text_of
        self._converted = converted
        self._texts: dict[int, str] = {}
        self._folded: dict[tuple[int, bool], str] = {}
        self.unreadable: dict[int, str] = {}  # section -> why it could not be read
        self._saved = saved
        self._copy: Saved | None = None  # the saved copy read back, if there was one
        self._loaded = saved is None  # the saved copy was looked for (or there is none)
        self._saving = False  # a copy is to be saved once every section is made
        self._lock = threading.Lock()
        # Sections read from the parts the text-making processes handed over:
        # index -> (that part, the section's place in it).
        self._from_parts: dict[int, tuple[_Part, int]] = {}
        self._parts_seen: set[tuple[int, int]] = set()
        self._handed: set[int] = set()  # sections made here and handed over as parts

    def __len__(self) -> int:
        return self._count

    def load_saved(self) -> bool:
        """Look for the saved copy (on a worker: reads the file, a few milliseconds
        for 10 MB; sections are decompressed when first needed); whether there is one."""
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    assert self._saved is not None
                    self._copy = self._saved.load(self._count)
                    self._saving = self._copy is None  # saved once every section is made
                    self._loaded = True
        return self._copy is not None

    def text(self, index: int) -> str:
        """Section `index`'s text as the reader shows it ("" if it cannot be read)."""
        text = self._texts.get(index)
        if text is None:
            if not self._loaded:
                self.load_saved()
            if self._copy is not None:
                text = self._copy.text(index)
            elif index in self._from_parts:
                part, at = self._from_parts[index]
                loaded = part.loaded()
                text = None if loaded is None else loaded.text(at)
                if text is None:  # a damaged part: made here, and handed over as such
                    self._from_parts.pop(index, None)
                    if loaded is None and self._take_whole_copy():
                        # Gone, not damaged: the parts were joined into the whole copy
                        # since (the processes finished), and removed.
                        assert self._copy is not None
                        text = self._copy.text(index)
            if text is None:
                try:
                    if self._text_of is not None:
                        text = self._text_of(index)
                    else:
                        text = html_to_text(self._html_of(index))
                except BookError as error:  # searched as empty; the rest of the book still is
                    self.unreadable[index] = str(error)
                    text = ""
            self._texts[index] = text
        return text

    def folded(self, index: int, match_case: bool = False) -> str:
        """The section's text folded for matching (same length, same offsets)."""
        key = (index, match_case)
        folded = self._folded.get(key)
        if folded is None:
            if self._copy is not None and not match_case:
                folded = self._copy.folded(index)
            elif index in self._from_parts and not match_case:
                part, at = self._from_parts[index]
                loaded = part.loaded()
                folded = None if loaded is None else loaded.folded(at)
            if folded is None:
                folded = fold(self.text(index), match_case)
            self._folded[key] = folded
        return folded

    def folded_at_hand(self, index: int, match_case: bool = False) -> bool:
        """Whether the section's folded text is made, or read back without folding."""
        if (index, match_case) in self._folded or self._saved_folded(match_case):
            return True
        part = self._from_parts.get(index)
        return not match_case and part is not None and part[0].has_folded()

    def has(self, index: int, match_case: bool = False) -> bool:
        """Whether the section is ready to match without converting anything (its
        text is made: a literal query matches it unfolded; a regular expression
        folds it, ~0.5 ms for a 10,000-character chapter)."""
        return (
            index in self._texts
            or self._copy is not None
            or index in self._from_parts
            or (index, match_case) in self._folded
        )

    def refresh(self) -> bool:
        """Note the parts handed over since the last look (a listing of the book's
        folder, well under a millisecond; each part is read when first needed);
        whether new sections came."""
        if self._saved is None or self._copy is not None:
            return False
        if self._take_whole_copy():  # the parts were joined meanwhile
            return True
        new = False
        for first, end in self._saved.parts():
            if (first, end) in self._parts_seen or end > self._count:
                continue
            self._parts_seen.add((first, end))
            part = _Part(self._saved, first, end)  # read when first needed
            for index in range(first, end):
                if index not in self._texts and index not in self._from_parts:
                    self._from_parts[index] = (part, index - first)
                    new = True
        return new

    def claim(self, index: int) -> bool:
        """Claim section `index` to make it here; False if a copy of the reader making
        the text (core/search/claims.py) is making it."""
        claims = self._claims()
        return claims is None or claims.claim(index, WINDOW)

    def claimed_elsewhere(self) -> bool:
        """Whether copies of the reader are making the text, with claims."""
        return self._claims() is not None

    def _claims(self) -> Claims | None:
        return None if self._saved is None else claims_of(self._saved.key)

    def _take_whole_copy(self) -> bool:
        """Read the whole copy if it is there now (the parts were joined); whether
        this text has it."""
        if self._copy is not None:
            return True
        if self._saved is None or not self._saved.complete():
            return False
        copy = self._saved.load(self._count)
        if copy is None:
            return False
        with self._lock:
            self._copy, self._saving = copy, False
        return True

    def making(self) -> bool:
        """Processes are making this book's text meanwhile (their parts will come)."""
        return self._saved is not None and self._copy is None and self._saved.making()

    def hand_over(self) -> None:
        """Hand the sections made here over as parts, as the processes making the
        text do, so they skip them (`keep`, once the book is through)."""
        if self._saved is None or self._copy is not None:
            return
        with self._lock:
            here = sorted(
                index
                for index in list(self._texts)  # a copy: another worker may be adding
                if index not in self._from_parts and index not in self._handed
            )
            self._handed.update(here)
        for first, end in _runs(here):  # the text only (see saved_text.py)
            self._saved.save_part(first, [self._texts[index] for index in range(first, end)])

    def at_hand(self) -> set[int]:
        """The sections whose text is made, or whose HTML is there without
        converting it (in memory or the render cache): quick to search."""
        found = set(self._texts)
        if self._converted is not None:
            found.update(self._converted())
        return found

    def ready(self, match_case: bool = False) -> int:
        """How many sections are ready to match."""
        if self._copy is not None:
            return self._count
        return sum(1 for index in range(self._count) if self.has(index, match_case))

    def _saved_folded(self, match_case: bool) -> bool:
        return not match_case and self._copy is not None and self._copy.has_folded

    def keep(self) -> None:
        """Once every section's text is made here, save it for the next time
        (once; not when a section could not be read: it is tried again next
        time, and its reason shown). Called by whoever went through the book."""
        with self._lock:
            made = len(self._texts.keys() | self._from_parts.keys())
            if not self._saving or made < self._count:
                return
            self._saving = False
        if self.unreadable or self._saved is None:
            return
        if self._from_parts or self._handed:
            # Part of it was handed over by the processes making it: hand over the
            # rest the same way and join them (no section compressed twice).
            self.hand_over()
            self._saved.join_parts(self._count)
            return
        self._saved.save([self._texts[index] for index in range(self._count)])


class _Part:
    """A part handed over by the processes making the text, read from disk when a
    section of it is first needed: a search that finds many parts on disk starts
    at once (reading them all first held its first results up by 50-70 ms for a
    10 MB book), and one whose section is in memory reads none of them."""

    def __init__(self, saved: SavedText, first: int, end: int) -> None:
        self._saved = saved
        self._bounds = (first, end)
        self._read = False
        self._copy: Saved | None = None

    def loaded(self) -> Saved | None:
        """The part (None if damaged or cut short: its sections are made here)."""
        if not self._read:  # two threads may both read it: the same
            self._copy = self._saved.load_part(*self._bounds)
            self._read = True
        return self._copy

    def has_folded(self) -> bool:
        return self._read and self._copy is not None and self._copy.has_folded


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Sorted indexes as runs of consecutive ones: [(first, end)…]."""
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs
