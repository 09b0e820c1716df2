"""Loading a single HTML or XHTML file as a book.

Decoding: a byte order mark, else the encoding the document declares in its
first bytes (`<meta charset>`, `<meta http-equiv=Content-Type>`, `<?xml
encoding>`), else UTF-8, GB18030 and lenient UTF-8 as for text books. A
declared legacy encoding loses to UTF-8 when the bytes are valid UTF-8 with
non-ASCII text in them: a page saved as UTF-8 under an old `iso-8859-1` meta is
far more common than Latin-1 text that happens to be valid UTF-8.

Everything else is one `scan_html` pass (see `html_scan`); scripts, styles,
forms, frames, objects and the like are dropped with their content. Sections
follow the Markdown loader's rule: the smallest heading level that occurs at
least twice is the chapter level, every heading at that level or above starts a
section, content before the first one is section 0, and a section longer than
`PART_CHARS` is cut into parts (at block ends where it can) sharing its title.

Metadata comes from `<title>`, `<meta name=author|description|dc.*|dcterms.*>`
and `<html lang>`; the language is detected from the text when none is given.
Images load through `Book.resource` from the file's folder only.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import re
from pathlib import Path

from readmark.core.book import Book, BookError, LoadOptions, Metadata, Section, TocEntry
from readmark.core.formats.html.render import HtmlSectionRenderer
from readmark.core.formats.html.scan import Cut, Heading, ScannedHtml, scan_html
from readmark.core.formats.toc import chapter_level, nest_toc
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.metadata import detect_language, find_isbn
from readmark.core.scripts import is_cjk_language
from readmark.core.textio import (
    CONTROL_RE,
    bom_encoding,
    bomless_utf16,
    check_magic,
    decode_bytes,
    read_bytes,
    refuse_control_heavy,
)

DEFAULT_OPTIONS = LoadOptions()

PART_CHARS = 64 * 1024
# A part is not cut off when less than this would be left for the next one.
MIN_TAIL_CHARS = 4 * 1024
PRESCAN_BYTES = 4096
# Share of control characters in the decoded sample above which the file is binary.

_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
# Labels browsers read differently from Python's codec of the same name.
_WHATWG_LABELS = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
}
# Codecs that are not character encodings of documents (or that browsers refuse).
_REFUSED_CODECS = frozenset(
    {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)
_NOT_SPACE = re.compile(r"\S")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def load_html(path: Path, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    """Load the HTML file at `path`, or raise `BookError` saying why it cannot be opened."""
    path = Path(path)
    raw = read_bytes(path)
    text, encoding = decode_html(raw, path)
    return build_book(
        path, text, encoding, hashlib.blake2b(raw, digest_size=20).hexdigest(), options
    )


def build_book(
    path: Path,
    text: str,
    encoding: str,
    content_id: str,
    options: LoadOptions = DEFAULT_OPTIONS,
) -> Book:
    scanned = scan_html(text)
    sources, sections, toc = split_scanned(scanned)
    metadata = html_metadata(scanned, path.stem)
    return Book(
        path=path,
        content_id=content_id,
        format="html",
        encoding=encoding,
        metadata=metadata,
        toc=toc,
        sections=sections,
        renderer=HtmlSectionRenderer(sources, justify=is_cjk_language(metadata.language)),
        options=options,
        repairs=(),  # the print-repair rules work on Markdown sources
    )


# ----------------------------------------------------------------- decoding


def decode_html(raw: bytes, path: Path) -> tuple[str, str]:
    """The document's text (newlines normalised, controls removed) and its encoding."""
    encoding = bom_encoding(raw) or bomless_utf16(raw)
    if encoding is None:
        check_magic(raw, path)
        encoding = declared_encoding(raw[:PRESCAN_BYTES])
        if encoding is not None and encoding != "utf-8" and _NON_ASCII.search(raw):
            try:
                raw.decode("utf-8")
                encoding = "utf-8"
            except UnicodeDecodeError:
                pass
    if encoding is None:
        text, encoding = decode_bytes(raw)
    else:
        try:
            text = raw.decode(encoding, errors="replace")
        except (LookupError, TypeError):  # a codec that is not a text encoding after all
            text, encoding = decode_bytes(raw)
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    refuse_control_heavy(text, path)
    # NUL and other control characters are errors in HTML and show as boxes in
    # Qt; browsers drop them from the text.
    text = CONTROL_RE.sub("", text)
    if not _NOT_SPACE.search(text):
        raise BookError(QT_TRANSLATE_NOOP("BookError", "“{name}” is empty."), name=path.name)
    return text, encoding


