"""Edit a book's details as the library keeps them: title, authors, series, tags.

The book file is never changed; what is typed here is stored in Readmark's
library (`Catalog.set_details`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from readmark.core.store.catalog import CatalogEntry


class DetailsDialog(QDialog):
    def __init__(self, entry: CatalogEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookDetails")
        self.setWindowTitle(self.tr("Book Details"))
        self.path = entry.path
        self.title_edit = QLineEdit(entry.title)
        self.title_edit.setObjectName("detailsTitle")
        self.authors_edit = QLineEdit(entry.authors)
        self.authors_edit.setObjectName("detailsAuthors")
        self.authors_edit.setPlaceholderText(self.tr("Separated by commas"))
        self.series_edit = QLineEdit(entry.series)
        self.series_edit.setObjectName("detailsSeries")
        self.tags_edit = QLineEdit(", ".join(entry.tags))
        self.tags_edit.setObjectName("detailsTags")
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas"))
        note = QLabel(self.tr("Kept in Readmark's library; the book file is not changed."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Authors:"), self.authors_edit)
        form.addRow(self.tr("&Series:"), self.series_edit)
        form.addRow(self.tr("T&ags:"), self.tags_edit)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.title_edit.textChanged.connect(
            lambda text: self.save_button.setEnabled(bool(text.strip()))
        )
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[str, str, str, list[str]]:
        """Title, authors, series, tags as typed (cleaned by the store)."""
        tags = [t for t in (part.strip() for part in self.tags_edit.text().split(",")) if t]
        return (
            self.title_edit.text(),
            self.authors_edit.text(),
            self.series_edit.text(),
            tags,
        )
