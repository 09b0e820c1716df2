"""The library search's filters as a reader uses them: books or notes only, a
collection, a language — chosen with the mouse in the Ctrl+Shift+F panel, and the
collection the library view shows carried into the search started from it; in
English and in Simplified Chinese."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTreeWidget,
)

from readmark import paths
from readmark.core.operations.library_books import add_books
from readmark.core.store.library import Library

# 三国演义 and the 左传 sample are Chinese (zh-Hans), Alice and the Enchiridion English.
BOOKS = (
    "三国演义.txt",
    "春秋左传_cleaned_text_sample.md",
    "11-0.txt",
    "Enchiridion of Epictetus.md",
)


def _library(shared_books: Path) -> None:
    library = Library(paths.library_db())
    add_books(library, [(shared_books / name).resolve() for name in BOOKS])
    library.catalog.create_collection("Stoics")
    library.catalog.add_to_collection(
        [(shared_books / "Enchiridion of Epictetus.md").resolve()], "Stoics"
    )
    library.close()


def _commit(edit: QLineEdit, text: str) -> None:
    """What a Chinese input method sends when a word is chosen (it replaces the text)."""
    edit.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _books(tree: QTreeWidget) -> list[str]:
    """The books hit, by title without the count."""
    return sorted(
        tree.topLevelItem(i).text(0).rsplit(" (", 1)[0] for i in range(tree.topLevelItemCount())
    )


def _choose(qtbot, combo: QComboBox, label: str) -> None:
    """Open the drop-down with the mouse, go to the item with the arrow keys, Enter.
    (A click on the item right after the list opens is ignored by Qt for a double-
    click interval, so the keys, which a reader uses as well.)"""
    qtbot.waitUntil(lambda: combo.findText(label) >= 0, timeout=20_000)
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = combo.findText(label)
    while view.currentIndex().row() != row:
        key = Qt.Key.Key_Down if view.currentIndex().row() < row else Qt.Key.Key_Up
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: combo.currentIndex() == row and not view.isVisible())


def _panel(window):
    window.menu_actions.search_library.trigger()
    field = window.findChild(QLineEdit, "librarySearchField")
    qtbot_tree = window.findChild(QTreeWidget, "librarySearchResults")
    return (
        field,
        qtbot_tree,
        window.findChild(QComboBox, "librarySearchCollection"),
        window.findChild(QComboBox, "librarySearchLanguage"),
        window.findChild(QLabel, "librarySearchStatus"),
    )


def test_narrow_the_library_search_by_collection_and_language(
    qtbot, make_window, shared_books: Path
) -> None:
    _library(shared_books)
    window = make_window()
    field, tree, collection, language, status = _panel(window)
    qtbot.waitUntil(field.hasFocus)
    # What the filters offer comes from the library.
    qtbot.waitUntil(lambda: collection.count() == 2 and language.count() == 3, timeout=20_000)
    assert [collection.itemText(i) for i in range(2)] == ["Every collection", "Stoics"]
    # Each language by its own name (as the library's list shows it), then its tag.
    assert [language.itemText(i) for i in range(3)] == [
        "Every language",
        "English (en)",  # every English: en-US and en-GB books alike
        "中文 (zh)",
    ]

    qtbot.keyClicks(field, "the")
    alice = "Alice’s Adventures in Wonderland"
    qtbot.waitUntil(lambda: _books(tree) == [alice, "Enchiridion of Epictetus"], timeout=60_000)
    # A book stops at 50 hits: the list and the status say there are more.
    shown = [tree.topLevelItem(i).text(0) for i in range(2)]
    assert f"{alice} (50+)" in shown and status.text().startswith("The first")

    _choose(qtbot, collection, "Stoics")
    qtbot.waitUntil(lambda: _books(tree) == ["Enchiridion of Epictetus"], timeout=20_000)

    _choose(qtbot, collection, "Every collection")
    qtbot.waitUntil(lambda: len(_books(tree)) == 2, timeout=20_000)
    zh = next(language.itemText(i) for i in range(3) if language.itemData(i) == "zh")
    _choose(qtbot, language, zh)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 0 and "Nothing" in status.text())

    _commit(field, "公")  # in both Chinese books, in neither English one
    qtbot.waitUntil(
        lambda: _books(tree) == ["三国演义", "春秋左传_cleaned_text_sample"], timeout=60_000
    )
    _choose(qtbot, collection, "Stoics")  # a Chinese book among the Stoics: none
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 0 and "Nothing" in status.text())


def test_notes_only_and_books_only_with_a_language(qtbot, make_window, shared_books: Path) -> None:
    from readmark.core.annotations import Annotation, Kind, TextTarget
    from readmark.core.formats import open_book

    _library(shared_books)
    window = make_window()
    sanguo = (shared_books / "三国演义.txt").resolve()
    text = open_book(sanguo).section_text(1)
    start = text.index("宴桃园")
    window.library.annotations.add(
        sanguo,
        Annotation(Kind.NOTE, TextTarget(1, start, start + 3, "宴桃园"), note="桃园 notes"),
    )
    field, tree, _collection, language, _status = _panel(window)
    scope = window.findChild(QComboBox, "librarySearchScope")
    _commit(field, "桃园")
    qtbot.waitUntil(lambda: _books(tree) == ["三国演义"], timeout=60_000)
    _choose(qtbot, scope, "Notes only")
    qtbot.waitUntil(lambda: tree.topLevelItem(0) is not None and tree.topLevelItem(0).text(0)
                    == "三国演义 (1)", timeout=20_000)  # fmt: skip
    zh = next(language.itemText(i) for i in range(language.count()) if language.itemData(i) == "zh")
    _choose(qtbot, language, zh)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1, timeout=20_000)
    en = next(language.itemText(i) for i in range(language.count()) if language.itemData(i) == "en")
    _choose(qtbot, language, en)  # the note is in a Chinese book
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 0, timeout=20_000)
    _choose(qtbot, scope, "Books only")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 0)


def test_search_inside_the_collection_the_library_shows(
    qtbot, make_window, shared_books: Path
) -> None:
    _library(shared_books)
    window = make_window()
    window.menu_actions.show_library.trigger()
    shelves = window.findChild(QListWidget, "collectionsList")
    qtbot.waitUntil(lambda: shelves.isVisible() and shelves.count() == 2)
    stoics = next(shelves.item(i) for i in range(2) if shelves.item(i).text().startswith("Stoics"))
    qtbot.mouseClick(
        shelves.viewport(), Qt.MouseButton.LeftButton, pos=shelves.visualItemRect(stoics).center()
    )
    view_filter = window.findChild(QLineEdit, "libraryFilter")
    qtbot.keyClicks(view_filter, "the")
    qtbot.mouseClick(
        window.findChild(QPushButton, "librarySearchInside"), Qt.MouseButton.LeftButton
    )
    collection = window.findChild(QComboBox, "librarySearchCollection")
    tree = window.findChild(QTreeWidget, "librarySearchResults")
    qtbot.waitUntil(lambda: collection.currentText() == "Stoics", timeout=20_000)
    qtbot.waitUntil(lambda: _books(tree) == ["Enchiridion of Epictetus"], timeout=60_000)


@pytest.fixture
def ui_language(qapp) -> Iterator[Callable[[str], object]]:
    """The interface in a language, as `readmark --lang` installs it; English after."""
    from readmark import i18n

    yield lambda language: i18n.install_translator(qapp, language)
    i18n.uninstall_translators(qapp)


def test_the_filters_speak_chinese(qtbot, ui_language, make_window, shared_books: Path) -> None:
    _library(shared_books)
    ui_language("zh_CN")
    window = make_window("zh_CN")
    _field, _tree, collection, language, _status = _panel(window)
    qtbot.waitUntil(lambda: collection.count() == 2, timeout=20_000)
    assert collection.itemText(0) == "所有收藏夹"
    assert language.itemText(0) == "所有语言"
    assert collection.accessibleName() == "只搜索某个收藏夹中的书"
    assert language.accessibleName() == "只搜索某种语言的书"
