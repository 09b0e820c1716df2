"""Long work never freezes the window: each test holds an operation back (its work
waits on an Event, as a slow disk or a huge book would make it wait) and checks
that the window still answers key presses and menu commands meanwhile, that the
progress is shown, and that Cancel cancels: nothing is delivered, nothing is lost."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from reader_wait import window_answers

import readmark.core.anchoring as anchoring
from readmark.core.annotations import Kind


class Held:
    """A stand-in for slow work: reports, then waits until released."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.stopped_by_cancel = False

    def hold(self, report, total: int = 3) -> None:
        report(0, total)
        self.started.set()
        assert self.release.wait(10), "the test never released the work"
        try:
            report(1, total)  # a cancelled task raises Cancelled here
        except Exception:
            self.stopped_by_cancel = True
            raise


@pytest.fixture
def held():
    work = Held()
    yield work
    work.release.set()  # never leave a worker thread waiting


def highlight(qtbot, window, words: str) -> None:
    reader = window.reader
    text = reader.canonical_text()
    start = text.index(words)
    reader.select_text(reader.section, start, start + len(words))
    qtbot.waitUntil(lambda: reader.selection() is not None)
    with qtbot.waitSignal(window.session.changed):
        window.menu_actions.highlight.trigger()


def test_placing_annotations_in_a_changed_book_can_be_cancelled(
    qtbot, make_window, open_and_wait, long_book: Path, held: Held, monkeypatch
):
    window = make_window()
    open_and_wait(window, long_book)
    highlight(qtbot, window, "Paragraph 1.3: The quick brown fox")
    window.close_book()
    # The book changes on disk: its annotations must be placed again when it opens.
    text = long_book.read_text(encoding="utf-8")
    long_book.write_text(text.replace("# Chapter 1\n", "# Chapter 1\n\nA new opening.\n"))
    real = anchoring.resolve_all

    def slow(book, found, progress=None):
        held.hold(progress)
        return real(book, found, progress)

    monkeypatch.setattr(anchoring, "resolve_all", slow)
    open_and_wait(window, long_book)
    assert held.started.wait(10)
    cancel = window.statusBar().findChild(QPushButton, "placingCancel")
    qtbot.waitUntil(cancel.isVisible)
    window_answers(qtbot, window)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    held.release.set()
    qtbot.waitUntil(lambda: held.stopped_by_cancel)
    assert not cancel.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    # Nothing lost: the highlight is shown as stored, and placed at the next opening.
    [mark] = window.session.all()
    assert mark.kind is Kind.HIGHLIGHT and mark.quote == "Paragraph 1.3: The quick brown fox"
    monkeypatch.setattr(anchoring, "resolve_all", real)
    window.close_book()
    open_and_wait(window, long_book)
    qtbot.waitUntil(lambda: not window.tasks.running("place-annotations"))
    [mark] = window.session.all()
    start = window.reader.canonical_text().index("Paragraph 1.3")
    assert (mark.target.section, mark.target.start) == (0, start) and not mark.orphaned


def test_export_all_books_answers_while_it_runs_and_cancel_stops_it(
    qtbot, make_window, open_and_wait, long_book: Path, held: Held, tmp_path, monkeypatch
):
    import readmark.ui.shell.export_all as export_all_module

    window = make_window()
    open_and_wait(window, long_book)
    highlight(qtbot, window, "Paragraph 1.3: The quick brown fox")
    folder = tmp_path / "vault"
    folder.mkdir()
    window.settings.set("export.folder", str(folder))
    real = export_all_module.export_all

    def slow(jobs, folder, name, options, report, create=True):
        held.hold(lambda done, total: report(done, total, "A Long Book"))
        return real(jobs, folder, name, options, report, create)

    monkeypatch.setattr(export_all_module, "export_all", slow)
    finished = []
    window.menu_actions.export_all_books.trigger()
    window.notes_export.finished.connect(finished.append)
    assert held.started.wait(10)
    dialog = window.findChild(QProgressDialog, "exportAllProgress")
    qtbot.waitUntil(lambda: dialog.isVisible() and "A Long Book" in dialog.labelText())
    # The dialog is window-modal: the window's shortcuts wait, but it repaints and
    # its events run (the dialog's own Cancel is one of them).
    window.reader.viewport().repaint()
    assert dialog.maximum() == 3 and dialog.value() == 0  # how far it is, as reported
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    held.release.set()
    qtbot.waitUntil(lambda: held.stopped_by_cancel)
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage())
    assert finished == [] and list(folder.iterdir()) == []  # nothing written after Cancel
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog, "exportAllProgress") is None)
    window.activateWindow()  # as the desktop does when a dialog closes (offscreen does not)
    qtbot.waitUntil(window.isActiveWindow)
    window_answers(qtbot, window)


def test_exporting_one_book_runs_off_the_window_and_can_be_cancelled(
    qtbot, make_window, open_and_wait, long_book: Path, held: Held, tmp_path, monkeypatch
):
    from readmark.ui.dialogs.export_dialog import ExportChoice, ExportDialog, ExportFormat
    from readmark.ui.shell import library_tools

    window = make_window()
    open_and_wait(window, long_book)
    highlight(qtbot, window, "Paragraph 1.3: The quick brown fox")
    out = tmp_path / "notes.md"
    choice = ExportChoice(ExportFormat.MARKDOWN, out, True)
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a, **k: choice))
    real = library_tools.write_export
    finished = threading.Event()

    def slow(*args, **kwargs):
        try:
            held.started.set()
            assert held.release.wait(10)  # making the text takes long; then it writes
            return real(*args, **kwargs)
        finally:
            finished.set()

    # The first export is held and cancelled: nothing is written.
    monkeypatch.setattr(library_tools, "write_export", slow)
    window.menu_actions.export_annotations.trigger()
    assert held.started.wait(10)
    cancel = window.statusBar().findChild(QPushButton, "bookExportCancel")
    qtbot.waitUntil(cancel.isVisible)
    window_answers(qtbot, window)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "Export cancelled."
    assert not cancel.isVisible()
    held.release.set()
    qtbot.waitUntil(finished.is_set)
    assert not out.exists()
    # Again, left to finish: written, and said.
    monkeypatch.setattr(library_tools, "write_export", real)
    window.menu_actions.export_annotations.trigger()
    qtbot.waitUntil(lambda: "Exported 1 annotations" in window.statusBar().currentMessage())
    assert "Paragraph 1.3: The quick brown fox" in out.read_text(encoding="utf-8")
