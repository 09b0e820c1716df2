"""The repair in the window: what it did, and the printed pages it kept.

When a book opens with its repair on, a `printed-pages` background task reads every
section once (from the render cache when it can: the sections are cached with the
book) for the page marks the repair left (`core/repair/page_marks`) and counts what
the repair did (`core/repair/report`); both are then kept in the render cache beside
the sections, so the next opening only reads them. Then:

- the status bar says what was done (`Repaired: 19 page splits joined, …`) and the
  *Book › Repair* action's tip keeps saying it;
- a status-bar label shows the printed page at the top of the screen (`p. 41`);
- *Go › Go to Printed Page…* asks for a page and goes to where it starts, and so does
  a printed contents list's entry (`core/repair/contents_links`);
- the reader knows the pages, so *Copy as Quote* cites one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from readmark.core.book import Book
    from readmark.core.repair.page_marks import PrintedPage
    from readmark.core.repair.rule import RepairCounts
    from readmark.ui.background import Progress
    from readmark.ui.shell.main_window import MainWindow

# After the first screen is painted: reading the book through holds the GIL, which
# would stall that paint (the reader's prefetch waits as long, for the same reason).
_AFTER_FIRST_PAINT_MS = 300


class _Pace:
    """Called between sections: stops when cancelled, and rests as long as it worked
    since the last call. The repair's whole-book pass shares the interpreter with
    the reader (Python threads take turns), so at full speed it would slow every
    chapter the reader opens in the seconds after a big book opens; at half speed
    the reader keeps most of it."""

    def __init__(self, check: Callable[[], None]) -> None:
        self._check = check
        self._since = time.perf_counter()

    def __call__(self) -> None:
        self._check()
        worked = time.perf_counter() - self._since
        time.sleep(min(worked, 0.05))
        self._since = time.perf_counter()


class PrintedPages(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._book: Book | None = None
        self.label = QLabel()
        self.label.setObjectName("printedPageLabel")
        self.label.setToolTip(self.tr("The page of the printed book at the top of the screen"))
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        actions = window.menu_actions
        self._repair_tip = actions.repair.statusTip()
        actions.go_to_printed_page.setEnabled(False)
        actions.go_to_printed_page.triggered.connect(self.ask_for_page)
        reader = window.reader
        reader.position_changed.connect(lambda _position: self.show_page_here())
        reader.section_shown.connect(lambda _index: self.show_page_here())
        reader.printed_page_requested.connect(self.go_to_label)
        window.book_shown.connect(self._book_shown)
        reader.first_painted.connect(
            lambda: QTimer.singleShot(_AFTER_FIRST_PAINT_MS, self, self._read_book)
        )
        if reader.book is not None:  # built after the book's first screen (build_rest)
            self._book_shown(reader.book)
            QTimer.singleShot(_AFTER_FIRST_PAINT_MS, self, self._read_book)

    def _book_shown(self, book: Book) -> None:
        self._book = book
        self._window.reader.set_printed_pages(None)
        self.label.hide()
        actions = self._window.menu_actions
        actions.go_to_printed_page.setEnabled(False)
        actions.repair.setStatusTip(self._repair_tip)
        actions.repair.setToolTip(actions.repair.text().replace("&", ""))

    def _read_book(self) -> None:
        """Find the shown book's printed pages and what its repair did, in the background."""
        book = self._window.reader.book
        provider = self._window.section_provider()
        if book is None or book is not self._book or not book.options.repair or provider is None:
            return
        read, cache = provider.read_through, self._window.cache

        def work(progress: Progress) -> tuple[list[PrintedPage], RepairCounts]:
            from readmark.core.repair import report
            from readmark.core.repair.page_marks import printed_pages

            # Found once per book and rendering code, then kept with its sections.
            cached = cache.get_about(book.cache_key, report.CACHE_NAME) if cache else None
            known = report.report_from_json(cached) if cached is not None else None
            if known is not None:
                return known[1], known[0]
            paced = _Pace(progress.check)
            pages = printed_pages(book, read, paced)
            progress.check()
            counts = report.repair_counts(book, paced)
            if cache:
                cache.put_about(
                    book.cache_key, report.CACHE_NAME, report.report_json(counts, pages)
                )
            return pages, counts

        self._window.tasks.run("printed-pages", work, lambda result: self._found(book, *result))

    def _found(self, book: Book, pages: list[PrintedPage], counts: RepairCounts) -> None:
        if book is not self._window.reader.book:
            return  # another book (or none) is open by now
        from readmark.core.repair.page_marks import PageIndex
        from readmark.i18n import repair_report

        report = repair_report(counts)
        actions = self._window.menu_actions
        if report:
            said = self.tr("Repaired: {report}").format(report=report)
            self._window.statusBar().showMessage(said, 10000)
            actions.repair.setStatusTip(said)
            actions.repair.setToolTip(said)
        index = PageIndex(pages) if pages else None
        self._window.reader.set_printed_pages(index)
        actions.go_to_printed_page.setEnabled(index is not None)
        self.show_page_here()

    def show_page_here(self) -> None:
        page = self._window.reader.printed_page_here()
        self.label.setText(self.tr("p. {page}").format(page=page) if page else "")
        self.label.setVisible(bool(page))

    def ask_for_page(self) -> None:
        reader = self._window.reader
        pages = reader.printed_pages()
        if pages is None:
            return
        from readmark.ui.dialogs.printed_page_dialog import PrintedPageDialog

        dialog = PrintedPageDialog(pages, reader.printed_page_here(), self._window)
        dialog.go_requested.connect(self.go_to)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def go_to(self, page: PrintedPage) -> None:
        """Show where printed `page` starts, on the first line of the screen."""
        reader = self._window.reader
        reader.go_to_text(page.section, page.offset, then=self.show_page_here, at_top=True)
        reader.setFocus()

    def go_to_label(self, label: str) -> None:
        """A printed contents list's entry was followed: to its page, or say why not."""
        pages = self._window.reader.printed_pages()
        page = pages.find(label) if pages is not None else None
        if page is not None:
            self.go_to(page)
            return
        self._window.statusBar().showMessage(
            self.tr("Printed page {page} is not in this book.").format(page=label), 8000
        )
