"""Starting the GUI: application object, translation, store, window."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from readmark import (
    __version__,
    i18n,
    paths,
    resources,
    startup_dataclasses,
    startup_gc,
    startup_re,
)
from readmark.core.render_cache import RenderCache
from readmark.core.store.settings import Settings
from readmark.ui.shell.library_owner import LibraryOwner
from readmark.ui.shell.preferences import backups_folder
from readmark.ui.shell.startup_backup import StartupBackup

if TYPE_CHECKING:
    from readmark.core.book import Book
    from readmark.core.store.library import Library
    from readmark.ui.shell.main_window import MainWindow
    from readmark.ui.shell.single_instance import Claim

_SMOKE_TIMEOUT_MS = 60_000
# A book slower than this to open shows the window (and its progress) before its text.
SHOW_AT_THE_LATEST_MS = 400
# The garbage collector held for start-up (startup_gc.py) runs again by then in any case.
RELEASE_GC_AT_THE_LATEST_MS = 3000


def run_gui(
    book: Path | None,
    language: str | None,
    smoke_test: bool = False,
    link: str | None = None,
    claim: Claim | None = None,
    others: Sequence[str] = (),
) -> int:
    """`link`: a readmark:// link to follow instead of opening `book`; `claim`: this
    process is the user's one Readmark (see single_instance) and listens for others;
    `others`: more books named after the first, added to the library (arrivals.py)."""
    started = time.time()
    # "readmark" as argv[0] names the window class (WM_CLASS) whatever started us.
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["readmark"])
    app.setApplicationName("Readmark")
    app.setDesktopFileName("org.readmark.Readmark")  # desktop_integration.APP_ID
    app.setApplicationDisplayName("Readmark")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Readmark")

    settings = Settings(paths.settings_file())
    language = i18n.normalise(language or settings.get("ui.language") or i18n.system_language())
    i18n.install_translator(app, language)

    # Never raises: a damaged or newer library is moved aside and a backup
    # restored; an unwritable data folder leaves reading without saving. The
    # start-up backup, when one is due, waits until the first screen is up.
    owner = LibraryOwner(
        paths.library_db(), backups_folder(settings), keep=int(settings.get("backups.keep"))
    )
    # A first start (no library file yet, no link to follow in it) has nothing to read
    # from it for the first screen — no position, choices or annotations — and making
    # it syncs the disk several times (30–50 ms): it is made once that screen is up.
    create_later = link is None and not owner.db.exists()
    notes = [] if create_later else owner.open(defer_backup=True)
    library = owner.library

    from readmark.ui.shell.main_window import MainWindow

    cache = RenderCache(paths.render_cache_dir())
    window = MainWindow(settings, owner, cache, language, staged=True)
    build_rest_after_first_screen(window)  # first: what follows may use it
    startup_gc.settle()  # the modules and the window stay; the book's objects come next
    show_with_first_screen(window)
    if create_later:  # next after the rest of the window: what follows may use it
        _after_first_screen(window, lambda: _create_library(window, owner))
    else:
        _say_how_the_library_opened(window, library, notes)

    if settings.problem is not None:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Your preferences were reset"),
            i18n.translate_error(settings.problem),
        )

    # Later Readmarks, Finder and readmark:// links arrive here (ui/shell/arrivals.py).
    from readmark.ui.shell.arrivals import Arrivals

    arrivals = Arrivals(window, claim)
    target = book or _last_book(settings, library) or resources.guide_book(language)
    # Armed before the smoke test: the deferred work runs before its exit and counts in it.
    backup = _startup_backup(window)
    _after_first_screen(window, lambda: backup.start_if_due(owner))
    _after_first_screen(window, lambda: window.syncer.start())  # sync as the window opens
    _after_first_screen(window, startup_gc.release)  # held since the start (startup_gc.py)
    QTimer.singleShot(RELEASE_GC_AT_THE_LATEST_MS, startup_gc.release)  # no book came
    _after_first_screen(window, startup_re.release)  # patterns from the memo: start-up only
    QTimer.singleShot(RELEASE_GC_AT_THE_LATEST_MS, startup_re.release)
    _after_first_screen(window, startup_dataclasses.release)  # data classes, the same
    QTimer.singleShot(RELEASE_GC_AT_THE_LATEST_MS, startup_dataclasses.release)
    if smoke_test:
        _arm_smoke_test(app, window, started)
    if link is not None:
        QTimer.singleShot(0, lambda: arrivals.open(link))
    else:
        QTimer.singleShot(0, lambda: window.open_path(target))
    if others:  # the library room they go to is built once the first screen is up
        _after_first_screen(window, lambda: arrivals.add_others(others))
    code = app.exec()
    backup.finish()  # a moment at most: no half-written copy is left behind
    arrivals.close()
    owner.close()  # whichever library is open by then (a restore replaces it)
    return code


def _create_library(window: MainWindow, owner: LibraryOwner) -> None:
    """A first start's library, made once its first screen is up (with the same
    recovery and messages as any start)."""
    notes = owner.open(defer_backup=True)
    window.library_created()
    _say_how_the_library_opened(window, owner.library, notes)


def _say_how_the_library_opened(
    window: MainWindow, library: Library | None, notes: list[str]
) -> None:
    if library is None:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Your library is unavailable"),
            "\n\n".join(
                [
                    *notes,
                    QCoreApplication.translate(
                        "MainWindow", "You can still read; positions will not be saved."
                    ),
                ]
            ),
        )
    elif notes:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Your library was recovered"),
            "\n\n".join(notes),
        )


def _last_book(settings: Settings, library: Library | None) -> Path | None:
    """The book read last, when the reader wants it back and it is still there
    (the bundled guide is never among the recent books)."""
    if library is None or not settings.get("session.reopen_last"):
        return None
    for record in library.recent(limit=5):
        path = Path(record.path)
        if path.is_file():
            return path
    return None


def show_with_first_screen(window: MainWindow) -> None:
    """Show the window once it holds its first book (or the opening failed, or after
    SHOW_AT_THE_LATEST_MS): the first screen is painted once, with its text. An
    empty window shown first is painted while the book loads, ~10 ms of CPU that
    the book's loading on the worker thread waits for (they share the interpreter)."""
    pending = [True]

    def show(*_: object) -> None:
        if pending:
            pending.clear()
            window.show()

    window.opener.opened.connect(show)  # after the window has taken the book (wired first)
    window.open_failed.connect(show)
    QTimer.singleShot(SHOW_AT_THE_LATEST_MS, show)


