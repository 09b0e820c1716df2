"""Cover thumbnails for the library grid: made off the UI thread, kept in memory.

The grid's delegate asks `pixmap(entry)` for each cover it paints; a cover not
in memory yet is queued and a placeholder painted. The queue is read from disk
(or painted, for a book without a cover) in one `library-covers` background task
per batch; a newer batch supersedes an older one, whose books stay queued, so
scrolling fast through 5,000 books loads only what comes to rest on screen.
Images cross to the UI thread and become pixmaps there (pixmaps are UI-thread
only). At most `LIMIT` pixmaps are kept, the least recently painted dropped.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from readmark.core.store.catalog import CatalogEntry
from readmark.ui.background import BackgroundTasks, Progress
from readmark.ui.shell.covers import cover_image, generated_cover

COVER_SIZE = QSize(90, 128)  # the height covers.py saves thumbnails at
LIMIT = 1500
_BATCH = 48  # covers per background task: the first ones show while the rest load


class ThumbnailCache(QObject):
    ready = Signal(list)  # content ids whose pixmaps arrived

    def __init__(self, tasks: BackgroundTasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._wanted: OrderedDict[str, tuple[str, str]] = OrderedDict()  # id → (title, authors)
        self._timer = QTimer(self, singleShot=True, interval=15)
        self._timer.timeout.connect(self._load)
        self._device_ratio = 1.0

    def set_device_ratio(self, ratio: float) -> None:
        self._device_ratio = max(1.0, ratio)

    def pixmap(self, entry: CatalogEntry) -> QPixmap | None:
        """The cover, or None (it is queued; `ready` says when it is there)."""
        found = self._pixmaps.get(entry.content_id)
        if found is not None:
            self._pixmaps.move_to_end(entry.content_id)
            return found
        if entry.content_id not in self._wanted:
            self._wanted[entry.content_id] = (entry.title, entry.authors)
        self._wanted.move_to_end(entry.content_id)  # the latest painted come first
        if not self._timer.isActive() and not self._tasks.running("library-covers"):
            self._timer.start()
        return None

    def forget(self, content_id: str) -> None:
        """A new cover was saved for this book: make it again next time."""
        self._pixmaps.pop(content_id, None)

    def _load(self) -> None:
        if not self._wanted:
            return
        # The most recently asked for: what is on screen now.
        batch = list(self._wanted.items())[-_BATCH:]
        size = COVER_SIZE * self._device_ratio
        ratio = self._device_ratio

        def work(progress: Progress) -> list[tuple[str, QImage]]:
            made = []
            for content_id, (title, authors) in reversed(batch):
                progress.check()
                made.append((content_id, _thumbnail(content_id, title, authors, size)))
            return made

        def done(made: list[tuple[str, QImage]]) -> None:
            for content_id, image in made:
                self._wanted.pop(content_id, None)
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                self._pixmaps[content_id] = pixmap
            while len(self._pixmaps) > LIMIT:
                self._pixmaps.popitem(last=False)
            self.ready.emit([content_id for content_id, _image in made])
            if self._wanted:
                self._timer.start()

        def failed(_error: BaseException) -> None:
            self._wanted.clear()  # a bug, printed by the helper; do not loop on it

        self._tasks.run("library-covers", work, done, failed)


def _thumbnail(content_id: str, title: str, authors: str, size: QSize) -> QImage:
    """The book's saved cover fitted into `size`, or a generated one (worker thread)."""
    image = cover_image(content_id)
    if image is None:
        return generated_cover(title, authors, size.width(), size.height())
    return image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
