"""Books and links arriving from outside the window: a second `readmark BOOK`
(the single-instance hand-off), a file or link opened from macOS's Finder
(QFileOpenEvent), and the command line's own book or link.

Each arrival is a path or a `readmark://` link. A path opens as File › Open
does; a link goes through the `LinkOpener`. A hand-off also brings the window
to the front, with the activation token the desktop gave the second process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from readmark.core.links import is_link

if TYPE_CHECKING:
    from readmark.ui.shell.link_opener import LinkOpener
    from readmark.ui.shell.main_window import MainWindow
    from readmark.ui.shell.single_instance import Claim, InstanceServer


class Arrivals(QObject):
    def __init__(
        self,
        window: MainWindow,
        claim: Claim | None = None,
        file_open_events: bool = sys.platform == "darwin",
    ) -> None:
        """`claim`: listen for later Readmarks. `file_open_events`: watch the application
        for QFileOpenEvent (only macOS sends them; a filter on the application sees
        every event, so it is not installed where none can come)."""
        super().__init__(window)
        self._window = window
        self._links: LinkOpener | None = None
        self.server: InstanceServer | None = claim.listen(self) if claim is not None else None
        if self.server is not None:
            self.server.received.connect(self._handed_over)
        app = QApplication.instance()
        if app is not None and file_open_events:
            app.installEventFilter(self)

    @property
    def links(self) -> LinkOpener:
        """Follows readmark:// links; built at the first (most starts have none)."""
        if self._links is None:
            from readmark.ui.shell.link_opener import LinkOpener

            window = self._window
            self._links = LinkOpener(window)
            self._links.message.connect(lambda text: window.statusBar().showMessage(text, 10_000))
        return self._links

    def open(self, target: str) -> None:
        """Open a book path or follow a readmark:// link."""
        if is_link(target):
            self.links.open(target)
        else:
            self._window.open_path(Path(target))

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    def _handed_over(self, targets: list[str], token: str, startup_id: str) -> None:
        # The second process made paths absolute; a hand-off with nothing just raises us.
        if targets:
            self.open(targets[0])  # one book at a time: the first, as the command line does
        self._raise(token, startup_id)

    def _raise(self, token: str, startup_id: str) -> None:
        window = self._window
        # Qt's Wayland plugin reads the token from the environment when activating.
        if token:
            os.environ["XDG_ACTIVATION_TOKEN"] = token
        if startup_id:
            os.environ["DESKTOP_STARTUP_ID"] = startup_id
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            if is_link(url.scheme() + ":"):
                self.open(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
            else:
                path = event.file() or url.toLocalFile()
                if path:
                    self.open(path)
            return True
        return super().eventFilter(watched, event)
