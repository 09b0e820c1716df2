"""Books and links arriving from outside the window: a second `readmark BOOK`
(the single-instance hand-off), a file or link opened from macOS's Finder
(QFileOpenEvent), and the command line's own book or link.

Each arrival is a path or a `readmark://` link. A path opens as File › Open
does; a link goes through the `LinkOpener`. A hand-off also brings the window
to the front, with the activation token the desktop gave the second process.

Several at once (`readmark a.md b.epub c.txt`, a desktop opening several selected
files): one window shows one book, so the first named is opened, as the reader
put it first, and the other books are added to the library (Ctrl+L lists them,
the status bar names them) — as calibre adds what it is given, rather than
Foliate's window per book or Okular's tab per file. A second link among them
cannot be shown at the same time: it is said not to have been followed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from readmark.i18n import format_number

if TYPE_CHECKING:
    from readmark.ui.shell.instance_server import InstanceServer
    from readmark.ui.shell.link_opener import LinkOpener
    from readmark.ui.shell.main_window import MainWindow
    from readmark.ui.shell.single_instance import Claim


LISTEN_AT_THE_LATEST_MS = 1000  # when no first screen comes (a link that led nowhere)
FINDER_BURST_MS = 150  # the file-open events of one Finder "Open" arrive within this


class Arrivals(QObject):
    listening = Signal()  # ready for later Readmarks (or, if that failed, running alone)

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
        self.server: InstanceServer | None = None
        self._claim = claim
        if claim is not None:
            # Listening waits for the first screen (QtNetwork is not needed for it); a
            # Readmark started meanwhile waits on the claim's lock, then hands over.
            window.reader.first_painted.connect(self._listen_soon)
            window.open_failed.connect(self._listen_soon)
            QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, self, self._listen)
        # Finder sends one QFileOpenEvent per file, in a burst when several are opened
        # together: gathered for a moment, then received as one (the first opened).
        self._finder_batch: list[str] = []
        self._finder_timer = QTimer(self)
        self._finder_timer.setSingleShot(True)
        self._finder_timer.setInterval(FINDER_BURST_MS)
        self._finder_timer.timeout.connect(self._receive_finder_batch)
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
        from readmark.core.links import is_link  # when something arrives, not at start

        if is_link(target):
            self.links.open(target)
        else:
            self._window.open_path(Path(target))

    def receive(self, targets: Sequence[str]) -> None:
        """Several targets at once: the first opened (or followed), the others added."""
        if targets:
            self.open(targets[0])
            self.add_others([t for t in targets[1:] if t != targets[0]])

    def add_others(self, targets: Sequence[str]) -> None:
        """The books handed over with the one opened: added to the library and named
        in the status bar; links among them are said not to have been followed."""
        from readmark.core.links import is_link

        books = list(dict.fromkeys(Path(t) for t in targets if not is_link(t)))
        links = sum(1 for t in targets if is_link(t))
        window = self._window
        said = []
        if books and window.library is None:
            said.append(
                self.tr("Not added, the library being unavailable: {books}").format(
                    books=self._names(books)
                )
            )
        elif books:
            window.library_wiring.room.add(books)  # in the background; it sums up after
            said.append(
                self.tr("Added to your library (Ctrl+L): {books}").format(books=self._names(books))
            )
        if links:
            said.append(
                self.tr("Links not followed, one place being shown at a time: {count}").format(
                    count=format_number(links)
                )
            )
        if said:
            window.statusBar().showMessage("; ".join(said), 15_000)

    def _names(self, books: list[Path], shown: int = 5) -> str:
        """The books' file names for the status bar; past `shown`, how many more."""
        names = ", ".join(book.name for book in books[:shown])
        if len(books) <= shown:
            return names
        more = format_number(len(books) - shown)
        return self.tr("{names} and {count} more").format(names=names, count=more)

    def close(self) -> None:
        if self._claim is not None:
            self._claim.release()
            self._claim = None
        if self.server is not None:
            self.server.close()

    def _listen_soon(self) -> None:
        QTimer.singleShot(0, self, self._listen)  # after the paint, not inside it

    def _listen(self) -> None:
        claim, self._claim = self._claim, None
        if claim is None:
            return  # listening already (or closed)
        self.server = claim.listen(self)
        if self.server is not None:
            self.server.received.connect(self._handed_over)
        self.listening.emit()

    def _handed_over(
        self, targets: list[str], token: str, startup_id: str, open_first: bool
    ) -> None:
        # The second process made paths absolute; a hand-off with nothing just raises us.
        if open_first:
            self.receive(targets)
            self._raise(token, startup_id)
        else:  # the rest of a hand-over too long for one message
            self.add_others(targets)

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
            if url.scheme().lower() == "readmark":
                self._finder_batch.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
            else:
                path = event.file() or url.toLocalFile()
                if path:
                    self._finder_batch.append(path)
            self._finder_timer.start()
            return True
        return super().eventFilter(watched, event)

    def _receive_finder_batch(self) -> None:
        batch, self._finder_batch = self._finder_batch, []
        self.receive(batch)
