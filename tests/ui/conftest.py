"""Fixtures for driving the real main window offscreen with pytest-qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from readmark import paths
from readmark.core.render_cache import RenderCache
from readmark.core.store.settings import Settings


def chapter(number: int, paragraphs: int = 30) -> str:
    body = "\n\n".join(
        f"Paragraph {number}.{p}: " + "The quick brown fox jumps over the lazy dog. " * 6
        for p in range(paragraphs)
    )
    return f"# Chapter {number}\n\n{body}\n\n## Part {number}.2\n\n{body}\n"


@pytest.fixture
def long_book(tmp_path: Path) -> Path:
    path = tmp_path / "long.md"
    path.write_text(
        "---\ntitle: A Long Book\nauthor: Test Author\nlanguage: en\n---\n\n"
        + "\n".join(chapter(n) for n in range(1, 5)),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def make_window(qtbot):
    """Build a MainWindow on the test's own READMARK_HOME; call again to 'restart'."""
    from readmark.ui.shell.library_owner import LibraryOwner
    from readmark.ui.shell.main_window import MainWindow

    windows = []

    def build(language: str = "en", staged: bool = False, show: bool = True) -> MainWindow:
        """`staged`: built as run_gui builds it, the rest after its first paint;
        `show=False`: not shown yet (the test shows it as start-up does)."""
        owner = LibraryOwner(paths.library_db(), paths.backups_dir())
        owner.open()
        window = MainWindow(
            Settings(paths.settings_file()),
            owner,
            RenderCache(paths.render_cache_dir()),
            language,
            staged=staged,
        )
        qtbot.addWidget(window)
        windows.append((window, owner))
        if show:
            window.resize(1000, 700)
            window.show()
            qtbot.waitExposed(window)
        return window

    yield build
    for window, owner in windows:
        window.close()
        owner.close()


@pytest.fixture
def open_and_wait(qtbot):
    """Open a book in a window and wait until its first section is shown."""

    def run(window, path: Path) -> None:
        with qtbot.waitSignal(window.book_shown, timeout=10_000):
            window.open_path(path)

    return run
