"""The book's own table of contents: the EPUB 3 navigation document or the EPUB 2 NCX.

Both come out as the same nested `NavPoint` tree, nested as the book gives it,
with targets resolved to (member, fragment). A point without a usable target
(a heading `<span>` in the nav, a link to a missing file) keeps its children.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

from readmark.core.formats.epub.archive import EpubArchive, MemberError
from readmark.core.formats.epub.markup import parse_markup
from readmark.core.formats.epub.package import resolve_href

MAX_DEPTH = 12  # deeper nesting is listed flat at the last level
_SPACE = re.compile(r"\s+")


@dataclass
class NavPoint:
    title: str
    target: tuple[str, str] | None  # (member name, fragment)
    children: list[NavPoint] = field(default_factory=list)


def _text(element: ElementTree.Element | None) -> str:
    if element is None:
        return ""
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def read_nav(archive: EpubArchive, member: str) -> list[NavPoint]:
    """The `toc` nav of an EPUB 3 navigation document ([] if absent or unreadable)."""
    root = _load(archive, member)
    if root is None:
        return []
    navs = [e for e in root.iter("nav")]
    toc = next((n for n in navs if "toc" in n.get("epub:type", "").split()), None)
    toc = toc if toc is not None else next(iter(navs), None)
    if toc is None:
        return []
    top = next(toc.iter("ol"), None) or next(toc.iter("ul"), None)
    return _nav_list(top, member, 1) if top is not None else []


def _nav_list(ol: ElementTree.Element, member: str, depth: int) -> list[NavPoint]:
    # At the deepest level every item below is listed flat (no recursion).
    items = ol.iter("li") if depth >= MAX_DEPTH else (c for c in ol if c.tag == "li")
    points: list[NavPoint] = []
    for li in items:
        label = next((c for c in li if c.tag in ("a", "span")), None)
        sub = next((c for c in li if c.tag in ("ol", "ul")), None)
        href = label.get("href", "") if label is not None and label.tag == "a" else ""
        title = _text(label) or (label.get("title", "") if label is not None else "")
        children = (
            _nav_list(sub, member, depth + 1) if sub is not None and depth < MAX_DEPTH else []
        )
        points.append(NavPoint(title, resolve_href(member, href) if href else None, children))
    return points


def read_ncx(archive: EpubArchive, member: str) -> list[NavPoint]:
    """The navMap of an EPUB 2 NCX ([] if absent or unreadable)."""
    root = _load(archive, member)
    if root is None:
        return []
    nav_map = next(root.iter("navmap"), None)
    return _ncx_points(nav_map, member, 1) if nav_map is not None else []


def _ncx_points(parent: ElementTree.Element, member: str, depth: int) -> list[NavPoint]:
    if depth >= MAX_DEPTH:
        nav_points = [p for p in parent.iter("navpoint") if p is not parent]
    else:
        nav_points = [p for p in parent if p.tag == "navpoint"]
    points: list[NavPoint] = []
    for point in nav_points:
        label = next((c for c in point if c.tag == "navlabel"), None)
        content = next((c for c in point if c.tag == "content"), None)
        src = content.get("src", "") if content is not None else ""
        children = _ncx_points(point, member, depth + 1) if depth < MAX_DEPTH else []
        points.append(NavPoint(_text(label), resolve_href(member, src) if src else None, children))
    return points


def _load(archive: EpubArchive, member: str) -> ElementTree.Element | None:
    found = archive.find(member) if member else None
    if not found:
        return None
    try:
        return parse_markup(archive.read(found))
    except MemberError:
        return None
