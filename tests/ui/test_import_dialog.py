"""File › Import Annotations… as a reader uses it: pick a Kindle clippings file,
read the preview (numbers and the matched book), press Import, see the rows in
the annotations panel, then Edit › Undo removes the whole import."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from readmark.ui.annotations.model import ANNOTATION_ROLE

ALICE = Path(__file__).resolve().parents[3] / "shared" / "books" / "11-0.txt"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importers"
# Screenshots for a person to look at (docs/images holds the chosen ones, committed).
IMAGES = Path(__file__).resolve().parents[2] / "artifacts" / "ui" / "import"
CLIPPINGS = """Alice's Adventures in Wonderland (Lewis Carroll)
- Your Highlight on page 1 | Location 12-13 | Added on Monday, March 2, 2020 11:48:08 PM

once or twice she had peeped into the book her sister was reading
==========
Alice's Adventures in Wonderland (Lewis Carroll)
- Your Note on page 1 | Location 13 | Added on Monday, March 2, 2020 11:49:08 PM

no pictures!
==========
Alice's Adventures in Wonderland (Lewis Carroll)
- 您在位置 #520-521的标注 | 添加于 2020年3月3日星期二 下午8:26:01

“Curiouser and curiouser!” cried Alice
==========
Alice's Adventures in Wonderland (Lewis Carroll)
- Your Highlight on page 3 | Location 40-41 | Added on Monday, March 2, 2020 11:50:08 PM

This sentence is not in the book at all, whatever you try.
==========
Through the Looking-Glass (Lewis Carroll)
- Your Highlight on page 3 | Location 40-41 | Added on Monday, March 2, 2020 11:50:08 PM

’Twas brillig, and the slithy toves
==========
"""


def panel_entries(window) -> list[str]:
    model = window.annotations_panel.model
    quotes = []
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        for r in range(model.rowCount(group)):
            quotes.append(model.index(r, 0, group).data(ANNOTATION_ROLE).target.exact)
    return sorted(quotes)


def test_import_through_the_dialog_then_undo(
    qtbot, tmp_path, make_window, open_and_wait, monkeypatch
):
    book = tmp_path / "alice.txt"
    shutil.copyfile(ALICE, book)
    clippings = tmp_path / "My Clippings.txt"
    clippings.write_text(CLIPPINGS, encoding="utf-8")
    window = make_window()
    open_and_wait(window, book)
    window.menu_actions.toggle_annotations.setChecked(True)
    assert panel_entries(window) == []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(clippings), "")
    )
    with qtbot.waitSignal(window.marks_importer.dialog_shown, timeout=20_000) as shown:
        window.menu_actions.import_annotations.trigger()
    dialog = shown.args[0]
    qtbot.waitExposed(dialog)
    assert (dialog.placed.text(), dialog.here.text(), dialog.unplaced.text()) == ("2", "0", "2")
    books = dialog.books
    assert [books.topLevelItem(i).text(1) for i in range(books.topLevelItemCount())] == [
        "Alice’s Adventures in Wonderland",
        "Not in the library",
    ]
    IMAGES.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(IMAGES / "import-dialog.png"))
    with qtbot.waitSignal(window.marks_importer.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel_entries(window)) == 3, timeout=10_000)
    assert "once or twice she had peeped into the book her sister was reading" in panel_entries(
        window
    )
    assert window.menu_actions.undo.isEnabled()
    window.menu_actions.undo.trigger()
    qtbot.waitUntil(lambda: panel_entries(window) == [], timeout=10_000)
    assert window.library.annotations.pending() == []
    # A second import after the undo shows the same numbers: nothing was left behind.
    with qtbot.waitSignal(window.marks_importer.dialog_shown, timeout=20_000) as again:
        window.menu_actions.import_annotations.trigger()
    assert again.args[0].placed.text() == "2"
    again.args[0].reject()


def drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_dropping_a_folder_of_koreader_sidecars_shows_the_preview(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.marks_importer.dialog_shown, timeout=20_000) as shown:
        drop(window, FIXTURES / "koreader")
    dialog = shown.args[0]
    assert (dialog.placed.text(), dialog.unplaced.text()) == ("0", "9")
    assert dialog.books.topLevelItemCount() == 3
    with qtbot.waitSignal(window.marks_importer.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(window.library.annotations.pending()) == 9  # kept, waiting for their books
    window.menu_actions.undo.trigger()
    assert window.library.annotations.pending() == []


def test_a_file_no_reader_wrote_is_said_plainly(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    bad = tmp_path / "metadata.epub.lua"
    bad.write_text('return os.execute("echo pwned")', encoding="utf-8")
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append(text))
    window.marks_importer.error.disconnect()
    window.marks_importer.error.connect(lambda title, text: window.show_error(title, text))
    window.marks_importer.start(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "holds code" in shown[0] and "never runs it" in shown[0]
    assert not window.marks_importer.progress.isVisible()
