"""Plain-text books in the window: the encoding shown and chosen, chapters switched off."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt

LEFT = Qt.MouseButton.LeftButton

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
    assert "big5" in window.menu_actions.encodings[""].text().lower()  # "found: big5"
    assert window.menu_actions.encoding_menu.menuAction().isEnabled()

    # The reader insists it is GB18030: the book reopens that way (mojibake, no crash).
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.menu_actions.encodings["gb18030"].trigger()
    assert window.reader.book.options.encoding == "gb18030"
    assert window.encoding_label.text() == "GB18030"
    assert window.menu_actions.encodings["gb18030"].isChecked()
    window.close()

    again = make_window()
    open_and_wait(again, book)
    assert again.reader.book.options.encoding == "gb18030"  # remembered per book
    with qtbot.waitSignal(again.book_shown, timeout=10_000):
        again.menu_actions.encodings[""].trigger()  # back to detection
    assert again.reader.book.encoding == "big5"


def test_chapter_detection_can_be_switched_off(qtbot, make_window, open_and_wait, tmp_path):
    book = tmp_path / "named.txt"
    shutil.copyfile(FIXTURES / "chinese_named.txt", book)
    window = make_window()
    open_and_wait(window, book)
    assert window.toc.tree.topLevelItemCount() > 1
    assert window.menu_actions.detect_chapters.isChecked()
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.menu_actions.detect_chapters.trigger()
    assert window.toc.tree.topLevelItemCount() == 0
    assert window.library.get(window.reader.book.path).detect_chapters is False


def test_markdown_books_have_no_text_choices(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    assert not window.encoding_label.isVisible()
    assert not window.menu_actions.detect_chapters.isEnabled()
    assert not window.menu_actions.encoding_menu.menuAction().isEnabled()


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
        window.menu_actions.encodings["utf-8"].trigger()
    assert "吾輩" not in window.reader.toPlainText()
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.menu_actions.encodings["iso2022_jp"].trigger()
    assert "吾輩は猫である。" in window.reader.toPlainText()


def test_the_chapter_rules_are_shown_with_what_they_found(
    qtbot, make_window, open_and_wait, tmp_path: Path
):
    from readmark.core.formats.plaintext import RULES

    book = tmp_path / "named.txt"
    shutil.copyfile(FIXTURES / "chinese_named.txt", book)
    window = make_window()
    open_and_wait(window, book)
    assert window.menu_actions.chapter_rules.isEnabled()
    window.menu_actions.chapter_rules.trigger()
    dialog = window.chapter_rules_dialog
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.table
    rows = {RULES[r].name: table.item(r, 2).text() for r in range(table.rowCount())}
    assert len(rows) == len(RULES)
    assert rows["chinese-chapter"] == "2" and rows["chinese-named"] == "4"
    assert rows["english-chapter"] == "0"
    assert "第十二回" in table.item(1, 1).text()  # the examples
    titles_before = window.toc.tree.topLevelItemCount()
    assert titles_before > 0

    # Switching detection off from the dialog reopens the book as one text.
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        box = dialog.detect
        qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))  # on the tick box
    assert not window.reader.book.options.detect_chapters
    assert not window.menu_actions.detect_chapters.isChecked()
    assert window.toc.tree.topLevelItemCount() == 0


def test_chapter_rules_speak_chinese(qtbot, make_window, open_and_wait, tmp_path: Path):
    book = tmp_path / "named.txt"
    shutil.copyfile(FIXTURES / "chinese_named.txt", book)
    from readmark import i18n

    app = QCoreApplication.instance()
    assert i18n.install_translator(app, "zh_CN")
    try:
        window = make_window("zh_CN")
        open_and_wait(window, book)
        window.menu_actions.chapter_rules.trigger()
        table = window.chapter_rules_dialog.table
        assert table.horizontalHeaderItem(0).text() == "规则"
        assert "第一章" in table.item(1, 0).text() and "Chinese" not in table.item(1, 0).text()
    finally:
        i18n.uninstall_translators(app)  # English and the default locale for other tests
