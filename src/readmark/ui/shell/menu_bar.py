"""The menu bar's eight menus, by title and still empty, made with the first screen.

The actions and what the menus hold (actions.py, ~100 actions and their shortcuts)
are built right after the first screen is painted (main_window.build_rest); the
bar is there from the start with its final height, so the page below it neither
moves nor re-wraps when the menus are filled.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow


class MenuBar:
    def __init__(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        # The context stays "Actions", where these titles were translated before.
        self.file = bar.addMenu(QCoreApplication.translate("Actions", "&File"))
        self.edit = bar.addMenu(QCoreApplication.translate("Actions", "&Edit"))
        self.view = bar.addMenu(QCoreApplication.translate("Actions", "&View"))
        self.go = bar.addMenu(QCoreApplication.translate("Actions", "&Go"))
        self.annotate = bar.addMenu(QCoreApplication.translate("Actions", "&Annotate"))
        self.book = bar.addMenu(QCoreApplication.translate("Actions", "&Book"))
        self.library = bar.addMenu(QCoreApplication.translate("Actions", "&Library"))
        self.help = bar.addMenu(QCoreApplication.translate("Actions", "&Help"))
