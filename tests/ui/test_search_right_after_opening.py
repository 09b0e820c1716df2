"""A big book opened for the very first time and searched at once: while the
processes that make its text run (started right after the first screen), the
search takes what they have finished and makes the rest, and finds every hit of
the whole book — as many as `readmark text` shows."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit
from tests.conftest import REPO


def _bench_book(folder: Path, target_bytes: int) -> Path:
    spec = importlib.util.spec_from_file_location("bench_books", REPO / "bench" / "books.py")
    assert spec and spec.loader
    books = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(books)
    path = folder / "zh-bench.md"
    path.write_text(books.generate("zh", target_bytes, 5), encoding="utf-8")
    return path


@pytest.fixture
def big_book(tmp_path: Path) -> Path:
    return _bench_book(tmp_path, 3_000_000)  # big enough to be made in the background


def _shown_text(path: Path) -> str:
    """The book's text as `readmark text` prints it."""
    done = subprocess.run(
        [sys.executable, "-m", "readmark", "text", str(path)],
        capture_output=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    )
    return done.stdout.decode("utf-8")


def _search_at_once(qtbot, window, query: str) -> str:
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.findChild(QDockWidget, "search")
    qtbot.waitUntil(lambda: panel is not None and panel.isVisible())
    field = window.findChild(QLineEdit, "searchField")
    with qtbot.waitSignal(window.finder.searched, timeout=60_000):
        qtbot.keyClicks(field, query) if query.isascii() else field.insert(query)
    return window.findChild(QLabel, "searchStatus").text()


def test_a_big_book_searched_at_once_after_opening_finds_every_hit(
    qtbot, make_window, open_and_wait, big_book
):
    expected = _shown_text(big_book).count("的")
    assert expected > 1000
    window = make_window()
    open_and_wait(window, big_book)
    status = _search_at_once(qtbot, window, "的")  # typed at once: nothing made yet
    assert window.finder.model.hits.total == expected
    assert status == f"{QLocale().toString(expected)} found"


def test_the_processes_making_the_text_start_right_after_the_first_screen(
    qtbot, make_window, open_and_wait, big_book, monkeypatch
):
    from readmark import paths
    from readmark.core.formats.markdown.render import MarkdownSectionRenderer

    made: list[int] = []
    make = MarkdownSectionRenderer.text

    def counted(self: MarkdownSectionRenderer, index: int) -> str:
        made.append(index)
        return make(self, index)

    monkeypatch.setattr(MarkdownSectionRenderer, "text", counted)

    window = make_window()
    open_and_wait(window, big_book)
    qtbot.waitUntil(lambda: window.tasks.running("search-warm"), timeout=2_000)
    qtbot.waitUntil(lambda: any(paths.render_cache_dir().glob("*/search-text.bin")), timeout=60_000)
    qtbot.waitUntil(lambda: not window.tasks.running("search-warm"), timeout=10_000)
    # Joined into the whole copy: no part and no lease is left beside it.
    left = [p.name for p in paths.render_cache_dir().glob("*/search-text-*.bin")]
    assert left == []
    expected = _shown_text(big_book).count("的")
    assert _search_at_once(qtbot, window, "的") == f"{QLocale().toString(expected)} found"
    assert made == []  # the search made no section's text: all of it was ready
