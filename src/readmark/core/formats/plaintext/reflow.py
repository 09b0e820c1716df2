"""How a plain-text book lays out its paragraphs, and re-flowing them.

Three habits, often mixed, are told apart from a sample of the book
(`detect_layout`):

- paragraphs separated by blank lines (Project Gutenberg);
- a paragraph per line, its first line indented, typically with two
  full-width spaces "　　" (most Chinese novels), or by a few ASCII spaces;
- hard-wrapped lines: every line of a paragraph but the last is about as wide
  as the others (~70 columns in English; ~35 characters in Chinese, where the
  wrap falls mid-sentence).

`paragraphs` turns the lines of one section into blocks. In a hard-wrapped book
the lines of a paragraph are joined: with a space between Latin words, with
nothing between Chinese or Japanese characters. A paragraph ends at a blank
line, at an indented line (when indentation marks paragraphs), or, in a book
without blank lines between paragraphs, after a line clearly shorter than the
wrap width. In a book with blank lines, a block of short lines (verse, a
contents list, a title page) keeps its line breaks. A line of dashes, equals
signs or stars is a scene break, not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INDENT_CHARS = " \t\u3000"
SAMPLE_CHARS = 64 * 1024
MAX_WRAP_COLUMNS = 160

# Characters displayed two columns wide (East Asian Wide and Fullwidth).
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)
# Scripts written without spaces between words: a line break inside them is
# no space. (Korean separates words with spaces, like English.)
_NO_SPACE = re.compile(
    "[\u2e80-\u303f\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0003fffd]"
)
# A line made only of these is decoration: "-----", "======", "* * *", "～～～".
DECORATION = re.compile(r"(?:[-=_*~#+.·•—─━═～＊＝－][ \t\u3000]*){3,}")
# Characters that end a sentence or a quotation.
PARAGRAPH_END = frozenset("。！？!?…”」』\"'’）).:：；;")
# Share of lines starting with indentation from which indentation is a
# paragraph mark, and up to which it is not simply a margin of every line.
_INDENT_MARK = 0.1
_INDENT_MARGIN = 0.9


@dataclass(frozen=True)
class Layout:
    wrap_width: int = 0  # columns at which lines were hard-wrapped; 0 = not wrapped
    indented_paragraphs: bool = False  # an indented line starts a paragraph
    blank_paragraphs: bool = True  # paragraphs are separated by blank lines
    cjk: bool = False  # the text is Chinese or Japanese: full lines are exact

    def is_short(self, width: int) -> bool:
        """Whether a line this wide ends its paragraph in a hard-wrapped book."""
        slack = 4 if self.cjk else max(4, self.wrap_width // 4)
        return width < self.wrap_width - slack


@dataclass(frozen=True)
class Block:
    kind: str  # "p" a paragraph, "lines" lines kept as they are, "break" a scene break
    lines: tuple[str, ...] = ()


def display_width(line: str) -> int:
    return len(line) + len(_WIDE.findall(line))


def joins_without_space(before: str, after: str) -> bool:
    return bool(before and after and (_NO_SPACE.match(before[-1]) or _NO_SPACE.match(after[0])))


def ends_paragraph(line: str, layout: Layout) -> bool:
    """Whether `line` (one line of text) may be the last line of a paragraph."""
    stripped = line.rstrip()
    if not stripped:
        return True
    if not layout.wrap_width or stripped[-1] in PARAGRAPH_END:
        return True
    return layout.is_short(display_width(stripped))


def detect_layout(text: str, start: int = 0, end: int | None = None, cjk: bool = False) -> Layout:
    """The paragraph layout of text[start:end], judged on a sample from its middle."""
    end = len(text) if end is None else end
    sample_start = start
    if end - start > SAMPLE_CHARS:
        sample_start = text.find("\n", start + (end - start - SAMPLE_CHARS) // 2, end) + 1
    lines = text[sample_start : min(end, sample_start + SAMPLE_CHARS)].split("\n")
    if len(lines) > 1 and sample_start + SAMPLE_CHARS < end:
        lines.pop()  # cut by the end of the sample
    lines = [line.rstrip() for line in lines]
    nonblank = [line for line in lines if line.strip()]
    if not nonblank:
        return Layout(cjk=cjk)
    blank_share = 1 - len(nonblank) / len(lines)
    indented_share = sum(1 for line in nonblank if line[0] in INDENT_CHARS) / len(nonblank)
    return Layout(
        wrap_width=_wrap_width(lines, nonblank),
        indented_paragraphs=_INDENT_MARK <= indented_share < _INDENT_MARGIN,
        blank_paragraphs=blank_share >= 0.15,
        cjk=cjk,
    )


def _wrap_width(lines: list[str], nonblank: list[str]) -> int:
    """The width at which the lines were hard-wrapped, or 0 if they were not.

    Hard-wrapped: most lines are within a narrow band below the common maximum
    width, and many of them end mid-sentence (a line per paragraph ends with
    sentence punctuation nearly always).
    """
    if len(nonblank) < 8:
        return 0
    widths = sorted(display_width(line) for line in nonblank)
    top = widths[int(0.9 * (len(widths) - 1))]
    if not 20 <= top <= MAX_WRAP_COLUMNS:
        return 0
    band = sum(1 for w in widths if 0.75 * top <= w <= top + 2) / len(widths)
    # Lines followed by another line of the same paragraph (not by a blank line).
    inner = [a for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if not inner:
        return 0
    open_share = sum(1 for line in inner if line[-1] not in PARAGRAPH_END) / len(inner)
    return top if band >= 0.5 and open_share >= 0.3 else 0


def paragraphs(body: str, layout: Layout) -> list[Block]:
    """The blocks of a section's text (without its heading)."""
    blocks: list[Block] = []
    current: list[str] = []  # the lines of the block being gathered, indentation kept

    def flush() -> None:
        if current:
            blocks.extend(_blocks_of(current, layout))
            current.clear()

    for raw in body.split("\n"):
        line = raw.rstrip()
        stripped = line.lstrip(INDENT_CHARS)
        if not stripped:
            flush()
            continue
        if DECORATION.fullmatch(stripped):
            flush()
            if blocks and blocks[-1].kind != "break":
                blocks.append(Block("break"))
            continue
        if current and _starts_paragraph(current[-1], line, layout):
            flush()
        current.append(line)
    flush()
    while blocks and blocks[-1].kind == "break":
        blocks.pop()
    return blocks


