"""Edit › Preferences… (Ctrl+,): every preference in one dialog, applied live.

The dialog reads the current values from the settings and never writes them:
each change is a `changed(key, value)` request that the main window saves and
applies (the page relays out as a spin box turns), so there is no OK to press.
*Restore Defaults* asks for every default the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from readmark.core.annotations import COLOURS
from readmark.core.store.settings import SCHEMA, Settings
from readmark.ui.palette import default_colour_names, palette_for, swatch_icon

_DEFAULTS = {setting.key: setting.default for setting in SCHEMA}
_BOUNDS = {setting.key: (setting.minimum, setting.maximum) for setting in SCHEMA}


def _name_by_label(form: QFormLayout, row: QHBoxLayout, field: QWidget) -> None:
    """A row of a field and its button: the row's label names the field (for screen
    readers) and its Alt+letter goes to it."""
    label = form.labelForField(row)
    if isinstance(label, QLabel):
        label.setBuddy(field)


class PreferencesDialog(QDialog):
    changed = Signal(str, object)  # a setting's key and its new value, to save and apply

    watch_requested = Signal(object)  # Path (Library tab)
    unwatch_requested = Signal(object)  # Path (Library tab)

    def __init__(
        self,
        settings: Settings,
        language: str,
        parent: QWidget | None = None,
        watched_folders: Callable[[], list[Path]] | None = None,
    ) -> None:
        """`watched_folders`: what the library watches (no Library tab without it)."""
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self._language = language
        self._refreshers: list[Callable[[], None]] = []  # show the settings' values
        self._loading = False  # while refreshing, widgets' signals are not requests

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._reading_tab(), self.tr("&Reading"))
        self.tabs.addTab(self._books_tab(), self.tr("&Books and Language"))
        self.tabs.addTab(self._highlights_tab(), self.tr("&Highlights"))
        self.tabs.addTab(self._backups_tab(), self.tr("B&ackups"))
        self.tabs.addTab(self._sync_tab(), self.tr("S&ync"))
        if watched_folders is not None:
            from readmark.ui.dialogs.watched_folders_tab import WatchedFoldersTab

            self.watched = WatchedFoldersTab(watched_folders)
            self.watched.watch_requested.connect(self.watch_requested)
            self.watched.unwatch_requested.connect(self.unwatch_requested)
            self._refreshers.append(self.watched.refresh)
            self.tabs.addTab(self.watched, self.tr("&Library"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.RestoreDefaults | QDialogButtonBox.StandardButton.Close
        )
        self.restore_defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.restore_defaults.setObjectName("restoreDefaults")
        self.restore_defaults.setToolTip(self.tr("Put every preference back as it first was"))
        self.restore_defaults.clicked.connect(self._restore_defaults)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            # Enter in a field finishes that field; it must not press a button.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.refresh()

    # -- what the window calls --------------------------------------------------------

    def refresh(self) -> None:
        """Show the values in the settings now (after a change made elsewhere)."""
        self._loading = True
        try:
            for refresh in self._refreshers:
                refresh()
        finally:
            self._loading = False

    def show_size(self, points: int) -> None:
        """The reading size in force when it is not the setting's own (the default,
        grown with a larger desktop font), shown without being asked for."""
        self._loading = True
        try:
            self.font_size.setValue(points)
        finally:
            self._loading = False

    # -- tabs -------------------------------------------------------------------------

    def _reading_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.theme = self._choices(
            "reader.theme",
            [
                ("system", self.tr("Follow the system")),
                ("light", self.tr("Light")),
                ("sepia", self.tr("Sepia")),
                ("dark", self.tr("Dark")),
            ],
        )
        form.addRow(self.tr("&Theme:"), self.theme)

        self.book_font = QCheckBox(self.tr("The book's &default font"))
        self.book_font.setToolTip(self.tr("A font chosen for the book's language"))
        self.font_family = QFontComboBox()
        self.font_family.setObjectName("fontFamily")
        self.font_family.setAccessibleName(self.tr("Reading font"))

        def show_font() -> None:
            family = self._settings.get("reader.font_family")
            self.book_font.setChecked(not family)
            self.font_family.setEnabled(bool(family))
            if family:
                self.font_family.setCurrentFont(QFont(family))

        def font_chosen() -> None:
            self.font_family.setEnabled(not self.book_font.isChecked())
            if not self._loading:
                family = (
                    "" if self.book_font.isChecked() else self.font_family.currentFont().family()
                )
                self.changed.emit("reader.font_family", family)

        self._refreshers.append(show_font)
        self.book_font.toggled.connect(font_chosen)
        self.font_family.currentFontChanged.connect(lambda _font: font_chosen())
        fonts = QVBoxLayout()
        fonts.addWidget(self.book_font)
        fonts.addWidget(self.font_family)
        font_label = QLabel(self.tr("&Font:"))  # a layout beside it: the buddy is named
        font_label.setBuddy(self.book_font)
        form.addRow(font_label, fonts)

        self.font_size = self._number("reader.font_size", self.tr(" pt"))
        form.addRow(self.tr("Text &size:"), self.font_size)
        self.line_spacing = self._number("reader.line_spacing", self.tr(" %"), step=5)
        form.addRow(self.tr("&Line spacing:"), self.line_spacing)
        self.paragraph_spacing = self._decimal("reader.paragraph_spacing", self.tr(" em"))
        form.addRow(self.tr("Space between &paragraphs:"), self.paragraph_spacing)
        by_language = self.tr("By the book's language")
        self.indent = self._choices(
            "reader.paragraph_indent",
            [("auto", by_language), ("on", self.tr("Always")), ("off", self.tr("Never"))],
        )
        self.indent.setToolTip(self.tr("By language: Chinese and Japanese paragraphs are indented"))
        form.addRow(self.tr("First-line &indent:"), self.indent)
        self.justify = self._choices(
            "reader.justify",
            [("auto", by_language), ("on", self.tr("Always")), ("off", self.tr("Never"))],
        )
        self.justify.setToolTip(
            self.tr("By language: Chinese and Japanese are justified, as in print")
        )
        form.addRow(self.tr("&Justified text:"), self.justify)
        self.column_width = self._number("reader.column_width", self.tr(" characters"), step=5)
        self.column_width.setToolTip(
            self.tr("The widest line, in Latin letters; a line of Chinese holds about half as many")
        )
        form.addRow(self.tr("Text &width:"), self.column_width)
        self.margin = self._number("reader.margin", self.tr(" px"), step=4)
        form.addRow(self.tr("&Margins at least:"), self.margin)
        return page

    def _books_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.repair = self._check(
            "books.repair", self.tr("&Repair books converted from print when first opened")
        )
        self.repair.setToolTip(
            self.tr("Each book remembers its own choice (Book › Repair Book Converted from Print)")
        )
        form.addRow(self.repair)
        self.reopen_last = self._check(
            "session.reopen_last", self.tr("Reopen the &last book read when Readmark starts")
        )
        form.addRow(self.reopen_last)
        self.ui_language = self._choices(
            "ui.language",
            [("", self.tr("The system's")), ("en", "English"), ("zh_CN", "简体中文")],
        )
        form.addRow(self.tr("&Language of Readmark:"), self.ui_language)
        self.restart_hint = QLabel(self.tr("The new language is used when Readmark next starts."))
        self.restart_hint.setObjectName("restartHint")
        self.restart_hint.setWordWrap(True)
        form.addRow(self.restart_hint)

        def show_hint() -> None:
            chosen = self._settings.get("ui.language") or ""
            self.restart_hint.setVisible(bool(chosen) and chosen != self._language)

        self._refreshers.append(show_hint)
        self.ui_language.currentIndexChanged.connect(lambda _i: show_hint())
        return page

    def _highlights_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        intro = QLabel(
            self.tr(
                "Give the colours names of your own (say, yellow for key ideas): menus and lists use them."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        palette = palette_for("light", self.palette().base().color(), dark=False)
        self.colour_names: dict[str, QLineEdit] = {}
        for colour, name in default_colour_names().items():
            edit = QLineEdit()
            edit.setObjectName(f"colourName-{colour}")
            edit.setPlaceholderText(name)
            edit.setClearButtonEnabled(True)
            edit.setMaxLength(40)
            self._bind_text(f"highlights.name.{colour}", edit)
            label = QLabel(self.tr("{colour}:").format(colour=name))
            label.setBuddy(edit)
            row = QHBoxLayout()
            swatch = QLabel()
            swatch.setPixmap(
                swatch_icon(palette.swatch(colour), palette.line(colour), 16).pixmap(16)
            )
            row.addWidget(swatch)
            row.addWidget(edit)
            form.addRow(label, row)
            self.colour_names[colour] = edit
        assert tuple(self.colour_names) == COLOURS
        return page

    def _backups_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.backup_folder = QLineEdit()
        self.backup_folder.setObjectName("backupFolder")
        self.backup_folder.setPlaceholderText(self.tr("Beside the library (the default)"))
        self.backup_folder.setClearButtonEnabled(True)
        self._bind_text("backups.folder", self.backup_folder)
        browse = QPushButton(self.tr("&Choose…"))
        browse.setAutoDefault(False)  # Enter in the folder field must not open a file dialog
        browse.clicked.connect(self._choose_backup_folder)
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Back up &into:"), row)
        _name_by_label(form, row, self.backup_folder)
        self.backups_kept = self._number("backups.keep", "")
        form.addRow(self.tr("Backups &kept:"), self.backups_kept)
        note = QLabel(self.tr("Backups already made stay where they are."))
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _sync_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.sync_folder = QLineEdit()
        self.sync_folder.setObjectName("syncFolder")
        self.sync_folder.setPlaceholderText(self.tr("No sync (the default)"))
        self.sync_folder.setClearButtonEnabled(True)
        self._bind_text("sync.folder", self.sync_folder)
        browse = QPushButton(self.tr("C&hoose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._choose_sync_folder)
        row = QHBoxLayout()
        row.addWidget(self.sync_folder, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("Sync &folder:"))
        label.setBuddy(self.sync_folder)  # Alt+F goes to the field; the & is not shown
        form.addRow(label, row)
        note = QLabel(
            self.tr(
                "A folder your own sync tool keeps in step between your computers (Syncthing, "
                "Nextcloud, Dropbox, a USB stick). Each computer writes only its own file "
                "there; highlights, notes, deletions and reading places are merged. Readmark "
                "syncs when the window opens, after changes and with File › Sync Now."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _choose_sync_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Sync Through the Folder"), self.sync_folder.text()
        )
        if folder:
            self.sync_folder.setText(folder)
            self._request("sync.folder", folder)

    # -- widgets bound to settings ------------------------------------------------------

    def _choices(self, key: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(key)
        for value, label in items:
            box.addItem(label, value)

        def show() -> None:
            index = box.findData(self._settings.get(key))
            box.setCurrentIndex(max(index, 0))

        self._refreshers.append(show)
        box.currentIndexChanged.connect(lambda _i: self._request(key, box.currentData()))
        return box

    def _number(self, key: str, suffix: str, step: int = 1) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(key)
        low, high = _BOUNDS[key]
        box.setRange(int(low if low is not None else 0), int(high if high is not None else 9999))
        box.setSingleStep(step)
        box.setSuffix(suffix)
        box.setKeyboardTracking(False)  # typing "18" asks once, not for 1 and then 18
        self._refreshers.append(lambda: box.setValue(int(self._settings.get(key))))
        box.valueChanged.connect(lambda value: self._request(key, int(value)))
        return box

    def _decimal(self, key: str, suffix: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(key)
        low, high = _BOUNDS[key]
        box.setRange(float(low or 0.0), float(high or 10.0))
        box.setDecimals(1)
        box.setSingleStep(0.1)
        box.setSuffix(suffix)
        box.setKeyboardTracking(False)
        self._refreshers.append(lambda: box.setValue(float(self._settings.get(key))))
        box.valueChanged.connect(lambda value: self._request(key, round(float(value), 1)))
        return box

    def _check(self, key: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(key)
        self._refreshers.append(lambda: box.setChecked(bool(self._settings.get(key))))
        box.toggled.connect(lambda checked: self._request(key, bool(checked)))
        return box

    def _bind_text(self, key: str, edit: QLineEdit) -> None:
        self._refreshers.append(lambda: edit.setText(str(self._settings.get(key))))
        # Asked for when the reader is done with the field, not at every letter.
        edit.editingFinished.connect(lambda: self._request(key, edit.text().strip()))

    def _request(self, key: str, value: object) -> None:
        if not self._loading and value != self._settings.get(key):
            self.changed.emit(key, value)

    def _choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Back Up the Library Into"), self.backup_folder.text()
        )
        if folder:
            self.backup_folder.setText(folder)
            self._request("backups.folder", folder)

    def _restore_defaults(self) -> None:
        for key, default in _DEFAULTS.items():
            if key in ("reader.toc_visible", "reader.annotations_visible"):
                continue  # what is shown, not a preference to reset here
            if self._settings.get(key) != default:
                self.changed.emit(key, default)
        self.refresh()
