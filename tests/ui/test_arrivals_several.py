"""Several books arriving at once through the window's own instance server (what a
second `readmark a.md b.epub c.txt` sends): the first is shown, the others are in
the library (Ctrl+L) and named in the status bar; a second link among them is said
not to be followed. Finder's burst of file-open events is received the same way."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalSocket

from readmark.ui.shell import single_instance
from readmark.ui.shell.arrivals import Arrivals


@pytest.fixture
def books(tmp_path: Path, shared_books: Path) -> list[Path]:
    names = ("Enchiridion of Epictetus.md", "wasteland.epub", "000_25b2869f1a30fd56.txt")
    return [Path(shutil.copy(shared_books / name, tmp_path / name)) for name in names]


def hand_over(qtbot, window, claim, targets: list[str]) -> list[str]:
    """Send what a second Readmark sends; the status bar's messages meanwhile."""
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    socket = QLocalSocket()
    socket.connectToServer(claim.name)
    assert socket.waitForConnected(2000)
    message = {"protocol": 1, "targets": targets, "activation_token": ""}
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        socket.write((json.dumps(message) + "\n").encode())
    socket.abort()
    return said


def library_titles(qtbot, window) -> list[str]:
    window.activateWindow()  # shortcuts reach an active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.reader, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = window.library_wiring.room.view
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    model = view.model
    return sorted(model.entry(row).title for row in range(model.rowCount()))


@pytest.fixture
def listening(qtbot, make_window):
    claim = single_instance.hand_over_or_claim([])
    assert claim is not None and claim.name is not None
    window = make_window()
    arrivals = Arrivals(window, claim)
    with qtbot.waitSignal(arrivals.listening, timeout=5000):
        pass
    yield window, claim
    arrivals.close()


def test_three_books_handed_over_the_first_shown_the_others_in_the_library(
    qtbot, listening, books: list[Path]
):
    window, claim = listening
    said = hand_over(qtbot, window, claim, [str(book) for book in books])
    assert window.reader.book.path == books[0]
    assert "Added to your library (Ctrl+L): wasteland.epub, 000_25b2869f1a30fd56.txt" in said
    qtbot.waitUntil(lambda: len(window.library.catalog.entries()) == 3)
    assert "Library: 2 added." in window.statusBar().currentMessage()
    titles = library_titles(qtbot, window)
    assert len(titles) == 3 and "The Waste Land" in titles
    opened = {entry.path: entry.last_opened > 0 for entry in window.library.catalog.entries()}
    assert opened == {str(books[0]): True, str(books[1]): False, str(books[2]): False}


def test_links_among_several_are_said_not_to_be_followed(qtbot, listening, books: list[Path]):
    window, claim = listening
    link = "readmark://open?book=0123&quote=x"
    said = hand_over(qtbot, window, claim, [str(books[0]), link, link, str(books[0])])
    assert window.reader.book.path == books[0]
    assert "Links not followed, one place being shown at a time: 2" in said
    assert not any("Added to your library" in text for text in said)  # only the one shown


def test_several_files_opened_together_from_finder_are_received_as_one(
    qtbot, make_window, books: list[Path]
):
    """macOS's Finder sends one QFileOpenEvent per file, in a burst: posted here as it
    does; the first is shown and the others added, as for a hand-over."""
    window = make_window()
    Arrivals(window, file_open_events=True)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    app = QCoreApplication.instance()
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        for book in books:
            QCoreApplication.postEvent(app, QFileOpenEvent(str(book)))
    assert window.reader.book.path == books[0]
    assert "Added to your library (Ctrl+L): wasteland.epub, 000_25b2869f1a30fd56.txt" in said
    qtbot.waitUntil(lambda: len(window.library.catalog.entries()) == 3)


def test_with_the_library_unavailable_the_others_are_said_not_added(
    qtbot, make_window, books: list[Path]
):
    window = make_window()
    window.owner.close()  # as when the data folder cannot be written: reading goes on
    arrivals = Arrivals(window)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        arrivals.receive([str(book) for book in books])
    assert window.reader.book.path == books[0]
    assert (
        "Not added, the library being unavailable: wasteland.epub, 000_25b2869f1a30fd56.txt" in said
    )


def test_a_hand_over_too_long_for_one_message_arrives_whole_and_in_order(qtbot, tmp_path: Path):
    """4,000 books with long Chinese names (1.6 MB as the protocol's ASCII JSON, past the
    server's 1 MiB a message) sent by a real second process: several messages, the
    first to be opened, the rest only added; nothing lost, nothing reordered."""
    claim = single_instance.hand_over_or_claim([])
    assert claim is not None and claim.name is not None
    holder = QObject()
    server = claim.listen(holder)
    assert server is not None
    got: list[tuple[list[str], bool]] = []
    server.received.connect(lambda targets, _t, _s, first: got.append((targets, first)))
    targets = [f"/书/{n:05d} " + "三国演义" * 16 + ".md" for n in range(4000)]
    sender = (
        "import json, sys\n"
        "from readmark.ui.shell import single_instance\n"
        "print(single_instance.hand_over_or_claim(json.load(sys.stdin)) is None)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", sender],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdin is not None
    process.stdin.write(json.dumps(targets))
    process.stdin.close()
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read(), process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    assert process.returncode == 0 and out.strip() == "True", err  # handed over
    assert len(got) >= 2
    assert [first for _targets, first in got] == [True] + [False] * (len(got) - 1)
    assert [t for targets, _first in got for t in targets] == targets
    server.close()
    claim.release()


def test_the_rest_of_a_long_hand_over_is_added_not_opened(qtbot, listening, books: list[Path]):
    window, claim = listening
    hand_over(qtbot, window, claim, [str(books[0])])
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    socket = QLocalSocket()
    socket.connectToServer(claim.name)
    assert socket.waitForConnected(2000)
    message = {"protocol": 1, "targets": [str(b) for b in books[1:]], "open_first": False}
    socket.write((json.dumps(message) + "\n").encode())
    qtbot.waitUntil(lambda: len(window.library.catalog.entries()) == 3)
    socket.abort()
    assert window.reader.book.path == books[0]  # still the book shown
    assert "Added to your library (Ctrl+L): wasteland.epub, 000_25b2869f1a30fd56.txt" in said
