"""Before anything is written: which book each mark belongs to, where it stands
in it, and whether the library holds it already.

Books are found in the library by the sidecar's book file or KOReader's digest of
it (`koreader.partial_md5`: the same book under another name), else by title (and
author among several); calibre's exports name no book, so its marks
go to the book given (the one open in the window, `--book` on the command
line) or to the library's book that holds most of their quotes. Each mark is
then placed by its quote with `core.anchoring` — the other reader's positions
only choose the section to search first.

**The same annotation**: in the same book, a highlight with the same quote
(compared case-, width- and whitespace-blind), a note with the same text, a
bookmark with the same name — whoever made it, Readmark or an earlier import.
Such a mark counts as already here and is not imported again.

A mark whose book is not in the library, or whose quote is not in the book,
is kept with its quote: the first waits under the book's title (claimed when a
book of that title is opened), the second is an orphan of its book. A mark of a
file that names no book (calibre's) when no book in the library holds its quotes
is not written at all (`NO_BOOK`): it could be claimed by nothing; the preview
says so, and importing again with its book open places it.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.export.w3c_import import UNPLACED
from readmark.core.importers.records import (
    BookRef,
    Mark,
    ParsedMarks,
    normalized,
    title_key,
    title_source,
)
from readmark.core.operations.imports import ImportChange, ImportChanges
from readmark.core.titles import titles_match

if TYPE_CHECKING:
    from readmark.core.anchoring import SectionTexts
    from readmark.core.store.library import BookRecord, Library

MAX_SEARCHED_BOOKS = 200  # books opened to find an unnamed book's quotes


class Status(StrEnum):
    PLACED = "placed"  # found in its book
    HERE = "here"  # the library holds it already
    UNPLACED = "unplaced"  # kept: an orphan of its book, or waiting for its book
    NO_BOOK = "no-book"  # the file names no book and none holds its quotes: not imported


@dataclass(frozen=True)
class PlannedMark:
    mark: Mark
    annotation: Annotation
    status: Status
    book_path: Path | None
    source: str = ""  # where it waits when its book is not in the library
    anchored_to: str = ""


@dataclass
class BookMatch:
    ref: BookRef
    path: Path | None  # the library's book, or None: not in the library
    title: str  # as the library knows it (or as the file names it)
    marks: int = 0


@dataclass
class ImportPlan:
    format: str
    books: list[BookMatch] = field(default_factory=list)
    items: list[PlannedMark] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status is status)

    @property
    def placed(self) -> int:
        return self.count(Status.PLACED)

    @property
    def here(self) -> int:
        return self.count(Status.HERE)

    @property
    def unplaced(self) -> int:
        return self.count(Status.UNPLACED)

    @property
    def no_book(self) -> int:
        return self.count(Status.NO_BOOK)

    def changes(self) -> ImportChanges:
        """What committing it adds: every mark not already here."""
        return ImportChanges(
            tuple(
                ImportChange(item.book_path, item.source, None, item.annotation, item.anchored_to)
                for item in self.items
                if item.status in (Status.PLACED, Status.UNPLACED)
            )
        )


Progress = Callable[[float], None]


def plan_import(
    library: Library,
    parsed: ParsedMarks,
    book_hint: Path | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """What importing `parsed` would do; reads the library and the books, writes nothing."""
    plan = ImportPlan(parsed.format, left_out=dict(parsed.left_out))
    records = library.books(exclude=[])  # opened or only added with `library add`
    opened: dict[Path, tuple[SectionTexts, str] | None] = {}
    total = max(1, parsed.mark_count)
    done = 0
    seen_ids: set[str] = set()
    for group in parsed.books:
        record = _find_book(library, records, group.book, book_hint, group.marks, opened)
        path = Path(record.path) if record is not None else None
        title = record.title if record is not None and record.title else group.book.title
        plan.books.append(BookMatch(group.book, path, title, len(group.marks)))
        known = _known(library, path, group.book)
        source = "" if path is not None else _waiting_source(group.book)
        for mark in group.marks:
            annotation = _annotation(parsed.format, group.book, mark)
            done += 1
            if progress is not None and done % 50 == 0:
                progress(done / total)
            key = same_key(annotation)
            if annotation.id in seen_ids or annotation.id in known[0] or key in known[1]:
                plan.items.append(PlannedMark(mark, annotation, Status.HERE, path, source))
                continue
            seen_ids.add(annotation.id)
            known[1].add(key)
            # The book is opened for the first mark that needs placing, not before.
            texts = _texts(library, path, opened) if path is not None else None
            if texts is None:
                status = Status.UNPLACED if path is not None or source else Status.NO_BOOK
                plan.items.append(PlannedMark(mark, annotation, status, path, source))
                continue
            placed = _place(annotation, texts[0])
            status = Status.UNPLACED if placed.orphaned else Status.PLACED
            plan.items.append(PlannedMark(mark, placed, status, path, "", texts[1]))
    if progress is not None:
        progress(1.0)
    return plan


def same_key(annotation: Annotation) -> tuple[str, str]:
    """What makes two annotations of one book the same (see the module)."""
    if annotation.kind is Kind.HIGHLIGHT:
        return ("highlight", normalized(annotation.target.exact))
    if annotation.kind is Kind.NOTE:
        return ("note", normalized(annotation.note))
    return ("bookmark", normalized(annotation.label or annotation.target.exact))


def _annotation(fmt: str, book: BookRef, mark: Mark) -> Annotation:
    section = mark.section_hint if mark.section_hint is not None else UNPLACED
    target = TextTarget(section, UNPLACED, UNPLACED, mark.quote)
    annotation = Annotation(
        kind=mark.kind,
        target=target,
        id=_stable_id(fmt, book, mark),
        color=mark.color,
        style=mark.style,
        note=mark.note,
        label=mark.label,
        created=mark.created if mark.created is not None else 0.0,
        modified=mark.modified or mark.created or 0.0,
    )
    if not annotation.created:  # no date in the file: the time of the import
        import time

        annotation = replace(annotation, created=time.time(), modified=time.time())
    return annotation


def _stable_id(fmt: str, book: BookRef, mark: Mark) -> str:
    """The same mark imported twice gets the same id (so it is never doubled)."""
    text = mark.quote if mark.kind is not Kind.BOOKMARK else f"{mark.label}@{mark.position}"
    seed = "\x1f".join(
        (fmt, title_key(book.title), mark.kind.value, normalized(text), normalized(mark.note))
    )
    return uuid.UUID(bytes=hashlib.blake2b(seed.encode(), digest_size=16).digest()).hex


def _place(annotation: Annotation, texts: SectionTexts) -> Annotation:
    from readmark.core.anchoring import resolve

    placed = resolve(annotation, texts)
    if placed.orphaned:  # the hint was only where to look first
        target = replace(placed.target, section=UNPLACED, start=UNPLACED, end=UNPLACED)
        return replace(placed, target=target)
    return placed


def _known(
    library: Library, path: Path | None, book: BookRef
) -> tuple[set[str], set[tuple[str, str]]]:
    if path is not None:
        existing = library.annotations.for_book(path)
    else:
        source = _waiting_source(book)
        existing = [a for s, a in library.annotations.pending() if s == source]
    return {a.id for a in existing}, {same_key(a) for a in existing}


def _waiting_source(book: BookRef) -> str:
    """Where marks of a book not in the library wait: under its title (claimed when a
    book of that title is opened), else under its file's path; "" if it names neither."""
    return title_source(book.title) or (str(Path(book.file)) if book.file else "")


