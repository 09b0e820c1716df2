"""Sync from the window: Preferences › Sync sets the folder and syncs at once; a
highlight is synced a moment after it is made; File › Sync Now brings in what
another computer made, shown in the open book at once; the status bar says when
it last synced and how many changes went in and out, or what went wrong."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton
from test_annotations_workflow import _highlight
from test_preferences import _open_preferences

from readmark import paths
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.store.library import Library
from readmark.core.store.settings import Settings
from readmark.core.sync.engine import sync
from readmark.ui.shell import sync_runner


def _artifacts() -> Path:
    """Screenshots to look at (the ones in docs/images were taken from here)."""
    repo = Path(__file__).resolve().parents[2]
    folder = Path(os.environ.get("READMARK_TEST_ARTIFACTS", repo / "artifacts" / "ui")) / "sync"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _status(window) -> str:
    label = window.findChild(QLabel, "syncStatus")
    assert label is not None
    return label.text()


def test_choose_a_folder_then_marks_travel_both_ways(
    qtbot, make_window, open_and_wait, long_book, tmp_path, monkeypatch
):
    monkeypatch.setattr(sync_runner, "AFTER_CHANGES_MS", 200)
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    window = make_window()
    open_and_wait(window, long_book)
    _highlight(qtbot, window, "quick brown fox", "yellow")

    # Preferences › Sync › Choose…: the folder is remembered and synced at once.
    dialog = _open_preferences(qtbot, window)
    dialog.tabs.setCurrentIndex(
        next(i for i in range(dialog.tabs.count()) if "ync" in dialog.tabs.tabText(i))
    )  # the Sync tab
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    choose = next(
        b for b in dialog.tabs.currentWidget().findChildren(QPushButton) if "hoose" in b.text()
    )
    with qtbot.waitSignal(window.syncer.finished, timeout=20_000) as first:
        qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert dialog.findChild(QLineEdit, "syncFolder").text() == str(folder)
    assert Settings(paths.settings_file()).get("sync.folder") == str(folder)
    assert (first.args[0].incoming, first.args[0].outgoing) >= (0, 1)
    assert _status(window).startswith("Synced ") and "out" in _status(window)
    dialog.grab().save(str(_artifacts() / "preferences-sync.png"))
    dialog.close()

    # Another computer has the same book elsewhere and marks it.
    content_id = window.session.book.content_id
    other = Library(tmp_path / "other" / "library.sqlite3")
    try:
        other.touch(tmp_path / "other" / "book.md", content_id, "A Long Book", "")
        sync(other, folder, tmp_path / "other" / "sync")  # takes this computer's highlight
        (theirs,) = other.annotations.for_book(tmp_path / "other" / "book.md")
        assert theirs.quote == "quick brown fox"
        made = Annotation(
            Kind.HIGHLIGHT, TextTarget(0, 52, 69, "over the lazy dog"), color="green",
            note="from the desktop",
        )  # fmt: skip
        other.annotations.add(tmp_path / "other" / "book.md", made)
        sync(other, folder, tmp_path / "other" / "sync")
    finally:
        other.close()

    with qtbot.waitSignal(window.syncer.finished, timeout=20_000) as second:
        window.menu_actions.sync_now.trigger()
    assert second.args[0].incoming == 1
    # Out: nothing, or the reading place when the window saved it after the first sync
    # (a timer: on a busy machine it comes after the first sync).
    assert second.args[0].outgoing <= 1
    assert f": 1 in, {second.args[0].outgoing} out" in _status(window)
    qtbot.waitUntil(lambda: window.session.get(made.id) is not None)  # shown in the open book

    # A new highlight goes out by itself once the reader pauses.
    with qtbot.waitSignal(window.syncer.finished, timeout=20_000) as third:
        _highlight(qtbot, window, "jumps over", "blue")
    assert third.args[0].outgoing >= 1  # the highlight (and the reading place, when it moved)
    other = Library(tmp_path / "other" / "library.sqlite3")
    try:
        sync(other, folder, tmp_path / "other" / "sync")
        quotes = {a.quote for a in other.annotations.for_book(tmp_path / "other" / "book.md")}
    finally:
        other.close()
    assert quotes == {"quick brown fox", "over the lazy dog", "jumps over"}
    window.grab().save(str(_artifacts() / "sync-status.png"))


def test_a_missing_folder_is_said_in_the_status_bar(
    qtbot, make_window, open_and_wait, long_book, tmp_path
):
    Settings(paths.settings_file()).set("sync.folder", str(tmp_path / "unplugged"))
    window = make_window()
    open_and_wait(window, long_book)
    with qtbot.waitSignal(window.syncer.failed, timeout=20_000) as failed:
        window.menu_actions.sync_now.trigger()
    assert "is not there (a drive not connected?)" in failed.args[0]
    assert _status(window) == "Not synced ⚠"
    assert "is not there" in window.findChild(QLabel, "syncStatus").toolTip()
    assert not (tmp_path / "unplugged").exists()


def test_sync_now_without_a_folder_says_where_to_choose_one(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    window.menu_actions.sync_now.trigger()
    assert "Preferences › Sync" in window.statusBar().currentMessage()
    assert not window.findChild(QLabel, "syncStatus").isVisible()
