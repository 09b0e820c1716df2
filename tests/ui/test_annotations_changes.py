"""Views follow change sets: one highlight among thousands costs one row in the
panel and one rebuilt section in the reader, never a regrouping of everything."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_annotations_highlights import drag_select, find

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.ui.annotations import panel as panel_module
from readmark.ui.reader import highlight_layer

CTRL = Qt.KeyboardModifier.ControlModifier


def _seed(window, book, count: int) -> list[Annotation]:
    """`count` highlights spread over the book's later chapters, stored directly."""
    text = book.section_text(2)
    made = [
        Annotation(
            Kind.HIGHLIGHT,
            TextTarget.from_text(
                2 + i % 2, text, (i * 13) % (len(text) - 10), (i * 13) % (len(text) - 10) + 6
            ),
        )
        for i in range(count)
    ]
    store = window.library.annotations
    for annotation in made:
        store.add(book.path, annotation, anchored_to=book.cache_key)
    return made


def _open_with_marks(qtbot, make_window, open_and_wait, long_book, count: int):
    window = make_window()
    open_and_wait(window, long_book)  # the book is in the library now
    _seed(window, window.reader.book, count)
    window.menu_actions.toggle_annotations.setChecked(True)
    open_and_wait(window, long_book)
    qtbot.waitUntil(lambda: window.annotations_panel.model.entry_count == count, timeout=10_000)
    return window


def test_a_new_highlight_is_one_inserted_row_and_one_section_redrawn(
    qtbot, make_window, open_and_wait, long_book, monkeypatch
):
    window = _open_with_marks(qtbot, make_window, open_and_wait, long_book, 3000)
    model = window.annotations_panel.model
    # The first highlight of a chapter makes its group; the next ones are rows in it.
    reader = window.reader
    drag_select(qtbot, reader, *find(reader, "quick brown"))
    qtbot.keyClick(reader, Qt.Key.Key_1, CTRL)
    # The page shows it at once; the list a moment later.
    assert model.entry_count == 3000
    qtbot.waitUntil(lambda: model.entry_count == 3001)

    resets, inserted, removed, keyed, builds = [], [], [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda parent, first, last: inserted.append(last - first + 1))
    model.rowsRemoved.connect(lambda parent, first, last: removed.append(last - first + 1))
    real_key, real_build = panel_module.search_key, highlight_layer.HighlightLayer.build
    monkeypatch.setattr(panel_module, "search_key", lambda a: keyed.append(a) or real_key(a))
    monkeypatch.setattr(
        highlight_layer.HighlightLayer,
        "build",
        lambda self, *args: builds.append(1) or real_build(self, *args),
    )

    drag_select(qtbot, reader, *find(reader, "lazy dog"))
    qtbot.keyClick(reader, Qt.Key.Key_2, CTRL)  # green
    assert builds == [1]  # drawn before the list has caught up
    window.annotations_panel.catch_up()
    assert (resets, inserted, removed) == ([], [1], [])
    assert [a.quote for a in keyed] == ["lazy dog"]  # only the new one is indexed for the filter
    assert builds == [1]  # the shown section, once
    assert model.entry_count == 3002

    # Recolouring is one row out and in; undo the same, redo the same.
    [green] = [a for a in window.session.all() if a.quote == "lazy dog"]
    inserted.clear()
    window.annotator.set_colour(green.id, "blue")
    window.menu_actions.undo.trigger()
    window.menu_actions.redo.trigger()
    window.annotations_panel.catch_up()  # the three at once
    assert resets == [] and inserted == [1, 1, 1] and removed == [1, 1, 1]
    assert window.session.get(green.id).color == "blue"


def test_a_change_in_another_section_does_not_redraw_the_page(
    qtbot, make_window, open_and_wait, long_book, monkeypatch
):
    window = _open_with_marks(qtbot, make_window, open_and_wait, long_book, 50)
    builds = []
    real_build = highlight_layer.HighlightLayer.build
    monkeypatch.setattr(
        highlight_layer.HighlightLayer,
        "build",
        lambda self, *args: builds.append(1) or real_build(self, *args),
    )
    elsewhere = next(a for a in window.session.all() if a.target.section == 3)
    assert window.reader.section == 0
    window.annotator.delete(elsewhere.id)
    assert builds == []
    assert window.session.get(elsewhere.id) is None
    window.annotations_panel.catch_up()
    assert window.annotations_panel.model.index_of(elsewhere.id) is None


