"""A reader's whole session with annotations: mark, note, bookmark, use the panel,
quit, come back, export, back up and restore — in the real window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from reader_wait import wait_shown
from test_annotations_highlights import LEFT, drag_select, drawn, find, stored

from readmark import paths
from readmark.core.annotations import Kind
from readmark.ui.dialogs.export_dialog import ExportChoice, ExportFormat

CTRL = Qt.KeyboardModifier.ControlModifier


def _panel_ids(window) -> list[str]:
    return window.annotations_panel.visible_ids()


def _highlight(qtbot, window, text: str, colour: str) -> None:
    reader = window.reader
    start, end = find(reader, text)
    drag_select(qtbot, reader, start, end)
    popup = window.annotator.popup
    qtbot.waitUntil(popup.isVisible)
    qtbot.mouseClick(popup.swatches[colour], LEFT)


def test_mark_quit_return_and_export(qtbot, make_window, open_and_wait, long_book, tmp_path):
    window = make_window()
    open_and_wait(window, long_book)
    qtbot.keyClick(window.reader, Qt.Key.Key_F10)
    assert window.annotations_panel.isVisible()
    _highlight(qtbot, window, "quick brown fox", "yellow")
    _highlight(qtbot, window, "over the lazy dog", "blue")
    qtbot.keyClick(window.reader, Qt.Key.Key_D, CTRL)  # bookmark here
    qtbot.waitUntil(lambda: len(_panel_ids(window)) == 3)
    kinds = sorted(a.kind for a in stored(window))
    assert kinds == [Kind.BOOKMARK, Kind.HIGHLIGHT, Kind.HIGHLIGHT]

    # Delete one from the panel, then undo.
    blue = next(a for a in stored(window) if a.color == "blue")
    window.annotations_panel.delete_requested.emit(blue.id)
    assert blue.id not in [a.id for a in stored(window)]
    assert "over the lazy dog" not in drawn(window.reader)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert blue.id in [a.id for a in stored(window)]

    # Go elsewhere, then click the entry in the panel: the reader goes back to it.
    window.reader.go_to(2)
    wait_shown(qtbot, window.reader)
    assert window.reader.section == 2
    window.annotations_panel.activated.emit(blue.id)
    wait_shown(qtbot, window.reader)
    assert window.reader.section == blue.target.section
    window.close()

    again = make_window()
    open_and_wait(again, long_book)
    assert sorted(drawn(again.reader)) == ["over the lazy dog", "quick brown fox"]
    assert again.annotations_panel.isVisible()  # the choice is remembered
    qtbot.waitUntil(lambda: len(_panel_ids(again)) == 3)

    # File > Export Annotations… (the dialog's choice stands in for the person).
    out = tmp_path / "notes.json"
    choice = ExportChoice(ExportFormat.W3C_JSON, out, True)
    from readmark.ui.shell import library_tools

    original = library_tools.ExportDialog.ask
    library_tools.ExportDialog.ask = classmethod(lambda cls, *args, **kwargs: choice)
    try:
        again.menu_actions.export_annotations.trigger()
    finally:
        library_tools.ExportDialog.ask = original
    # Written off the UI thread (the window answers meanwhile); the status bar says when.
    qtbot.waitUntil(lambda: "Exported" in again.statusBar().currentMessage())
    exported = json.loads(out.read_text(encoding="utf-8"))
    quotes = sorted(
        selector["exact"]
        for item in exported["first"]["items"]
        for selector in item["target"]["selector"]
        if selector["type"] == "TextQuoteSelector" and selector["exact"]
    )
    assert quotes == ["over the lazy dog", "quick brown fox"]


def test_back_up_and_restore_from_the_menu(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    _highlight(qtbot, window, "quick brown fox", "green")
    with qtbot.waitSignal(window.tools.backed_up, timeout=10_000) as backed_up:
        window.menu_actions.backup_now.trigger()  # made in the background
    [made] = backed_up.args
    assert made.parent == paths.backups_dir()
    assert str(made) in window.statusBar().currentMessage()

    # After the backup the highlight is deleted…
    [highlight] = stored(window)
    window.annotator.delete(highlight.id)
    assert stored(window) == []
    # …and restoring the backup brings it back, in a reopened library and book.
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.tools.restore(made)
    assert [a.id for a in stored(window)] == [highlight.id]
    qtbot.waitUntil(lambda: drawn(window.reader) == ["quick brown fox"])
    # The state before the restore was itself backed up: nothing is ever lost.
    reasons = [b.reason for b in window.tools.backups.backups()]
    assert "before-restore" in reasons


def test_a_restore_closes_the_old_library_and_reopens_with_recovery(
    qtbot, make_window, open_and_wait, long_book, monkeypatch
):
    """The library's owner replaces it: the old connection is closed (a connection
    left open would later write into a file moved aside), and the restored file is
    opened as at start-up, recovering it if it is damaged."""
    from readmark.core.store.errors import StoreError
    from readmark.ui.shell import library_owner

    window = make_window()
    open_and_wait(window, long_book)
    with qtbot.waitSignal(window.tools.backed_up, timeout=10_000) as backed_up:
        window.tools.backup_now()
    [made] = backed_up.args
    before = window.library
    opened = []
    real_open = library_owner.open_library
    monkeypatch.setattr(
        library_owner,
        "open_library",
        lambda *args, **kw: opened.append(args) or real_open(*args, **kw),
    )
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.tools.restore(made)
    assert len(opened) == 1  # the recovering opener, not a bare Library()
    assert window.library is not None and window.library is not before
    with pytest.raises(StoreError):
        before.recent()  # closed
    assert window.library.recent()[0].title == "A Long Book"


def test_backups_dialog_opens_from_the_file_menu(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    window.menu_actions.backups.trigger()
    dialog = window.tools.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_import_for_an_unopened_book_on_disk_appears_when_it_is_opened(
    qtbot, make_window, open_and_wait, long_book: Path, tmp_path: Path
):
    from readmark.core.export.importer import import_annotations
    from readmark.core.store.library import Library

    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": "A note from another tool"},
        "target": {
            "source": long_book.as_uri(),
            "selector": {"type": "TextQuoteSelector", "exact": "Paragraph 2.3: The quick"},
        },
    }
    source = tmp_path / "import.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    library = Library(paths.library_db())
    report = import_annotations(library, source)
    library.close()
    # The target names a file on disk: the import added that book to the library
    # (issue 11), so nothing waits; the reader finds the note when it opens the book.
    assert (report.added, report.pending) == (1, 0)
    assert report.books_added == [long_book.resolve()]

    window = make_window()
    open_and_wait(window, long_book)
    qtbot.waitUntil(lambda: len(stored(window)) == 1)
    [note] = stored(window)
    assert note.note == "A note from another tool"
    qtbot.waitUntil(lambda: len(window.session.all()) == 1)
    placed = window.session.all()[0]
    assert not placed.orphaned
    assert placed.quote == "Paragraph 2.3: The quick"
