"""Covers in the library grid as a reader sees them after a long flick: wherever the
grid comes to rest, every cover on screen is drawn (not the grey placeholder) soon
after — covers are made while the grid rests, those on screen first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QListView

from readmark import paths
from readmark.core.store.catalog import BookFile
from readmark.core.store.library import Library

BOOKS = 1200


def _library(tmp_path: Path) -> None:
    library = Library(paths.library_db())
    library.catalog.record(
        [
            BookFile(
                tmp_path / f"book-{n}.md",
                f"{n:040x}",
                f"红楼梦 第{n}卷" if n % 2 else f"Walden, volume {n}",
                "佚名" if n % 2 else f"Author {n % 17}",
                "markdown",
                "zh" if n % 2 else "en",
                1000 + n,
                0.0,
            )
            for n in range(BOOKS)
        ]
    )
    library.close()


def _placeholders(grid: QListView) -> int:
    """Cells wholly on screen whose cover spot shows the placeholder's grey."""
    image: QImage = grid.viewport().grab().toImage()
    grey = grid.palette().color(QPalette.ColorRole.Mid)
    shown = grid.viewport().rect()
    cell = grid.gridSize()
    seen, count = set(), 0
    for y in range(cell.height() // 2, shown.height(), cell.height() // 2):
        for x in range(cell.width() // 2, shown.width(), cell.width() // 2):
            index = grid.indexAt(QPoint(x, y))
            if not index.isValid() or index.row() in seen:
                continue
            seen.add(index.row())
            rect = grid.visualRect(index)
            if not shown.contains(rect):
                continue  # not wholly on screen
            spot = QPoint(rect.center().x(), rect.top() + 70)  # the middle of the cover
            if image.pixelColor(spot).rgb() == grey.rgb():
                count += 1
    assert seen, "no cell on screen"
    return count


def test_after_a_long_flick_the_covers_where_it_rests_are_drawn(
    qtbot, make_window, tmp_path: Path
) -> None:
    _library(tmp_path)
    window = make_window()
    window.menu_actions.show_library.trigger()
    grid = window.findChild(QListView, "libraryGrid")
    qtbot.waitUntil(lambda: grid.isVisible() and grid.model().rowCount() == BOOKS)
    qtbot.waitUntil(lambda: _placeholders(grid) == 0, timeout=10_000)  # the first screen
    bar = grid.verticalScrollBar()
    for _ in range(20):  # a screen at a time, as fast as the grid paints
        bar.setValue(bar.value() + grid.viewport().height())
        QApplication.processEvents()
    assert 10 * grid.viewport().height() < bar.value() < bar.maximum()
    assert _placeholders(grid) > 0  # where it stopped, none made yet: the check sees that
    qtbot.waitUntil(lambda: _placeholders(grid) == 0, timeout=10_000)
    grid.viewport().grab().save(str(Path(paths.data_dir()) / "covers-after-flick.png"))