def declared_encoding(head: bytes) -> str | None:
    """The Python codec for the encoding declared in the document's first bytes."""
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _WHATWG_LABELS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name.replace("_", "-")
    if name in _REFUSED_CODECS or not getattr(info, "_is_text_encoding", True):
        return None
    if name.startswith(("utf-16", "utf-32")):
        # Bytes that spell out the declaration in ASCII are not UTF-16 (browsers
        # read them as UTF-8 too).
        return "utf-8"
    return name


# ----------------------------------------------------------------- sections


def split_scanned(scanned: ScannedHtml) -> tuple[list[str], list[Section], list[TocEntry]]:
    """Section sources, sections and nested TOC of a scanned document."""
    starts = _section_starts(scanned.headings)
    # Chapter boundaries as (cut, title); content before the first chapter gets "".
    bounds: list[tuple[Cut, str]] = []
    origin = Cut(0, 0, None)
    if not starts or scanned.first_content < starts[0].cut.chunk:
        bounds.append((origin, ""))
    for heading in starts:
        if bounds and heading.cut.chunk <= bounds[-1][0].chunk:
            continue  # no content between two cuts: keep the first
        bounds.append((heading.cut, heading.title))

    sources: list[str] = []
    titles: list[str] = []
    part_starts: list[int] = []  # first chunk of each part
    cut_chunks = [c.chunk for c in scanned.cuts]
    for n, (start, title) in enumerate(bounds):
        end = bounds[n + 1][0] if n + 1 < len(bounds) else scanned.end
        lo = bisect.bisect_right(cut_chunks, start.chunk)
        hi = bisect.bisect_left(cut_chunks, end.chunk, lo)
        part_start = start
        for cut in scanned.cuts[lo:hi]:
            if (
                cut.offset - part_start.offset >= PART_CHARS
                and end.offset - cut.offset >= MIN_TAIL_CHARS
            ):
                sources.append(scanned.markup(part_start, cut))
                titles.append(title)
                part_starts.append(part_start.chunk)
                part_start = cut
        sources.append(scanned.markup(part_start, end))
        titles.append(title)
        part_starts.append(part_start.chunk)

    def section_of(chunk: int) -> int:
        return max(bisect.bisect_right(part_starts, chunk) - 1, 0)

    anchors: list[set[str]] = [set() for _ in sources]
    for chunk, anchor in scanned.anchors:
        anchors[section_of(chunk)].add(anchor)
    sections = [
        Section(index=i, title=titles[i], anchors=frozenset(anchors[i]), size=len(sources[i]))
        for i in range(len(sources))
    ]
    toc = nest_toc(
        TocEntry(h.title, h.level, section_of(h.chunk), h.anchor) for h in scanned.headings
    )
    return sources, sections, toc


def _section_starts(headings: list[Heading]) -> list[Heading]:
    level = chapter_level(h.level for h in headings)
    return [h for h in headings if level is not None and h.level <= level]


# ----------------------------------------------------------------- metadata


def html_metadata(scanned: ScannedHtml, fallback_title: str) -> Metadata:
    meta = scanned.meta

    def first(*names: str) -> str:
        for name in names:
            for value in meta.get(name, ()):
                if value.strip():
                    return " ".join(value.split())
        return ""

    authors: list[str] = []
    for name in ("author", "dc.creator", "dcterms.creator", "citation_author"):
        for value in meta.get(name, ()):
            value = " ".join(value.split())
            if value and value not in authors:
                authors.append(value)
    first_heading = next((h.title for h in scanned.headings if h.level == 1), "")
    title = scanned.title or first("dc.title", "dcterms.title", "og:title") or first_heading
    language = (
        scanned.lang
        or first("dc.language", "dcterms.language", "content-language", "language")
        or detect_language(scanned.sample)
    )
    identifiers = [
        v for n in ("dc.identifier", "dcterms.identifier", "isbn") for v in meta.get(n, ())
    ]
    return Metadata(
        title=title or fallback_title,
        authors=tuple(authors),
        language=language,
        publisher=first("dc.publisher", "dcterms.publisher", "publisher"),
        date=first("dc.date", "dcterms.date", "dcterms.issued", "dcterms.created", "date"),
        isbn=next(filter(None, (_isbn(v) for v in identifiers)), ""),
        description=first("description", "dc.description", "dcterms.description"),
    )


_ISBN_PREFIX = re.compile(r"^\s*(?:urn:)?isbn\s*:?\s*", re.I)


def _isbn(identifier: str) -> str:
    """A checksum-valid ISBN in an identifier such as `urn:isbn:978…` or a bare number."""
    return find_isbn("ISBN " + _ISBN_PREFIX.sub("", identifier))
