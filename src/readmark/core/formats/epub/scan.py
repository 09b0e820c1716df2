"""The quick look at each spine file when a book is opened (no parsing, no rendering).

Regular expressions over the decoded markup find what the book model needs up
front: the ids a file defines (for `Section.anchors`), the targets of its
noterefs (those become `fn-…` popup notes), its headings (for the fallback table
of contents, numbered as `transform` numbers them) and its `<title>`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from readmark.core.formats.epub.anchors import HEADING_ID
from readmark.core.formats.epub.package import resolve_href

_VALUE = r"""\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>=`]+))"""  # quoted or not
_ID = re.compile(r"\s(?:id|name)" + _VALUE, re.I)
_A_TAG = re.compile(r"<a\s[^<>]*>", re.I)
_HREF = re.compile(r"\shref" + _VALUE, re.I)
_NOTEREF = re.compile(r"""(?:epub:type|role)\s*=\s*["'][^"']*noteref""", re.I)
_HEADING = re.compile(r"<h([1-6])\b([^<>]*)>", re.I)
_TITLE = re.compile(r"<title\b[^<>]*>([^<]*)</title", re.I)
_RUBY_TEXT = re.compile(r"<(rt|rp)\b[^<>]*>[^<]*</\1\s*>", re.I)
_TAG = re.compile(r"<[^<>]*>")
_SPACE = re.compile(r"\s+")
MAX_HEADING_CHARS = 2000


@dataclass
class Heading:
    level: int
    title: str
    element_id: str  # the file's own id, or the one `transform` gives it


@dataclass
class FileScan:
    ids: set[str] = field(default_factory=set)
    noterefs: list[tuple[str, str]] = field(default_factory=list)  # (member, fragment)
    headings: list[Heading] = field(default_factory=list)
    title: str = ""
    size: int = 0


def _first(match: re.Match[str]) -> str:
    """The attribute value (one alternative of `_VALUE` matched), entities decoded."""
    value = match[match.lastindex or 0]
    return html.unescape(value) if "&" in value else value


def plain(markup: str) -> str:
    text = _TAG.sub("", _RUBY_TEXT.sub("", markup))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def strip_comments(text: str) -> str:
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        pos = len(text) if end < 0 else end + 3
    out.append(text[pos:])
    return "".join(out)


def scan_file(text: str, member: str) -> FileScan:
    if "<!--" in text:
        text = strip_comments(text)
    scan = FileScan(size=len(text))
    scan.ids = {_first(m) for m in _ID.finditer(text)}
    hrefs = set()
    for tag in _A_TAG.finditer(text):
        markup = tag.group(0)
        if "noteref" in markup and _NOTEREF.search(markup):
            found = _HREF.search(markup)
            if found:
                hrefs.add(_first(found))
    for href in hrefs:
        target = resolve_href(member, href)
        if target is not None and target[1]:
            scan.noterefs.append(target)
    for number, heading in enumerate(_HEADING.finditer(text), start=1):
        level = int(heading.group(1))
        own = _ID.search(heading.group(2))
        element_id = _first(own) if own else HEADING_ID.format(number)
        if not own:
            scan.ids.add(element_id)
        start = heading.end()
        end = re.compile(f"</h{level}", re.I).search(text, start, start + MAX_HEADING_CHARS)
        inner = text[start : end.start() if end else start]
        scan.headings.append(Heading(level, plain(inner), element_id))
    title = _TITLE.search(text)
    scan.title = plain(title.group(1)) if title else ""
    return scan
