"""The contents panel marks the entry being read, in the real sample book."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from reader_wait import wait_shown
from test_reading import _click_toc

SAMPLE = "000_25b2869f1a30fd56.txt"


def _marked(window) -> str:
    """The entry the panel shows as being read (bold, and the current row)."""
    tree = window.toc.tree
    item = tree.currentItem()
    assert item is not None and item.font(0).bold()
    return item.text(0)


def test_the_entry_clicked_is_the_one_marked(qtbot, make_window, open_and_wait, shared_books: Path):
    window = make_window()
    window.resize(1600, 1200)
    open_and_wait(window, shared_books / SAMPLE)
    _click_toc(qtbot, window, "前 言")
    assert _marked(window) == "前 言"
    _click_toc(qtbot, window, "目 录")
    assert window.reader.section == 3
    assert _marked(window) == "目 录"
    _click_toc(qtbot, window, "二、为民是做好新形势下群众工作的基本前提")
    assert _marked(window) == "二、为民是做好新形势下群众工作的基本前提"


def test_going_back_marks_where_the_reader_is_now(
    qtbot, make_window, open_and_wait, shared_books: Path
):
    window = make_window()
    window.resize(1600, 1200)
    open_and_wait(window, shared_books / SAMPLE)
    reader = window.reader
    _click_toc(qtbot, window, "前 言")
    assert _marked(window) == "前 言"
    _click_toc(qtbot, window, "目 录")
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    wait_shown(qtbot, reader)
    assert reader.section == 2
    assert _marked(window) == "前 言"
    _click_toc(qtbot, window, "目 录")
    _click_toc(qtbot, window, "三、务实是做好新形势下群众工作的重要基础")
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    wait_shown(qtbot, reader)
    assert reader.section == 3
    assert _marked(window) == "目 录"


# -- the panel's width ------------------------------------------------------------


def _open_window(qtbot, make_window, open_and_wait, book: Path, width: int):
    from readmark.ui.shell.dock_widths import keep_dock_widths

    window = make_window()
    # What MainWindow does on start (idempotent: one keeper per window).
    keep_dock_widths(window, {window.toc: 300, window.annotations_panel: 340})
    _resize(qtbot, window, width)
    open_and_wait(window, book)
    return window


def _resize(qtbot, window, width: int) -> None:
    window.resize(width, 760)
    qtbot.waitUntil(lambda: window.width() == width)


def _drag_panel_edge(qtbot, window, by: int) -> None:
    """Drag the splitter between the contents and the page, as with the mouse."""
    toc = window.toc.geometry()
    page = window.centralWidget().geometry()
    edge = QPoint((toc.right() + page.left()) // 2, toc.center().y())
    screen = window.windowHandle()  # through the window system, buttons held while moving
    qtbot.mouseMove(screen, edge)
    qtbot.mousePress(screen, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(screen, edge + QPoint(by // 2, 0))
    qtbot.mouseMove(screen, edge + QPoint(by, 0))
    qtbot.mouseRelease(screen, Qt.MouseButton.LeftButton, pos=edge + QPoint(by, 0))


def _near(width: int, expected: int) -> bool:
    return abs(width - expected) <= 8


def test_the_contents_come_back_after_a_small_window(qtbot, make_window, open_and_wait, long_book):
    window = _open_window(qtbot, make_window, open_and_wait, long_book, 1100)
    toc = window.toc
    qtbot.waitUntil(lambda: _near(toc.width(), 300))
    _resize(qtbot, window, 500)
    assert toc.width() < 200  # the page needs the room
    _resize(qtbot, window, 1400)
    qtbot.waitUntil(lambda: _near(toc.width(), 300))
    _resize(qtbot, window, 500)
    window.close()  # small when quitting

    again = _open_window(qtbot, make_window, open_and_wait, long_book, 1400)
    qtbot.waitUntil(lambda: _near(again.toc.width(), 300))


def test_the_contents_keep_the_width_the_reader_dragged_them_to(
    qtbot, make_window, open_and_wait, long_book
):
    window = _open_window(qtbot, make_window, open_and_wait, long_book, 1100)
    toc = window.toc
    qtbot.waitUntil(lambda: _near(toc.width(), 300))
    _drag_panel_edge(qtbot, window, 120)
    assert _near(toc.width(), 420)
    _resize(qtbot, window, 1300)  # a wider window gives the page the room
    assert _near(toc.width(), 420)
    _resize(qtbot, window, 500)
    assert toc.width() < 200
    _resize(qtbot, window, 1300)
    qtbot.waitUntil(lambda: _near(toc.width(), 420))
    _drag_panel_edge(qtbot, window, -200)
    assert _near(toc.width(), 220)
    _resize(qtbot, window, 1500)
    assert _near(toc.width(), 220)  # narrower by choice stays narrower
    _resize(qtbot, window, 500)
    window.close()

    again = _open_window(qtbot, make_window, open_and_wait, long_book, 1300)
    qtbot.waitUntil(lambda: _near(again.toc.width(), 220))
