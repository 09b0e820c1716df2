"""What the window shows with no book open: recent books and a way to open one."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readmark.core.store.library import BookRecord
from readmark.ui.shell.covers import cover_icon

_PATH = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    open_requested = Signal()
    guide_requested = Signal()
    book_requested = Signal(str)  # path

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel(self.tr("Readmark"))
        font = title.font()
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Read, study and annotate the books you own — offline."))
        self.open_button = QPushButton(self.tr("Open a Book…"))
        self.open_button.clicked.connect(self.open_requested)
        self.guide_button = QPushButton(self.tr("Read the Guide"))
        self.guide_button.clicked.connect(self.guide_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.guide_button)
        buttons.addStretch(1)
        self.recent_label = QLabel(self.tr("Recent books"))
        self.recent = QListWidget()
        self.recent.setObjectName("recentBooks")
        self.recent.setSpacing(4)
        self.recent.setWordWrap(True)
        self.recent.setIconSize(QSize(36, 52))
        self.recent.itemActivated.connect(self._activated)
        self.recent.itemClicked.connect(self._activated)
        self.empty_label = QLabel(
            self.tr("Books you open appear here. You can also drop a file on this window.")
        )
        self.empty_label.setWordWrap(True)

        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent, 1)
        column.addWidget(self.empty_label)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        inner.setMaximumWidth(720)
        outer.addWidget(inner, 4)
        outer.addStretch(1)

    def set_recent(self, records: list[BookRecord]) -> None:
        self.recent.clear()
        line = QFontMetrics(self.recent.font()).lineSpacing()
        for record in records:
            label = record.title
            if record.authors:
                label += " — " + record.authors
            item = QListWidgetItem(f"{label}\n{record.path}")
            # Two lines, tall enough for CJK fallback glyphs, which the default
            # size hint (measured with the Latin font) cuts off.
            item.setSizeHint(QSize(0, max(int(line * 2.8), 56)))
            icon = cover_icon(record.content_id)
            if icon is not None:
                item.setIcon(icon)
            item.setToolTip(record.path)
            item.setData(_PATH, record.path)
            self.recent.addItem(item)
        has_any = bool(records)
        self.recent.setVisible(has_any)
        self.recent_label.setVisible(has_any)
        self.empty_label.setVisible(not has_any)

    def _activated(self, item: QListWidgetItem) -> None:
        self.book_requested.emit(item.data(_PATH))
