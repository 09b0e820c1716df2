"""Export All Books: every book's note written into one folder (e.g. an Obsidian
vault), the notes already there updated rather than replaced.

The library is read first, on the caller's thread (`jobs_from`): a list of books
with their annotations. `export_all` then opens each book, places its
annotations in the text as it is now, and writes or updates its note; it needs
no database, so the window runs it in the background. A note is found again by
the `readmark-book` property Readmark writes into it (the book's content id),
whatever the reader renamed it to; a new note is named after the book's title,
never taking the name of a file that is not that book's note.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from readmark.core.annotations import Annotation
from readmark.core.book import BookError, LoadOptions
from readmark.core.export import NOTE_FORMATS, ExportError, write_export
from readmark.core.export.common import ExportedBook, safe_file_name
from readmark.core.export.notes import NoteOptions
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.library import Library

_BOOK_ID = re.compile(r"^readmark-book::?[ \t]*['\"]?([0-9A-Za-z]+)", re.M)
_HEAD_BYTES = 16 * 1024  # the properties are at the top of a note


@dataclass(frozen=True)
class BookJob:
    path: Path
    content_id: str
    title: str
    options: LoadOptions
    annotations: tuple[Annotation, ...]


@dataclass
class AllBooksReport:
    written: list[Path] = field(default_factory=list)  # new notes
    updated: list[Path] = field(default_factory=list)  # notes that were there
    failed: list[tuple[str, BookError]] = field(default_factory=list)  # book title, why


def jobs_from(library: Library) -> list[BookJob]:
    """Every book in the library (Readmark's own guides aside) with its annotations."""
    jobs = []
    for record in library.books():  # added but never opened too: imports land there
        annotations = library.annotations.for_book(Path(record.path))
        jobs.append(
            BookJob(
                Path(record.path),
                record.content_id,
                record.title or Path(record.path).stem,
                record.options,
                tuple(annotations),
            )
        )
    return jobs


def existing_notes(folder: Path) -> dict[str, Path]:
    """The notes in `folder` that Readmark wrote, by the content id of their book."""
    found: dict[str, Path] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        if entry.suffix.lower() != ".md":
            continue
        try:
            if not entry.is_file():  # not a folder, pipe or device
                continue
            with entry.open("rb") as note:
                head = note.read(_HEAD_BYTES).decode("utf-8", errors="replace")
        except OSError:
            continue
        match = _BOOK_ID.search(head)
        if match:
            found.setdefault(match.group(1), entry)
    return found


def export_all(
    jobs: Sequence[BookJob],
    folder: Path,
    name: str = "obsidian",
    options: NoteOptions | None = None,
    report: Callable[[int, int, str], None] = lambda done, total, title: None,
    create: bool = True,
) -> AllBooksReport:
    """Write or update each book's note in `folder` (made if missing, when `create`).
    `report(done, total, title)` is
    called before each book (the window's may raise to cancel: the notes written
    so far stay, each whole). A book with no annotations gets a note only if it
    had one. Failures are collected per book; the others go on."""
    from readmark.core.anchoring import resolve_all
    from readmark.core.formats import open_book

    if name not in NOTE_FORMATS:
        raise ValueError(f"not a note format: {name}")
    options = options or NoteOptions()
    outcome = AllBooksReport()
    if not create and not folder.is_dir():  # e.g. a vault on a drive not mounted now
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "ExportError",
                "The export folder {name} is not there: connect its drive, or choose "
                "another with File › Export Folder….",
            ),
            name=str(folder),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _write_error(folder, error) from None
    notes = existing_notes(folder)
    taken = {path.name.lower() for path in notes.values()}
    for done, job in enumerate(jobs):
        report(done, len(jobs), job.title)
        note = notes.get(job.content_id)
        if note is None and not job.annotations:
            continue
        try:
            book = open_book(job.path, job.options)
            placed = resolve_all(book, job.annotations) if job.annotations else []
            if note is None:
                note = _new_name(folder, book.metadata.title or job.title, taken)
            updated = write_export(note, name, ExportedBook.from_book(book), placed, options)
        except BookError as error:
            outcome.failed.append((job.title, error))
            continue
        except OSError as error:
            outcome.failed.append((job.title, _write_error(note or folder, error)))
            continue
        notes[job.content_id] = note
        taken.add(note.name.lower())
        (outcome.updated if updated else outcome.written).append(note)
    report(len(jobs), len(jobs), "")
    return outcome


def _new_name(folder: Path, title: str, taken: set[str]) -> Path:
    """`Title.md`, else `Title (2).md`…: never a file that is there already."""
    base = safe_file_name(title)
    for number in range(1, 10_000):
        name = f"{base}.md" if number == 1 else f"{base} ({number}).md"
        path = folder / name
        if name.lower() not in taken and not os.path.lexists(path):
            taken.add(name.lower())
            return path
    raise ExportError(
        QT_TRANSLATE_NOOP("ExportError", "No free file name for “{name}”."), name=base
    )


def _write_error(path: Path, error: OSError) -> ExportError:
    return ExportError(
        QT_TRANSLATE_NOOP("ExportError", "“{name}” cannot be written: {reason}"),
        name=str(path),
        reason=error.strerror or str(error),
    )
