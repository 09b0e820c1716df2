"""The one owner of the library for the window's lifetime.

It opens the library with recovery (a damaged or newer file is moved aside and
the newest good backup restored), restores a chosen backup the same way, and
closes what it replaces: nobody else opens, swaps or closes a `Library`.
Everyone who needs it asks `library` (it may be None: reading goes on without
saving) and follows `replaced`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from readmark.core.store.backups import BackupManager
from readmark.core.store.errors import StoreError
from readmark.core.store.library import Library
from readmark.core.store.recovery import open_library, startup_backup
from readmark.i18n import translate_error


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

    def open(self, defer_backup: bool = False) -> list[str]:
        """Open the library (never raises); returns what the reader should be told
        about its recovery, in their language. With `defer_backup`, a start-up
        backup that is due waits for `startup_backup()`."""
        if defer_backup:
            opening = open_library(
                self.db, self.backups_dir, keep=self.backups.keep, defer_backup=True
            )
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

    def startup_backup(self) -> list[str]:
        """The start-up backup `open(defer_backup=True)` found due, if it still is:
        what went wrong, in the reader's language ([] when all went well)."""
        if not self._backup_due or self.library is None:
            return []
        self._backup_due = False
        return [translate_error(message) for message in startup_backup(self.backups)]

    def restore(self, backup: Path) -> list[str]:
        """Put `backup` in place of the library (the current state is backed up
        first) and open what is there then, with the same recovery as at start-up.
        Returns the problems to report ([] when all went well)."""
        self.close()
        problems = []
        try:
            self.backups.restore(backup)
        except (StoreError, OSError) as error:  # reported; the old file is still in place
            problems.append(translate_error(error))
        problems.extend(self.open())
        self.replaced.emit(self.library)
        return problems

    def close(self) -> None:
        self._backup_due = False
        if self.library is not None:
            self.library.close()
            self.library = None
