"""Markdown source split into blocks separated by blank lines, and put back together.

The repair rules reason about whole blocks (a paragraph, a heading, a list...) the
way Python-Markdown will see them. Splitting is lossless: `SourceBlocks.join()`
gives back the exact source, blank lines included, so a rule that changes nothing
changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum


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

    def with_text(self, text: str) -> Block:
        return replace(self, text=text, kind=classify(text))


@dataclass(frozen=True)
class SourceBlocks:
    blocks: tuple[Block, ...]
    tail: str = ""  # whitespace after the last block

    def join(self) -> str:
        return "".join(block.gap + block.text for block in self.blocks) + self.tail

    def with_blocks(self, blocks: list[Block] | tuple[Block, ...]) -> SourceBlocks:
        return replace(self, blocks=tuple(blocks))


# Python-Markdown counts a line of spaces and tabs as blank; an ideographic space is text.
def _is_blank(line: str) -> bool:
    return line.strip(" \t\r") == ""


_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})\r?$")
_LIST = re.compile(r"^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r"^ {0,3}>")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:")
_INLINE_TAGS = (
    "a|abbr|b|bdi|bdo|big|br|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|q|rp|rt|ruby|s|"
    "samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr"
)
_HTML = re.compile(rf"^ {{0,3}}<(?:!--|\?|/?(?!(?:{_INLINE_TAGS})\b)[A-Za-z][\w-]*)", re.I)
_HTML_OPEN = re.compile(r"^ {0,3}<([A-Za-z][\w-]*)")
# A footnote body as a print conversion leaves it: "<sup>①</sup> text", "<sup>[1]</sup> text".
NOTE_MARK = r"(?:[\u2460-\u2473]|\[\d{1,3}\]|\d{1,3}|\*{1,3}|[†‡])"
NOTE_BODY = re.compile(rf"^ {{0,3}}<sup>[ \t]*(?P<sym>{NOTE_MARK})[ \t]*</sup>[ \t\u3000]*(?=\S)")


def classify(text: str) -> BlockKind:
    """The kind of a block, judged the way Python-Markdown would read it."""
    lines = text.split("\n")
    first = lines[0]
    if _FENCE.match(first) or _INDENTED.match(first):
        return BlockKind.CODE
    if _HR.match(first) and len(lines) == 1:
        return BlockKind.THEMATIC_BREAK
    if _ATX.match(first) or (len(lines) > 1 and _SETEXT_UNDERLINE.match(lines[1])):
        return BlockKind.HEADING
    if _LIST.match(first):
        return BlockKind.LIST
    if _QUOTE.match(first):
        return BlockKind.QUOTE
    if len(lines) > 1 and "|" in first + lines[1] and _TABLE_RULE.match(lines[1]):
        return BlockKind.TABLE
    if _FOOTNOTE_DEF.match(first):
        return BlockKind.FOOTNOTE_DEF
    if _LINK_DEF.match(first):
        return BlockKind.LINK_DEF
    if NOTE_BODY.match(first):
        return BlockKind.NOTE
    if _HTML.match(first):
        return BlockKind.HTML
    return BlockKind.PARAGRAPH


def split_blocks(source: str) -> SourceBlocks:
    """Split at blank lines; a fenced code block or an open HTML element stays whole."""
    lines = source.split("\n")
    spans: list[tuple[int, int]] = []  # [start, end) line ranges of blocks
    i = 0
    while i < len(lines):
        if _is_blank(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and not _is_blank(lines[i]):
            fence = _FENCE.match(lines[i])
            if fence:
                if i > start:  # a fence interrupts the paragraph before it
                    break
                i = _fence_end(lines, i, fence.group("fence"))
                break
            i += 1
        spans.append((start, i))
    spans = _merge_html(lines, spans)

    blocks: list[Block] = []
    previous_end = 0
    for start, end in spans:
        if not blocks:
            gap = "".join(line + "\n" for line in lines[:start])
        else:
            gap = "\n" + "".join(line + "\n" for line in lines[previous_end:start])
        text = "\n".join(lines[start:end])
        blocks.append(Block(classify(text), text, gap))
        previous_end = end
    if not blocks:
        return SourceBlocks((), source)
    tail = "".join("\n" + line for line in lines[previous_end:])
    return SourceBlocks(tuple(blocks), tail)


def _fence_end(lines: list[str], start: int, fence: str) -> int:
    closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*\r?$")
    for i in range(start + 1, len(lines)):
        if closing.match(lines[i]):
            return i + 1
    return len(lines)  # an unclosed fence runs to the end, as Markdown reads it


def _merge_html(lines: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep `<div>` … blank lines … `</div>` (or a comment) as one block, as Python-Markdown does."""
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        closing = _closing_of(lines[start])
        if closing is not None:
            j = i
            while j < len(spans) - 1 and not closing.search("\n".join(lines[start : spans[j][1]])):
                j += 1
            end = spans[j][1]
            i = j
        merged.append((start, end))
        i += 1
    return merged


_VOID_TAGS = {
    "area",
    "base",
    "col",
    "embed",
    "hr",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
}


def _closing_of(first_line: str) -> re.Pattern[str] | None:
    """What ends the raw HTML block this line opens, if it opens one."""
    if re.match(r"^ {0,3}<!--", first_line):
        return re.compile(r"-->")
    opening = _HTML_OPEN.match(first_line)
    if not opening or not _HTML.match(first_line) or opening.group(1).lower() in _VOID_TAGS:
        return None
    return re.compile(rf"</{re.escape(opening.group(1))}\s*>", re.I)
