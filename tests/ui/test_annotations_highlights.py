"""Highlighting in the real window, as a person does it: select, pick, change, undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication

from readmark.core.annotations import Kind, Style

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def point_at(reader, position: int) -> QPoint:
    """Viewport point just inside the character at document `position`."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    rect = reader.cursorRect(cursor)
    return QPoint(rect.left() + 2, rect.center().y())


def find(reader, text: str, occurrence: int = 0) -> tuple[int, int]:
    """Document range of the `occurrence`-th `text` on screen."""
    doc = reader.document()
    cursor = doc.find(text, reader.position().offset)
    for _ in range(occurrence):
        cursor = doc.find(text, cursor)
    assert not cursor.isNull(), text
    return cursor.selectionStart(), cursor.selectionEnd()


def drag_select(qtbot, reader, start: int, end: int) -> None:
    viewport = reader.viewport()
    qtbot.mousePress(viewport, LEFT, pos=point_at(reader, start))
    qtbot.mouseMove(viewport, point_at(reader, (start + end) // 2))
    qtbot.mouseMove(viewport, point_at(reader, end))
    qtbot.mouseRelease(viewport, LEFT, pos=point_at(reader, end))


def drawn(reader) -> list[str]:
    """The text under each highlight or underline drawn, in drawing order."""
    return [s.cursor.selectedText() for s in reader.extraSelections()]


def fill(reader) -> QColor:
    selections = reader.extraSelections()  # the formats live as long as the list
    return QColor(selections[0].format.background().color())


def stored(window):
    return window.library.annotations.for_book(window.reader.book.path)


def test_drag_select_and_click_a_colour(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    start, end = find(reader, "quick brown fox")
    drag_select(qtbot, reader, start, end)
    popup = window.annotator.popup
    qtbot.waitUntil(popup.isVisible)
    assert reader.textCursor().selectedText() == "quick brown fox"
    qtbot.mouseClick(popup.swatches["green"], LEFT)
    assert not popup.isVisible()
    [annotation] = stored(window)
    assert (annotation.kind, annotation.color, annotation.style) == (
        Kind.HIGHLIGHT,
        "green",
        Style.HIGHLIGHT,
    )
    assert annotation.quote == "quick brown fox"
    text = reader.canonical_text()
    assert text[annotation.target.start : annotation.target.end] == "quick brown fox"
    assert annotation.created == annotation.modified > 0
    assert drawn(reader) == ["quick brown fox"]
    assert not reader.textCursor().hasSelection()  # the highlight shows, not the selection


def test_keyboard_selection_and_underline(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    start, _ = find(reader, "lazy dog")
    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, start))  # caret there
    for _ in range(len("lazy dog")):
        qtbot.keyClick(reader, Qt.Key.Key_Right, SHIFT)
    assert reader.textCursor().selectedText() == "lazy dog"
    popup = window.annotator.popup
    qtbot.waitUntil(popup.isVisible)  # once the keys pause
    qtbot.mouseClick(popup.underline, LEFT)
    [annotation] = stored(window)
    assert annotation.style is Style.UNDERLINE and annotation.quote == "lazy dog"
    assert drawn(reader) == ["lazy dog"]


def test_keyboard_selection_starts_on_the_page_being_read(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    for _ in range(3):
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)  # paging keys still page
    top = reader.position().offset
    assert top > 500
    qtbot.keyClick(reader, Qt.Key.Key_Right, SHIFT)
    assert reader.position().offset == top  # selecting did not jump anywhere
    assert abs(reader.textCursor().selectionStart() - top) < 100


def test_shortcuts_highlight_in_the_colour_asked_for(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    drag_select(qtbot, reader, *find(reader, "jumps over"))
    qtbot.keyClick(reader, Qt.Key.Key_4, CTRL)  # pink
    drag_select(qtbot, reader, *find(reader, "brown fox", 1))
    qtbot.keyClick(reader, Qt.Key.Key_H, CTRL)  # the colour used last
    drag_select(qtbot, reader, *find(reader, "The quick", 2))
    qtbot.keyClick(reader, Qt.Key.Key_U, CTRL)
    colours = [(a.quote, a.color, a.style) for a in stored(window)]
    assert colours == [
        ("jumps over", "pink", Style.HIGHLIGHT),
        ("brown fox", "pink", Style.HIGHLIGHT),
        ("The quick", "pink", Style.UNDERLINE),
    ]


def test_click_a_highlight_to_recolour_delete_and_undo(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    start, end = find(reader, "over the lazy")
    drag_select(qtbot, reader, start, end)
    qtbot.keyClick(reader, Qt.Key.Key_1, CTRL)
    [made] = stored(window)
    popup = window.annotator.popup

    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, start + 3))
    assert popup.isVisible() and popup.annotation.id == made.id
    assert popup.delete.isVisible()
    qtbot.mouseClick(popup.swatches["blue"], LEFT)
    [recoloured] = stored(window)
    assert (recoloured.id, recoloured.color) == (made.id, "blue")
    assert recoloured.modified >= made.modified and recoloured.created == made.created

    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, start + 3))
    qtbot.mouseClick(popup.underline, LEFT)
    assert stored(window)[0].style is Style.UNDERLINE

    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, start + 3))
    qtbot.mouseClick(popup.delete, LEFT)
    assert stored(window) == [] and drawn(reader) == []

    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL)
    [back] = stored(window)
    assert back.style is Style.UNDERLINE and back.created == made.created and back.id == made.id
    assert drawn(reader) == ["over the lazy"]
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL)  # the style change
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL)  # the colour change
    assert (stored(window)[0].color, stored(window)[0].style) == ("yellow", Style.HIGHLIGHT)
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(reader, Qt.Key.Key_Y, CTRL)
    assert (stored(window)[0].color, stored(window)[0].style) == ("blue", Style.UNDERLINE)
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL | SHIFT)  # the deletion again
    assert stored(window) == []


