"""A paragraph that page_split_join grows from many pages, kept as its pieces.

Joining the halves of a paragraph that thousands of pages cut (a hostile section, or a
book whose every page ends mid-sentence) made one string longer at each join, copying
all of it each time: quadratic (32,000 joined CJK halves: 7.7 s). Here a long paragraph
is kept as its pieces, and whether the next block goes on with it is judged on its first
1,000 and last 2,000 characters, which is all that the tests of a page split read of a
long text: its kind (a paragraph opening with a letter stays one), whether its last line
may be markup, the end scans of `ends_mid_clause`, `introduces_display` and the joint,
and `is_prose`'s ends. The verdict is the one the whole text gets, not an approximation:
where a test could read further (closing quotes or page marks filling the window, no
letter in it, white space at its end, a last line that may be markup, a second line
still open that could be a setext underline or a table's delimiter row), the pieces are
joined into one string and the test reads it whole, as before.
"""

from __future__ import annotations

from readmark.core.lazy_re import lazy
from readmark.core.repair.blocks import Block, BlockKind, classify_lines
from readmark.core.repair.cjk import CLAUSE, CLOSERS
from readmark.core.repair.page_splits import (
    before_closers,
    continues_sentence,
    cut_at,
    introduces_after,
    is_field,
    is_page_split,
    is_prose,
    join_halves,
    joint,
    last_letter,
    may_be_markup,
    prose_ends,
    prose_from_start,
)

_START = 1000  # characters: is_prose reads 1,000 at a text's start
_END = 2000  # characters kept of the end (is_prose reads 400; the scans stop sooner)
_MARKS = ("\ue004", "\ue005")  # a page mark's ends (core/repair/page_marks)
# A second line holding any other character is neither a setext underline nor a
# table's delimiter row, however it goes on.
_SECOND_LINE_TEXT = lazy(r"[^ \t\r=\-|:]")


