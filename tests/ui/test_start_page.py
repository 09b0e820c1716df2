"""The start page: recent books open once, and the click that opened one stays there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from reader_wait import wait_shown

LEFT = Qt.MouseButton.LeftButton


class Pointer:
    """Mouse events as the window system delivers them: to the window, which
    passes each to the widget under the pointer at that moment, with the
    timestamps that make two clicks one double-click."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.time = 1_000_000

    def send(self, kind: QEvent.Type, at: QPoint, after_ms: int) -> None:
        self.time += after_ms
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else LEFT
        local = QPointF(at)
        event = QMouseEvent(
            kind,
            local,
            QPointF(self.window.mapToGlobal(at)),
            LEFT,
            held,
            Qt.KeyboardModifier.NoModifier,
        )
        event.setTimestamp(self.time)
        QApplication.sendEvent(self.window.windowHandle(), event)

    def click(self, at: QPoint, after_ms: int = 0) -> None:
        self.send(QEvent.Type.MouseButtonPress, at, after_ms)
        self.send(QEvent.Type.MouseButtonRelease, at, 60)

    def second_click_of_double_click(self, at: QPoint, after_ms: int = 90) -> None:
        self.send(QEvent.Type.MouseButtonPress, at, after_ms)
        self.send(QEvent.Type.MouseButtonDblClick, at, 0)
        self.send(QEvent.Type.MouseButtonRelease, at, 60)


def _recent_entry_point(window, row: int = 0) -> QPoint:
    recent = window.start_page.recent
    rect = recent.visualItemRect(recent.item(row))
    return recent.viewport().mapTo(window, rect.center())


def _popup_shown(window) -> bool:
    return any(w.isVisible() for w in window.findChildren(QWidget, "selectionPopup"))


def test_double_clicking_a_recent_book_opens_it_where_reading_stopped(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    for _ in range(6):
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    where = reader.position()
    qtbot.keyClick(reader, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.start_page

    pointer = Pointer(window)
    at = _recent_entry_point(window)
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        pointer.click(at)
    # A quick book is on screen before the second click of the double-click lands,
    # right over its text.
    assert reader.viewport().rect().contains(reader.viewport().mapFrom(window, at))
    pointer.second_click_of_double_click(at)
    # What the second click set off has run: what it posted, no second opening of
    # the book, any section it asked for.
    QApplication.processEvents()
    assert not window.tasks.running("open-book")
    wait_shown(qtbot, reader)

    assert window.stack.currentWidget() is reader
    assert not reader.textCursor().hasSelection()
    assert not _popup_shown(window)
    assert reader.position().section == where.section
    assert reader.position().offset == where.offset


def test_the_click_after_a_double_click_reaches_the_book(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    qtbot.keyClick(reader, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    pointer = Pointer(window)
    at = _recent_entry_point(window)
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        pointer.click(at)
    pointer.second_click_of_double_click(at)
    # Later, a new double-click on a word selects it, as always.
    word = reader.viewport().mapTo(window, reader.cursorRect().center() + QPoint(30, 0))
    pointer.click(word, after_ms=2000)
    pointer.second_click_of_double_click(word)
    assert reader.textCursor().hasSelection()


def test_the_keyboard_opens_a_recent_book(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    qtbot.keyClick(window.reader, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    recent = window.start_page.recent
    recent.setFocus()
    recent.setCurrentRow(0)
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.reader