def test_overlapping_highlights_are_both_drawn_and_clicks_pick_the_inner_one(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    outer = find(reader, "quick brown fox jumps")
    inner = find(reader, "fox")
    adjacent = find(reader, "over the")  # one space after the outer one
    drag_select(qtbot, reader, *outer)
    qtbot.keyClick(reader, Qt.Key.Key_1, CTRL)
    drag_select(qtbot, reader, *inner)
    qtbot.keyClick(reader, Qt.Key.Key_3, CTRL)
    drag_select(qtbot, reader, *adjacent)
    qtbot.keyClick(reader, Qt.Key.Key_2, CTRL)
    assert drawn(reader) == ["quick brown fox jumps", "fox", "over the"]
    fills = {s.format.background().color().rgba() for s in reader.extraSelections()}
    assert len(fills) == 3 and all(c >> 24 < 255 for c in fills)  # translucent: they blend
    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, inner[0] + 1))
    assert window.annotator.popup.annotation.quote == "fox"
    qtbot.mouseClick(reader.viewport(), LEFT, pos=point_at(reader, outer[0] + 1))
    assert window.annotator.popup.annotation.quote == "quick brown fox jumps"


def test_copy_and_copy_as_quote(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    drag_select(qtbot, reader, *find(reader, "brown fox"))
    qtbot.keyClick(reader, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "brown fox"
    qtbot.keyClick(reader, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == (
        "“brown fox”\n— Test Author, A Long Book, Chapter 1"
    )
    assert stored(window) == []  # copying marks nothing


def test_context_menu_offers_the_same_actions(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    start, end = find(reader, "brown fox")
    drag_select(qtbot, reader, start, end)
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    window.annotator.fill_context_menu(menu, reader.spot_at(point_at(reader, start + 1)))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "Highlight &Purple".replace("&P", "P&u") in texts or "Highlight P&urple" in texts
    assert "Copy as &Quote" in texts and "Add &Note…" in texts
    window.menu_actions.highlight_colours["purple"].trigger()
    menu = QMenu()
    window.annotator.fill_context_menu(menu, reader.spot_at(point_at(reader, start + 1)))
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert actions["Purple"].isChecked()
    actions["Delete Highlight"].trigger()
    assert stored(window) == []


def test_highlights_stay_on_their_words_through_resize_font_and_theme(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    drag_select(qtbot, reader, *find(reader, "Paragraph 1.2: The quick"))
    qtbot.keyClick(reader, Qt.Key.Key_5, CTRL)
    before = drawn(reader)
    assert before == ["Paragraph 1.2: The quick"]
    window.resize(640, 480)
    QApplication.processEvents()  # the layout the resize posted is done
    assert drawn(reader) == before
    qtbot.keyClick(reader, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(reader, Qt.Key.Key_Equal, CTRL)
    assert drawn(reader) == before
    light = fill(reader)
    window.menu_actions.themes["dark"].trigger()
    assert drawn(reader) == before
    dark = fill(reader)
    assert dark != light and dark.lightness() < light.lightness()
    window.menu_actions.themes["sepia"].trigger()
    assert drawn(reader) == before


def test_a_section_builds_its_highlights_once_not_per_paint(
    qtbot, make_window, open_and_wait, long_book, monkeypatch
):
    from readmark.core.annotations import Annotation, TextTarget
    from readmark.ui.reader import highlight_layer

    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    text = reader.canonical_text()
    many = [
        Annotation(Kind.HIGHLIGHT, TextTarget.from_text(0, text, i, i + 7), color="green")
        for i in range(0, len(text) - 10, 9)
    ]
    other = [
        Annotation(Kind.HIGHLIGHT, TextTarget.from_text(1, text, i, i + 5)) for i in range(500)
    ]
    builds = []
    real = highlight_layer.HighlightLayer.build
    monkeypatch.setattr(
        highlight_layer.HighlightLayer,
        "build",
        lambda self, *args: builds.append(1) or real(self, *args),
    )
    from readmark.core.operations import ChangeSet

    reader.apply_changes(ChangeSet(reset=True), lambda: many + other)
    assert len(builds) == 1
    assert len(reader.extraSelections()) == len(many)  # only this section's
    for _ in range(5):
        reader.viewport().repaint()
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    assert len(builds) == 1
