"""The first customer's book, converted from print, in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QFontInfo, QTextCursor
from PySide6.QtWidgets import QToolTip
from reader_wait import wait_shown

SAMPLE = "000_25b2869f1a30fd56.txt"


def _go(qtbot, window, title: str) -> None:
    tree = window.toc.tree
    item = tree.findItems(title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    tree.itemClicked.emit(item, 0)
    wait_shown(qtbot, window.reader)


def _footnote_markers(reader) -> list[tuple[int, str]]:
    """(document position, note anchor) of each footnote marker on the page: a link
    to a note (`#fn:…`), not a note's link back to its marker (`#fnref:…`)."""
    found = []
    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href.startswith(("#fn:", "#fn-")):
                found.append((fragment.position(), href[1:]))
            it += 1
        block = block.next()
    return found


def _after(reader, position: int):
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position + 1)
    return reader.cursorRect(cursor)


def test_repaired_preface_with_footnote_popup(
    qtbot, make_window, open_and_wait, shared_books: Path
):
    window = make_window()
    open_and_wait(window, shared_books / SAMPLE)
    assert window.windowTitle().startswith("怎样做好群众工作 密切党群关系")
    _go(qtbot, window, "前 言")
    reader = window.reader
    text = reader.toPlainText()
    assert "得到贯彻落实。马克思主义唯物史观认为" in text
    assert "<sup>" not in text
    [(position, note)] = _footnote_markers(reader)  # the one stranded print footnote
    assert reader.note_text(note).startswith("《坚定不移沿着中国特色社会主义道路前进")
    # Hovering the marker pops the note up.
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    left, right = reader.cursorRect(cursor), _after(reader, position)
    qtbot.mouseMove(reader.viewport(), QPoint((left.x() + right.x()) // 2, left.center().y()))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("《坚定不移沿着中国特色社会主义道路前进")
    # The book font is a Simplified Chinese one, not the Japanese fallback.
    family = QFontInfo(reader.document().defaultFont()).family()
    assert "SC" in family or "CN" in family or "Hei" in family, family


def test_switching_repair_off_shows_the_file_as_it_is(
    qtbot, make_window, open_and_wait, shared_books: Path
):
    window = make_window()
    open_and_wait(window, shared_books / SAMPLE)
    _go(qtbot, window, "前 言")
    assert window.menu_actions.repair.isChecked()
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.menu_actions.repair.trigger()
    reader = window.reader
    assert reader.section == 2  # still in the preface
    text = reader.toPlainText()
    assert "得到贯彻落实。马克思\n" in text  # the page split is back
    assert window.library.get(reader.book.path).repair is False
    window.close()

    again = make_window()
    open_and_wait(again, shared_books / SAMPLE)
    assert not again.menu_actions.repair.isChecked()  # remembered per book


def test_chinese_user_interface(qtbot, make_window, open_and_wait, shared_books: Path):
    from readmark import i18n

    app = QCoreApplication.instance()
    assert i18n.install_translator(app, "zh_CN")
    try:
        window = make_window(language="zh_CN")
        menus = [a.text() for a in window.menuBar().actions()]
        assert any("文件" in m for m in menus), menus
        assert window.toc.windowTitle() == "目录"
        assert "阅读" in window.start_page.guide_button.text() or "指南" in (
            window.start_page.guide_button.text()
        )
        with qtbot.waitSignal(window.book_shown, timeout=10_000):
            window.open_guide()
        assert window.reader.book.path.name == "guide.zh.md"
    finally:
        i18n.uninstall_translators(app)  # English and the default locale for other tests
