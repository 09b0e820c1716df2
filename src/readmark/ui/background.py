"""The one way the window runs long work: off the UI thread, with progress and
cancel, the result delivered on the UI thread, a newer request superseding an
older one of the same kind.

    tasks.run("open-book", lambda progress: open_book(path), done, failed)

`work` runs on a worker thread and gets a `Progress`: it may report how far
it is, and should call `progress.check()` where stopping is safe (a cancelled
task raises `Cancelled` there). Whatever it returns is passed to `done` on
the UI thread; an exception to `failed`. A task that was cancelled, or
superseded by a newer one of its kind, delivers nothing at all — so a late
result can never overwrite a newer one. Work that cannot stop midway (a book
being parsed) simply finishes in the background and is dropped.

Python threads, not QThreads: the work is pure Python in the core, and the
results cross to the UI thread through a queued signal. That signal belongs to
one relay object that lives as long as the program, never to the task: a worker
thread emitting a signal of an object the UI thread is deleting at that moment
(a window closed while its book loads) crashed the process; the relay hands the
result to the task on the UI thread, if the task is still there.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid


class Cancelled(Exception):  # noqa: N818 - it is what happened, not an error
    """Raised by `Progress.check()` in a task that was cancelled."""


class Progress:
    """What a running task sees: whether it was cancelled; where to report."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """`done` of `total` steps (total 0: unknown); raises Cancelled if cancelled."""
        self.check()
        _relay().progressed.emit(self._task, done, total, text)


class _Relay(QObject):
    """Carries what worker threads send to the UI thread's tasks (see the module's
    docstring): made once, on the UI thread, and never deleted."""

    progressed = Signal(object, int, int, str)  # task, done, total, text
    delivered = Signal(object, object, object)  # task, result, error

    def __init__(self) -> None:
        super().__init__(None)
        # Queued: only worker threads emit these, and the slots are the relay's own, so
        # Qt's automatic connection queues them to the relay's (the UI) thread. Named
        # `Qt.ConnectionType.QueuedConnection` would build PySide's whole `Qt` namespace
        # (~15 ms, readmark/lazy_qt.py) before the first screen, whose book this carries.
        self.progressed.connect(self._progressed)
        self.delivered.connect(self._delivered)

    def _progressed(self, task: Task, done: int, total: int, text: str) -> None:
        if isValid(task):
            task.progressed.emit(done, total, text)

    def _delivered(self, task: Task, result: object, error: object) -> None:
        if isValid(task):  # else the window that asked is gone: nobody takes it
            task._deliver(result, error)  # noqa: SLF001 - the relay is the task's own


_the_relay: list[_Relay] = []


def _relay() -> _Relay:
    return _the_relay[0]


def _make_relay() -> None:
    """On the UI thread, before any task runs (the relay lives in the thread that
    makes it, and its slots run there)."""
    if not _the_relay:
        _the_relay.append(_Relay())


class Task(QObject):
    """One run of some work. Its signals arrive on the UI thread."""

    progressed = Signal(int, int, str)  # done, total (0 = unknown), what it is doing

    def __init__(self, kind: str, parent: QObject) -> None:
        super().__init__(parent)
        self.kind = kind
        self.progress = Progress(self)
        self._on_done: Callable[[Any], None] | None = None
        self._on_error: Callable[[BaseException], None] | None = None
        self._finished = False
        self._on_finish: Callable[[], None] | None = None  # the pool forgets it

    @property
    def running(self) -> bool:
        return not self._finished and not self.progress.cancelled

    def cancel(self) -> None:
        """Deliver nothing; stop at the work's next `check()`."""
        self.progress._cancelled.set()

    def _deliver(self, result: object, error: object) -> None:
        self._finished = True
        if self._on_finish is not None:
            self._on_finish()
        if self.progress.cancelled:
            self.deleteLater()
            return
        try:
            if error is None:
                if self._on_done is not None:
                    self._on_done(result)
            elif self._on_error is not None:
                assert isinstance(error, BaseException)
                self._on_error(error)
        finally:
            self.deleteLater()


class BackgroundTasks(QObject):
    """Runs and keeps track of the window's background work."""

    busy_changed = Signal(bool)  # some task is running / none is

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[str, Task] = {}
        _make_relay()

    def run(
        self,
        kind: str,
        work: Callable[[Progress], object],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
        progressed: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        """Start `work` on a worker thread; cancels the running task of `kind`.
        `progressed(done, total, text)` hears its progress reports."""
        self.cancel(kind)
        task = Task(kind, self)
        task._on_done = done
        task._on_error = failed
        if progressed is not None:
            task.progressed.connect(progressed)
        task._on_finish = lambda: self._forget(kind, task)
        was_busy = bool(self._running)
        self._running[kind] = task
        progress = task.progress
        relay = _relay()

        def send(result: object, error: BaseException | None) -> None:
            try:
                relay.delivered.emit(task, result, error)
            except RuntimeError:  # the relay is gone: Python is ending (a worker
                pass  # that outlived the window, e.g. one waiting for processes)

        def run() -> None:
            try:
                result = work(progress)
            except Cancelled:
                send(None, Cancelled())
            except Exception as error:  # noqa: BLE001 - delivered to `failed`, printed for bugs
                if not progress.cancelled:
                    traceback.print_exc()
                send(None, error)
            else:
                send(result, None)

        threading.Thread(target=run, name=f"readmark-{kind}", daemon=True).start()
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def cancel(self, kind: str) -> None:
        task = self._running.pop(kind, None)
        if task is not None:
            task.cancel()
            if not self._running:
                self.busy_changed.emit(False)

    def cancel_all(self) -> None:
        for kind in list(self._running):
            self.cancel(kind)

    def running(self, kind: str) -> bool:
        task = self._running.get(kind)
        return task is not None and task.running

    def _forget(self, kind: str, task: Task) -> None:
        if self._running.get(kind) is task:
            del self._running[kind]
            if not self._running:
                self.busy_changed.emit(False)
