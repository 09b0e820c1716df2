"""Where the window was left: its geometry and the panels' places, in a file of its
own (paths.window_state_file), apart from the reader's preferences. A convenience,
not data: a file that cannot be read or written is ignored."""

from __future__ import annotations

import base64
import json

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QDockWidget, QMainWindow

from readmark import paths

# A first start's layout: the contents docked on the left, 300 px wide — what
# `addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, toc)` and `resizeDocks([toc],
# [300], Qt.Orientation.Horizontal)` make, said without naming `Qt`, whose enums
# take ~15 ms to build (readmark/lazy_qt.py): `QMainWindow.saveState()` of a window
# laid out so before it is shown (Qt 6.11), the dock by its object name "toc".
# Should a Qt not take it, `place_dock` docks the contents as those two calls do;
# tests/ui/test_first_paint_enums.py checks both lay the window out alike.
DEFAULT_STATE = bytes.fromhex(
    "000000ff00000000fd00000001000000000000012c00000000fc0200000001fb000000060074006f0063"
    "0100000000ffffffff0000001000ffffff000000000000000000000004000000040000000800000008fc"
    "00000000"
)


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


def lay_out(window: QMainWindow) -> bool:
    """The window where it was left, or else a first start's layout, before its docks
    are made (`place_dock` puts each); True when what was saved was applied."""
    restored = restore(window)
    if not restored:
        window.restoreState(QByteArray(DEFAULT_STATE))
    return restored


def place_dock(window: QMainWindow, dock: QDockWidget, width: int) -> None:
    """Dock `dock`, made after `lay_out`, where the layout says (by its object name);
    if the layout does not have it, on the left, `width` wide."""
    if not window.restoreDockWidget(dock):
        from PySide6.QtCore import Qt

        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
