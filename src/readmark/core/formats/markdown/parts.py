"""A long chapter of a Markdown book cut into parts the reader converts one at a time.

A chapter longer than the loader's part size is cut at blank lines outside fenced code
(at any line outside it once a part is twice that long: a paragraph then goes on in the
next part); the lines of footnote definitions moved elsewhere neither count nor are cut
at. Offsets are into the book's text; `len(text) + 1` marks the end.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence


class Spans:
    """Sorted, disjoint [start, end) offset ranges of whole lines."""

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.spans = list(spans)
        self._starts = [a for a, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self.spans[k][1]

    def end_of(self, offset: int) -> int:
        """The end of the span holding `offset`, or -1 when none does."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return self.spans[k][1] if k >= 0 and offset < self.spans[k][1] else -1


_NON_SPACE = re.compile(r"\S")


def cut_parts(
    body: str, start: int, end: int, fences: Spans, dropped: Spans, part: int, hard: int
) -> list[tuple[int, int]]:
    """The span [start, end) cut into parts of about `part` characters at blank lines
    outside code (or at any line outside code once a part is `hard` long); lines in
    `dropped` neither count nor are cut at."""
    # Before a cut there must be `part` characters of lines, and a line to cut at.
    if end - start <= part:
        return [(start, end)]
    if not dropped.spans:  # most books: no line left out, so a part's size is its length
        return _cut_by_search(body, start, end, fences, part, hard)
    parts: list[tuple[int, int]] = []
    size = 0
    part_start = start
    pos = start
    # body[start : end - 1] leaves out the newline ending the span's last line.
    for line in body[start : end - 1].split("\n"):
        if pos not in dropped:
            if size >= part and pos not in fences and pos > part_start:
                if size >= hard or _is_blank(line):
                    parts.append((part_start, pos))
                    part_start = pos
                    size = 0
            size += len(line) + 1
        pos += len(line) + 1
    if parts and not _NON_SPACE.search(body, part_start, end):
        # Only blank lines were left after the last cut: no empty part.
        part_start = parts.pop()[0]
    parts.append((part_start, end))
    return parts


# A blank line (only white space, as `_is_blank` has it), found from the newline
# before it; at `endpos` the text ends as if the line ended there.
_BLANK_LINE_AFTER = re.compile(r"\n[^\S\n]*(?=\n|\Z)")


def _cut_by_search(
    body: str, start: int, end: int, fences: Spans, part: int, hard: int
) -> list[tuple[int, int]]:
    """`cut_parts` with nothing dropped, found by searching rather than by walking every
    line (a 10 MB converted book whose headings were lost, one chapter of 88,000
    lines: 0.14 ms instead of 20 ms).

    With no dropped line, a part's size at a line is that line's offset less the
    part's start, so the walk cuts at the first line start at least `part`
    characters into the part, outside fenced code, that is blank or at least `hard`
    into it. The lines walked are those of body[start : end - 1]."""
    last = end - 1  # where the span's last line ends
    parts: list[tuple[int, int]] = []
    part_start = start
    while True:
        cut = _first_line_outside(body, part_start + hard, last, fences)
        # A blank line before that (or up to the end): the walk would cut there first.
        pos = _line_after(body, part_start + part, last) - 1  # its newline
        bound = last if cut < 0 else cut
        while pos >= 0:
            blank = _BLANK_LINE_AFTER.search(body, pos, bound)
            if blank is None:
                break
            line = blank.start() + 1
            fence_end = fences.end_of(line)
            if fence_end >= 0:  # inside fenced code: look after it
                pos = fence_end - 1
                continue
            cut = line
            break
        if cut < 0:
            break
        parts.append((part_start, cut))
        part_start = cut
    if parts and not _NON_SPACE.search(body, part_start, end):
        # Only blank lines were left after the last cut: no empty part.
        part_start = parts.pop()[0]
    parts.append((part_start, end))
    return parts


def _line_after(body: str, offset: int, last: int) -> int:
    """The first line start at or after `offset` among the lines of body[: last],
    or 0 when there is none (`offset` > 0)."""
    return body.find("\n", offset - 1, last) + 1


def _first_line_outside(body: str, offset: int, last: int, fences: Spans) -> int:
    """The first line start at or after `offset` (> 0) among the lines of body[: last]
    that is outside fenced code, or -1."""
    line = _line_after(body, offset, last)
    while line:
        after = fences.end_of(line)  # the line after the fence, if it is in the span
        if after < 0:
            return line
        line = after if after <= last else 0
    return -1


def _is_blank(line: str) -> bool:
    return _NON_SPACE.search(line) is None
