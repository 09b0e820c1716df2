"""The library search in the window: the panel's queries run as `library-search`
background tasks (a newer one cancels the older), after a typing pause; the index is
brought up to date as a `library-index` task on a worker thread at the lowest CPU
priority, with progress for the status bar: with several books to read, two worker
processes (also at the lowest priority) read and cut them while the thread stores
them one at a time.

Each task opens its own connections to the library and the index (SQLite
connections belong to the thread that made them) and closes them when done. A
damaged or missing index is made anew by `SearchIndex` itself: the panel says so,
nothing blocks reading."""

from __future__ import annotations

import os
import sys
import threading
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from readmark import paths
from readmark.core.search.index import LibraryResults, SearchIndex, UpdateReport
from readmark.core.search.scope import Choices, Scope
from readmark.i18n import format_number, translate_error
from readmark.ui.background import BackgroundTasks, Cancelled, Progress
from readmark.ui.search.library_panel import LibrarySearchPanel

DEBOUNCE_MS = 250
# Indexing waits, between two chapters of the book it reads, while the reader has
# pressed a key, turned the wheel or clicked within this long: a worker thread shares
# Python's interpreter with the page, and a chapter being read for the index held
# PageDown up for 60-130 ms (bench/scroll_while_indexing.py). It goes on once the
# reader pauses.
QUIET_S = 0.5
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.InputMethod,
    }
)


class _InputClock(QObject):
    """When the reader last pressed a key, turned the wheel or clicked (installed
    on the application only while indexing runs: it sees every event)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.at = 0.0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT:
            self.at = time.monotonic()
        return False

    def wait_for_a_pause(self, progress: Progress) -> None:
        """On the worker: return once the reader has paused (or the task is cancelled)."""
        while time.monotonic() - self.at < QUIET_S:
            progress.check()
            time.sleep(0.05)
        progress.check()


_WORKERS = 2  # processes reading books for the index (the reader's machine may have 2 cores)


def _lowest_priority() -> None:
    """This worker thread yields the CPU to everything else (Linux: per thread)."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        except OSError:
            pass


