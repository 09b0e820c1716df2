"""Wires the library room into the window: the page (Ctrl+L), the Library menu's
commands, reading progress in the status bar, and watched folders at start.

The room (ui/library) is built the first time it is needed — the library shown,
a book added, a folder watched, or at start when folders are watched — so the
first screen does not load it. Reading progress is kept for every book read,
room or not.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from readmark.core.book import Book
from readmark.core.formats import SUPPORTED_SUFFIXES
from readmark.core.operations.library_books import reading_progress
from readmark.core.store.errors import StoreError
from readmark.core.store.library import ReadingPosition
from readmark.i18n import translate_error

if TYPE_CHECKING:
    from readmark.ui.library.room import LibraryRoom
    from readmark.ui.shell.main_window import MainWindow


class LibraryWiring(QObject):
    # How long a watched folder's new file must stay unchanged to count as complete.
    settle_ms = 1000

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._room: LibraryRoom | None = None
        a = window.menu_actions
        a.show_library.triggered.connect(self.toggle)
        a.add_books.triggered.connect(self.choose_books)
        a.add_folder.triggered.connect(self.choose_folder)
        a.watch_folder.triggered.connect(self.choose_watched_folder)
        a.watched_menu.aboutToShow.connect(self._fill_watched_menu)
        window.stack.currentChanged.connect(self._page_changed)
        window.owner.replaced.connect(self._library_replaced)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("readingProgress")
        window.statusBar().addPermanentWidget(self.progress_label)
        self.progress_label.hide()
        window.reader.position_changed.connect(self._position_changed)
        window.book_shown.connect(self._book_shown)
        self._busy: tuple[QLabel, QProgressBar, QPushButton] | None = None
        self._saved: tuple[str, int, str] | None = None  # the progress written last
        if window.reader.book is not None:  # built after the book's first screen (build_rest)
            self._book_shown(window.reader.book)
        QTimer.singleShot(0, self, self._watch_at_start)  # after the first screen

    @property
    def room(self) -> LibraryRoom:
        if self._room is None:
            self._room = self._build_room()
        return self._room

    def _build_room(self) -> LibraryRoom:
        from readmark.ui.library.room import LibraryRoom  # not on the first screen

        w = self._window
        owner = w.owner
        room = LibraryRoom(
            owner.library, owner.backups, w.tasks, w.settings, w, settle_ms=self.settle_ms
        )
        w.stack.addWidget(room.view)
        room.book_requested.connect(lambda path: w.open_path(Path(path)))
        room.view.search_requested.connect(w.library_finder.search_for)  # Ctrl+Shift+F's panel
        room.message.connect(lambda text: w.statusBar().showMessage(text, 10_000))
        room.busy.connect(self._show_busy)
        room.progressed.connect(self._show_progress)
        room.idle.connect(self._hide_busy)
        room.start_watching()
        return room

    # -- the page --------------------------------------------------------------------

    def show_library(self) -> None:
        w = self._window
        built = self._room is not None
        room = self.room
        if w.stack.currentWidget() is not room.view:
            if built:  # progress and last-read times moved on while reading
                room.refresh()
            w.stack.setCurrentWidget(room.view)  # the book's panels hide (not remembered)
            w.setWindowTitle(self.tr("Library — Readmark"))
        room.view.current_view().setFocus()

    def toggle(self) -> None:
        w = self._window
        if self._room is not None and w.stack.currentWidget() is self._room.view:
            self.leave_library()
        else:
            self.show_library()

    def leave_library(self) -> None:
        w = self._window
        book = w.reader.book
        if book is not None:
            w.stack.setCurrentWidget(w.reader)
            w.setWindowTitle(self.tr("{title} — Readmark").format(title=book.metadata.title))
            w.reader.setFocus()
        else:
            w.stack.setCurrentWidget(w.start_page)
            w.setWindowTitle(self.tr("Readmark"))

    def _page_changed(self, _index: int) -> None:
        if self._window.reader.book is None:
            self.progress_label.hide()
        action = self._window.menu_actions.show_library
        showing = self._room is not None and self._window.stack.currentWidget() is self._room.view
        if self._window.reader.book is not None:
            self._window.show_book_panels(self._window.stack.currentWidget() is self._window.reader)
        blocker = action.blockSignals(True)
        action.setChecked(showing)
        action.blockSignals(blocker)

    # -- adding ----------------------------------------------------------------------

    def choose_books(self) -> None:
        # Named here: PySide builds a class's enums when it is first named, and the
        # first screen has no use for the file dialog.
        from PySide6.QtWidgets import QFileDialog

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        w = self._window
        files, _ = QFileDialog.getOpenFileNames(
            w,
            self.tr("Add Books to Library"),
            str(Path.home()),
            self.tr("Books ({patterns});;All files (*)").format(patterns=patterns),
        )
        if files:
            self.show_library()
            self.room.add([Path(f) for f in files])

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        w = self._window
        folder = QFileDialog.getExistingDirectory(
            w, self.tr("Add a Folder to the Library"), str(Path.home())
        )
        if folder:
            self.show_library()
            self.room.add([Path(folder)])

    def choose_watched_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        w = self._window
        folder = QFileDialog.getExistingDirectory(
            w, self.tr("Watch a Folder for New Books"), str(Path.home())
        )
        if folder:
            self.show_library()
            self.room.watch(Path(folder))

    def watched_folders(self) -> list[Path]:
        library = self._window.owner.library
        try:
            return library.catalog.watched_folders() if library else []
        except StoreError:
            return []

    def watch(self, folder: Path) -> None:
        self.room.watch(folder)

    def unwatch(self, folder: Path) -> None:
        self.room.unwatch(folder)

    def _fill_watched_menu(self) -> None:
        w = self._window
        menu = w.menu_actions.watched_menu
        menu.clear()
        library = w.owner.library
        folders = library.catalog.watched_folders() if library else []
        for folder in folders:
            action = menu.addAction(str(folder))
            action.triggered.connect(lambda _=False, f=folder: self.room.unwatch(f))
        if not folders:
            menu.addAction(self.tr("No watched folders")).setEnabled(False)

    def _watch_at_start(self) -> None:
        library = self._window.owner.library
        try:
            watched = library.catalog.watched_folders() if library else []
        except StoreError:
            return
        if watched:
            self.room  # noqa: B018 - building it starts watching and rescans

    def _library_replaced(self, _library: object) -> None:
        if self._room is not None:
            owner = self._window.owner
            self._room.set_library(owner.library, owner.backups)

    def _show_busy(self, text: str) -> None:
        if self._busy is None:
            label, bar, cancel = QLabel(), QProgressBar(), QPushButton(self.tr("Cancel"))
            cancel.setObjectName("libraryAddCancel")
            bar.setObjectName("libraryAddProgress")
            bar.setMaximumWidth(160)
            cancel.clicked.connect(lambda: self.room.cancel())
            for widget in (label, bar, cancel):
                self._window.statusBar().addPermanentWidget(widget)
            self._busy = (label, bar, cancel)
        label, bar, cancel = self._busy
        label.setText(text)
        bar.setRange(0, 0)
        for widget in self._busy:
            widget.show()

    def _show_progress(self, done: int, total: int) -> None:
        if self._busy is not None and total:
            self._busy[1].setRange(0, total)
            self._busy[1].setValue(done)

    def _hide_busy(self) -> None:
        for widget in self._busy or ():
            widget.hide()

    # -- reading progress ------------------------------------------------------------

    def _book_shown(self, _book: Book) -> None:
        position = self._window.reader.position()
        if position is not None:
            self._position_changed(position, save=False)

    def _position_changed(self, position: ReadingPosition, save: bool = True) -> None:
        w = self._window
        book = w.reader.book
        if book is None or not 0 <= position.section < len(book.sections):
            self.progress_label.hide()
            return
        length = max(1, w.reader.document().characterCount())
        fraction = reading_progress(book.sections, position.section, position.offset / length)
        chapter = book.sections[position.section].title
        percent = w.locale().toString(round(fraction * 100)) + "%"
        self.progress_label.setText(f"{percent} · {chapter}" if chapter else percent)
        self.progress_label.setToolTip(
            self.tr("{percent} of the book read; now in “{chapter}”").format(
                percent=percent, chapter=chapter
            )
            if chapter
            else self.tr("{percent} of the book read").format(percent=percent)
        )
        self.progress_label.show()
        library = w.owner.library
        # Written when it moved by a tenth of a percent or more, or into another
        # chapter: each write is a synced transaction, beside the position's own.
        saved = (str(book.path), round(fraction * 1000), chapter)
        if save and library is not None and saved != self._saved:
            try:
                library.catalog.set_progress(book.path, fraction, chapter)
            except StoreError as error:  # said; reading goes on
                w.statusBar().showMessage(translate_error(error), 8000)
            else:
                self._saved = saved
