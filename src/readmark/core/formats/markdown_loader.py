"""Loading a Markdown book: one linear scan, no conversion.

Opening a book must be fast however long it is, so nothing is converted here.
One pass over the lines finds headings (ATX and setext, the way Python-Markdown
reads them, skipping fenced code) and footnote definitions; from that come the
table of contents, the split into sections, and each section's Markdown source,
which `MarkdownSectionRenderer` converts when a view asks for it.

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
import re
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify_unicode

from readmark.core.book import Book, LoadOptions, Section, TocEntry
from readmark.core.formats.markdown_render import MarkdownSectionRenderer
from readmark.core.metadata import (
    extract_metadata,
    is_label_heading,
    split_front_matter,
    strip_inline_markup,
)
from readmark.core.textio import DecodedText, read_text

DEFAULT_OPTIONS = LoadOptions()

PART_CHARS = 64 * 1024
# With no blank line to cut at, a part may grow to this before it is cut at any
# line break outside fenced code (a paragraph then continues in the next part).
HARD_PART_CHARS = 2 * PART_CHARS

_ATX = re.compile(r"^(#{1,6})(.*?)#*[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)[ ]*$")
_FENCE_OPEN = re.compile(r"^(`{3,}|~{3,})")
_ATTR_BLOCK = re.compile(r"[ \t]*\{:?[ \t]*([^}\n]*)\}[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]]*)\]:")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\n]*)\](?!:)")
_EDGE_UNDERSCORES = re.compile(r"(?:^|(?<=-))_+|_+(?=-|$)")
_LIST_OR_QUOTE = re.compile(r"^ {0,3}(?:[*+-]|\d+\.)[ \t]|^ {0,3}>")


@dataclass
class Heading:
    line: int  # index of the heading's (first) line
    level: int
    title: str  # plain text
    anchor: str = ""
    explicit: bool = False
    label: bool = False  # `# Author: …` on a title page: metadata, not a chapter
    setext: bool = False


@dataclass
class ScanResult:
    lines: list[str]
    headings: list[Heading]
    in_fence: bytearray  # 1 for lines inside (or delimiting) fenced code
    footnotes: dict[str, tuple[int, int]]  # label -> [start, end) line range


def load_markdown(path: Path, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    decoded = read_text(path)
    return build_book(path, decoded, options)


def build_book(path: Path, decoded: DecodedText, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    text = decoded.text
    metadata = extract_metadata(text, Path(path).stem)
    body = text[split_front_matter(text).end :]
    sources, sections, toc = split_markdown(body)
    return Book(
        path=Path(path),
        content_id=decoded.content_id,
        format="markdown",
        encoding=decoded.encoding,
        metadata=metadata,
        toc=toc,
        sections=sections,
        renderer=MarkdownSectionRenderer(
            tuple(sources), options, justify=metadata.language.startswith(("zh", "ja", "ko"))
        ),
        options=options,
        repairs=_available_repairs(),
    )


def split_markdown(body: str) -> tuple[list[str], list[Section], list[TocEntry]]:
    """Section sources, sections and nested TOC of a Markdown text."""
    scan = scan_lines(body)
    _assign_anchors(scan.headings)
    starts = _section_starts(scan.headings)
    lines = scan.lines

    # Footnote definitions referenced anywhere move to the sections citing them.
    referenced = set(_FOOTNOTE_REF.findall(body)) if scan.footnotes else set()
    definitions: dict[str, str] = {}
    dropped = bytearray(len(lines))
    for label, (a, b) in scan.footnotes.items():
        if label in referenced:
            definitions[label] = "\n".join(lines[a:b]).strip("\n")
            dropped[a:b] = b"\x01" * (b - a)

    edited: dict[int, str] = {h.line: _with_anchor(lines[h.line], h) for h in scan.headings}

    # Chapter boundaries as (first line, title); front matter gets title "".
    bounds: list[tuple[int, str]] = []
    first = starts[0].line if starts else len(lines)
    if any(lines[i].strip() for i in range(first) if not dropped[i]):
        bounds.append((0, ""))
    bounds.extend((h.line, h.title) for h in starts)
    if not bounds:
        bounds.append((0, ""))

    sources: list[str] = []
    section_titles: list[str] = []
    section_of_line: list[int] = []  # first line of each section, for the TOC
    for n, (start, title) in enumerate(bounds):
        end = bounds[n + 1][0] if n + 1 < len(bounds) else len(lines)
        for a, b in _parts(lines, scan.in_fence, dropped, start, end):
            chunk = [edited.get(i, lines[i]) for i in range(a, b) if not dropped[i]]
            source = "\n".join(chunk).strip("\n")
            if definitions:
                notes = _notes_for(source, definitions)
                if notes:
                    source = source + "\n\n" + notes
            sources.append(source + "\n")
            section_titles.append(title)
            section_of_line.append(a)

    anchors_by_section: list[set[str]] = [set() for _ in sources]
    heading_sections: list[int] = []
    for h in scan.headings:
        index = bisect.bisect_right(section_of_line, h.line) - 1
        index = max(index, 0)
        heading_sections.append(index)
        anchors_by_section[index].add(h.anchor)

    sections = [
        Section(
            index=i,
            title=section_titles[i],
            anchors=frozenset(anchors_by_section[i]),
            size=len(sources[i]),
        )
        for i in range(len(sources))
    ]
    toc = _nested_toc(
        [(h, s) for h, s in zip(scan.headings, heading_sections, strict=True) if not h.label]
    )
    return sources, sections, toc


def scan_lines(body: str) -> ScanResult:
    """One pass: headings, fenced code and footnote definitions, by line."""
    lines = body.split("\n")
    n = len(lines)
    in_fence = bytearray(n)
    headings: list[Heading] = []
    footnotes: dict[str, tuple[int, int]] = {}
    closers: dict[str, list[int]] | None = None

    i = 0
    prev_blank = True  # the line before `i - 1` was blank (or there was none)
    while i < n:
        line = lines[i]
        first = line[:1]
        if first == "`" or first == "~":
            m = _FENCE_OPEN.match(line)
            if m:
                if closers is None:
                    closers = _fence_closers(lines)
                fence = m.group(1)
                candidates = closers.get(fence, [])
                k = bisect.bisect_right(candidates, i)
                if k < len(candidates):
                    close = candidates[k]
                    in_fence[i : close + 1] = b"\x01" * (close + 1 - i)
                    i = close + 1
                    prev_blank = False
                    continue
        elif first == "#":
            m = _ATX.match(line)
            if m:
                title = m.group(2)
                headings.append(_heading(i, len(m.group(1)), title))
                prev_blank = False
                i += 1
                continue
        elif first == "[" or (first == " " and line.lstrip(" ")[:2] == "[^"):
            m = _FOOTNOTE_DEF.match(line)
            if m:
                end = _footnote_end(lines, i)
                footnotes.setdefault(m.group(1), (i, end))
                i = end
                prev_blank = bool(i and not lines[i - 1].strip())
                continue
        # A setext heading: a text line that starts a block, underlined by = or -.
        if (
            i + 1 < n
            and prev_blank
            and line.strip()
            and lines[i + 1][:1] in ("=", "-")
            and not line.startswith(("    ", "\t"))
            and _SETEXT_UNDERLINE.match(lines[i + 1])
            and not _LIST_OR_QUOTE.match(line)
        ):
            level = 1 if lines[i + 1][0] == "=" else 2
            heading = _heading(i, level, line.strip())
            heading.setext = True
            headings.append(heading)
            i += 2
            prev_blank = False
            continue
        prev_blank = not line.strip()
        i += 1
    headings = [h for h in headings if h.title or h.explicit]
    return ScanResult(lines, headings, in_fence, footnotes)


def _fence_closers(lines: list[str]) -> dict[str, list[int]]:
    """Line numbers of bare fence lines (```, ~~~~ …), the only ones that close."""
    closers: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line[:3] in ("```", "~~~"):
            bare = line.rstrip(" ")
            if bare and bare == bare[0] * len(bare):
                closers.setdefault(bare, []).append(i)
    return closers


def _footnote_end(lines: list[str], start: int) -> int:
    """End (exclusive) of the footnote definition starting at `start`."""
    n = len(lines)
    i = start + 1
    # Lazy continuation: the rest of the paragraph.
    while i < n and lines[i].strip():
        if _FOOTNOTE_DEF.match(lines[i]) or lines[i].startswith(("#", "```", "~~~")):
            return i
        i += 1
    # Indented blocks after blank lines belong to it too.
    end = i
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        if lines[i].startswith(("    ", "\t")):
            i += 1
            end = i
            continue
        break
    return end


def _heading(line_no: int, level: int, raw: str) -> Heading:
    raw = raw.strip()
    explicit = ""
    attrs = _ATTR_BLOCK.search(raw)
    if attrs:
        found = _ATTR_ID.search(attrs.group(1))
        if found:
            explicit = found.group(1)
        raw = raw[: attrs.start()]
    title = strip_inline_markup(raw)
    return Heading(
        line=line_no,
        level=level,
        title=title,
        anchor=explicit,
        explicit=bool(explicit),
        label=is_label_heading(title),
    )


def _assign_anchors(headings: list[Heading]) -> None:
    used = {h.anchor for h in headings if h.explicit}
    for h in headings:
        if h.explicit:
            continue
        # Underscores at the edges of the slug could close an emphasis opened
        # by a stray `_` in the heading text and swallow the injected `{#id}`.
        base = _EDGE_UNDERSCORES.sub("", slugify_unicode(h.title, "-")) or "section"
        anchor = base
        counter = 0
        while anchor in used:
            counter += 1
            anchor = f"{base}-{counter}"
        used.add(anchor)
        h.anchor = anchor


def _with_anchor(line: str, h: Heading) -> str:
    """The heading line with an attr_list `{#id}` the renderer will honour."""
    if h.explicit:
        return line
    if h.setext:
        stripped = line.rstrip()
        attrs = _ATTR_BLOCK.search(stripped)
        if attrs:
            return f"{stripped[: attrs.start()]} {{#{h.anchor} {attrs.group(1).strip()}}}"
        return f"{_protect_braces(stripped)} {{#{h.anchor}}}"
    m = _ATX.match(line)
    assert m is not None
    content = m.group(2).rstrip()
    attrs = _ATTR_BLOCK.search(content)
    if attrs:
        return f"{m.group(1)}{content[: attrs.start()]} {{#{h.anchor} {attrs.group(1).strip()}}}"
    # Python-Markdown strips closing hashes; drop them so `{#id}` ends the line.
    return f"{m.group(1)}{_protect_braces(content)} {{#{h.anchor}}}"


def _protect_braces(content: str) -> str:
    """Escape a `{` that attr_list would read as the start of our `{#id}` block."""
    cut = content.rfind("}") + 1
    tail = content[cut:]
    if "{" not in tail:
        return content
    return content[:cut] + re.sub(r"(?<!\\)\{", r"\\{", tail)


def _section_starts(headings: list[Heading]) -> list[Heading]:
    counts: dict[int, int] = {}
    for h in headings:
        if not h.label:
            counts[h.level] = counts.get(h.level, 0) + 1
    if not counts:
        return []
    repeated = [level for level, count in counts.items() if count >= 2]
    split_level = min(repeated) if repeated else min(counts)
    return [h for h in headings if h.level <= split_level and not h.label]


def _parts(
    lines: list[str], in_fence: bytearray, dropped: bytearray, start: int, end: int
) -> list[tuple[int, int]]:
    """[start, end) cut into parts of about PART_CHARS at blank lines outside code."""
    parts: list[tuple[int, int]] = []
    size = 0
    part_start = start
    for i in range(start, end):
        if dropped[i]:
            continue
        line = lines[i]
        if size >= PART_CHARS and not in_fence[i] and i > part_start:
            blank = not line.strip()
            if blank or size >= HARD_PART_CHARS:
                parts.append((part_start, i))
                part_start = i
                size = 0
        size += len(line) + 1
    parts.append((part_start, end))
    return parts


def _notes_for(source: str, definitions: dict[str, str]) -> str:
    labels: list[str] = []
    seen: set[str] = set()
    for label in _FOOTNOTE_REF.findall(source):
        if label in definitions and label not in seen:
            seen.add(label)
            labels.append(label)
    return "\n\n".join(definitions[label] for label in labels)


def _nested_toc(items: list[tuple[Heading, int]]) -> list[TocEntry]:
    roots: list[TocEntry] = []
    stack: list[TocEntry] = []
    for h, section in items:
        entry = TocEntry(title=h.title, level=h.level, section=section, anchor=h.anchor)
        while stack and stack[-1].level >= h.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return roots


def _available_repairs() -> tuple[str, ...]:
    from readmark.core.repair import RULES

    return tuple(rule.name for rule in RULES)
