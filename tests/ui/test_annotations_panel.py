"""The annotations dock, driven as a person would: read, filter, click, right-click."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPlainTextEdit

from readmark.core.annotations import COLOURS, Annotation, Kind, Style, TextTarget
from readmark.core.note_markdown import note_html
from readmark.ui.annotations.model import ANNOTATION_ROLE
from readmark.ui.annotations.panel import AnnotationsPanel
from readmark.ui.reader.theme import THEMES, window_palette

ORPHANS = "Not found in this version of the book"
# Sections 1 and 2 are two parts of one chapter: they share a group.
TITLES = {0: "Chapter 1", 1: "Chapter 2", 2: "Chapter 2", 3: "Chapter 3", 4: "Chapter 4"}
SENTENCES = [
    "The quick brown fox jumps over the lazy dog.",
    "It was the best of times, it was the worst of times.",
    "Call me Ishmael.",
    "敏捷的棕色狐狸跳过了懒狗。",
    "All happy families are alike; each unhappy family is unhappy in its own way.",
]


def make_annotations(count: int = 50, seed: int = 7) -> list[Annotation]:
    """`count` annotations over sections 0–4, every kind and colour, one orphan."""
    rnd = random.Random(seed)
    made = []
    for i in range(count):
        section = i % 5
        start = rnd.randrange(0, 5000)
        quote = SENTENCES[(i // 5) % len(SENTENCES)]
        kind = (Kind.HIGHLIGHT, Kind.HIGHLIGHT, Kind.NOTE, Kind.BOOKMARK)[i % 4]
        made.append(
            Annotation(
                kind=kind,
                target=TextTarget(section, start, start + len(quote), quote),
                color=COLOURS[i % len(COLOURS)],
                style=Style.UNDERLINE if i % 7 == 0 else Style.HIGHLIGHT,
                note=f"**Thought** number {i}" if kind == Kind.NOTE or i % 6 == 0 else "",
                label=f"Place {i}" if kind == Kind.BOOKMARK else "",
                created=1_700_000_000.0 + i * 3600,
                orphaned=i == 13,
            )
        )
    rnd.shuffle(made)
    return made


@pytest.fixture
def panel(qtbot):
    window = QMainWindow()
    window.setCentralWidget(QPlainTextEdit("The book's text"))
    dock = AnnotationsPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    yield dock
    window.close()


@pytest.fixture
def filled(panel):
    annotations = make_annotations()
    panel.set_annotations(annotations, TITLES)
    panel.annotations = {a.id: a for a in annotations}  # for the tests' own look-ups
    return panel


def group_titles(panel: AnnotationsPanel) -> list[str]:
    model = panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def shown(panel: AnnotationsPanel) -> list[Annotation]:
    return [panel.annotations[i] for i in panel.visible_ids()]


def type_with_input_method(widget, text: str) -> None:
    """CJK arrives from an input method as a committed string (QTest types ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_entry(qtbot, panel: AnnotationsPanel, annotation_id: str, double: bool = False) -> None:
    tree = panel.tree
    index = panel.model.index_of(annotation_id)
    tree.scrollTo(index)
    pos = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:  # a real double click: press, release, then the double-click event
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_groups_by_chapter_in_reading_order_with_orphans_last(filled):
    assert group_titles(filled) == ["Chapter 1", "Chapter 2", "Chapter 3", "Chapter 4", ORPHANS]
    model = filled.model
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        entries = [
            model.index(r, 0, group).data(ANNOTATION_ROLE) for r in range(model.rowCount(group))
        ]
        if row == model.rowCount() - 1:
            assert [a.orphaned for a in entries] == [True]
            assert entries[0].quote in model.index(0, 0, group).data()  # the quote is shown
            continue
        assert not any(a.orphaned for a in entries)
        positions = [(a.target.section, a.target.start) for a in entries]
        assert positions == sorted(positions)
        assert filled.tree.isExpanded(group)
    chapter_2 = model.index(1, 0)
    assert {model.index(r, 0, chapter_2).data(ANNOTATION_ROLE).target.section for r in range(model.rowCount(chapter_2))} == {1, 2}  # fmt: skip
    assert filled.count_label.text() == "50 annotations"
    assert filled.stack.currentWidget() is filled.tree


def test_typing_in_the_filter_box_narrows_the_list_and_keeps_the_groups(qtbot, filled):
    qtbot.keyClicks(filled.filter_edit, "ISHMAEL")
    rows = shown(filled)
    assert rows and all(a.quote == "Call me Ishmael." for a in rows)
    assert filled.count_label.text() == f"{len(rows)} of 50 annotations"
    # Still grouped by chapter, and the orphan that matches is listed in its group.
    assert group_titles(filled) == ["Chapter 1", "Chapter 2", "Chapter 3", "Chapter 4", ORPHANS]

    filled.filter_edit.clear()
    type_with_input_method(filled.filter_edit, "狐狸")  # CJK matches as typed
    assert shown(filled) and all("狐狸" in a.quote for a in shown(filled))

    filled.filter_edit.clear()
    qtbot.keyClicks(filled.filter_edit, "thought number 12")  # the note is searched too
    assert [a.note for a in shown(filled)] == ["**Thought** number 12"]

    filled.filter_edit.clear()
    qtbot.keyClicks(filled.filter_edit, "place 7")  # and a bookmark's name
    assert [a.label for a in shown(filled)] == ["Place 7"]

    filled.filter_edit.clear()
    assert len(filled.visible_ids()) == 50
    assert filled.count_label.text() == "50 annotations"


def test_a_filter_matching_nothing_says_so(qtbot, filled):
    qtbot.keyClicks(filled.filter_edit, "no such words anywhere")
    assert filled.visible_ids() == []
    assert filled.stack.currentWidget() is filled.hint
    assert "match" in filled.hint.text()
    assert filled.count_label.text() == "0 of 50 annotations"


def test_colour_toggles_hide_and_show_a_colour(qtbot, filled):
    yellow = filled.colour_buttons["yellow"]
    qtbot.mouseClick(yellow, Qt.MouseButton.LeftButton)
    assert not yellow.isChecked()
    rows = shown(filled)
    assert rows and not any(a.color == "yellow" for a in rows)
    assert filled.count_label.text() == "40 of 50 annotations"
    assert ORPHANS not in group_titles(filled) or any(a.orphaned for a in rows)
    qtbot.mouseClick(yellow, Qt.MouseButton.LeftButton)
    assert len(filled.visible_ids()) == 50


def test_kind_filter(qtbot, filled):
    box = filled.kind_box
    box.setCurrentIndex(box.findText("Bookmarks"))
    assert {a.kind for a in shown(filled)} == {Kind.BOOKMARK}
    box.setCurrentIndex(box.findText("Highlights"))
    assert {a.kind for a in shown(filled)} == {Kind.HIGHLIGHT}
    box.setCurrentIndex(box.findText("Notes"))  # notes, and highlights carrying one
    assert all(a.kind == Kind.NOTE or a.note for a in shown(filled))
    assert any(a.kind == Kind.HIGHLIGHT for a in shown(filled))
    box.setCurrentIndex(box.findText("All kinds"))
    assert len(filled.visible_ids()) == 50


def test_click_goes_to_the_entry_and_enter_does_too(qtbot, filled):
    target = filled.visible_ids()[3]
    with qtbot.waitSignal(filled.activated) as blocker:
        click_entry(qtbot, filled, target)
    assert blocker.args == [target]
    with qtbot.waitSignal(filled.activated) as blocker:
        qtbot.keyClick(filled.tree, Qt.Key.Key_Down)
        qtbot.keyClick(filled.tree, Qt.Key.Key_Return)
    assert blocker.args == [filled.visible_ids()[4]]


def test_clicking_a_chapter_folds_it_without_navigating(qtbot, filled):
    tree = filled.tree
    group = filled.model.index(0, 0)
    with qtbot.assertNotEmitted(filled.activated):
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(group).center()
        )
    assert not tree.isExpanded(group)
    # A rebuild (the window calls it after every change) keeps the chapter folded.
    filled.set_annotations(list(filled.annotations.values()), TITLES)
    assert not tree.isExpanded(filled.model.index(0, 0))
    assert tree.isExpanded(filled.model.index(1, 0))


