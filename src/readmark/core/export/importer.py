"""Importing a W3C annotation file into the library: validate all, then write all.

Nothing is written until the whole file has been read, checked and each
annotation's book found; then everything is merged in one transaction. So a
bad file changes nothing, and neither does a failure half-way.

Which book a target means (`target.source`):

- `urn:readmark:book:<content id>`: the book with those bytes in the library;
- a `file://` URL or a plain path (relative to the JSON file's folder): the
  library's book at that path, resolved;
- failing that, the `readmark:book` file named in Readmark's own export.

A book not in the library leaves its annotations pending until it is opened
(`AnnotationStore.claim_pending`). For a book in the library whose file is on
disk, the imported annotations are placed by `anchoring.resolve_all` against
the book as it is now: quote-only ones found by their quote, the others checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from readmark.core.annotations import Annotation
from readmark.core.export.w3c_import import (
    ImportedAnnotation,
    Skipped,
    parse_w3c,
    read_json_file,
)
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.annotation_store import BOOK_URN, Incoming, MergeOutcome
from readmark.core.store.library import Library

# Anything with a scheme of two letters or more; "C:\\…" is a Windows path, not a URL.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    pending: int = 0  # of those added or updated, how many wait for their book
    books_added: list[Path] = field(default_factory=list)  # named by a target, on disk
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True)
class Destination:
    book_path: Path | None  # the library's book, or None: pending
    source: str  # what a pending annotation waits for: a book URN or an absolute path


def import_annotations(library: Library, json_path: Path) -> ImportReport:
    """Merge the annotations in `json_path` into `library`; AnnotationImportError if refused."""
    json_path = Path(json_path)
    parsed = parse_w3c(read_json_file(json_path))
    report = ImportReport(skipped=list(parsed.skipped))
    report.books_added = add_books_named(library, parsed.annotations, json_path.parent)
    incoming: list[Incoming] = []
    by_book: dict[Path, list[ImportedAnnotation]] = {}
    for imported in parsed.annotations:
        where = locate(library, imported, json_path.parent)
        if where is None:
            report.skipped.append(
                Skipped(
                    imported.annotation.id,
                    QT_TRANSLATE_NOOP(
                        "ImportError", "its target ({source}) is not a book Readmark can find"
                    ),
                    {"source": imported.source},
                )
            )
        elif where.book_path is None:
            incoming.append(Incoming(imported.annotation, None, where.source))
        else:
            by_book.setdefault(where.book_path, []).append(imported)
    for book_path, items in by_book.items():
        placed = _placed(library, book_path, [i.annotation for i in items])
        incoming += [Incoming(annotation, book_path) for annotation in placed]
    for item, outcome in zip(incoming, library.annotations.merge(incoming), strict=True):
        if outcome is MergeOutcome.ADDED:
            report.added += 1
        elif outcome is MergeOutcome.UPDATED:
            report.updated += 1
        elif outcome is MergeOutcome.UNCHANGED:
            report.unchanged += 1
        else:
            report.skipped.append(
                Skipped(
                    item.annotation.id,
                    QT_TRANSLATE_NOOP(
                        "ImportError", "the library holds a version modified later; kept that one"
                    ),
                    {},
                )
            )
            continue
        if item.book_path is None and outcome is not MergeOutcome.UNCHANGED:
            report.pending += 1
    return report


def add_books_named(
    library: Library, annotations: Sequence[ImportedAnnotation], base: Path
) -> list[Path]:
    """Add to the library the books that targets name by a path or `file:` URL
    and that exist on disk, so their annotations attach to them now (instead
    of waiting for the book to be opened). Returns the books added; a file that
    is not a readable book is left alone (its annotations stay pending)."""
    from readmark.core.operations.library_books import describe_files, record_books

    wanted: list[Path] = []
    for imported in annotations:
        for source in (imported.source, imported.book_file):
            if not source or source.startswith(BOOK_URN):
                continue
            path = source_path(source, base)
            if path is not None and path not in wanted and path.is_file():
                if library.catalog.entry(path) is None:
                    wanted.append(path)
    described, _unreadable = describe_files(wanted)
    if not described:
        return []
    report = record_books(library, described)
    return [*report.added, *report.moved, *report.restored]


def locate(library: Library, imported: ImportedAnnotation, base: Path) -> Destination | None:
    """The library book `imported` belongs to, or where it waits; None: not a book at all."""
    own = _destination(library, imported.source, base)
    if own is not None and own.book_path is not None:
        return own
    if imported.book_file:
        fallback = _destination(library, imported.book_file, base)
        if fallback is not None and fallback.book_path is not None:
            return fallback
    return own


def _destination(library: Library, source: str, base: Path) -> Destination | None:
    if source.startswith(BOOK_URN):
        content_id = source[len(BOOK_URN) :]
        return Destination(library.annotations.book_with_content(content_id), source)
    path = source_path(source, base)
    if path is None:
        return None
    record = library.get(path)
    return Destination(Path(record.path) if record else None, str(path))


def source_path(source: str, base: Path) -> Path | None:
    """The absolute path a `file://` URL or plain path names; None for other URLs."""
    if source.lower().startswith("file:"):
        parts = urlsplit(source)
        if parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path))
    elif _URL.match(source):
        return None
    else:
        path = Path(source).expanduser()
    if not path.is_absolute():
        path = base / path
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _placed(
    library: Library, book_path: Path, annotations: Sequence[Annotation]
) -> list[Annotation]:
    """The annotations anchored in the book as it is on disk (as given if it cannot be read)."""
    from readmark.core.book import BookError, LoadOptions
    from readmark.core.formats import open_book

    record = library.get(book_path)
    try:
        book = open_book(book_path, LoadOptions(repair=record.repair if record else True))
    except (BookError, OSError):
        return list(annotations)  # placed when the book is next opened
    from readmark.core.anchoring import resolve_all

    return resolve_all(book, list(annotations))
