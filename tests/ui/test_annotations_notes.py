"""Notes and bookmarks in the real window: written in a dialog, marked, shown on hover."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QToolTip
from reader_wait import wait_shown
from test_annotations_highlights import (
    CTRL,
    LEFT,
    SHIFT,
    drag_select,
    drawn,
    find,
    point_at,
    stored,
)

from readmark.core.annotations import Kind


def note_dialog(qtbot, window):
    from readmark.ui.annotations.note_dialog import NoteDialog

    def shown() -> list[NoteDialog]:
        return [d for d in window.findChildren(NoteDialog, "noteDialog") if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def hover(qtbot, reader, point: QPoint) -> str:
    """What the tooltip says after resting the mouse at a viewport point."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_note_on_a_selection_via_the_popup(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    start, end = find(reader, "brown fox jumps")
    drag_select(qtbot, reader, start, end)
    popup = window.annotator.popup
    qtbot.waitUntil(popup.isVisible)
    qtbot.mouseClick(popup.note, LEFT)
    dialog = note_dialog(qtbot, window)
    assert "brown fox jumps" in dialog.quote.text()
    qtbot.keyClicks(dialog.editor, "First line")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)  # a new line, not OK
    qtbot.keyClicks(dialog.editor, "*second* line")
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.ok_button(), LEFT)
    [note] = stored(window)
    assert (note.kind, note.quote, note.note) == (
        Kind.HIGHLIGHT,
        "brown fox jumps",
        "First line\n*second* line",
    )
    assert drawn(reader) == ["brown fox jumps"]
    reader.viewport().repaint()  # the note mark is painted after the text …
    mark = reader.marks_on_screen()
    assert [a.id for _rect, a in mark] == [note.id]
    rect = mark[0][0]
    assert rect.left() >= reader.cursorRect(reader.textCursor()).left() - 1
    # … and hovering the highlight or the mark shows the note, rendered
    shown = "<p>First line<br />\n<em>second</em> line</p>"
    assert hover(qtbot, reader, point_at(reader, start + 2)) == shown
    assert hover(qtbot, reader, rect.center().toPoint()) == shown
    assert hover(qtbot, reader, point_at(reader, end + 20)) == ""


def test_edit_a_note_from_the_highlight_and_cancel_changes_nothing(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    start, end = find(reader, "lazy dog")
    drag_select(qtbot, reader, start, end)
    qtbot.keyClick(reader, Qt.Key.Key_2, CTRL)
    [made] = stored(window)
    popup = window.annotator.popup
    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, start + 1))
    assert popup.note.text() == "Note"
    qtbot.mouseClick(popup.note, LEFT)
    dialog = note_dialog(qtbot, window)
    qtbot.keyClicks(dialog.editor, "never kept")
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert stored(window)[0].note == ""
    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, start + 1))
    qtbot.mouseClick(popup.note, LEFT)
    dialog = note_dialog(qtbot, window)
    qtbot.keyClicks(dialog.editor, "kept")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, CTRL)  # Ctrl+Return is OK
    [edited] = stored(window)
    assert (edited.id, edited.note, edited.created) == (made.id, "kept", made.created)
    assert edited.modified >= made.modified
    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, start + 1))
    assert popup.note.text() == "Edit Note"
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL)
    assert stored(window)[0].note == ""


def test_free_standing_note_at_the_caret(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    start, _ = find(reader, "Paragraph 1.3:")
    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, start))
    qtbot.keyClick(reader, Qt.Key.Key_N, CTRL | SHIFT)
    dialog = note_dialog(qtbot, window)
    qtbot.keyClicks(dialog.editor, "Standing alone")
    qtbot.mouseClick(dialog.ok_button(), LEFT)
    [note] = stored(window)
    assert (note.kind, note.quote, note.note) == (Kind.NOTE, "", "Standing alone")
    assert reader.canonical_text()[note.target.start :].startswith("Paragraph 1.3:")
    assert note.target.suffix.startswith("Paragraph 1.3:") and note.target.prefix
    assert drawn(reader) == []  # no highlight, only a mark
    reader.viewport().repaint()
    [(rect, marked)] = reader.marks_on_screen()
    assert marked.id == note.id
    assert hover(qtbot, reader, rect.center().toPoint()) == "<p>Standing alone</p>"
    # clicking the mark offers to edit or delete it
    qtbot.mouseClick(reader.viewport(), LEFT, pos=rect.center().toPoint())
    popup = window.annotator.popup
    assert popup.isVisible() and popup.annotation.id == note.id
    assert not popup.swatches["yellow"].isVisible()
    qtbot.mouseClick(popup.delete, LEFT)
    assert stored(window) == []


