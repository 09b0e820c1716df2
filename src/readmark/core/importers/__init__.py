"""Marks from other readers: read as data, placed by their quotes, imported as one step.

    read_marks(path) -> ParsedMarks          the format recognised from the content
    plan_import(library, parsed) -> ImportPlan   what would happen (nothing written)
    commit_plan(library, plan) -> ImportChanges  one transaction, undoable

One module per reader (`kindle`, `koreader`, `calibre`) turns its file into
`records.Mark`s grouped by book; `plan` finds each book in the library and each
mark in the book with `core.anchoring`; `core.operations.imports` commits.
W3C JSON stays with `core.export.importer` (its ids and positions are Readmark's).
"""

from __future__ import annotations

from pathlib import Path

from readmark.core.export.w3c_import import AnnotationImportError
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.importers import apple_books, calibre, kindle, koreader, readest, records
from readmark.core.importers.records import (
    BookMarks,
    BookRef,
    Mark,
    ParsedMarks,
    decode_text,
    read_limited,
)

OTHER_READERS = ("kindle", "koreader", "calibre", "readest")  # text formats (not W3C JSON)
MAX_SIDECARS = 10_000  # a folder of more is not a KOReader library

__all__ = [
    "AnnotationImportError",
    "BookMarks",
    "BookRef",
    "Mark",
    "ParsedMarks",
    "format_of",
    "parse_text",
    "read_marks",
]


def format_of(text: str) -> str | None:
    """ "w3c", "calibre", "koreader" or "kindle" from the content; None if none fits."""
    head = text.lstrip("\ufeff").lstrip()
    if calibre.looks_like(text):
        return "calibre"
    if readest.looks_like(text):
        return "readest"
    if head.startswith(("{", "[")):
        return "w3c"
    if koreader.looks_like(text):
        return "koreader"
    if kindle.looks_like(text):
        return "kindle"
    return None


def parse_text(text: str, name: str = "", sidecar: Path | None = None) -> ParsedMarks:
    """The marks in `text`, or AnnotationImportError (never another exception)."""
    kind = format_of(text)
    try:
        if kind == "calibre":
            return calibre.parse(text)
        if kind == "readest":
            return readest.parse(text, sidecar)
        if kind == "koreader":
            return koreader.parse(text, sidecar)
        if kind == "kindle":
            return kindle.parse(text)
    except AnnotationImportError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise _unreadable(name) from exc
    raise _unreadable(name)


def _unreadable(name: str) -> AnnotationImportError:
    return AnnotationImportError(
        QT_TRANSLATE_NOOP(
            "ImportError",
            "{path} is not an annotation file Readmark can import (Kindle My Clippings.txt, "
            "a KOReader sidecar, a calibre or W3C annotations export, Apple Books' "
            "AEAnnotation database, a Readest book's config.json).",
        ),
        path=name or "The file",
    )


def is_other_reader(path: Path) -> bool:
    """Whether `path` is for these importers: a folder (of KOReader sidecars) or a file
    recognised as Kindle's, KOReader's or calibre's. Anything else is left to the
    W3C importer, which words its own errors."""
    if path.is_dir():
        return True
    raw = read_limited(path)
    if apple_books.looks_like(raw):
        return True
    return format_of(decode_text(raw, str(path))) in OTHER_READERS


def read_marks(path: Path) -> ParsedMarks:
    """The marks of one file, or of every KOReader sidecar under a folder."""
    path = Path(path)
    if path.is_dir():
        return _folder(path)
    raw = read_limited(path)
    if apple_books.looks_like(raw):
        return apple_books.parse(path)
    return parse_text(decode_text(raw, str(path)), str(path), sidecar=path)


def _folder(folder: Path) -> ParsedMarks:
    sidecars = []
    for found in sorted(folder.rglob("metadata.*.lua")):
        if koreader.SIDECAR_NAME.match(found.name) and found.is_file():
            sidecars.append(found)
            if len(sidecars) > MAX_SIDECARS:
                break
    if not sidecars:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "{path} is not a file that can be imported: it is a folder without KOReader "
                "sidecars (metadata.*.lua).",
            ),
            path=str(folder),
        )
    merged = ParsedMarks("koreader", [])
    for sidecar in sidecars:
        try:
            one = read_marks(sidecar)
        except AnnotationImportError:
            merged.leave_out(records.UNREADABLE_SIDECAR)
            continue
        merged.books += one.books
        for reason, count in one.left_out.items():
            merged.leave_out(reason, count)
    return merged


def sniff(path: Path) -> str | None:
    """The other reader whose annotations `path` holds ("kindle", "koreader",
    "calibre", "apple-books"), from its first 64 KB; None for anything else (a book). Cheap
    enough for a drop on the window; never raises."""
    try:
        if path.is_dir():
            return "koreader" if next(path.rglob("metadata.*.lua"), None) else None
        if not path.is_file():
            return None
        with open(path, "rb") as stream:
            raw = stream.read(64 * 1024)
    except OSError:
        return None
    if apple_books.looks_like(raw):
        return "apple-books"
    found = format_of(raw.decode("utf-8-sig", "ignore"))
    return found if found in OTHER_READERS else None
