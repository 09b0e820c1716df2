"""Printed pages in the window: the status bar's "p. N" at the top of the screen, Go to
Printed Page by keyboard, a quotation citing its page, the repair's report — on a real
book converted by the Internet Archive's OCR (tests/fixtures/repair_corpus)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit
from reader_wait import wait_shown
from test_annotations_highlights import CTRL, drag_select, stored

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "repair_corpus"
BEARD = CORPUS / "en_ia_nervous_exhaustion.txt"
SHIFT = Qt.KeyboardModifier.ShiftModifier
SCREENSHOTS = Path(os.environ.get("READMARK_SCREENSHOTS", "/tmp/readmark-shots"))


def _page_label(window) -> QLabel:
    label = window.statusBar().findChild(QLabel, "printedPageLabel")
    assert label is not None
    return label


def _pages_found(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.menu_actions.go_to_printed_page.isEnabled(), timeout=20_000)


def _dialog(qtbot, window) -> QDialog:
    found: list[QDialog] = []

    def shown() -> bool:
        dialog = window.findChild(QDialog, "printedPageDialog")
        if dialog is not None and dialog.isVisible():
            found.append(dialog)
        return bool(found)

    qtbot.waitUntil(shown, timeout=5_000)
    return found[0]


def test_the_status_bar_shows_the_printed_page_at_the_top(qtbot, make_window, open_and_wait):
    window = make_window()
    open_and_wait(window, BEARD)
    _pages_found(qtbot, window)
    reader, label = window.reader, _page_label(window)
    assert "Repaired: 19 page splits joined" in window.menu_actions.repair.statusTip()
    # Kept with the book's rendered sections: the next opening reads, not renders, them.
    assert window.cache.get_about(reader.book.cache_key, "repair-report") is not None
    assert not label.isVisible()  # the title page: before the first page number kept
    seen: list[str] = []
    for _ in range(40):  # reading on, a screen at a time: the page number follows
        with qtbot.waitSignal(reader.position_changed, timeout=5_000):
            qtbot.keyClick(reader, Qt.Key.Key_PageDown)
        if label.isVisible():
            seen.append(label.text())
    assert seen[0] == "p. 4"
    numbers = [int(text.removeprefix("p. ")) for text in seen]
    assert numbers == sorted(numbers) and numbers[-1] > 8


def test_go_to_a_printed_page_by_keyboard_and_quote_it(qtbot, make_window, open_and_wait):
    window = make_window()
    open_and_wait(window, BEARD)
    _pages_found(qtbot, window)
    reader, label = window.reader, _page_label(window)

    qtbot.keyClick(reader, Qt.Key.Key_G, CTRL | Qt.KeyboardModifier.AltModifier)
    dialog = _dialog(qtbot, window)
    field = dialog.findChild(QLineEdit, "printedPage")
    problem = dialog.findChild(QLabel, "printedPageProblem")
    qtbot.keyClicks(field, "99")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible() and problem.isVisible()
    assert problem.text() == "There is no printed page “99” in this book."
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "printed-page-dialog.png"))
    field.selectAll()
    qtbot.keyClicks(field, "9")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    wait_shown(qtbot, reader)
    qtbot.waitUntil(lambda: label.text() == "p. 9", timeout=5_000)
    # Page 9 starts with the end of a word page 8 hyphenated (`disagreea-` / `ble`):
    # its first line is at the top of the screen.
    top = reader.canonical_text()[reader.top_offset() : reader.top_offset() + 200]
    assert "disagreeable were the sensations" in top
    window.grab().save(str(SCREENSHOTS / "printed-page-status-bar.png"))

    # A quotation from page 9 cites it; the highlight made there is as any other.
    phrase = "the sensations it produced"
    cursor = reader.document().find(phrase)
    assert not cursor.isNull()
    drag_select(qtbot, reader, cursor.selectionStart(), cursor.selectionEnd())
    assert reader.textCursor().selectedText() == phrase
    qtbot.keyClick(reader, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: len(stored(window)) == 1, timeout=5_000)
    [highlight] = stored(window)
    text = reader.book.section_text(highlight.target.section)
    assert text[highlight.target.start : highlight.target.end] == phrase
    drag_select(qtbot, reader, cursor.selectionStart(), cursor.selectionEnd())
    qtbot.keyClick(reader, Qt.Key.Key_C, CTRL | SHIFT)
    quote = QGuiApplication.clipboard().text()
    assert quote.startswith(f"“{phrase}”\n— ")
    assert quote.endswith(", p. 9")


def test_no_printed_pages_in_a_book_never_printed(qtbot, make_window, open_and_wait):
    window = make_window()
    open_and_wait(window, CORPUS / "zh_hant_gutenberg_hong_lou_meng.txt")
    reader = window.reader
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    wait_shown(qtbot, reader)
    assert not _page_label(window).isVisible()
    assert not window.menu_actions.go_to_printed_page.isEnabled()


PROSE = "and it goes on for a good while, as the sentences of an old book do, before the"
# Enough text around each page break for the page's first line to reach the screen's top.
FILLER = "\n\n".join(["A paragraph of the part, which says little at some length."] * 30)
CONTENTS_BOOK = f"""# Contents

