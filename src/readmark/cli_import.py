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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Cli", text)


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

    print(_tr("Format: {name}").format(name=READER_NAMES.get(plan.format, plan.format)))
    for match in plan.books:
        where = (
            _tr("in the library: {path}").format(path=match.path)
            if match.path is not None
            else _tr("not in the library")
        )
        print(f"  {match.title or _tr('(no title)')} — {where} ({match.marks})")
    print(_tr("Will be placed: {n}").format(n=plan.placed))
    print(_tr("Already here: {n}").format(n=plan.here))
    print(_tr("Cannot be found (kept with their quote): {n}").format(n=plan.unplaced))
    for reason, count in sorted(plan.left_out.items()):
        reason = QCoreApplication.translate("ImportReason", reason)
        print(_tr("Left out: {reason}: {n}").format(reason=reason, n=count))
    if args.dry_run:
        print(_tr("Nothing was written (--dry-run)."))
        return 0
    changes = commit_import(library.annotations, plan.changes())
    added = sum(1 for item in plan.items if item.status is not Status.HERE)
    assert added == len(changes)
    print(_tr("Imported: {n}").format(n=len(changes)))
    return 0
