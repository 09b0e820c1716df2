"""The contents panel marks the entry being read, in the real sample book."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from reader_wait import wait_shown
from test_reading import _click_toc

SAMPLE = "000_25b2869f1a30fd56.txt"


def _marked(window) -> str:
    """The entry the panel shows as being read (bold, and the current row)."""
    tree = window.toc.tree
    item = tree.currentItem()
    assert item is not None and item.font(0).bold()
    return item.text(0)


def test_the_entry_clicked_is_the_one_marked(qtbot, make_window, open_and_wait, shared_books: Path):
    window = make_window()
    window.resize(1600, 1200)
    open_and_wait(window, shared_books / SAMPLE)
    _click_toc(qtbot, window, "前 言")
    assert _marked(window) == "前 言"
    _click_toc(qtbot, window, "目 录")
    assert window.reader.section == 3
    assert _marked(window) == "目 录"
    _click_toc(qtbot, window, "二、为民是做好新形势下群众工作的基本前提")
    assert _marked(window) == "二、为民是做好新形势下群众工作的基本前提"


def test_going_back_marks_where_the_reader_is_now(
    qtbot, make_window, open_and_wait, shared_books: Path
):
    window = make_window()
    window.resize(1600, 1200)
    open_and_wait(window, shared_books / SAMPLE)
    reader = window.reader
    _click_toc(qtbot, window, "前 言")
    assert _marked(window) == "前 言"
    _click_toc(qtbot, window, "目 录")
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    wait_shown(qtbot, reader)
    assert reader.section == 2
    assert _marked(window) == "前 言"
    _click_toc(qtbot, window, "目 录")
    _click_toc(qtbot, window, "三、务实是做好新形势下群众工作的重要基础")
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    wait_shown(qtbot, reader)
    assert reader.section == 3
    assert _marked(window) == "目 录"


# -- the panel's width ------------------------------------------------------------


def _open_window(qtbot, make_window, open_and_wait, book: Path, width: int):
    from readmark.ui.shell.dock_widths import keep_dock_widths

    window = make_window()
    # What MainWindow does on start (idempotent: one keeper per window).
    keep_dock_widths(window, {window.toc: 300, window.annotations_panel: 340})
    _resize(qtbot, window, width)
    open_and_wait(window, book)
    return window


def _resize(qtbot, window, width: int) -> None:
    window.resize(width, 760)
    qtbot.waitUntil(lambda: window.width() == width)


def _drag_panel_edge(qtbot, window, by: int) -> None:
    """Drag the splitter between the contents and the page, as with the mouse."""
    toc = window.toc.geometry()
    page = window.centralWidget().geometry()
    edge = QPoint((toc.right() + page.left()) // 2, toc.center().y())
    screen = window.windowHandle()  # through the window system, buttons held while moving
    qtbot.mouseMove(screen, edge)
    qtbot.mousePress(screen, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(screen, edge + QPoint(by // 2, 0))
    qtbot.mouseMove(screen, edge + QPoint(by, 0))
    qtbot.mouseRelease(screen, Qt.MouseButton.LeftButton, pos=edge + QPoint(by, 0))


def _near(width: int, expected: int) -> bool:
    return abs(width - expected) <= 8


def test_the_contents_come_back_after_a_small_window(qtbot, make_window, open_and_wait, long_book):
    window = _open_window(qtbot, make_window, open_and_wait, long_book, 1100)
    toc = window.toc
    qtbot.waitUntil(lambda: _near(toc.width(), 300))
    _resize(qtbot, window, 500)
    assert toc.width() < 200  # the page needs the room
    _resize(qtbot, window, 1400)
    qtbot.waitUntil(lambda: _near(toc.width(), 300))
    _resize(qtbot, window, 500)
    window.close()  # small when quitting

    again = _open_window(qtbot, make_window, open_and_wait, long_book, 1400)
    qtbot.waitUntil(lambda: _near(again.toc.width(), 300))


def test_the_contents_keep_the_width_the_reader_dragged_them_to(
    qtbot, make_window, open_and_wait, long_book
):
    window = _open_window(qtbot, make_window, open_and_wait, long_book, 1100)
    toc = window.toc
    qtbot.waitUntil(lambda: _near(toc.width(), 300))
    _drag_panel_edge(qtbot, window, 120)
    assert _near(toc.width(), 420)
    _resize(qtbot, window, 1300)  # a wider window gives the page the room
    assert _near(toc.width(), 420)
    _resize(qtbot, window, 500)
    assert toc.width() < 200
    _resize(qtbot, window, 1300)
    qtbot.waitUntil(lambda: _near(toc.width(), 420))
    _drag_panel_edge(qtbot, window, -200)
    assert _near(toc.width(), 220)
    _resize(qtbot, window, 1500)
    assert _near(toc.width(), 220)  # narrower by choice stays narrower
    _resize(qtbot, window, 500)
    window.close()

    again = _open_window(qtbot, make_window, open_and_wait, long_book, 1300)
    qtbot.waitUntil(lambda: _near(again.toc.width(), 220))


# -- a big book's contents, filled in chunks ------------------------------------


def _big_contents_book(folder: Path, chapters: int) -> Path:
    """A Markdown book with chapters × 3 contents entries (a chapter, two parts)."""
    text = "".join(
        f"# Chapter {n}\n\nText of chapter {n}.\n\n## Part {n}.1\n\nOne.\n\n## Part {n}.2\n\nTwo.\n\n"
        for n in range(1, chapters + 1)
    )
    path = folder / "many-chapters.md"
    path.write_text(text, encoding="utf-8")
    return path


def _rows(tree) -> list[tuple[str, int]]:
    """Every row as (title, depth), in order."""
    rows: list[tuple[str, int]] = []

    def walk(item, depth: int) -> None:
        rows.append((item.text(0), depth))
        for k in range(item.childCount()):
            walk(item.child(k), depth + 1)

    for k in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(k), 0)
    return rows


def test_a_big_books_contents_are_all_listed_and_marked(
    qtbot, make_window, open_and_wait, tmp_path: Path
):
    """Thousands of entries come after the first screen, all of them, in order,
    expanded, and the entry being read is marked once they are there."""
    from readmark.ui.reader.toc_panel import CHUNK_ROWS

    chapters = CHUNK_ROWS  # 3 × CHUNK_ROWS rows: several chunks
    window = make_window()
    window.resize(1200, 900)
    open_and_wait(window, _big_contents_book(tmp_path, chapters))
    tree = window.toc.tree
    qtbot.waitUntil(window.toc.is_filled)
    expected = []
    for n in range(1, chapters + 1):
        expected += [(f"Chapter {n}", 0), (f"Part {n}.1", 1), (f"Part {n}.2", 1)]
    assert _rows(tree) == expected
    assert all(tree.topLevelItem(k).isExpanded() for k in range(tree.topLevelItemCount()))
    qtbot.waitUntil(lambda: tree.currentItem() is not None)
    assert _marked(window) == "Chapter 1"
    last = f"Chapter {chapters}"
    _click_toc(qtbot, window, last)
    assert window.reader.section == chapters - 1
    assert _marked(window) == last


def test_a_big_book_reopened_far_in_marks_its_entry_once_listed(
    qtbot, make_window, open_and_wait, tmp_path: Path
):
    """Reopened at a chapter whose row comes in a later chunk, the mark waits for
    it, and lands on that chapter, not on a row listed before it."""
    from readmark.ui.reader.toc_panel import CHUNK_ROWS

    chapters = CHUNK_ROWS
    book = _big_contents_book(tmp_path, chapters)
    window = make_window()
    window.resize(1200, 900)
    open_and_wait(window, book)
    qtbot.waitUntil(window.toc.is_filled)
    _click_toc(qtbot, window, f"Chapter {chapters - 1}")
    window.close()

    again = make_window()
    again.resize(1200, 900)
    open_and_wait(again, book)
    assert again.reader.section == chapters - 2
    qtbot.waitUntil(again.toc.is_filled)
    qtbot.waitUntil(lambda: again.toc.tree.currentItem() is not None)
    assert _marked(again) == f"Chapter {chapters - 1}"


def test_a_gb18030_novels_chapters_are_listed_after_its_first_screen(
    qtbot, make_window, open_and_wait, tmp_path: Path
):
    """A .txt novel with more `第…章` chapters than a chunk (the benchmark's has
    1,136) shows its first screen with one chunk of the contents listed, then all
    of them in order, and the last one is reachable."""
    from readmark.ui.reader.toc_panel import CHUNK_ROWS

    chapters = CHUNK_ROWS + CHUNK_ROWS // 2
    body = "".join(
        f"第{n}章 第{n}个故事\r\n\r\n　　这是第{n}章的正文，说了一些事情。\r\n\r\n"
        for n in range(1, chapters + 1)
    )
    book = tmp_path / "长篇小说.txt"
    book.write_bytes(("《长篇小说》\r\n作者：无名氏\r\n\r\n" + body).encode("gb18030"))
    window = make_window()
    window.resize(1200, 900)
    open_and_wait(window, book)
    tree = window.toc.tree
    assert 0 < tree.topLevelItemCount() <= CHUNK_ROWS
    qtbot.waitUntil(window.toc.is_filled)
    rows = [title for title, depth in _rows(tree) if depth == 0]
    assert rows[-chapters:] == [f"第{n}章 第{n}个故事" for n in range(1, chapters + 1)]
    last = f"第{chapters}章 第{chapters}个故事"
    _click_toc(qtbot, window, last)
    assert _marked(window) == last
    assert f"这是第{chapters}章的正文" in window.reader.toPlainText()
