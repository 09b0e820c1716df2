"""The text of a big book just opened is made ready for searching in the
background: right after its first screen, one process per core (two at most) at
the lowest CPU priority (core/search/warm.py), each over its share of the
chapters, converts them and hands over what it has finished every fraction of
a second; the last one joins the whole text, kept beside the converted sections.
So the reader's first Ctrl+F in it searches the whole book at once, and a search
begun meanwhile takes the chapters already done and converts only the others,
from the far end of each share, where the processes arrive last.

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
    from readmark.core.book import Book
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
        for process in self._processes:
            if process.poll() is None:
                process.kill()

    def _book_shown(self, book: Book) -> None:
        self._window.tasks.cancel(_KIND)
        self._end_processes()
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
        window, book = self._window, self._book
        cache = window.cache
        if book is None or window.reader.book is not book or cache is None:
            return
        if getattr(sys, "frozen", False):
            return
        key = book.cache_key
        try:
            big = book.path.stat().st_size >= MIN_BYTES
        except OSError:
            return
        if not big:  # a small book is converted in a blink: nothing to import or start
            return
        from readmark.core.search.saved_text import NAME

        if cache.has_blob(key, NAME):
            return
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
        shares = max(1, min(MAX_PROCESSES, os.cpu_count() or 1, count))
        bounds = [count * share // shares for share in range(shares + 1)]
        commands = [
            [*command, str(bounds[share]), str(bounds[share + 1]), str(os.getpid())]
            for share in range(shares)
        ]

        # The child finds this very Readmark, however this one was found (installed,
        # or a source folder on sys.path).
        environment = dict(os.environ)
        here = str(Path(__file__).resolve().parents[3])  # the folder holding readmark/
        paths = [here, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
        environment["PYTHONPATH"] = os.pathsep.join(paths)

        def work(progress: Progress) -> int:
            processes = self._processes = [
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


def install(window: MainWindow) -> SearchWarmer:
    return SearchWarmer(window)
