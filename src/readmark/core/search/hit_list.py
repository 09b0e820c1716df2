"""The hits of one search in book order, as they arrive section by section
(in any order), with what moving through them needs: how many, the n-th, the
place of one, the first after or the last before a point of the book.

A hit is (section, start, end) in canonical offsets. Sections arrive from
the search in the order it looks through them (the one being read first), so
positions are computed from the sections present now, in book order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from typing import NamedTuple


class Hit(NamedTuple):
    section: int
    start: int
    end: int


class HitList:
    def __init__(self) -> None:
        self._sections: list[int] = []  # sections with hits, in book order
        self._ranges: dict[int, list[tuple[int, int]]] = {}
        self._before: list[int] | None = []  # hits in the sections before each; None = stale
        self.total = 0

    def __len__(self) -> int:
        return self.total

    @property
    def sections(self) -> list[int]:
        """The sections that have hits, in book order."""
        return self._sections

    def ranges(self, section: int) -> list[tuple[int, int]]:
        return self._ranges.get(section, [])

    @property
    def ranges_by_section(self) -> dict[int, list[tuple[int, int]]]:
        """Every section's hits (read only)."""
        return self._ranges

    def add(self, section: int, ranges: list[tuple[int, int]]) -> None:
        """A section's hits (in order); a section with none is not kept."""
        if not ranges:
            return
        if section in self._ranges:
            self.total -= len(self._ranges[section])
        else:
            insort(self._sections, section)
        self._ranges[section] = list(ranges)
        self.total += len(ranges)
        self._before = None

    def _counts_before(self) -> list[int]:
        if self._before is None:
            counts, running = [], 0
            for section in self._sections:
                counts.append(running)
                running += len(self._ranges[section])
            self._before = counts
        return self._before

    def at(self, index: int) -> Hit:
        """The hit at `index` in book order (0-based)."""
        if not 0 <= index < self.total:
            raise IndexError(index)
        counts = self._counts_before()
        k = bisect_right(counts, index) - 1
        section = self._sections[k]
        start, end = self._ranges[section][index - counts[k]]
        return Hit(section, start, end)

    def index_from(self, section: int, offset: int) -> int:
        """How many hits come before (section, offset): the index of the first hit
        starting there or later (== total when there is none)."""
        k = bisect_left(self._sections, section)
        counts = self._counts_before()
        if k == len(self._sections):
            return self.total
        before = counts[k]
        if self._sections[k] == section:
            before += bisect_left(self._ranges[section], (offset,))
        return before

    def index_of(self, hit: Hit) -> int | None:
        """The index of `hit`, or None if it is not among the hits."""
        index = self.index_from(hit.section, hit.start)
        return index if index < self.total and self.at(index) == hit else None
