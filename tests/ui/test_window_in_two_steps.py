"""At start-up the window is built in two steps (`MainWindow(staged=True)`, app.py):
what the first screen shows — the page with its text, the contents, the status
bar and the menu bar's titles — then, right after that screen is painted, the rest:
the actions with their shortcuts and the menus' contents, the keyboard's way round
the panes, the library's wiring. The page must not move when the rest arrives, the
menus must end up as a window built whole has them, and a key pressed as soon as
the window is on screen must reach its shortcut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from readmark.ui.shell import app
from readmark.ui.shell.main_window import MainWindow

SAMPLE = "000_25b2869f1a30fd56.txt"


@pytest.fixture
def staged_window(make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window as run_gui builds it: only the first screen, the rest after its paint."""
    return make_window(staged=True, show=False)


@pytest.fixture
def whole_window(make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(show=False)


def _menus(window: MainWindow) -> list[tuple[str, list[str]]]:
    """The menu bar as a person reads it: each menu's title and its items' texts."""
    shown: list[tuple[str, list[str]]] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        shown.append((menu.title(), [item.text() for item in menu.actions()]))
    return shown


def _page(window: MainWindow) -> tuple[QPoint, int, int, int, str]:
    """Where the page is in the window, its width and height, and the text at its
    first line: what a reader would see move."""
    reader = window.reader
    viewport = reader.viewport()
    corner = viewport.mapTo(window, QPoint(0, 0))
    first = reader.cursorForPosition(QPoint(4, 4))
    first.select(QTextCursor.SelectionType.LineUnderCursor)
    return corner, viewport.width(), viewport.height(), first.position(), first.selectedText()


def test_the_rest_arrives_after_the_first_screen_and_the_page_does_not_move(
    qtbot, staged_window: MainWindow, whole_window: MainWindow, shared_books: Path
) -> None:
    window = staged_window
    at_first_paint: list[object] = []

    def painted() -> None:  # during the first paint, before the rest is built
        at_first_paint.append(_menus(window))
        at_first_paint.append(_page(window))

    window.reader.first_painted.connect(painted)
    app.show_with_first_screen(window)
    app.build_rest_after_first_screen(window)
    window.open_path(shared_books / SAMPLE)
    qtbot.waitUntil(lambda: len(at_first_paint) == 2, timeout=10_000)
    titles_only = at_first_paint[0]
    assert titles_only == [(title, []) for title, _ in _menus(whole_window)]  # empty…
    qtbot.waitUntil(lambda: _menus(window) == _menus(whole_window), timeout=5_000)  # …filled
    corner, width, height, offset, line = at_first_paint[1]  # type: ignore[misc]
    assert "群众工作" in window.reader.toPlainText()
    assert line  # the page showed text at its first paint
    assert _page(window) == (corner, width, height, offset, line)


def test_a_key_pressed_as_soon_as_the_window_is_up_reaches_its_shortcut(
    qtbot, staged_window: MainWindow, shared_books: Path
) -> None:
    window = staged_window
    contents_shown: list[bool] = []

    def press_f9() -> None:  # the first turn of the event loop after the first paint
        qtbot.keyClick(window.reader, Qt.Key.Key_F9)  # View › Table of Contents
        contents_shown.append(window.toc.isVisible())

    app.show_with_first_screen(window)
    app.build_rest_after_first_screen(window)  # as run_gui: before anything else waits
    window.reader.first_painted.connect(lambda: QTimer.singleShot(0, press_f9))
    window.open_path(shared_books / SAMPLE)
    qtbot.waitUntil(lambda: bool(contents_shown), timeout=10_000)
    assert contents_shown == [False]  # shown with the book, hidden by the key


def test_a_window_shown_without_its_book_gets_its_menus_at_the_latest_with_it(
    qtbot, staged_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No book arrives (a slow one, or a link that opens none): the window comes up
    # after SHOW_AT_THE_LATEST_MS with its start page, and its menus at that moment.
    monkeypatch.setattr(app, "SHOW_AT_THE_LATEST_MS", 50)
    app.show_with_first_screen(staged_window)
    app.build_rest_after_first_screen(staged_window)
    qtbot.waitUntil(staged_window.isVisible, timeout=5_000)
    qtbot.waitUntil(lambda: all(items for _, items in _menus(staged_window)), timeout=5_000)
    assert staged_window.start_page.isVisible()
    assert not staged_window.toc.isVisible()  # checking the menu's item showed nothing
