"""Markdown source split into blocks separated by blank lines, and put back together.

The repair rules reason about whole blocks (a paragraph, a heading, a list...) as
the block grammar (`readmark.core.formats.markdown.grammar`) reads them, the same
grammar the loader finds headings and fences by. Splitting is lossless:
`SourceBlocks.join()` gives back the exact source, blank lines included, so a rule
that changes nothing changes nothing.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from enum import Enum

from readmark.core.formats.markdown.grammar import (
    ATX_HEADING,
    BLOCK_QUOTE,
    FENCE_CLOSE,
    FOOTNOTE_DEFINITION,
    HTML_BLOCK,
    INDENTED_CODE,
    LINK_DEFINITION,
    LIST_ITEM,
    SETEXT_UNDERLINE,
    TABLE_DELIMITER,
    THEMATIC_BREAK,
    FenceClosers,
    fence_open,
    html_block_end,
    is_blank,
)
from readmark.core.lazy_re import lazy
from readmark.core.repair.note_shapes import SUPERSCRIPT_BODY


class BlockKind(Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    THEMATIC_BREAK = "thematic_break"
    LIST = "list"
    QUOTE = "quote"
    CODE = "code"
    TABLE = "table"
    HTML = "html"
    FOOTNOTE_DEF = "footnote_def"
    LINK_DEF = "link_def"
    NOTE = "note"  # a footnote body stranded at a page bottom: "<sup>①</sup> text"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str  # without the blank lines around it
    gap: str = "\n\n"  # the whitespace between the previous block (or the start) and this one
    # Whether `kind` is `classify(text)` (some rules set a kind of their own): then a
    # rule that gives the text back unchanged gets the same block back, unclassified again.
    classified: bool = field(default=False, compare=False, repr=False)

    def with_text(self, text: str) -> Block:
        if self.classified and text == self.text:
            return self
        # Made directly, not by dataclasses.replace: every rule makes blocks at every
        # section, and replace() looks up the fields each time (~4× slower).
        return Block(classify(text), text, self.gap, classified=True)


@dataclass(frozen=True)
class SourceBlocks:
    blocks: tuple[Block, ...]
    tail: str = ""  # whitespace after the last block

    def join(self) -> str:
        return "".join(block.gap + block.text for block in self.blocks) + self.tail

    def with_blocks(self, blocks: list[Block] | tuple[Block, ...]) -> SourceBlocks:
        return SourceBlocks(tuple(blocks), self.tail)


# A footnote body as a print conversion leaves it: "<sup>①</sup> text", "$^{1}$ text",
# "¹ text" (core/repair/note_shapes).
NOTE_BODY = SUPERSCRIPT_BODY


def classify(text: str) -> BlockKind:
    """The kind of a block, judged the way Python-Markdown would read it."""
    # Only the first two lines matter, but for a fence: a block joined from many pages
    # is not split into all its lines again at each join, nor copied (found, not split).
    end_first = text.find("\n")
    return classify_lines(text, end_first, text.find("\n", end_first + 1) if end_first >= 0 else -1)


def classify_lines(text: str, end_first: int, end_second: int) -> BlockKind:
    """`classify(text)`, told where its first two lines end (the offsets of its first and
    second newline, or -1): a paragraph growing by joins knows them without looking
    through it again (core/repair/page_splits)."""
    one_line = end_first < 0
    first = text if one_line else text[:end_first]
    second = ""
    if not one_line:
        second = text[end_first + 1 :] if end_second < 0 else text[end_first + 1 : end_second]
    if text[:1].isalpha():
        # Every first-line pattern below needs the line to start with a space, a tab
        # or one of `` ` ~ - * _ # + > [ < $ \ ``, a digit or a superscript digit, none
        # of them a letter (tests/core/repair/test_block_kinds_fast.py checks this
        # shortcut against the chain): only the second line can make such a block
        # other than a paragraph. Most blocks of a book start with a letter.
        if one_line:
            return BlockKind.PARAGRAPH
        if SETEXT_UNDERLINE.match(second):
            return BlockKind.HEADING
        if "|" in first + second and TABLE_DELIMITER.match(second):
            return BlockKind.TABLE
        return BlockKind.PARAGRAPH
    return _by_patterns(text, first, second, one_line)


def classify_by_patterns(text: str) -> BlockKind:
    """`classify(text)` by the whole chain of patterns, without its shortcut for a
    block starting with a letter (tests compare the two)."""
    first, newline, rest = text.partition("\n")
    return _by_patterns(text, first, rest.partition("\n")[0], not newline)


def _by_patterns(text: str, first: str, second: str, one_line: bool) -> BlockKind:
    if fence_open(first) is not None and _is_fenced_code(text.split("\n")):
        return BlockKind.CODE
    if INDENTED_CODE.match(first):
        return BlockKind.CODE
    if THEMATIC_BREAK.match(first) and one_line:
        return BlockKind.THEMATIC_BREAK
    if ATX_HEADING.match(first) or (not one_line and SETEXT_UNDERLINE.match(second)):
        return BlockKind.HEADING
    if LIST_ITEM.match(first):
        return BlockKind.LIST
    if BLOCK_QUOTE.match(first):
        return BlockKind.QUOTE
    if not one_line and "|" in first + second and TABLE_DELIMITER.match(second):
        return BlockKind.TABLE
    if FOOTNOTE_DEFINITION.match(first):
        return BlockKind.FOOTNOTE_DEF
    if LINK_DEFINITION.match(first):
        return BlockKind.LINK_DEF
    if NOTE_BODY.match(first):
        return BlockKind.NOTE
    if HTML_BLOCK.match(first):
        return BlockKind.HTML
    return BlockKind.PARAGRAPH


def _is_fenced_code(lines: list[str]) -> bool:
    """A block that is a fenced code block: it opens a fence that a line of it closes."""
    fence = fence_open(lines[0])
    if fence is None:
        return False
    closers = FenceClosers(enumerate(lines))
    return closers.closer(fence, 0) is not None


# A run of lines none of them blank (`is_blank`: only spaces, tabs and carriage
# returns), from a line's start to its last line's end: one block of `split_blocks`.
_BLOCK_LINES = lazy(r"(?m)^[ \t\r]*[^ \t\r\n].*(?:\n[ \t\r]*[^ \t\r\n].*)*")


def split_blocks(source: str) -> SourceBlocks:
    """Split at blank lines; a fenced code block or an open HTML element stays whole."""
    # A fence is three backticks or tildes, raw HTML starts with `<`: a section with
    # neither (most of them) is split by one regex, not line by line in Python.
    fenced = "```" in source or "~~~" in source
    if not fenced and "<" not in source:
        return _split_plain(source)
    return split_blocks_by_lines(source)


def split_blocks_by_lines(source: str) -> SourceBlocks:
    """`split_blocks` line by line, without its shortcut for a source with no fence
    and no `<` (tests compare the two)."""
    fenced = "```" in source or "~~~" in source
    lines = source.split("\n")
    closers = FenceClosers(
        (k, line) for k, line in enumerate(lines) if fenced and FENCE_CLOSE.match(line)
    )
    spans: list[tuple[int, int]] = []  # [start, end) line ranges of blocks
    i = 0
    while i < len(lines):
        if is_blank(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and not is_blank(lines[i]):
            fence = fence_open(lines[i]) if fenced else None
            closer = closers.closer(fence, i) if fence else None
            if fence and closer is not None:
                if i > start:  # a fence interrupts the paragraph before it
                    break
                i = closer + 1
                break
            # A fence never closed is text, as Python-Markdown shows it.
            i += 1
        spans.append((start, i))
    if "<" in source:
        spans = _merge_html(lines, spans)

    blocks: list[Block] = []
    previous_end = 0
    for start, end in spans:
        if not blocks:
            gap = "".join(line + "\n" for line in lines[:start])
        else:
            gap = "\n" + "".join(line + "\n" for line in lines[previous_end:start])
        text = "\n".join(lines[start:end])
        blocks.append(Block(classify(text), text, gap, classified=True))
        previous_end = end
    if not blocks:
        return SourceBlocks((), source)
    tail = "".join("\n" + line for line in lines[previous_end:])
    return SourceBlocks(tuple(blocks), tail)


def _split_plain(source: str) -> SourceBlocks:
    """`split_blocks` of a source with no fence and no `<`: its blocks are its runs of
    lines that are not blank, each gap the text between two of them (the same blocks
    and gaps as the line loop makes; tests/core/repair/test_block_kinds_fast.py)."""
    blocks: list[Block] = []
    previous_end = 0
    for found in _BLOCK_LINES.finditer(source):
        start, end = found.span()
        text = found[0]
        gap = source[previous_end:start]
        blocks.append(Block(classify(text), text, gap, classified=True))
        previous_end = end
    if not blocks:
        return SourceBlocks((), source)
    return SourceBlocks(tuple(blocks), source[previous_end:])


def _merge_html(lines: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep `<div>` … blank lines … `</div>` (or a comment) as one block, as Python-Markdown does.

    An element runs to the end of the first block whose text from the element's
    first line holds its end (`</div>`), or to the last block. The end is searched
    for once, in the source joined once (searching the joined blocks again at each
    block was quadratic: 32,000 blocks after an unclosed `<div>` took 17 s); an end
    the pattern finds first also ends first, as its matches cannot overlap.
    """
    merged: list[tuple[int, int]] = []
    full = ""
    starts: list[int] = []  # offset in `full` of each line, and of the end
    ends: list[int] = []  # offset in `full` of the end of each block's text
    i = 0
    while i < len(spans):
        start, end = spans[i]
        closing = html_block_end(lines[start])
        if closing is not None:
            if not starts:
                full = "\n".join(lines)
                starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
                ends = [starts[span_end] - 1 for _span_start, span_end in spans]
            found = closing.search(full, starts[start])
            j = len(spans) - 1
            if found is not None:
                # The first block from i whose text (up to its last line's end) holds it.
                j = min(bisect.bisect_left(ends, found.end(), lo=i), len(spans) - 1)
            end = spans[j][1]
            i = j
        merged.append((start, end))
        i += 1
    return merged
