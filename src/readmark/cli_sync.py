"""`readmark sync [--folder DIR]`: this library's marks in step with the other
computers' through a folder (core/sync); the folder is remembered as `sync.folder`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from readmark.core.store.library import Library


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser(
        "sync", help="keep annotations in step with your other computers through a folder"
    )
    sync.add_argument(
        "--folder",
        help="the folder your sync tool shares between computers (remembered for next time)",
    )


def run(
    args: argparse.Namespace,
    open_library: Callable[[], AbstractContextManager[Library]],
    fail: Callable[[str], int],
) -> int:
    from readmark import paths
    from readmark.core.store.errors import StoreError
    from readmark.core.store.settings import Settings
    from readmark.core.sync.engine import SyncError, sync
    from readmark.i18n import format_number, translate_error

    settings = Settings(paths.settings_file())
    folder_text = args.folder or settings.get("sync.folder")
    if not folder_text:
        return fail(
            QCoreApplication.translate(
                "Cli", "No sync folder yet: give one with --folder DIR (it is remembered)."
            )
        )
    folder = Path(folder_text).expanduser().absolute()
    try:
        with open_library() as library:
            report = sync(library, folder, paths.data_dir() / "sync")
    except (SyncError, StoreError) as error:
        return fail(translate_error(error))
    if args.folder and settings.get("sync.folder") != str(folder):
        if not settings.set("sync.folder", str(folder)):
            print(
                QCoreApplication.translate(
                    "Cli", "readmark: the sync folder could not be remembered in {path}."
                ).format(path=settings.path),
                file=sys.stderr,
            )
    print(
        QCoreApplication.translate("Cli", "Changes in: {incoming}, out: {outgoing}").format(
            incoming=format_number(report.incoming), outgoing=format_number(report.outgoing)
        )
    )
    for problem in report.problems:  # the sync ran; these files wait for the next one
        print(f"readmark: {translate_error(problem)}", file=sys.stderr)
    return 2 if report.problems else 0
