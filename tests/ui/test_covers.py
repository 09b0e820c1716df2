"""Covers on the start page and in recent books."""

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from readmark.core.formats import open_book
from readmark.ui.shell.covers import cover_icon, remember_cover


def test_a_books_cover_is_kept_and_shown_among_recent_books(qtbot, make_window, tmp_path: Path):
    folder = tmp_path / "book"
    folder.mkdir()
    image = QImage(300, 450, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    image.save(str(folder / "cover.png"))
    path = folder / "book.md"
    path.write_text("# One\n\nText.\n", encoding="utf-8")
    book = dataclasses.replace(open_book(path), cover="cover.png")
    assert cover_icon(book.content_id) is None
    remember_cover(book)
    icon = cover_icon(book.content_id)
    assert icon is not None and not icon.isNull()
    assert icon.availableSizes()[0].height() == 128  # a thumbnail, not the full image

    window = make_window()
    window.library.touch(book.path, book.content_id, "One", "")
    window.close_book()  # refreshes the start page
    item = window.start_page.recent.item(0)
    assert not item.icon().isNull()


def test_a_cover_outside_the_book_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "outside.png").write_bytes(b"not even an image")
    folder = tmp_path / "book"
    folder.mkdir()
    path = folder / "book.md"
    path.write_text("# One\n", encoding="utf-8")
    book = dataclasses.replace(open_book(path), cover="../outside.png")
    remember_cover(book)
    assert cover_icon(book.content_id) is None
