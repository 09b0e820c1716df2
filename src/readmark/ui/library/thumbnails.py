"""Cover thumbnails for the library grid: made off the UI thread, kept in memory.

The grid's delegate asks `pixmap(entry)` for each cover it paints; a cover not
in memory yet is queued and a placeholder painted. The queue is read from disk
(or painted, for a book without a cover) in one `library-covers` background task
per batch; a newer batch supersedes an older one, whose books stay queued, so
scrolling fast through 5,000 books loads only what comes to rest on screen.
Covers are scaled to the thumbnail size on the worker and are painted as they
arrive, as QImages: the grid's backing store is a raster image, so drawing an
image costs what drawing a pixmap does, and no batch of 48 `QPixmap.fromImage`
conversions lands on the UI thread in the middle of a scroll (measured with
bench/library.py: that, and repainting the whole grid for each batch, made the
slowest scroll frames). At most `LIMIT` images are kept, the least recently
painted dropped.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from readmark.core.store.catalog import CatalogEntry
from readmark.ui.background import BackgroundTasks, Progress
from readmark.ui.shell.covers import cover_image, generated_cover

COVER_SIZE = QSize(90, 128)  # the height covers.py saves thumbnails at
LIMIT = 1500  # 90×128 ARGB: 46 KB each, 69 MB at most
_BATCH = 48  # covers per background task: the first ones show while the rest load
_QUEUE = 4 * _BATCH  # covers asked for and not made yet: those painted last are kept
# Covers are made while the grid has not scrolled for this long: the worker waits
# before each cover until then, so during a flick or a wheel turn it does not compete
# with the UI thread for the interpreter (measured: a frame painted while covers were
# being made took 3-4x its own CPU time in wall time, waiting for the GIL); covers
# come when the grid slows or rests. (Scrolling, not painting: a grid repainted
# for other reasons must not hold the covers back.)
_SETTLE_MS = 25


class ThumbnailCache(QObject):
    ready = Signal(list)  # content ids whose covers arrived

    def __init__(self, tasks: BackgroundTasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._wanted: OrderedDict[str, tuple[str, str]] = OrderedDict()  # id → (title, authors)
        self._timer = QTimer(self, singleShot=True, interval=_SETTLE_MS)
        self._timer.timeout.connect(self._load)
        self._device_ratio = 1.0
        self._scrolled_at = 0.0  # time.monotonic() when the grid last scrolled

    def set_device_ratio(self, ratio: float) -> None:
        self._device_ratio = max(1.0, ratio)

    def image(self, entry: CatalogEntry) -> QImage | None:
        """The cover, or None (it is queued; `ready` says when it is there)."""
        found = self._images.get(entry.content_id)
        if found is not None:
            self._images.move_to_end(entry.content_id)
            return found
        if entry.content_id not in self._wanted:
            self._wanted[entry.content_id] = (entry.title, entry.authors)
        self._wanted.move_to_end(entry.content_id)  # the latest painted come first
        if len(self._wanted) > _QUEUE:  # scrolled past long ago
            self._wanted.popitem(last=False)
        if not self._timer.isActive() and not self._tasks.running("library-covers"):
            self._timer.start()
        return None

    def scrolled(self) -> None:
        """The grid moved: covers wait until it rests."""
        self._scrolled_at = time.monotonic()

    def forget(self, content_id: str) -> None:
        """A new cover was saved for this book: make it again next time."""
        self._images.pop(content_id, None)

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
                while time.monotonic() - self._scrolled_at < _SETTLE_MS / 1000:
                    progress.check()
                    time.sleep(_SETTLE_MS / 4000)  # the grid is scrolling: wait
                progress.check()
                image = _thumbnail(content_id, title, authors, size)
                image.setDevicePixelRatio(ratio)
                made.append((content_id, image))
            return made

        def done(made: list[tuple[str, QImage]]) -> None:
            for content_id, image in made:
                self._wanted.pop(content_id, None)
                self._images[content_id] = image
            while len(self._images) > LIMIT:
                self._images.popitem(last=False)
            self.ready.emit([content_id for content_id, _image in made])
            if self._wanted:
                self._timer.start()

        def failed(_error: BaseException) -> None:
            self._wanted.clear()  # a bug, printed by the helper; do not loop on it

        self._tasks.run("library-covers", work, done, failed)


def _thumbnail(content_id: str, title: str, authors: str, size: QSize) -> QImage:
    """The book's saved cover fitted into `size`, or a generated one (worker thread)."""
    image = cover_image(content_id)
    if image is None:  # opaque: drawn as a plain copy onto the grid's RGB32 backing store
        made = generated_cover(title, authors, size.width(), size.height())
        return made.convertToFormat(QImage.Format.Format_RGB32)
    image = image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    # The formats the raster engine draws without converting (a PNG may load as
    # indexed or straight alpha, which would be converted again at every paint).
    if image.format() not in _DRAWN_AS_IS:
        image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    return image


_DRAWN_AS_IS = (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied)
