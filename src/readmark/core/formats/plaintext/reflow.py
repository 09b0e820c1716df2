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

import functools
import re
from dataclasses import dataclass

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
from readmark.core.repair.furniture import (
    HEADER_MAX,
    furniture_at_break,
    is_furniture,
    is_heading,
    is_page_number,
    is_short_line,
    looks_like_header,
    repeated_headers,
)
from readmark.core.repair.page_marks import (
    MARK_START,
    insert_token,
    page_label,
    strip_marks,
    visible_count,
)
from readmark.core.repair.rule import RepairCounts

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
    # Converted from print: pages end in runs of blank lines with page numbers and
    # running headers around them (`close_pages`); these are the headers' keys.
    paged: bool = False
    headers: frozenset[str] = frozenset()

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
    lines = unfeed([line.rstrip() for line in lines])
    nonblank = [line for line in lines if line.strip()]
    if not nonblank:
        return Layout(cjk=cjk)
    blank_share = 1 - len(nonblank) / len(lines)
    indented_share = sum(1 for line in nonblank if line[0] in INDENT_CHARS) / len(nonblank)
    headers = repeated_headers(_beside_breaks(lines))
    paged = _paged(lines, headers)
    return Layout(
        # A page of print is mostly full lines; its headers, numbers, code and
        # captions are the short ones, so a paged book's band may be looser.
        wrap_width=_wrap_width(lines, nonblank, band_share=0.35 if paged else 0.5),
        indented_paragraphs=_INDENT_MARK <= indented_share < _INDENT_MARGIN,
        blank_paragraphs=blank_share >= 0.15,
        cjk=cjk,
        paged=paged,
        headers=headers if paged else frozenset(),
    )


def _beside_breaks(lines: list[str]) -> list[str]:
    """The short lines standing alone at the top of the pages: where running headers
    are (a line repeated inside the text, a glossary word or a program's output, or at
    the foot of pages, a letter's `Yours truly,`, is not)."""
    tops: list[str] = []
    for zone in _page_zones(lines, frozenset()):
        if zone.gap:  # the first two lines of the next page
            tops.extend([line for line in lines[zone.gap_at : zone.end] if line.strip()][:2])
    return tops


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


PAGE_BREAKS = 3  # page breaks with furniture or a cut sentence that make a book "paged"


@dataclass(frozen=True)
class _Zone:
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


def _page_zones(lines: list[str], headers: frozenset[str], width: int = 0) -> list[_Zone]:
    """The runs of blank lines and of the short lines between them; at a page break,
    which of those lines are furniture (`furniture.furniture_at_break`). `width` is the
    book's print width when known."""
    wide = width * 3 // 4 if width else HEADER_MAX * 2 // 3
    zones: list[_Zone] = []
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
        zones.append(_Zone(i, j, gap, dropped, gap_at))
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
    if _NO_SPACE.match(line[0]) and line[-1] in "。！？”」":
        return False
    alone = j + 1 == len(lines) or not lines[j + 1].strip()
    return alone or is_page_number(line)


def _paged(lines: list[str], headers: frozenset[str]) -> bool:
    """Whether the sample shows printed pages: page breaks with a page number or a
    running header beside them, or sentences cut by them, several times."""
    breaks = 0
    for zone in _page_zones(lines, headers):
        if not zone.gap or zone.end >= len(lines) or zone.start == 0:
            continue
        if zone.dropped or (
            not zone.kept(lines) and _continues(lines[zone.start - 1], lines[zone.end])
        ):
            breaks += 1
    return breaks >= PAGE_BREAKS


# A line of a program (pdftotext drops its indentation): `class HashMap:`, `def get(self,
# k):`, `for x in t:`, `total += x`, `self.maps = []`.
_CODE_LINE = re.compile(
    r"(?:(?:class|def|for|while|if|elif|with|try|import|from|return)\b[^\n]*[:)]\s*$"
    r"|[\w.\[\]]+ ?(?:[-+*/]?=) ?\S)"
)
# An item of a numbered or bulleted list: `(1) …`, `1. …`, `a) …`, `• …`.
_LIST_ITEM = re.compile(r"^(?:\(\w{1,3}\)|\w{1,3}[.)]|[•·\-*–])\s")
# An entry of a list or glossary: a term (a few words) and a colon.
_LIST_ENTRY = re.compile(r"^[^\W\d][\w'’-]*(?: [\w'’-]+){0,3}:\s")

