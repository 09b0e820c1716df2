"""File › Recent Books: the books read last, with their covers, filled as the menu opens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from readmark.core.store.library import BookRecord


def fill_recent_menu(
    menu: QMenu, records: Sequence[BookRecord], open_path: Callable[[Path], None]
) -> None:
    from readmark.ui.shell.covers import cover_icon  # as the menu opens

    menu.clear()
    for record in records:
        action = menu.addAction(record.title)
        icon = cover_icon(record.content_id)
        if icon is not None:
            action.setIcon(icon)
        action.setToolTip(record.path)
        action.triggered.connect(lambda _=False, p=record.path: open_path(Path(p)))
    if not records:
        text = QCoreApplication.translate("MainWindow", "No recent books")
        menu.addAction(text).setEnabled(False)
