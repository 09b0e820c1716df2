"""At start-up the window appears once it holds its first book, so the first
screen is painted once, with its text (`app.show_with_first_screen`); a book that
cannot be opened, or is slow to open, still brings the window up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from readmark import paths
from readmark.core.render_cache import RenderCache
from readmark.core.store.settings import Settings
from readmark.ui.shell import app
from readmark.ui.shell.library_owner import LibraryOwner
from readmark.ui.shell.main_window import MainWindow


@pytest.fixture
def hidden_window(qtbot):  # type: ignore[no-untyped-def]
    """A window as run_gui builds it, not shown yet."""
    owner = LibraryOwner(paths.library_db(), paths.backups_dir())
    owner.open()
    window = MainWindow(
        Settings(paths.settings_file()), owner, RenderCache(paths.render_cache_dir()), "en"
    )
    qtbot.addWidget(window)
    yield window
    window.close()
    owner.close()


def test_the_window_appears_with_its_book_already_in_it(
    qtbot, hidden_window: MainWindow, shared_books: Path
) -> None:
    visible_when_the_book_arrived: list[bool] = []
    hidden_window.book_shown.connect(
        lambda _book: visible_when_the_book_arrived.append(hidden_window.isVisible())
    )
    app.show_with_first_screen(hidden_window)
    assert not hidden_window.isVisible()
    with qtbot.waitSignal(hidden_window.reader.first_painted, timeout=10_000):
        hidden_window.open_path(shared_books / "000_25b2869f1a30fd56.txt")
    assert visible_when_the_book_arrived == [False]  # taken in while hidden…
    assert hidden_window.isVisible()  # …then shown, and painted with its text
    assert "群众工作" in hidden_window.reader.toPlainText()
    assert hidden_window.reader.hasFocus()  # the keys go to the page, as before


def test_a_book_that_cannot_be_opened_shows_the_window_and_says_why(
    qtbot, hidden_window: MainWindow, tmp_path: Path
) -> None:
    app.show_with_first_screen(hidden_window)
    broken = tmp_path / "broken.epub"
    broken.write_bytes(b"not a zip at all")
    with qtbot.waitSignal(hidden_window.open_failed, timeout=10_000):
        hidden_window.open_path(broken)
    assert hidden_window.isVisible()
    assert hidden_window.stack.currentWidget() is hidden_window.start_page  # as before
    assert hidden_window.start_page.isVisible()
    box = hidden_window.findChild(QMessageBox, "errorDialog")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    box.close()


def test_a_slow_book_shows_the_window_before_its_text(
    qtbot, hidden_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No book arrives at all here: the window comes up after SHOW_AT_THE_LATEST_MS.
    monkeypatch.setattr(app, "SHOW_AT_THE_LATEST_MS", 50)
    app.show_with_first_screen(hidden_window)
    assert not hidden_window.isVisible()
    qtbot.waitUntil(hidden_window.isVisible, timeout=5_000)
    assert hidden_window.start_page.isVisible()  # the window with no book shows it