def _texts(
    library: Library, path: Path, opened: dict[Path, tuple[SectionTexts, str] | None]
) -> tuple[SectionTexts, str] | None:
    if path not in opened:
        from readmark.core.anchoring import SectionTexts
        from readmark.core.book import BookError, LoadOptions
        from readmark.core.formats import open_book

        record = library.get(path)
        try:
            book = open_book(path, record.options if record else LoadOptions())
            opened[path] = (SectionTexts.of_book(book), book.cache_key)
        except (BookError, OSError):
            opened[path] = None  # not readable now: kept, placed when next opened
    return opened[path]


def _find_book(
    library: Library,
    records: list[BookRecord],
    ref: BookRef,
    hint: Path | None,
    marks: list[Mark],
    opened: dict[Path, tuple[SectionTexts, str] | None],
) -> BookRecord | None:
    if ref.file:
        wanted = Path(ref.file)
        for record in records:
            if Path(record.path) == wanted:
                return record
        stem = title_key(wanted.stem)
        by_name = [r for r in records if stem and title_key(Path(r.path).stem) == stem]
        if len(by_name) == 1:
            return by_name[0]
    if ref.partial_md5:
        by_digest = [r for r in records if _digest(r.path) == ref.partial_md5]
        if by_digest:
            return by_digest[0]
    if ref.title:
        return _by_title(records, ref)
    # A file naming no book: the book given, if it holds some of the quotes (a file
    # of another book's marks must not become orphans of the open one), else the
    # library's book holding most of them.
    given = library.get(hint) if hint is not None else None
    if given is not None and _by_quotes(library, [given], marks, opened) is not None:
        return given
    return _by_quotes(library, [r for r in records if r != given], marks, opened)


@functools.lru_cache(maxsize=4096)
def _digest_of(path: str, size: int, mtime_ns: int) -> str | None:
    from readmark.core.importers.koreader import partial_md5

    return partial_md5(Path(path))


def _digest(path: str) -> str | None:
    """KOReader's digest of a library book's file, computed once per file version."""
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return _digest_of(path, info.st_size, info.st_mtime_ns)


def _by_title(records: list[BookRecord], ref: BookRef) -> BookRecord | None:
    key = title_key(ref.title)
    if not key:
        return None
    exact = [r for r in records if title_key(r.title) == key]
    near = exact or [r for r in records if titles_match(title_key(r.title), key)]
    if len(near) > 1 and ref.authors:
        authors = title_key(ref.authors)
        by_author = [
            r
            for r in near
            if (known := title_key(r.authors)) and (known in authors or authors in known)
        ]
        near = by_author or near
    return near[0] if near else None


def _by_quotes(
    library: Library,
    records: list[BookRecord],
    marks: list[Mark],
    opened: dict[Path, tuple[SectionTexts, str] | None],
) -> BookRecord | None:
    quotes = [normalized(m.quote) for m in marks if m.quote.strip()][:50]
    if not quotes:
        return None
    best, best_found = None, 0
    for record in records[:MAX_SEARCHED_BOOKS]:
        texts = _texts(library, Path(record.path), opened)
        if texts is None:
            continue
        whole = normalized(" ".join(texts[0].text(i) for i in range(len(texts[0]))))
        found = sum(1 for q in quotes if q in whole)
        if found > best_found:
            best, best_found = record, found
    return best