def test_double_click_asks_to_edit(qtbot, filled):
    target = filled.visible_ids()[5]
    with qtbot.waitSignal(filled.edit_requested) as blocker:
        click_entry(qtbot, filled, target, double=True)
    assert blocker.args == [target]


def test_delete_key_asks_to_delete_the_selected_entry(qtbot, filled):
    target = filled.visible_ids()[2]
    click_entry(qtbot, filled, target)
    with qtbot.waitSignal(filled.delete_requested) as blocker:
        qtbot.keyClick(filled.tree, Qt.Key.Key_Delete)
    assert blocker.args == [target]


def _run_context_menu(qtbot, panel: AnnotationsPanel, annotation_id: str, choose: str) -> None:
    """Right-click the entry and click `choose` in the menu that opens."""
    tree = panel.tree
    index = panel.model.index_of(annotation_id)
    tree.scrollTo(index)
    pos = tree.visualRect(index).center()
    picked = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == choose)
        picked.append(action.text())
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    # Runs in the menu's own event loop, which starts once the menu is up.
    QTimer.singleShot(0, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, tree.viewport().mapToGlobal(pos))
    QApplication.sendEvent(tree.viewport(), event)
    assert picked == [choose]


def test_right_click_menu_deletes_edits_and_goes(qtbot, filled):
    target = next(a.id for a in shown(filled) if a.kind == Kind.HIGHLIGHT)
    with qtbot.waitSignal(filled.delete_requested) as blocker:
        _run_context_menu(qtbot, filled, target, "Delete")
    assert blocker.args == [target]
    with qtbot.waitSignal(filled.edit_requested) as blocker:
        _run_context_menu(qtbot, filled, target, "Edit Note…")
    assert blocker.args == [target]
    with qtbot.waitSignal(filled.activated) as blocker:
        _run_context_menu(qtbot, filled, target, "Go to")
    assert blocker.args == [target]
    bookmark = next(a.id for a in shown(filled) if a.kind == Kind.BOOKMARK)
    with qtbot.waitSignal(filled.edit_requested):
        _run_context_menu(qtbot, filled, bookmark, "Rename Bookmark…")


