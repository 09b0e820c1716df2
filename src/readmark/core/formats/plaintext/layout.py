"""The primitives every part of the plain-text reflow shares: how wide a line is,
what ends a sentence or a paragraph, how lines of Chinese join, the shapes a line may
have (a list item, a law's article, a line of code, an interpreter's prompt), and the
book's `Layout` once measured.

They live apart because the reflow's two halves need them both: closing a printed
page's breaks (page_zones.py, page_splits.py) and gathering a section's paragraphs
(reflow.py). Kept here, the page code needs nothing of the paragraph code: reflow.py
calls close_pages, never the other way round, so neither imports in a cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readmark.core.repair.page_marks import MARK_START, strip_marks

INDENT_CHARS = " \t\u3000"

# Characters displayed two columns wide (East Asian Wide and Fullwidth).
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)
# Scripts written without spaces between words: a line break inside them is
# no space. (Korean separates words with spaces, like English.)
NO_SPACE = re.compile(
    "[\u2e80-\u303f\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0003fffd]"
)
# A line made only of these is decoration: "-----", "======", "* * *", "～～～".
DECORATION = re.compile(r"(?:[-=_*~#+.·•—─━═～＊＝－][ \t\u3000]*){3,}")
# Characters that end a sentence or a quotation.
PARAGRAPH_END = frozenset("。！？!?…”」』\"'’）).:：；;")


@dataclass(frozen=True)
class Layout:
    wrap_width: int = 0  # columns at which lines were hard-wrapped; 0 = not wrapped
    indented_paragraphs: bool = False  # an indented line starts a paragraph
    blank_paragraphs: bool = True  # paragraphs are separated by blank lines
    cjk: bool = False  # the text is Chinese or Japanese: full lines are exact
    # Converted from print: pages end in runs of blank lines with page numbers and
    # running headers around them (`close_pages`); these are the headers' keys.
    paged: bool = False
    headers: frozenset[str] = frozenset()
    # In a paged book: the most room a wrapped line of it left for the next line's first
    # word, in columns, at least 0 (print is set in a proportional font, so counted
    # characters are only near its width); -1 when not measured (`ends_with_room`).
    wrap_room: int = -1

    def is_short(self, width: int) -> bool:
        """Whether a line this wide ends its paragraph in a hard-wrapped book."""
        if self.cjk:
            # A converter's half-width commas and brackets narrow a full line of print.
            slack = max(4, self.wrap_width // 8) if self.paged else 4
        else:
            slack = max(4, self.wrap_width // 4)
        return width < self.wrap_width - slack


@dataclass(frozen=True)
class Block:
    kind: str  # "p" a paragraph, "lines" lines kept as they are, "break" a scene break
    lines: tuple[str, ...] = ()


def display_width(line: str) -> int:
    if MARK_START in line:  # a printed page's mark takes no room on the line
        line = strip_marks(line)
    return len(line) + len(_WIDE.findall(line))


def joins_without_space(before: str, after: str) -> bool:
    return bool(before and after and (NO_SPACE.match(before[-1]) or NO_SPACE.match(after[0])))


def ends_paragraph(line: str, layout: Layout) -> bool:
    """Whether `line` (one line of text) may be the last line of a paragraph."""
    stripped = line.rstrip()
    if not stripped:
        return True
    if not layout.wrap_width or stripped[-1] in PARAGRAPH_END:
        return True
    return layout.is_short(display_width(stripped))


def ends_with_room(line: str, following: str, layout: Layout, width: int = -1) -> bool:
    """Whether `line` ends a sentence and left more room for the first word of the line
    `following` it than any wrapped line of the book did (`Layout.wrap_room`): the print
    did not wrap it there, its paragraph ended (`…6 units of work for 4 items.` / `The
    next add costs…`, 79 characters where Think Python's lines run to 99). `width`: the
    line's display width, when known."""
    if layout.wrap_room < 0:
        return False
    head, tail = line.rstrip(), following.lstrip(INDENT_CHARS)
    if not _ENDS_SENTENCE.search(head) or not (tail[:1].isupper() or tail[:1].isdigit()):
        return False
    width = display_width(head) if width < 0 else width
    first = tail.split(maxsplit=1)[0]
    return layout.wrap_width - width - 1 - display_width(first) > layout.wrap_room


# A sentence's stop, perhaps inside a closing quotation mark or bracket.
_ENDS_SENTENCE = re.compile(r"[.?!][”’\"')]?$")


def unfeed(lines: list[str]) -> list[str]:
    """Lines with each form feed (pdftotext's page break) made a page break of blank
    lines, the way OCR text shows one."""
    if not any("\f" in line for line in lines):
        return lines
    out: list[str] = []
    for line in lines:
        if "\f" in line:
            for part in line.split("\f")[:-1]:
                if part.strip():
                    out.append(part)
                out.extend(["", ""])
            line = line.split("\f")[-1]
        out.append(line)
    return out


# A line of a program (pdftotext drops its indentation): `class HashMap:`, `def get(self,
# k):`, `for x in t:`, `total += x`, `self.maps = []`.
CODE_LINE = re.compile(
    r"(?:(?:class|def|for|while|if|elif|with|try|import|from|return)\b[^\n]*[:)]\s*$"
    r"|[\w.\[\]]+ ?(?:[-+*/]?=) ?\S)"
)
# An item of a numbered or bulleted list: `(1) …`, `1. …`, `a) …`, `• …`.
LIST_ITEM = re.compile(r"^(?:\(\w{1,3}\)|\w{1,3}[.)]|[•·\-*–])\s")
# An entry of a list or glossary: a term (a few words) and a colon.
LIST_ENTRY = re.compile(r"^[^\W\d][\w'’-]*(?: [\w'’-]+){0,3}:\s")

# Characters after which a sentence may end (a paragraph may end).
SENTENCE_END = frozenset("。！？!?….:;；：”」』\"'’)）]")

# A law's article number on a line of its own (pdftotext sets it apart).
ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+条$")
ARTICLE_START = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+条(?![件款])")
CLAUSE = frozenset("，、；：,;")
# An interpreter's prompt: a line of code.
PROMPT = re.compile(r"^\s*(?:>>>|\.\.\.|\$) ?")
