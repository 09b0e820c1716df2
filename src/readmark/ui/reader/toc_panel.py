"""The table of contents dock: click to go, and it follows what is being read.

A big book's contents (a 10 MB converted book has 7,777 entries) are filled in
chunks: a dock's worth at once, the rest a chunk per turn of the event loop,
starting a moment later, so the first screen of text is painted without waiting
for rows nobody sees yet (on a zero timer the second chunk would run before the
reader's first paint, which comes a few events after the book is set). The mark
on the entry being read waits for its row when it is not made yet, so the result
is the same tree, marked the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from readmark.core.book import TocEntry

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt

# Qt.ItemDataRole.UserRole, by its value: the enum would build the `Qt` namespace
# before the first screen (readmark/lazy_qt.py); item roles are ints to PySide.
_TARGET = 0x0100
# Rows made per turn of the event loop: a few milliseconds' work each. The
# first chunk is made at once, before the first screen: a dock's worth.
FIRST_ROWS = 150
CHUNK_ROWS = 800
# When the rest starts: the first screen is painted within a few milliseconds of
# the book being set, unless the machine is very busy (then a chunk may come first).
REST_AFTER_MS = 50


class TocPanel(QDockWidget):
    entry_activated = Signal(int, str)  # section, anchor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Contents"), parent)
        self.setObjectName("toc")
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
        self._pending: Iterator[tuple[list[QTreeWidgetItem], bool]] | None = None
        self._wanted: tuple[int, str] | None = None  # marked once every row is made
        self._fill_generation = 0  # a chunk timer of a book since replaced does nothing

    def keep_to_the_sides(self) -> None:
        """Docked only left or right: told once the first screen is painted (naming the
        areas builds the `Qt` namespace), before the reader can drag the dock."""
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )

    def set_entries(self, entries: list[TocEntry]) -> None:
        self._pending = None
        self._wanted = None
        self.tree.clear()
        self._items.clear()
        self._first_of_section.clear()
        self._current = None
        self._pending = self._top_level_chunks(entries)
        self._fill_generation += 1
        generation = self._fill_generation
        self._fill_chunk(generation, first=True)  # a dock's worth now, the rest later

    def _top_level_chunks(
        self, entries: list[TocEntry]
    ) -> Iterator[tuple[list[QTreeWidgetItem], bool]]:
        """Top-level items with their subtrees, in document order, about
        CHUNK_ROWS rows at a time, each with whether it is the last."""
        items = self._items
        first = self._first_of_section
        chunk: list[QTreeWidgetItem] = []
        rows = 0
        limit = FIRST_ROWS
        last = len(entries) - 1
        for n, entry in enumerate(entries):
            top = QTreeWidgetItem([entry.title])
            stack: list[tuple[TocEntry, QTreeWidgetItem]] = [(entry, top)]
            while stack:  # depth first, children in order: setdefault keeps the first
                node, item = stack.pop()
                target = (node.section, node.anchor)
                item.setToolTip(0, node.title)
                item.setData(0, _TARGET, target)
                items.setdefault(target, item)
                first.setdefault(node.section, item)
                rows += 1
                if node.children:
                    kids = [QTreeWidgetItem([child.title]) for child in node.children]
                    item.addChildren(kids)
                    stack.extend(zip(reversed(node.children), reversed(kids), strict=True))
            chunk.append(top)
            if rows >= limit or n == last:
                yield chunk, n == last
                chunk, rows, limit = [], 0, CHUNK_ROWS

    def _fill_chunk(self, generation: int, first: bool = False) -> None:
        chunks = self._pending
        if chunks is None or generation != self._fill_generation:
            return
        chunk, last = next(chunks, ([], True))
        self.tree.addTopLevelItems(chunk)
        for item in chunk:
            item.setExpanded(True)
        if not last:
            later = REST_AFTER_MS if first else 0
            QTimer.singleShot(later, self, lambda: self._fill_chunk(generation))
            return
        self._pending = None
        wanted, self._wanted = self._wanted, None
        if wanted is not None:
            self.mark_location(*wanted)

    def is_filled(self) -> bool:
        """Whether every entry of the book's contents has its row."""
        return self._pending is None

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
        if item is None and self._pending is not None:
            # Not every row is made yet. The entry itself, once made, is the
            # one (rows come in book order, the first with a target is kept);
            # a stand-in for it must wait for the last chunk.
            self._wanted = (section, anchor)
            return
        self._wanted = None
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
        if self._wanted is not None:
            return self._wanted
        return self._current.data(0, _TARGET) if self._current else None
