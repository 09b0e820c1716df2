"""The first search of a book, typed the moment the panel opens (issue 11 §5):
Ctrl+F and the query at once find the hits — the section being read first, the
page marked once the list shows them — in a Traditional query over the
Simplified novel too; and Ctrl+F with the query kept from before searches again
at once, without typing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QLineEdit, QListView
from reader_wait import wait_shown

from readmark.ui.search.results_model import HIT_ROLE


def field(window) -> QLineEdit:
    return window.findChild(QLineEdit, "searchField")


def status(window) -> str:
    return window.findChild(QLabel, "searchStatus").text()


def hit_rows(window) -> list[QModelIndex]:
    model = window.findChild(QListView, "searchResults").model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    return [row for row in rows if row.data(HIT_ROLE) is not None]


def commit(edit: QLineEdit, text: str) -> None:
    """What a Chinese input method sends when the reader picks the word."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


@pytest.fixture
def novel(tmp_path: Path, shared_books: Path) -> Path:
    copy = tmp_path / "三国演义.txt"
    shutil.copy(shared_books / "三国演义.txt", copy)
    return copy


def test_a_traditional_query_typed_right_after_ctrl_f_finds_the_simplified_text(
    qtbot, make_window, open_and_wait, novel
):
    window = make_window("zh_CN")
    open_and_wait(window, novel)
    window.reader.go_to(20)  # reading the 20th chapter (回), with 刘备 in it
    wait_shown(qtbot, window.reader)
    text = window.reader.book.section_text(20)
    assert "刘备" in text
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    # No wait for anything: the panel and its field are there once Ctrl+F returns.
    edit = field(window)
    assert edit is not None and edit.hasFocus()
    # The sections of the hits in the list the moment the first ones arrive.
    first_listed: list[set[int]] = []

    def listed() -> None:
        if not first_listed and hit_rows(window):
            first_listed.append({row.data(HIT_ROLE).section for row in hit_rows(window)})

    window.findChild(QListView, "searchResults").model().rowsInserted.connect(listed)
    with qtbot.waitSignal(window.finder.searched, timeout=30_000):
        commit(edit, "劉備")  # Traditional; the novel is printed in Simplified (刘备)
        qtbot.waitUntil(lambda: bool(first_listed), timeout=20_000)
        first = hit_rows(window)[0]
        assert "刘备" in first.data(Qt.ItemDataRole.DisplayRole)
        # The chapter being read is searched first: its hits are in the first rows
        # listed (alone, unless the whole novel was searched by then: in book order).
        assert 20 in first_listed[0]
        # The page marks them.
        qtbot.waitUntil(lambda: len(window.reader.found_marked()) > 0, timeout=5_000)
        marked = window.reader.found_marked()
        assert {text[start:end] for start, end in marked} == {"刘备"}
        assert len(marked) == text.count("刘备")
    assert len(hit_rows(window)) > 200  # the whole novel, every 回


def test_ctrl_f_with_the_query_kept_searches_again_at_once(
    qtbot, make_window, open_and_wait, novel
):
    window = make_window()
    open_and_wait(window, novel)
    window.reader.go_to(20)
    wait_shown(qtbot, window.reader)
    assert "曹操" in window.reader.book.section_text(20)
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.finder.searched, timeout=30_000):
        commit(field(window), "曹操")
    found = len(hit_rows(window))
    assert found > 100
    qtbot.keyClick(field(window), Qt.Key.Key_Escape)
    panel = window.findChild(QDockWidget, "search")
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert window.reader.found_marked() == []  # nothing left marked
    # Ctrl+F again, nothing typed: the kept query is searched at once.
    with qtbot.waitSignal(window.finder.searched, timeout=30_000):
        qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.isVisible() and field(window).text() == "曹操"
    assert len(hit_rows(window)) == found
    assert status(window) == f"{found:,} found"
    qtbot.waitUntil(lambda: len(window.reader.found_marked()) > 0, timeout=5_000)
