"""What a screen reader would have to say about a window: every control the
keyboard can reach needs a name (its own accessible name, its text, or the label
that names it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QTabBar,
    QWidget,
)


def _labelled(widget: QWidget) -> bool:
    window = widget.window()
    return any(label.buddy() is widget and label.text() for label in window.findChildren(QLabel))


def _named(widget: QWidget) -> bool:
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    if isinstance(widget, QTabBar):
        return all(widget.tabText(i).strip() for i in range(widget.count()))
    return _labelled(widget)


def unnamed(root: QWidget) -> list[str]:
    """The keyboard-reachable controls under `root` shown now with no name to read."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None:  # the keyboard lands on the proxy, walked too
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):  # its own inner line edit
            continue
        if not _named(widget):
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {root.objectName()!r}"
            )
    return found


def dialogs_shown() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
