"""The library search (Ctrl+Shift+F) in the window: built the first time it is
asked for, its panel docked on the right, its hits opened in the reader at their
place, its messages and indexing progress in the status bar. The window calls
`install(window)` once; nothing of the search is imported before the first use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

if TYPE_CHECKING:
    from readmark.core.book import Book
    from readmark.ui.search.library_search import LibrarySearch
    from readmark.ui.shell.main_window import MainWindow

_WIDTH = 380


class LibraryFinder(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._search: LibrarySearch | None = None
        self._pending: tuple[Path, int, int, int] | None = None  # for the book being opened
        window.menu_actions.search_library.triggered.connect(self.open)
        window.book_shown.connect(self._book_shown)

    @property
    def search(self) -> LibrarySearch:
        if self._search is None:
            from readmark.ui.search.library_search import LibrarySearch

            window = self._window
            search = self._search = LibrarySearch(window.tasks, window)
            panel = search.panel
            panel.hide()
            if not window.restoreDockWidget(panel):
                window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
                window.resizeDocks([panel], [_WIDTH], Qt.Orientation.Horizontal)
            search.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
            search.indexing.connect(self._indexing)
            search.open_requested.connect(self.go_to)
        return self._search

    def open(self) -> None:
        self.search.open()

    def search_for(self, text: str, collection: str = "") -> None:
        """Open the panel with `text` in its field, in the books of `collection`
        (the library view's button, with the collection the view shows)."""
        self.search.open()
        self.search.panel.set_collection(collection)
        if text.strip():
            self.search.panel.field.setText(text)

    def _indexing(self, done: int, total: int) -> None:
        from readmark.i18n import format_number

        bar = self._window.statusBar()
        if done >= total:
            bar.clearMessage()
        else:
            bar.showMessage(
                self.tr("Indexing the library for search: {done} of {total} books").format(
                    done=format_number(done), total=format_number(total)
                )
            )

    def go_to(self, path: str, section: int, start: int, end: int) -> None:
        """Show the hit: in the open book, or once its book is opened."""
        window = self._window
        book = window.reader.book
        if book is not None and _same_file(book.path, Path(path)):
            window.reader.select_text(section, start, end)
            window.reader.setFocus()
            return
        self._pending = (Path(path), section, start, end)
        window.open_path(Path(path))

    def _book_shown(self, book: Book) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and _same_file(book.path, pending[0]):
            _path, section, start, end = pending
            self._window.reader.select_text(section, start, end)
            self._window.reader.setFocus()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def install(window: MainWindow) -> LibraryFinder:
    return LibraryFinder(window)
