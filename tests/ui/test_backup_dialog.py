"""The backup dialog lists backups and asks, with a confirmation, for a backup or a restore."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from readmark.core.store.schema import SCHEMA_VERSION
from readmark.ui.dialogs.backup_dialog import BackupDialog


@dataclass(frozen=True)
class Backup:
    path: Path
    created: float
    reason: str = "startup"
    schema_version: int | None = SCHEMA_VERSION
    annotation_count: int | None = 12


BACKUPS = [
    Backup(Path("/b/older.sqlite"), 1_700_000_000.0, "startup", SCHEMA_VERSION, 1),
    Backup(Path("/b/newest.sqlite"), 1_700_100_000.0, "manual", SCHEMA_VERSION, 340),
    Backup(Path("/b/future.sqlite"), 1_699_000_000.0, "startup", SCHEMA_VERSION + 1, 5),
    Backup(Path("/b/broken.sqlite"), 1_698_000_000.0, "startup", None, None),
]


@pytest.fixture
def dialog(qtbot):
    made = BackupDialog(BACKUPS)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def rows(dialog: BackupDialog) -> list[list[str]]:
    tree = dialog.list
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
        for r in range(tree.topLevelItemCount())
    ]


def select(qtbot, dialog: BackupDialog, row: int) -> None:
    item = dialog.list.topLevelItem(row)
    rect = dialog.list.visualItemRect(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def answer_confirmation(button_text: str, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.informativeText())
    next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()


def test_lists_newest_first_with_counts(dialog):
    listed = rows(dialog)
    assert [r[3] for r in listed] == [
        "newest.sqlite",
        "older.sqlite",
        "future.sqlite",
        "broken.sqlite",
    ]
    assert listed[0][2] == "340 annotations"
    assert listed[1][2] == "1 annotation"
    assert listed[0][1] == "Backed up by you"
    assert listed[3][2] == "Damaged"
    assert not dialog.restore_button.isEnabled()  # nothing selected yet


def test_back_up_now_emits(qtbot, dialog):
    with qtbot.waitSignal(dialog.backup_requested):
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)


def test_restore_asks_first_and_says_the_current_state_is_backed_up(qtbot, dialog):
    select(qtbot, dialog, 0)
    assert dialog.restore_button.isEnabled()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: answer_confirmation("Restore", seen))
    with qtbot.waitSignal(dialog.restore_requested) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [Path("/b/newest.sqlite")]
    assert "backed up first" in seen[0]
    assert "340" in seen[0]


def test_cancelling_the_confirmation_restores_nothing(qtbot, dialog):
    select(qtbot, dialog, 1)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: answer_confirmation("Cancel", seen))
    with qtbot.assertNotEmitted(dialog.restore_requested):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert seen


def test_unusable_backups_cannot_be_chosen(qtbot, dialog):
    for row in (2, 3):  # from a newer Readmark; unreadable
        select(qtbot, dialog, row)
        assert not dialog.restore_button.isEnabled()


def test_set_backups_refreshes_and_keeps_the_selection(qtbot, dialog):
    select(qtbot, dialog, 1)
    made = Backup(Path("/b/just-now.sqlite"), 1_700_200_000.0, "manual", SCHEMA_VERSION, 341)
    dialog.set_backups([made, *BACKUPS])
    assert rows(dialog)[0][3] == "just-now.sqlite"
    assert dialog.selected_path() == Path("/b/older.sqlite")


def test_no_backups(qtbot):
    dialog = BackupDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible()
    assert not dialog.list.isVisible()
    assert not dialog.restore_button.isEnabled()
