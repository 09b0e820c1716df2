"""The one helper for long work: off the UI thread, progress, cancel, the result
on the UI thread, and a newer task of a kind superseding the older one."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QThread

from readmark.ui.background import BackgroundTasks, Cancelled


@pytest.fixture
def tasks(qtbot):
    helper = BackgroundTasks()
    yield helper
    helper.cancel_all()


def test_work_runs_off_the_ui_thread_and_the_result_comes_back_on_it(qtbot, tasks) -> None:
    ui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(progress) -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["on_ui_thread"] = QThread.currentThread() is ui_thread

    tasks.run("sum", work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker": True, "result": 42, "on_ui_thread": True}
    assert not tasks.running("sum")


def test_progress_is_reported_on_the_ui_thread(qtbot, tasks) -> None:
    reports = []
    finished = []

    def work(progress) -> None:
        for step in range(3):
            progress.report(step + 1, 3, "counting")

    tasks.run(
        "count",
        work,
        finished.append,
        progressed=lambda done, total, text: reports.append((done, total, text)),
    )
    qtbot.waitUntil(lambda: finished == [None])
    assert reports == [(1, 3, "counting"), (2, 3, "counting"), (3, 3, "counting")]


def test_a_failure_goes_to_failed_not_to_done(qtbot, tasks) -> None:
    done, failed = [], []

    def work(progress) -> None:
        raise ValueError("bad book")

    tasks.run("fail", work, done.append, failed.append)
    qtbot.waitUntil(lambda: bool(failed))
    assert done == [] and isinstance(failed[0], ValueError)


def test_a_newer_task_of_a_kind_supersedes_the_older(qtbot, tasks) -> None:
    """The older one is told to stop and, even if it finishes, delivers nothing."""
    release = threading.Event()
    stopped = threading.Event()
    delivered = []

    def slow(progress) -> str:
        release.wait(10)
        try:
            progress.check()
        except Cancelled:
            stopped.set()
            raise
        return "old"

    tasks.run("open", slow, delivered.append)
    tasks.run("open", lambda progress: "new", delivered.append)
    qtbot.waitUntil(lambda: delivered == ["new"])
    release.set()
    qtbot.waitUntil(stopped.is_set)
    qtbot.waitUntil(lambda: not tasks.running("open"))
    assert delivered == ["new"]


def test_a_cancelled_task_delivers_nothing_even_when_its_work_cannot_stop(qtbot, tasks) -> None:
    release = threading.Event()
    returned = threading.Event()
    delivered = []

    def unstoppable(progress) -> str:  # like a parser with no check() inside
        release.wait(10)
        returned.set()
        return "late"

    busy = []
    tasks.busy_changed.connect(busy.append)
    task = tasks.run("parse", unstoppable, delivered.append, delivered.append)
    tasks.cancel("parse")
    assert not task.running and busy == [True, False]
    release.set()
    qtbot.waitUntil(returned.is_set)
    # Whatever the worker sends after being cancelled is dropped on arrival (and
    # the task is let go of then).
    qtbot.waitUntil(lambda: not shiboken6.isValid(task))
    assert delivered == []


def test_kinds_run_side_by_side(qtbot, tasks) -> None:
    gate = threading.Barrier(2, timeout=5)
    results = []
    tasks.run("a", lambda progress: (gate.wait(), "a")[1], results.append)
    tasks.run("b", lambda progress: (gate.wait(), "b")[1], results.append)
    qtbot.waitUntil(lambda: sorted(results) == ["a", "b"])


def test_work_that_ends_after_its_owner_was_deleted_ends_quietly(qtbot) -> None:
    # A window closed while its export runs: the worker finishes into nothing,
    # and nothing is raised on its thread (pytest would report it).
    helper = BackgroundTasks()
    release = threading.Event()
    finished = threading.Event()
    errors: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    try:

        def work(progress) -> int:
            release.wait(10)
            finished.set()
            return 1

        task = helper.run("export", work, lambda _r: None)
        worker = next(t for t in threading.enumerate() if t.name == "readmark-export")
        shiboken6.delete(task)
        shiboken6.delete(helper)
        release.set()
        worker.join(10)
    finally:
        threading.excepthook = previous
    assert finished.is_set()
    assert errors == []


def test_tasks_deleted_while_their_workers_report_and_deliver(qtbot) -> None:
    # Windows closed while their books load, many times over: the UI thread deletes
    # each task as its worker reports progress and delivers. The result crosses
    # through an object that outlives every task (a worker emitting a signal of the
    # very object being deleted crashed the process); nothing reaches a deleted task
    # and nothing is raised on a worker's thread.
    errors: list[BaseException] = []
    reached: list[object] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    workers: list[threading.Thread] = []
    try:
        for round_ in range(600):
            helper = BackgroundTasks()
            go = threading.Event()

            def work(progress, go=go) -> int:
                go.wait(10)
                for step in range(20):
                    progress.report(step, 20)
                return 1

            task = helper.run(f"load-{round_}", work, reached.append, reached.append)
            task.progressed.connect(lambda *_args: reached.append("progress"))
            kind = f"readmark-load-{round_}"
            workers.append(next(t for t in threading.enumerate() if t.name == kind))
            go.set()  # the worker reports and delivers while the task is deleted
            shiboken6.delete(task)
            shiboken6.delete(helper)
        for worker in workers:
            worker.join(10)
        QCoreApplication.processEvents()  # the relayed deliveries arrive, find no task
    finally:
        threading.excepthook = previous
    assert not any(worker.is_alive() for worker in workers)
    assert errors == []
    assert reached == []


def test_a_worker_that_outlives_the_relay_ends_quietly(qtbot) -> None:
    # Python ending while a worker still waits (the search warmer's, for its
    # processes): the relay that carries results to the UI thread is deleted first.
    # The worker's result goes nowhere, and no traceback is printed on its thread.
    from readmark.ui import background

    helper = BackgroundTasks()
    release = threading.Event()
    errors: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    relay = background._the_relay[0]
    try:
        task = helper.run("search-warm", lambda _progress: release.wait(10), lambda _r: None)
        worker = next(t for t in threading.enumerate() if t.name == "readmark-search-warm")
        shiboken6.delete(relay)  # as Python's finalisation does
        background._the_relay.clear()
        release.set()
        worker.join(10)
    finally:
        threading.excepthook = previous
        background._the_relay.clear()
        background._make_relay()  # for the tests after this one
    assert not worker.is_alive()
    assert errors == []
    del task
