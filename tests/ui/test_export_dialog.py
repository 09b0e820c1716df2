"""The export dialog: a person picks a format and a file; the dialog returns the choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from readmark.ui.dialogs.export_dialog import ExportChoice, ExportDialog, ExportFormat, file_name


@pytest.fixture
def dialog(qtbot, tmp_path):
    made = ExportDialog("Moby-Dick; or, The Whale", tmp_path)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def press_export(qtbot, dialog: ExportDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_default_is_markdown_named_after_the_book(dialog, tmp_path):
    assert dialog.format() is ExportFormat.MARKDOWN
    assert dialog.path() == tmp_path / "Moby-Dick; or, The Whale.md"
    assert dialog.include_orphaned.isChecked()


def test_picking_a_format_changes_the_extension(qtbot, dialog, tmp_path):
    qtbot.mouseClick(dialog.findChild(object, "format-html"), Qt.MouseButton.LeftButton)
    assert dialog.path() == tmp_path / "Moby-Dick; or, The Whale.html"
    qtbot.mouseClick(dialog.findChild(object, "format-w3c-json"), Qt.MouseButton.LeftButton)
    press_export(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice() == ExportChoice(
        ExportFormat.W3C_JSON, tmp_path / "Moby-Dick; or, The Whale.json", True
    )


def test_choose_a_file_in_the_file_dialog(qtbot, dialog, tmp_path, monkeypatch):
    asked = {}

    def fake_save(parent, caption, directory, filters, options=None):
        asked.update(directory=directory, filters=filters, options=options)
        return str(tmp_path / "notes" / "whale"), filters  # the user typed no extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    qtbot.mouseClick(dialog.findChild(object, "format-html"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(object, "exportBrowse"), Qt.MouseButton.LeftButton)
    assert asked["directory"].endswith("Moby-Dick; or, The Whale.html")
    assert "*.html" in asked["filters"]
    assert asked["options"] != QFileDialog.Option.DontConfirmOverwrite  # HTML is replaced
    qtbot.mouseClick(dialog.include_orphaned, Qt.MouseButton.LeftButton)
    press_export(qtbot, dialog)
    choice = dialog.choice()
    assert choice.format is ExportFormat.HTML
    assert choice.path == tmp_path / "notes" / "whale.html"
    assert choice.include_orphaned is False


def test_cancelling_the_file_dialog_keeps_the_path(qtbot, dialog, monkeypatch):
    before = dialog.path()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    qtbot.mouseClick(dialog.findChild(object, "exportBrowse"), Qt.MouseButton.LeftButton)
    assert dialog.path() == before


def test_replacing_an_existing_file_is_asked(qtbot, dialog, tmp_path, monkeypatch):
    (tmp_path / "Moby-Dick; or, The Whale.html").write_text("old", encoding="utf-8")
    qtbot.mouseClick(dialog.findChild(object, "format-html"), Qt.MouseButton.LeftButton)
    assert not dialog.updates.isVisible()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    press_export(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    press_export(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not answers


def test_ask_returns_none_on_cancel(qtbot, tmp_path):
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert ExportDialog.ask("Title", tmp_path) is None


def test_file_names_are_safe():
    assert file_name('What? A "Book": 1/2', ExportFormat.MARKDOWN) == "What A Book 1 2.md"
    assert file_name("...", ExportFormat.HTML) == "annotations.html"
    assert file_name("红楼梦", ExportFormat.W3C_JSON) == "红楼梦.json"


def test_an_existing_note_is_updated_and_the_dialog_says_so(qtbot, dialog, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a)))
    assert not dialog.updates.isVisible()
    (tmp_path / "notes.md").write_text("my note", encoding="utf-8")
    dialog.path_edit.setText(str(tmp_path / "notes.md"))  # as if typed
    assert dialog.updates.isVisible()
    assert "will update the highlights it wrote there" in dialog.updates.text()
    assert dialog.mark_deleted.isVisible()
    qtbot.mouseClick(dialog.mark_deleted, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(object, "format-logseq"), Qt.MouseButton.LeftButton)
    assert dialog.updates.isVisible()  # a Logseq page is a note too
    # Choosing the note in the file dialog does not ask to replace it either.
    asked_options = []

    def fake_save(parent, caption, directory, filters, options=None):
        asked_options.append(options)
        return str(tmp_path / "notes.md"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    qtbot.mouseClick(dialog.findChild(object, "exportBrowse"), Qt.MouseButton.LeftButton)
    assert asked_options == [QFileDialog.Option.DontConfirmOverwrite]
    press_export(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and not asked
    assert dialog.choice() == ExportChoice(ExportFormat.LOGSEQ, tmp_path / "notes.md", True, True)
    # CSV for Readwise is written anew: no such option.
    qtbot.mouseClick(dialog.findChild(object, "format-readwise"), Qt.MouseButton.LeftButton)
    assert dialog.mark_deleted.isHidden() and dialog.updates.isHidden()
