"""Preferences › Library: the folders whose new books join the library.

It lists what the library says is watched and asks for changes
(`watch_requested`, `unwatch_requested`); the window's library wiring does them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WatchedFoldersTab(QWidget):
    watch_requested = Signal(object)  # Path: watch this folder too
    unwatch_requested = Signal(object)  # Path: stop watching it (its books stay)

    def __init__(self, folders: Callable[[], list[Path]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folders = folders
        intro = QLabel(
            self.tr(
                "Books that appear in these folders join the library, when Readmark starts "
                "and while it runs. Stopping to watch a folder keeps its books."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("watchedFolders")
        self.list.setAccessibleName(self.tr("Watched folders"))
        self.add_button = QPushButton(self.tr("&Watch a Folder…"))
        self.add_button.setObjectName("watchFolder")
        self.remove_button = QPushButton(self.tr("&Stop Watching"))
        self.remove_button.setObjectName("unwatchFolder")
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._stop)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        current = self.list.currentItem()
        chosen = current.text() if current is not None else ""
        self.list.clear()
        for folder in self._folders():
            self.list.addItem(str(folder))
        for row in range(self.list.count()):
            if chosen and self.list.item(row).text() == chosen:
                self.list.setCurrentRow(row)
        self._enable()

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Watch a Folder for New Books"), str(Path.home())
        )
        if folder:
            self.watch_requested.emit(Path(folder))
            self.refresh()

    def _stop(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.unwatch_requested.emit(Path(item.text()))
            self.refresh()
