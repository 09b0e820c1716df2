"""The text of a big book just opened is made ready for searching in the
background: right after its first screen, one process per core (two at most) at
the lowest CPU priority (core/search/warm.py: on Linux copies of the reader made
by fork, the book already open in them; elsewhere programs started anew), each
over its share of the
chapters, converts them and hands over what it has finished every fraction of
a second; the last one joins the whole text, kept beside the converted sections.
So the reader's first Ctrl+F in it searches the whole book at once, and a search
begun meanwhile takes the chapters already done and converts only the others,
from the far end of each share, where the processes arrive last.

Only for books whose file is at least `MIN_BYTES` (a smaller book converts in
well under the search's 300 ms anyway) and whose text is not saved yet; not in
a frozen bundle that cannot fork (it cannot start a Python module). It runs as a `search-warm`
background task that waits for the processes: opening another book cancels it,
closing the window cancels it, and a cancelled task ends its processes. The window
calls `install(window)` once.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

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
        self._started: Book | None = None  # the book its processes were started for
        self._claimed: str | None = None  # the book key whose claims the copies share
        # The processes of the task running, ended from here when the window closes:
        # its worker thread, which would end them, does not outlive the program.
        self._processes: list[_Process] = []
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

    @staticmethod
    def _commands(book: Book, root: Path, bounds: list[int]) -> list[list[str]]:
        """The programs that make the shares, where nothing is forked (warm.FORKS)."""
        command = [
            sys.executable,
            "-m",
            "readmark.core.search.warm",
            str(book.path),
            str(root),
            book.cache_key,
            json.dumps(asdict(book.options)),
        ]
        return [
            [*command, str(bounds[share]), str(bounds[share + 1]), str(os.getpid())]
            for share in range(len(bounds) - 1)
        ]

    def _end_processes(self) -> None:
        for process in self._processes:
            if process.poll() is None:
                process.kill()
        if self._claimed is not None:  # a search now makes what the copies left
            from readmark.core.search import claims

            claims.end(self._claimed)
            self._claimed = None

    def _book_shown(self, book: Book) -> None:
        self._window.tasks.cancel(_KIND)
        self._end_processes()
        self._timer.stop()
        self._book, self._started = book, None
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

    def wanted(self) -> None:
        """A search wants the text of the book on screen: start now if not yet (a
        search typed before the first screen was painted)."""
        book = self._window.reader.book
        if book is not None and book is self._book and self._started is not book:
            self._timer.stop()
            self._start()

    def _start(self) -> None:
        window, book = self._window, self._book
        cache = window.cache
        if book is None or window.reader.book is not book or cache is None:
            return
        if self._started is book:  # once for each book shown
            return
        self._started = book
        try:
            big = book.path.stat().st_size >= MIN_BYTES
        except OSError:
            return
        if not big:  # a small book is converted in a blink: nothing to import or start
            return
        # Imported here: the first screen imports nothing of the search.
        from readmark.core.search import claims, warm
        from readmark.core.search.saved_text import NAME, SavedText

        if getattr(sys, "frozen", False) and not warm.FORKS:
            return  # a frozen bundle cannot start a Python module
        key = book.cache_key

        if cache.has_blob(key, NAME):
            return
        count = len(book.sections)
        shares = max(1, min(MAX_PROCESSES, os.cpu_count() or 1, count))
        bounds = [count * share // shares for share in range(shares + 1)]

        def release_leases() -> None:
            """The shares' leases, of processes ended: no parts will come from them."""
            saved = SavedText(cache, key)
            for share in range(shares):
                saved.release(bounds[share])

        if warm.FORKS:  # copies of this process, the book open in them (see warm.py)
            shared = claims.start(key, count)
            self._claimed = key
            self._processes = []
            try:
                for share in range(shares):
                    first, end = bounds[share], bounds[share + 1]
                    pid = warm.fork_share(
                        book, cache.root, key, shared, first, end, claims.SHARE + share
                    )
                    self._processes.append(_Forked(pid))
            except OSError:  # no process to be had (at the limit, out of memory): a
                self._end_processes()  # search makes the text itself, as in a small book
                release_leases()
                return

            def started() -> list[_Process]:
                return list(self._processes)

        else:
            commands = self._commands(book, cache.root, bounds)

            def started() -> list[_Process]:
                self._processes = [_spawned(command) for command in commands]
                return list(self._processes)

        def work(progress: Progress) -> int:
            processes = started()
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
                if killed:
                    release_leases()
                claims.end(key)  # a search makes what they left, and waits for nothing

        window.tasks.run(_KIND, work, lambda _status: None, lambda _error: None)


class _Process(Protocol):
    """What the task needs of a process making a share: `subprocess.Popen`'s."""

    def wait(self, timeout: float | None = None) -> int: ...
    def poll(self) -> int | None: ...
    def kill(self) -> None: ...


class _Forked:
    """A forked copy (warm.fork_share) as the task waits for it: Popen's three calls,
    safe from two threads at once (the task's, waiting; the UI thread's, ending it)
    as Popen's are: the copy is reaped, its descriptor closed and a signal sent to
    it under one lock, so none is done twice or to a process id used again."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._status: int | None = None
        self._lock = threading.Lock()
        # Linux 5.3+: a descriptor readable once the copy has ended, so waiting for it
        # sleeps instead of looking every few milliseconds (taking the interpreter
        # from a search each time); without it, it is looked at every 10 ms.
        self._ended: int | None = None
        try:
            self._ended = os.pidfd_open(pid)
        except (AttributeError, OSError):
            pass

    def poll(self) -> int | None:
        with self._lock:
            if self._status is None:
                try:
                    pid, status = os.waitpid(self.pid, os.WNOHANG)
                except ChildProcessError:  # not this program's child any more: ended
                    self._status = -1
                else:
                    if pid:
                        self._status = os.waitstatus_to_exitcode(status)
                if self._status is not None and self._ended is not None:
                    os.close(self._ended)
                    self._ended = None
            return self._status

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (status := self.poll()) is None:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise subprocess.TimeoutExpired(f"pid {self.pid}", timeout or 0)
            with self._lock:
                ended = self._ended
            if ended is None:
                time.sleep(0.01 if left is None else min(0.01, left))
                continue
            # At most a tenth of a second at a time: the other thread may reap the
            # copy and close the descriptor meanwhile (then this looks again).
            try:
                select.select([ended], [], [], 0.1 if left is None else min(0.1, left))
            except (OSError, ValueError):
                pass
        return status

    def kill(self) -> None:
        """Ended and reaped (a killed process ends at once: no zombie is left)."""
        with self._lock:
            if self._status is None:  # not reaped: its id is still its own
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.wait()


def _spawned(command: list[str]) -> subprocess.Popen[bytes]:
    # The child finds this very Readmark, however this one was found (installed,
    # or a source folder on sys.path).
    environment = dict(os.environ)
    here = str(Path(__file__).resolve().parents[3])  # the folder holding readmark/
    paths = [here, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return subprocess.Popen(  # noqa: S603 - our own module, no shell
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        env=environment,
        # Windows: no console window, and the idle priority (nice is Unix's).
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
        | getattr(subprocess, "IDLE_PRIORITY_CLASS", 0),
    )


def install(window: MainWindow) -> SearchWarmer:
    return SearchWarmer(window)
