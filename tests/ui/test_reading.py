"""Reading a book in the real main window, driven as a person would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from reader_wait import wait_shown


def _top_block_text(window) -> str:
    reader = window.reader
    return reader.document().findBlock(reader.position().offset).text()


def _click_toc(qtbot, window, title: str) -> None:
    tree = window.toc.tree
    items = tree.findItems(title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert items, f"no TOC entry {title!r}"
    tree.scrollToItem(items[0])
    rect = tree.visualItemRect(items[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_shown(qtbot, window.reader)


def _settle_layout(reader) -> None:
    """Lay out now what Qt would lay out later: the rest of the text (done lazily,
    on a timer) and the view itself (a scroll bar coming or going is posted)."""
    reader.document().documentLayout().documentSize()
    QApplication.processEvents()
    reader.document().documentLayout().documentSize()


def test_opening_shows_metadata_toc_and_first_section(qtbot, open_and_wait, make_window, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    assert "A Long Book" in window.windowTitle()
    tree = window.toc.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        f"Chapter {n}" for n in range(1, 5)
    ]
    assert tree.topLevelItem(0).child(0).text(0) == "Part 1.2"
    assert window.reader.section == 0
    assert "Paragraph 1.0" in window.reader.toPlainText()


def test_clicking_toc_entry_goes_there_and_marks_it(qtbot, open_and_wait, make_window, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    _click_toc(qtbot, window, "Chapter 3")
    assert window.reader.section == 2
    assert _top_block_text(window).startswith("Chapter 3")
    _click_toc(qtbot, window, "Part 3.2")
    assert _top_block_text(window).startswith("Part 3.2")
    assert window.toc.tree.currentItem().text(0) == "Part 3.2"


def test_scrolling_marks_the_heading_being_read(qtbot, open_and_wait, make_window, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    reader.setFocus()
    assert window.toc.tree.currentItem().text(0) == "Chapter 1"
    for _ in range(60):
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)
        if window.toc.tree.currentItem().text(0) == "Part 1.2":
            break
    assert window.toc.tree.currentItem().text(0) == "Part 1.2"
    assert reader.section == 0


def test_paging_past_the_end_flows_into_the_next_chapter(
    qtbot, open_and_wait, make_window, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    qtbot.keyClick(reader, Qt.Key.Key_End)
    assert reader.section == 0
    qtbot.keyClick(reader, Qt.Key.Key_Space)
    wait_shown(qtbot, reader)
    assert reader.section == 1
    assert reader.verticalScrollBar().value() == 0
    qtbot.keyClick(reader, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    wait_shown(qtbot, reader)
    assert reader.section == 0
    bar = reader.verticalScrollBar()
    _settle_layout(reader)  # any late layout would grow the range past where we landed
    assert bar.value() == bar.maximum()  # back at the end of the previous chapter
    assert (
        "Paragraph 1.29"
        in reader.cursorForPosition(reader.viewport().rect().bottomLeft() + QPoint(200, -60))
        .block()
        .text()
    )


def test_wheel_past_the_end_needs_a_deliberate_notch(qtbot, open_and_wait, make_window, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum())

    def wheel(delta: int) -> None:
        pos = QPointF(reader.viewport().rect().center())
        event = QWheelEvent(
            pos,
            QPointF(reader.viewport().mapToGlobal(pos.toPoint())),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(reader.viewport(), event)

    wheel(-40)  # a small touchpad nudge at the end does not turn the chapter
    assert reader.section == 0
    wheel(-120)
    wait_shown(qtbot, reader)
    assert reader.section == 1


def test_resize_and_font_change_keep_the_paragraph(qtbot, open_and_wait, make_window, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    for _ in range(8):
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    before = _top_block_text(window)
    assert before.startswith("Paragraph 1.")
    window.resize(700, 500)
    _settle_layout(reader)
    assert _top_block_text(window) == before
    window.resize(1300, 900)
    _settle_layout(reader)
    assert _top_block_text(window) == before
    size = window.settings.get("reader.font_size")
    qtbot.keyClick(reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.get("reader.font_size") == size + 1
    assert _top_block_text(window) == before
    qtbot.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.get("reader.font_size") == size - 1
    assert _top_block_text(window) == before
    qtbot.keyClick(reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.get("reader.font_size") == size


def test_position_is_restored_after_restart(qtbot, open_and_wait, make_window, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    _click_toc(qtbot, window, "Chapter 2")
    for _ in range(5):
        qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    where = _top_block_text(window)
    window.close()  # quitting saves the position

    again = make_window()
    open_and_wait(again, long_book)
    assert again.reader.section == 1
    assert _top_block_text(again) == where


def test_font_size_is_remembered(qtbot, open_and_wait, make_window, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    window.menu_actions.zoom_in.trigger()
    size = window.settings.get("reader.font_size")
    window.close()
    again = make_window()
    assert again.settings.get("reader.font_size") == size
    assert again.reader.document().defaultFont().pointSize() == size


def test_missing_file_shows_a_clear_message(qtbot, make_window, tmp_path):
    window = make_window()
    with qtbot.waitSignal(window.open_failed, timeout=5000) as signal:
        window.open_path(tmp_path / "nope.md")
    assert "nope.md" in signal.args[0]
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.isVisible()
    assert "nope.md" in box.text()


def test_binary_file_shows_a_clear_message(qtbot, make_window, tmp_path):
    window = make_window()
    bad = tmp_path / "photo.md"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with qtbot.waitSignal(window.open_failed, timeout=5000):
        window.open_path(bad)
    assert window.reader.book is None


def test_close_returns_to_start_page_with_recent_books(
    qtbot, open_and_wait, make_window, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    qtbot.keyClick(window.reader, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.start_page
    recent = window.start_page.recent
    assert recent.count() == 1
    assert recent.item(0).text().startswith("A Long Book — Test Author\n")
    assert not window.toc.isVisible()  # no contents on the start page
    rect = recent.visualItemRect(recent.item(0))
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.reader


def test_dropping_a_file_opens_it(qtbot, make_window, long_book):
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(long_book))])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.dropEvent(event)
    assert window.reader.book.path == long_book.resolve()


def test_internal_links_footnotes_and_external_links(qtbot, open_and_wait, make_window, tmp_path):
    book = tmp_path / "links.md"
    filler = "\n\n".join(f"Filler paragraph {i}." for i in range(80))
    book.write_text(
        "# One\n\nSee [the second chapter](#two) and a note.[^n]\n\n"
        "Visit [the site](https://example.org/page).\n\n"
        f"{filler}\n\n[^n]: The note's own text.\n\n# Two {{#two}}\n\nSecond chapter text.\n",
        encoding="utf-8",
    )
    window = make_window()
    open_and_wait(window, book)
    reader = window.reader
    assert reader.note_text("fn:n") == "The note's own text."
    reader.anchorClicked.emit(QUrl("#fn:n"))
    note_at = reader.anchor_position("fn:n")
    cursor = reader.textCursor()
    cursor.setPosition(note_at)
    assert reader.viewport().rect().contains(reader.cursorRect(cursor).center())
    assert reader.position().offset > 100  # really moved down to the notes
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.position().offset < 5
    reader.anchorClicked.emit(QUrl("#two"))
    wait_shown(qtbot, reader)
    assert reader.section == 1
    window.menu_actions.back.trigger()
    wait_shown(qtbot, reader)
    assert reader.section == 0
    reader.anchorClicked.emit(QUrl("https://example.org/page"))
    box = window.findChild(QMessageBox, "externalLinkDialog")
    assert box is not None and box.isVisible()
    assert "https://example.org/page" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_remote_images_are_never_fetched(qtbot, open_and_wait, make_window, tmp_path):
    outside = tmp_path / "outside.png"
    from PySide6.QtGui import QImage

    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.red)
    folder = tmp_path / "book"
    folder.mkdir()
    img.save(str(folder / "inside.png"))
    img.save(str(outside))
    book = folder / "pics.md"
    book.write_text(
        "# Pictures\n\n![in](inside.png)\n\n![remote](https://example.org/x.png)\n\n"
        "![escape](../outside.png)\n",
        encoding="utf-8",
    )
    window = make_window()
    open_and_wait(window, book)
    reader = window.reader
    from PySide6.QtGui import QTextDocument

    kind = QTextDocument.ResourceType.ImageResource.value
    inside = reader.loadResource(kind, QUrl("inside.png"))
    assert (inside.width(), inside.height()) == (40, 30)
    remote = reader.loadResource(kind, QUrl("https://example.org/x.png"))
    assert remote.width() == 360  # the placeholder, drawn locally
    escaped = reader.loadResource(kind, QUrl("../outside.png"))
    assert escaped.width() == 360


def test_sepia_theme_changes_the_page_and_is_remembered(
    qtbot, open_and_wait, make_window, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    window.menu_actions.themes["sepia"].trigger()
    from readmark.ui.reader.theme import THEMES

    base = window.reader.palette().color(window.reader.palette().ColorRole.Base).name()
    assert base == THEMES["sepia"].background
    assert window.settings.get("reader.theme") == "sepia"


def test_cancelling_an_open_keeps_the_window_as_it_was(qtbot, make_window, long_book, monkeypatch):
    import threading

    from readmark.core import formats
    from readmark.ui.background import Task

    loaded = threading.Event()
    real_open_book = formats.open_book

    def open_book(*args, **kwargs):  # the real loading, telling when it is done
        try:
            return real_open_book(*args, **kwargs)
        finally:
            loaded.set()

    monkeypatch.setattr(formats, "open_book", open_book)
    window = make_window()
    window.open_path(long_book)
    assert window.cancel_button.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.cancel_button.isVisible()
    # The book is loaded all the same, in the background; what comes of it reaches
    # the window and is dropped there (neither the book nor an error), and the task
    # is gone.
    assert window.tasks.findChildren(Task)  # not delivered yet: no event was handled
    with qtbot.assertNotEmitted(window.book_shown), qtbot.assertNotEmitted(window.open_failed):
        qtbot.waitUntil(loaded.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: not window.tasks.findChildren(Task), timeout=10_000)
    assert window.reader.book is None
    assert window.stack.currentWidget() is window.start_page
    assert "A Long Book" not in window.windowTitle()
    assert window.findChild(QMessageBox, "errorDialog") is None


def test_full_screen_and_contents_toggle(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    qtbot.keyClick(window.reader, Qt.Key.Key_F11)
    assert window.isFullScreen()
    assert not window.menuBar().isVisible()
    qtbot.keyClick(window.reader, Qt.Key.Key_F11)
    assert not window.isFullScreen()
    assert window.menuBar().isVisible()
    qtbot.keyClick(window.reader, Qt.Key.Key_F9)
    assert not window.toc.isVisible()
    assert window.settings.get("reader.toc_visible") is False
    qtbot.keyClick(window.reader, Qt.Key.Key_F9)
    assert window.toc.isVisible()


def test_recent_menu_reopens_a_book(qtbot, make_window, open_and_wait, long_book, tmp_path):
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nText.\n", encoding="utf-8")
    window = make_window()
    open_and_wait(window, long_book)
    open_and_wait(window, other)
    menu = window.menu_actions.recent_menu
    menu.aboutToShow.emit()
    titles = [a.text() for a in menu.actions()]
    assert titles == ["Other", "A Long Book"]
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        menu.actions()[1].trigger()
    assert window.reader.book.metadata.title == "A Long Book"


def test_a_section_slow_to_convert_is_shown_when_ready_without_freezing(
    qtbot, open_and_wait, make_window, long_book, monkeypatch
):
    import threading

    from readmark.core.formats.markdown.render import MarkdownSectionRenderer

    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    release = threading.Event()
    real_render = MarkdownSectionRenderer.render

    def slow_render(self, index: int) -> str:  # a hostile book's pathological chapter
        if index == 2:
            release.wait(30)
        return real_render(self, index)

    monkeypatch.setattr(MarkdownSectionRenderer, "render", slow_render)
    try:
        tree = window.toc.tree
        [item] = tree.findItems(
            "Chapter 3", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        )
        tree.scrollToItem(item)
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
        )
        # The click has returned: the old page stays, and the status bar says why.
        assert reader.section == 0 and reader.is_preparing()
        qtbot.waitUntil(
            lambda: window.statusBar().currentMessage() == "Preparing this part of the book…"
        )
        # The window answers meanwhile: the page still turns.
        before = reader.verticalScrollBar().value()
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)
        assert reader.verticalScrollBar().value() > before
        assert reader.section == 0
    finally:
        release.set()
    qtbot.waitUntil(lambda: reader.section == 2, timeout=10_000)
    assert _top_block_text(window).startswith("Chapter 3")
    assert window.statusBar().currentMessage() == ""


def test_a_footnote_of_an_ocr_page_is_a_note_the_reader_shows(qtbot, open_and_wait, make_window):
    """Beard's OCR text (tests/fixtures/repair_corpus): the page-foot note `*Hay fever…`
    is linked from `physicians.*`; clicking the marker goes to the note, which the reader
    knows as a note (its popup text)."""
    book = (
        Path(__file__).resolve().parents[1]
        / "fixtures"
        / "repair_corpus"
        / "en_ia_nervous_exhaustion.txt"
    )
    window = make_window()
    open_and_wait(window, book)
    reader = window.reader
    note = reader.note_text("fn-p0-1")
    assert note is not None and note.startswith("1 Hay fever regularly decreases")
    reader.anchorClicked.emit(QUrl("#fn-p0-1"))
    cursor = reader.textCursor()
    cursor.setPosition(reader.anchor_position("fn-p0-1"))
    assert reader.viewport().rect().contains(reader.cursorRect(cursor).center())
