"""What every importer gives: the marks another reader kept, as data.

A `Mark` is one highlight, note or bookmark as the other reader described it:
its quote (the text that was marked), the reader's note, colour and style,
the chapter and the other reader's own position (a Kindle location, a KOReader
XPointer, a calibre CFI: hints only, never trusted to place the mark), and its
dates. Marks come grouped by the book they belong to (`BookMarks`), which the
importer names as well as the file lets it: title, authors, the book's file.

Reading a file (`read_limited`) refuses what no reader writes: a folder, pipe
or device, more than `MAX_BYTES`, text that is not UTF-8.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from readmark.core.annotations import Kind, Style
from readmark.core.export.w3c_import import MAX_BYTES, AnnotationImportError, read_limited
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.titles import TITLE_URN, title_key, title_source

# Why a mark was left out (shown translated: context "ImportReason").
UNREADABLE_SIDECAR = QT_TRANSLATE_NOOP("ImportReason", "a sidecar that could not be read")
NOT_AN_ANNOTATION = QT_TRANSLATE_NOOP("ImportReason", "an entry that is not an annotation")
DELETED_IN_APPLE_BOOKS = QT_TRANSLATE_NOOP("ImportReason", "a mark deleted in Apple Books")
DELETED_IN_READEST = QT_TRANSLATE_NOOP("ImportReason", "a note deleted in Readest")
DELETED_IN_CALIBRE = QT_TRANSLATE_NOOP("ImportReason", "a highlight deleted in calibre")
UNREADABLE_CLIPPING = QT_TRANSLATE_NOOP("ImportReason", "a clipping that could not be read")
UNKNOWN_KIND = QT_TRANSLATE_NOOP("ImportReason", "a clipping of an unknown kind")
CLIPPING_LIMIT = QT_TRANSLATE_NOOP(
    "ImportReason", "a highlight emptied by the publisher's clipping limit"
)
EMPTY_HIGHLIGHT = QT_TRANSLATE_NOOP("ImportReason", "an empty highlight")
EMPTY_NOTE = QT_TRANSLATE_NOOP("ImportReason", "an empty note")
EARLIER_VERSION = QT_TRANSLATE_NOOP("ImportReason", "an earlier version of a highlight")
SAME_NOTE = QT_TRANSLATE_NOOP("ImportReason", "the same note again")

READER_NAMES = {
    "kindle": "Kindle",
    "koreader": "KOReader",
    "calibre": "calibre",
    "apple-books": "Apple Books",
    "readest": "Readest",
}  # names of products, the same in every language

__all__ = [
    "READER_NAMES",
    "TITLE_URN",
    "title_key",
    "title_source",
    "MAX_BYTES",
    "AnnotationImportError",
    "BookMarks",
    "BookRef",
    "Mark",
    "ParsedMarks",
    "normalized",
    "read_limited",
]


@dataclass(frozen=True)
class Mark:
    kind: Kind
    quote: str = ""
    note: str = ""
    color: str = "yellow"
    style: Style = Style.HIGHLIGHT
    chapter: str = ""
    position: str = ""  # the other reader's own place: a hint, shown, never trusted
    section_hint: int | None = None  # the spine item the reader names, if it does
    created: float | None = None
    modified: float | None = None
    label: str = ""  # a bookmark's name


@dataclass(frozen=True)
class BookRef:
    """How the file names a book: any of these may be empty."""

    title: str = ""
    authors: str = ""
    file: str = ""  # the book's path on the other reader's device, or beside the sidecar
    partial_md5: str = ""  # KOReader's digest of the book's file (`koreader.partial_md5`)


@dataclass
class BookMarks:
    book: BookRef
    marks: list[Mark] = field(default_factory=list)


@dataclass
class ParsedMarks:
    """A file read: its format, its books' marks, and what was left out and why."""

    format: str  # "kindle", "koreader", "calibre", "apple-books", "readest"
    books: list[BookMarks]
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> count

    def leave_out(self, reason: str, count: int = 1) -> None:
        self.left_out[reason] = self.left_out.get(reason, 0) + count

    @property
    def mark_count(self) -> int:
        return sum(len(b.marks) for b in self.books)


def normalized(text: str) -> str:
    """Text compared across readers: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 (with or without a byte-order mark), or the importer's clear error."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP(
                "ImportError", "{path} is not an annotation file: it is not UTF-8 text."
            ),
            path=name,
        ) from exc
    if "\x00" in text:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP(
                "ImportError", "{path} is not an annotation file: it holds binary data."
            ),
            path=name,
        )
    return text