def build_rest_after_first_screen(window: MainWindow) -> None:
    """A window built `staged` (only what its first screen shows) gets the rest —
    the menus' actions and shortcuts, … (MainWindow.build_rest) — in the event
    loop's first turn after that screen is painted, or once its opening failed, or
    at SHOW_AT_THE_LATEST_MS (a slow book, a link that opens none)."""
    _after_first_screen(window, window.build_rest)
    QTimer.singleShot(SHOW_AT_THE_LATEST_MS, window, window.build_rest)


def _after_first_screen(window: MainWindow, work: Callable[[], None]) -> None:
    """Run `work` once, after the first book's first screen has been painted (or
    its opening failed): what the reader does not see waits for what they do."""
    pending = [work]

    def run() -> None:
        if pending:
            QTimer.singleShot(0, pending.pop())  # after the paint, not inside it

    window.reader.first_painted.connect(run)
    window.open_failed.connect(run)


def _startup_backup(window: MainWindow) -> StartupBackup:
    """The start-up backup, on a worker thread; said only if it fails."""
    backup = StartupBackup(window.tasks, window)
    backup.failed.connect(window.show_error)
    return backup


def _arm_smoke_test(app: QApplication, window: MainWindow, started: float) -> None:
    """Exit 0 once the book's first screen of text has been painted; 1 on failure."""
    marks: dict[str, float | str] = {}  # seconds from start, and the title

    def shown(book: Book) -> None:
        marks["navigable"] = time.time() - started
        marks["title"] = book.metadata.title
        window.reader.viewport().update()

    def painted() -> None:
        if "navigable" not in marks:
            return
        marks["first_paint"] = time.time() - started
        print(f"smoke-test ok: {marks['title']}", flush=True)
        print("timings " + json.dumps(marks, ensure_ascii=False), flush=True)
        QTimer.singleShot(0, lambda: app.exit(0))

    def failed(message: str) -> None:
        print(f"smoke-test failed: {message}", file=sys.stderr, flush=True)
        app.exit(1)

    window.book_shown.connect(shown)
    window.reader.first_painted.connect(painted)
    window.open_failed.connect(failed)
    QTimer.singleShot(_SMOKE_TIMEOUT_MS, lambda: failed("timed out"))