- The first part /2
- The second part /3
- The third part /4

# The first part

{FILLER}

This is the opening paragraph of the first part, {PROSE}

2

page ends, as pages do, and it carries on to the very end of its long sentence.

# The second part

{FILLER}

This is the opening paragraph of the second part, {PROSE}

3

next page begins, and it carries on to the very end of its long sentence.

# The third part

{FILLER}

This is the opening paragraph of the third part, {PROSE}

4

last page begins, and it carries on to the very end of its long sentence.

{FILLER}
"""


def _click_text(qtbot, reader, text: str) -> None:
    from test_annotations_highlights import point_at

    cursor = reader.document().find(text)
    assert not cursor.isNull(), text
    qtbot.mouseClick(
        reader.viewport(),
        Qt.MouseButton.LeftButton,
        pos=point_at(reader, cursor.selectionStart() + 2),
    )


def test_a_printed_contents_entry_goes_to_its_page(qtbot, make_window, open_and_wait, tmp_path):
    path = tmp_path / "contents.md"
    path.write_text(CONTENTS_BOOK, encoding="utf-8")
    window = make_window()
    open_and_wait(window, path)
    _pages_found(qtbot, window)
    reader, label = window.reader, _page_label(window)
    _click_text(qtbot, reader, "The third part /4")
    wait_shown(qtbot, reader)
    qtbot.waitUntil(lambda: label.text() == "p. 4", timeout=5_000)
    # The line where page 4 starts, mid-sentence, is the first on screen.
    top = reader.canonical_text()[reader.top_offset() : reader.top_offset() + 200]
    assert "last page begins" in top


def test_a_contents_entry_whose_page_is_not_in_the_book_says_so(
    qtbot, make_window, open_and_wait, shared_books: Path
):
    from test_sample_book import SAMPLE, _go

    window = make_window()
    open_and_wait(window, shared_books / SAMPLE)
    _go(qtbot, window, "目 录")
    section = window.reader.section
    _click_text(qtbot, window.reader, "(一)党的群众工作的优良传统 /1")
    assert window.statusBar().currentMessage() == "Printed page 1 is not in this book."
    assert window.reader.section == section


def test_go_to_printed_page_has_a_key_of_its_own(make_window):
    """Not Ctrl+G: the platform's Find Next has it (an ambiguous key fires nothing)."""
    from PySide6.QtGui import QAction

    window = make_window()
    mine = window.menu_actions.go_to_printed_page
    others = {
        key.toString()
        for action in window.findChildren(QAction)
        if action is not mine
        for key in action.shortcuts()
    }
    assert [key.toString() for key in mine.shortcuts()] == ["Ctrl+Alt+G"]
    assert "Ctrl+Alt+G" not in others
