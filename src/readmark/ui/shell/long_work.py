"""Long work in the status bar: what is being done, how far it is, and Cancel.

Every operation that can take more than a second runs through ui/background.py;
those without a dialog of their own (placing annotations in a changed book,
exporting one book's annotations) say so here. Opening a book, adding books to
the library, importing annotations and Export All Books have theirs (the
opener's, the library's, the importer's, a progress dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton, QWidget

from readmark.i18n import format_number, translate_error
from readmark.ui.background import BackgroundTasks, Progress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from readmark.core.annotations import Annotation
    from readmark.core.book import Book
    from readmark.ui.annotations.session import AnnotationSession
    from readmark.ui.dialogs.export_dialog import ExportChoice


class StatusWork(QObject):
    """One kind of long work's place in the status bar (hidden while it is idle)."""

    cancelled = Signal()

    def __init__(self, window: QMainWindow, name: str, cancel_text: str) -> None:
        super().__init__(window)
        self.label = QLabel()
        self.label.setObjectName(f"{name}Label")
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{name}Progress")
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton(cancel_text)
        self.cancel_button.setObjectName(f"{name}Cancel")
        self.cancel_button.clicked.connect(self.cancelled)
        self._running = False
        for widget in (self.label, self.bar, self.cancel_button):
            window.statusBar().addPermanentWidget(widget)
            widget.hide()

    def start(self, text: str) -> None:
        self._running = True
        self.label.setText(text)
        self.bar.setAccessibleName(text)
        self.bar.setRange(0, 0)  # busy until the first report
        for widget in (self.label, self.bar, self.cancel_button):
            widget.show()

    def report(self, done: int, total: int) -> None:
        # A report sent just before a Cancel may arrive after it: it shows nothing.
        if self._running and total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def stop(self) -> None:
        self._running = False
        for widget in (self.label, self.bar, self.cancel_button):
            widget.hide()

    @property
    def running(self) -> bool:
        return self._running


def show_placing(window: QMainWindow, session: AnnotationSession) -> StatusWork:
    """Placing annotations again in a changed book: progress and Cancel."""
    work = StatusWork(window, "placing", QCoreApplication.translate("LongWork", "Cancel Placing"))
    text = QCoreApplication.translate("LongWork", "Placing your annotations in the changed book…")

    def placing(done: int, total: int) -> None:
        if done == total == 0:  # the session starts placing
            work.start(text)
        else:
            work.report(done, total)

    session.placing.connect(placing)
    session.placing_ended.connect(work.stop)
    work.cancelled.connect(session.cancel_placing)
    return work


class BookExport(QObject):
    """Exporting one book's annotations (File › Export Annotations…), off the UI thread:
    a book with thousands of annotations takes a while to place and write."""

    message = Signal(str)
    error = Signal(str, str)
    finished = Signal(bool)  # True: written; False: cancelled or failed

    def __init__(self, window: QMainWindow, tasks: BackgroundTasks) -> None:
        super().__init__(window)
        self.tasks = tasks
        self.status = StatusWork(window, "bookExport", self.tr("Cancel Export"))
        self.status.cancelled.connect(self.cancel)

    def start(
        self,
        book: Book,
        annotations: list[Annotation],
        choice: ExportChoice,
        write: Callable[[Book, list[Annotation], ExportChoice, Callable[[], None]], bool],
    ) -> None:
        """`write` does the writing (the export chosen), on a worker thread; it calls
        its last argument just before it touches the file (a Cancel raises there)."""
        count = len(annotations)
        path = choice.path

        def work(progress: Progress) -> bool:
            progress.check()
            return write(book, annotations, choice, progress.check)

        def done(updated: bool) -> None:
            self.status.stop()
            text = (
                self.tr("Updated the note {path} ({count} annotations)")
                if updated
                else self.tr("Exported {count} annotations to {path}")
            )
            self.message.emit(text.format(count=format_number(count), path=str(path)))
            self.finished.emit(True)

        def failed(error: BaseException) -> None:
            from readmark.core.export import ExportError  # export code waits for its command

            self.status.stop()
            title = self.tr("The annotations could not be exported")
            if isinstance(error, ExportError):
                self.error.emit(title, translate_error(error))
            elif isinstance(error, OSError):
                reason = error.strerror or str(error)
                text = self.tr("Writing {path} failed: {reason}")
                self.error.emit(title, text.format(path=str(path), reason=reason))
            else:
                self.error.emit(title, str(error))
            self.finished.emit(False)

        self.status.start(self.tr("Exporting to {file}…").format(file=Path(path).name))
        self.tasks.run("export-book", work, done, failed)

    def cancel(self) -> None:
        self.tasks.cancel("export-book")
        self.status.stop()
        # Stopped before the file is touched; a write already begun is finished (it is
        # atomic): a file is never left half-written.
        self.message.emit(self.tr("Export cancelled."))
        self.finished.emit(False)


def progress_dialog(
    parent: QWidget,
    label: str,
    maximum: int,
    name: str,
    title: str,
    cancelled: Callable[[], None],
) -> QProgressDialog:
    """A window-modal progress dialog for long work that has one (a restore, Export
    All Books): the window behind it repaints and answers, but takes no command that
    would write meanwhile; it stays up until the work says how it ended, and its
    Cancel calls `cancelled` (the work stops at its next step)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(
        label, QCoreApplication.translate("LongWork", "Cancel"), 0, maximum, parent
    )
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancelled)
    dialog.setValue(0)
    return dialog
