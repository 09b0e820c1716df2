"""Search in the book: the panel, the core's search run in the background, and
the hits on the page.

Typing in the panel waits for a pause (`DEBOUNCE_MS`), then searches; a new
query cancels the search under way (BackgroundTasks: one task of kind
"search"). The core looks through the section being read first, then the rest
of the book round to it, and hands over each section's hits as soon as it has
them (a queue the worker fills and the UI thread empties at each progress
report), so the first results show while the rest of the book is searched.
Every section's text is made once per open book (`BookText`) and kept: the
first search of a big book converts what the reader never opened, later ones
only match; and it is saved beside the book's converted sections (`SavedText`),
so a book searched before is searched at once when opened again. Opening the
panel starts that preparation already.

Enter / F3 go to the next hit after the one gone to last, or after the place
being read; Shift+Enter / Shift+F3 to the previous one; the book wraps round.
The hit gone to is selected in the reader (without the annotation popup) and
in the list; every hit of the section on screen is marked while the panel is
open, and nothing is left marked when it closes.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from readmark.core.book import Book
from readmark.core.search.book_text import BookText
from readmark.core.search.folding import table as folding_table
from readmark.core.search.hit_list import Hit
from readmark.core.search.in_book import SectionHits, prepare_book, search_book
from readmark.core.search.query import Query, QueryError, compile_query
from readmark.i18n import format_number, translate_error
from readmark.ui.background import BackgroundTasks, Progress
from readmark.ui.palette import FOUND_COLOUR, palette_for
from readmark.ui.reader.annotated_reader import AnnotatedReaderView
from readmark.ui.reader.section_provider import SectionProvider
from readmark.ui.search.panel import SearchPanel
from readmark.ui.search.results_model import ResultsModel

_KEEP = "search-keep"  # saving the text a search made, after its hits are shown
DEBOUNCE_MS = 200  # typing pauses this long before the book is searched
# A worker hands over what it found at once the first time, then at most this
# often: each hand-over costs the UI thread a model update and a status line.
_REPORT_EVERY_S = 0.02
_KIND = "search"
_FIRST_ROWS = 200  # hits listed (and painted) alone, before the rest
_REST_AFTER_MS = 30  # the rest is listed this long after, once the first rows are painted
_LIST_EVERY_MS = 150  # later hits are listed in batches at most this often
# A search waits after its first hits until the list has painted them (converting
# holds the interpreter, and the window would wait for it: 100-160 ms for a
# just-opened 10 MB book; matching sections read back from the parts the background
# processes hand over holds it too: 60-110 ms; bench/search.py), at most this long.
_FIRST_PAINT_MAX_S = 0.3
# Python's switch interval: a thread that wants the interpreter while another runs
# Python gets it after this long. The UI thread wants it at every call into Python
# (each model and delegate call while the list is laid out and painted), while a
# worker converts or searches; with the default 5 ms, listing and painting the
# first results of a search that converts waited 20 ms more (bench/search.py, the
# first search at once after Ctrl+F: median 86 ms against 65 ms, 6 runs each).
# Process-wide: set when the search room is first built (the first Ctrl+F).
_SWITCH_INTERVAL_S = 0.001


class _FirstPaint(QObject):
    """Tells a worker when the results list has painted its first rows: armed when
    they are listed, it sets the search's event just after the list's next paint,
    and says so (`painted`)."""

    painted = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.waiting: threading.Event | None = None

    def arm(self, event: threading.Event) -> None:
        self.waiting = event

    def release(self) -> None:
        """Nothing more to wait for (the search was replaced, stopped or is done)."""
        if self.waiting is not None:
            self.waiting.set()
            self.waiting = None

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and self.waiting is not None:
            QTimer.singleShot(0, self._after_paint)  # once this paint is done
        return False

    def _after_paint(self) -> None:
        if self.waiting is not None:
            self.release()
            self.painted.emit()


class SearchController(QObject):
    message = Signal(str)  # for the status bar
    searched = Signal()  # a search finished (all its hits are in the list)
    # A search or its preparation begins in a book whose text is not all made: the
    # processes that make it in the background are wanted now (ui/shell/search_warmer.py),
    # not only once the first screen is painted.
    text_wanted = Signal()

    def __init__(
        self,
        reader: AnnotatedReaderView,
        tasks: BackgroundTasks,
        sections: Callable[[], SectionProvider | None],
        parent: QWidget,
    ) -> None:
        """`sections()`: the provider of the open book's section HTML."""
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), _SWITCH_INTERVAL_S))
        self.reader = reader
        self.tasks = tasks
        self._sections = sections
        self.model = ResultsModel(self)
        mark = palette_for("light", "#ffffff").fill(FOUND_COLOUR)
        self.panel = SearchPanel(self.model, mark, parent)
        self._first_paint = _FirstPaint(self)
        self._painted = threading.Event()  # the search shown: its first rows painted
        self.panel.results.viewport().installEventFilter(self._first_paint)
        self._first_paint.painted.connect(self._mark)
        self._book: Book | None = None
        self._text: BookText | None = None
        self._entry_titles: dict[int, str] | None = None  # section -> its first contents entry
        self._query: Query | None = None  # of the results shown
        self._generation = 0  # of the search whose results are shown
        self._complete = False
        self._current: Hit | None = None  # the hit gone to last
        self._wanted = 0  # +1 / -1: go to the next / previous hit once there are some
        self._searched = bytearray()  # by section: searched by the search shown
        self._pending: list[tuple[int, list[tuple[int, int]]]] = []  # found, not listed yet
        self._unmarked: list[tuple[int, list[tuple[int, int]]]] = []  # found, not marked yet
        self._found = 0  # hits found by the search shown, listed or not
        self._truncated = False  # it stopped at MAX_HITS
        self._list_timer = QTimer(self, singleShot=True)
        self._list_timer.timeout.connect(self._list)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.panel.query_changed.connect(self._query_changed)
        self.panel.next_requested.connect(self.find_next)
        self.panel.previous_requested.connect(self.find_previous)
        self.panel.activated.connect(self.go_to)
        self.panel.closed.connect(self._closed)

    # -- opening and closing -----------------------------------------------------------

    def open(self) -> None:
        """Ctrl+F: show the panel with the cursor in its field."""
        if self.reader.book is None:
            return
        self._follow_book()
        shown = self.panel.isVisible()
        self.panel.show()
        self.panel.raise_()
        self.panel.focus_field()
        query = self.panel.query()
        if query.blank:
            self._prepare()
        elif query != self._query:
            self.search_now()
        if not shown:
            self._lay_out_window()

    def _lay_out_window(self) -> None:
        """Give the panel its place and paint the window now: the page beside it is
        narrower and lays its text out again (20-40 ms for a 30 KB chapter). Qt
        would do both at the next turn of the event loop, before any result could
        be listed; done here, while the worker prepares or searches, the first
        results are listed and painted alone as soon as they are found, instead of
        after a paint of the whole window (bench/search.py)."""
        window = self.panel.parentWidget()
        layout = window.layout() if window is not None else None
        if window is None or layout is None:
            return
        layout.activate()
        window.repaint()

    def close(self) -> None:
        self.panel.close()  # emits closed

    def close_book(self) -> None:
        """The reader closed the book: the panel closes too."""
        self.stop()
        self.close()

    def stop(self) -> None:
        """The book on screen is going (closed, or reopened with other choices):
        stop searching it and forget its text and hits. An open panel stays, and
        searches the book shown next (`book_shown`)."""
        self._debounce.stop()
        self._first_paint.release()
        self.tasks.cancel(_KIND)
        self._book, self._text = None, None
        self._query = None
        self._clear_results()

    def _closed(self) -> None:
        self._first_paint.release()
        self._debounce.stop()
        self._list_timer.stop()
        self.tasks.cancel(_KIND)
        self._generation += 1
        self._pending, self._wanted = [], 0
        self._query = None  # searched again when the panel opens
        self.reader.clear_found()
        self.reader.setFocus()

    def _follow_book(self) -> bool:
        """Make the text of the book on screen the one searched; True if it changed."""
        book, provider = self.reader.book, self._sections()
        if book is self._book or book is None or provider is None:
            return False
        self._book = book
        from readmark.core.search.saved_text import SavedText

        saved = SavedText(provider.cache, book.cache_key) if provider.cache else None
        self._text = BookText(
            len(book.sections), provider.read_through, saved, provider.converted, provider.read_text
        )
        self._entry_titles = None
        self._query = None
        self._clear_results()
        return True

    def book_shown(self) -> None:
        """A book (or the same one, reopened with other choices) is on screen."""
        if self._follow_book() and self.panel.isVisible() and not self.panel.query().blank:
            self.search_now()

    # -- searching ------------------------------------------------------------------------

    def _query_changed(self, query: Query) -> None:
        self._wanted = 0
        if query.blank:
            self._debounce.stop()
            self.tasks.cancel(_KIND)
            self._clear_results()
            self._query = None
            self.panel.set_status(self._why_not(query) if query.text else "")
            self._prepare()
            return
        self._debounce.start()

    @staticmethod
    def _why_not(query: Query) -> str:
        """Why `query` is not searched, in the reader's language ("" if it is)."""
        try:
            compile_query(query)
        except QueryError as error:
            return translate_error(error)
        return ""

    def search_now(self) -> None:
        """Search for what the panel holds, at once."""
        self._debounce.stop()
        self._follow_book()
        text, query = self._text, self.panel.query()
        if text is None or query.blank:
            return
        self._clear_results()
        self._query = query
        try:
            matcher = compile_query(query)
        except QueryError as error:
            self._complete = True
            self.panel.set_status(translate_error(error))
            return
        self._generation += 1
        generation, found = self._generation, deque[SectionHits]()
        self._searched = bytearray(len(text))  # 1 for each section searched
        self.text_wanted.emit()
        first = max(self.reader.section, 0)
        self.model.reset(self._title, text.text)
        self._first_paint.release()
        painted = self._painted = threading.Event()

        def work(progress: Progress) -> int:
            text.load_saved()  # the text kept from an earlier time, if any (on this worker)
            done, reported, any_found = 0, 0.0, False
            for hits in search_book(text, matcher, first, progress.check, keep=False):
                found.append(hits)
                done += 1
                now = time.monotonic()
                if hits.ranges and not any_found:
                    progress.report(done, len(text))
                    reported, any_found = now, True
                    # Searching the rest holds the interpreter: first let the
                    # window list and paint what was found.
                    until = now + _FIRST_PAINT_MAX_S
                    while not painted.wait(0.01) and time.monotonic() < until:
                        progress.check()
                elif now - reported >= _REPORT_EVERY_S:
                    progress.report(done, len(text))
                    reported = now
            return done

        self.panel.set_status(self.tr("Searching…"))
        self.tasks.run(
            _KIND,
            work,
            lambda _done: self._finished(generation, found, text),
            lambda error: self._failed(generation, error),
            lambda done, total, _text: self._arrived(generation, found, done, total),
        )

    def _prepare(self) -> None:
        """Make the book's text ready to search while the reader types."""
        text = self._text
        if text is None or text.ready() == len(text):
            return
        first = max(self.reader.section, 0)
        self.text_wanted.emit()

        def work(progress: Progress) -> None:
            # The folding table first: the query is folded on the UI thread when the
            # typing pauses, and a text read back from its saved copy folds nothing.
            folding_table()
            for _index in prepare_book(text, first, progress.check):
                pass

        self.tasks.run(_KIND, work, lambda _result: None, lambda _error: None)

    def _arrived(self, generation: int, found: deque[SectionHits], done: int, total: int) -> None:
        if generation != self._generation:
            return  # a report of a search since replaced, still on its way
        self._take(found)
        self.panel.set_status(
            self.tr("Searching… {percent}% — {count} found").format(
                percent=format_number(done * 100 // max(total, 1)),
                count=format_number(self._found),
            )
        )
        if self._wanted:
            self._go_wanted()

    def _finished(self, generation: int, found: deque[SectionHits], text: BookText) -> None:
        # The text made by this search is saved for the next time after it is shown.
        self.tasks.run(_KEEP, lambda _progress: text.keep(), lambda _r: None, lambda _e: None)
        if generation != self._generation:
            return
        self._take(found)
        self._complete = True
        if self._pending:
            # At once, unless the first rows are still to be painted before the rest.
            if self._list_timer.interval() != _REST_AFTER_MS or not self._list_timer.isActive():
                self._list_timer.start(0)
        else:
            self._done()

    def _done(self) -> None:
        """Every hit is listed: go where asked, say how many, tell who waits."""
        self._mark()
        if self._wanted:
            self._go_wanted()
        self._show_count()
        text = self._text
        if text is not None and text.unreadable:
            self.message.emit(
                self.tr(
                    "{count} parts of the book could not be read and were not searched."
                ).format(count=format_number(len(text.unreadable)))
            )
        self.searched.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._list()
        self._complete = True
        self._wanted = 0
        self.panel.set_status(translate_error(error))
        self.searched.emit()

    def _take(self, found: deque[SectionHits]) -> None:
        """What the worker handed over since the last time: marked on the page at
        once, listed in batches (each insertion lays the whole list out again, so
        a long search inserts every `_LIST_EVERY_MS`, not every section). The very
        first hits are listed at once, alone, so they are painted before the rest."""
        while found:
            hits = found.popleft()
            if hits.section < len(self._searched):
                self._searched[hits.section] = 1
            self._truncated = self._truncated or hits.truncated
            if hits.ranges:
                self._pending.append((hits.section, hits.ranges))
                self._found += len(hits.ranges)
                self._unmarked.append((hits.section, hits.ranges))
        if not self.model.hits.total and self._unmarked:
            # The very first hits: listed and painted first, marked on the page just
            # after the list's paint (`_FirstPaint.painted`; marking lays the page's
            # highlights out again, 20-30 ms), or after a while if the list is not
            # painted (a hidden window).
            QTimer.singleShot(int(_FIRST_PAINT_MAX_S * 1000), self._mark)
        elif self._first_paint.waiting is None:
            self._mark()
        if not self._pending or self._list_timer.isActive():
            return
        if not self.model.hits.total:
            first, count = 0, 0
            while first < len(self._pending) and count < _FIRST_ROWS:
                count += len(self._pending[first][1])
                first += 1
            self.model.add(self._pending[:first])
            del self._pending[:first]
            self._first_paint.arm(self._painted)
            if self._pending:
                self._list_timer.start(_REST_AFTER_MS)
            return
        self._list_timer.start(_LIST_EVERY_MS)

    def _mark(self) -> None:
        """Mark on the page the hits found and not marked yet."""
        marks, self._unmarked = self._unmarked, []
        for section, ranges in marks:
            self.reader.show_found(section, ranges)

    def _list(self) -> None:
        """Put the hits waiting to be listed into the list."""
        self._list_timer.stop()
        pending, self._pending = self._pending, []
        self.model.add(pending)
        if self._complete and self._text is not None:
            self._done()

    def _clear_results(self) -> None:
        self._generation += 1
        self._list_timer.stop()
        self._pending, self._found, self._unmarked = [], 0, []
        self._truncated = False
        self._complete = False
        self._current = None
        self.model.reset()
        self.reader.clear_found()

    def _title(self, section: int) -> str:
        """The chapter a section belongs to, else the first contents entry in it."""
        book = self._book
        if book is None or not 0 <= section < len(book.sections):
            return ""
        if book.sections[section].title:
            return book.sections[section].title
        if self._entry_titles is None:
            self._entry_titles = {}
            for entry in book.toc_entries():
                self._entry_titles.setdefault(entry.section, entry.title)
        return self._entry_titles.get(section, "")

    # -- moving through the hits ---------------------------------------------------------

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.panel.isVisible():
            self.open()
        if self.panel.query().blank:
            return
        if self._query != self.panel.query() or self._debounce.isActive():
            self._wanted = direction  # go once the search for what was typed finds it
            self.search_now()
            return
        self._wanted = direction
        self._go_wanted()

    def _go_wanted(self) -> None:
        """Go to the hit after (or before) the one gone to last, or the place read,
        once every section between here and there has been searched."""
        if self._pending:
            self._list()  # every hit found so far, to choose among
            if not self._wanted:
                return  # _list went there already (the search was complete)
        hits, direction = self.model.hits, self._wanted
        if not hits.total:
            if self._complete:
                self._wanted = 0
            return
        if self._current is not None:
            section, offset = self._current.section, self._current.start
            index = hits.index_from(section, offset + (1 if direction > 0 else 0))
        else:
            section, offset = max(self.reader.section, 0), self._reading_offset()
            index = hits.index_from(section, offset)
        if direction < 0:
            index -= 1
        wrapped = not 0 <= index < hits.total
        index %= hits.total
        if not self._complete and not self._searched_between(
            section, hits.at(index).section, direction, wrapped
        ):
            return  # a section on the way is not searched yet: wait for it
        self._wanted = 0
        if wrapped:
            self.message.emit(
                self.tr("Continued from the start of the book")
                if direction > 0
                else self.tr("Continued from the end of the book")
            )
        self.go_to(hits.at(index))

    def _searched_between(self, start: int, end: int, direction: int, wrapped: bool) -> bool:
        """Whether every section from `start` to `end` (both included), going in
        `direction` and round the end of the book if `wrapped`, was searched."""
        searched, count = self._searched, len(self._searched)
        if direction > 0:
            path = [*range(start, count), *range(0, end + 1)] if wrapped else range(start, end + 1)
        else:
            path = (
                [*range(start, -1, -1), *range(count - 1, end - 1, -1)]
                if wrapped
                else (range(start, end - 1, -1))
            )
        return all(searched[i] for i in path if 0 <= i < count)

    def _reading_offset(self) -> int:
        caret = self.reader.caret_offset()
        return caret if caret is not None else self.reader.top_offset()

    def go_to(self, hit: Hit) -> None:
        """Show a hit in the reader, selected, and in the list."""
        self._current = hit
        self.reader.select_text(hit.section, hit.start, hit.end)
        self.panel.show_current(self.model.index_of_hit(hit))
        self._show_count()

    def _show_count(self) -> None:
        hits = self.model.hits
        if self._complete and not hits.total:
            self.panel.set_status(self.tr("No results"))
            return
        total = format_number(hits.total)
        index = hits.index_of(self._current) if self._current is not None else None
        if index is not None:
            status = self.tr("{number} of {total}").format(
                number=format_number(index + 1), total=total
            )
        else:
            status = self.tr("{total} found").format(total=total)
        if self._truncated:
            status += " " + self.tr("(the search stopped there: type more to narrow it)")
        self.panel.set_status(status if self._complete else status + "…")
