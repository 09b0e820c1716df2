"""Annotations keep to their words when the text under them changes: repair toggled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from test_annotations_highlights import CTRL, drag_select, drawn, stored
from test_sample_book import SAMPLE, _go


def _select(qtbot, reader, phrase: str) -> None:
    cursor = reader.document().find(phrase)
    assert not cursor.isNull(), phrase
    reader.go_to_text(reader.section, reader.text_map().to_canonical(cursor.selectionStart()))
    drag_select(qtbot, reader, cursor.selectionStart(), cursor.selectionEnd())
    assert reader.textCursor().selectedText() == phrase


def test_repair_toggle_keeps_highlights_on_their_words(
    qtbot, make_window, open_and_wait, shared_books: Path
):
    window = make_window()
    open_and_wait(window, shared_books / SAMPLE)
    _go(qtbot, window, "前 言")
    reader = window.reader
    after_split = "人民群众是真正的英雄"  # after a paragraph the repair joins
    far = "党的群众路线"
    _select(qtbot, reader, after_split)
    qtbot.keyClick(reader, Qt.Key.Key_2, CTRL)
    _select(qtbot, reader, far)
    qtbot.keyClick(reader, Qt.Key.Key_4, CTRL)
    repaired = {a.id: a.target.start for a in stored(window)}
    assert sorted(drawn(reader)) == sorted([after_split, far])

    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.menu_actions.repair.trigger()  # off: the file's own page splits come back
    assert reader.section == 2 and "马克思\n" in reader.toPlainText()
    qtbot.waitUntil(lambda: sorted(drawn(reader)) == sorted([after_split, far]), timeout=10_000)
    moved = {a.id: a.target.start for a in stored(window)}
    assert moved.keys() == repaired.keys() and moved != repaired  # the offsets did change
    assert window.library.annotations.anchored_to(reader.book.path) == {reader.book.cache_key}

    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.menu_actions.repair.trigger()  # and on again
    qtbot.waitUntil(lambda: sorted(drawn(reader)) == sorted([after_split, far]), timeout=10_000)
    assert {a.id: a.target.start for a in stored(window)} == repaired
