"""Loading a plain-text book: decode, find chapters with one scan, convert nothing.

Opening must be fast however long the book: the text is decoded once, one
regex pass finds the chapter headings (`chapters`), a sample tells the
paragraph layout (`reflow.detect_layout`), and the sections are offset ranges
into the text. Paragraphs are re-flowed and HTML made per section, when a view
asks (`render.PlainTextSectionRenderer`).

Sections: the text before the first heading (a title page, a preface) when it
is not blank, with a contents entry named by its own first heading-like line
(`front_matter.front_matter_title`), then one section per heading. A section longer than `PART_CHARS`
is cut into parts that share its title, at a blank line, else at the start of
an indented line, else after a line ending a sentence, else at any line end.
A book without headings, or opened with `LoadOptions.detect_chapters` off, is
all parts. Project Gutenberg's header is left out; its licence, after the
book's end marker, is a last section of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from readmark.core.book import Book, LoadOptions, Metadata, Section, TocEntry
from readmark.core.formats.plaintext.chapters import Heading, find_headings
from readmark.core.formats.plaintext.encoding import read_plain_text
from readmark.core.formats.plaintext.front_matter import (
    FRONT_MATTER_TITLE,
    LICENCE_TITLE,
    front_matter_title,
    read_front_matter,
    title_page,
)
from readmark.core.formats.plaintext.reflow import detect_layout
from readmark.core.formats.plaintext.render import PlainTextSectionRenderer, SectionSpan
from readmark.core.formats.slug import slug
from readmark.core.formats.toc import nest_toc
from readmark.core.i18n import localize
from readmark.core.metadata import LANGUAGE_SAMPLE_CHARS, detect_language
from readmark.core.scripts import is_chinese_or_japanese_language
from readmark.core.textio import DecodedText

DEFAULT_OPTIONS = LoadOptions()
FORMAT = "text"

PART_CHARS = 64 * 1024
# With no line end to cut at, a part may grow to this before it is cut anyway.
HARD_PART_CHARS = 2 * PART_CHARS

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_INDENTED_LINE = re.compile(r"\n(?=[ \t\u3000])")
_SENTENCE_LINE_END = re.compile(r"[。！？.!?”」』…]\n")
_NOT_SPACE = re.compile(r"\S")


def load_plain_text(path: Path, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    return build_plain_book(path, read_plain_text(path, options), options)


def build_plain_book(
    path: Path, decoded: DecodedText, options: LoadOptions = DEFAULT_OPTIONS
) -> Book:
    path = Path(path)
    text = decoded.text
    front = read_front_matter(text)
    start, end = front.body_start, front.body_end
    language = front.language or detect_language(text[start : start + LANGUAGE_SAMPLE_CHARS])
    # Full lines are exact and line breaks join without a space only in the
    # languages written without spaces between words; Korean wraps like English.
    cjk = is_chinese_or_japanese_language(language)
    layout = detect_layout(text, start, end, cjk=cjk)
    headings = find_headings(text, layout, start, end) if options.detect_chapters else []
    _assign_anchors(headings)

    title, authors = front.title, front.authors
    if not title:
        first_heading = headings[0].start if headings else end
        title, page_authors = title_page(text, start, first_heading)
        authors = authors or page_authors
    metadata = Metadata(title=title or path.stem, authors=authors, language=language)

    spans = split_sections(text, headings, start, end)
    if front.licence_start >= 0 and _NOT_SPACE.search(text, front.licence_start):
        spans.append(SectionSpan(front.licence_start, len(text)))
    titles = _section_titles(spans, front.licence_start)
    sections = [
        Section(
            index=i,
            title=titles[i],
            anchors=frozenset({span.heading.anchor} if span.heading else ()),
            size=span.end - span.start,
        )
        for i, span in enumerate(spans)
    ]
    toc = nest_toc(
        TocEntry(span.heading.title, span.heading.level, index, span.heading.anchor)
        for index, span in enumerate(spans)
        if span.heading is not None
    )
    if headings and spans[0].heading is None:
        # The text before the first chapter: reachable from the contents too.
        name = front_matter_title(text, start, headings[0].start)
        name = name or localize("PlainText", FRONT_MATTER_TITLE)
        toc.insert(0, TocEntry(name, level=1, section=0, anchor=""))
    if front.licence_start >= 0 and spans and spans[-1].start == front.licence_start:
        toc.append(TocEntry(LICENCE_TITLE, level=1, section=len(spans) - 1, anchor=""))
    return Book(
        path=path,
        content_id=decoded.content_id,
        format=FORMAT,
        encoding=decoded.encoding,
        metadata=metadata,
        toc=toc,
        sections=sections,
        renderer=PlainTextSectionRenderer(text, spans, layout, justify=cjk),
        options=options,
        chapter_rules=dict(Counter(h.rule for h in headings)),
    )


def split_sections(text: str, headings: list[Heading], start: int, end: int) -> list[SectionSpan]:
    """Sections of text[start:end]: front matter, one per heading, long ones in parts."""
    bounds: list[tuple[int, Heading | None]] = []
    first = headings[0].start if headings else end
    if _NOT_SPACE.search(text, start, first) or not headings:
        bounds.append((start, None))
    bounds.extend((h.start, h) for h in headings)
    spans: list[SectionSpan] = []
    for n, (a, heading) in enumerate(bounds):
        b = bounds[n + 1][0] if n + 1 < len(bounds) else end
        for k, (part_start, part_end) in enumerate(_parts(text, a, b)):
            spans.append(SectionSpan(part_start, part_end, heading if k == 0 else None))
    return spans or [SectionSpan(start, end)]


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    pos = start
    while end - pos > PART_CHARS:
        cut = _cut_point(text, pos + PART_CHARS, min(end, pos + HARD_PART_CHARS))
        if not _NOT_SPACE.search(text, cut, end):
            break  # only blank lines would be left for the next part
        parts.append((pos, cut))
        pos = cut
    parts.append((pos, end))
    return parts


def _cut_point(text: str, target: int, limit: int) -> int:
    """Where to end a part: the first good line break in text[target:limit]."""
    for pattern, offset in ((_BLANK_LINE, 1), (_INDENTED_LINE, 1)):
        m = pattern.search(text, target, limit)
        if m:
            return m.start() + offset
    m = _SENTENCE_LINE_END.search(text, target, limit)
    if m:
        return m.end()
    newline = text.find("\n", target, limit)
    return newline + 1 if newline >= 0 else limit


def _section_titles(spans: list[SectionSpan], licence_start: int) -> list[str]:
    titles: list[str] = []
    current = ""
    for span in spans:
        if span.heading is not None:
            current = span.heading.title
        if span.start == licence_start:
            current = LICENCE_TITLE
        titles.append(current)
    return titles


def _assign_anchors(headings: list[Heading]) -> None:
    used: set[str] = set()
    for h in headings:
        base = slug(h.label) or "chapter"
        anchor, counter = base, 0
        while anchor in used:
            counter += 1
            anchor = f"{base}-{counter}"
        used.add(anchor)
        h.anchor = anchor
