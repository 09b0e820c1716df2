"""Search in the book, built the first time Ctrl+F (or F3) is pressed: the
search room's controller, its panel docked beside the annotations, and its
messages in the status bar. Imported by the window only then."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from readmark.ui.search.controller import SearchController

if TYPE_CHECKING:
    from readmark.ui.shell.main_window import MainWindow

_WIDTH = 340


def build_finder(window: MainWindow, beside: QDockWidget | None) -> SearchController:
    """The controller, its panel on the right (tabbed with `beside` when that is
    shown there), or where the saved window state had it."""
    finder = SearchController(window.reader, window.tasks, window.section_provider, window)
    panel = finder.panel
    panel.hide()
    if not window.restoreDockWidget(panel):
        area = Qt.DockWidgetArea.RightDockWidgetArea
        if beside is not None and beside.isVisible() and window.dockWidgetArea(beside) == area:
            window.tabifyDockWidget(beside, panel)
        else:
            window.addDockWidget(area, panel)
            window.resizeDocks([panel], [_WIDTH], Qt.Orientation.Horizontal)
    finder.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    window.book_shown.connect(lambda _book: finder.book_shown())
    finder.text_wanted.connect(window.search_warmer.wanted)
    return finder
