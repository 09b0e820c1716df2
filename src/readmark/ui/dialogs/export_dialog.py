"""Asking where and how to export a book's annotations. Writing the file is the
caller's business (readmark.core.export); this only returns the choice."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from readmark.core.export.common import safe_file_name


class ExportFormat(StrEnum):
    MARKDOWN = "markdown"  # a note for Obsidian (or any Markdown editor), updated in place
    LOGSEQ = "logseq"  # a Logseq page, updated in place
    READWISE = "readwise"  # CSV for Readwise's importer
    HTML = "html"
    W3C_JSON = "w3c-json"  # W3C Web Annotation Data Model, JSON-LD

    @property
    def extension(self) -> str:
        return {
            "markdown": ".md",
            "logseq": ".md",
            "readwise": ".csv",
            "html": ".html",
            "w3c-json": ".json",
        }[self.value]

    @property
    def is_note(self) -> bool:
        """A later export into the same file updates it instead of replacing it."""
        return self in (ExportFormat.MARKDOWN, ExportFormat.LOGSEQ)


@dataclass(frozen=True)
class ExportChoice:
    format: ExportFormat
    path: Path
    include_orphaned: bool
    mark_deleted: bool = False  # a note: keep annotations deleted in Readmark, marked


_EXTENSIONS = {f.extension for f in ExportFormat}


def file_name(title: str, format: ExportFormat) -> str:
    """A file name from the book's title, safe on every desktop system."""
    return safe_file_name(title) + format.extension


class ExportDialog(QDialog):
    def __init__(
        self,
        book_title: str,
        directory: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Annotations"))
        self._title = book_title
        self._confirmed: Path | None = None  # chosen in the file dialog: already asked

        self.formats = QButtonGroup(self)
        self._buttons: dict[ExportFormat, QRadioButton] = {}
        labels = {
            ExportFormat.MARKDOWN: self.tr("Markdown note — for Obsidian and other notes apps"),
            ExportFormat.LOGSEQ: self.tr("Logseq page — an outline with block properties"),
            ExportFormat.READWISE: self.tr("Readwise CSV — for Readwise's importer"),
            ExportFormat.HTML: self.tr("HTML — to read or print in a browser"),
            ExportFormat.W3C_JSON: self.tr("JSON (W3C Web Annotation) — for other programs"),
        }
        choices = QVBoxLayout()
        for format, label in labels.items():
            button = QRadioButton(label, self)
            button.setObjectName(f"format-{format.value}")
            self.formats.addButton(button)
            self._buttons[format] = button
            button.toggled.connect(self._format_changed)
            choices.addWidget(button)

        self.include_orphaned = QCheckBox(self.tr("Include annotations not found in the book"))
        self.include_orphaned.setChecked(True)
        self.include_orphaned.setToolTip(
            self.tr("Their text has changed or gone in this version of the book")
        )

        self.mark_deleted = QCheckBox(
            self.tr("Keep annotations deleted in Readmark in the note, marked as deleted")
        )
        self.mark_deleted.setObjectName("exportMarkDeleted")

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.textChanged.connect(self._update_ok)
        # What exporting into an existing note will do: said before, never asked after.
        self.updates = QLabel(self)
        self.updates.setObjectName("exportUpdates")
        self.updates.setWordWrap(True)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self.browse)
        target = QHBoxLayout()
        target.addWidget(self.path_edit, 1)
        target.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), choices)
        form.addRow("", self.include_orphaned)
        form.addRow("", self.mark_deleted)
        form.addRow(self.tr("&Save to:"), target)
        save_label = form.labelForField(target)
        if isinstance(save_label, QLabel):  # a row of field and button: it names the field
            save_label.setBuddy(self.path_edit)
        form.addRow("", self.updates)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        folder = directory if directory is not None else Path.home()
        self.path_edit.setText(str(folder / file_name(book_title, ExportFormat.MARKDOWN)))
        self._buttons[ExportFormat.MARKDOWN].setChecked(True)
        self.setMinimumWidth(520)

    def format(self) -> ExportFormat:
        for format, button in self._buttons.items():
            if button.isChecked():
                return format
        return ExportFormat.MARKDOWN

    def set_format(self, format: ExportFormat) -> None:
        self._buttons[format].setChecked(True)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def choice(self) -> ExportChoice:
        format = self.format()
        mark = format.is_note and self.mark_deleted.isChecked()
        return ExportChoice(format, self.path(), self.include_orphaned.isChecked(), mark)

    def _update_note_state(self) -> None:
        note = self.format().is_note
        self.mark_deleted.setVisible(note)
        path = self.path()
        exists = bool(self.path_edit.text().strip()) and path.is_file()
        if note and exists:
            self.updates.setText(
                self.tr(
                    "{name} exists: Readmark will update the highlights it wrote there "
                    "and keep everything you wrote."
                ).format(name=path.name)
            )
        self.updates.setVisible(note and exists)

    def _format_changed(self, checked: bool) -> None:
        if not checked:
            return
        self._update_note_state()
        # Follow the format with the extension, unless the user typed their own.
        path = self.path()
        if self.path_edit.text().strip() and path.suffix.lower() in _EXTENSIONS:
            self.path_edit.setText(str(path.with_suffix(self.format().extension)))
            self._confirmed = None

    def _update_ok(self) -> None:
        self._update_note_state()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path_edit.text().strip()))

    def _filters(self) -> str:
        return {
            ExportFormat.MARKDOWN: self.tr("Markdown (*.md)"),
            ExportFormat.LOGSEQ: self.tr("Markdown (*.md)"),
            ExportFormat.READWISE: self.tr("CSV (*.csv)"),
            ExportFormat.HTML: self.tr("HTML (*.html *.htm)"),
            ExportFormat.W3C_JSON: self.tr("JSON (*.json)"),
        }[self.format()]

    def browse(self) -> None:
        # Choosing an existing note updates it: the file dialog must not ask to replace it.
        note = self.format().is_note
        options = QFileDialog.Option.DontConfirmOverwrite if note else QFileDialog.Option(0)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export Annotations"), str(self.path()), self._filters(), options=options
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != self.format().extension:
            path = path.with_name(path.name + self.format().extension)
        else:
            self._confirmed = path  # the file dialog asked about replacing it
        self.path_edit.setText(str(path))
        if path != self._confirmed:
            self._confirmed = None

    def accept(self) -> None:
        path = self.path()
        if not path.name:
            return
        if path.is_dir():
            path = path / file_name(self._title, self.format())
            self.path_edit.setText(str(path))
        # A note is updated, not replaced: the dialog already says so.
        if path.exists() and path != self._confirmed and not self.format().is_note:
            answer = QMessageBox.question(
                self,
                self.tr("Replace File?"),
                self.tr("{name} already exists. Replace it?").format(name=path.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()

    @classmethod
    def ask(
        cls, book_title: str, directory: Path | None = None, parent: QWidget | None = None
    ) -> ExportChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(book_title, directory, parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
