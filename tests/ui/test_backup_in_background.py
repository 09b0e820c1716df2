"""Back Up Now and Restore run off the UI thread: each test holds the copy back at
one of its steps (as a slow disk would) and checks that the window answers
meanwhile, that progress is shown and that Cancel is honest — a cancelled backup
leaves no file; a restore cancelled before its commit leaves the library as it
was (the same library, still open); one cancelled too late is finished and said
to be restored. The restore closes and reopens the library only through its owner."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from reader_wait import window_answers

from readmark import paths
from readmark.core.store.backups import BackupManager


class Held:
    """Holds the copy at its first step of `stage` until released."""

    def __init__(self, stage: str, past_the_last_check: bool = False) -> None:
        self.stage = stage
        self.started = threading.Event()
        self.release = threading.Event()
        self.stopped_by_cancel = False
        # Held after the copy's last chance to stop (its final report) has passed.
        self.past_the_last_check = past_the_last_check

    def wrap(self, progress):
        def step(stage: str, done: int, total: int) -> None:
            if stage == self.stage and not self.started.is_set():
                progress(stage, done, total)  # shown, then held
                self.started.set()
                assert self.release.wait(10), "the test never released the work"
                if self.past_the_last_check:
                    return
            try:
                progress(stage, done, total)  # a cancelled copy stops here
            except Exception:
                self.stopped_by_cancel = True
                raise

        return step


@pytest.fixture
def hold(monkeypatch):
    """hold("copy") makes the next backup or restore wait at that stage."""
    made: list[Held] = []
    real_backup, real_restore = BackupManager.backup_now, BackupManager.restore

    def start(stage: str, after_commit: bool = False, past_the_last_check: bool = False) -> Held:
        held = Held(stage, past_the_last_check)
        made.append(held)

        def backup_now(self, reason, progress=lambda *a: None):
            return real_backup(self, reason, held.wrap(progress))

        def restore(self, backup, progress=lambda *a: None, committed=lambda: None):
            if not after_commit:
                return real_restore(self, backup, held.wrap(progress), committed)

            def commit_then_wait() -> None:
                committed()
                held.started.set()
                assert held.release.wait(10)

            return real_restore(self, backup, progress, commit_then_wait)

        monkeypatch.setattr(BackupManager, "backup_now", backup_now)
        monkeypatch.setattr(BackupManager, "restore", restore)
        return held

    yield start
    for held in made:
        held.release.set()  # never leave a worker thread waiting


def highlight(qtbot, window, words: str) -> None:
    reader = window.reader
    start = reader.canonical_text().index(words)
    reader.select_text(reader.section, start, start + len(words))
    qtbot.waitUntil(lambda: reader.selection() is not None)
    with qtbot.waitSignal(window.session.changed):
        window.menu_actions.highlight.trigger()


def stored_quotes(window) -> list[str]:
    book = window.reader.book
    return sorted(a.quote for a in window.library.annotations.for_book(book.path))


def manual_backups() -> list[str]:
    return sorted(p.name for p in paths.backups_dir().glob("*") if "startup" not in p.name)


def back_up(qtbot, window):
    with qtbot.waitSignal(window.tools.backed_up, timeout=10_000) as made:
        window.menu_actions.backup_now.trigger()
    return made.args[0]


def choose_in_the_backups_dialog(qtbot, window, backup) -> None:
    """File › Backups…, the backup selected, Restore Selected…, and Restore confirmed."""
    window.menu_actions.backups.trigger()
    backups = window.tools.dialog
    qtbot.waitUntil(backups.isVisible)
    tree = backups.list
    [row] = [
        tree.topLevelItem(r)
        for r in range(tree.topLevelItemCount())
        if backup.name in [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
    ]
    tree.setCurrentItem(row)

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text().replace("&", "") == "Restore").click()

    QTimer.singleShot(0, confirm)
    qtbot.mouseClick(backups.restore_button, Qt.MouseButton.LeftButton)


def test_back_up_now_runs_while_the_reader_reads_and_cancel_leaves_no_file(
    qtbot, make_window, open_and_wait, long_book, hold
):
    window = make_window()
    open_and_wait(window, long_book)
    held = hold("backup")
    window.menu_actions.backup_now.trigger()
    assert held.started.wait(10)
    cancel = window.statusBar().findChild(QPushButton, "backupCancel")
    qtbot.waitUntil(cancel.isVisible)
    window_answers(qtbot, window)
    # Annotating goes on meanwhile, saved at once.
    highlight(qtbot, window, "Paragraph 1.3: The quick brown fox")
    window.menu_actions.backup_now.trigger()  # a second request while one runs adds nothing
    assert window.statusBar().currentMessage() == "The library is being backed up already."
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not cancel.isVisible()
    held.release.set()
    qtbot.waitUntil(lambda: "no file was left" in window.statusBar().currentMessage())
    assert held.stopped_by_cancel
    assert manual_backups() == []  # nor a temporary file

    made = back_up(qtbot, window)  # again, left to finish: made, and said
    assert manual_backups() == [made.name]
    assert str(made) in window.statusBar().currentMessage()


def test_a_backup_cancelled_too_late_is_made_and_said(
    qtbot, make_window, open_and_wait, long_book, hold
):
    window = make_window()
    open_and_wait(window, long_book)
    held = hold("backup", past_the_last_check=True)  # verified, about to be named
    with qtbot.waitSignal(window.tools.backed_up, timeout=10_000) as made:
        window.menu_actions.backup_now.trigger()
        assert held.started.wait(10)
        cancel = window.statusBar().findChild(QPushButton, "backupCancel")
        qtbot.waitUntil(cancel.isVisible)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        held.release.set()
    [path] = made.args
    assert manual_backups() == [path.name]
    assert window.statusBar().currentMessage() == (
        f"Too late to cancel: the library was backed up to {path}"
    )


def test_a_restore_shows_progress_and_cancel_before_its_commit_changes_nothing(
    qtbot, make_window, open_and_wait, long_book, hold
):
    window = make_window()
    open_and_wait(window, long_book)
    made = back_up(qtbot, window)
    highlight(qtbot, window, "Paragraph 1.3: The quick brown fox")  # after the backup
    library = window.library
    held = hold("copy")
    choose_in_the_backups_dialog(qtbot, window, made)
    assert held.started.wait(10)
    dialog = window.findChild(QProgressDialog, "restoreProgress")
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.labelText() == "Restoring the backup…")
    # Window-modal over the Backups dialog: nothing is written into a library about to
    # be replaced, but the window repaints and its events run (the dialog's Cancel too).
    assert QApplication.activeModalWidget() is dialog
    assert dialog.parent() is window.tools.dialog
    window.reader.viewport().repaint()
    with qtbot.waitSignal(window.tools.restored, timeout=10_000) as ended:
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        held.release.set()
    assert ended.args == [False] and held.stopped_by_cancel
    assert window.statusBar().currentMessage() == (
        "The restore was cancelled; the library is as it was."
    )
    assert window.library is library  # neither closed nor replaced
    assert stored_quotes(window) == ["Paragraph 1.3: The quick brown fox"]
    assert library.integrity_ok()

    # Left to finish: the owner reopens the library, and the book is shown again.
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.tools.restore(made)
    assert window.library is not library
    assert stored_quotes(window) == []
    assert window.statusBar().currentMessage() == f"Restored the backup {made.name}"


def test_a_restore_cancelled_after_its_commit_is_finished_and_said(
    qtbot, make_window, open_and_wait, long_book, hold
):
    window = make_window()
    open_and_wait(window, long_book)
    made = back_up(qtbot, window)
    highlight(qtbot, window, "Paragraph 1.3: The quick brown fox")
    held = hold("copy", after_commit=True)
    window.tools.restore(made)
    assert held.started.wait(10)  # committed; the worker has not returned yet
    dialog = window.findChild(QProgressDialog, "restoreProgress")
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(window.tools.restored, timeout=10_000) as ended:
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        held.release.set()
    assert ended.args == [True]  # too late to cancel: restored, and the library reopened
    assert window.statusBar().currentMessage() == f"Restored the backup {made.name}"
    assert stored_quotes(window) == []
    reasons = {info.reason for info in window.tools.backups.backups()}
    assert "before-restore" in reasons  # what it replaced is kept