class LibrarySearch(QObject):
    open_requested = Signal(str, int, int, int)  # path, section, start, end
    message = Signal(str)  # for the status bar
    indexing = Signal(int, int)  # books done, books to do (done == total: finished)

    def __init__(self, tasks: BackgroundTasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.panel = LibrarySearchPanel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self._query = ("", "all", Scope())
        self._input = _InputClock(self)
        self._paused = False
        self.panel.pause_toggled.connect(self.set_paused)
        self.panel.query_changed.connect(self._typed)
        self.panel.activated.connect(self.open_requested)

    def open(self) -> None:
        self.panel.show()
        self.panel.raise_()
        self.panel.focus_field()
        self.refresh_choices()
        self.update_index()

    def refresh_choices(self) -> None:
        """Offer the library's collections and languages in the panel's filters
        (read in the background, as every search is)."""

        def work(_progress: Progress) -> Choices:
            from readmark.core.search.scope import choices
            from readmark.core.store.library import Library

            library = Library(paths.library_db())
            try:
                return choices(library)
            finally:
                library.close()

        def done(found: Choices) -> None:
            self.panel.set_choices(found.collections, found.languages)

        def failed(error: BaseException) -> None:
            if not isinstance(error, Cancelled):
                self.message.emit(translate_error(error))

        self._tasks.run("library-search-choices", work, done, failed)

    def set_paused(self, paused: bool) -> None:
        """Stop indexing (what was indexed stays, and is searched) or go on with it."""
        self._paused = paused
        if paused:
            self._tasks.cancel("library-index")  # (a cancelled task reports nothing)
            application = QCoreApplication.instance()
            if application is not None:
                application.removeEventFilter(self._input)
            self.indexing.emit(1, 1)
            self.panel.show_status(self.tr("Indexing paused: what is indexed is searched."))
        else:
            self.update_index()

    def update_index(self) -> None:
        """Index what changed, in the background (a running update is left to finish)."""
        if self._paused or self._tasks.running("library-index"):
            return
        clock = self._input
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(clock)

        def work(progress: Progress) -> UpdateReport:
            _lowest_priority()
            from readmark.core.store.library import Library

            library = Library(paths.library_db())
            index = SearchIndex(paths.search_index())
            try:
                if index.rebuilt:
                    progress.report(0, 0, "rebuilt")
                # Several books to read: two processes at the lowest priority read
                # and cut them while this thread stores them, so indexing uses the
                # cores the reader leaves idle (a frozen bundle: this thread only).
                many = len(index.missing(library)) >= 4 and not getattr(sys, "frozen", False)
                return index.update(
                    library,
                    lambda d, t, _p: progress.report(d, t),
                    lambda: clock.wait_for_a_pause(progress),
                    workers=_WORKERS if many else 1,
                    sections=paths.render_cache_dir(),  # books read before: not converted again
                    low_priority=True,
                )
            finally:
                index.close()
                library.close()

        def progressed(done: int, total: int, text: str) -> None:
            if text == "rebuilt":
                self.message.emit(
                    self.tr("The search index was damaged or out of date; it is being made anew.")
                )
                return
            self.indexing.emit(done, total)
            if total:
                self.panel.show_status(
                    self.tr("Indexing books: {done} of {total}…").format(
                        done=format_number(done), total=format_number(total)
                    )
                )

        def finished() -> None:
            if application is not None:
                application.removeEventFilter(clock)

        def done(_report: UpdateReport) -> None:
            finished()
            self.indexing.emit(1, 1)
            if self._query[0].strip():
                self._run_search()  # what was just indexed (books, notes) can be found now

        def failed(error: BaseException) -> None:
            finished()
            self.indexing.emit(1, 1)
            if not isinstance(error, Cancelled):
                self.message.emit(translate_error(error))

        self._tasks.run("library-index", work, done, failed, progressed)

    def _typed(self, text: str, scope: str, collection: str, language: str) -> None:
        self._query = (text, scope, Scope(collection, language))
        self._timer.start()

    def search_now(self) -> None:
        """Search for what was typed; books added since the last update are indexed
        (in the background) and the search is run again when they are."""
        self._timer.stop()
        if self._query[0].strip():
            self.update_index()
        self._run_search()

    def _run_search(self) -> None:
        text, scope, books_in_scope = self._query
        if not text.strip():
            self._tasks.cancel("library-search")
            self.panel.clear_results()
            self.panel.show_status("")
            return

        indexing = self._tasks.running("library-index")

        def work(progress: Progress) -> LibraryResults | None:
            from readmark.core.search.scope import books_in
            from readmark.core.store.library import Library

            library = Library(paths.library_db())
            index = SearchIndex(paths.search_index())
            try:
                only = None
                if not books_in_scope.everything:
                    only = books_in(library, books_in_scope)
                    if only is None:
                        return None  # the collection is gone
                progress.check()
                if not indexing:  # else the update brings notes in and searches again
                    index.update_notes(library)
                return index.search(
                    library, text, books=scope != "notes", notes=scope != "books", only=only
                )
            finally:
                index.close()
                library.close()

        def done(results: LibraryResults | None) -> None:
            if results is None:
                self.panel.clear_results()
                self.panel.show_status(
                    self.tr("There is no collection “{name}” any more.").format(
                        name=books_in_scope.collection
                    )
                )
                self.refresh_choices()
                return
            self.panel.show_hits(results.hits, results.truncated_books)
            if not results.hits:
                status = self.tr("Nothing found.")
            elif results.truncated or results.truncated_books:
                status = self.tr("The first {count} hits (narrow the search for others)").format(
                    count=format_number(len(results.hits))
                )
            else:
                status = self.tr("{count} hits").format(count=format_number(len(results.hits)))
            if results.not_indexed:
                status += " " + self.tr("{count} books could not be indexed.").format(
                    count=format_number(len(results.not_indexed))
                )
            if self._tasks.running("library-index"):
                status += " " + self.tr("Still indexing: more may be found.")
            self.panel.show_status(status)

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                return
            self.panel.clear_results()
            self.panel.show_status(translate_error(error))

        self._tasks.run("library-search", work, done, failed)