class GrowingParagraph:
    """The last block page_split_join kept, which the next halves may join."""

    def __init__(self, block: Block) -> None:
        self._reset(block)

    def _reset(self, block: Block) -> None:
        """Hold `block` as the paragraph, one string, its facts not yet measured."""
        self._gap = block.gap
        self._whole: Block | None = block  # the paragraph as one block, while it is one
        self._length = len(block.text)
        self._parts = [block.text]
        self._ready = False  # whether the facts below are measured (`_measure`)
        self._end = ""  # the last 2,000 to 4,000 characters
        self._start = ""  # the first 1,000
        self._lines = (-1, -1, -1)  # where the first, second and last newlines are
        self._opens_with_letter = False
        self._second_has_text = False
        self._complete_kind: BlockKind | None = None
        self._last_line_markup = False
        self._start_prose: bool | None = None

    def block(self) -> Block:
        """The paragraph as one block (its pieces joined once)."""
        if self._whole is None:
            text = "".join(self._parts)
            kind = classify_lines(text, self._lines[0], self._lines[1])
            self._reset(Block(kind, text, self._gap, classified=True))
        assert self._whole is not None
        return self._whole

    def continued_by(self, second: Block) -> bool:
        """`is_page_split(self.block(), second)`."""
        verdict = self._judged_on_ends(second) if self._whole is None else None
        if verdict is None:
            whole = self.block()
            return is_page_split(whole, second, self._lines[2] if self._ready else None)
        return verdict

    def join(self, second: Block) -> None:
        """Append `second` as `join_halves` joins the halves (once `continued_by(second)`)."""
        if self._length > _START + _END:
            self._measure()
            end = self._end
            if not (end[-1:].isspace() or self._marked(end) or before_closers(end) < 0):
                self._append(end, second.text.lstrip(" \t"))
                return
        whole = self.block()
        self._reset(whole.with_text(join_halves(whole.text, second.text)))

    def _append(self, end: str, tail: str) -> None:
        cut, between = joint(end, tail)
        if cut:  # a hyphen goes (a lowercase letter before it: the last line stays)
            self._parts[-1] = self._parts[-1][:-1]
            self._length -= 1
            end = end[:-1]
        added_at = self._length
        base = added_at + len(between)
        self._parts += (between, tail)
        self._length = base + len(tail)
        end += between + tail
        self._end = end[-_END:] if len(end) > 2 * _END else end
        newline = tail.find("\n")
        if newline >= 0:
            self._lines = _lines_after_join(self._lines, base, tail, newline)
            self._last_line_markup = may_be_markup(tail[tail.rfind("\n") + 1 :])
        first, second = self._lines[0], self._lines[1]
        if first >= 0 and not self._second_has_text:
            # What was added to the second line may settle it.
            start = max(first + 1, added_at)
            stop = second if second >= 0 else self._length
            if start < stop:
                added = (between + tail)[start - added_at : stop - added_at]
                self._second_has_text = bool(_SECOND_LINE_TEXT.search(added))
        self._whole = None

    def _measure(self) -> None:
        """Measure the facts the ends are judged by, on the paragraph as one string."""
        if self._ready:
            return
        whole = self.block()
        text = whole.text
        self._end = text[-_END:]
        self._start = text[:_START]
        self._lines = _newlines(text)
        first, second = self._lines[0], self._lines[1]
        self._opens_with_letter = text[:1].isalpha()
        self._second_has_text = first >= 0 and bool(
            _SECOND_LINE_TEXT.search(text, first + 1, second if second >= 0 else len(text))
        )
        self._complete_kind = whole.kind if second >= 0 else None
        self._last_line_markup = may_be_markup(text[self._lines[2] + 1 :])
        self._start_prose = prose_from_start(self._start)
        self._ready = True

    @staticmethod
    def _marked(end: str) -> bool:
        return _MARKS[0] in end or _MARKS[1] in end

    def _settled_paragraph(self) -> bool:
        """Is the paragraph a paragraph, whatever was appended to it? It opens with a
        letter (no other kind does) and is one line, or its second line holds text that
        no underline or delimiter row has, or was complete when measured and left it a
        paragraph."""
        if not self._opens_with_letter:
            return False
        first, second = self._lines[0], self._lines[1]
        return (
            first < 0
            or self._second_has_text
            or (second >= 0 and self._complete_kind is BlockKind.PARAGRAPH)
        )

    def _judged_on_ends(self, second: Block) -> bool | None:
        """The verdict of `is_page_split` read on the paragraph's ends, or None when one
        of its tests could read further than they hold."""
        if not self._ready or self._length <= _START + _END or len(self._start) < _START:
            return None
        end = self._end
        if (
            not self._settled_paragraph()
            or end[-1:].isspace()
            or self._last_line_markup
            or self._start_prose is None
        ):
            return None
        if second.kind is not BlockKind.PARAGRAPH:
            return False
        i = before_closers(end)  # ends_mid_clause: the end is cut mid-clause
        if i < 1:
            return None
        if not cut_at(end, i) or not continues_sentence(second.text):
            return False
        if end[-1] in CLOSERS and second.text.lstrip(" \t")[0] not in CLAUSE:
            return False
        first, last = prose_ends(self._start[:400], end[-400:])  # is_prose
        if is_field(first) or is_field(last) or not self._start_prose:
            return False
        if not is_prose(second.text):
            return False
        letter = last_letter(end)  # introduces_display
        if not letter:
            return None
        return not introduces_after(end, letter, second.text)


def _newlines(text: str) -> tuple[int, int, int]:
    """Where `text`'s first, second and last newlines are (-1: none)."""
    first = text.find("\n")
    if first < 0:
        return -1, -1, -1
    return first, text.find("\n", first + 1), text.rfind("\n")


def _lines_after_join(
    lines: tuple[int, int, int], base: int, tail: str, first: int
) -> tuple[int, int, int]:
    """Where the newlines of a text with `lines` are once `tail` (its first newline at
    `first`) is appended at `base`."""
    last = base + tail.rfind("\n")
    if lines[0] < 0:
        second = tail.find("\n", first + 1)
        return base + first, (base + second if second >= 0 else -1), last
    if lines[1] < 0:
        return lines[0], base + first, last
    return lines[0], lines[1], last