def _starts_paragraph(previous: str, line: str, layout: Layout) -> bool:
    if layout.indented_paragraphs and line[0] in INDENT_CHARS:
        return True
    if not layout.wrap_width:
        # Without blank lines, every line is a paragraph; with them, a block of
        # several lines is judged as a whole (`_blocks_of`).
        return not layout.blank_paragraphs
    if layout.blank_paragraphs:
        return False
    return layout.is_short(display_width(previous))


def _blocks_of(lines: list[str], layout: Layout) -> list[Block]:
    """One gathered block: a paragraph to re-flow, or lines to keep (verse, a
    contents list, a title page: a block with a line much shorter than the wrap)."""
    if len(lines) == 1:
        return [Block("p", (lines[0].strip(INDENT_CHARS),))]
    if layout.blank_paragraphs:
        width = layout.wrap_width or _block_wrap_width(lines)
        if not width or any(display_width(line) < 0.6 * width for line in lines[:-1]):
            return [Block("lines", tuple(line.strip(INDENT_CHARS) for line in lines))]
    return [Block("p", (reflow(lines),))]


def _block_wrap_width(lines: list[str]) -> int:
    """In a book too short to tell its layout: whether this block's lines look
    hard-wrapped (all but the last about equally wide, ending mid-sentence)."""
    inner = lines[:-1]
    widths = [display_width(line) for line in inner]
    top = max(widths)
    if top < 40 or top > MAX_WRAP_COLUMNS or min(widths) < 0.75 * top:
        return 0
    open_lines = sum(1 for line in inner if line.rstrip()[-1:] not in PARAGRAPH_END)
    return top if open_lines * 2 >= len(inner) else 0


def reflow(lines: list[str]) -> str:
    """Hard-wrapped lines joined into one paragraph."""
    text = ""
    for raw in lines:
        line = raw.strip(INDENT_CHARS)
        if not text:
            text = line
        elif joins_without_space(text, line):
            text += line
        else:
            text += " " + line
    return text
