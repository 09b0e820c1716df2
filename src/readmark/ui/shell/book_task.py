"""Opening a book on a worker thread, so a big file never freezes the window.

The result comes back as a queued signal to the UI thread. Cancelling drops the
result; the loader itself finishes in the background (loading is bounded and
touches nothing shared).
"""

from __future__ import annotations

import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from readmark.core.book import BookError, LoadOptions
from readmark.core.formats import open_book


class BookTask(QObject):
    succeeded = Signal(object)  # Book
    failed = Signal(object)  # BookError, or another exception for our own bugs

    def __init__(self, path: Path, options: LoadOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.options = options
        self.cancelled = False

    def start(self) -> None:
        threading.Thread(target=self._run, name="readmark-open", daemon=True).start()

    def cancel(self) -> None:
        self.cancelled = True

    def _run(self) -> None:
        try:
            book = open_book(self.path, self.options)
        except BookError as error:
            if not self.cancelled:
                self.failed.emit(error)
        except Exception as error:  # noqa: BLE001 - reported to the user, not swallowed
            traceback.print_exc()
            if not self.cancelled:
                self.failed.emit(error)
        else:
            if not self.cancelled:
                self.succeeded.emit(book)
