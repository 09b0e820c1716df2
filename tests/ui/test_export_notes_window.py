"""File › Export Folder… and File › Export All Books in the real window: the folder
is set once, every book's note is written there in the background, and a second
run updates the notes, keeping what the reader wrote in them."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton
from test_annotations_workflow import _highlight

from readmark import paths
from readmark.core.store.settings import Settings


def _choose(monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(folder))
    )


def _blocks(note: Path) -> int:
    return sum(line.startswith("^rm-") for line in note.read_text(encoding="utf-8").split("\n"))


def _progress_gone(window) -> bool:
    progress = window.findChild(QProgressDialog, "exportAllProgress")
    return progress is None or not progress.isVisible()  # closed (and deleted later)


def test_export_all_books_writes_then_updates_the_vault(
    qtbot, make_window, open_and_wait, long_book, tmp_path, monkeypatch
):
    window = make_window()
    open_and_wait(window, long_book)
    _highlight(qtbot, window, "quick brown fox", "yellow")
    _highlight(qtbot, window, "over the lazy dog", "blue")
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)

    _choose(monkeypatch, vault)
    window.menu_actions.export_folder.trigger()
    assert Settings(paths.settings_file()).get("export.folder") == str(vault)

    with qtbot.waitSignal(window.notes_export.finished, timeout=20_000):
        window.menu_actions.export_all_books.trigger()
    note = vault / "A Long Book.md"
    assert _blocks(note) == 2
    assert "author: Test Author" in note.read_text(encoding="utf-8")
    assert "1 new, 0 updated" in window.statusBar().currentMessage()
    assert _progress_gone(window)

    # The reader writes in the note; another highlight; Export All Books again.
    note.write_text(note.read_text(encoding="utf-8") + "\nMy thoughts on foxes.\n")
    _highlight(qtbot, window, "jumps over", "green")
    with qtbot.waitSignal(window.notes_export.finished, timeout=20_000):
        window.menu_actions.export_all_books.trigger()
    assert _blocks(note) == 3
    assert "My thoughts on foxes." in note.read_text(encoding="utf-8")
    assert "0 new, 1 updated" in window.statusBar().currentMessage()
    assert [p.name for p in vault.iterdir() if p.is_file()] == ["A Long Book.md"]


def test_export_all_books_can_be_cancelled(
    qtbot, make_window, open_and_wait, long_book, tmp_path, monkeypatch
):
    from readmark.ui.shell import export_all

    window = make_window()
    open_and_wait(window, long_book)
    _highlight(qtbot, window, "quick brown fox", "yellow")
    started = threading.Event()

    def slow(jobs, folder, name, options, report, **kwargs):  # stopped at its first book
        report(0, 3, "A Long Book")
        started.set()
        for _ in range(400):  # until cancelled (report raises), at most 20 s
            threading.Event().wait(0.05)
            report(0, 3, "A Long Book")
        raise AssertionError("not cancelled")

    monkeypatch.setattr(export_all, "export_all", slow)
    _choose(monkeypatch, tmp_path / "notes")
    finished = []
    window.notes_export.finished.connect(finished.append)
    window.menu_actions.export_all_books.trigger()  # no folder yet: asked for one first
    qtbot.waitUntil(started.is_set)
    progress = window.findChild(QProgressDialog, "exportAllProgress")
    qtbot.waitUntil(lambda: "A Long Book" in progress.labelText())
    cancel = progress.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks.running(export_all.TASK))
    assert "cancelled" in window.statusBar().currentMessage()
    assert _progress_gone(window)
    assert not finished


def test_export_into_an_existing_note_from_the_window_updates_it(
    qtbot, make_window, open_and_wait, long_book, tmp_path, monkeypatch
):
    from readmark.ui.dialogs.export_dialog import ExportChoice, ExportDialog, ExportFormat

    window = make_window()
    open_and_wait(window, long_book)
    _highlight(qtbot, window, "quick brown fox", "yellow")
    note = tmp_path / "fox.md"
    choice = ExportChoice(ExportFormat.MARKDOWN, note, True)
    # The dialog's choice stands in for the person (the dialog has its own tests).
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a, **k: choice))
    window.menu_actions.export_annotations.trigger()
    # Written off the UI thread (the window answers meanwhile); the status bar says when.
    qtbot.waitUntil(lambda: "Exported 1 annotations" in window.statusBar().currentMessage())
    first = note.read_text(encoding="utf-8")
    note.write_text(first.replace("# A Long Book\n", "# A Long Book\n\nMy preface.\n"))
    _highlight(qtbot, window, "over the lazy dog", "blue")
    window.menu_actions.export_annotations.trigger()
    qtbot.waitUntil(lambda: "Updated the note" in window.statusBar().currentMessage())
    text = note.read_text(encoding="utf-8")
    assert "# A Long Book\n\nMy preface.\n" in text and _blocks(note) == 2
