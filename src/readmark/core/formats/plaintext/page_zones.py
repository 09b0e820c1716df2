"""The page breaks of a plain-text book converted from print, and what stands
around them.

A page break is a run of two blank lines or more (or a form feed); the short lines
among the blank ones (page numbers, running headers, stray marks) are its furniture
(`core/repair/furniture`). `page_zones` finds the breaks and their furniture; the
layout's measure uses them to tell whether a book shows printed pages at all
(`shows_pages`) and where its running headers stand (`page_tops`); page_splits.py
closes them. `sentence_goes_on` says whether a sentence goes on across a break.

Apart from the closing because the layout is measured on these breaks before any is
closed: detect_layout needs them, and close_pages needs the layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from readmark.core.formats.plaintext.layout import (
    CODE_LINE,
    INDENT_CHARS,
    LIST_ENTRY,
    LIST_ITEM,
    NO_SPACE,
    PARAGRAPH_END,
    PROMPT,
    SENTENCE_END,
    display_width,
)
from readmark.core.repair.furniture import (
    HEADER_MAX,
    furniture_at_break,
    is_heading,
    is_page_number,
    is_short_line,
    looks_like_header,
)

PAGE_BREAKS = 3  # page breaks with furniture or a cut sentence that make a book "paged"


@dataclass(frozen=True)
class Zone:
    """Lines [start, end): blank lines and the short lines among them."""

    start: int
    end: int
    gap: bool  # holds two blank lines or more in a row: a page break
    dropped: frozenset[int]  # the furniture among them (only at a page break)
    gap_at: int = 0  # where the page break starts: lines before it end the page

    def kept(self, lines: list[str]) -> list[str]:
        return self.kept_before(lines) + self.kept_after(lines)

    def kept_before(self, lines: list[str]) -> list[str]:
        """Text that ends the page before the break: one-line paragraphs."""
        return [
            lines[k]
            for k in range(self.start, min(self.gap_at, self.end))
            if lines[k].strip() and k not in self.dropped
        ]

    def kept_after(self, lines: list[str]) -> list[str]:
        """Text at the top of the next page: headings, or headers not recognised."""
        return [
            lines[k]
            for k in range(max(self.gap_at, self.start), self.end)
            if lines[k].strip() and k not in self.dropped
        ]


def page_zones(lines: list[str], headers: frozenset[str], width: int = 0) -> list[Zone]:
    """The runs of blank lines and of the short lines between them; at a page break,
    which of those lines are furniture (`furniture.furniture_at_break`). `width` is the
    book's print width when known."""
    wide = width * 3 // 4 if width else HEADER_MAX * 2 // 3
    zones: list[Zone] = []
    text_starts = next(
        (
            k
            for k, line in enumerate(lines)
            if len(line.strip()) > HEADER_MAX
            or (line.strip() and k + 1 < len(lines) and lines[k + 1].strip())
        ),
        len(lines),
    )
    i = 0
    while i < len(lines):
        if lines[i].strip():
            i += 1
            continue
        j, run, gap, gap_at = i, 0, False, 0
        # Furniture stands alone between blank lines; a short line with text right
        # after it starts that text.
        while j < len(lines) and (not lines[j].strip() or _may_be_furniture(lines, j)):
            run = run + 1 if not lines[j].strip() else 0
            if run >= 2 and gap and any(_page_text(lines[k], wide) for k in range(gap_at, j)):
                # A second page break after a line of text: the short lines between
                # were a page of their own (list items, a heading, the first line of a
                # paragraph); the next break is judged by its own neighbours, or the
                # sentence it cuts stays cut. (A header and a page number set apart
                # by blank runs, as OCR does, stay one break.)
                j -= 1
                break
            if run >= 2 and not gap:
                gap, gap_at = True, j - 1
            j += 1
        dropped: frozenset[int] = frozenset()
        if gap and i > 0 and is_page_number(lines[i - 1]):
            i -= 1  # a page number right under the page's last line (`— 13 —`)
        # A title page (short lines before any text) is not furniture.
        if gap and i > text_starts:
            short = [k for k in range(i, j) if lines[k].strip()]
            # At the end of a section only page numbers go: a line there may be the
            # part title over the next chapter's heading (`SYPHILIS.` / `CHAPTER I.`).
            last = j >= len(lines)
            dropped = frozenset(
                k
                for k, is_furniture in zip(
                    short,
                    furniture_at_break(
                        [lines[k] for k in short], headers, [k > gap_at for k in short]
                    ),
                    strict=True,
                )
                if is_furniture and (not last or is_page_number(lines[k]))
            )
        zones.append(Zone(i, j, gap, dropped, gap_at))
        i = max(j, i + 1)
    return zones


def _page_text(line: str, wide: int) -> bool:
    """A line as wide as the page's text, not set like a header: the page's text."""
    return display_width(line.strip()) >= wide and not looks_like_header(line)


def _may_be_furniture(lines: list[str], j: int) -> bool:
    """A short line standing alone (or a page number, which pdftotext sets right over
    its header) that does not go on with a sentence (a lower-case start, or Chinese
    ending one: `omega.`, `务。`, the last line of a paragraph cut by the page)."""
    line = lines[j].strip()
    if not is_short_line(line) or line[0].islower():
        return False
    if NO_SPACE.match(line[0]) and line[-1] in "。！？”」":
        return False
    alone = j + 1 == len(lines) or not lines[j + 1].strip()
    return alone or is_page_number(line)


def shows_pages(lines: list[str], headers: frozenset[str]) -> bool:
    """Whether the sample shows printed pages: page breaks with a page number or a
    running header beside them, or sentences cut by them, several times."""
    breaks = 0
    for zone in page_zones(lines, headers):
        if not zone.gap or zone.end >= len(lines) or zone.start == 0:
            continue
        if zone.dropped or (
            not zone.kept(lines) and sentence_goes_on(lines[zone.start - 1], lines[zone.end])
        ):
            breaks += 1
    return breaks >= PAGE_BREAKS


def sentence_goes_on(before: str, after: str) -> bool:
    """Whether the text after a page break goes on with the sentence before it."""
    head, tail = before.rstrip(), after.lstrip(INDENT_CHARS)
    if not head or not tail or after[0] in INDENT_CHARS and NO_SPACE.match(tail[0]):
        return False
    first = tail[0]
    if head[-1] in ".:;" and LIST_ENTRY.match(tail):
        return False  # `…every language:` / `input: Get data…`: a list starts
    if is_heading(head) or PROMPT.match(head):
        return False  # a heading or a line of code ends where it ends
    if head[-1] == ":" and CODE_LINE.match(tail):
        return False  # `…toward hashtables:` / `class BetterMap:`: code set off under it
    if LIST_ITEM.match(head) and head[-1] in PARAGRAPH_END:
        return False  # a list item that ended: what follows is not its sentence
    if first.islower():
        return True
    if NO_SPACE.match(first) and NO_SPACE.match(head[-1]):
        return head[-1] not in SENTENCE_END
    return False


def page_tops(lines: list[str]) -> list[str]:
    """The short lines standing alone at the top of the pages: where running headers
    are (a line repeated inside the text, a glossary word or a program's output, or at
    the foot of pages, a letter's `Yours truly,`, is not)."""
    tops: list[str] = []
    for zone in page_zones(lines, frozenset()):
        if zone.gap:  # the first two lines of the next page
            tops.extend([line for line in lines[zone.gap_at : zone.end] if line.strip()][:2])
    return tops
