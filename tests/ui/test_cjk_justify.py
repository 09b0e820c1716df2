"""Justified Chinese text with Latin words in it: the spare width of a line is
shared between the characters, not piled into the spaces beside the Latin words."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontInfo, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QToolButton
from reader_wait import wait_shown

from readmark import resources

LEFT = Qt.MouseButton.LeftButton
_OBJECT = "\ufffc"  # an inline image: as wide as the picture


def _widest_advances(document: QTextDocument) -> list[tuple[float, str]]:
    """(advance in px, the line's text) of the widest character on every justified
    line but a paragraph's last, as laid out on screen."""
    document.documentLayout().documentSize()  # all of it laid out
    found = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        justified = block.blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify
        if justified and layout is not None:
            text = block.text()
            for number in range(layout.lineCount() - 1):
                line = layout.lineAt(number)
                start, length = line.textStart(), line.textLength()
                xs = [line.cursorToX(start + i)[0] for i in range(length + 1)]
                advances = [
                    (xs[i + 1] - xs[i], text[start : start + length])
                    for i in range(length - 1)  # a space ending the line hangs outside it
                    if text[start + i] != _OBJECT
                ]
                if advances:
                    found.append(max(advances))
        block = block.next()
    return found


def test_chinese_guide_lines_have_no_wide_gaps(qtbot, make_window, open_and_wait):
    window = make_window()
    open_and_wait(window, resources.guide_book("zh_CN"))
    reader = window.reader
    em = QFontInfo(reader.document().defaultFont()).pixelSize()
    for width in (1000, 1200, 1450):
        window.resize(width, 800)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        reader.go_to(0)
        wait_shown(qtbot, reader)
        while True:
            widest = max(_widest_advances(reader.document()))
            assert widest[0] <= 1.5 * em, (width, reader.section, widest)
            if reader.section + 1 == len(reader.book.sections):
                break
            reader.next_section()
            wait_shown(qtbot, reader)


def _point_at(reader, position: int) -> QPoint:
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    rect = reader.cursorRect(cursor)
    return QPoint(rect.left() + 2, rect.center().y())


def test_a_highlight_beside_a_latin_word_keeps_its_text(qtbot, make_window, open_and_wait):
    window = make_window()
    window.resize(1000, 800)
    open_and_wait(window, resources.guide_book("zh_CN"))
    reader = window.reader
    quote = "Readmark 是一款桌面阅读器"
    # Where the view shows it: the same characters, whatever the space is drawn with.
    shown = reader.document().find("是一款桌面阅读器")
    assert not shown.isNull()
    start, end = shown.selectionStart() - len("Readmark "), shown.selectionEnd()
    viewport = reader.viewport()
    qtbot.mousePress(viewport, LEFT, pos=_point_at(reader, start))
    qtbot.mouseMove(viewport, _point_at(reader, (start + end) // 2))
    qtbot.mouseMove(viewport, _point_at(reader, end))
    qtbot.mouseRelease(viewport, LEFT, pos=_point_at(reader, end))
    selected = reader.selected_range()
    assert selected is not None
    assert reader.canonical_text()[selected[0] : selected[1]] == quote
    assert reader.book.section_text(reader.section)[selected[0] : selected[1]] == quote
    reader.copy()  # Edit › Copy
    assert QGuiApplication.clipboard().text() == quote
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # Ctrl+C
    assert QGuiApplication.clipboard().text() == quote

    swatch = window.findChild(QToolButton, "swatch_yellow")
    qtbot.waitUntil(swatch.isVisible)
    qtbot.mouseClick(swatch, LEFT)
    [annotation] = window.library.annotations.for_book(reader.book.path)
    assert annotation.quote == quote
    assert (annotation.target.start, annotation.target.end) == selected
    # The highlight drawn covers exactly the characters selected on screen.
    [drawn] = reader.extraSelections()
    assert (drawn.cursor.selectionStart(), drawn.cursor.selectionEnd()) == (start, end)


def test_the_text_map_pairs_text_drawn_with_zero_width_spaces():
    from readmark.ui.reader.text_map import TextMap

    canonical = "Readmark 是一款 Markdown 阅读器\u200b。"
    shown = "Readmark\u200b是一款\u200bMarkdown\u200b阅读器\u200b。"  # same length, one for one
    text_map = TextMap(canonical, shown)
    assert text_map.exact
    start = canonical.index("是")
    assert text_map.to_document_range(start, start + 3) == (start, start + 3)
    assert text_map.to_canonical_range(0, len("Readmark ") + 3) == (0, start + 3)
