"""`readmark library add|list|remove`: the library from the command line, over the
same core operations as the window's library view."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from readmark.core.store.library import Library


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    library = sub.add_parser("library", help="add, list or remove the books in the library")
    actions = library.add_subparsers(dest="library_command", required=True)
    add = actions.add_parser("add", help="add book files, or folders searched recursively")
    add.add_argument("paths", nargs="+", metavar="PATH")
    listing = actions.add_parser("list", help="list the books in the library")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    remove = actions.add_parser(
        "remove", help="take a book out of the library (its annotations are kept)"
    )
    remove.add_argument("book", metavar="BOOK", help="the book's path, or its title")
    remove.add_argument(
        "--delete-annotations",
        action="store_true",
        help="delete its annotations too (the library is backed up first)",
    )


def run(
    args: argparse.Namespace,
    open_library: Callable[[], AbstractContextManager[Library]],
    fail: Callable[[str], int],
) -> int:
    """Run `readmark library …`; `open_library` raises what the CLI turns into one line."""
    from readmark.core.store.errors import BackupError, StoreError
    from readmark.i18n import translate_error

    try:
        with open_library() as library:
            if args.library_command == "add":
                return _add(library, [Path(p) for p in args.paths], fail)
            if args.library_command == "list":
                return _list(library, args.json)
            return _remove(library, args.book, args.delete_annotations, fail)
    except (StoreError, BackupError) as error:
        return fail(translate_error(error))


def _add(library: Library, paths: list[Path], fail: Callable[[str], int]) -> int:
    from readmark.core.operations.library_books import add_books
    from readmark.i18n import translate_error

    def say(done: int, total: int, name: str) -> None:
        if name and sys.stderr.isatty():
            print(f"\r[{done + 1}/{total}] {name[:60]:<60}", end="", file=sys.stderr)

    report = add_books(library, paths, say)
    if sys.stderr.isatty():
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr)
    for label, found in (
        (QCoreApplication.translate("Cli", "Added"), report.added),
        (
            QCoreApplication.translate("Cli", "Moved or renamed (annotations and place kept)"),
            report.moved,
        ),
        (QCoreApplication.translate("Cli", "Back in the library"), report.restored),
        (QCoreApplication.translate("Cli", "Already in the library"), report.already),
    ):
        print(f"{label}: {len(found)}")
    if not report.unreadable:
        return 0
    label = QCoreApplication.translate("Cli", "Could not be added")
    print(f"{label}: {len(report.unreadable)}")
    for problem in report.unreadable:
        fail(
            QCoreApplication.translate("Cli", "“{path}” was not added: {reason}").format(
                path=problem.path, reason=translate_error(problem.error)
            )
        )
    return 2


def _list(library: Library, as_json: bool) -> int:
    from readmark.i18n import format_datetime

    entries = library.catalog.entries()
    if as_json:
        payload = [
            {
                "path": e.path,
                "title": e.title,
                "authors": e.authors,
                "format": e.format,
                "language": e.language,
                "size": e.size,
                "added": _iso(e.added),
                "last_read": _iso(e.last_opened),
                "progress": None if e.progress is None else round(e.progress * 100, 1),
                "chapter": e.chapter,
                "annotations": e.annotations,
                "series": e.series,
                "tags": list(e.tags),
                "collections": list(e.collections),
                "content_id": e.content_id,
            }
            for e in entries
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for e in sorted(entries, key=lambda e: e.title.casefold()):
        parts = [e.title]
        if e.authors:
            parts.append(e.authors)
        facts = [e.format, e.language, _size(e.size)]
        if e.progress is not None:
            facts.append(f"{e.progress * 100:.0f}%")
        if e.last_opened:
            facts.append(
                QCoreApplication.translate("Cli", "read {date}").format(
                    date=format_datetime(e.last_opened)
                )
            )
        print(" — ".join(parts))
        print("    " + ", ".join(f for f in facts if f))
        print("    " + e.path)
    if not entries:
        print(
            QCoreApplication.translate(
                "Cli", "The library is empty: add books with `readmark library add PATH`."
            )
        )
    return 0


def _iso(epoch: float) -> str | None:
    """ISO 8601 UTC, as the JSON exports write dates; None for never."""
    from datetime import UTC, datetime

    if not epoch:
        return None
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _size(size: int) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().formattedDataSize(size, 1) if size else ""  # the UI language's units


def _remove(library: Library, name: str, delete: bool, fail: Callable[[str], int]) -> int:
    from readmark.core.operations.library_books import find_in_library, remove_book

    path = find_in_library(library, name)
    if path is None:
        return fail(
            QCoreApplication.translate(
                "Cli", "“{book}” is not in the library (give its path, or its exact title)."
            ).format(book=name)
        )
    entry = library.catalog.entry(path)
    title = entry.title if entry else path.name
    removal = remove_book(library, path, delete)
    print(
        QCoreApplication.translate("Cli", "Removed “{title}” from the library.").format(title=title)
    )
    for line in removal_lines(removal.annotations, removal.deleted, removal.backup):
        print(line)
    return 0


def removal_lines(count: int, deleted: bool, backup: Path | None) -> Iterator[str]:
    if not count:
        return
    if deleted:
        yield QCoreApplication.translate(
            "Cli", "Its {count} annotations were deleted; the backup made first holds them: {path}"
        ).format(count=count, path=backup)
    else:
        yield QCoreApplication.translate(
            "Cli",
            "Its {count} annotations are kept: they come back when you add or open the book again.",
        ).format(count=count)
