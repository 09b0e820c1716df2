"""File › Export All Books and File › Export Folder…: every book's note written into
the folder the reader set once (an Obsidian vault, a Logseq graph's pages), the
notes already there updated. The library is read on the UI thread (a quick
query); opening the books and writing the notes run in the background
(`ui/background.py`, kind `export-all`) with a progress dialog that can cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from readmark.core.export import ExportError
from readmark.core.export.all_books import AllBooksReport, BookJob, export_all, jobs_from
from readmark.core.export.notes import NoteOptions
from readmark.core.store.errors import StoreError
from readmark.core.store.settings import Settings
from readmark.i18n import format_number, translate_error
from readmark.ui.background import BackgroundTasks, Progress
from readmark.ui.shell.library_owner import LibraryOwner
from readmark.ui.shell.long_work import progress_dialog

TASK = "export-all"


def notes_format_of(folder: Path) -> tuple[Path, str]:
    """Where the notes go in `folder`, and their flavour: a Logseq graph (its
    `logseq/config.edn`) gets Logseq pages in its `pages` folder; anything else
    (an Obsidian vault, a plain folder) gets Markdown notes."""
    if (folder / "logseq" / "config.edn").is_file():
        return folder / "pages", "logseq"
    if (folder.parent / "logseq" / "config.edn").is_file():
        return folder, "logseq"
    return folder, "obsidian"


class ExportAllBooks(QObject):
    message = Signal(str)  # for the status bar
    error = Signal(str, str)  # title, text: for a dialog
    finished = Signal(object)  # the AllBooksReport, once written

    def __init__(
        self, window: QWidget, owner: LibraryOwner, settings: Settings, tasks: BackgroundTasks
    ) -> None:
        super().__init__(window)
        self.window = window
        self.owner = owner
        self.settings = settings
        self.tasks = tasks
        self.progress: QProgressDialog | None = None

    def folder(self) -> Path | None:
        folder = str(self.settings.get("export.folder"))
        return Path(folder) if folder else None

    def choose_folder(self) -> Path | None:
        """Ask for the export folder and remember it; None when cancelled."""
        start = self.folder() or Path.home()
        chosen = QFileDialog.getExistingDirectory(
            self.window, self.tr("Export Folder for Every Book's Notes"), str(start)
        )
        if not chosen:
            return None
        folder, flavour = notes_format_of(Path(chosen))
        saved = self.settings.set("export.folder", str(folder))
        saved = self.settings.set("export.notes_format", flavour) and saved
        if not saved:
            self.message.emit(self.tr("The export folder could not be saved in the settings"))
        self.message.emit(self.tr("Notes will be exported to {path}").format(path=str(folder)))
        return folder

    def export_all(self) -> None:
        folder = self.folder() or self.choose_folder()
        library = self.owner.library
        if folder is None or library is None:
            return
        try:
            jobs = jobs_from(library)
        except StoreError as error:
            self.error.emit(self.tr("The notes could not be exported"), translate_error(error))
            return
        name = str(self.settings.get("export.notes_format"))
        self._show_progress(len(jobs))
        self.tasks.run(
            TASK,
            lambda progress: self._work(progress, jobs, folder, name),
            self._done,
            self._failed,
            self._progressed,
        )

    @staticmethod
    def _work(progress: Progress, jobs: list[BookJob], folder: Path, name: str) -> AllBooksReport:
        from PySide6.QtCore import QCoreApplication

        options = NoteOptions(tr=QCoreApplication.translate)
        # The folder was set once: if it is gone (a drive not mounted), say so, never make it.
        return export_all(jobs, folder, name, options, progress.report, create=False)

    def _show_progress(self, total: int) -> None:
        dialog = progress_dialog(
            self.window,
            self.tr("Exporting every book's notes…"),
            max(total, 1),
            "exportAllProgress",
            self.tr("Export All Books"),
            self._cancel,
        )
        self.progress = dialog

    def _progressed(self, done: int, total: int, title: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)
            if title:
                self.progress.setLabelText(
                    self.tr("Exporting the notes of {title}…").format(title=title)
                )

    def _cancel(self) -> None:
        self.tasks.cancel(TASK)
        self._close_progress()
        self.message.emit(self.tr("Export All Books was cancelled; the notes written stay"))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, report: object) -> None:
        self._close_progress()
        assert isinstance(report, AllBooksReport)
        summary = self.tr("Notes exported to {path}: {new} new, {updated} updated").format(
            path=str(self.folder()),
            new=format_number(len(report.written)),
            updated=format_number(len(report.updated)),
        )
        if report.failed:
            lines = [f"{title}: {translate_error(error)}" for title, error in report.failed]
            self.error.emit(
                self.tr("Some books' notes could not be exported"),
                summary + "\n\n" + "\n".join(lines),
            )
        else:
            self.message.emit(summary)
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        text = translate_error(error) if isinstance(error, ExportError) else str(error)
        self.error.emit(self.tr("The notes could not be exported"), text)