def test_the_panel_filled_from_change_sets_matches_one_built_from_scratch(
    qtbot, make_window, open_and_wait, long_book
):
    window = _open_with_marks(qtbot, make_window, open_and_wait, long_book, 40)
    reader = window.reader
    for words, key in (("quick brown", Qt.Key.Key_1), ("lazy dog", Qt.Key.Key_3)):
        drag_select(qtbot, reader, *find(reader, words))
        qtbot.keyClick(reader, key, CTRL)
    ids = [a.id for a in window.session.all()]
    window.annotator.delete(ids[5])
    window.annotator.set_colour(ids[7], "pink")
    window.menu_actions.undo.trigger()
    panel = window.annotations_panel
    panel.catch_up()
    incremental = panel.visible_ids()
    titles = [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]
    panel.set_annotations(window.session.all(), {s.index: s.title for s in reader.book.sections})
    assert panel.visible_ids() == incremental == [a.id for a in window.session.all()]
    assert [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())] == titles


def test_random_changes_keep_the_panel_as_a_rebuild_would_show_it(
    qtbot, make_window, open_and_wait, long_book
):
    """Adds in any chapter (new chapters appear, emptied ones go), deletes,
    recolours, undo and redo, with and without a filter: after each, the panel
    that followed the change sets shows what one built from scratch shows."""
    import random

    from readmark.ui.annotations.panel import AnnotationsPanel

    window = _open_with_marks(qtbot, make_window, open_and_wait, long_book, 12)
    book = window.reader.book
    panel, session = window.annotations_panel, window.session
    titles = {s.index: s.title for s in book.sections}
    scratch = AnnotationsPanel()
    qtbot.addWidget(scratch)
    rng = random.Random(9)
    regroups = []
    full = panel.set_annotations
    panel.set_annotations = lambda *args: regroups.append(1) or full(*args)

    def shown(p) -> tuple[list[str], list[str]]:
        groups = [p.model.index(r, 0).data() for r in range(p.model.rowCount())]
        return groups, p.visible_ids()

    for step in range(80):
        action = rng.choice("aaddcuuf")
        ids = [a.id for a in session.all()]
        if action == "a" or not ids:
            section = rng.randrange(len(book.sections))
            text = book.section_text(section)
            start = rng.randrange(max(1, len(text) - 12))
            target = TextTarget.from_text(section, text, start, start + 8)
            session.add(
                Annotation(Kind.HIGHLIGHT, target, color=rng.choice(["yellow", "blue"])), "x"
            )
        elif action == "d":
            session.delete([rng.choice(ids)], "x")
        elif action == "c":
            session.edit(rng.choice(ids), "x", color=rng.choice(["green", "pink", "yellow"]))
        elif action == "u":
            (window.menu_actions.undo if rng.random() < 0.6 else window.menu_actions.redo).trigger()
        else:  # a filter on, or off again
            hide_blue = panel.colour_buttons["blue"]
            hide_blue.setChecked(not hide_blue.isChecked())
            scratch.colour_buttons["blue"].setChecked(hide_blue.isChecked())
        panel.catch_up()
        scratch.set_annotations(session.all(), titles)
        assert shown(panel) == shown(scratch), f"step {step}: {action}"
        assert panel.count_label.text() == scratch.count_label.text()
    # Chapters appear and go row by row; regrouping everything is for the rare
    # change that brings two parts of one chapter side by side.
    assert len(regroups) <= 3, len(regroups)


def test_a_replay_that_no_longer_fits_is_refused_with_a_message(
    qtbot, make_window, open_and_wait, long_book
):
    from readmark.core.operations import Change, ChangeSet

    window = _open_with_marks(qtbot, make_window, open_and_wait, long_book, 3)
    [first, *_] = window.session.all()
    before = window.library.annotations.for_book(window.reader.book.path)
    # Adding what is there already: a change set from another state of the book.
    assert not window.session.replay(ChangeSet((Change(None, first),)))
    assert window.statusBar().currentMessage() == (
        "That could not be done to this annotation; nothing was changed."
    )
    assert window.library.annotations.for_book(window.reader.book.path) == before
