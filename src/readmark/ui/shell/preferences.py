"""Preferences: the dialog's requests saved, and each applied where it acts.

The dialog (ui/dialogs/preferences_dialog.py) only asks; this saves the choice
(a failure to save is said) and applies it: the page's look, the highlight
colours' names, where backups go, what a book opened for the first time gets.
`apply_all` does the same for every preference at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from readmark import paths
from readmark.core.annotations import COLOURS
from readmark.core.book import LoadOptions
from readmark.core.store.settings import Settings
from readmark.ui import palette
from readmark.ui.shell.appearance import Appearance
from readmark.ui.shell.book_opener import BookOpener
from readmark.ui.shell.library_owner import LibraryOwner

if TYPE_CHECKING:
    from readmark.ui.dialogs.preferences_dialog import PreferencesDialog
    from readmark.ui.shell.actions import Actions


class LibraryFolders(Protocol):
    """The library's watched folders (ui/shell/library_wiring.py)."""

    def watched_folders(self) -> list[Path]: ...
    def watch(self, folder: Path) -> None: ...
    def unwatch(self, folder: Path) -> None: ...


def backups_folder(settings: Settings) -> Path:
    chosen = str(settings.get("backups.folder")).strip()
    return Path(chosen).expanduser() if chosen else paths.backups_dir()


class Preferences(QObject):
    sync_folder_changed = Signal()  # the sync runner syncs with the new folder

    def __init__(
        self,
        settings: Settings,
        appearance: Appearance,
        owner: LibraryOwner,
        opener: BookOpener,
        language: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._appearance = appearance
        self._actions: Actions | None = None  # built after the first screen (use_actions)
        self._owner = owner
        self._opener = opener
        self._language = language
        self._dialog: PreferencesDialog | None = None
        self._library_folders: LibraryFolders | None = None

    def show(self, parent: QWidget) -> PreferencesDialog:
        """Open the dialog (one at a time), showing the values in force now."""
        if self._dialog is None:
            from readmark.ui.dialogs.preferences_dialog import PreferencesDialog

            folders = self._library_folders
            self._dialog = PreferencesDialog(
                self.settings,
                self._language,
                parent,
                watched_folders=folders.watched_folders if folders is not None else None,
            )
            self._dialog.changed.connect(self.change)
            if folders is not None:
                self._dialog.watch_requested.connect(folders.watch)
                self._dialog.unwatch_requested.connect(folders.unwatch)
        self._dialog.refresh()
        if self.settings.is_default("reader.font_size"):  # it may follow the desktop's font
            self._dialog.show_size(self._appearance.reading_size())
        self._dialog.show()
        self._dialog.raise_()
        self._dialog.activateWindow()
        return self._dialog

    def use_actions(self, actions: Actions) -> None:
        """The menus' actions, built once the first screen is painted: they show the
        theme and the colours' names in force."""
        self._actions = actions
        actions.themes[str(self.settings.get("reader.theme"))].setChecked(True)
        actions.name_colours(palette.own_colour_names())

    def use_library_folders(self, folders: LibraryFolders) -> None:
        """Where Preferences › Library reads and changes the watched folders."""
        self._library_folders = folders

    def change(self, key: str, value: object) -> None:
        """Save one preference and apply it."""
        self._appearance.save(key, value)
        self._apply(key)

    def apply_all(self) -> None:
        """What the page's first look does not already take from the settings."""
        self._name_colours()
        self._use_backups()
        self._opener.default_options = LoadOptions(repair=bool(self.settings.get("books.repair")))

    def _apply(self, key: str) -> None:
        if key.startswith("reader."):
            if key == "reader.theme" and self._actions is not None:
                self._actions.themes[self.settings.get(key)].setChecked(True)
            self._appearance.apply()
        elif key.startswith("highlights.name."):
            self._name_colours()
            self._appearance.apply(relayout=False)  # the views re-read names with colours
        elif key.startswith("backups."):
            self._use_backups()
        elif key == "sync.folder":
            self.sync_folder_changed.emit()
        elif key == "books.repair":
            self._opener.default_options = LoadOptions(repair=bool(self.settings.get(key)))

    def _name_colours(self) -> None:
        own = {c: str(self.settings.get(f"highlights.name.{c}")) for c in COLOURS}
        palette.name_colours(own)
        if self._actions is not None:
            self._actions.name_colours(palette.own_colour_names())

    def _use_backups(self) -> None:
        self._owner.use_backups(
            backups_folder(self.settings), int(self.settings.get("backups.keep"))
        )
