"""Copy Link to Here, then follow the link: the reader comes back to the passage,
selected; a link whose position is out of date is re-anchored by its quote; a
link to a book not in the library says so; macOS's QFileOpenEvent opens books
and links; a hand-off from a second Readmark opens its book and restores the window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QMenu
from reader_wait import wait_shown
from test_annotations_highlights import CTRL, SHIFT, drag_select, find, point_at

from readmark.core import links
from readmark.core.annotations import TextTarget
from readmark.ui.shell import single_instance
from readmark.ui.shell.arrivals import Arrivals


def shown_selection(window) -> str:
    return window.reader.textCursor().selectedText()


def follow(qtbot, window, arrivals: Arrivals, link: str) -> None:
    """Open `link` as a hand-off would, and wait until its place is on screen."""
    with qtbot.waitSignal(arrivals.links.arrived, timeout=10_000):
        arrivals.open(link)
    wait_shown(qtbot, window.reader)


def test_copy_link_to_here_then_open_it(qtbot, make_window, open_and_wait, long_book: Path):
    window = make_window()
    arrivals = Arrivals(window)
    open_and_wait(window, long_book)
    reader = window.reader
    window.reader.go_to(2)  # the third section: "Chapter 3"
    wait_shown(qtbot, reader)
    start, end = find(reader, "Paragraph 3.7")
    drag_select(qtbot, reader, start, end)
    qtbot.keyClick(reader, Qt.Key.Key_L, CTRL | SHIFT)  # Edit › Copy Link to Here
    link = QGuiApplication.clipboard().text()
    assert link.startswith("readmark://open?book=" + reader.book.content_id)
    assert "Link copied" in window.statusBar().currentMessage()

    window.close_book()  # the link opens the book again from the library
    follow(qtbot, window, arrivals, link)
    assert reader.book is not None and reader.section == 2
    assert shown_selection(window) == "Paragraph 3.7"
    # The passage is shown, not offered for annotating: a reader's own keyboard
    # selection brings the popup once it rests (350 ms); a followed link never does.
    with qtbot.assertNotEmitted(reader.selection_finished, wait=700):
        pass
    # and the passage is on screen
    cursor = reader.textCursor()
    assert reader.viewport().rect().contains(reader.cursorRect(cursor).center())


def test_copy_link_from_the_context_menu_links_the_spot(
    qtbot, make_window, open_and_wait, long_book: Path
):
    window = make_window()
    arrivals = Arrivals(window)
    open_and_wait(window, long_book)
    reader = window.reader
    start, _end = find(reader, "Paragraph 1.4")
    menu = QMenu()
    window.annotator.fill_context_menu(menu, reader.spot_at(point_at(reader, start + 1)))
    actions = {a.text(): a for a in menu.actions() if a.text()}
    actions["Copy &Link to Here"].trigger()
    parsed = links.parse(QGuiApplication.clipboard().text())
    assert isinstance(parsed, links.PlaceLink)
    assert parsed.target.exact == "" and parsed.target.suffix.startswith("aragraph 1.4")

    reader.go_to(3)
    wait_shown(qtbot, reader)
    follow(qtbot, window, arrivals, QGuiApplication.clipboard().text())
    first, last = reader.visible_range()
    assert reader.section == 0 and first <= reader.text_map().to_canonical(start) <= last


def test_a_link_whose_position_is_out_of_date_is_found_by_its_quote(
    qtbot, make_window, open_and_wait, long_book: Path
):
    """As when the book was re-converted or edited before the passage: the position
    hint points elsewhere, and anchoring finds the quote with its context."""
    window = make_window()
    arrivals = Arrivals(window)
    open_and_wait(window, long_book)
    book = window.reader.book
    text = book.section_text(1)
    start = text.index("Paragraph 2.12")
    target = TextTarget.from_text(1, text, start, start + len("Paragraph 2.12"))
    stale = TextTarget(0, 40, 40 + len(target.exact), target.exact, target.prefix, target.suffix)
    follow(qtbot, window, arrivals, links.place_link(book.content_id, stale))
    assert window.reader.section == 1
    assert shown_selection(window) == "Paragraph 2.12"


def test_a_link_to_a_book_not_in_the_library_says_so(
    qtbot, make_window, open_and_wait, long_book: Path
):
    window = make_window()
    arrivals = Arrivals(window)
    open_and_wait(window, long_book)
    arrivals.open(links.place_link("0" * 40, TextTarget(0, 0, 4, "word")))
    assert "not in your library" in window.statusBar().currentMessage()
    assert window.reader.book.path == long_book.resolve()  # nothing else happened
    arrivals.open("readmark://open?quote=x")
    assert "damaged" in window.statusBar().currentMessage()


def test_an_annotation_link_from_an_export_opens_the_annotation(
    qtbot, make_window, open_and_wait, long_book: Path
):
    window = make_window()
    arrivals = Arrivals(window)
    open_and_wait(window, long_book)
    reader = window.reader
    drag_select(qtbot, reader, *find(reader, "Paragraph 1.9"))
    qtbot.keyClick(reader, Qt.Key.Key_1, CTRL)  # highlight it
    (highlight,) = window.library.annotations.for_book(reader.book.path)
    link = links.annotation_link(reader.book.content_id, highlight)
    reader.go_to(3)
    wait_shown(qtbot, reader)
    follow(qtbot, window, arrivals, link)
    assert reader.section == 0 and shown_selection(window) == "Paragraph 1.9"


def test_a_file_opened_from_finder_opens_and_a_link_is_followed(
    qtbot, make_window, open_and_wait, long_book: Path, tmp_path: Path
):
    """macOS sends QFileOpenEvent to the application: posted here as Finder would."""
    window = make_window()
    arrivals = Arrivals(window, file_open_events=True)
    app = QCoreApplication.instance()
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        QCoreApplication.postEvent(app, QFileOpenEvent(str(long_book)))
    assert window.reader.book.path == long_book.resolve()

    text = window.reader.book.section_text(2)
    start = text.index("Paragraph 3.3")
    target = TextTarget.from_text(2, text, start, start + len("Paragraph 3.3"))
    link = links.place_link(window.reader.book.content_id, target)
    with qtbot.waitSignal(arrivals.links.arrived, timeout=10_000):
        QCoreApplication.postEvent(app, QFileOpenEvent(QUrl(link)))
    wait_shown(qtbot, window.reader)
    assert window.reader.section == 2 and shown_selection(window) == "Paragraph 3.3"


def test_a_hand_off_opens_the_book_and_brings_back_a_minimised_window(
    qtbot, make_window, tmp_path: Path
):
    """What a second `readmark BOOK` sends, received by this window's server."""
    claim = single_instance.hand_over_or_claim([])
    assert claim is not None and claim.name is not None
    window = make_window()
    arrivals = Arrivals(window, claim)
    # No book, so no first screen: it listens at the latest after a second.
    with qtbot.waitSignal(arrivals.listening, timeout=5000):
        pass
    assert arrivals.server is not None
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)

    other = tmp_path / "other.md"
    other.write_text("---\ntitle: Another\n---\n\n# One\n\nText.\n", encoding="utf-8")
    socket = QLocalSocket()
    socket.connectToServer(claim.name)
    assert socket.waitForConnected(2000)
    message = {"protocol": 1, "targets": [str(other)], "activation_token": ""}
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        socket.write((json.dumps(message) + "\n").encode())
    assert window.reader.book.path == other.resolve()
    assert not window.isMinimized()
    socket.abort()
    arrivals.close()
