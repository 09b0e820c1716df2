"""The one owner of the library for the window's lifetime.

It opens the library with recovery (a damaged or newer file is moved aside and
the newest good backup restored), restores a chosen backup the same way, and
closes what it replaces: nobody else opens, swaps or closes a `Library`.
Everyone who needs it asks `library` (it may be None: reading goes on without
saving) and follows `replaced`.

A restore runs in the background (`restore-library`): the backup is checked, the
library as it is backed up, then the backup's pages written in one SQLite
transaction, while the open library stays open (SQLite's locks keep it whole,
as for another Readmark process). Only when that has committed is the library
closed and opened again, on the UI thread. Cancel is heard until the commit:
nothing is then restored; after it, the restore is finished and said so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from readmark.core.store.backups import BackupManager
from readmark.core.store.library import Library
from readmark.core.store.recovery import is_whole, open_library
from readmark.i18n import translate_error
from readmark.ui.background import BackgroundTasks, Cancelled, Progress

RESTORE_TASK = "restore-library"


class RestoreGate:
    """Cancel versus commit, decided once under a lock: the worker asks `check()`
    before every step and says `commit()` when SQLite has committed; the window's
    Cancel asks `stop()`, which is refused once committed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = False
        self._committed = False

    def stop(self) -> bool:
        """Ask the restore to stop; False when it has already committed."""
        with self._lock:
            if not self._committed:
                self._stop = True
            return not self._committed

    def check(self) -> None:
        with self._lock:
            if self._stop and not self._committed:
                raise Cancelled

    def commit(self) -> None:
        with self._lock:
            self._committed = True

    @property
    def committed(self) -> bool:
        with self._lock:
            return self._committed


class LibraryOwner(QObject):
    replaced = Signal(object)  # the Library now in use (or None), after a restore

    def __init__(
        self, db: Path, backups: Path, parent: QObject | None = None, keep: int = 10
    ) -> None:
        super().__init__(parent)
        self.db, self.backups_dir = db, backups
        self.backups = BackupManager(db, backups, keep)
        self.library: Library | None = None
        self._backup_due = False

    def open(self, defer_backup: bool = False, checked: bool = False) -> list[str]:
        """Open the library (never raises); returns what the reader should be told
        about its recovery, in their language. With `defer_backup`, a start-up
        backup that is due waits for `take_startup_backup()`; `checked`: found whole
        just now on a worker thread (after a restore), not checked again."""
        if defer_backup:
            opening = open_library(
                self.db, self.backups_dir, keep=self.backups.keep, defer_backup=True
            )
        elif checked:
            opening = open_library(self.db, self.backups_dir, keep=self.backups.keep, checked=True)
        else:
            opening = open_library(self.db, self.backups_dir, keep=self.backups.keep)
        self.library = opening.library
        self._backup_due = opening.backup_due
        return [translate_error(message) for message in opening.messages]

    def use_backups(self, folder: Path, keep: int) -> None:
        """Back up into `folder` from now on, keeping `keep` (Preferences › Backups).
        Backups already made stay where they are; the next rotation in the new
        folder sees only its own."""
        self.backups_dir = folder
        self.backups = BackupManager(self.db, folder, keep)

    def take_startup_backup(self) -> BackupManager | None:
        """Where the start-up backup `open(defer_backup=True)` found due is to be made,
        if it still is (asked once: the caller makes it, see startup_backup.py)."""
        if not self._backup_due or self.library is None:
            return None
        self._backup_due = False
        return self.backups

    def restore(
        self,
        backup: Path,
        tasks: BackgroundTasks,
        finished: Callable[[list[str] | None], None],
        progressed: Callable[[int, int, str], None] | None = None,
    ) -> RestoreGate:
        """Put `backup` in place of the library in the background (the current state
        is backed up first), then close the library and open what is there, with the
        same recovery as at start-up, and emit `replaced`. `finished(problems)` follows
        on the UI thread: [] when all went well, the problems to report otherwise, None
        when it was cancelled (nothing restored, the library as it was). `progressed`
        hears (done, total, stage). The returned gate's `stop()` is the Cancel."""
        gate = RestoreGate()
        manager = self.backups

        def work(progress: Progress) -> bool:
            def step(stage: str, done: int, total: int) -> None:
                gate.check()
                progress.report(done, total, stage)

            manager.restore(backup, step, gate.commit)
            # Checked here rather than by the reopening on the UI thread (a second on
            # a big library); a library found damaged is opened with full recovery.
            return is_whole(self.db)

        def done(whole: bool) -> None:
            finished(self._reopen([], checked=whole))

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled) and not gate.committed:
                finished(None)  # rolled back: the open library is the same, still open
                return
            # The old file is in place unless the failure came after the commit:
            # opened again either way, so what is used is what is on disk.
            problems = [] if isinstance(error, Cancelled) else [translate_error(error)]
            finished(self._reopen(problems))

        tasks.run(RESTORE_TASK, work, done, failed, progressed)
        return gate

    def _reopen(self, problems: list[str], checked: bool = False) -> list[str]:
        self.close()
        problems = [*problems, *self.open(checked=checked)]
        self.replaced.emit(self.library)
        return problems

    def close(self) -> None:
        self._backup_due = False
        if self.library is not None:
            self.library.close()
            self.library = None