# Characters after which a sentence may end (a paragraph may end).
_SENTENCE_END = frozenset("。！？!?….:;；：”」』\"'’)）]")


def _continues(before: str, after: str) -> bool:
    """Whether the text after a page break goes on with the sentence before it."""
    head, tail = before.rstrip(), after.lstrip(INDENT_CHARS)
    if not head or not tail or after[0] in INDENT_CHARS and _NO_SPACE.match(tail[0]):
        return False
    first = tail[0]
    if head[-1] in ".:;" and _LIST_ENTRY.match(tail):
        return False  # `…every language:` / `input: Get data…`: a list starts
    if is_heading(head) or _PROMPT.match(head):
        return False  # a heading or a line of code ends where it ends
    if head[-1] == ":" and _CODE_LINE.match(tail):
        return False  # `…toward hashtables:` / `class BetterMap:`: code set off under it
    if _LIST_ITEM.match(head) and head[-1] in PARAGRAPH_END:
        return False  # a list item that ended: what follows is not its sentence
    if first.islower():
        return True
    if _NO_SPACE.match(first) and _NO_SPACE.match(head[-1]):
        return head[-1] not in _SENTENCE_END
    return False


def close_pages(
    body: str,
    layout: Layout,
    counts: RepairCounts | None = None,
    compounds: frozenset[str] | None = None,
) -> str:
    """A paged book's text without its page furniture, its page splits closed.

    At each page break (two blank lines or more) the page numbers, running headers
    and stray marks around it are dropped; the break itself becomes a paragraph
    break, or nothing when the sentence goes on across it (`_continues`).
    """
    words = frozenset(_WORD.findall(body.lower()))
    if compounds is None:
        compounds = _compounds(body)
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
    join = functools.partial(_join_across, words=words, compounds=compounds)
    for zone in _page_zones(lines, layout.headers, layout.wrap_width):
        out.extend(place_after_paragraph(lines[done : zone.start], figures, layout.is_short))
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
            if caption_in_sentence(out, run, following, figures, _continues, join):
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
        continues = zone.end < len(lines) and _continues(before, after)
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
            out[-1] = _join_across(out[-1], after, words, compounds)
            tail = after.strip(INDENT_CHARS + " ")
            page_start = (len(out) - 1, visible_count(out[-1]) - visible_count(tail))
            if starting:
                marks.append((*page_start, starting))
            if counts is not None:
                counts.page_splits += 1
            if (
                layout.wrap_width
                and layout.is_short(display_width(after.rstrip()))
                and zone.end + 1 < len(lines)
                and lines[zone.end + 1].strip()
            ):
                out.append("")  # the line joined was its paragraph's last
                out.extend(place_after_paragraph([""], figures, layout.is_short))
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
    out.extend(place_after_paragraph(lines[done:], figures, layout.is_short))
    out.extend(figures)
    if notes:
        out.extend(["", *notes])
    if layout.cjk:
        out = [close_letter_spacing(line) for line in out]
    _place_marks(out, marks)
    return "\n".join(out)


def _zone_labels(lines: list[str], zone: _Zone) -> tuple[str, str]:
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


_WORD = re.compile(r"[^\W\d_]+")


