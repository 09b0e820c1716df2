"""The library grid on the real books, looked at: every cell shows a cover — the
book's own picture, or one painted with its title in its colour — never the grey
placeholder; the list shows the facts. Screenshots are kept in
artifacts/ui/library/ (or $READMARK_TEST_ARTIFACTS/library)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from readmark.ui.library.thumbnails import COVER_SIZE

REPO = Path(__file__).resolve().parents[2]


def _artifacts() -> Path:
    root = Path(os.environ.get("READMARK_TEST_ARTIFACTS", REPO / "artifacts" / "ui"))
    folder = root / "library"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _colours(image: QImage, left: int, top: int, width: int, height: int) -> set[int]:
    return {
        image.pixel(x, y) for x in range(left, left + width, 3) for y in range(top, top + height, 3)
    }


def test_the_grid_shows_a_cover_for_every_real_book(
    qtbot, make_window, shared_books: Path, monkeypatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(shared_books))
    )
    window = make_window()
    window.menu_actions.add_folder.trigger()
    room = window.library_wiring.room
    qtbot.waitUntil(lambda: room.model.total == 8, timeout=20_000)
    for box in window.findChildren(QMessageBox, "unreadableBooks"):  # the damaged EPUB
        assert "TIny-3-Bad.epub" in box.detailedText()
        box.close()
    grid = room.view.grid
    placeholder = grid.palette().mid().color().rgb()

    def covers_painted() -> bool:
        shot = grid.viewport().grab().toImage()  # painting asks for the covers
        for cell in (grid.visualRect(room.model.index(row, 0)) for row in range(8)):
            if cell.isEmpty() or not shot.rect().contains(cell):
                return False  # not laid out yet
            middle = shot.pixel(cell.center().x(), cell.top() + 8 + COVER_SIZE.height() // 2)
            if middle == placeholder:
                return False
        return True

    qtbot.waitUntil(covers_painted, timeout=10_000)
    image = window.grab().toImage()
    image.save(str(_artifacts() / "grid.png"))
    shot = grid.viewport().grab().toImage()
    titles = [room.model.entry(row).title for row in range(8)]
    for row, title in enumerate(titles):
        cell = grid.visualRect(room.model.index(row, 0))
        left = cell.left() + (cell.width() - COVER_SIZE.width()) // 2
        colours = _colours(shot, left + 4, cell.top() + 12, COVER_SIZE.width() - 8, 100)
        if title == "The Waste Land":  # the EPUB's own cover: a photograph
            assert len(colours) > 100, title
        else:  # a painted cover: its cloth and white lettering
            assert QColor("white").rgb() in colours or len(colours) > 3, title
            assert placeholder not in colours, title

    room.view.set_mode("list")
    qtbot.waitUntil(lambda: room.view.list.isVisible())
    window.grab().save(str(_artifacts() / "list.png"))
    model = room.model
    sanguo = next(r for r in range(8) if model.entry(r).title == "三国演义")
    assert model.index(sanguo, 2).data() == "TXT"
    assert model.index(sanguo, 3).data()  # its language, by name
    assert "MiB" in model.index(sanguo, 4).data() or "MB" in model.index(sanguo, 4).data()
