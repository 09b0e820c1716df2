"""The text of a big book just opened is made ready for searching in the
background: right after its first screen, one process per core (two at most) at
the lowest CPU priority (core/search/warm.py), each over its share of the
chapters, converts them and hands over what it has finished every fraction of
a second; the last one joins the whole text, kept beside the converted sections.
So the reader's first Ctrl+F in it searches the whole book at once, and a search
begun meanwhile takes the chapters already done and converts only the others,
from the far end of each share, where the processes arrive last.

When the window is built whole as a book starts opening (a book opened from the
library or File › Open, not the one on the command line, whose window is built
after its first screen), the processes are started with the opening instead, at
the lowest priority: their Python, imports and opening of the book (~0.15 s of
CPU each) are done by the first screen, where they wait to be told their share
(`BookOpener.starting`; the share and the book's key on their standard input).
A search typed at once after the first screen then gets their first sections
~0.15 s sooner. Another opening, a failed one, a book that wants none, closing the
window or quitting ends them.

Only for books whose file is at least `MIN_BYTES` (a smaller book converts in
well under the search's 300 ms anyway) and whose text is not saved yet; never
in a frozen bundle (it cannot start a Python module). It runs as a `search-warm`
background task that waits for the processes: opening another book cancels it,
closing the window cancels it, and a cancelled task ends its processes. The window
calls `install(window)` once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

if TYPE_CHECKING:
    from readmark.core.book import Book, LoadOptions
    from readmark.ui.background import Progress
    from readmark.ui.shell.main_window import MainWindow

MIN_BYTES = 1_000_000
# After the first screen, at once: at the lowest priority the processes take only
# what the reader leaves idle, and every second counts for a search typed at once.
DELAY_MS = 0
MAX_PROCESSES = 2
_KIND = "search-warm"
_POLL_S = 0.2  # how often the waiting worker looks whether it was cancelled


class SearchWarmer(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)  # read when built
        self._timer.timeout.connect(self._start)
        self._book: Book | None = None
        # The processes of the task running, ended from here when the window closes:
        # its worker thread, which would end them, does not outlive the program.
        self._processes: list[subprocess.Popen[bytes]] = []
        # Started while a big book opens (`_opening`), waiting to be told their share:
        # the book's path and choices, and the processes.
        self._early: tuple[Path, str, list[subprocess.Popen[bytes]]] | None = None
        window.opener.starting.connect(self._opening)
        window.opener.failed.connect(lambda _message: self._end_early())
        window.book_shown.connect(self._book_shown)
        # Started once the book's first screen is painted: the cache key it needs
        # (a digest of the rendering code on a first start) must not delay it.
        window.reader.first_painted.connect(self._first_painted)
        if window.reader.book is not None:  # built after the book's first screen (build_rest)
            self._book_shown(window.reader.book)
        window.installEventFilter(self)  # to hear the window close
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._end_processes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() == QEvent.Type.Close:
            self._timer.stop()
            self._window.tasks.cancel(_KIND)
            self._end_processes()  # now: the program may quit before the task looks again
        return False

    def _end_processes(self) -> None:
        """The window closes or the program quits: every process of this window ends."""
        self._end_task_processes()
        self._end_early()

    def _end_task_processes(self) -> None:
        for process in self._processes:
            if process.poll() is None:
                process.kill()

    def _end_early(self) -> None:
        early, self._early = self._early, None
        for process in early[2] if early else []:
            if process.poll() is None:
                process.kill()
                process.wait()

    def _opening(self, path: Path, options: LoadOptions) -> None:
        """A book is being opened: if it is big, start its processes now, so their
        Python, imports and opening of the book (~0.15 s of CPU each, at the lowest
        priority) are done by its first screen; they wait there for their share."""
        self._end_early()
        cache = self._window.cache
        if cache is None or getattr(sys, "frozen", False):
            return
        try:
            if path.stat().st_size < MIN_BYTES:
                return
        except OSError:
            return
        choices = json.dumps(asdict(options))
        command = [sys.executable, "-m", "readmark.core.search.warm", str(path)]
        command += [str(cache.root), "-", choices, str(os.getpid())]
        processes = [
            subprocess.Popen(  # noqa: S603 - our own module, no shell
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                env=_environment(),
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
                | getattr(subprocess, "IDLE_PRIORITY_CLASS", 0),
            )
            for _share in range(max(1, min(MAX_PROCESSES, os.cpu_count() or 1)))
        ]
        self._early = (path, choices, processes)

    def _adopt(self, book: Book) -> list[subprocess.Popen[bytes]]:
        """The processes started while `book` opened, if still waiting for it."""
        early, self._early = self._early, None
        if early is None:
            return []
        path, choices, processes = early
        if path != book.path or choices != json.dumps(asdict(book.options)):
            self._early = early
            self._end_early()
            return []
        return [process for process in processes if process.poll() is None]

    def _book_shown(self, book: Book) -> None:
        self._window.tasks.cancel(_KIND)
        self._end_task_processes()  # those started while this book opened wait for it
        self._timer.stop()
        self._book = book
        if self._window.reader.painted():
            self._timer.start()

    def _first_painted(self) -> None:
        if self._book is not None and self._book is self._window.reader.book:
            self._timer.start()

    def start_now(self) -> None:
        """Make the text of the book on screen ready now, without waiting (bench)."""
        self._timer.stop()
        self._book = self._window.reader.book
        self._start()

    def _start(self) -> None:
        if not self._started():
            self._end_early()  # processes started while the book opened are not wanted

    def _started(self) -> bool:
        """Start (or tell) the processes for the book shown; whether it wants them."""
        window, book = self._window, self._book
        cache = window.cache
        if book is None or window.reader.book is not book or cache is None:
            return False
        if getattr(sys, "frozen", False):
            return False
        key = book.cache_key
        try:
            big = book.path.stat().st_size >= MIN_BYTES
        except OSError:
            return False
        if not big:  # a small book is converted in a blink: nothing to import or start
            return False
        from readmark.core.search.saved_text import NAME

        if cache.has_blob(key, NAME):
            return False
        command = [
            sys.executable,
            "-m",
            "readmark.core.search.warm",
            str(book.path),
            str(cache.root),
            key,
            json.dumps(asdict(book.options)),
        ]
        count = len(book.sections)
        early = self._adopt(book)
        shares = len(early) or max(1, min(MAX_PROCESSES, os.cpu_count() or 1, count))
        bounds = [count * share // shares for share in range(shares + 1)]
        commands = [
            [*command, str(bounds[share]), str(bounds[share + 1]), str(os.getpid())]
            for share in range(shares)
        ]
        for share, process in enumerate(early):  # told their share: they start at once
            try:
                assert process.stdin is not None
                process.stdin.write(f"{key} {bounds[share]} {bounds[share + 1]}\n".encode())
                process.stdin.close()
            except OSError:  # it ended meanwhile: its share is made by the search
                pass
        environment = _environment()

        def work(progress: Progress) -> int:
            processes = self._processes = early or [
                subprocess.Popen(  # noqa: S603 - our own module, no shell
                    share,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    env=environment,
                    # Windows: no console window, and the idle priority (nice is Unix's).
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
                    | getattr(subprocess, "IDLE_PRIORITY_CLASS", 0),
                )
                for share in commands
            ]
            try:
                status = 0
                for process in processes:
                    while True:
                        try:
                            status = max(status, process.wait(_POLL_S))
                            break
                        except subprocess.TimeoutExpired:
                            progress.check()  # raises Cancelled: the processes are ended below
                return status
            finally:
                killed = False
                for process in processes:
                    if process.poll() is None:
                        process.kill()
                        process.wait()
                        killed = True
                if killed:  # their leases: no parts will come from them
                    from readmark.core.search.saved_text import SavedText

                    for share in range(shares):
                        SavedText(cache, key).release(bounds[share])

        window.tasks.run(_KIND, work, lambda _status: None, lambda _error: None)
        return True


def _environment() -> dict[str, str]:
    """The child finds this very Readmark, however this one was found (installed, or
    a source folder on sys.path)."""
    environment = dict(os.environ)
    here = str(Path(__file__).resolve().parents[3])  # the folder holding readmark/
    paths = [here, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def install(window: MainWindow) -> SearchWarmer:
    return SearchWarmer(window)
