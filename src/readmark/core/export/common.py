"""What every export format shares: the book's description, reading order,
chapters, and the few words an export prints (marked for translation).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import PurePath

from readmark.core.annotations import Annotation, Kind
from readmark.core.book import Book
from readmark.core.i18n import QT_TRANSLATE_NOOP

# translate(context, text) -> text; the CLI and UI pass QCoreApplication.translate.
Translate = Callable[[str, str], str]
CONTEXT = "Export"


def untranslated(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class ExportedBook:
    """The part of a book an export needs; built from a `Book` or by hand in tests."""

    title: str
    authors: tuple[str, ...]
    content_id: str
    path: PurePath  # where the book is (a PurePosixPath keeps golden files portable)
    section_titles: tuple[str, ...] = ()  # Section.title by index ("" = front matter)
    language: str = ""
    isbn: str = ""

    @classmethod
    def from_book(cls, book: Book) -> ExportedBook:
        return cls(
            title=book.metadata.title,
            authors=tuple(book.metadata.authors),
            content_id=book.content_id,
            path=book.path,
            section_titles=tuple(section.title for section in book.sections),
            language=book.metadata.language,
            isbn=book.metadata.isbn,
        )


@dataclass(frozen=True)
class Chapter:
    title: str  # "" for text before the first chapter
    orphans: bool  # the chapter of annotations whose text is no longer in the book
    annotations: tuple[Annotation, ...]


KIND_LABELS = {
    Kind.HIGHLIGHT: QT_TRANSLATE_NOOP("Export", "Highlight"),
    Kind.NOTE: QT_TRANSLATE_NOOP("Export", "Note"),
    Kind.BOOKMARK: QT_TRANSLATE_NOOP("Export", "Bookmark"),
}
COLOUR_LABELS = {
    "yellow": QT_TRANSLATE_NOOP("Export", "yellow"),
    "green": QT_TRANSLATE_NOOP("Export", "green"),
    "blue": QT_TRANSLATE_NOOP("Export", "blue"),
    "pink": QT_TRANSLATE_NOOP("Export", "pink"),
    "purple": QT_TRANSLATE_NOOP("Export", "purple"),
}
UNDERLINED = QT_TRANSLATE_NOOP("Export", "underlined")
ORPHANED = QT_TRANSLATE_NOOP("Export", "not found in the book as it is now")
ORPHANS_TITLE = QT_TRANSLATE_NOOP("Export", "Not found in the book as it is now")
ORPHANS_EXPLAINED = QT_TRANSLATE_NOOP(
    "Export",
    "The text of these annotations is no longer in the book (it was edited or replaced); "
    "they are kept as they were made.",
)
BEGINNING = QT_TRANSLATE_NOOP("Export", "Beginning")
NO_ANNOTATIONS = QT_TRANSLATE_NOOP("Export", "This book has no annotations yet.")
DOCUMENT_TITLE = QT_TRANSLATE_NOOP("Export", "Annotations: {title}")
OPEN_IN_READMARK = QT_TRANSLATE_NOOP("Export", "Open in Readmark")  # the link to the annotation


_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def safe_file_name(title: str) -> str:
    """A file name (without suffix) from a book's title, safe on every desktop system."""
    name = _UNSAFE.sub(" ", title)
    return " ".join(name.split()).strip(" .")[:120] or "annotations"


def reading_order(annotations: Sequence[Annotation]) -> list[Annotation]:
    """By position, annotations not placed in the book last, ties by time then id."""
    return sorted(
        annotations,
        key=lambda a: (
            a.orphaned or a.target.section < 0,
            a.target.section,
            a.target.start,
            a.target.end,
            a.created,
            a.id,
        ),
    )


def chapters(book: ExportedBook, annotations: Sequence[Annotation]) -> list[Chapter]:
    """Annotations grouped under their chapter's title, in reading order.

    Sections cut from one long chapter share its title and so one heading;
    annotations not placed in the book (orphaned, or imported and not yet
    placed: section < 0) come last under their own heading.
    """
    groups: list[tuple[str, bool, list[Annotation]]] = []
    key: tuple[str, bool] | None = None
    for annotation in reading_order(annotations):
        section = annotation.target.section
        orphan = annotation.orphaned or section < 0
        title = "" if orphan else _section_title(book, section)
        if key != (title, orphan):
            groups.append((title, orphan, []))
            key = (title, orphan)
        groups[-1][2].append(annotation)
    return [Chapter(title, orphan, tuple(items)) for title, orphan, items in groups]


def _section_title(book: ExportedBook, section: int) -> str:
    if 0 <= section < len(book.section_titles):
        return book.section_titles[section]
    return ""


def local_time(timestamp: float, zone: tzinfo | None) -> str:
    """'2024-03-01 14:05' in `zone` (None = this computer's time zone)."""
    moment = datetime.fromtimestamp(timestamp, UTC).astimezone(zone)
    return moment.strftime("%Y-%m-%d %H:%M")


def iso_utc(timestamp: float) -> str:
    """ISO 8601 in UTC, to the millisecond when there is one: '2024-03-01T13:05:00Z'.

    Rounded to whole milliseconds first, so that a time read back from this
    text (`parse_time`) gives the same text again.
    """
    seconds, millis = divmod(round(timestamp * 1000), 1000)
    text = datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{text}.{millis:03d}Z" if millis else f"{text}Z"


def describe(annotation: Annotation, tr: Translate, zone: tzinfo | None) -> list[str]:
    """The parts of an annotation's one-line description: kind, colour, date, state."""
    parts = [tr(CONTEXT, KIND_LABELS[annotation.kind])]
    if annotation.kind is Kind.HIGHLIGHT:
        colour = COLOUR_LABELS.get(annotation.color)
        parts.append(tr(CONTEXT, colour) if colour else annotation.color)
        if annotation.style.value == "underline":
            parts.append(tr(CONTEXT, UNDERLINED))
    parts.append(local_time(annotation.created, zone))
    if annotation.orphaned:
        parts.append(tr(CONTEXT, ORPHANED))
    return parts
