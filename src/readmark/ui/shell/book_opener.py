"""Opening a book: on the window's background helper, with the choices the reader
made for it (repair, encoding, chapter detection), at the place they left it.

The book is parsed and the section to start at converted on an `open-book`
task; a newer opening (or Cancel) drops an older one's result. On the UI
thread the opening is recorded in the library (a core operation) and `opened`
hands the window what to show. Changing a book's choices saves them and opens
it again at the same chapter: its text, and so every offset, changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from readmark.core.book import Book, LoadOptions
from readmark.core.operations.books import Opened, record_opening
from readmark.core.render_cache import RenderCache
from readmark.core.store.errors import StoreError
from readmark.core.store.library import Library, ReadingPosition
from readmark.i18n import translate_error
from readmark.ui.background import BackgroundTasks, Progress
from readmark.ui.shell.library_owner import LibraryOwner

FirstSection = tuple[int, str] | None  # (index, HTML) converted with the book, if it could be


class BookOpener(QObject):
    busy = Signal(str)  # "Opening “name”…": an opening is under way
    idle = Signal()  # none is
    opened = Signal(object, object, object)  # Book, FirstSection, ReadingPosition | None
    failed = Signal(str)  # why the book could not be opened, in the reader's language
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        owner: LibraryOwner,
        tasks: BackgroundTasks,
        cache: RenderCache | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._owner = owner
        self._tasks = tasks
        self._cache = cache
        # A book opened for the first time gets these (Preferences › Books).
        self.default_options = LoadOptions()
        # The start-up book's opening, when the library knows it already, is written
        # once its first screen is painted (`record_later`): the record's writes sync
        # the disk (3–20 ms) and the first screen needs only what was read.
        self.record_first_later = False
        self._unrecorded: Book | None = None

    def open(
        self,
        path: Path,
        options: LoadOptions | None = None,
        start: ReadingPosition | None = None,
    ) -> None:
        """Open `path` (with its remembered choices unless `options` are given) at
        `start`, else where the reader stopped."""
        self.record_later()  # a book shown before, not yet recorded: now
        self.cancel()
        path = path.expanduser()
        try:
            path = path.resolve()
        except OSError:
            pass
        library = self._owner.library
        record = library.get(path) if library is not None else None
        if options is None:
            options = record.options if record else self.default_options
        begin = start or (record.position if record else None)
        cache = self._cache
        self.busy.emit(self.tr("Opening “{name}”…").format(name=path.name))

        def load(progress: Progress) -> tuple[Book, FirstSection]:
            from readmark.core.formats import open_book  # the loaders: only when opening

            book = open_book(path, options)
            index = begin.section if begin and 0 <= begin.section < len(book.sections) else 0
            # The contents by chapter, which the reader asks for as it shows one: made
            # here, not on the UI thread (~3 ms for a book of 7,777 entries).
            book.toc_entries_in(index)
            progress.check()
            # A render cache never used (the first start) holds nothing: the key (a
            # digest of the rendering code, ~8 ms to work out) is not needed for the
            # first screen, and the section provider stores this section later.
            disk = cache if cache is not None and not cache.unused() else None
            html = disk.get(book.cache_key, index) if disk else None
            if html is None:
                try:
                    html = book.section_html(index)
                except Exception:  # noqa: BLE001 - the reader asks again and says why
                    return book, None
                if disk:
                    disk.put(book.cache_key, index, html)
            return book, (index, html)

        def loaded(result: tuple[Book, FirstSection]) -> None:
            self.idle.emit()
            book, first = result
            position = start
            if library is not None and library is self._owner.library:
                if self.record_first_later and record is not None:  # read; written later
                    self.record_first_later = False
                    self._unrecorded = book
                    position = start or record.position
                else:
                    position = start or self.record(book)
            self.opened.emit(book, first, position)

        def failed(error: BaseException) -> None:
            self.idle.emit()
            self.failed.emit(translate_error(error))

        self._tasks.run("open-book", load, loaded, failed)

    def record(self, book: Book) -> ReadingPosition | None:
        """Record in the library that `book` was opened (its record follows a moved
        file; the annotations imported for it are given to it) and return where it
        was left. None without a library, or when it cannot be written (said:
        reading works without it)."""
        opened = self._record(book)
        return opened.position if opened is not None else None

    def record_later(self, only: Book | None = None) -> bool:
        """Write the opening `record_first_later` left for after the first screen
        (if any; with `only`, if it is that book's); True when annotations imported for
        the book were given to it then (they are to be shown)."""
        book = self._unrecorded
        if book is None or (only is not None and book is not only):
            return False
        self._unrecorded = None
        opened = self._record(book)
        return opened is not None and opened.claimed > 0

    def _record(self, book: Book) -> Opened | None:
        library = self._owner.library
        if library is None:
            return None
        try:
            return record_opening(library, book)
        except StoreError as error:
            self.message.emit(translate_error(error))
            return None

    def cancel(self) -> None:
        self._tasks.cancel("open-book")
        self.idle.emit()

    def set_repair(self, book: Book, enabled: bool, here: ReadingPosition | None) -> None:
        """Repair switched on or off for this book: remembered, and the book reopened."""
        self._remember(lambda library: library.set_repair(book.path, enabled))
        self._reopen(book, dataclasses.replace(book.options, repair=enabled), here)

    def set_text_choices(
        self,
        book: Book,
        here: ReadingPosition | None,
        encoding: str | None = None,
        chapters: bool | None = None,
    ) -> None:
        """A plain-text book's encoding or chapter detection: remembered, reopened."""
        options = dataclasses.replace(
            book.options,
            encoding=book.options.encoding if encoding is None else encoding,
            detect_chapters=book.options.detect_chapters if chapters is None else chapters,
        )
        self._remember(
            lambda library: library.set_text_choices(
                book.path, options.encoding, options.detect_chapters
            )
        )
        self._reopen(book, options, here)

    def _remember(self, save: Callable[[Library], None]) -> None:
        library = self._owner.library
        if library is None:
            return
        try:
            save(library)
        except StoreError as error:  # the choice still applies now; say it was not kept
            self.message.emit(translate_error(error))

    def _reopen(self, book: Book, options: LoadOptions, here: ReadingPosition | None) -> None:
        """The same book with other choices: the text changes, so offsets do too;
        keep the chapter (when it still exists) and start at its top."""
        start = ReadingPosition(here.section, 0) if here is not None else None
        self.open(book.path, options, start)
