"""A reader who uses no mouse: every step by key presses alone, as a person
presses them (pytest-qt sends them to the widget that has the keyboard)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QToolButton, QTreeWidget

from readmark.core.annotations import Kind

SHIFT = Qt.KeyboardModifier.ShiftModifier
# Screenshots for a person to look at (docs/images holds the chosen ones, committed).
IMAGES = Path(__file__).resolve().parents[2] / "artifacts" / "ui" / "keyboard"
CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """A key pressed where the keyboard is now (what a person's key press reaches)."""
    for _ in range(times):
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard"
        qtbot.keyClick(target, key, modifier)


def focus_name(widget=None) -> str:
    widget = widget or QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def test_a_book_read_and_annotated_by_keyboard_alone(qtbot, make_window, long_book, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(long_book), ""))
    )
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_page.setFocus()

    # Ctrl+O: the (patched) file dialog chooses the book; the page gets the keyboard.
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        press(qtbot, Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: focus_name() == "reader")

    # F9 shows the contents with the keyboard in it (or F6 if they were shown already).
    if not window.toc.isVisible():
        press(qtbot, Qt.Key.Key_F9)
    else:
        press(qtbot, Qt.Key.Key_F6, SHIFT)
    qtbot.waitUntil(lambda: focus_name() == "tocTree")
    tree = QApplication.focusWidget()
    assert isinstance(tree, QTreeWidget)

    # Arrows to "Chapter 3", Enter goes there, and the page has the keyboard again.
    tree.setCurrentItem(tree.topLevelItem(0))
    while tree.currentItem().text(0) != "Chapter 3":
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focus_name() == "reader" and window.reader.section == 2)

    # Shift+arrows select from the caret; the Menu key opens the popup with the keyboard in it.
    reader = window.reader
    press(qtbot, Qt.Key.Key_Right, SHIFT, times=12)
    selected = reader.selection()
    assert selected is not None and selected.target.exact.startswith("Chapter 3")
    press(qtbot, Qt.Key.Key_Menu)
    popup = window.annotator.popup
    qtbot.waitUntil(popup.isVisible)
    first = QApplication.focusWidget()
    assert isinstance(first, QToolButton) and popup.isAncestorOf(first)
    assert first.accessibleName().startswith("Highlight in ")

    # Right arrow to the green swatch, Space presses it: a green highlight, and the
    # keyboard back on the page.
    press(qtbot, Qt.Key.Key_Right)
    assert focus_name() == "swatch_green"
    with qtbot.waitSignal(window.session.changed):
        press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not popup.isVisible() and focus_name() == "reader")
    [mark] = window.session.all()
    assert (mark.kind, mark.color, mark.quote) == (Kind.HIGHLIGHT, "green", selected.target.exact)

    # F10 shows the annotations; F6 goes round the panes to it; the new row is reached
    # with the arrows and F2 edits its note.
    press(qtbot, Qt.Key.Key_F10)
    panel = window.annotations_panel
    qtbot.waitUntil(panel.isVisible)
    for _ in range(4):
        if focus_name() == "annotationsTree":
            break
        press(qtbot, Qt.Key.Key_F6)
    assert focus_name() == "annotationsTree"
    press(qtbot, Qt.Key.Key_Down, times=2)  # the chapter's row, then the highlight's
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: focus_name() == "noteEditor")
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Said by keys alone")
    with qtbot.waitSignal(window.session.changed):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    [mark] = window.session.all()
    assert mark.note == "Said by keys alone"


def test_escape_leaves_the_popup_for_the_page_and_tab_goes_round_it(
    qtbot, make_window, open_and_wait, long_book: Path
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    reader.setFocus()
    qtbot.waitUntil(lambda: focus_name() == "reader")
    press(qtbot, Qt.Key.Key_Right, SHIFT, times=5)
    press(qtbot, Qt.Key.Key_F10, SHIFT)  # Shift+F10: the menu key on keyboards without one
    popup = window.annotator.popup
    qtbot.waitUntil(lambda: popup.isAncestorOf(QApplication.focusWidget()))
    names = []
    for _ in range(len(popup.buttons()) + 1):
        names.append(focus_name())
        press(qtbot, Qt.Key.Key_Tab)
    assert names[0] == names[-1] == "swatch_yellow"  # round the popup, not out of it
    press(qtbot, Qt.Key.Key_Right)  # the next swatch, ringed, for the picture
    IMAGES.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(IMAGES / "keyboard-popup.png"))
    press(qtbot, Qt.Key.Key_Left)
    assert {"underlineButton", "noteButton", "copyButton", "quoteButton"} <= set(names)
    press(qtbot, Qt.Key.Key_Tab, SHIFT)  # the keyboard was on the second button
    assert focus_name() == names[0]
    press(qtbot, Qt.Key.Key_Tab, SHIFT)  # round, backwards, to the last
    assert focus_name() == names[-2]
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert focus_name() == "reader"
    assert reader.selection() is not None  # nothing was marked, the selection stays
    assert window.session.all() == []


def tab_sequence(qtbot, count: int, backwards: bool = False) -> list[str]:
    names = []
    for _ in range(count):
        press(qtbot, Qt.Key.Key_Tab, SHIFT if backwards else Qt.KeyboardModifier.NoModifier)
        names.append(focus_name())
    return names


