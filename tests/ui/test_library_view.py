"""The library view (issue 11 §2), driven as a person does: Ctrl+L, typing in the
filter, clicking a column, switching covers/list, double-clicking a book, adding a
folder from the menu, dropping files, watching a folder while a book is copied in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from test_start_page import Pointer

from readmark import paths
from readmark.core.operations.library_books import add_books
from readmark.core.store.library import Library
from readmark.ui.shell.library_wiring import LibraryWiring


def _book(folder: Path, name: str, title: str, author: str = "Ada", body: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    text = body or "Some text to read, long enough to make a page.\n\n" * 20
    path.write_text(
        f"---\ntitle: {title}\nauthor: {author}\nlanguage: en\n---\n\n# One\n\n{text}",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    """Three books already in the library (added from the command line, say)."""
    folder = tmp_path / "shelf"
    _book(folder, "walden.md", "Walden", "Henry David Thoreau")
    _book(folder, "emma.md", "Emma", "Jane Austen")
    _book(folder, "ulysses.md", "Ulysses", "James Joyce")
    library = Library(paths.library_db())
    try:
        add_books(library, [folder])
    finally:
        library.close()
    return folder


def _titles(view) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model
    return [model.entry(row).title for row in range(model.rowCount())]


def _open_library(qtbot, window):  # type: ignore[no-untyped-def]
    window.activateWindow()  # shortcuts reach an active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.focusWidget() or window.start_page, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    view = window.library_wiring.room.view
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    return view


def test_ctrl_l_shows_the_library_and_the_filter_narrows_it(qtbot, make_window, shelf) -> None:
    window = make_window()
    view = _open_library(qtbot, window)
    assert sorted(_titles(view)) == ["Emma", "Ulysses", "Walden"]
    assert view.count_label.text() == "3 books"
    assert window.menu_actions.show_library.isChecked()

    qtbot.keyClicks(view.filter, "austen")
    qtbot.waitUntil(lambda: _titles(view) == ["Emma"])
    assert view.count_label.text() == "1 of 3 books"
    view.filter.clear()
    qtbot.waitUntil(lambda: len(_titles(view)) == 3)

    qtbot.keyClick(view.filter, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # and back
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page)


def test_sorting_by_a_column_and_the_mode_are_remembered(qtbot, make_window, shelf) -> None:
    window = make_window()
    view = _open_library(qtbot, window)
    qtbot.mouseClick(view.list_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.list
    header = view.list.header()
    title_x = header.sectionViewportPosition(0) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(title_x, 5))
    first = _titles(view)
    assert first in (["Emma", "Ulysses", "Walden"], ["Walden", "Ulysses", "Emma"])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(title_x, 5))
    assert _titles(view) == list(reversed(first))
    assert view.sort_box.currentData() == "title"
    sorted_as = _titles(view)

    window.close()
    again = make_window()  # a restart
    view = _open_library(qtbot, again)
    assert view.pages.currentWidget() is view.list
    assert _titles(view) == sorted_as

    qtbot.mouseClick(view.grid_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.grid
    view.sort_box.setCurrentIndex(view.sort_box.findData("author"))
    view.sort_box.activated.emit(view.sort_box.currentIndex())  # what choosing it does
    authors = [view.model.entry(r).authors for r in range(3)]
    assert authors == sorted(authors, reverse=view.order_button.isChecked())


def test_double_clicking_a_cover_opens_the_book(qtbot, make_window, shelf) -> None:
    window = make_window()
    view = _open_library(qtbot, window)
    qtbot.mouseClick(view.grid_button, Qt.MouseButton.LeftButton)
    row = _titles(view).index("Ulysses")
    index = view.model.index(row, 0)
    qtbot.waitUntil(lambda: not view.grid.visualRect(index).isEmpty())  # laid out
    where = view.grid.viewport().mapTo(window, view.grid.visualRect(index).center())
    pointer = Pointer(window)  # as the window system delivers a double-click
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        pointer.click(where)
        pointer.second_click_of_double_click(where)
    assert window.reader.book.metadata.title == "Ulysses"
    assert window.stack.currentWidget() is window.reader
    # Reading progress shows in the status bar and reaches the library.
    progress = window.library_wiring.progress_label
    qtbot.waitUntil(progress.isVisible)
    assert progress.text().startswith("0%")
    window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: not progress.text().startswith("0%"), timeout=5000)
    qtbot.waitUntil(
        lambda: window.library.catalog.entry(shelf / "ulysses.md").progress is not None,
        timeout=5000,
    )
    assert "One" in progress.text()  # the chapter being read


def test_pressing_enter_on_a_row_opens_the_book(qtbot, make_window, shelf) -> None:
    window = make_window()
    view = _open_library(qtbot, window)
    qtbot.mouseClick(view.list_button, Qt.MouseButton.LeftButton)
    view.list.setFocus()
    view.list.setCurrentIndex(view.model.index(_titles(view).index("Walden"), 0))
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert window.reader.book.metadata.title == "Walden"


def test_add_a_folder_from_the_menu(qtbot, make_window, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "new books"
    _book(folder / "deeper", "a.md", "Alpha")
    _book(folder, "b.md", "Beta")
    (folder / "broken.epub").write_bytes(b"not an epub")
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(folder))
    )
    window = make_window()
    window.menu_actions.add_folder.trigger()
    view = window.library_wiring.room.view
    qtbot.waitUntil(lambda: sorted(_titles(view)) == ["Alpha", "Beta"], timeout=10_000)
    assert window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: "1 could not be read" in window.statusBar().currentMessage())
    box = window.findChild(QMessageBox, "unreadableBooks")
    assert box is not None and "broken.epub" in box.detailedText()
    box.close()


def test_dropping_files_on_the_library_adds_them(qtbot, make_window, tmp_path) -> None:
    dropped = [_book(tmp_path / "drop", "c.md", "Gamma"), _book(tmp_path / "drop", "d.md", "Delta")]
    window = make_window()
    view = _open_library(qtbot, window)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in dropped])
    where = QPointF(view.rect().center())
    enter = QDragEnterEvent(
        where.toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(view, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(view, drop)
    qtbot.waitUntil(lambda: sorted(_titles(view)) == ["Delta", "Gamma"], timeout=10_000)


def test_a_book_copied_into_a_watched_folder_is_added_once_complete(
    qtbot, make_window, tmp_path, monkeypatch
) -> None:
    watched = tmp_path / "watched"
    watched.mkdir()
    monkeypatch.setattr(LibraryWiring, "settle_ms", 400)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(watched))
    )
    window = make_window()
    window.menu_actions.watch_folder.trigger()
    view = window.library_wiring.room.view
    qtbot.waitUntil(lambda: "Watching" in window.statusBar().currentMessage())

    # Copied in slowly, a chunk every 150 ms: never unchanged for 400 ms until done.
    source = _book(tmp_path / "elsewhere", "slow.md", "Slowly Copied", body="Words. " * 20_000)
    content = source.read_bytes()
    chunks = [
        content[i : i + len(content) // 8 + 1]
        for i in range(0, len(content), len(content) // 8 + 1)
    ]
    target = watched / "sub" / "slow.md"
    target.parent.mkdir()
    written = []

    def write_next() -> None:
        with target.open("ab") as handle:
            handle.write(chunks[len(written)])
        written.append(True)
        if len(written) < len(chunks):
            QTimer.singleShot(150, write_next)

    write_next()
    qtbot.waitUntil(lambda: _titles(view) == ["Slowly Copied"], timeout=15_000)
    assert len(written) == len(chunks)  # not before the copy was complete
    entry = window.library.catalog.entry(target.resolve())
    assert entry is not None and entry.size == len(content)


def test_a_watched_folder_that_disappears_is_said_and_nothing_removed(
    qtbot, make_window, tmp_path, monkeypatch
) -> None:
    watched = tmp_path / "usb"
    _book(watched, "kept.md", "Kept")
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(watched))
    )
    window = make_window()
    window.menu_actions.watch_folder.trigger()
    view = window.library_wiring.room.view
    qtbot.waitUntil(lambda: _titles(view) == ["Kept"], timeout=10_000)
    shutil.rmtree(watched)
    qtbot.waitUntil(lambda: "is not there" in window.statusBar().currentMessage(), timeout=10_000)
    assert _titles(view) == ["Kept"]
    window.library_wiring.room.refresh()
    assert _titles(view) == ["Kept"]


def test_removing_a_book_asks_and_says_its_annotations_are_kept(qtbot, make_window, shelf) -> None:
    from readmark.core.annotations import Annotation, Kind, TextTarget

    window = make_window()
    path = (shelf / "emma.md").resolve()
    window.library.annotations.add(
        path, Annotation(kind=Kind.HIGHLIGHT, target=TextTarget(0, 0, 4, "Some"))
    )
    view = _open_library(qtbot, window)
    qtbot.mouseClick(view.list_button, Qt.MouseButton.LeftButton)
    view.list.setCurrentIndex(view.model.index(_titles(view).index("Emma"), 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    box = window.findChild(QMessageBox, "removeBook")
    qtbot.waitUntil(box.isVisible)
    assert "It has 1 annotations. They are kept" in box.informativeText()
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Emma" not in _titles(view))
    assert "kept for its return" in window.statusBar().currentMessage()
    assert len(window.library.annotations.for_book(path)) == 1


def _book_menu(qtbot, window, view, title: str):  # type: ignore[no-untyped-def]
    """Right-click a book in the list; the context menu that opens."""
    from PySide6.QtWidgets import QMenu

    index = view.model.index(_titles(view).index(title), 0)
    qtbot.waitUntil(lambda: not view.list.visualRect(index).isEmpty())
    view.list.customContextMenuRequested.emit(view.list.visualRect(index).center())
    menus = [m for m in window.findChildren(QMenu, "bookMenu") if m.isVisible()]
    assert len(menus) == 1
    return menus[0]


def _action(menu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text() == text)


def test_make_a_collection_put_a_book_in_it_and_show_it(
    qtbot, make_window, shelf, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kw: ("Favourites", True))
    )
    window = make_window()
    view = _open_library(qtbot, window)
    qtbot.mouseClick(view.list_button, Qt.MouseButton.LeftButton)
    panel = view.collections
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    names = lambda: [panel.list.item(r).text() for r in range(panel.list.count())]  # noqa: E731
    qtbot.waitUntil(lambda: names() == ["All Books (3)", "Favourites (0)"])

    menu = _book_menu(qtbot, window, view, "Emma")
    _action(_action(menu, "Add to Collection").menu(), "Favourites").trigger()
    menu.close()
    qtbot.waitUntil(lambda: names() == ["All Books (3)", "Favourites (1)"])
    menu = _book_menu(qtbot, window, view, "Walden")
    _action(_action(menu, "Add to Collection").menu(), "Favourites").trigger()
    menu.close()

    favourites = panel.list.item(1)
    qtbot.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.list.visualItemRect(favourites).center(),
    )
    qtbot.waitUntil(lambda: sorted(_titles(view)) == ["Emma", "Walden"])
    assert view.count_label.text() == "2 of 3 books"
    menu = _book_menu(qtbot, window, view, "Emma")
    _action(menu, "Remove from “Favourites”").trigger()
    menu.close()
    qtbot.waitUntil(lambda: _titles(view) == ["Walden"])
    assert window.library.catalog.entry((shelf / "emma.md").resolve()).collections == ()


def test_edit_a_books_details_in_the_library(qtbot, make_window, shelf) -> None:
    from PySide6.QtWidgets import QDialog

    window = make_window()
    view = _open_library(qtbot, window)
    qtbot.mouseClick(view.list_button, Qt.MouseButton.LeftButton)
    before = (shelf / "ulysses.md").read_bytes()
    menu = _book_menu(qtbot, window, view, "Ulysses")
    _action(menu, "Edit Details…").trigger()
    menu.close()
    dialog = window.findChild(QDialog, "bookDetails")
    qtbot.waitUntil(dialog.isVisible)
    title = dialog.findChild(QLineEdit, "detailsTitle")
    title.selectAll()
    title.insert("尤利西斯")  # what an input method commits (QTest types Latin-1 only)
    tags = dialog.findChild(QLineEdit, "detailsTags")
    qtbot.keyClicks(tags, "modernism, Dublin")
    title.clear()
    assert not dialog.save_button.isEnabled()  # a book needs a title
    title.insert("尤利西斯")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "尤利西斯" in _titles(view))
    entry = window.library.catalog.entry((shelf / "ulysses.md").resolve())
    assert entry.tags == ("modernism", "Dublin")
    qtbot.keyClicks(view.filter, "dublin")  # tags are found by the filter
    qtbot.waitUntil(lambda: _titles(view) == ["尤利西斯"])
    assert (shelf / "ulysses.md").read_bytes() == before


def test_adding_many_books_shows_progress_and_can_be_cancelled(
    qtbot, make_window, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QProgressBar, QPushButton

    folder = tmp_path / "many"
    for n in range(150):
        _book(folder, f"book{n:03}.md", f"Book {n}", body=f"Chapter text {n}. " * 3000)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(folder))
    )
    window = make_window()
    window.menu_actions.add_folder.trigger()
    bar = window.statusBar().findChild(QProgressBar, "libraryAddProgress")
    cancel = window.statusBar().findChild(QPushButton, "libraryAddCancel")
    qtbot.waitUntil(lambda: bar.maximum() == 150 and bar.value() > 0, timeout=10_000)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert window.library.catalog.entries() == []  # cancelled: nothing half-added

    window.menu_actions.add_folder.trigger()  # again, to the end
    view = window.library_wiring.room.view
    qtbot.waitUntil(lambda: view.model.total == 150, timeout=60_000)
    qtbot.waitUntil(lambda: not bar.isVisible())


def test_the_library_and_back_leave_the_readers_panels_as_they_were(
    qtbot, make_window, open_and_wait, shelf
) -> None:
    window = make_window()
    open_and_wait(window, shelf / "emma.md")
    assert window.toc.isVisible() and window.settings.get("reader.toc_visible")
    window.menu_actions.toggle_annotations.trigger()  # F10: the annotations panel too
    qtbot.waitUntil(lambda: window.annotations_panel.isVisible())
    view = _open_library(qtbot, window)
    # The library fills the window: the book's panels step aside, not forgotten.
    assert not window.toc.isVisible() and not window.annotations_panel.isVisible()
    assert window.settings.get("reader.toc_visible")
    assert window.settings.get("reader.annotations_visible")
    qtbot.keyClick(view.filter, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.reader)
    assert window.toc.isVisible() and window.settings.get("reader.toc_visible")
    assert window.annotations_panel.isVisible()
    assert window.windowTitle() == "Emma — Readmark"
