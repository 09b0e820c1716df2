"""The Markdown block grammar: what a line of a book's source starts or is.

One place for the block patterns the loader (headings, fenced code and footnote
definitions for the contents and the sections), the print repair (blocks it may
and may not touch) and the title finder (`core.metadata`) need. Each pattern
takes one line, without its newline; a trailing carriage return is allowed where
it could change the answer.

Where Readmark's readers disagreed, CommonMark decides; where CommonMark's
reading would make a book show worse than Python-Markdown (which renders it),
Python-Markdown's reading is kept. The loader rewrites the heading and fence
lines it finds into the form Python-Markdown reads the same way, so what it puts
in the contents is what the reader shows.

- Up to three spaces may stand before any block marker: a heading `#`, a setext
  underline, a fence, a list marker, a `>` (CommonMark; Python-Markdown alone
  reads `   # Title` as a paragraph).
- An ATX heading needs no space after its `#`s (`#第一章`, as Python-Markdown
  reads it and print conversions write it; CommonMark would want `# 第一章`), and
  seven or more `#` make a level-6 heading of the rest. A closing run of `#` is
  dropped only after a space (`# C#` is "C#", CommonMark; Python-Markdown alone
  would show "C").
- A setext underline is a run of `=` or `-`, then spaces or tabs.
- A fence is three or more backticks (with no backtick in its info string) or
  tildes; it is closed by a line of the same character, at least as long, with
  nothing after it but spaces or tabs (CommonMark). A fence that is never closed
  is text, as Python-Markdown shows it: CommonMark would run it to the end of
  the book and hide every later chapter behind one stray fence.
- A list item marker is `*`, `+`, `-`, or one to nine digits and `.` or `)`,
  followed by a space, a tab or the end of the line (CommonMark).
- A thematic break is three or more of one of `-`, `*`, `_`, spaces and tabs
  between them allowed.
- A blank line holds only spaces and tabs: an ideographic space is text.
- A footnote definition `[^label]:` may have an empty label (Python-Markdown's
  footnotes, which CommonMark does not have).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

# A line holding an ATX heading. `atx_heading` takes it apart.
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?P<run>=+|-+)[ \t]*\r?$")
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})\r?$")
LIST_ITEM = re.compile(r"^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\r?$)")
BLOCK_QUOTE = re.compile(r"^ {0,3}>")
INDENTED_CODE = re.compile(r"^(?: {4}|\t)")
# A fence line: `fence_open` and `FenceClosers` say whether it opens or closes one.
FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
FENCE_CLOSE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*\r?$")
# A table's delimiter row, the second line of a table: `| --- | :-: |`.
TABLE_DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$")
FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^(?P<label>[^\]\n]*)\]:")
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:")
# Inline elements: a line starting with one of them is a paragraph, not raw HTML.
INLINE_TAGS = (
    "a|abbr|b|bdi|bdo|big|br|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|q|rp|rt|ruby|s|"
    "samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr"
)
HTML_BLOCK = re.compile(rf"^ {{0,3}}<(?:!--|\?|/?(?!(?:{INLINE_TAGS})\b)[A-Za-z][\w-]*)", re.I)
HTML_OPEN_TAG = re.compile(r"^ {0,3}<(?P<tag>[A-Za-z][\w-]*)")
HTML_COMMENT = re.compile(r"^ {0,3}<!--")
VOID_TAGS = frozenset("area base col embed hr input link meta param source track".split())


def is_blank(line: str) -> bool:
    """Only spaces and tabs (and a carriage return): Python-Markdown and CommonMark
    agree that an ideographic space or a form feed is text."""
    return line.strip(" \t\r") == ""


# ------------------------------------------------------------------ headings


class AtxHeading(NamedTuple):  # a tuple: made for every heading of a big book
    indent: int  # spaces before the `#`s
    level: int
    content: str  # after the `#`s, closing run and trailing white space removed


def atx_heading(line: str) -> AtxHeading | None:
    """The ATX heading on `line`, if it holds one."""
    if not ATX_HEADING.match(line):
        return None
    indent = len(line) - len(line.lstrip(" "))
    hashes = len(line) - indent - len(line[indent:].lstrip("#"))
    level = min(hashes, 6)
    rest = line[indent + level :].rstrip(" \t\r")
    body = rest.rstrip("#")
    if body.strip(" \t") == "":
        rest = ""  # only a closing run: an empty heading
    elif body != rest and body[-1] in " \t":
        rest = body.rstrip(" \t")  # a closing run after a space
    return AtxHeading(indent, level, rest)


# ------------------------------------------------------------------ fences


@dataclass(frozen=True)
class Fence:
    indent: int
    char: str  # "`" or "~"
    length: int
    info: str  # the info string, stripped


def fence_open(line: str) -> Fence | None:
    """The fence `line` would open, if it is a fence line."""
    m = FENCE.match(line)
    if m is None:
        return None
    fence, info = m.group("fence"), m.group("info")
    if fence[0] == "`" and "`" in info:
        return None  # ```a`b is inline code, not a fence
    return Fence(len(m.group("indent")), fence[0], len(fence), info.strip(" \t\r"))


class FenceClosers:
    """The lines that can close a fence, to find the one that closes a given fence.

    `positions` are in increasing order (line numbers or offsets). Finding a
    closer walks only over the lines inside the fence it closes, and an unclosed
    fence is known at once from the longest closer still to come, so a scan
    that skips each closed fence stays linear however hostile the text."""

    def __init__(self, closers: Iterable[tuple[int, str]]) -> None:
        """`closers`: (position, line) of the lines matching `FENCE_CLOSE`, in order."""
        self._by_char: dict[str, tuple[list[int], list[int], list[int]]] = {}
        for position, line in closers:
            m = FENCE_CLOSE.match(line)
            if m is None:
                continue
            run = m.group("fence")
            positions, lengths, _ = self._by_char.setdefault(run[0], ([], [], []))
            positions.append(position)
            lengths.append(len(run))
        for _positions, lengths, longest in self._by_char.values():
            longest.extend(lengths)
            for k in range(len(longest) - 2, -1, -1):
                longest[k] = max(longest[k], longest[k + 1])

    def closer(self, fence: Fence, after: int) -> int | None:
        """Position of the first line after `after` that closes `fence`, or None."""
        found = self._by_char.get(fence.char)
        if found is None:
            return None
        positions, lengths, longest = found
        k = bisect.bisect_right(positions, after)
        if k == len(positions) or longest[k] < fence.length:
            return None
        while lengths[k] < fence.length:
            k += 1
        return positions[k]


# Python-Markdown's fenced_code reads an opening line as the fence, spaces, then
# `{attributes}` or a language word (and `hl_lines`), and nothing else.
_PYTHON_MARKDOWN_INFO = re.compile(
    r"[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=(?P<q>\"|').*?(?P=q)[ ]*)?)"
)
_LANGUAGE_WORD = re.compile(r"\.?[\w#.+-]+")


def python_markdown_reads(fence: Fence, opening: str, closing: str) -> bool:
    """Whether Python-Markdown reads the fenced block from the line `opening` to
    the line `closing` as the grammar does (it wants both at the margin, the
    closing line the very run that opened, and an info string it understands)."""
    info = opening[fence.indent + fence.length :].expandtabs(4)
    return (
        fence.indent == 0
        and closing.rstrip(" \t") == fence.char * fence.length
        and _PYTHON_MARKDOWN_INFO.fullmatch(info) is not None
    )


def python_markdown_fence(lines: list[str], fence: Fence) -> list[str]:
    """A fenced block (its opening line, content and closing line) as
    Python-Markdown reads the way CommonMark does: the fence at the margin, the
    content's indentation less the fence's, the closing line the opening fence
    itself, and an info string it cannot read cut to its first word."""
    run = fence.char * fence.length
    info = fence.info
    if info and not _PYTHON_MARKDOWN_INFO.fullmatch(" " + info):
        word = _LANGUAGE_WORD.match(info)
        info = word.group() if word else ""
    opening = run + (" " + info if info else "")
    body = [_dedent(line, fence.indent) for line in lines[1:-1]]
    return [opening, *body, run]


def _dedent(line: str, spaces: int) -> str:
    """`line` less up to `spaces` spaces of indentation."""
    if spaces == 0:
        return line
    strip = len(line) - len(line.lstrip(" "))
    return line[min(strip, spaces) :]


# ------------------------------------------------------------------ raw HTML


def html_block_end(first_line: str) -> re.Pattern[str] | None:
    """What ends the raw HTML block `first_line` opens, if it opens one that can
    run over blank lines (an element or a comment)."""
    if HTML_COMMENT.match(first_line):
        return re.compile(r"-->")
    opening = HTML_OPEN_TAG.match(first_line)
    if not opening or not HTML_BLOCK.match(first_line):
        return None
    tag = opening.group("tag")
    if tag.lower() in VOID_TAGS:
        return None
    return re.compile(rf"</{re.escape(tag)}\s*>", re.I)
