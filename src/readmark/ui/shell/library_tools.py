"""File-menu tools over the library: exporting annotations, backups, restoring.

They talk to the core (export functions, BackupManager, Library) and report
through signals; the main window only connects them. Backing up and restoring
run in the background (`backup_work.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMainWindow

from readmark.core.annotations import Annotation
from readmark.core.book import Book
from readmark.core.export import write_export
from readmark.core.export.common import ExportedBook
from readmark.core.export.notes import NoteOptions
from readmark.core.store.backups import BackupInfo, BackupManager
from readmark.ui.background import BackgroundTasks
from readmark.ui.dialogs.backup_dialog import BackupDialog
from readmark.ui.dialogs.export_dialog import ExportChoice, ExportDialog, ExportFormat
from readmark.ui.shell.backup_work import BackupNow, RestoreWork
from readmark.ui.shell.library_owner import LibraryOwner
from readmark.ui.shell.long_work import BookExport

_FORMAT_NAMES = {
    ExportFormat.MARKDOWN: "md",
    ExportFormat.LOGSEQ: "logseq",
    ExportFormat.READWISE: "readwise",
    ExportFormat.HTML: "html",
    ExportFormat.W3C_JSON: "json",
}


def export_annotations(
    book: Book,
    annotations: list[Annotation],
    choice: ExportChoice,
    before_writing: Callable[[], None] = lambda: None,
) -> bool:
    """Write the export the reader chose; True when an existing note was updated.
    Raises OSError when the file can't be written, ExportError when a note that is
    there cannot be read to be updated (it is then left as it is); `before_writing`
    may raise to stop before the file is touched (Cancel)."""
    chosen = annotations if choice.include_orphaned else [a for a in annotations if not a.orphaned]
    options = NoteOptions(tr=QCoreApplication.translate, mark_deleted=choice.mark_deleted)
    name = _FORMAT_NAMES[choice.format]
    return write_export(
        choice.path,
        name,
        ExportedBook.from_book(book),
        chosen,
        options,
        before_writing=before_writing,
    )


class LibraryTools(QObject):
    message = Signal(str)  # for the status bar
    error = Signal(str, str)  # title, text: for a dialog
    backed_up = Signal(Path)  # a backup the reader asked for is made
    restored = Signal(bool)  # a restore ended: True restored, False cancelled

    def __init__(self, window: QMainWindow, owner: LibraryOwner, tasks: BackgroundTasks) -> None:
        super().__init__(window)
        self.window = window
        self.owner = owner
        self.dialog: BackupDialog | None = None
        # One book's export, off the UI thread with progress and Cancel in the status bar.
        self.book_export = BookExport(window, tasks)
        self.book_export.message.connect(self.message)
        self.book_export.error.connect(self.error)
        # Backups and restores, off the UI thread with progress and Cancel.
        self.backup_work = BackupNow(window, tasks)
        self.restore_work = RestoreWork(window, owner, tasks)
        for work in (self.backup_work, self.restore_work):
            work.message.connect(self.message)
            work.error.connect(self.error)
        self.backup_work.made.connect(self._backed_up)
        self.restore_work.finished.connect(self._restored)

    # -- export -------------------------------------------------------------------------

    def export(self, book: Book | None, annotations: list[Annotation]) -> None:
        if book is None:
            return
        choice = ExportDialog.ask(book.metadata.title, book.path.parent, self.window)
        if choice is None:
            return
        self.book_export.start(book, annotations, choice, export_annotations)

    # -- backups ------------------------------------------------------------------------

    @property
    def backups(self) -> BackupManager:
        """The owner's, asked each time: Preferences › Backups may replace it."""
        return self.owner.backups

    def show_backups(self) -> None:
        if self.dialog is None:
            self.dialog = BackupDialog(self._list(), self.window)
            self.dialog.setObjectName("backupDialog")
            self.dialog.backup_requested.connect(self.backup_now)
            self.dialog.restore_requested.connect(self.restore)
        else:
            self.dialog.set_backups(self._list())
        self.dialog.open()

    def _list(self) -> list[BackupInfo]:
        try:
            return self.backups.backups()
        except OSError:
            return []

    def backup_now(self) -> None:
        """Back up the library in the background; `backed_up` says when it is made."""
        self.backup_work.start(self.backups)

    def _backed_up(self, made: Path) -> None:
        if self.dialog is not None:
            self.dialog.set_backups(self._list())
        self.backed_up.emit(made)

    def restore(self, backup: Path) -> None:
        """Restore `backup` through the library's owner, in the background (the
        current state is backed up first; what is there afterwards is opened with
        recovery); `restored` says when it has ended."""
        self.restore_work.start(backup)

    def _restored(self, restored: bool) -> None:
        if self.dialog is not None:
            self.dialog.set_backups(self._list())
        self.restored.emit(restored)
