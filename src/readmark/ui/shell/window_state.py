"""Where the window was left: its geometry and the panels' places, in a file of its
own (paths.window_state_file), apart from the reader's preferences. A convenience,
not data: a file that cannot be read or written is ignored."""

from __future__ import annotations

import base64
import json

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from readmark import paths


def save(window: QMainWindow) -> None:
    state = {
        "geometry": base64.b64encode(bytes(window.saveGeometry().data())).decode(),
        "state": base64.b64encode(bytes(window.saveState().data())).decode(),
    }
    try:
        target = paths.window_state_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(state), encoding="utf-8")
    except OSError:
        pass


def restore(window: QMainWindow) -> bool:
    """Put the window back where it was; False when nothing (usable) was saved."""
    try:
        state = json.loads(paths.window_state_file().read_text(encoding="utf-8"))
        window.restoreGeometry(QByteArray(base64.b64decode(state["geometry"])))
        return bool(window.restoreState(QByteArray(base64.b64decode(state["state"]))))
    except (OSError, ValueError, KeyError, TypeError):
        return False