def _join_across(before: str, after: str, words: frozenset[str], compounds: frozenset[str]) -> str:
    """The two halves of a sentence cut by a page, as one line.

    A word the page cut in two is mended by the book's own vocabulary: `sensa` +
    `tion` is `sensation` when the book has that word and not both halves as words.
    """
    head, tail = before.rstrip(), after.strip(INDENT_CHARS + " ")
    if _ARTICLE.match(head.strip()):
        return head.strip() + "\u3000" + tail  # `第二十九条　被监护人…`, as printed
    if joins_without_space(head, tail):
        return head + tail
    if _hyphenated(head, tail):
        return reflow([head, tail], compounds)
    first = re.search(r"([^\W\d_]+)$", head[-80:])
    second = _WORD.match(tail)
    if first and second:
        w1, w2 = first.group(1).lower(), second.group(0).lower()
        if w1 + w2 in words and (w1 not in words or w2 not in words):
            return head + tail
    return head + " " + tail


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
            out[-1] = _join_across(out[-1], lines[i + 1], words, compounds)
            if (
                layout.wrap_width
                and layout.is_short(display_width(lines[i + 1].rstrip()))
                and i + 2 < len(lines)
                and lines[i + 2].strip()
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
    if _ARTICLE.match(head):
        return bool(_NO_SPACE.match(tail[0]))  # `第二十五条` over its first line
    if _NO_SPACE.match(head[-1]) and _NO_SPACE.match(tail[0]):
        # Chinese has no lower case: the clause goes on when the line stops without
        # ending a sentence and is text, not a title (it has clause punctuation, or
        # fills the line).
        return (
            head[-1] not in _SENTENCE_END
            and not _ARTICLE.match(tail)
            and (
                any(ch in _CLAUSE for ch in head)
                or not layout.is_short(display_width(head))
                or bool(_ARTICLE.match(previous.strip()))  # an article's first line
                or bool(_ARTICLE.match(head.split()[0]) if head.split() else False)
            )
        )
    return (
        not (layout.wrap_width and layout.is_short(display_width(head)))
        and head[-1] not in PARAGRAPH_END
        and tail[0].islower()
        and not _LIST_ENTRY.match(tail)
    )


# A law's article number on a line of its own (pdftotext sets it apart).
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+条$")
_ARTICLE_START = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+条(?![件款])")
_CLAUSE = frozenset("，、；：,;")


_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")


def _compounds(body: str) -> frozenset[str]:
    """The hyphenated words the book writes inside its lines: `clear-headed`."""
    return frozenset(m.group(0).lower() for m in _COMPOUND.finditer(body))


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
        compounds = _compounds(body)
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


_PROMPT = re.compile(r"^\s*(?:>>>|\.\.\.|\$) ?")


def _starts_paragraph(previous: str, line: str, layout: Layout) -> bool:
    if layout.paged and (_PROMPT.match(line) or _PROMPT.match(previous)):
        return True  # an interpreter's prompt: code, a line of its own
    if layout.paged and _ARTICLE_START.match(line.lstrip(INDENT_CHARS)):
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
    return layout.is_short(display_width(previous))


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


def reflow(lines: list[str], compounds: frozenset[str] | None = None) -> str:
    """Hard-wrapped lines joined into one paragraph.

    With `compounds` (the hyphenated words of a book converted from print), a word
    hyphenated at a line end is mended: `archi-` + `tecturally` is `architecturally`,
    but `clear-` + `headed` stays `clear-headed` where the book writes it so.
    """
    text = ""
    for raw in lines:
        line = raw.strip(INDENT_CHARS)
        if not text:
            text = line
        elif compounds is not None and _hyphenated(text, line):
            first = re.search(r"([^\W\d_]+)-$", text[-80:])  # the tail: paragraphs grow
            second = re.match(r"[^\W\d_]+", line)
            compound = f"{first.group(1)}-{second.group(0)}".lower() if first and second else ""
            text = text + line if compound in compounds else text[:-1] + line
        elif joins_without_space(text, line) or _url_goes_on(text, line):
            text += line
        else:
            text += " " + line
    return text


# A web address the print line cut after a slash, underscore or the like
# (`http://en.wikipedia.org/wiki/` / `Big_O_notation`): it goes on with no space.
_URL_CUT = re.compile(r"(?:https?://|www\.)[!-~]*[/_=&?#~-]$")
_URL_REST = re.compile(r"[\w%~]")
_URL_CUT_END = frozenset("/_=&?#~-")


def _url_goes_on(text: str, line: str) -> bool:
    # The last character first: this runs at every line a paragraph is joined from.
    return (
        text[-1:] in _URL_CUT_END
        and bool(_URL_REST.match(line))
        and bool(_URL_CUT.search(text[-200:]))
    )


def _hyphenated(text: str, line: str) -> bool:
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha() and line[:1].islower()
