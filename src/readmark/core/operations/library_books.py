"""Adding books to the library, taking them out, and how far a book was read.

What the window (on a background task) and the CLI both do. Adding reads each
book file once (`describe_file`, the same loaders that open it) and then records
them all in one transaction; a file that cannot be read is reported with the
reason and the others are added. Books are recognised by their content, so a
file moved or renamed keeps its annotations and its place.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from readmark.core.book import Book, BookError, Section
from readmark.core.formats import SUPPORTED_SUFFIXES
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.backups import BackupManager
from readmark.core.store.catalog import AddOutcome, BookFile
from readmark.core.store.library import Library

_log = logging.getLogger(__name__)

# done, total, the file being read; may raise to stop (the window's Progress.report does)
Report = Callable[[int, int, str], None]

# Folders never worth walking into: version control, caches, hidden folders.
_SKIPPED_FOLDER_PREFIXES = (".",)


@dataclass(frozen=True)
class Unreadable:
    """A file that could not be added, and why (a BookError, or a folder we could not list)."""

    path: Path
    error: BookError


@dataclass
class AddReport:
    added: list[Path] = field(default_factory=list)
    moved: list[Path] = field(default_factory=list)  # known content at a new path
    restored: list[Path] = field(default_factory=list)  # had been taken out
    already: list[Path] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def note(self, path: Path, outcome: AddOutcome) -> None:
        {
            AddOutcome.ADDED: self.added,
            AddOutcome.MOVED: self.moved,
            AddOutcome.RESTORED: self.restored,
            AddOutcome.ALREADY: self.already,
        }[outcome].append(path)


def is_book_file(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".")


def find_book_files(paths: Iterable[Path]) -> tuple[list[Path], list[Unreadable]]:
    """The book files named, and in the folders named (searched recursively, links
    to folders not followed so a loop cannot trap the walk), resolved; and the
    folders that could not be read. A file named explicitly is kept whatever its
    suffix, so that adding it says why it cannot be added."""
    found: list[Path] = []
    problems: list[Unreadable] = []
    seen: set[Path] = set()

    def keep(path: Path) -> None:
        try:
            path = path.resolve()
        except (OSError, RuntimeError):
            pass
        if path not in seen:
            seen.add(path)
            found.append(path)

    for given in paths:
        given = given.expanduser()
        if not given.is_dir():
            keep(given)
            continue

        def unreadable(error: OSError, top: Path = given) -> None:
            where = Path(error.filename) if error.filename else top
            problems.append(Unreadable(where, _folder_error(where, error)))

        for folder, subfolders, names in os.walk(given, onerror=unreadable):
            subfolders[:] = sorted(
                d for d in subfolders if not d.startswith(_SKIPPED_FOLDER_PREFIXES)
            )
            for name in sorted(names):
                path = Path(folder) / name
                if is_book_file(path):
                    keep(path)
    return found, problems


def _folder_error(folder: Path, error: OSError) -> BookError:
    return BookError(
        QT_TRANSLATE_NOOP("BookError", "The folder “{name}” cannot be read: {reason}"),
        name=str(folder),
        reason=error.strerror or str(error),
    )


def book_file(book: Book, status: os.stat_result | None = None) -> BookFile:
    """What the library records of an opened book."""
    if status is None:
        try:
            status = os.stat(book.path)
        except OSError:
            status = None
    meta = book.metadata
    return BookFile(
        path=Path(book.path),
        content_id=book.content_id,
        title=meta.title,
        authors=", ".join(meta.authors),
        format=book.format,
        language=meta.language,
        size=status.st_size if status else 0,
        mtime=status.st_mtime if status else 0.0,
    )


def describe_file(path: Path, on_book: Callable[[Book], None] | None = None) -> BookFile:
    """Read the book at `path` (as opening it would) for what the library shows;
    `on_book` sees the opened book (the window keeps its cover). Raises
    BookError when it cannot be read."""
    from readmark.core.formats import open_book
    from readmark.core.textio import check_book_path

    status = check_book_path(path)
    book = open_book(path)
    if on_book is not None:
        on_book(book)
    return book_file(book, status)


def describe_files(
    paths: Sequence[Path],
    report: Report | None = None,
    on_book: Callable[[Book], None] | None = None,
) -> tuple[list[BookFile], list[Unreadable]]:
    """`describe_file` for each path; those that fail are listed with the reason."""
    described: list[BookFile] = []
    unreadable: list[Unreadable] = []
    for done, path in enumerate(paths):
        if report is not None:
            report(done, len(paths), path.name)
        try:
            described.append(describe_file(path, on_book))
        except BookError as error:
            unreadable.append(Unreadable(path, error))
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the rest
            # Loaders turn what they expect into BookError; a file that still breaks
            # one is reported like any unreadable file (and logged: it is our bug).
            _log.exception("reading %s for the library", path)
            unreadable.append(
                Unreadable(
                    path,
                    BookError(
                        QT_TRANSLATE_NOOP("BookError", "“{name}” cannot be read: {reason}"),
                        name=path.name,
                        reason=str(error),
                    ),
                )
            )
    if report is not None:
        report(len(paths), len(paths), "")
    return described, unreadable


def new_or_changed_in(known: dict[str, tuple[int, float]], paths: Iterable[Path]) -> list[Path]:
    """Of `paths`, those not in `known` (`Catalog.known_files()`) at that size and
    modification time: what has to be read. `known` is taken on the thread that
    owns the library; this runs anywhere."""
    fresh = []
    for path in paths:
        seen = known.get(str(path))
        if seen is None:
            fresh.append(path)
            continue
        try:
            status = os.stat(path)
        except OSError:
            fresh.append(path)  # reading it says why
            continue
        if (status.st_size, status.st_mtime) != tuple(seen):
            fresh.append(path)
    return fresh


def record_books(
    library: Library, described: Sequence[BookFile], unreadable: Sequence[Unreadable] = ()
) -> AddReport:
    """Put described books in the library (one transaction) and say what happened;
    annotations imported for a book before it was in the library are given to it."""
    report = AddReport(unreadable=list(unreadable))
    for book, outcome in zip(described, library.catalog.record(described), strict=True):
        report.note(book.path, outcome)
        if outcome is not AddOutcome.ALREADY:  # imports waiting for this book: now its own
            library.annotations.claim_pending(book.path, book.content_id)
    return report


def add_books(library: Library, paths: Iterable[Path], report: Report | None = None) -> AddReport:
    """Add files and folders (recursively) to the library; unreadable ones are
    reported, not fatal. Raises StoreError when the library cannot be written."""
    files, problems = find_book_files(paths)
    described, unreadable = describe_files(files, report)
    return record_books(library, described, [*problems, *unreadable])


@dataclass(frozen=True)
class Removal:
    annotations: int  # how many the book had
    deleted: bool  # they were deleted (after a backup), else kept for its return
    backup: Path | None  # the backup made first, when they were deleted


def remove_book(
    library: Library,
    path: Path,
    delete_annotations: bool = False,
    backups: BackupManager | None = None,
) -> Removal:
    """Take a book out of the library. Its annotations are kept (and come back
    with the book) unless `delete_annotations`; then the library is backed up
    first, so they can still be recovered from *Backups and Restore*.
    Raises StoreError (NotInLibraryError for a book not there), BackupError."""
    count = library.catalog.annotation_count(path)
    backup = None
    if delete_annotations and count:
        manager = backups or BackupManager(library.path, library.path.parent / "backups")
        backup = manager.backup_now("before-remove")
    library.catalog.remove(path, delete_annotations)
    return Removal(count, delete_annotations and count > 0, backup)


def find_in_library(library: Library, name: str) -> Path | None:
    """The library's book a person means by `name`: its path (as given, or
    resolved), else a title (any case) that only one book has."""
    candidates = [Path(name)]
    try:
        candidates.append(Path(name).expanduser().resolve())
    except (OSError, RuntimeError):
        pass
    for candidate in candidates:
        if library.catalog.entry(candidate) is not None:
            return candidate
    wanted = name.casefold()
    titled = [e for e in library.catalog.entries() if e.title.casefold() == wanted]
    return Path(titled[0].path) if len(titled) == 1 else None


def reading_progress(sections: Sequence[Section], section: int, within: float) -> float:
    """How far into the book a reader at `within` (0..1) of `section` is, 0..1,
    weighing sections by the length of their text."""
    if not sections:
        return 0.0
    section = min(max(section, 0), len(sections) - 1)
    within = min(max(within, 0.0), 1.0)
    sizes = [max(s.size, 0) for s in sections]
    total = sum(sizes)
    if total <= 0:  # sizes unknown: count sections
        return (section + within) / len(sections)
    return (sum(sizes[:section]) + sizes[section] * within) / total
