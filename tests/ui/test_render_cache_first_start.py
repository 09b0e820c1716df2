"""The first start (a render cache never used) opens the book without working out
the cache's key, and still leaves its sections in the cache for the next opening."""

from __future__ import annotations

from pathlib import Path

from readmark import paths
from readmark.core import render_cache
from readmark.core.render_cache import RenderCache


def test_a_first_start_stores_the_first_section_after_the_first_screen(
    qtbot, make_window, open_and_wait, long_book: Path, monkeypatch
) -> None:
    cache = RenderCache(paths.render_cache_dir())
    assert cache.unused()  # a fresh READMARK_HOME: nothing cached, no folder yet
    asked: list[bool] = []
    real = render_cache.renderer_version

    def counting() -> str:
        asked.append(True)
        return real()

    monkeypatch.setattr(render_cache, "renderer_version", counting)
    window = make_window()
    # Looked at the moment of the paint: right after it, a big book's text may be
    # made ready for searching, which needs the key (ui/shell/search_warmer.py).
    asked_by_the_paint: list[int] = []
    window.reader.first_painted.connect(lambda: asked_by_the_paint.append(len(asked)))
    with qtbot.waitSignal(window.reader.first_painted, timeout=10_000):
        open_and_wait(window, long_book)
    assert asked_by_the_paint == [0]  # the first screen never needed the code's digest
    book = window.reader.book
    assert book is not None
    # The first prefetch (after the first screen) stores the section shown, and its
    # neighbour: the next opening finds both.
    qtbot.waitUntil(lambda: cache.get(book.cache_key, 1) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: cache.get(book.cache_key, 0) is not None, timeout=10_000)
    assert cache.get(book.cache_key, 0) == book.section_html(0)
