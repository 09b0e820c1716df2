"""The automatic start-up backup runs off the UI thread, says nothing unless it
fails, and quitting mid-copy leaves no half-written file and hardly waits.

In the window: the copy is held back (as a slow disk would) while the reader
pages and toggles the contents. In a real `readmark` process: the smoke test
exits while a big library is being copied; a process killed mid-copy leaves its
temporary file, which the next start-up backup removes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressBar
from reader_wait import window_answers

from readmark import paths
from readmark.core.store.backups import LEFTOVER_AGE_S, BackupManager
from readmark.ui.shell.startup_backup import GRACE_S, STOP_WAIT_S, StartupBackup


def temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".library-*"))


def startup_backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("library-*-startup*.sqlite3"))


def pad(library: Path, megabytes: int) -> None:
    """Make the library as big as a well-used one (the copy then takes a while)."""
    db = sqlite3.connect(library)
    db.execute("CREATE TABLE padding (data BLOB)")
    db.executemany("INSERT INTO padding VALUES (randomblob(1048576))", [()] * megabytes)
    db.commit()
    db.close()


@pytest.fixture
def slow_disk(monkeypatch):
    """Every step of a backup's copy waits `pause` (a slow disk); the first one also
    until `release` is set, so a test can act while the copy is under way."""

    class Disk:
        pause = 0.0
        started = threading.Event()
        release = threading.Event()

    disk = Disk()
    real = BackupManager.backup_now

    def backup_now(self, reason, progress=lambda *a: None):
        def step(stage: str, done: int, total: int) -> None:
            disk.started.set()
            assert disk.release.wait(10), "the test never released the copy"
            threading.Event().wait(disk.pause)
            progress(stage, done, total)

        return real(self, reason, step)

    monkeypatch.setattr(BackupManager, "backup_now", backup_now)
    yield disk
    disk.release.set()  # never leave a worker waiting


def test_the_window_answers_while_the_startup_backup_runs_and_nothing_is_said(
    qtbot, make_window, open_and_wait, long_book, slow_disk
):
    window = make_window()
    open_and_wait(window, long_book)
    backup = StartupBackup(window.tasks, window)
    backup.start(window.owner.backups)
    assert slow_disk.started.wait(10)
    assert backup.running
    window_answers(qtbot, window)
    # Quiet: no progress bar, no message while it runs.
    assert not [bar for bar in window.statusBar().findChildren(QProgressBar) if bar.isVisible()]
    with qtbot.waitSignal(backup.finished, timeout=10_000):
        slow_disk.release.set()
    assert window.statusBar().currentMessage() == ""
    folder = paths.backups_dir()
    assert len(startup_backups(folder)) == 1
    assert temporary_files(folder) == []


def test_quitting_mid_copy_stops_it_at_once_and_leaves_no_file(
    qtbot, make_window, open_and_wait, long_book, slow_disk
):
    window = make_window()
    open_and_wait(window, long_book)
    pad(paths.library_db(), 8)  # 8 MiB: 8 steps of the copy
    slow_disk.pause = 0.25  # 2 s for the whole copy: far more than quitting waits
    backup = StartupBackup(window.tasks, window)
    backup.start(window.owner.backups)
    assert slow_disk.started.wait(10)
    folder = paths.backups_dir()
    assert temporary_files(folder)  # the copy is being written
    slow_disk.release.set()
    began = time.monotonic()
    assert backup.finish()  # what run_gui does once the event loop has ended
    waited = time.monotonic() - began
    assert waited < GRACE_S + STOP_WAIT_S
    assert temporary_files(folder) == []
    assert startup_backups(folder) == []  # stopped, not finished
    qtbot.waitSignal(backup.finished, timeout=10_000)


def test_a_failed_startup_backup_is_said(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    blocked = paths.backups_dir()
    blocked.parent.mkdir(parents=True, exist_ok=True)
    if blocked.is_dir():
        for child in blocked.iterdir():
            child.unlink()
        blocked.rmdir()
    blocked.write_text("a file where the backups folder should be")
    backup = StartupBackup(window.tasks, window)
    backup.failed.connect(window.show_error)
    backup.start(BackupManager(paths.library_db(), blocked))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorDialog") is not None)
    box = window.findChild(QMessageBox, "errorDialog")
    assert box.windowTitle() == "The backup failed"
    assert str(paths.library_db()) in box.text()
    box.close()


# -- in a real readmark process ----------------------------------------------------------


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, READMARK_HOME=str(home), QT_QPA_PLATFORM="offscreen")


def _smoke_test(book: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readmark", str(book), "--smoke-test"],
        env=_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def _a_big_library_due_for_backup(book: Path, home: Path, megabytes: int) -> Path:
    first = _smoke_test(book, home)  # the book enters the library
    assert first.returncode == 0, first.stderr[-2000:]
    folder = home / "data" / "backups"
    for made in folder.glob("*"):
        made.unlink()  # none yet: the next start backs up
    pad(home / "data" / "library.sqlite3", megabytes)
    return folder


def test_the_smoke_test_exits_during_the_backup_without_leaving_a_file(long_book, readmark_home):
    folder = _a_big_library_due_for_backup(long_book, readmark_home, 120)
    began = time.monotonic()
    done = _smoke_test(long_book, readmark_home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke-test ok" in done.stdout
    assert temporary_files(folder) == []
    for made in startup_backups(folder):  # if it finished in time, it is whole
        db = sqlite3.connect(made)
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        db.close()
    assert time.monotonic() - began < 60


def test_a_copy_killed_midway_is_removed_by_the_next_startup_backup(long_book, readmark_home):
    folder = _a_big_library_due_for_backup(long_book, readmark_home, 200)
    child = subprocess.Popen(
        [sys.executable, "-m", "readmark", str(long_book)],
        env=_env(readmark_home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not temporary_files(folder) and child.poll() is None:
            assert time.monotonic() < deadline, "the start-up backup never began"
            threading.Event().wait(0.005)  # polling another process's folder
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(10)
    left = temporary_files(folder)
    assert left and not startup_backups(folder)  # killed mid-copy: nothing could clean up
    aged = time.time() - LEFTOVER_AGE_S - 1  # as it is when the reader comes back later
    for name in left:
        os.utime(folder / name, (aged, aged))
    done = _smoke_test(long_book, readmark_home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not set(left) & set(temporary_files(folder))