def test_note_here_from_the_context_menu(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    start, _ = find(reader, "Paragraph 1.2:")
    menu = QMenu()
    window.annotator.fill_context_menu(menu, reader.spot_at(point_at(reader, start)))
    [here] = [a for a in menu.actions() if a.text() == "Add Note Here…"]
    here.trigger()
    dialog = note_dialog(qtbot, window)
    qtbot.keyClicks(dialog.editor, "from the menu")
    qtbot.mouseClick(dialog.ok_button(), LEFT)
    [note] = stored(window)
    assert reader.canonical_text()[note.target.start :].startswith("Paragraph 1.2:")


def test_ctrl_d_bookmarks_the_page_with_a_label_and_toggles(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    for _ in range(4):
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    top = reader.top_offset()
    qtbot.keyClick(reader, Qt.Key.Key_D, CTRL)
    [bookmark] = stored(window)
    assert bookmark.kind is Kind.BOOKMARK and bookmark.target.start == top
    words = " ".join(reader.canonical_text()[top:].split()[:3])
    assert bookmark.label.startswith("Chapter 1 — " + words), bookmark.label
    assert bookmark.label in window.statusBar().currentMessage()
    reader.viewport().repaint()
    [(ribbon, marked)] = reader.marks_on_screen()
    assert marked.id == bookmark.id
    margin = reader.document().rootFrame().frameFormat().leftMargin()
    assert ribbon.right() < margin  # in the left margin, not over the text
    assert hover(qtbot, reader, ribbon.center().toPoint()) == bookmark.label

    # renaming: click the ribbon, choose Rename, type a label
    qtbot.mouseClick(reader.viewport(), LEFT, pos=ribbon.center().toPoint())
    menu = reader.findChild(QMenu, "bookmarkMenu")
    assert menu is not None and menu.isVisible()
    [rename] = [a for a in menu.actions() if a.text().startswith("Rename")]
    rename.trigger()
    dialog = window.findChild(QInputDialog, "bookmarkDialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue("Where the fox jumps")
    dialog.accept()
    assert stored(window)[0].label == "Where the fox jumps"

    qtbot.keyClick(reader, Qt.Key.Key_D, CTRL)  # on the same page: removes it
    assert stored(window) == []
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL)
    assert [b.label for b in stored(window)] == ["Where the fox jumps"]
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    qtbot.keyClick(reader, Qt.Key.Key_D, CTRL)  # another page: a second bookmark
    assert len(stored(window)) == 2


def test_everything_is_drawn_in_place_after_a_restart(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    drag_select(qtbot, reader, *find(reader, "quick brown"))
    qtbot.keyClick(reader, Qt.Key.Key_3, CTRL)
    drag_select(qtbot, reader, *find(reader, "lazy dog", 2))
    qtbot.keyClick(reader, Qt.Key.Key_U, CTRL)
    drag_select(qtbot, reader, *find(reader, "fox jumps", 3))
    qtbot.keyClick(reader, Qt.Key.Key_N, CTRL | SHIFT)
    dialog = note_dialog(qtbot, window)
    qtbot.keyClicks(dialog.editor, "remember me")
    qtbot.mouseClick(dialog.ok_button(), LEFT)
    qtbot.keyClick(reader, Qt.Key.Key_D, CTRL)
    before = drawn(reader)
    assert sorted(before) == ["fox jumps", "lazy dog", "quick brown"]
    kept = {(a.id, a.kind, a.color, a.style, a.note, a.label, a.created) for a in stored(window)}
    window.close()

    again = make_window()
    open_and_wait(again, long_book)
    reader = again.reader
    qtbot.waitUntil(lambda: sorted(drawn(reader)) == sorted(before))
    assert {
        (a.id, a.kind, a.color, a.style, a.note, a.label, a.created) for a in again.session.all()
    } == kept
    reader.viewport().repaint()
    kinds = sorted(a.kind for _r, a in reader.marks_on_screen())
    assert kinds == sorted([Kind.HIGHLIGHT, Kind.BOOKMARK])  # the note's mark, the ribbon
    [(note_rect, _)] = [(r, a) for r, a in reader.marks_on_screen() if a.note]
    assert hover(qtbot, reader, note_rect.center().toPoint()) == "<p>remember me</p>"


def test_a_change_set_tells_the_views_what_changed(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    drag_select(qtbot, reader, *find(reader, "quick brown"))
    with qtbot.waitSignal(window.session.changed) as signal:
        qtbot.keyClick(reader, Qt.Key.Key_1, CTRL)
    [annotation] = signal.args[0].added
    assert annotation.quote == "quick brown"
    assert signal.args[0].removed == [] and signal.args[0].changed == []
    qtbot.keyClick(reader, Qt.Key.Key_End, CTRL)  # somewhere else entirely
    wait_shown(qtbot, reader)
    assert reader.section == 3
    window.annotator.go_to(annotation.id)
    wait_shown(qtbot, reader)
    assert reader.section == 0
    start, end = reader.text_map().to_document_range(annotation.target.start, annotation.target.end)
    cursor = reader.textCursor()
    cursor.setPosition(start)
    assert reader.viewport().rect().contains(reader.cursorRect(cursor).center())
    with qtbot.waitSignal(window.session.changed) as signal:
        window.annotator.delete(annotation.id)
    assert [a.id for a in signal.args[0].removed] == [annotation.id]
    assert window.session.all() == []
