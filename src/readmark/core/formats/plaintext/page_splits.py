"""A paged book's text with its page furniture dropped and its page splits closed
(`close_pages`): the sentence a page cut joined again, the footnote and the captions
that stood between its halves moved after it, each printed page number kept as an
invisible mark (core/repair/page_marks) where its page starts.

The breaks themselves are found in page_zones.py (the layout's measure needs them before
anything is closed); this module decides what each becomes, once the layout is known, and
closes a single blank line that cuts a sentence too.
"""

from __future__ import annotations

import functools
import re

from readmark.core.formats.plaintext.joining import WORD, book_compounds, join_across
from readmark.core.formats.plaintext.layout import (
    ARTICLE,
    CLAUSE,
    INDENT_CHARS,
    LIST_ENTRY,
    NO_SPACE,
    PARAGRAPH_END,
    SENTENCE_END,
    Layout,
    display_width,
    ends_with_room,
    unfeed,
)
from readmark.core.formats.plaintext.page_captions import (
    as_paragraphs,
    caption_in_sentence,
    only_captions,
    place_after_paragraph,
)
from readmark.core.formats.plaintext.page_notes import (
    link_foot_note,
    link_note,
    set_off_foot_note,
    trailing_note,
)
from readmark.core.formats.plaintext.page_zones import Zone, page_zones, sentence_goes_on
from readmark.core.repair.furniture import (
    is_furniture,
    is_heading,
    is_page_number,
    looks_like_header,
)
from readmark.core.repair.page_marks import insert_token, page_label, visible_count
from readmark.core.repair.rule import RepairCounts


def close_pages(
    body: str,
    layout: Layout,
    counts: RepairCounts | None = None,
    compounds: frozenset[str] | None = None,
) -> str:
    """A paged book's text without its page furniture, its page splits closed.

    At each page break (two blank lines or more) the page numbers, running headers
    and stray marks around it are dropped; the break itself becomes a paragraph
    break, or nothing when the sentence goes on across it (`sentence_goes_on`).
    """
    words = frozenset(WORD.findall(body.lower()))
    if compounds is None:
        compounds = book_compounds(body)
    lines = _close_blank_splits(unfeed(body.split("\n")), layout, words, compounds)
    last = next((line for line in reversed(lines) if line.strip()), "")
    if is_page_number(last):
        lines.extend(["", ""])  # the last page's number: its page ends there too
    out: list[str] = []
    notes: list[str] = []  # a note body taken out of a split sentence, put after it
    figures: list[str] = []  # captions taken out of a split sentence: after its paragraph
    # Printed pages kept (core/repair/page_marks): where the page being read began in
    # `out` (a line, and the non-space characters before it there), and the marks.
    page_start = (0, 0)
    marks: list[tuple[int, int, str]] = []
    done = 0
    join = functools.partial(join_across, words=words, compounds=compounds)
    for zone in page_zones(lines, layout.headers, layout.wrap_width):
        out.extend(place_after_paragraph(lines[done : zone.start], figures, layout))
        done = zone.end
        if counts is not None:
            numbers = sum(is_page_number(lines[k]) for k in zone.dropped)
            counts.page_numbers += numbers
            counts.running_headers += len(zone.dropped) - numbers
        ending, starting = _zone_labels(lines, zone)
        if ending:  # a number at the foot of the page: the page that began at page_start
            marks.append((*page_start, ending))
        if not zone.gap:
            run, following = lines[zone.start : zone.end], lines[zone.end : zone.end + 2]
            if caption_in_sentence(out, run, following, figures, sentence_goes_on, join):
                done = zone.end + 1  # the caption moved after the sentence, its halves joined
                continue
            out.extend(figures)
            figures.clear()
            if notes:
                out.extend(["", *notes])
                notes = []
            out.extend(lines[zone.start : zone.end])
            continue
        captions = zone.kept_before(lines)  # a caption at the page foot, before the break
        if not only_captions(captions):
            captions = []
            for line in zone.kept_before(lines):  # one-line paragraphs ending the page
                out.extend(["", line])
        kept = zone.kept_after(lines)
        set_off_foot_note(out)
        note = trailing_note(out)
        text = out[: len(out) - len(note)] if note else out
        before = next((line for line in reversed(text) if line.strip()), "")
        after = lines[zone.end] if zone.end < len(lines) else ""
        continues = zone.end < len(lines) and sentence_goes_on(before, after)
        if continues and all(looks_like_header(line) and not is_heading(line) for line in kept):
            kept = []  # capitals at a page top, the sentence going on under them: a header
        if continues and only_captions(kept):
            captions, kept = captions + kept, []  # a figure's caption at the page top
        elif captions and not kept and not continues:
            captions = []
            for line in zone.kept_before(lines):  # it ended the page's last paragraph
                out.extend(["", line])
        if not kept and continues:
            if captions:  # they stood between the halves: after the sentence now
                figures.extend(as_paragraphs(captions))
                if counts is not None:
                    counts.captions += 1
            if note:  # the page's footnote stood between the halves of the sentence
                del out[len(text) :]
                linked = link_note([line for line in note if line.strip()], out)
                if counts is not None and linked[0].startswith("\ue002"):
                    counts.footnotes += 1
                notes.extend(linked)
            while out and not out[-1].strip():
                out.pop()
            out[-1] = join_across(out[-1], after, words, compounds)
            tail = after.strip(INDENT_CHARS + " ")
            page_start = (len(out) - 1, visible_count(out[-1]) - visible_count(tail))
            if starting:
                marks.append((*page_start, starting))
            if counts is not None:
                counts.page_splits += 1
            if (
                layout.wrap_width
                and zone.end + 1 < len(lines)
                and lines[zone.end + 1].strip()
                and (
                    layout.is_short(display_width(after.rstrip()))
                    or ends_with_room(after, lines[zone.end + 1], layout)
                )
            ):
                out.append("")  # the line joined was its paragraph's last
                out.extend(place_after_paragraph([""], figures, layout))
            done = zone.end + 1
            continue
        if note and link_foot_note(out, note) and counts is not None:
            counts.footnotes += 1  # a note at the foot of a page that ended its paragraph
        out.extend(figures)
        figures.clear()
        if notes:
            out.extend(["", *notes])
            notes = []
        page_start = (len(out), 0)  # the next line of text
        if starting:
            marks.append((*page_start, starting))
        for line in kept:  # headings at the top of the page
            out.extend(["", line])
        out.append("")
    out.extend(place_after_paragraph(lines[done:], figures, layout))
    out.extend(figures)
    if notes:
        out.extend(["", *notes])
    if layout.cjk:
        out = [close_letter_spacing(line) for line in out]
    _place_marks(out, marks)
    return "\n".join(out)


