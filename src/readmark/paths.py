"""Every folder Readmark reads or writes, in one place.

Platform conventions come from platformdirs. `READMARK_HOME` overrides them all
with one folder (config/, data/, cache/ inside it) so tests and portable
installs never touch the user's real folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Readmark"
HOME_ENV = "READMARK_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, False))


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, False))


def settings_file() -> Path:
    return config_dir() / "settings.json"


def library_db() -> Path:
    return data_dir() / "library.sqlite3"


def search_index() -> Path:
    """The library search's index: beside the library, never inside it. It holds
    nothing that cannot be made again from the books and the library, so losing
    it loses nothing (see core.search.index)."""
    return data_dir() / "search-index.sqlite3"


def backups_dir() -> Path:
    """Automatic and manual copies of the library (see core.backups)."""
    return data_dir() / "backups"


def render_cache_dir() -> Path:
    return cache_dir() / "sections"


def window_state_file() -> Path:
    """Where the window's size, position and panels were left (not preferences)."""
    return config_dir() / "window.json"


def xdg_data_home() -> Path:
    """The freedesktop data home ($XDG_DATA_HOME, else ~/.local/share), where desktop
    entries, icons and MIME packages are installed for one user. Not moved by
    READMARK_HOME: it is the desktop's folder, not Readmark's."""
    return Path(platformdirs.user_data_dir(None, False))


def xdg_config_home() -> Path:
    """$XDG_CONFIG_HOME, else ~/.config: where mimeapps.list names default applications."""
    return Path(platformdirs.user_config_dir(None, False))
