"""The library search as a reader uses it: Ctrl+Shift+F, typing (a Chinese IME's
commit), the hits grouped by book, a note marked with its colour, clicking a hit
opens its book with the hit selected — through the window's public widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
)

from readmark import paths
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.formats import open_book
from readmark.core.operations.library_books import add_books
from readmark.core.store.library import Library


def _library_with(books: list[Path]) -> None:
    library = Library(paths.library_db())
    add_books(library, books)
    library.close()


def _commit(edit: QLineEdit, text: str) -> None:
    """What a Chinese input method sends when a word is chosen."""
    edit.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _books(tree: QTreeWidget) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_search_the_library_and_open_a_hit(qtbot, make_window, shared_books: Path) -> None:
    sanguo = (shared_books / "三国演义.txt").resolve()
    alice = (shared_books / "11-0.txt").resolve()
    _library_with([sanguo, alice])
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: (
            (window.findChild(QDockWidget, "library-search") or window).isVisible()
            and window.findChild(QDockWidget, "library-search") is not None
        )
    )
    field = window.findChild(QLineEdit, "librarySearchField")
    tree = window.findChild(QTreeWidget, "librarySearchResults")
    status = window.findChild(QLabel, "librarySearchStatus")
    qtbot.waitUntil(field.hasFocus)

    _commit(field, "關雲長")  # Traditional, over the Simplified novel
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=60_000)
    assert _books(tree)[0].startswith("三国演义 (")
    first = tree.topLevelItem(0).child(0)
    label = tree.itemWidget(first, 0)
    assert "<b" in label.text() and "关云长" in label.text()  # the hit emphasised
    assert "hits" in status.text() or "first" in status.text()

    rect = tree.visualItemRect(first)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText() == "关云长", timeout=20_000)
    assert window.reader.book.path.resolve() == sanguo

    # English, by a prefix; the scope limits to books.
    field.clear()
    qtbot.keyClicks(field, "rabb")
    qtbot.waitUntil(
        lambda: tree.topLevelItemCount() > 0 and _books(tree)[0].startswith("Alice"),
        timeout=20_000,
    )

    # A note, found as soon as it is in the library, marked with its colour.
    text = open_book(sanguo).section_text(1)
    start = text.index("宴桃园")
    window.library.annotations.add(
        sanguo,
        Annotation(
            Kind.NOTE,
            TextTarget(1, start, start + 3, "宴桃园"),
            color="green",
            note="桃园三结义之笔记",
        ),
    )
    scope = window.findChild(QComboBox, "librarySearchScope")
    scope.setCurrentIndex(scope.findData("notes"))
    _commit(field, "结义之笔")
    qtbot.waitUntil(lambda: _books(tree) == ["三国演义 (1)"], timeout=20_000)
    note = tree.topLevelItem(0).child(0)
    assert not note.icon(0).isNull()  # the colour swatch
    assert "Note" in tree.itemWidget(note, 0).text()
    window.grab().save(str(Path(paths.data_dir()) / "library-search.png"))


def test_indexing_can_be_paused_and_resumed(qtbot, make_window, shared_books: Path) -> None:
    _library_with(
        [(shared_books / "三国演义.txt").resolve(), (shared_books / "11-0.txt").resolve()]
    )
    window = make_window()
    window.menu_actions.search_library.trigger()
    pause = window.findChild(QPushButton, "librarySearchPause")
    status = window.findChild(QLabel, "librarySearchStatus")
    qtbot.waitUntil(pause.isVisible)
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    assert pause.isChecked() and pause.text() == "Resume Indexing"
    assert not window.tasks.running("library-index")
    assert "paused" in status.text()
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    field = window.findChild(QLineEdit, "librarySearchField")
    tree = window.findChild(QTreeWidget, "librarySearchResults")
    qtbot.keyClicks(field, "rabbit")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=60_000)
    assert _books(tree)[0].startswith("Alice")


def test_search_inside_books_from_the_library_view(qtbot, make_window, shared_books: Path) -> None:
    _library_with([(shared_books / "三国演义.txt").resolve()])
    window = make_window()
    window.menu_actions.show_library.trigger()
    view_filter = window.findChild(QLineEdit, "libraryFilter")
    qtbot.waitUntil(view_filter.isVisible)
    _commit(view_filter, "赤壁")
    button = window.findChild(QPushButton, "librarySearchInside")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    field = window.findChild(QLineEdit, "librarySearchField")
    tree = window.findChild(QTreeWidget, "librarySearchResults")
    qtbot.waitUntil(lambda: field is not None and field.isVisible())
    assert field.text() == "赤壁"
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=60_000)
    assert _books(tree)[0].startswith("三国演义")


def test_many_books_are_indexed_by_worker_processes_and_pausing_stops_them(
    qtbot, make_window, shared_books: Path
) -> None:
    from readmark.core.search.index import SearchIndex

    names = [
        "三国演义.txt", "11-0.txt", "Enchiridion of Epictetus.md", "wasteland.epub",
        "Liber_Esther.epub", "春秋左传_cleaned_text_sample.md", "000_25b2869f1a30fd56.txt",
    ]  # fmt: skip
    _library_with([(shared_books / name).resolve() for name in names])
    window = make_window()
    window.menu_actions.search_library.trigger()
    pause = window.findChild(QPushButton, "librarySearchPause")
    qtbot.waitUntil(pause.isVisible)
    qtbot.waitUntil(lambda: window.tasks.running("library-index"))
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)  # while the processes read
    qtbot.waitUntil(lambda: not window.tasks.running("library-index"), timeout=10_000)
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    field = window.findChild(QLineEdit, "librarySearchField")
    tree = window.findChild(QTreeWidget, "librarySearchResults")
    _commit(field, "關雲長")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=60_000)
    qtbot.waitUntil(lambda: not window.tasks.running("library-index"), timeout=60_000)
    assert _books(tree)[0].startswith("三国演义 (")
    library = Library(paths.library_db())
    index = SearchIndex(paths.search_index())
    try:
        assert index.missing(library) == []  # every book, by the worker processes
        assert index.not_indexed() == []
    finally:
        index.close()
        library.close()