def test_export_button(qtbot, filled):
    with qtbot.waitSignal(filled.export_requested):
        qtbot.mouseClick(filled.export_button, Qt.MouseButton.LeftButton)


def test_mark_current_marks_and_shows_without_emitting(qtbot, filled):
    last_placed = filled.visible_ids()[-2]
    with qtbot.assertNotEmitted(filled.activated):
        filled.mark_current(last_placed)
    assert filled.model.current_id == last_placed
    index = filled.model.index_of(last_placed)
    assert filled.tree.viewport().rect().intersects(filled.tree.visualRect(index))
    filled.mark_current(None)
    assert filled.model.current_id is None


def test_mark_location_marks_the_annotation_before_the_place(filled):
    in_section_3 = sorted(
        (a for a in filled.annotations.values() if a.target.section == 3 and not a.orphaned),
        key=lambda a: a.target.start,
    )
    second = in_section_3[1]
    filled.mark_location(3, second.target.start + 1)
    assert filled.model.current_id == second.id
    filled.mark_location(3, -1)
    assert filled.model.current_id is None


def test_rebuilding_keeps_the_selection(qtbot, filled):
    target = filled.visible_ids()[20]
    click_entry(qtbot, filled, target)
    edited = [
        a.edited(note="changed") if a.id == target else a for a in filled.annotations.values()
    ]
    filled.set_annotations(edited, TITLES)
    assert filled.tree.currentIndex().data(ANNOTATION_ROLE).id == target
    assert filled.tree.currentIndex().data(ANNOTATION_ROLE).note == "changed"


def test_empty_book_shows_a_hint(qtbot, panel):
    panel.set_annotations([], TITLES)
    assert panel.stack.currentWidget() is panel.hint
    assert "Select text" in panel.hint.text()
    assert not panel.filters.isVisible()
    assert not panel.export_button.isEnabled()


def test_one_annotation_reads_in_the_singular(panel):
    panel.set_annotations(make_annotations(1), TITLES)
    assert panel.count_label.text() == "1 annotation"


def test_chapter_titles_may_be_a_function_and_front_matter_has_a_name(panel):
    annotations = make_annotations(10)
    panel.set_annotations(annotations, lambda section: "" if section == 0 else f"Part {section}")
    assert group_titles(panel)[0] == "Front matter"
    assert group_titles(panel)[1] == "Part 1"


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_every_kind_of_row_paints(qtbot, filled, theme):
    """Painting runs Python in Qt's virtual calls; an exception there would abort."""
    filled.window().setPalette(window_palette(THEMES[theme]))
    image = filled.grab().toImage()
    assert not image.isNull()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}  # fmt: skip
    assert len(colours) > 10  # not a blank panel


def test_tooltip_tells_kind_and_date(filled):
    first = filled.model.index_of(filled.visible_ids()[0])
    tip = first.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.split("\n")[0] in {"Highlight", "Underline", "Note"} or "Bookmark" in tip
    assert "2023" in tip


def test_ten_thousand_annotations(panel):
    annotations = make_annotations(10_000)
    panel.set_annotations(annotations, TITLES)
    model = panel.model
    assert model.rowCount() == 5
    assert sum(model.rowCount(model.index(r, 0)) for r in range(5)) == 10_000
    assert panel.count_label.text() == "10000 annotations"
    panel.mark_current(annotations[5000].id)
    assert panel.model.current_id == annotations[5000].id


def test_note_markdown_is_rendered_and_made_safe():
    html = note_html('**bold** <script>alert(1)</script><a href="javascript:x">l</a>\nnext')
    assert "<strong>bold</strong>" in html
    assert "script" not in html and "javascript" not in html
    assert "<br" in html  # a single line break is kept
    assert note_html("   ") == ""


def test_arrow_keys_walk_the_list_and_keep_the_current_row_in_view(qtbot, filled):
    tree = filled.tree
    click_entry(qtbot, filled, filled.visible_ids()[0])
    for _ in range(30):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    current = tree.currentIndex()
    assert current.data(ANNOTATION_ROLE) is not None
    assert tree.viewport().rect().intersects(tree.visualRect(current))


def test_the_count_is_written_in_the_locale(panel) -> None:
    """1,234 in English: numbers follow the UI language's locale (%Ln)."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))
    many = make_annotations(1234)
    panel.set_annotations(many, {})
    assert panel.count_label.text() == "1,234 annotations"
    panel.filter_edit.setText("zzz-not-there")
    panel.kind_box.setCurrentIndex(1)  # filtering: "shown of total"
    assert panel.count_label.text().endswith("of 1,234 annotations")
