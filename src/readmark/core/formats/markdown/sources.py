"""A Markdown book's section sources, each cut from the book's text when it is asked for.

A section's source is its span of the book's text with a few patches (heading
lines given their `{#id}`, fences and setext underlines rewritten for
Python-Markdown, moved footnote definitions taken out), its blank edges trimmed,
and the footnote definitions it cites put after it. Cutting every source when a book opens copied the whole text once more
(a 10 MB book: 4,291 joins, ~15 ms before its first screen); a source is used
only when its section is shown, searched or exported, and cutting it again then
costs microseconds. The sizes, which progress needs for every section, are
worked out from the spans and patches without cutting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import overload

Patch = tuple[int, int, str]  # (start, end, text): body[start:end] is replaced by text

_NEWLINES = re.compile(r"\n*")


class SectionSources(Sequence[str]):
    """The sources of the parts body[starts[i]:ends[i]], each with patches[los[i]:his[i]],
    and after it the footnote definitions it cites (`notes[i]`, labels of `definitions`)."""

    __slots__ = ("_body", "_starts", "_ends", "_los", "_his", "_patches", "_notes", "_texts")

    def __init__(
        self,
        body: str,
        spans: Sequence[tuple[int, int, int, int]],  # (start, end, lo, hi) per part
        patches: Sequence[Patch],
        notes: Sequence[tuple[str, ...]] = (),  # per part, when the book has notes to move
        definitions: dict[str, str] | None = None,
    ) -> None:
        self._body = body
        self._starts = [s[0] for s in spans]
        self._ends = [s[1] for s in spans]
        self._los = [s[2] for s in spans]
        self._his = [s[3] for s in spans]
        self._patches = patches
        self._notes = notes
        self._texts = definitions or {}

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        lo = self._los[index]  # IndexError past the end, as a list
        patches = self._patches[lo : self._his[index]]
        source = patched_line(self._body, self._starts[index], self._ends[index], patches)
        labels = self._notes[index] if self._notes else ()
        if labels:  # source ends in its one newline
            source += "\n" + "\n\n".join(self._texts[label] for label in labels) + "\n"
        return source

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:  # a list of the same sources is equal
        if isinstance(other, (SectionSources, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __repr__(self) -> str:
        return f"SectionSources({len(self)} sections)"


def patched_line(body: str, start: int, end: int, patches: Sequence[Patch]) -> str:
    """body[start:end] with each (a, b, text) patch's range replaced by its text,
    stripped of newlines at both ends, plus one newline: joined once."""
    pieces: list[str] = []
    pos = start
    for a, b, text in patches:
        pieces.append(body[pos:a])
        pieces.append(text)
        pos = b
    pieces.append(body[pos:end])
    # strip("\n") across the pieces: leading newlines may span several of them.
    first = 0
    while first < len(pieces):
        piece = pieces[first].lstrip("\n")
        pieces[first] = piece
        if piece:
            break
        first += 1
    last = len(pieces) - 1
    while last >= first:
        piece = pieces[last].rstrip("\n")
        pieces[last] = piece
        if piece:
            break
        last -= 1
    pieces.append("\n")
    return "".join(pieces[first:])


def patched_size(body: str, start: int, end: int, patches: Sequence[Patch]) -> int:
    """len(patched_line(body, start, end, patches)), without making it: the usual
    part begins with a patched heading line and ends in text (or in that heading
    line), so its trimmed edges are read off the text; any other shape is cut and
    measured."""
    size = min(end, len(body)) - start
    for a, b, text in patches:
        size += len(text) - (b - a)
    # Leading newlines: of the first piece, which must hold something else too.
    if patches and patches[0][0] == start:
        text = patches[0][2]
        if not text or text[0] == "\n":
            return len(patched_line(body, start, end, patches))
        lead = 0
    else:
        limit = patches[0][0] if patches else min(end, len(body))
        newlines = _NEWLINES.match(body, start, limit)
        lead = (newlines.end() if newlines else start) - start
        if start + lead >= limit:
            return len(patched_line(body, start, end, patches))
    # Trailing newlines: of the last piece (after the last patch), likewise.
    floor = patches[-1][1] if patches else start + lead
    j = min(end, len(body))
    while j > floor and body[j - 1] == "\n":
        j -= 1
    if j <= floor:  # only newlines after the last patch: trimmed up to its text
        text = patches[-1][2] if patches else ""
        if not text or text[-1] == "\n":
            return len(patched_line(body, start, end, patches))
    return size - lead - (min(end, len(body)) - j) + 1
