"""The automatic start-up backup, made off the UI thread once the first screen is up.

On a big library the copy takes the better part of a second (0.55 s for 45 MiB):
made on the UI thread it froze the window just as the reader began. It runs
through the window's BackgroundTasks like Back Up Now, but quietly: nothing is
said unless it fails.

Quitting never waits long for it: a copy about to finish is given a moment
(`GRACE_S`), one still under way is stopped at its next step (milliseconds) and
its temporary file deleted, so no half-written file is left. A process killed
mid-copy cannot clean up; the next start-up backup removes what it left
(`BackupManager.remove_leftovers`).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from readmark.core.store.backups import BackupManager
from readmark.core.store.recovery import startup_backup
from readmark.i18n import translate_error
from readmark.ui.background import BackgroundTasks, Cancelled, Progress
from readmark.ui.shell.library_owner import LibraryOwner

STARTUP_BACKUP_TASK = "startup-backup"
# How long quitting waits for a copy to finish on its own before stopping it, and
# then for the stopped copy to reach its next step and delete its file.
GRACE_S = 0.5
STOP_WAIT_S = 2.0


class StartupBackup(QObject):
    """One start-up backup in the background; `failed(title, text)` if it fails."""

    failed = Signal(str, str)
    finished = Signal()  # made, failed or stopped: the work has ended

    def __init__(self, tasks: BackgroundTasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._stop = threading.Event()
        self._ended = threading.Event()
        self._ended.set()  # nothing running yet

    @property
    def running(self) -> bool:
        return not self._ended.is_set()

    def start_if_due(self, owner: LibraryOwner) -> None:
        """Start the start-up backup the library's owner found due, if it still is."""
        manager = owner.take_startup_backup()
        if manager is not None:
            self.start(manager)

    def start(self, manager: BackupManager) -> None:
        stop, ended = self._stop, self._ended
        stop.clear()
        ended.clear()

        def work(progress: Progress) -> list[str]:
            def step(_stage: str, _done: int, _total: int) -> None:
                if stop.is_set():
                    raise Cancelled  # the copy stops; its temporary file is deleted

            try:
                problems = startup_backup(manager, step)
                return [translate_error(problem) for problem in problems]
            finally:
                ended.set()  # the temporary file is gone or named by now

        self.tasks.run(STARTUP_BACKUP_TASK, work, self._done, self._failed)

    def finish(self) -> bool:
        """Before quitting: let a copy about to end finish, stop one that is not.
        True when no copy is left running (so no temporary file is left)."""
        if self._ended.wait(GRACE_S):
            return True
        self._stop.set()
        return self._ended.wait(STOP_WAIT_S)

    def _done(self, problems: list[str]) -> None:
        if problems:
            self.failed.emit(self.tr("The backup failed"), "\n\n".join(problems))
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):  # stopped at quit: nothing to say
            self.failed.emit(self.tr("The backup failed"), translate_error(error))
        self.finished.emit()
