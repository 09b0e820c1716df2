"""Loading a Markdown book: one linear scan, no conversion.

Opening a book must be fast however long it is, so nothing is converted here.
One scan finds headings (ATX and setext, skipping fenced code) and footnote
definitions by the block grammar of `grammar`; from that come the table of
contents, the split into sections, and each section's Markdown source, which
`MarkdownSectionRenderer` converts when a view asks for it.

The scan works in character offsets into the text: a regex finds the few lines
that can matter (those starting, after up to three spaces, with `#`, a fence,
`[^`, or made of `=` / `-`), and only those are looked at in Python; section
sources are slices of the text with the heading lines patched. A loop over every
line of a 10 MB book would cost more than everything else the loader does.

Python-Markdown, which renders the sections, reads some of these lines
differently from the grammar (an indented `   # Title`, an indented setext
underline, an indented fence or one closed by a longer run). The loader rewrites
each heading and fence it finds into the form Python-Markdown reads the same
way, so the book shows the headings its contents list.

Splitting: the smallest heading level that occurs at least twice is the chapter
level; every heading at that level or above starts a section. Text before the
first such heading is section 0 when it is not blank. A section whose source is
larger than `PART_CHARS` is cut at blank lines outside fenced code into parts
that share the chapter title.

Heading ids are Unicode slugs of the heading text, unique across the book, or the
heading's own `{#id}`; they are written into the section source as attr_list
`{#id}` so the rendered HTML carries exactly the ids the TOC points at.

Footnote definitions (`[^x]: …`) are collected from the whole book, removed
where they stand and appended to every section that references them: print
conversions often gather all notes at the end of the book.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from readmark.core.book import Book, LoadOptions, Section, TocEntry
from readmark.core.formats.markdown.grammar import (
    ATX_HEADING,
    BLOCK_QUOTE,
    FENCE,
    FOOTNOTE_DEFINITION,
    INDENTED_CODE,
    LIST_ITEM,
    SETEXT_UNDERLINE,
    THEMATIC_BREAK,
    AtxHeading,
    Fence,
    FenceClosers,
    atx_heading,
    fence_open,
    is_blank,
    python_markdown_fence,
    python_markdown_reads,
)
from readmark.core.formats.markdown.heading_ids import (
    ATTR_BLOCK,
    Heading,
    HeadingPatches,
    assign_anchors,
    heading_patches,
)
from readmark.core.formats.markdown.parts import Spans, cut_parts
from readmark.core.formats.markdown.render import MarkdownSectionRenderer
from readmark.core.formats.markdown.sources import Patch, SectionSources
from readmark.core.formats.toc import chapter_level, nest_toc
from readmark.core.metadata import (
    extract_metadata,
    is_label_heading,
    split_front_matter,
    strip_inline_markup,
)
from readmark.core.scripts import is_cjk_language
from readmark.core.textio import DecodedText, read_text

DEFAULT_OPTIONS = LoadOptions()

PART_CHARS = 64 * 1024
# With no blank line to cut at, a part may grow to this before it is cut at any
# line break outside fenced code (a paragraph then continues in the next part).
HARD_PART_CHARS = 2 * PART_CHARS

_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\n]*)\](?!:)")
# A line the scan has to look at: an ATX heading, a fence, a footnote
# definition or a setext underline. The exact tests are the grammar's; this
# only has to let every such line through and few others.
_CANDIDATE = r" {0,3}(?:#|```|~~~|\[\^|=+[ \t]*(?![^\n])|-+[ \t]*(?![^\n]))"
# The usual ATX heading, read at once: at the margin, one to six `#`s, spaces or
# tabs, then a title that starts and ends with no white space (`\s` is what
# `str.strip()` strips), holds no `{` (an attribute list) and does not end with a
# `#` (a closing run), then spaces or tabs. Its title is its inline markup's text
# (marker writes `# <span id="page-3-0"></span>Title` and `# **Title**`). Any
# other `#` line goes through `atx_heading` and `_heading`; tests/core/
# test_markdown_split_equivalence.py holds the two ways equal.
_PLAIN_ATX = r"(#{1,6})([ \t]+([^\s{#]|[^\s{][^{\n]*[^\s{#]))[ \t]*(?![^\n])"
# The lines the scan looks at: a usual ATX heading, read at once (groups 1-3: its
# `#`s, its content as `AtxHeading.content` has it, its title's text), or any other
# candidate line (group 4). The match stops before the newline ending the line,
# so the next line can match too.
_SCAN_ALTERNATIVES = rf"(?:{_PLAIN_ATX}|((?:{_CANDIDATE})[^\n]*))"
# Starting with the newline before the line lets the regex engine jump from
# newline to newline instead of trying every position, as `^` with re.M does.
# The lookahead turns away a line whose first character could start none of them
# (most lines: text) before the alternatives are tried: 20 % less time on a 10 MB book.
_SCAN_LINE = re.compile(rf"\n(?=[ #`~\[=\-]){_SCAN_ALTERNATIVES}")
_SCAN_FIRST_LINE = re.compile(_SCAN_ALTERNATIVES)  # the text's first line
# `str.strip()` and `\s` agree on what is white space.
_NOT_SPACE = re.compile(r"\S")


@dataclass
class ScanResult:
    """What the scan found, in offsets into the text.

    A span of lines runs from its first line's start to the next line's start;
    `len(text) + 1` stands for the start of the line after the last one, so a
    span always ends just after a newline or at that end mark.
    """

    headings: list[Heading]
    fences: Spans  # fenced code blocks, delimiter lines included
    footnotes: dict[str, tuple[int, int]]  # label -> span of its definition
    # (start, end, text): fences and setext underlines rewritten for Python-Markdown
    rewrites: list[tuple[int, int, str]] = field(default_factory=list)


def load_markdown(path: Path, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    decoded = read_text(path)
    return build_book(path, decoded, options)


def build_book(path: Path, decoded: DecodedText, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    text = decoded.text
    front = split_front_matter(text)
    metadata = extract_metadata(text, Path(path).stem, front)
    # The book proper starts after the metadata block; passing the offset
    # rather than slicing spares a copy of the whole text.
    with _no_cycle_collection():
        sources, sections, toc = split_markdown(text, front.end)
    return Book(
        path=Path(path),
        content_id=decoded.content_id,
        format="markdown",
        encoding=decoded.encoding,
        metadata=metadata,
        toc=toc,
        sections=sections,
        renderer=MarkdownSectionRenderer(
            sources, options, justify=is_cjk_language(metadata.language)
        ),
        options=options,
        repairs=_available_repairs(),
    )


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector paused: the split makes tens of thousands of objects
    (headings, patches, sections, contents entries), none of them garbage, and
    each collection they trigger walks every object the program holds. In the
    reader, opening a 10 MB converted book (7,777 headings) splits it ~20 ms
    faster (`bench/phases.py`: 168 ms → 150 ms). Reference counting still frees
    everything; a collection only waits until the split is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def split_markdown(
    body: str, start: int = 0
) -> tuple[Sequence[str], list[Section], list[TocEntry]]:
    """Section sources, sections and nested TOC of the Markdown text body[start:]."""
    scan = scan_lines(body, start)
    assign_anchors(scan.headings)
    starts = _section_starts(scan.headings)
    end_mark = len(body) + 1

    # Footnote definitions referenced anywhere move to the sections citing them.
    ref_offsets: list[int] = []  # every reference, where it stands, and its label
    ref_labels: list[str] = []
    if scan.footnotes:
        for found in _FOOTNOTE_REF.finditer(body, start):
            ref_offsets.append(found.start())
            ref_labels.append(found.group(1))
    referenced = set(ref_labels)
    definitions: dict[str, str] = {}
    dropped: list[tuple[int, int]] = []
    for label, (a, b) in scan.footnotes.items():
        if label in referenced:
            definitions[label] = body[a:b].strip("\n")
            dropped.append((a, b))
    dropped.sort()

    # Edits to the text when it is cut into sources: heading lines get their
    # `{#id}`, moved footnote definitions go. Sorted by offset; never overlapping,
    # as the scan does not look for headings inside a footnote definition.
    others = [(a, b, "") for a, b in dropped] + scan.rewrites
    heading_starts = [h.start for h in scan.headings]
    patches: Sequence[Patch]
    if others:
        # The headings' own patches are in text order already.
        patches = sorted(heading_patches(body, scan.headings) + others)
        patch_starts = [p[0] for p in patches]
    else:  # most books: only headings, each patched when its section is first cut
        patches = HeadingPatches(body, scan.headings)
        patch_starts = heading_starts

    # Chapter boundaries as (offset, title); front matter gets title "".
    bounds: list[tuple[int, str]] = []
    first = starts[0].start if starts else end_mark
    if _has_text(body, start, first, dropped):
        bounds.append((start, ""))
    bounds.extend((h.start, h.title) for h in starts)
    if not bounds:
        bounds.append((start, ""))

    dropped_spans = Spans(dropped)
    # Each part's start and title; parts follow each other, so each ends where the
    # next starts and the last at the end mark.
    section_starts: list[int] = []  # offset where each section starts, for the TOC
    section_titles: list[str] = []
    for n, (section_start, title) in enumerate(bounds):
        end = bounds[n + 1][0] if n + 1 < len(bounds) else end_mark
        if end - section_start <= PART_CHARS:  # most chapters: one part (`cut_parts`)
            section_starts.append(section_start)
            section_titles.append(title)
            continue
        parts = cut_parts(
            body, section_start, end, scan.fences, dropped_spans, PART_CHARS, HARD_PART_CHARS
        )
        for a, _ in parts:
            section_starts.append(a)
            section_titles.append(title)
    section_ends = section_starts[1:]
    section_ends.append(end_mark)
    # A part's patches: from the first at or after its start to the first at or
    # after the next part's start.
    first_patch = list(map(bisect.bisect_left, repeat(patch_starts), section_starts))
    first_patch.append(len(patches))  # where the last part's patches end
    spans = list(zip(section_starts, section_ends, first_patch, first_patch[1:], strict=False))
    # The length of the book's text each holds: what reading progress weighs.
    sizes = [b - a for a, b in zip(section_starts, section_ends, strict=True)]
    sizes[-1] -= 1  # the end mark is one past the text
    notes: list[tuple[str, ...]] = []  # the labels of the notes each part gets
    if definitions:  # the notes cited in each part, less those it gives away
        notes = [
            _cited(ref_offsets, ref_labels, a, b, dropped_spans, definitions)
            for a, b in zip(section_starts, section_ends, strict=True)
        ]
    sources = SectionSources(body, spans, patches, notes, definitions)

    # Each heading's section is the last to start at or before it (the first section
    # for one before them all): the headings of section i are a run, headings[k[i] :
    # k[i + 1]], found by bisection rather than a section looked up per heading.
    headings = scan.headings
    k = [0]
    k.extend(map(bisect.bisect_left, repeat(heading_starts), section_starts[1:]))
    k.append(len(headings))
    anchors = [h.anchor for h in headings]
    sections = [
        Section(i, section_titles[i], frozenset(anchors[k[i] : k[i + 1]]), sizes[i])
        for i in range(len(sizes))
    ]
    index_of: list[int] = []  # each heading's section
    for i in range(len(sizes)):
        index_of.extend(repeat(i, k[i + 1] - k[i]))
    entries = [
        TocEntry(h.title, h.level, i, h.anchor)
        for h, i in zip(headings, index_of, strict=True)
        if not h.label
    ]
    return sources, sections, nest_toc(entries)


def _has_text(body: str, start: int, end: int, dropped: list[tuple[int, int]]) -> bool:
    """Whether body[start:end], less the dropped spans, has anything but white space."""
    pos = start
    for a, b in dropped:
        if a >= end:
            break
        if _NOT_SPACE.search(body, pos, a):
            return True
        pos = max(pos, b)
    return pos < end and _NOT_SPACE.search(body, pos, end) is not None


def scan_lines(body: str, start: int = 0) -> ScanResult:
    """One scan of body[start:]: headings, fenced code and footnote definitions.

    Equivalent to walking every line in order, where a fence (up to its closer)
    or a footnote definition (up to its end) is skipped whole, an ATX line is a
    heading, and any other line is a setext heading when it starts a block (the
    line before is blank) and the next line is an underline. Only the candidate
    lines are visited; `pos` is where that walk would be, so a candidate inside
    something already consumed is passed over.
    """
    found = list(_SCAN_LINE.finditer(body, start))
    first_line = _SCAN_FIRST_LINE.match(body, start)
    if first_line:
        found.insert(0, first_line)
    # The fence lines' closers; a usual heading closes nothing. (`lastindex` is 4 for
    # any other line, 2 for a heading, whose group 2 closes last: half the time of
    # asking for group 1.)
    closers = FenceClosers([(m.start(4), m.group(4)) for m in found if m.lastindex == 4])

    headings: list[Heading] = []
    fences: list[tuple[int, int]] = []
    footnotes: dict[str, tuple[int, int]] = {}
    rewrites: list[tuple[int, int, str]] = []
    pos = start  # start of the first line not yet consumed
    for m in found:
        hashes, content, text, line = m.groups()
        if hashes is not None:  # most headings: what `atx_heading` and `_heading` would make
            s = m.start(1)
            if s < pos:
                continue
            end = m.end()
            title = strip_inline_markup(text)
            if title:  # all markup (`# <span id="p1"></span>`): no heading, as below
                label = ":" in title and is_label_heading(title)
                headings.append(
                    Heading(s, end, len(hashes), title, "", False, label, False, 0, content)
                )
            pos = end + 1
            continue
        s = m.start(4)
        if s < pos:
            continue
        indent = len(line) - len(line.lstrip(" "))  # at most 3 in a candidate
        first = line[indent : indent + 1]
        if first == "`" or first == "~":
            fence = fence_open(line)
            closer = closers.closer(fence, s) if fence else None
            if fence and closer is not None:
                pos = _next_line(body, closer)
                fences.append((s, pos))
                rewrite = _fence_rewrite(body, s, closer, fence)
                if rewrite:
                    rewrites.append(rewrite)
            # An unclosed fence is plain text (and may head a setext heading).
        elif first == "#":
            end = s + len(line)
            atx = atx_heading(line)
            if atx:
                # The parsed line is kept: `with_anchor` need not parse it again.
                heading = _heading(s, end, atx.level, atx.content, atx)
                if heading.title or heading.explicit:
                    headings.append(heading)
                pos = end + 1  # the next line (or the end mark after the last)
        elif first == "=" or first == "-":
            # `line` underlines the line before it, if that line is not
            # consumed (when `pos` is before `s`, it is at most that line).
            underline = SETEXT_UNDERLINE.match(line)
            if s > pos and underline:
                text_start = _line_start(body, s - 1, start)
                if _is_setext_text(body, text_start, s - 1, start):
                    text = body[text_start : s - 1]
                    heading = _heading(text_start, s - 1, 1 if first == "=" else 2, text)
                    heading.setext = True
                    if heading.title or heading.explicit:
                        headings.append(heading)
                    pos = _next_line(body, s)
                    if indent:  # Python-Markdown wants the underline at the margin
                        rewrites.append((s, s + len(line), underline.group("run")))
                    # The blank line before it made empty: Python-Markdown takes
                    # neither ideographic spaces for blank nor, at the start of a
                    # section, spaces.
                    before = _line_start(body, text_start - 1, start)
                    if text_start > start and text_start - 1 > before:
                        rewrites.append((before, text_start - 1, ""))
        else:
            note = FOOTNOTE_DEFINITION.match(line)
            if note:
                pos = _footnote_end(body, s)
                footnotes.setdefault(note.group("label"), (s, pos))
    # A heading with no title and no id of its own was not kept: it names nothing.
    return ScanResult(headings, Spans(fences), footnotes, rewrites)


def _fence_rewrite(body: str, start: int, closer: int, fence: Fence) -> tuple[int, int, str] | None:
    """The fenced block from the line at `start` to the one at `closer` rewritten
    for Python-Markdown, when it would not read it as the grammar does."""
    end = _line_end(body, closer)
    if python_markdown_reads(fence, body[start : _line_end(body, start)], body[closer:end]):
        return None  # the usual case: left as written
    lines = body[start:end].split("\n")
    return start, end, "\n".join(python_markdown_fence(lines, fence))


def _line_start(body: str, offset: int, floor: int) -> int:
    """Start of the line holding `offset` (a newline belongs to the line it ends),
    taking `floor` for the start of the text."""
    return max(body.rfind("\n", floor, offset) + 1, floor)


def _line_end(body: str, start: int) -> int:
    """Offset of the newline ending the line at `start` (or of the end of the text)."""
    end = body.find("\n", start)
    return len(body) if end < 0 else end


def _next_line(body: str, start: int) -> int:
    """Start of the line after the one at `start`; len(body) + 1 after the last."""
    return body.find("\n", start) + 1 or len(body) + 1


def _is_blank(line: str) -> bool:
    return _NOT_SPACE.search(line) is None


def _is_setext_text(body: str, start: int, end: int, text_start: int) -> bool:
    """Whether the line body[start:end] can be the text of a setext heading."""
    line = body[start:end]
    if _is_blank(line) or INDENTED_CODE.match(line) or THEMATIC_BREAK.match(line):
        return False
    if LIST_ITEM.match(line) or BLOCK_QUOTE.match(line):
        return False
    # It must start a block: be the first line, or follow a blank line. A line of
    # any white space will do (print conversions leave ideographic spaces); the
    # scan rewrites it as empty, which Python-Markdown needs to show the heading.
    if start == text_start:
        return True
    before = _line_start(body, start - 1, text_start)
    return _NOT_SPACE.search(body, before, start - 1) is None


def _footnote_end(body: str, start: int) -> int:
    """Start of the first line after the footnote definition on the line at `start`."""
    end_mark = len(body) + 1
    pos = _next_line(body, start)
    # Lazy continuation: the rest of the paragraph (a line of ideographic spaces
    # is text to Python-Markdown, not the blank line that ends it).
    while pos < end_mark:
        line = body[pos : _line_end(body, pos)]
        if is_blank(line):
            break
        if FOOTNOTE_DEFINITION.match(line) or ATX_HEADING.match(line) or FENCE.match(line):
            return pos
        pos = _next_line(body, pos)
    # Indented blocks after blank lines belong to it too.
    end = pos
    while pos < end_mark:
        line = body[pos : _line_end(body, pos)]
        if is_blank(line):
            pos = _next_line(body, pos)
            continue
        if INDENTED_CODE.match(line):
            pos = _next_line(body, pos)
            end = pos
            continue
        break
    return end


def _heading(start: int, end: int, level: int, raw: str, atx: AtxHeading | None = None) -> Heading:
    """`atx`: the ATX heading parsed from the line; None for a setext heading."""
    content = raw
    raw = raw.strip()
    explicit = ""
    attrs = ATTR_BLOCK.search(raw) if "{" in raw else None  # most have none
    if attrs:
        found = _ATTR_ID.search(attrs.group(1))
        if found:
            explicit = found.group(1)
        raw = raw[: attrs.start()]
    title = strip_inline_markup(raw)
    return Heading(
        start,
        end,
        level,
        title,
        explicit,
        bool(explicit),
        is_label_heading(title),
        False,
        atx.indent if atx else 0,
        content if atx else "",
    )


def _section_starts(headings: list[Heading]) -> list[Heading]:
    level = chapter_level(h.level for h in headings if not h.label)
    return [h for h in headings if level is not None and h.level <= level and not h.label]


def _cited(
    offsets: list[int],
    labels: list[str],
    start: int,
    end: int,
    dropped: Spans,
    definitions: dict[str, str],
) -> tuple[str, ...]:
    """The labels of the notes cited in body[start:end] (outside the definitions
    moved away), each once, in the order first cited. A reference never spans a
    line, and the patches only rewrite whole lines keeping their text, so these are
    the references the part's source holds."""
    cited: dict[str, None] = {}
    for k in range(bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)):
        label = labels[k]
        if label in definitions and label not in cited and offsets[k] not in dropped:
            cited[label] = None
    return tuple(cited)


def _available_repairs() -> tuple[str, ...]:
    from readmark.core.repair import RULES

    return tuple(rule.name for rule in RULES)
