"""The library's side list: all books, then each collection with its count.

Choosing one shows its books (`chosen`: a name, or "" for all books); the rest
are requests the room answers (make, rename, delete a collection).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readmark.i18n import format_number

_NAME = Qt.ItemDataRole.UserRole  # the collection's name; "" = all books


class CollectionsPanel(QWidget):
    chosen = Signal(str)  # a collection's name, or "" for all books
    create_requested = Signal()
    rename_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryCollections")
        self.list = QListWidget()
        self.list.setObjectName("collectionsList")
        self.list.setAccessibleName(self.tr("Collections"))
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.new_button = QPushButton(self.tr("New Collection…"))
        self.new_button.setObjectName("newCollection")
        self.new_button.clicked.connect(self.create_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new_button)
        self._chosen = ""

    @property
    def current(self) -> str:
        return self._chosen

    def set_collections(self, total: int, collections: list[tuple[str, int]]) -> None:
        """Show them, keeping the one chosen (all books if it is gone)."""
        blocker = self.list.blockSignals(True)
        self.list.clear()
        everything = QListWidgetItem(
            self.tr("All Books ({count})").format(count=format_number(total))
        )
        everything.setData(_NAME, "")
        self.list.addItem(everything)
        chosen = everything
        for name, count in collections:
            item = QListWidgetItem(f"{name} ({format_number(count)})")
            item.setData(_NAME, name)
            self.list.addItem(item)
            if name == self._chosen:
                chosen = item
        self.list.setCurrentItem(chosen)
        self.list.blockSignals(blocker)
        if chosen.data(_NAME) != self._chosen:
            self._chosen = chosen.data(_NAME)
            self.chosen.emit(self._chosen)

    def choose(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(_NAME) == name:
                self.list.setCurrentRow(row)
                return

    def _current_changed(self, item: QListWidgetItem | None) -> None:
        name = item.data(_NAME) if item is not None else ""
        if name != self._chosen:
            self._chosen = name
            self.chosen.emit(name)

    def _context_menu(self, where: QPoint) -> None:
        item = self.list.itemAt(where)
        menu = QMenu(self)
        if item is not None and item.data(_NAME):
            name = item.data(_NAME)
            menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit(name))
            menu.addAction(self.tr("Delete Collection"), lambda: self.delete_requested.emit(name))
            menu.addSeparator()
        menu.addAction(self.tr("New Collection…"), self.create_requested.emit)
        menu.popup(self.list.viewport().mapToGlobal(where))
