"""A Markdown book's section sources, each cut from the book's text when it is asked for.

A section's source is its span of the book's text with a few patches (heading
lines given their `{#id}`, fences and setext underlines rewritten for
Python-Markdown, moved footnote definitions taken out), its blank edges trimmed,
and the footnote definitions it cites put after it. Cutting every source when a
book opens copied the whole text once more (a 10 MB book: 4,291 joins, ~15 ms
before its first screen); a source is used
only when its section is shown, searched or exported, and cutting it again then
costs microseconds. A section's size, which reading progress weighs, is the
length of the book's text it holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

Patch = tuple[int, int, str]  # (start, end, text): body[start:end] is replaced by text


class SectionSources(Sequence[str]):
    """Part i's source: body[start:end] of `spans[i]` = (start, end, lo, hi) with
    patches[lo:hi], and after it the footnote definitions it cites (`notes[i]`, labels
    of `definitions`)."""

    __slots__ = ("_body", "_spans", "_patches", "_notes", "_texts")

    def __init__(
        self,
        body: str,
        spans: Sequence[tuple[int, int, int, int]],  # (start, end, lo, hi) per part
        patches: Sequence[Patch],
        notes: Sequence[tuple[str, ...]] = (),  # per part, when the book has notes to move
        definitions: dict[str, str] | None = None,
    ) -> None:
        self._body = body
        self._spans = spans
        self._patches = patches
        self._notes = notes
        self._texts = definitions or {}

    def __len__(self) -> int:
        return len(self._spans)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        start, end, lo, hi = self._spans[index]  # IndexError past the end, as a list
        source = patched_line(self._body, start, end, self._patches[lo:hi])
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