def test_tab_order_goes_left_to_right_through_the_panels_and_back(
    qtbot, make_window, open_and_wait, long_book: Path
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    reader.setFocus()
    qtbot.waitUntil(lambda: focus_name() == "reader")
    press(qtbot, Qt.Key.Key_Right, SHIFT, times=5)
    with qtbot.waitSignal(window.session.changed):
        press(qtbot, Qt.Key.Key_H, CTRL)  # a highlight: the panel shows its filters and list
    window.menu_actions.toggle_toc.setChecked(True)
    window.menu_actions.toggle_annotations.setChecked(True)
    qtbot.waitUntil(lambda: window.toc.isVisible() and window.annotations_panel.isVisible())
    window.toc.tree.setFocus()
    qtbot.waitUntil(lambda: focus_name() == "tocTree")
    panel = [
        "annotationFilter",
        "annotationKind",
        *(f"annotationColour-{c}" for c in ("yellow", "green", "blue", "pink", "purple")),
        "annotationsTree",
        "annotationsExport",
    ]
    # Left to right: the contents, the page (this section has no links to stop at), the panel.
    forwards = tab_sequence(qtbot, 1 + len(panel))
    assert forwards == ["reader", *panel]
    # Shift+Tab retraces the same steps.
    backwards = tab_sequence(qtbot, len(panel) + 1, backwards=True)
    assert backwards == [*reversed(["tocTree", "reader", *panel[:-1]])]


def test_f6_goes_round_the_panes_shown_and_shift_f6_back(
    qtbot, make_window, open_and_wait, long_book: Path
):
    window = make_window()
    open_and_wait(window, long_book)
    window.menu_actions.toggle_toc.setChecked(True)
    window.menu_actions.toggle_annotations.setChecked(True)
    window.finder.open()
    qtbot.waitUntil(lambda: window.annotations_panel.isVisible())
    window.reader.setFocus()
    qtbot.waitUntil(lambda: focus_name() == "reader")
    seen = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_F6)
        seen.append(focus_name())
    # Left to right and round: the contents, the page, the right-hand panel shown (the
    # search and annotations panels share a tabbed dock: the one in front).
    # From the page: the panel on the right, round to the contents, the page, the panel.
    assert seen[1:3] == ["tocTree", "reader"] and seen[3] == seen[0]
    assert seen[0] == "searchField"  # Ctrl+F's panel is in front, its field takes the keys
    back = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_F6, SHIFT)
        back.append(focus_name())
    assert back == ["reader", "tocTree", "searchField"]


def test_the_pane_the_keyboard_went_to_is_ringed_and_a_click_is_not(
    qtbot, make_window, open_and_wait, long_book: Path
):
    from PySide6.QtGui import QColor

    from readmark.ui.reader.theme import contrast

    window = make_window()
    window.resize(1000, 640)
    # The ring is drawn once the book's first screen is up (it waits for the paint).
    with qtbot.waitSignal(window.reader.first_painted, timeout=10_000):
        open_and_wait(window, long_book)
    window.menu_actions.toggle_toc.setChecked(True)
    window.reader.setFocus()
    qtbot.waitUntil(lambda: focus_name() == "reader")
    ring = window.keyboard.ring
    press(qtbot, Qt.Key.Key_F6, SHIFT)  # to the contents
    qtbot.waitUntil(lambda: focus_name() == "tocTree")
    tree = window.toc.tree
    qtbot.waitUntil(lambda: ring.target is tree)
    assert ring.geometry() == tree.geometry() and ring.isVisible()
    page = QColor(window.reader.palette().color(window.reader.backgroundRole()))
    assert contrast(ring.palette().link().color(), page) >= 3  # WCAG 2.2: a visible focus
    press(qtbot, Qt.Key.Key_Down, times=2)
    IMAGES.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(IMAGES / "keyboard-focus.png"))
    # F6 on to the page: the ring follows.
    press(qtbot, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: ring.target is window.reader)
    # A click on a chapter goes there and gives the page the keyboard, with no ring:
    # the mouse shows where it went.
    rect = tree.visualItemRect(tree.topLevelItem(1))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.reader.section == 1 and ring.target is None)
    assert focus_name() == "reader"


def test_the_library_by_keyboard(qtbot, make_window, open_and_wait, long_book: Path):
    window = make_window()
    open_and_wait(window, long_book)  # now in the library
    window.reader.setFocus()
    qtbot.waitUntil(lambda: focus_name() == "reader")
    press(qtbot, Qt.Key.Key_L, CTRL)  # the library, the keyboard in its books
    qtbot.waitUntil(lambda: focus_name() in {"libraryGrid", "libraryList"})
    books = QApplication.focusWidget()
    qtbot.waitUntil(lambda: books.model().rowCount() == 1)
    # Shift+Tab to the filter and type; Tab back to the books.
    seen = []
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Tab, SHIFT)
        seen.append(focus_name())
        if seen[-1] == "libraryFilter":
            break
    assert seen[-1] == "libraryFilter"
    qtbot.keyClicks(QApplication.focusWidget(), "long")
    for _ in range(len(seen)):
        press(qtbot, Qt.Key.Key_Tab)
    assert focus_name() == books.objectName()
    press(qtbot, Qt.Key.Key_Home)
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)  # opens the book
    qtbot.waitUntil(lambda: focus_name() == "reader")
