"""Book › Chapter Rules…: how a plain-text book's chapters were found.

Lists every rule the plain-text loader knows, in the reader's language, with
examples and how many headings each found in this book, and lets the reader
switch detection off (the same choice as Book › Detect Chapters).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readmark.core.book import Book
from readmark.core.formats.plaintext import RULES
from readmark.i18n import format_number


class ChapterRulesDialog(QDialog):
    def __init__(self, book: Book, detect: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chapterRulesDialog")
        self.setWindowTitle(self.tr("Chapter Rules"))
        found = sum(book.chapter_rules.values())
        if not detect:
            summary = self.tr("Chapter detection is off for this book: it is one continuous text.")
        elif found:
            summary = self.tr(
                "{count} chapter headings were found in this book by the rules below. "
                "A line counts only when it stands alone, like a heading, not inside a sentence."
            ).format(count=format_number(found))
        else:
            summary = self.tr("No chapter headings were found in this book by the rules below.")
        label = QLabel(summary)
        label.setWordWrap(True)

        self.table = QTableWidget(len(RULES), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("Examples"), self.tr("Found in this book")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, rule in enumerate(RULES):
            count = book.chapter_rules.get(rule.name, 0) if detect else 0
            cells = (
                QCoreApplication.translate("ChapterRule", rule.description),
                " · ".join(rule.examples),
                format_number(count),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()

        self.detect = QCheckBox(self.tr("Detect chapters in this book"))
        self.detect.setChecked(detect)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(self.detect)
        layout.addWidget(buttons)
        self.resize(820, 480)
