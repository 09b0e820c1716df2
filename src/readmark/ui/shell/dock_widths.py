"""Side panels come back at the width the reader chose once the window has room.

A QMainWindow shrinks its docks when the window gets too narrow for the page
beside them, but never widens them again: the room a wider window brings goes
to the page, and the saved window state keeps the shrunk width across restarts.
So the width the reader chose — by dragging the panel's edge, or the default —
is kept apart from the width the window forced, and given back whenever the
window (or the panel) is shown or resized, as far as the page keeps at least
its minimum width: the same room Qt itself leaves the page before shrinking a
panel. The chosen widths live in their own small file beside the window state.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow

from readmark import paths

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt


def widths_file() -> Path:
    return paths.config_dir() / "panel_widths.json"


class DockWidths(QObject):
    """Keeps the chosen widths of a window's side docks (by object name)."""

    def __init__(self, window: QMainWindow, defaults: dict[QDockWidget, int]) -> None:
        super().__init__(window)
        self.setObjectName("dockWidths")
        self._window = window
        self._docks = list(defaults)
        saved = _load()
        self._chosen = {
            dock: _width(saved.get(dock.objectName()), default)
            for dock, default in defaults.items()
        }
        self._before_drag: dict[QDockWidget, int] | None = None  # widths at the press
        # After the layout has placed everything for the new size.
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.restore)
        window.installEventFilter(self)
        for dock in self._docks:
            dock.visibilityChanged.connect(self._dock_shown)
        if window.isVisible():
            self._timer.start()

    def chosen(self, dock: QDockWidget) -> int:
        return self._chosen[dock]

    def add(self, dock: QDockWidget, default: int) -> None:
        """Keep `dock`'s width too (a panel built after the window)."""
        if dock in self._chosen:
            return
        self._docks.append(dock)
        self._chosen[dock] = _width(_load().get(dock.objectName()), default)
        dock.visibilityChanged.connect(self._dock_shown)
        if dock.isVisible():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is not self._window:
            return False
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        elif isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
            # Presses on the window itself, not on a widget in it, are on the
            # splitters between the panels and the page.
            if kind == QEvent.Type.MouseButtonPress:
                self._before_drag = {dock: dock.width() for dock in self._docks}
            elif kind == QEvent.Type.MouseButtonRelease and self._before_drag is not None:
                before, self._before_drag = self._before_drag, None
                self._remember_dragged(before)
        return False

    def _dock_shown(self, visible: bool) -> None:
        if visible:
            self._timer.start()

    def _beside_page(self, dock: QDockWidget) -> bool:
        return (
            dock.isVisible()
            and not dock.isFloating()
            and self._window.dockWidgetArea(dock)
            in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        )

    def _remember_dragged(self, before: dict[QDockWidget, int]) -> None:
        """The docks the drag resized are as wide as the reader wants them."""
        changed = False
        for dock in self._docks:
            if self._beside_page(dock) and dock.width() != before.get(dock, dock.width()):
                self._chosen[dock] = dock.width()
                changed = True
        if changed:
            _save({dock.objectName(): width for dock, width in self._chosen.items()})

    def restore(self) -> None:
        """Widen the panels narrower than chosen, as far as the page has room."""
        if self._before_drag is not None or not self._window.isVisible():
            return
        page = self._window.centralWidget()
        if page is None:
            return
        room = page.width() - max(page.minimumSizeHint().width(), page.minimumWidth())
        grow, to = [], []
        for dock in self._docks:
            if room <= 0:
                break
            if self._beside_page(dock) and dock.width() < self._chosen[dock]:
                width = min(self._chosen[dock], dock.width() + room)
                room -= width - dock.width()
                grow.append(dock)
                to.append(width)
        if grow:
            self._window.resizeDocks(grow, to, Qt.Orientation.Horizontal)


def keep_dock_widths(window: QMainWindow, defaults: dict[QDockWidget, int]) -> DockWidths:
    """The window's keeper of its docks' widths, made on the first call; docks it
    does not keep yet are added on later calls.

    `defaults`: each side dock and its width until the reader drags it."""
    keeper = window.findChild(DockWidths, "dockWidths", Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        return DockWidths(window, defaults)
    for dock, default in defaults.items():
        keeper.add(dock, default)
    return keeper


def _width(value: object, default: int) -> int:
    return value if isinstance(value, int) and 40 <= value <= 4000 else default


def _load() -> dict[str, object]:
    try:
        data = json.loads(widths_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(widths: dict[str, int]) -> None:
    try:
        target = widths_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(widths), encoding="utf-8")
    except OSError:
        pass  # panel widths are a convenience, not data
