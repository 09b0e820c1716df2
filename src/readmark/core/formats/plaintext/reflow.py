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

What both share is in layout.py (widths, sentence ends, line shapes, `Layout`)
and joining.py (joining lines and the halves of a cut sentence); a paged book's
breaks are found in page_zones.py and closed in page_splits.py.
"""

from __future__ import annotations

from dataclasses import replace

from readmark.core.formats.plaintext.joining import book_compounds, reflow
from readmark.core.formats.plaintext.layout import (
    ARTICLE_START,
    DECORATION,
    INDENT_CHARS,
    PARAGRAPH_END,
    PROMPT,
    Block,
    Layout,
    display_width,
    ends_with_room,
    unfeed,
)
from readmark.core.formats.plaintext.page_splits import close_pages
from readmark.core.formats.plaintext.page_zones import page_tops, shows_pages
from readmark.core.repair.furniture import repeated_headers
from readmark.core.repair.page_marks import MARK_START, strip_marks

SAMPLE_CHARS = 64 * 1024
MAX_WRAP_COLUMNS = 160

# Share of lines starting with indentation from which indentation is a
# paragraph mark, and up to which it is not simply a margin of every line.
_INDENT_MARK = 0.1
_INDENT_MARGIN = 0.9


def detect_layout(text: str, start: int = 0, end: int | None = None, cjk: bool = False) -> Layout:
    """The paragraph layout of text[start:end], judged on a sample from its middle."""
    end = len(text) if end is None else end
    sample_start = start
    if end - start > SAMPLE_CHARS:
        sample_start = text.find("\n", start + (end - start - SAMPLE_CHARS) // 2, end) + 1
    lines = text[sample_start : min(end, sample_start + SAMPLE_CHARS)].split("\n")
    if len(lines) > 1 and sample_start + SAMPLE_CHARS < end:
        lines.pop()  # cut by the end of the sample
    lines = unfeed([line.rstrip() for line in lines])
    nonblank = [line for line in lines if line.strip()]
    if not nonblank:
        return Layout(cjk=cjk)
    blank_share = 1 - len(nonblank) / len(lines)
    indented_share = sum(1 for line in nonblank if line[0] in INDENT_CHARS) / len(nonblank)
    headers = repeated_headers(page_tops(lines))
    paged = shows_pages(lines, headers)
    layout = Layout(
        # A page of print is mostly full lines; its headers, numbers, code and
        # captions are the short ones, so a paged book's band may be looser.
        wrap_width=_wrap_width(lines, nonblank, band_share=0.35 if paged else 0.5),
        indented_paragraphs=_INDENT_MARK <= indented_share < _INDENT_MARGIN,
        blank_paragraphs=blank_share >= 0.15,
        cjk=cjk,
        paged=paged,
        headers=headers if paged else frozenset(),
    )
    if paged and layout.wrap_width and not cjk:
        layout = replace(layout, wrap_room=_wrap_room(lines, layout))
    return layout


# Wrapped lines a book's sample must show before the room they left is trusted.
WRAP_ROOM_LINES = 50


def _wrap_room(lines: list[str], layout: Layout) -> int:
    """The most room any wrapped line of the sample left for the first word of the line
    after it (a full line cut mid-sentence, going on in lower case), at least 0, or -1
    when there are too few to tell. Printing wraps a line only when the next word does
    not fit (room below 0); counted in characters of a proportional font the room left
    still varies, and this is how far it does in this book."""
    rooms: list[int] = []
    for before, after in zip(lines, lines[1:], strict=False):
        head, tail = before.rstrip(), after.lstrip(INDENT_CHARS).rstrip()
        if not head or not tail or not tail[0].islower() or not head[-1].isalpha():
            continue
        width = display_width(head)
        if not layout.is_short(width):
            rooms.append(layout.wrap_width - width - 1 - display_width(tail.split()[0]))
    # No room at all for a word that fits: a line that had it was not wrapped.
    return max(0, *rooms) if len(rooms) >= WRAP_ROOM_LINES else -1


def _wrap_width(lines: list[str], nonblank: list[str], band_share: float = 0.5) -> int:
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
    if band_share < 0.5:
        # A converted page's labels, numbers and code are no print lines: count
        # the lines of a third of the width or more.
        widths = [w for w in widths if w >= top / 3] or widths
    band = sum(1 for w in widths if 0.75 * top <= w <= top + 2) / len(widths)
    # Lines followed by another line of the same paragraph (not by a blank line).
    inner = [a for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if not inner:
        return 0
    open_share = sum(1 for line in inner if line[-1] not in PARAGRAPH_END) / len(inner)
    return top if band >= band_share and open_share >= 0.3 else 0


def paragraphs(body: str, layout: Layout) -> list[Block]:
    """The blocks of a section's text (without its heading)."""
    blocks: list[Block] = []
    current: list[str] = []  # the lines of the block being gathered, indentation kept
    compounds: frozenset[str] | None = None
    if layout.paged:
        compounds = book_compounds(body)
        body = close_pages(body, layout, compounds=compounds)
    elif "\f" in body:  # a form feed ends a page, whatever else the book shows
        body = "\n".join(unfeed(body.split("\n")))

    def flush() -> None:
        if current:
            blocks.extend(_blocks_of(current, layout, compounds))
            current.clear()

    for raw in body.split("\n"):
        line = raw.rstrip()
        # A printed page's mark (close_pages) is no text: lines are judged without it.
        bare = strip_marks(line) if MARK_START in line else line
        stripped = bare.lstrip(INDENT_CHARS)
        if not stripped:
            flush()
            continue
        if DECORATION.fullmatch(stripped):
            flush()
            if blocks and blocks[-1].kind != "break":
                blocks.append(Block("break"))
            continue
        if current and _starts_paragraph(strip_marks(current[-1]), bare, layout):
            flush()
        current.append(line)
    flush()
    while blocks and blocks[-1].kind == "break":
        blocks.pop()
    return blocks


def _starts_paragraph(previous: str, line: str, layout: Layout) -> bool:
    if layout.paged and (PROMPT.match(line) or PROMPT.match(previous)):
        return True  # an interpreter's prompt: code, a line of its own
    if layout.paged and ARTICLE_START.match(line.lstrip(INDENT_CHARS)):
        return True  # `第二十八条…`: a law's article starts its paragraph
    if layout.indented_paragraphs and line[0] in INDENT_CHARS:
        return True
    if not layout.wrap_width:
        # Without blank lines, every line is a paragraph; with them, a block of
        # several lines is judged as a whole (`_blocks_of`).
        return not layout.blank_paragraphs
    if layout.blank_paragraphs and not layout.paged:
        return False
    # In a book converted from print, a short line ends its paragraph (or is a
    # heading, a list item, a line of code) even where blank lines are scarce.
    width = display_width(previous)
    return layout.is_short(width) or ends_with_room(previous, line, layout, width)


def _blocks_of(
    lines: list[str], layout: Layout, compounds: frozenset[str] | None = None
) -> list[Block]:
    """One gathered block: a paragraph to re-flow, or lines to keep (verse, a
    contents list, a title page: a block with a line much shorter than the wrap)."""
    if len(lines) == 1:
        return [Block("p", (lines[0].strip(INDENT_CHARS),))]
    if layout.blank_paragraphs:
        width = layout.wrap_width or _block_wrap_width(lines)
        if not width or any(display_width(line) < 0.6 * width for line in lines[:-1]):
            return [Block("lines", tuple(line.strip(INDENT_CHARS) for line in lines))]
    return [Block("p", (reflow(lines, compounds),))]


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
