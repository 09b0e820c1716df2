"""`readmark import FILE`: the format recognised from the content.

W3C JSON goes to the W3C importer as before; Kindle clippings, KOReader
sidecars (a file or a folder of them) and calibre exports are planned first,
the plan printed (what will be placed, what is already here, what is kept
unplaced), then committed as one transaction unless `--dry-run`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from readmark.core.store.library import Library
from readmark.i18n import format_number


def is_other_reader(path: Path) -> bool:
    """Whether `path` is for these importers (not W3C JSON); AnnotationImportError if unreadable."""
    from readmark.core.importers import is_other_reader as recognised

    return recognised(path)


def run(library: Library, args: argparse.Namespace) -> int:
    """Plan, print, commit (the caller turns AnnotationImportError into exit 2)."""
    from readmark.core.importers import read_marks
    from readmark.core.importers.plan import Status, plan_import
    from readmark.core.operations import commit_import

    parsed = read_marks(Path(args.file))
    hint = Path(args.book).resolve() if getattr(args, "book", None) else None
    plan = plan_import(library, parsed, book_hint=hint)
    from readmark.core.importers.records import READER_NAMES

    print(
        QCoreApplication.translate("Cli", "Format: {name}").format(
            name=READER_NAMES.get(plan.format, plan.format)
        )
    )
    for match in plan.books:
        where = (
            QCoreApplication.translate("Cli", "in the library: {path}").format(path=match.path)
            if match.path is not None
            else QCoreApplication.translate("Cli", "not in the library")
        )
        title = match.title or QCoreApplication.translate("Cli", "(no title)")
        print(f"  {title} — {where} ({format_number(match.marks)})")
    print(
        QCoreApplication.translate("Cli", "Will be placed: {n}").format(
            n=format_number(plan.placed)
        )
    )
    print(QCoreApplication.translate("Cli", "Already here: {n}").format(n=format_number(plan.here)))
    print(
        QCoreApplication.translate("Cli", "Cannot be found (kept with their quote): {n}").format(
            n=format_number(plan.unplaced)
        )
    )
    if plan.no_book:
        print(
            QCoreApplication.translate(
                "Cli", "Not imported, the file names no book (give it with --book): {n}"
            ).format(n=format_number(plan.no_book))
        )
    for reason, count in sorted(plan.left_out.items()):
        reason = QCoreApplication.translate("ImportReason", reason)
        print(
            QCoreApplication.translate("Cli", "Left out: {reason}: {n}").format(
                reason=reason, n=format_number(count)
            )
        )
    if args.dry_run:
        print(QCoreApplication.translate("Cli", "Nothing was written (--dry-run)."))
        return 0
    changes = commit_import(library.annotations, plan.changes())
    added = sum(1 for item in plan.items if item.status in (Status.PLACED, Status.UNPLACED))
    assert added == len(changes)
    print(QCoreApplication.translate("Cli", "Imported: {n}").format(n=format_number(len(changes))))
    return 0
