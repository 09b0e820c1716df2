"""Plain-text books in the window: the encoding shown and chosen, chapters switched off."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plaintext"


def test_encoding_is_shown_overridden_and_remembered(
    qtbot, make_window, open_and_wait, tmp_path: Path
):
    book = tmp_path / "novel.txt"
    shutil.copyfile(FIXTURES / "big5_wrapped.txt", book)
    window = make_window()
    open_and_wait(window, book)
    assert window.reader.book.format == "text"
    assert window.encoding_label.isVisible()
    assert window.encoding_label.text() == "BIG5"
    assert "big5" in window.actions.encodings[""].text().lower()  # "found: big5"
    assert window.actions.encoding_menu.menuAction().isEnabled()

    # The reader insists it is GB18030: the book reopens that way (mojibake, no crash).
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.actions.encodings["gb18030"].trigger()
    assert window.reader.book.options.encoding == "gb18030"
    assert window.encoding_label.text() == "GB18030"
    assert window.actions.encodings["gb18030"].isChecked()
    window.close()

    again = make_window()
    open_and_wait(again, book)
    assert again.reader.book.options.encoding == "gb18030"  # remembered per book
    with qtbot.waitSignal(again.book_shown, timeout=10_000):
        again.actions.encodings[""].trigger()  # back to detection
    assert again.reader.book.encoding == "big5"


def test_chapter_detection_can_be_switched_off(qtbot, make_window, open_and_wait, tmp_path):
    book = tmp_path / "named.txt"
    shutil.copyfile(FIXTURES / "chinese_named.txt", book)
    window = make_window()
    open_and_wait(window, book)
    assert window.toc.tree.topLevelItemCount() > 1
    assert window.actions.detect_chapters.isChecked()
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.actions.detect_chapters.trigger()
    assert window.toc.tree.topLevelItemCount() == 0
    assert window.library.get(window.reader.book.path).detect_chapters is False


def test_markdown_books_have_no_text_choices(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    assert not window.encoding_label.isVisible()
    assert not window.actions.detect_chapters.isEnabled()
    assert not window.actions.encoding_menu.menuAction().isEnabled()


def test_a_seven_bit_japanese_text_is_read_and_can_be_chosen(
    qtbot, make_window, open_and_wait, tmp_path: Path
):
    book = tmp_path / "neko.txt"
    shutil.copyfile(FIXTURES / "iso2022_jp.txt", book)
    window = make_window()
    open_and_wait(window, book)
    assert window.encoding_label.text() == "ISO2022_JP"
    assert "吾輩は猫である。" in window.reader.toPlainText()
    # Forced to UTF-8 it is the escape-sequence mojibake; back to ISO-2022-JP by hand.
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.actions.encodings["utf-8"].trigger()
    assert "吾輩" not in window.reader.toPlainText()
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.actions.encodings["iso2022_jp"].trigger()
    assert "吾輩は猫である。" in window.reader.toPlainText()
