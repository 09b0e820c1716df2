"""The preview of an import from another reader: which books its marks were
matched to, and how many will be placed, are already here, or cannot be found
(and are kept with their quote). Import or Cancel; nothing is written before."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readmark.core.importers.plan import ImportPlan
from readmark.core.importers.records import READER_NAMES
from readmark.i18n import format_number


class ImportDialog(QDialog):
    def __init__(self, plan: ImportPlan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import Annotations"))
        self.plan = plan
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Annotations from {reader} in {file}").format(
                reader=READER_NAMES.get(plan.format, plan.format), file=file_name
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.books = QTreeWidget()
        self.books.setObjectName("importBooks")
        self.books.setRootIsDecorated(False)
        self.books.setHeaderLabels(
            [self.tr("Book in the file"), self.tr("In your library"), self.tr("Marks")]
        )
        for match in plan.books:
            where = match.title if match.path is not None else self.tr("Not in the library")
            row = QTreeWidgetItem(
                [match.ref.title or self.tr("(not named)"), where, format_number(match.marks)]
            )
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if match.path is not None:
                row.setToolTip(1, str(match.path))
            self.books.addTopLevelItem(row)
        for column in range(3):
            self.books.resizeColumnToContents(column)
        layout.addWidget(self.books)
        counts = QFormLayout()
        self.placed = QLabel(format_number(plan.placed))
        self.here = QLabel(format_number(plan.here))
        self.unplaced = QLabel(format_number(plan.unplaced))
        for label, name in (
            (self.placed, "placed"),
            (self.here, "here"),
            (self.unplaced, "unplaced"),
        ):
            label.setObjectName(f"import_{name}")
        counts.addRow(self.tr("Will be placed in their book:"), self.placed)
        counts.addRow(self.tr("Already here (not imported again):"), self.here)
        counts.addRow(self.tr("Cannot be found (kept with their quote):"), self.unplaced)
        if plan.no_book:
            self.no_book = QLabel(format_number(plan.no_book))
            self.no_book.setObjectName("import_no_book")
            counts.addRow(
                self.tr("Not imported, the file names no book (open it first):"), self.no_book
            )
        left_out = sum(plan.left_out.values())
        if left_out:
            self.left_out = QLabel(format_number(left_out))
            self.left_out.setToolTip(
                "\n".join(
                    f"{QCoreApplication.translate('ImportReason', reason)}: {format_number(count)}"
                    for reason, count in sorted(plan.left_out.items())
                )
            )
            counts.addRow(
                self.tr("Left out (earlier versions, empty, clipping limit):"), self.left_out
            )
        layout.addLayout(counts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(plan.placed + plan.unplaced > 0)
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)
