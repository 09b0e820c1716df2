"""A reader's session with one book in each of its formats — Markdown, EPUB,
plain text, HTML — in the real window: contents, highlights, a note, a
bookmark, quitting and coming back to the same paragraph with everything drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from reader_wait import wait_shown
from test_annotations_highlights import LEFT, drag_select, drawn, find, stored
from test_reading import _click_toc, _top_block_text

from readmark.core.annotations import Kind
from readmark.core.formats import open_book

CTRL = Qt.KeyboardModifier.ControlModifier
PHRASE = "石磨转动的声音"


def test_read_mark_quit_and_return_in_every_format(
    qtbot, make_window, open_and_wait, same_book, book_format, tmp_path
):
    [zh] = [b for b in same_book.BOOKS if b.stem == "zh"]
    paths = same_book.write(zh, tmp_path)
    path = paths[book_format]
    window = make_window()
    open_and_wait(window, path)
    assert zh.title in window.windowTitle()
    tree = window.toc.tree
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    # Plain text also lists the text before its first chapter, by its title line.
    front = [zh.title] if book_format == "plaintext" else []
    assert titles == front + [c.title for c in zh.chapters]

    _click_toc(qtbot, window, "第二章 磨坊")
    assert window.reader.section == 3
    assert _top_block_text(window) == "第二章 磨坊"
    start, end = find(window.reader, PHRASE)
    drag_select(qtbot, window.reader, start, end)
    popup = window.annotator.popup
    qtbot.waitUntil(popup.isVisible)
    qtbot.mouseClick(popup.swatches["green"], LEFT)
    qtbot.keyClick(window.reader, Qt.Key.Key_D, CTRL)
    for _ in range(3):
        qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    wait_shown(qtbot, window.reader)  # a page turned past the chapter's end shows the next
    where = _top_block_text(window)
    assert where.startswith("第") and window.reader.section == 3  # deep in the long chapter
    assert drawn(window.reader) == [PHRASE]

    # The highlight sits where the same words are in the Markdown version.
    highlight = next(a for a in stored(window) if a.kind is Kind.HIGHLIGHT)
    reference = open_book(paths["markdown"]).section_text(3)
    assert (highlight.target.section, highlight.target.start) == (3, reference.index(PHRASE))
    assert {a.kind for a in stored(window)} == {Kind.HIGHLIGHT, Kind.BOOKMARK}
    window.close()  # quitting saves the position

    again = make_window()
    open_and_wait(again, path)
    assert again.reader.section == 3
    assert _top_block_text(again) == where
    qtbot.waitUntil(lambda: len(again.session.all()) == 2)
    assert not any(a.orphaned for a in again.session.all())
    qtbot.keyClick(again.reader, Qt.Key.Key_Home)  # back to the chapter's start
    assert _top_block_text(again) == "第二章 磨坊"
    qtbot.waitUntil(lambda: drawn(again.reader) == [PHRASE])
