"""Section HTML for the reader view: memory, then disk cache, then conversion.

Neighbouring sections are converted on a worker thread ahead of time so that
turning into the next chapter does not wait for Python-Markdown.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from readmark.core.book import Book
from readmark.core.render_cache import RenderCache

_MEMORY_SECTIONS = 12


class SectionProvider:
    def __init__(self, book: Book, cache: RenderCache | None) -> None:
        self.book = book
        self._cache = cache
        self._memory: dict[int, str] = {}
        self._lock = threading.Lock()
        self._pending: set[int] = set()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readmark-render")
        self._worker_renderer = book.renderer.clone()

    def html(self, index: int) -> str:
        with self._lock:
            cached = self._memory.get(index)
        if cached is not None:
            return cached
        html = self._cache.get(self.book.cache_key, index) if self._cache else None
        if html is None:
            html = self.book.section_html(index)
            if self._cache:
                self._cache.put(self.book.cache_key, index, html)
        self._remember(index, html)
        return html

    def prefetch(self, indices: list[int]) -> None:
        for index in indices:
            if not 0 <= index < len(self.book.sections):
                continue
            with self._lock:
                if index in self._memory or index in self._pending:
                    continue
                self._pending.add(index)
            self._pool.submit(self._render_in_background, index)

    def _render_in_background(self, index: int) -> None:
        try:
            html = self._cache.get(self.book.cache_key, index) if self._cache else None
            if html is None:
                html = self._worker_renderer.render(index)
                if self._cache:
                    self._cache.put(self.book.cache_key, index, html)
            self._remember(index, html)
        except Exception:  # noqa: BLE001 - the foreground path will render and report it
            pass
        finally:
            with self._lock:
                self._pending.discard(index)

    def _remember(self, index: int, html: str) -> None:
        with self._lock:
            self._memory[index] = html
            while len(self._memory) > _MEMORY_SECTIONS:
                self._memory.pop(next(iter(self._memory)))

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
