"""Section HTML for the reader view: memory, then the disk cache, then conversion
on a background task.

Nothing here waits on the UI thread. A section already converted is handed over
at once (`stored`); any other is converted by the window's background-task
helper and delivered when ready (`request`), a newer request superseding an
older one, so a hostile book's pathological paragraph never freezes the window.
Neighbouring sections are converted ahead of time (`prefetch`), so turning into
the next chapter finds it ready.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from readmark.core.book import Book, SectionRenderer
from readmark.core.render_cache import RenderCache
from readmark.ui.background import BackgroundTasks, Progress

_MEMORY_SECTIONS = 12


class SectionProvider:
    def __init__(
        self,
        book: Book,
        cache: RenderCache | None,
        tasks: BackgroundTasks,
        first: tuple[int, str] | None = None,
    ) -> None:
        """`first`: a section already converted while the book was being opened."""
        self.book = book
        self._cache = cache
        self._tasks = tasks
        self._memory: dict[int, str] = {}
        self._lock = threading.Lock()  # the memory, shared with the workers
        # One renderer for the workers (the UI thread never converts), used by one
        # worker at a time: a request and a prefetch may run side by side.
        self._worker_renderer = book.renderer.clone()
        self._render_lock = threading.Lock()
        # Reading the whole book through (search) has a renderer of its own, made when
        # first needed, so it never holds up the section the reader is waiting for.
        self._through_renderer: SectionRenderer | None = None
        self._through_lock = threading.Lock()
        if first is not None:
            self._remember(*first)
        # Opened with a render cache never used: the first section is stored by the
        # first prefetch (on a worker, after the first screen), not while opening.
        self._unsaved = first if first is not None and cache and cache.unused() else None

    @property
    def cache(self) -> RenderCache | None:
        """The disk cache the book's sections are kept in (None: none)."""
        return self._cache

    def stored(self, index: int) -> str | None:
        """The section's HTML if it is converted already (memory or disk), else None."""
        with self._lock:
            html = self._memory.get(index)
        if html is None and self._cache and not self._cache.unused():
            html = self._cache.get(self.book.cache_key, index)
            if html is not None:
                self._remember(index, html)
        return html

    def request(
        self,
        index: int,
        deliver: Callable[[str], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Convert the section in the background; `deliver(html)` on the UI thread.
        A newer request cancels this one (its result is dropped)."""
        self._tasks.run("section", lambda progress: self.convert(index), deliver, failed)

    def prefetch(self, indices: list[int]) -> None:
        """Convert these sections ahead of time, one after another, in the background."""
        wanted = [i for i in indices if 0 <= i < len(self.book.sections)]

        def work(progress: Progress) -> None:
            unsaved, self._unsaved = self._unsaved, None
            if unsaved is not None and self._cache:
                self._cache.put(self.book.cache_key, *unsaved)
            for index in wanted:
                progress.check()
                if self.stored(index) is None:
                    self.convert(index)

        if self._unsaved is not None or any(self.stored(i) is None for i in wanted):
            self._tasks.run("prefetch", work, lambda _result: None, lambda _error: None)

    def convert(self, index: int) -> str:
        """Convert a section (on the calling thread: a worker's), cache and keep it."""
        html = self.stored(index)
        if html is None:
            with self._render_lock:
                html = self._worker_renderer.render(index)
            if self._cache:
                self._cache.put(self.book.cache_key, index, html)
            self._remember(index, html)
        return html

    def converted(self) -> set[int]:
        """The sections `read_through` finds made (in memory or the disk cache)
        rather than converts."""
        with self._lock:
            found = set(self._memory)
        if self._cache:
            found |= self._cache.kept(self.book.cache_key)
        return found

    def read_through(self, index: int) -> str:
        """A section's HTML for reading the whole book through (search, on a
        worker): from memory or the disk cache, else converted and put in the disk
        cache — never kept in memory, which holds the sections being read."""
        with self._lock:
            html = self._memory.get(index)
        if html is None and self._cache:
            html = self._cache.get(self.book.cache_key, index)
        if html is None:
            with self._through_lock:
                if self._through_renderer is None:
                    self._through_renderer = self.book.renderer.clone()
                html = self._through_renderer.render(index)
            if self._cache:
                self._cache.put(self.book.cache_key, index, html)
        return html

    def read_text(self, index: int) -> str:
        """A section's text as the reader shows it, for reading the whole book
        through (search, on a worker): from its HTML when that is in memory or the
        disk cache, else made by the renderer without all of the HTML where it can
        (`Book.section_text`; nothing is kept: only the text is wanted)."""
        from readmark.core.html_text import html_to_text

        with self._lock:
            html = self._memory.get(index)
        if html is None and self._cache:
            html = self._cache.get(self.book.cache_key, index)
        if html is not None:
            return html_to_text(html)
        with self._through_lock:
            if self._through_renderer is None:
                self._through_renderer = self.book.renderer.clone()
            text_of = getattr(self._through_renderer, "text", None)
            if callable(text_of):
                return str(text_of(index))
            html = self._through_renderer.render(index)
        if self._cache:
            self._cache.put(self.book.cache_key, index, html)
        return html_to_text(html)

    def _remember(self, index: int, html: str) -> None:
        with self._lock:
            self._memory[index] = html
            while len(self._memory) > _MEMORY_SECTIONS:
                self._memory.pop(next(iter(self._memory)))

    def close(self) -> None:
        self._tasks.cancel("section")
        self._tasks.cancel("prefetch")
