"""Following a `readmark://` link: open its book from the library and go to the place.

The book is found in the library by its content id (a place link) or by the
annotation's book (an annotation link), opened like any book, and the link's
target is placed on the book as it reads now with `core.anchoring` — on the
window's background helper, since a passage that moved may be searched for in
every chapter. The passage is then shown and selected. A link whose book is not
in the library, or whose passage is no longer in it, says so in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from readmark.core import links
from readmark.core.annotations import Annotation, Kind
from readmark.core.store.errors import StoreError
from readmark.i18n import translate_error

if TYPE_CHECKING:
    from readmark.core.book import Book
    from readmark.ui.background import Progress
    from readmark.ui.shell.main_window import MainWindow


class LinkOpener(QObject):
    message = Signal(str)  # for the status bar
    arrived = Signal(int, int)  # section, canonical offset: the link's place is on screen

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pending: tuple[Path, Annotation] | None = None  # waiting for its book to open
        self._waiting: Callable[[int, str], None] | None = None  # for the link's section
        window.book_shown.connect(self._book_shown)

    def open(self, text: str) -> None:
        """Follow the link `text` (a message says why when it cannot be followed)."""
        try:
            link = links.parse(text)
        except links.LinkError as error:
            template = QCoreApplication.translate("Links", error.template)
            self.message.emit(template.format(detail=error.detail))
            return
        library = self._window.library
        if library is None:
            self.message.emit(self.tr("Links cannot be followed: your library is unavailable."))
            return
        try:
            found = links.locate(library, link)
        except StoreError as error:
            self.message.emit(translate_error(error))
            return
        if found is None:
            self.message.emit(
                self.tr(
                    "The book this link points to is not in your library. Open the book in "
                    "Readmark once, and its links will work."
                )
            )
            return
        path, target = found
        # A place is placed as a bookmark would be: never lost, at worst near where it was.
        kind = Kind.BOOKMARK if not target.exact else Kind.HIGHLIGHT
        mark = Annotation(kind, target)
        book = self._window.reader.book
        if book is not None and _same_file(book.path, path):
            self._pending = None
            self._place(book, mark)
            return
        if not path.is_file():
            self.message.emit(
                self.tr("The book this link points to is no longer at {path}.").format(
                    path=str(path)
                )
            )
            return
        self._pending = (path, mark)
        self._window.open_path(path)

    def _book_shown(self, book: Book) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and _same_file(book.path, pending[0]):
            self._place(book, pending[1])

    def _place(self, book: Book, mark: Annotation) -> None:
        def work(progress: Progress) -> Annotation:
            from readmark.core.anchoring import SectionTexts, resolve

            progress.check()
            return resolve(mark, SectionTexts.of_book(book))

        def done(placed: Annotation) -> None:
            if self._window.reader.book is not book:
                return  # another book was opened meanwhile
            if placed.orphaned:
                self.message.emit(
                    self.tr(
                        "The passage this link points to is no longer in the book; "
                        "showing the chapter it was in."
                    )
                )
                section = min(max(placed.target.section, 0), len(book.sections) - 1)
                self._show(section, 0, 0)
                return
            target = placed.target
            self._show(target.section, target.start, target.end)

        def failed(error: BaseException) -> None:
            self.message.emit(translate_error(error))

        self._window.tasks.run("open-link", work, done, failed)

    def _show(self, section: int, start: int, end: int) -> None:
        reader = self._window.reader

        def select() -> None:
            if reader.section != section:
                return
            if end > start:
                # Quietly, as a search hit: the passage is shown, not offered for
                # annotating as if the reader had just selected it.
                reader.select_text(section, start, end)
            self.arrived.emit(section, start)

        reader.go_to_text(section, start)
        if self._waiting is not None:  # an earlier link's section never came: forget it
            reader.location_changed.disconnect(self._waiting)
            self._waiting = None
        if reader.section == section:
            select()
        else:  # the section is still being converted: select once it is shown

            def shown(_section: int, _anchor: str) -> None:
                if reader.section == section and self._waiting is shown:
                    reader.location_changed.disconnect(shown)
                    self._waiting = None
                    select()

            self._waiting = shown
            reader.location_changed.connect(shown)
        reader.setFocus()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
