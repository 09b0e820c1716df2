"""Opening an EPUB (2 or 3): the package, the spine, the table of contents.

Opening stays fast: the OPF, the navigation document (or NCX) and a regex scan
of each spine file (`scan`); nothing is rendered until a view asks.

Sections are the spine files, one each (a long file is not split into parts),
linear ones in spine order first, then the `linear="no"` ones: reachable by the
TOC and links, outside the reading flow. A spine file that is missing or
unreadable stays a section that shows a note; when none is readable the book
is refused with a message saying so.

The table of contents is the EPUB 3 navigation document's, else the NCX's,
nested as the book gives it; when neither exists or neither points at anything
in the book, it is built from the headings.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from readmark.core.book import Book, BookError, LoadOptions, Section, TocEntry
from readmark.core.formats.epub.anchors import BookMap
from readmark.core.formats.epub.archive import EpubArchive, MemberError, read_book_file
from readmark.core.formats.epub.markup import decode_markup
from readmark.core.formats.epub.package import Package, read_package
from readmark.core.formats.epub.render import EpubSectionRenderer, SectionPlan
from readmark.core.formats.epub.resources import EpubResources
from readmark.core.formats.epub.scan import FileScan, scan_file
from readmark.core.formats.epub.toc import NavPoint, read_nav, read_ncx
from readmark.core.formats.epub.transform import image_url
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.scripts import is_cjk_language

DEFAULT_OPTIONS = LoadOptions()


def load_epub(path: Path | str, options: LoadOptions = DEFAULT_OPTIONS) -> Book:
    """Load the EPUB at `path`, or raise `BookError` saying why it cannot be opened."""
    path = Path(path)
    data = read_book_file(path)
    archive = EpubArchive(data, path.name)
    package = read_package(archive, path.stem)
    spine = [s for s in package.spine if s.linear] + [s for s in package.spine if not s.linear]
    members = tuple(archive.find(item.path) or item.path for item in spine)
    plans: list[SectionPlan] = []
    scans: list[FileScan] = []
    for item, member in zip(spine, members, strict=True):
        problem, scan = "", FileScan()
        if member not in archive.members:
            problem = "missing"
        elif not item.media_type.startswith("image/"):
            try:
                scan = scan_file(decode_markup(archive.read(member)), member)
            except MemberError as error:
                problem = error.reason
        plans.append(SectionPlan(member, item.media_type, problem))
        scans.append(scan)
    if not any(not plan.problem for plan in plans):
        raise BookError(
            QT_TRANSLATE_NOOP(
                "BookError",
                "“{name}” is damaged: none of the {count} parts listed in its package "
                "can be read from the file.",
            ),
            name=path.name,
            count=len(plans),
        )

    provisional = BookMap(members)
    targets = set()
    for scan in scans:
        for member, fragment in scan.noterefs:
            section = provisional.section_of(member)
            if section is not None:
                targets.add((section, fragment))
    book_map = BookMap(members, frozenset(targets))
    anchors = [
        frozenset({book_map.top(i)} | {book_map.anchor(i, element_id) for element_id in scan.ids})
        for i, scan in enumerate(scans)
    ]
    toc = _table_of_contents(archive, package, book_map, anchors, scans)
    titles = _section_titles(toc, len(plans))
    sections = [
        Section(index=i, title=titles[i], anchors=anchors[i], size=scans[i].size)
        for i in range(len(plans))
    ]
    return Book(
        path=path,
        content_id=hashlib.blake2b(data, digest_size=20).hexdigest(),
        format="epub",
        encoding="utf-8",
        metadata=package.metadata,
        toc=toc,
        sections=sections,
        renderer=EpubSectionRenderer(
            archive, tuple(plans), book_map, justify=is_cjk_language(package.metadata.language)
        ),
        options=options,
        resources=EpubResources(archive, members),
        cover=image_url(package.cover) if package.cover else "",
        localized_text=any(plan.problem for plan in plans),  # notes where parts are missing
    )


def _table_of_contents(
    archive: EpubArchive,
    package: Package,
    book_map: BookMap,
    anchors: list[frozenset[str]],
    scans: list[FileScan],
) -> list[TocEntry]:
    for read, member in ((read_nav, package.nav), (read_ncx, package.ncx)):
        if member:
            toc = _entries(read(archive, member), book_map, anchors, 1)
            if toc:
                return toc
    return _headings_toc(scans, book_map)


def _entries(
    points: list[NavPoint], book_map: BookMap, anchors: list[frozenset[str]], level: int
) -> list[TocEntry]:
    entries: list[TocEntry] = []
    for point in points:
        children = _entries(point.children, book_map, anchors, level + 1)
        section = book_map.section_of(point.target[0]) if point.target else None
        if section is not None and point.target is not None:
            fragment = point.target[1]
            anchor = book_map.anchor(section, fragment) if fragment else ""
            entry = TocEntry(
                point.title, level, section, anchor if anchor in anchors[section] else ""
            )
        elif children and point.title:  # a heading without a target: its first child's
            entry = TocEntry(point.title, level, children[0].section, children[0].anchor)
        else:
            entries.extend(_relevel(children, level))
            continue
        entry.title = entry.title or "—"
        entry.children = children
        entries.append(entry)
    return entries


def _relevel(entries: list[TocEntry], level: int) -> list[TocEntry]:
    for entry in entries:
        entry.level = level
        _relevel(entry.children, level + 1)
    return entries


def _headings_toc(scans: list[FileScan], book_map: BookMap) -> list[TocEntry]:
    roots: list[TocEntry] = []
    stack: list[tuple[int, TocEntry]] = []  # (heading level, entry)
    for section, scan in enumerate(scans):
        for heading in scan.headings:
            if not heading.title:
                continue
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            anchor = book_map.anchor(section, heading.element_id)
            entry = TocEntry(heading.title, len(stack) + 1, section, anchor)
            (stack[-1][1].children if stack else roots).append(entry)
            stack.append((heading.level, entry))
    return roots


def _section_titles(toc: list[TocEntry], count: int) -> list[str]:
    """Each section's chapter: the first TOC entry into it, else the one before."""
    first: dict[int, str] = {}
    for root in toc:
        for entry in root.walk():
            first.setdefault(entry.section, entry.title)
    titles: list[str] = []
    current = ""
    for index in range(count):
        current = first.get(index, current)
        titles.append(current)
    return titles
