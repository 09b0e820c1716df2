"""META-INF/container.xml and the OPF package document: metadata, manifest, spine.

Hrefs in the package are resolved against the package's folder into normalised
member names (`resolve_href`); one that leaves the archive or names another
host resolves to None and is treated as missing.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from readmark.core.book import BookError, Metadata
from readmark.core.formats.epub.archive import EpubArchive, MemberError
from readmark.core.formats.epub.markup import parse_markup
from readmark.core.html_text import html_to_text
from readmark.core.i18n import QT_TRANSLATE_NOOP

CONTAINER = "META-INF/container.xml"
_ISBN = re.compile(r"^(?:97[89]\d{10}|\d{9}[\dX])$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ManifestItem:
    id: str
    path: str  # member name the href resolves to ("" when it leaves the archive)
    media_type: str
    properties: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SpineItem:
    path: str
    media_type: str
    linear: bool


@dataclass
class Package:
    path: str  # member name of the OPF
    version: str
    metadata: Metadata
    manifest: dict[str, ManifestItem]
    spine: list[SpineItem]
    nav: str = ""  # member name of the EPUB 3 navigation document
    ncx: str = ""  # member name of the EPUB 2 NCX
    cover: str = ""  # member name of the cover image
    cover_page: str = ""  # member name of the guide's cover page, if any
    rtl: bool = False  # page-progression-direction="rtl" (often vertical CJK)


def resolve_href(base_member: str, href: str) -> tuple[str, str] | None:
    """(member name, fragment) that `href` in member `base_member` points at, or None
    when it is remote or leaves the archive. An empty member name means `base_member`."""
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if not path:
        return base_member, fragment
    joined = (
        path.lstrip("/")
        if path.startswith("/")
        else posixpath.join(posixpath.dirname(base_member), path)
    )
    stack: list[str] = []
    for segment in joined.replace("\\", "/").split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not stack:
                return None
            stack.pop()
        else:
            stack.append(segment)
    return ("/".join(stack), fragment) if stack else None


def find_package(archive: EpubArchive) -> str:
    """Member name of the OPF: from container.xml, else the first .opf in the archive."""
    container = archive.find(CONTAINER)
    if container:
        try:
            root = parse_markup(archive.read(container))
            for rootfile in root.iter("rootfile"):
                found = archive.find(posixpath.normpath(rootfile.get("full-path", "")).lstrip("/"))
                if found:
                    return found
        except MemberError:
            pass
    for name in archive.members:
        if name.lower().endswith(".opf"):
            return name
    raise BookError(
        QT_TRANSLATE_NOOP(
            "BookError", "“{name}” is not a readable EPUB: it has no package document (OPF)."
        ),
        name=archive.name,
    )


def read_package(archive: EpubArchive, fallback_title: str) -> Package:
    opf = find_package(archive)
    try:
        root = parse_markup(archive.read(opf))
    except MemberError:
        raise BookError(
            QT_TRANSLATE_NOOP(
                "BookError", "“{name}” is damaged: its package document (OPF) cannot be read."
            ),
            name=archive.name,
        ) from None
    manifest: dict[str, ManifestItem] = {}
    for item in root.iter("item"):
        item_id, href = item.get("id", ""), item.get("href", "")
        if not href or item_id in manifest:
            continue
        target = resolve_href(opf, href)
        path = (archive.find(target[0]) or target[0]) if target else ""
        manifest[item_id] = ManifestItem(
            id=item_id,
            path=path,
            media_type=item.get("media-type", "").strip().lower(),
            properties=frozenset(item.get("properties", "").split()),
        )
    spine_element = next(root.iter("spine"), None)
    package = Package(
        path=opf,
        version=root.get("version", ""),
        metadata=read_metadata(root, fallback_title),
        manifest=manifest,
        spine=_spine(spine_element, manifest),
        rtl=spine_element is not None
        and spine_element.get("page-progression-direction", "") == "rtl",
    )
    for entry in manifest.values():
        if "nav" in entry.properties and not package.nav:
            package.nav = entry.path
        if entry.media_type == "application/x-dtbncx+xml" and not package.ncx:
            package.ncx = entry.path
    toc_id = spine_element.get("toc", "") if spine_element is not None else ""
    if toc_id in manifest:
        package.ncx = manifest[toc_id].path
    if not package.ncx:
        package.ncx = next((i.path for i in manifest.values() if i.path.endswith(".ncx")), "")
    package.cover = _cover(root, manifest, opf, archive)
    for reference in root.iter("reference"):
        if reference.get("type", "").lower() == "cover":
            target = resolve_href(opf, reference.get("href", ""))
            package.cover_page = (archive.find(target[0]) or "") if target else ""
    if not package.cover and package.cover_page:
        package.cover = _cover_from_page(archive, package.cover_page)
    return package


def _cover_from_page(archive: EpubArchive, page: str) -> str:
    """The first image of the guide's cover page (EPUB 2 books without a cover item)."""
    try:
        root = parse_markup(archive.read(page))
    except MemberError:
        return ""
    for element in root.iter():
        src = element.get("src") or element.get("xlink:href") or element.get("href") or ""
        if element.tag in ("img", "image") and src:
            target = resolve_href(page, src)
            return (archive.find(target[0]) or "") if target else ""
    return ""


