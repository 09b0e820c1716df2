"""The backups of the annotation store: list them, make one, restore one.

The dialog does no file work: it asks (signals) and the window does it, then
gives the dialog the new list with `set_backups`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readmark.core.store.schema import SCHEMA_VERSION
from readmark.i18n import format_datetime, format_number

_PATH = Qt.ItemDataRole.UserRole


class BackupInfo(Protocol):
    """What the dialog shows of a backup; readmark.core.store.backups.BackupInfo fits."""

    @property
    def path(self) -> Path: ...
    @property
    def created(self) -> float: ...  # seconds since the epoch
    @property
    def reason(self) -> str: ...  # "startup", "before-migration", "before-restore", "manual"
    @property
    def schema_version(self) -> int | None: ...  # None: the file cannot be read
    @property
    def annotation_count(self) -> int | None: ...  # None: the file cannot be read


class BackupDialog(QDialog):
    backup_requested = Signal()
    restore_requested = Signal(Path)

    def __init__(self, backups: Sequence[BackupInfo] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Annotation Backups"))
        intro = QLabel(
            self.tr(
                "Readmark backs up your highlights, notes and bookmarks (of every book) "
                "regularly. Restoring a backup replaces them all with the backup's."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.list = QTreeWidget(self)
        self.list.setObjectName("backupList")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Annotations"), self.tr("File")]
        )
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item, _column: self.restore_selected())
        self.empty = QLabel(self.tr("No backups yet."), self)
        self.empty.setObjectName("backupsEmpty")

        self.backup_button = QPushButton(self.tr("Back Up Now"), self)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_requested)
        self.restore_button = QPushButton(self.tr("Restore Selected…"), self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(560, 360)
        self._backups: dict[str, BackupInfo] = {}
        self.set_backups(backups)

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        """Show `backups`, newest first; keeps the selection when it is still there."""
        selected = self.selected_path()
        self.list.clear()
        self._backups = {}
        reasons = {
            "startup": self.tr("Automatic"),
            "manual": self.tr("Backed up by you"),
            "before-migration": self.tr("Before an upgrade"),
            "before-restore": self.tr("Before a restore"),
        }
        for backup in sorted(backups, key=lambda b: b.created, reverse=True):
            unreadable = backup.annotation_count is None or backup.schema_version is None
            newer = not unreadable and (backup.schema_version or 0) > SCHEMA_VERSION
            if unreadable:
                count = self.tr("Damaged")
            elif backup.annotation_count == 1:
                count = self.tr("1 annotation")
            else:
                count = self.tr("%Ln annotations", "", backup.annotation_count or 0)
            reason = reasons.get(backup.reason, backup.reason)
            item = QTreeWidgetItem(
                [format_datetime(backup.created), reason, count, backup.path.name]
            )
            item.setData(0, _PATH, str(backup.path))
            item.setToolTip(3, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if unreadable or newer:
                # Nothing to restore from: say why instead of failing later.
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                why = (
                    self.tr("This backup cannot be read")
                    if unreadable
                    else self.tr("Made by a newer version of Readmark")
                )
                for column in range(4):
                    item.setToolTip(column, why)
            self.list.addTopLevelItem(item)
            self._backups[str(backup.path)] = backup
            if selected is not None and backup.path == selected and not (unreadable or newer):
                item.setSelected(True)
                self.list.setCurrentItem(item)
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        self.list.setVisible(bool(self._backups))
        self.empty.setVisible(not self._backups)
        self._update_buttons()

    def selected_path(self) -> Path | None:
        items = self.list.selectedItems()
        return Path(items[0].data(0, _PATH)) if items else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    def restore_selected(self) -> None:
        path = self.selected_path()
        backup = self._backups.get(str(path)) if path is not None else None
        if backup is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore Backup?"),
            self.tr("Restore the backup made {when}?").format(
                when=format_datetime(backup.created, long=True)
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmRestore")
        box.setInformativeText(
            self.tr(
                "All your current highlights, notes and bookmarks, in every book, will be "
                "replaced by the {count} in this backup. They are backed up first, so you "
                "can go back to them from this list."
            ).format(count=format_number(backup.annotation_count or 0))
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is restore:
            self.restore_requested.emit(backup.path)
