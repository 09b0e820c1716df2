"""The window from the keyboard alone: F6 / Shift+F6 go round the panes shown
(the contents, the page or the library, the annotations and search panels),
showing the contents (F9) puts the keyboard in it, and Tab follows the panes
from left to right.

Every pane keeps its own keys (arrows and Enter in lists, Shift+arrows on the
page); this only moves the keyboard between them, as most desktop programs do
with F6. Focus is drawn by the style (a ring in the highlight colour).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDockWidget, QMainWindow, QWidget

from readmark.ui.shell.actions import Actions
from readmark.ui.shell.focus_ring import FocusRing


def focus_target(pane: QWidget) -> QWidget | None:
    """Where the keyboard lands in a pane: its focus proxy, its list, or the first
    control that takes Tab."""
    if isinstance(pane, QDockWidget):
        inner = pane.widget()
        if inner is None:
            return None
        pane = inner
    proxy = pane.focusProxy()
    if proxy is not None and proxy.isVisible():
        return proxy
    if pane.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return pane
    candidates = [pane, *pane.findChildren(QWidget)]
    for widget in candidates:
        if isinstance(widget, QAbstractItemView) and widget.isVisible() and widget.isEnabled():
            return widget
    for widget in candidates:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
    return None


class KeyboardPanes(QObject):
    def __init__(self, window: QMainWindow, actions: Actions, order: list[QWidget]) -> None:
        """`order`: the panes' widgets as Tab should go (the contents, then the page)."""
        super().__init__(window)
        self.window = window
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.ring = FocusRing(window)  # where the keyboard went, drawn
        actions.next_pane.triggered.connect(lambda: self.step(+1))
        actions.previous_pane.triggered.connect(lambda: self.step(-1))
        actions.toggle_toc.toggled.connect(self._contents_toggled)

    def panes(self) -> list[QWidget]:
        """The panes shown, left to right: the docks on the left, the middle, the right."""
        window = self.window
        docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        middle = window.centralWidget()
        shown: list[QWidget] = [d for d in docks if window.dockWidgetArea(d) == left]
        if middle is not None:
            stack_page = getattr(middle, "currentWidget", None)
            page = stack_page() if callable(stack_page) else None
            shown.append(page if isinstance(page, QWidget) else middle)
        shown += [d for d in docks if window.dockWidgetArea(d) != left]
        return [p for p in shown if focus_target(p) is not None]

    def current(self) -> int:
        """The index of the pane that has the keyboard, -1 if none does."""
        focus = QApplication.focusWidget()
        for index, pane in enumerate(self.panes()):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return index
        return -1

    def step(self, step: int) -> None:
        panes = self.panes()
        if not panes:
            return
        index = self.current()
        start = 0 if step > 0 else len(panes) - 1
        pane = panes[start if index < 0 else (index + step) % len(panes)]
        self.focus(pane)

    @staticmethod
    def focus(pane: QWidget) -> None:
        target = focus_target(pane)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _contents_toggled(self, shown: bool) -> None:
        # Shown by the reader (F9, View menu): the keyboard goes to it. Hidden: back
        # to the page if it was there.
        # Asked in this order, and by name: the window is not active while it is built
        # (the setting that shows the contents sets the action then), and findChildren
        # would wrap every widget of the window for Python (11 ms before the first paint).
        if not self.window.isActiveWindow():
            return
        contents = self.window.findChild(QDockWidget, "toc")
        if contents is None:
            return
        if shown:
            self.focus(contents)
        else:
            focus = QApplication.focusWidget()
            if focus is None or not focus.isVisible():  # it was in the contents
                panes = self.panes()
                if panes:
                    self.focus(panes[0])