def _spine(spine: ElementTree.Element | None, manifest: dict[str, ManifestItem]) -> list[SpineItem]:
    items: list[SpineItem] = []
    seen: set[str] = set()
    refs = list(spine.iter("itemref")) if spine is not None else []
    for ref in refs:
        item = manifest.get(ref.get("idref", ""))
        if item is None or not item.path or item.path in seen:
            continue
        seen.add(item.path)
        items.append(SpineItem(item.path, item.media_type, ref.get("linear", "yes") != "no"))
    if not items:  # no usable spine: the manifest's documents in their order
        for item in manifest.values():
            if "html" in item.media_type and item.path and item.path not in seen:
                seen.add(item.path)
                items.append(SpineItem(item.path, item.media_type, True))
    return items


def _texts(root: ElementTree.Element, tag: str) -> list[tuple[ElementTree.Element, str]]:
    found = []
    for element in root.iter(tag):
        text = _SPACE.sub(" ", "".join(element.itertext())).strip()
        if text:
            found.append((element, text))
    return found


def read_metadata(root: ElementTree.Element, fallback_title: str) -> Metadata:
    metadata = next(root.iter("metadata"), root)
    titles = _texts(metadata, "title")
    authors = list(dict.fromkeys(text for _, text in _texts(metadata, "creator")))
    dates = _texts(metadata, "date")
    published = [t for e, t in dates if e.get("event", "publication").lower() == "publication"]
    descriptions = _texts(metadata, "description")
    return Metadata(
        title=titles[0][1] if titles else fallback_title,
        authors=tuple(authors),
        language=next((t for _, t in _texts(metadata, "language")), ""),
        publisher=next((t for _, t in _texts(metadata, "publisher")), ""),
        date=(published or [t for _, t in dates] or [""])[0],
        isbn=_isbn(_texts(metadata, "identifier")),
        description=html_to_text(descriptions[0][1]).strip() if descriptions else "",
    )


def _isbn(identifiers: list[tuple[ElementTree.Element, str]]) -> str:
    for element, text in identifiers:
        value = text
        if value.lower().startswith("urn:isbn:"):
            value = value[9:]
        elif element.get("scheme", "").lower() != "isbn":
            value = value.upper().replace("ISBN", "").strip(" :")
        compact = re.sub(r"[\s-]", "", value).upper()
        if _ISBN.match(compact):
            return value.strip()
    return ""


def _cover(
    root: ElementTree.Element,
    manifest: dict[str, ManifestItem],
    opf: str,
    archive: EpubArchive,
) -> str:
    candidates = [i.path for i in manifest.values() if "cover-image" in i.properties]
    for meta in root.iter("meta"):
        if meta.get("name", "").lower() == "cover":
            content = meta.get("content", "")
            if content in manifest:
                candidates.append(manifest[content].path)
            else:
                target = resolve_href(opf, content)
                candidates.append(target[0] if target else "")
    candidates += [
        i.path
        for i in manifest.values()
        if i.media_type.startswith("image/") and "cover" in (i.id + i.path).lower()
    ]
    for path in candidates:
        found = archive.find(path) if path else None
        if found:
            return found
    return ""
