"""Section HTML for the reader view: memory, then disk cache, then conversion.

Conversion runs on one worker thread. Neighbouring sections are converted
ahead of time so that turning into the next chapter does not wait for
Python-Markdown; a section asked for now is waited for a moment
(`html_within`), and when it takes longer (a hostile book's pathological
paragraph) the view shows it when it is ready instead of freezing.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from readmark.core.book import Book
from readmark.core.render_cache import RenderCache

_MEMORY_SECTIONS = 12


class SectionProvider:
    def __init__(self, book: Book, cache: RenderCache | None) -> None:
        self.book = book
        self._cache = cache
        self._memory: dict[int, str] = {}
        self._lock = threading.Lock()
        self._pending: dict[int, Future[str]] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readmark-render")
        self._worker_renderer = book.renderer.clone()

    def html(self, index: int) -> str:
        """The section's HTML, converted on this thread if need be."""
        html = self._stored(index)
        if html is None:
            html = self.book.section_html(index)
            if self._cache:
                self._cache.put(self.book.cache_key, index, html)
            self._remember(index, html)
        return html

    def html_within(self, index: int, seconds: float) -> str | None:
        """The section's HTML if it is ready within `seconds` (converting it on
        the worker meanwhile); else None, and `ready(index)` tells when it is.
        A conversion that fails is redone here, so its error reaches the caller."""
        html = self._stored(index)
        if html is not None:
            return html
        try:
            return self._submit(index).result(timeout=seconds)
        except FutureTimeout:
            return None
        except Exception:  # noqa: BLE001 - redone on this thread to raise it to the caller
            return self.html(index)

    def ready(self, index: int) -> bool:
        with self._lock:
            if index in self._memory:
                return True
            future = self._pending.get(index)
        return future is None or future.done()

    def prefetch(self, indices: list[int]) -> None:
        for index in indices:
            if 0 <= index < len(self.book.sections) and self._stored(index, disk=False) is None:
                self._submit(index)

    def _stored(self, index: int, disk: bool = True) -> str | None:
        with self._lock:
            html = self._memory.get(index)
        if html is None and disk and self._cache:
            html = self._cache.get(self.book.cache_key, index)
            if html is not None:
                self._remember(index, html)
        return html

    def _submit(self, index: int) -> Future[str]:
        with self._lock:
            future = self._pending.get(index)
            if future is None:
                future = self._pool.submit(self._render_in_background, index)
                self._pending[index] = future
        return future

    def _render_in_background(self, index: int) -> str:
        try:
            html = self._cache.get(self.book.cache_key, index) if self._cache else None
            if html is None:
                html = self._worker_renderer.render(index)
                if self._cache:
                    self._cache.put(self.book.cache_key, index, html)
            self._remember(index, html)
            return html
        finally:
            with self._lock:
                self._pending.pop(index, None)

    def _remember(self, index: int, html: str) -> None:
        with self._lock:
            self._memory[index] = html
            while len(self._memory) > _MEMORY_SECTIONS:
                self._memory.pop(next(iter(self._memory)))

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
