"""The table of contents dock: click to go, and it follows what is being read."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from readmark.core.book import TocEntry

_TARGET = Qt.ItemDataRole.UserRole


class TocPanel(QDockWidget):
    entry_activated = Signal(int, str)  # section, anchor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Contents"), parent)
        self.setObjectName("toc")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("tocTree")
        self.tree.setAccessibleName(self.tr("Contents"))
        self.tree.setAccessibleDescription(self.tr("Arrows choose a chapter, Enter goes to it"))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.setWidget(self.tree)
        self._items: dict[tuple[int, str], QTreeWidgetItem] = {}
        self._first_of_section: dict[int, QTreeWidgetItem] = {}
        self._current: QTreeWidgetItem | None = None

    def set_entries(self, entries: list[TocEntry]) -> None:
        self.tree.clear()
        self._items.clear()
        self._first_of_section.clear()
        self._current = None

        def add(entry: TocEntry, parent: QTreeWidgetItem | None) -> None:
            item = QTreeWidgetItem([entry.title])
            item.setToolTip(0, entry.title)
            item.setData(0, _TARGET, (entry.section, entry.anchor))
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            self._items.setdefault((entry.section, entry.anchor), item)
            self._first_of_section.setdefault(entry.section, item)
            for child in entry.children:
                add(child, item)

        for entry in entries:
            add(entry, None)
        self.tree.expandToDepth(0)

    def clear(self) -> None:
        self.set_entries([])

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        section, anchor = item.data(0, _TARGET)
        self.entry_activated.emit(section, anchor)
        # One mark only: the entry being read, which the reader has told by now
        # (or will, once a slow section is shown) — not the row clicked as well.
        self._show_current()

    def mark_location(self, section: int, anchor: str) -> None:
        """Highlight the entry being read without emitting a navigation."""
        item = self._items.get((section, anchor))
        if item is None:
            item = self._first_of_section.get(section)
            # A section without its own entry (a split part) belongs to the last
            # entry before it.
            probe = section
            while item is None and probe > 0:
                probe -= 1
                item = self._first_of_section.get(probe)
        if item is None:
            return
        if item is not self._current:
            if self._current is not None:
                font = self._current.font(0)
                font.setBold(False)
                self._current.setFont(0, font)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self._current = item
        self._show_current()

    def _show_current(self) -> None:
        item = self._current
        if item is None or self.tree.currentItem() is item:
            return
        blocker = self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(blocker)
        self.tree.scrollToItem(item)

    def current_target(self) -> tuple[int, str] | None:
        return self._current.data(0, _TARGET) if self._current else None