def _zone_labels(lines: list[str], zone: Zone) -> tuple[str, str]:
    """The printed page numbers among a page break's furniture: the one at the foot of
    the page that ends, the one at the top of the page that starts ("" when none).
    A page-number line says it best; else a running header with its number."""
    found = {True: "", False: ""}  # top of the next page?
    for numbered_only in (True, False):
        for k in sorted(zone.dropped):
            top = k > zone.gap_at
            if not found[top] and (is_page_number(lines[k]) or not numbered_only):
                found[top] = page_label(lines[k])
    return found[False], found[True]


def _place_marks(out: list[str], marks: list[tuple[int, int, str]]) -> None:
    """Each page mark put in the text where its page starts: at the first line of text
    at or after its line, before as many non-space characters as it says."""
    placed: list[tuple[int, int, str]] = []
    for line, before, label in marks:
        while line < len(out) and not out[line].strip():
            line, before = line + 1, 0
        if line < len(out):
            placed.append((line, before, label))
    # From the end of each line back, so the places still to fill keep their counts.
    for line, before, label in sorted(placed, key=lambda m: (m[0], -m[1])):
        out[line] = insert_token(out[line], before, label)


_SPACED = re.compile(r"(?<=[\u3400-\u9fff、，,]) (?=[\u3400-\u9fff])")
_SPACES_IN_CJK = re.compile(
    r"(?<=[\u3400-\u9fff、，,。；：:]) +(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff]) +(?=[、，,。；：:])"
)


def close_letter_spacing(line: str) -> str:
    """A justified line of Chinese set with a space between its characters (`有 关 组
    织 包 括`), as a converter copies it, closed up; a line with one or two spaces
    (between a word in Latin letters and Chinese) is left alone."""
    if len(_SPACED.findall(line)) < 3:
        return line
    return _SPACES_IN_CJK.sub("", line)


def _close_blank_splits(
    lines: list[str], layout: Layout, words: frozenset[str], compounds: frozenset[str]
) -> list[str]:
    """The lines with each single blank line that cuts a sentence closed: a line that
    stops mid-sentence (in a hard-wrapped book, a full one), one blank line, and a
    line going on in lower case are one paragraph. Converters leave such blanks
    (pdftotext's hanging indents, OCR paragraphs split in two); a page's furniture
    is never joined to the text."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            not line.strip()
            and out
            and i + 1 < len(lines)
            and out[-1].strip()
            and lines[i + 1].strip()
            and _splits_sentence(out[-1], lines[i + 1], layout, out[-2] if len(out) > 1 else "")
        ):
            out[-1] = join_across(out[-1], lines[i + 1], words, compounds)
            if (
                layout.wrap_width
                and i + 2 < len(lines)
                and lines[i + 2].strip()
                and (
                    layout.is_short(display_width(lines[i + 1].rstrip()))
                    or ends_with_room(lines[i + 1], lines[i + 2], layout)
                )
            ):
                out.append("")  # the line joined was its paragraph's last
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _splits_sentence(before: str, after: str, layout: Layout, previous: str = "") -> bool:
    head, tail = before.rstrip(), after.lstrip(INDENT_CHARS)
    if is_furniture(head, layout.headers) or looks_like_header(head):
        return False
    if ARTICLE.match(head):
        return bool(NO_SPACE.match(tail[0]))  # `第二十五条` over its first line
    if NO_SPACE.match(head[-1]) and NO_SPACE.match(tail[0]):
        # Chinese has no lower case: the clause goes on when the line stops without
        # ending a sentence and is text, not a title (it has clause punctuation, or
        # fills the line).
        return (
            head[-1] not in SENTENCE_END
            and not ARTICLE.match(tail)
            and (
                any(ch in CLAUSE for ch in head)
                or not layout.is_short(display_width(head))
                or bool(ARTICLE.match(previous.strip()))  # an article's first line
                or bool(ARTICLE.match(head.split()[0]) if head.split() else False)
            )
        )
    return (
        not (layout.wrap_width and layout.is_short(display_width(head)))
        and head[-1] not in PARAGRAPH_END
        and tail[0].islower()
        and not LIST_ENTRY.match(tail)
    )
