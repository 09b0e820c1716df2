"""Backing up and restoring the library off the UI thread (File › Back Up Library
Now, File › Backups… › Restore Selected…).

A backup shows its progress and Cancel in the status bar (`StatusWork`): the
reader goes on reading and annotating meanwhile (SQLite's backup copies a
consistent snapshot), and a cancelled backup leaves no file. A restore shows a
window-modal progress dialog: the window repaints and answers, but no annotation
can be made into a library about to be replaced; its Cancel is heard until the
restored pages are committed (`LibraryOwner.restore`), then the button goes and
the restore is finished.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QWidget

from readmark.core.store.backups import BackupManager
from readmark.i18n import translate_error
from readmark.ui.background import BackgroundTasks, Cancelled, Progress
from readmark.ui.shell.library_owner import LibraryOwner, RestoreGate
from readmark.ui.shell.long_work import StatusWork, progress_dialog

BACKUP_TASK = "backup-library"


class BackupNow(QObject):
    """One backup at a time, in the background, with progress and Cancel."""

    made = Signal(Path)  # the new backup file
    message = Signal(str)
    error = Signal(str, str)

    def __init__(self, window: QMainWindow, tasks: BackgroundTasks) -> None:
        super().__init__(window)
        self.tasks = tasks
        self.status = StatusWork(window, "backup", self.tr("Cancel Backup"))
        self.status.cancelled.connect(self.cancel)
        self._stop: threading.Event | None = None  # the running backup's Cancel

    @property
    def running(self) -> bool:
        return self._stop is not None

    def start(self, manager: BackupManager) -> None:
        if self.running:  # a second request adds nothing: the copy under way is as new
            self.message.emit(self.tr("The library is being backed up already."))
            return
        stop = self._stop = threading.Event()

        def work(progress: Progress) -> Path:
            def step(_stage: str, done: int, total: int) -> None:
                if stop.is_set():
                    raise Cancelled  # the copy stops; its temporary file is deleted
                progress.report(done, total)

            return manager.backup_now("manual", step)

        self.status.start(self.tr("Backing up the library…"))
        # Not `tasks.cancel`: a Cancel that comes too late (the copy already named) must
        # still hear the outcome, to say what is true.
        self.tasks.run(BACKUP_TASK, work, self._done, self._failed, self._progressed)

    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self.status.stop()

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if self._stop is not None and not self._stop.is_set():
            self.status.report(done, total)

    def _done(self, made: Path) -> None:
        cancelled_late = self._stop is not None and self._stop.is_set()
        self._stop = None
        self.status.stop()
        text = (
            self.tr("Too late to cancel: the library was backed up to {path}")
            if cancelled_late
            else self.tr("Backed up the library to {path}")
        )
        self.message.emit(text.format(path=str(made)))
        self.made.emit(made)

    def _failed(self, error: BaseException) -> None:
        self._stop = None
        self.status.stop()
        if isinstance(error, Cancelled):
            self.message.emit(self.tr("The backup was cancelled; no file was left."))
        else:
            self.error.emit(self.tr("The backup failed"), translate_error(error))


class RestoreWork(QObject):
    """A restore's progress dialog; the owner does the restoring."""

    finished = Signal(bool)  # True: restored (or restored with problems said)
    message = Signal(str)
    error = Signal(str, str)

    def __init__(self, window: QMainWindow, owner: LibraryOwner, tasks: BackgroundTasks) -> None:
        super().__init__(window)
        self.window = window
        self.owner = owner
        self.tasks = tasks
        self.dialog: QProgressDialog | None = None
        self._gate: RestoreGate | None = None
        self._backup: Path | None = None

    @property
    def running(self) -> bool:
        return self._gate is not None

    def start(self, backup: Path) -> None:
        if self.running:
            return
        self._backup = backup
        self._show_dialog()
        self._gate = self.owner.restore(backup, self.tasks, self._finished, self._progressed)

    def cancel(self) -> None:
        """The dialog's Cancel (it hides itself): the restore stops at its next step,
        its copy rolled back — unless it has just committed, and then it finishes and
        says it restored. Either way the outcome is said when the owner reports it."""
        if self._gate is not None:
            self._gate.stop()

    def _show_dialog(self) -> None:
        # Over the Backups dialog when the restore was asked there: window-modal to it,
        # so it and the window behind it both wait.
        parent: QWidget = self.window
        asking = QApplication.activeModalWidget()
        if asking is not None and _within(asking, self.window):
            parent = asking
        # Window-modal: the window repaints and answers, but nothing is written into a
        # library about to be replaced.
        dialog = progress_dialog(
            parent,
            self.tr("Checking the backup…"),
            0,
            "restoreProgress",
            self.tr("Restore from Backup"),
            self.cancel,
        )
        self.dialog = dialog

    def _progressed(self, done: int, total: int, stage: str) -> None:
        dialog = self.dialog
        if dialog is None or dialog.wasCanceled():
            return
        labels = {
            "check": self.tr("Checking the backup…"),
            "before-restore": self.tr("Backing up the library as it is now…"),
            "copy": self.tr("Restoring the backup…"),
        }
        dialog.setLabelText(labels.get(stage, labels["copy"]))
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def _finished(self, problems: list[str] | None) -> None:
        self._gate = None
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        name = self._backup.name if self._backup is not None else ""
        if problems is None:
            self.message.emit(self.tr("The restore was cancelled; the library is as it was."))
            self.finished.emit(False)
        elif problems:
            self.error.emit(self.tr("The backup could not be restored"), "\n\n".join(problems))
            self.finished.emit(True)
        else:
            self.message.emit(self.tr("Restored the backup {name}").format(name=name))
            self.finished.emit(True)


def _within(widget: QWidget, window: QWidget) -> bool:
    """Whether `widget` is `window` or one of its dialogs (isAncestorOf stops at windows)."""
    current: QWidget | None = widget
    while current is not None:
        if current is window:
            return True
        current = current.parentWidget()
    return False
