"""Edit › Preferences… (Ctrl+,): opened by keyboard, applied live to the page,
remembered after a restart, and put back by Restore Defaults."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QPushButton, QSpinBox
from reader_wait import wait_shown

from readmark import paths
from readmark.ui.dialogs.preferences_dialog import PreferencesDialog


def _open_preferences(qtbot, window) -> PreferencesDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a window shortcut needs its window active
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(PreferencesDialog, "preferencesDialog")
    assert dialog is not None, "Ctrl+, opened no preferences dialog"
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _spin(dialog, key: str) -> QSpinBox:
    box = dialog.findChild(QSpinBox, key)
    assert box is not None
    return box


def _type_number(qtbot, box, value) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, str(value))
    qtbot.keyClick(box, Qt.Key.Key_Return)


def _choose(box: QComboBox, value: str) -> None:
    box.setCurrentIndex(box.findData(value))  # what a click on the item does


def _document_height(window) -> float:
    return window.reader.document().documentLayout().documentSize().height()


def test_ctrl_comma_opens_preferences_and_line_spacing_applies_live_and_is_kept(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    before = _document_height(window)
    dialog = _open_preferences(qtbot, window)

    _type_number(qtbot, _spin(dialog, "reader.line_spacing"), 200)
    wait_shown(qtbot, window.reader)

    assert _document_height(window) > before * 1.3  # the page relaid at once
    saved = json.loads(paths.settings_file().read_text(encoding="utf-8"))
    assert saved["reader.line_spacing"] == 200

    dialog.close()
    again = make_window()  # a restart
    open_and_wait(again, long_book)
    assert _document_height(again) > before * 1.3


def test_justify_always_justifies_an_english_books_paragraphs_and_never_undoes_it(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)

    def alignments() -> set[Qt.AlignmentFlag]:
        found = set()
        block = window.reader.document().begin()
        while block.isValid():
            if block.text().startswith("Paragraph"):
                found.add(block.blockFormat().alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)
            block = block.next()
        return found

    assert Qt.AlignmentFlag.AlignJustify not in alignments()
    text_before = window.reader.document().toPlainText()
    dialog = _open_preferences(qtbot, window)
    _choose(dialog.findChild(QComboBox, "reader.justify"), "on")
    wait_shown(qtbot, window.reader)
    assert alignments() == {Qt.AlignmentFlag.AlignJustify}
    assert window.reader.document().toPlainText() == text_before  # only formats change

    _choose(dialog.findChild(QComboBox, "reader.justify"), "off")
    wait_shown(qtbot, window.reader)
    assert Qt.AlignmentFlag.AlignJustify not in alignments()


def test_a_narrower_text_width_widens_the_margins(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    window.resize(1400, 800)
    open_and_wait(window, long_book)

    def side_margin() -> float:
        return window.reader.document().rootFrame().frameFormat().leftMargin()

    wide = side_margin()
    dialog = _open_preferences(qtbot, window)
    _type_number(qtbot, _spin(dialog, "reader.column_width"), 40)
    wait_shown(qtbot, window.reader)
    assert side_margin() > wide + 50


def test_own_colour_names_reach_the_annotate_menu_and_restore_defaults_clears_them(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    dialog = _open_preferences(qtbot, window)
    dialog.tabs.setCurrentIndex(2)
    field = dialog.findChild(QLineEdit, "colourName-yellow")
    assert field is not None and field.placeholderText() == "Yellow"
    field.setFocus()
    qtbot.keyClicks(field, "Key idea")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    yellow = window.menu_actions.highlight_colours["yellow"]
    assert "Key idea" in yellow.text()
    assert "Key idea" not in window.menu_actions.highlight_colours["green"].text()

    _type_number(qtbot, _spin(dialog, "reader.font_size"), 22)
    assert window.settings.get("reader.font_size") == 22
    defaults = dialog.findChild(QPushButton, "restoreDefaults")
    qtbot.mouseClick(defaults, Qt.MouseButton.LeftButton)

    assert "Key idea" not in yellow.text()
    assert field.text() == ""
    assert window.settings.get("reader.font_size") == 15
    saved = json.loads(paths.settings_file().read_text(encoding="utf-8"))
    assert set(saved) == {"version"}  # every choice forgotten, nothing left over


def test_paragraph_spacing_and_indent_change_the_page(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    before = _document_height(window)
    dialog = _open_preferences(qtbot, window)
    spacing = dialog.findChild(QDoubleSpinBox, "reader.paragraph_spacing")
    _type_number(qtbot, spacing, "2.5")
    wait_shown(qtbot, window.reader)
    assert _document_height(window) > before + 100

    _choose(dialog.findChild(QComboBox, "reader.paragraph_indent"), "on")
    wait_shown(qtbot, window.reader)
    block = window.reader.document().begin()
    while block.isValid() and not block.text().startswith("Paragraph"):
        block = block.next()
    assert block.blockFormat().textIndent() > 10


def test_new_books_open_without_repair_when_the_reader_says_so(
    qtbot, make_window, open_and_wait, tmp_path: Path
):
    book = tmp_path / "converted.md"
    book.write_text("# A\n\nThe sentence goes\n\non after the page.\n", encoding="utf-8")
    window = make_window()
    dialog = _open_preferences(qtbot, window)
    dialog.tabs.setCurrentIndex(1)
    repair = dialog.findChild(type(dialog.repair), "books.repair")
    qtbot.mouseClick(repair, Qt.MouseButton.LeftButton)
    assert window.settings.get("books.repair") is False
    open_and_wait(window, book)
    assert not window.menu_actions.repair.isChecked()
    assert window.reader.book is not None and not window.reader.book.options.repair


def test_choosing_another_language_says_it_needs_a_restart(qtbot, make_window):
    window = make_window()
    dialog = _open_preferences(qtbot, window)
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.restart_hint.isVisible()
    _choose(dialog.findChild(QComboBox, "ui.language"), "zh_CN")
    assert dialog.restart_hint.isVisible()
    assert window.settings.get("ui.language") == "zh_CN"


def test_backups_go_to_the_folder_chosen(qtbot, make_window, open_and_wait, long_book, tmp_path):
    window = make_window()
    open_and_wait(window, long_book)
    dialog = _open_preferences(qtbot, window)
    dialog.tabs.setCurrentIndex(3)
    target = tmp_path / "my backups"
    field = dialog.findChild(QLineEdit, "backupFolder")
    field.setFocus()
    qtbot.keyClicks(field, str(target))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    _type_number(qtbot, _spin(dialog, "backups.keep"), 2)

    for _ in range(3):
        with qtbot.waitSignal(window.tools.backed_up, timeout=10_000):
            window.menu_actions.backup_now.trigger()
    made = sorted(target.glob("library-*.sqlite3"))
    assert len(made) == 2  # kept as many as asked
    assert not list(paths.backups_dir().glob("library-*manual*.sqlite3"))


def test_watched_folders_are_listed_added_and_dropped_in_preferences(
    qtbot, make_window, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QListWidget

    folder = tmp_path / "Incoming"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window = make_window()
    dialog = _open_preferences(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.watched)
    listed = dialog.findChild(QListWidget, "watchedFolders")
    assert listed.count() == 0
    qtbot.mouseClick(dialog.findChild(QPushButton, "watchFolder"), Qt.MouseButton.LeftButton)

    assert [listed.item(i).text() for i in range(listed.count())] == [str(folder)]
    assert window.library.catalog.watched_folders() == [folder]
    listed.setCurrentRow(0)
    qtbot.mouseClick(dialog.findChild(QPushButton, "unwatchFolder"), Qt.MouseButton.LeftButton)
    assert listed.count() == 0
    assert window.library.catalog.watched_folders() == []
