"""The text of every section of one book as the reader shows it, kept for searching.

A section's text is `html_to_text` of its display HTML — exactly what
`readmark text` prints and what annotation offsets count (`Book.section_text`),
so a hit's (section, start, end) is a range the reader can select and mark.
The HTML comes from whoever shows the book (the window's section provider:
memory, the render cache, else converted), so sections not shown or converted
yet are searched too. Each section's text and its folded forms are made once,
when first needed, and kept for the next query: the first search of a big book
converts what was never converted; the next ones only match.

Safe to use from several worker threads at once: at worst two of them make
the same section's text, and one copy is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from readmark.core.book import BookError
from readmark.core.html_text import html_to_text
from readmark.core.search.folding import fold


class BookText:
    def __init__(self, sections: int, html_of: Callable[[int], str]) -> None:
        """`html_of(index)`: the display HTML of a section (may convert it)."""
        self._count = sections
        self._html_of = html_of
        self._texts: dict[int, str] = {}
        self._folded: dict[tuple[int, bool], str] = {}
        self.unreadable: dict[int, str] = {}  # section -> why it could not be read

    def __len__(self) -> int:
        return self._count

    def text(self, index: int) -> str:
        """Section `index`'s text as the reader shows it ("" if it cannot be read)."""
        text = self._texts.get(index)
        if text is None:
            try:
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
            folded = self._folded[key] = fold(self.text(index), match_case)
        return folded

    def has(self, index: int, match_case: bool = False) -> bool:
        """Whether the section is ready to match without converting anything."""
        return (index, match_case) in self._folded

    def ready(self, match_case: bool = False) -> int:
        """How many sections are ready to match."""
        return sum(1 for index in range(self._count) if (index, match_case) in self._folded)
