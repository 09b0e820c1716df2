"""File › Import Annotations… and a dropped clippings file or sidecar: plan on a
worker (reading the file, opening the books, placing each mark by its quote),
show the preview, and on Import commit it as one operation the Edit › Undo
stack undoes whole.

The worker reads the library through its own connection (SQLite connections
belong to one thread); the commit happens on the UI thread through the window's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressBar, QPushButton

from readmark.core.importers.plan import ImportPlan
from readmark.core.operations import ImportChanges, OperationError, commit_import, replay
from readmark.core.store.errors import StoreError
from readmark.i18n import format_number, translate_error
from readmark.ui.annotations.session import AnnotationSession, ReplayCommand
from readmark.ui.background import BackgroundTasks, Progress
from readmark.ui.dialogs.import_dialog import ImportDialog
from readmark.ui.shell.library_owner import LibraryOwner


class MarksImporter(QObject):
    message = Signal(str)  # for the status bar
    error = Signal(str, str)  # title, text
    progressed = Signal(int, int)
    dialog_shown = Signal(object)  # the ImportDialog, once the preview is ready
    imported = Signal(object)  # ImportChanges, committed

    def __init__(
        self,
        window: QMainWindow,
        owner: LibraryOwner,
        tasks: BackgroundTasks,
        session: AnnotationSession,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.owner = owner
        self.tasks = tasks
        self.session = session
        self.dialog: ImportDialog | None = None
        # Its own progress in the status bar: planning opens every matched book.
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel Import"))
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.progress, self.cancel_button):
            window.statusBar().addPermanentWidget(widget)
            widget.hide()
        self.progressed.connect(self._show_progress)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _busy(self, busy: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def cancel(self) -> None:
        self.tasks.cancel("import-annotations")
        self._busy(False)
        self.message.emit(self.tr("Import cancelled; nothing was written."))

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import Annotations"),
            "",
            self.tr(
                "Annotations (My Clippings.txt *.txt *.lua *.json *.calibre_annotation_collection *.sqlite);;"
                "All files (*)"
            ),
        )
        if path:
            self.start(Path(path))

    def start(self, path: Path) -> None:
        """Plan the import of `path` in the background, then show the preview."""
        library = self.owner.library
        if library is None:
            self.error.emit(
                self.tr("Import Annotations"),
                self.tr("The library cannot be used, so nothing can be imported."),
            )
            return
        db = library.path
        hint = self.session.book.path if self.session.book is not None else None

        def work(progress: Progress) -> ImportPlan:
            from readmark.core.importers import read_marks
            from readmark.core.importers.plan import plan_import
            from readmark.core.store.library import Library

            parsed = read_marks(path)
            progress.check()
            own = Library(db)
            try:
                return plan_import(
                    own,
                    parsed,
                    book_hint=hint,
                    progress=lambda part: progress.report(int(part * 100), 100),
                )
            finally:
                own.close()

        def failed(error: BaseException) -> None:
            self._busy(False)
            self.message.emit("")
            self.error.emit(self.tr("Import Annotations"), translate_error(error))

        self.message.emit(self.tr("Reading {file}…").format(file=path.name))
        self._busy(True)
        self.tasks.run(
            "import-annotations",
            work,
            lambda plan: self._preview(plan, path),
            failed,
            lambda done, total, _text: self.progressed.emit(done, total),
        )

    def _preview(self, plan: ImportPlan, path: Path) -> None:
        self._busy(False)
        self.message.emit("")
        dialog = ImportDialog(plan, path.name, self.window)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._commit(plan))
        dialog.open()
        self.dialog_shown.emit(dialog)

    def _commit(self, plan: ImportPlan) -> None:
        library = self.owner.library
        if library is None:
            return
        try:
            changes = commit_import(library.annotations, plan.changes())
        except (StoreError, OperationError) as error:
            self.error.emit(self.tr("Import Annotations"), translate_error(error))
            return
        if changes.changes:
            text = self.tr("Import of {n} annotations").format(n=format_number(len(changes)))
            self.session.undo_stack.push(ReplayCommand(self.replay, changes, text))
            self._show(changes)
        self.message.emit(
            self.tr("Imported {n} annotations.").format(n=format_number(len(changes)))
        )
        self.imported.emit(changes)

    def replay(self, changes: ImportChanges) -> None:
        library = self.owner.library
        if library is None:
            return
        try:
            replay(library.annotations, changes)
        except OperationError:
            self.message.emit(
                self.tr("The import could not be undone: its annotations changed since.")
            )
            return
        except StoreError as error:
            self.message.emit(translate_error(error))
            return
        self._show(changes)

    def _show(self, changes: ImportChanges) -> None:
        book = self.session.book
        if book is not None and book.path in changes.books:
            self.session.reload()
