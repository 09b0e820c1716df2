"""Sync from the window: when it opens, a while after each change, and on demand
(File › Sync Now), always in the background (`sync` task), one at a time.

The worker opens its own connection to the library (SQLite connections belong to
one thread) and runs `core.sync.engine.sync`, exactly what `readmark sync` runs.
Its state is shown in the status bar: when it last synced and how many changes
came in and went out, or what went wrong. Annotations that came in for the open
book are shown at once (the session reloads them from the library).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTime, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from readmark import paths
from readmark.core.store.settings import Settings
from readmark.i18n import format_datetime, format_number, translate_error
from readmark.ui.annotations.session import AnnotationSession
from readmark.ui.background import BackgroundTasks, Cancelled, Progress
from readmark.ui.shell.library_owner import LibraryOwner

KIND = "sync"
AFTER_CHANGES_MS = 20_000  # quiet time after the last change before syncing it


class SyncRunner(QObject):
    message = Signal(str)  # for the status bar, briefly
    finished = Signal(object)  # the SyncReport of a sync that ran (tests, the window)
    failed = Signal(str)  # why a sync could not run

    def __init__(
        self,
        window: QMainWindow,
        owner: LibraryOwner,
        settings: Settings,
        tasks: BackgroundTasks,
        session: AnnotationSession,
    ) -> None:
        super().__init__(window)
        self._owner = owner
        self._settings = settings
        self._tasks = tasks
        self._session = session
        self._again = False  # asked for while one was running: run once more after it
        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setAccessibleName(self.tr("Sync state"))
        window.statusBar().addPermanentWidget(self.status)
        self.status.setVisible(bool(self.folder()))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(AFTER_CHANGES_MS)
        self._debounce.timeout.connect(self.sync_now)
        # A reset is a book opened or reloaded, not a change of the reader's.
        session.changed.connect(lambda changes: None if changes.reset else self.schedule())

    def folder(self) -> Path | None:
        chosen = str(self._settings.get("sync.folder")).strip()
        return Path(chosen).expanduser() if chosen else None

    def start(self) -> None:
        """The sync when the window opens (nothing without a sync folder)."""
        if self.folder() is not None:
            self.sync_now()

    def schedule(self) -> None:
        """Sync once the reader has stopped changing things for a while."""
        if self.folder() is not None:
            self._debounce.start()

    def folder_changed(self) -> None:
        self.status.setVisible(self.folder() is not None)
        self.status.clear()
        self.start()

    def sync_now(self) -> None:
        self._debounce.stop()
        folder = self.folder()
        library = self._owner.library
        if folder is None:
            self.message.emit(
                self.tr("Choose a sync folder first: Preferences › Sync (a folder your sync "
                        "tool keeps in step between your computers).")
            )  # fmt: skip
            return
        if library is None:
            self.failed.emit(self.tr("The library cannot be used, so nothing can be synced."))
            return
        if self._tasks.running(KIND):
            self._again = True
            return
        db = library.path
        state = paths.data_dir() / "sync"

        def work(progress: Progress) -> object:
            from readmark.core.store.errors import StoreError
            from readmark.core.store.library import Library
            from readmark.core.sync.engine import SyncError, sync

            progress.check()
            try:
                own = Library(db)
                try:
                    return sync(own, folder, state)
                finally:
                    own.close()
            except (SyncError, StoreError) as error:
                return error  # expected: said in the status bar (not a bug to print)

        self.status.setVisible(True)
        self._show(self.tr("Syncing…"))
        self._tasks.run(KIND, work, self._done, self._failed)

    def _done(self, report: object) -> None:
        from readmark.core.sync.engine import SyncReport

        if not isinstance(report, SyncReport):
            assert isinstance(report, BaseException)
            self._failed(report)
            return
        text = self.tr("Synced {when}: {incoming} in, {outgoing} out").format(
            when=QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat),
            incoming=format_number(report.incoming),
            outgoing=format_number(report.outgoing),
        )
        problems = [translate_error(p) for p in report.problems]
        self._show(text + (" ⚠" if problems else ""))
        when = format_datetime(time.time(), long=True)
        self.status.setToolTip("\n".join([when, *problems]))
        book = self._session.book
        if book is not None and book.path in report.changes.books:
            self._session.reload()
        self.finished.emit(report)
        self._run_again()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        text = translate_error(error)
        self._show(self.tr("Not synced ⚠"))
        self.status.setToolTip(text)
        self.message.emit(text)
        self.failed.emit(text)
        self._run_again()

    def _show(self, text: str) -> None:
        self.status.setText(text)
        # Its width follows its text: a crowded status bar must not cut it.
        self.status.setMinimumWidth(self.status.sizeHint().width())

    def _run_again(self) -> None:
        if self._again:
            self._again = False
            self.schedule()
