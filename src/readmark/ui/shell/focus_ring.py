"""A ring around the pane the keyboard is in, drawn when the keyboard (not a click)
brought it there.

Buttons, fields and menus show their focus through the style; a list, a tree or
the page shows only a current row or a caret, which is easy to lose after F6 or
Tab. The ring is an overlay beside the pane (it takes no clicks and changes no
layout) in the palette's link colour (the selection's is often too pale to
see on the page: a focus ring needs 3:1 against it), 2 pixels wide.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTextEdit, QWidget

_WIDTH = 2
# Focus that the keyboard moved: Tab, Shift+Tab, a shortcut (F6, F9). A click, or the
# program putting the keyboard back on the page after a choice, draws no ring.
_BY_KEYBOARD = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


def rings_around(widget: QWidget) -> bool:
    """The panes whose focus the style does not draw plainly: lists, trees, the page."""
    if isinstance(widget, QTextEdit):
        return widget.isReadOnly()  # a field to type in shows its caret and frame
    return isinstance(widget, QAbstractItemView)


class FocusRing(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target: QWidget | None = None
        self.hide()
        self._watching = False

    def watch(self) -> None:
        """Start drawing the ring (once the first screen is up; again is harmless).

        Focus events carry why the focus moved; the window's widgets are many and
        built late, so the application's events are watched (FocusIn only). Not
        before the first screen: every event then passes through Python, and the
        first object of a class PySide has not wrapped yet (the window's platform
        window) makes PySide build every Qt class and enum it has not built yet
        (~80 enums, 10-15 ms), which the first screen does not need.
        """
        app = QApplication.instance()
        if not self._watching and isinstance(app, QApplication):
            self._watching = True
            app.installEventFilter(self)

    @property
    def target(self) -> QWidget | None:
        """The widget ringed now (None: no ring shown)."""
        return self._target if self.isVisible() else None

    def _focus_moved(self, new: QWidget, reason: Qt.FocusReason) -> None:
        if new is self._target and reason not in _BY_KEYBOARD:
            return  # the window came back to the front: the ring stays as it was
        self._target = None
        if (
            reason not in _BY_KEYBOARD
            or not rings_around(new)
            or new.window() is not self.window()
            or new.parentWidget() is None
        ):
            self.hide()
            return
        self._target = new
        self._place()

    def _place(self) -> None:
        target = self._target
        parent = target.parentWidget() if target is not None else None
        if target is None or parent is None or not target.isVisible():
            self.hide()
            return
        if self.parentWidget() is not parent:
            self.setParent(parent)
        self.setGeometry(target.geometry())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            if isinstance(event, QFocusEvent) and isinstance(watched, QWidget):
                self._focus_moved(watched, event.reason())
        elif watched is self._target and kind in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().link().color(), _WIDTH)
        painter.setPen(pen)
        half = _WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.end()
