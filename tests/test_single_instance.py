"""One Readmark per user and library, with two (or three) real processes.

Each Readmark runs offscreen on the test's READMARK_HOME; what a process did is
read from where a user would see its effect: the library records every book the
window opened, and the reading position where a link took it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from readmark import paths
from readmark.core import links
from readmark.core.annotations import TextTarget
from readmark.ui.shell import single_instance

REPO = Path(__file__).resolve().parents[1]
WAIT = 30.0  # seconds for a process to start, on a busy machine


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", READMARK_HOME=str(home), PYTHONPATH=str(REPO / "src"))
    return env


def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def opened_books(home: Path) -> dict[str, tuple[int | None, str]]:
    """path -> (section of the reading position, content id), as the library has them."""
    db = home / "data" / "library.sqlite3"
    if not db.exists():
        return {}
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            rows = connection.execute(
                "SELECT path, position_section, content_id FROM books"
            ).fetchall()
    except sqlite3.OperationalError:
        return {}  # being created
    return {path: (section, content) for path, section, content in rows}


class Readmarks:
    """Readmark processes started by a test, all stopped afterwards."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen[str]] = []

    def start(self, home: Path, *args: str) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-m", "readmark", *args],
            cwd=os.getcwd(),
            env=environment(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.started.append(process)
        return process

    def first(self, home: Path) -> subprocess.Popen[str]:
        """A Readmark on the bundled guide, once its window has opened the guide."""
        process = self.start(home)
        wait_for(
            lambda: (
                any("guide" in path for path in opened_books(home)) or process.poll() is not None
            ),
            "the first Readmark to open its guide",
        )
        assert process.poll() is None, process.communicate()
        wait_for(lambda: _answers(home), "the first Readmark to listen")
        return process

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()


def _answers(home: Path) -> bool:
    """Whether a Readmark listens at the home's socket (a bare connection, then gone)."""
    with _home(home):
        name = single_instance.server_name()
    assert name is not None
    socket = QLocalSocket()
    socket.connectToServer(name)
    answered = socket.waitForConnected(1000)
    socket.abort()
    return answered


@pytest.fixture
def readmarks() -> Iterator[Readmarks]:
    started = Readmarks()
    try:
        yield started
    finally:
        started.stop_all()


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "handed over.md"
    path.write_text(
        "---\ntitle: Handed Over\n---\n\n# One\n\nThe first chapter.\n\n# Two\n\n"
        "The second chapter holds the passage a link points to.\n",
        encoding="utf-8",
    )
    return path


def test_a_second_readmark_hands_its_book_to_the_first_and_exits(
    readmarks: Readmarks,
    readmark_home: Path,
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = readmarks.first(readmark_home)
    monkeypatch.chdir(tmp_path)  # a relative path is handed over as an absolute one
    started = time.monotonic()
    second = readmarks.start(readmark_home, book.name)
    out, err = second.communicate(timeout=WAIT)
    took = time.monotonic() - started
    assert second.returncode == 0, err
    assert "Traceback" not in err
    wait_for(lambda: str(book) in opened_books(readmark_home), "the first to open the book")
    assert first.poll() is None
    print(f"hand-off: the second process exited after {took:.2f} s")
    assert took < 10


def test_a_readmark_killed_with_sigkill_leaves_no_obstacle(
    readmarks: Readmarks, readmark_home: Path, book: Path
) -> None:
    crashed = readmarks.first(readmark_home)
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(10)
    with _home(readmark_home):
        name = single_instance.server_name()
    assert name is not None and Path(name).exists(), "the killed Readmark's socket is left"

    again = readmarks.first(readmark_home)  # the stale socket is replaced, not obeyed
    second = readmarks.start(readmark_home, str(book))
    assert second.wait(WAIT) == 0
    wait_for(lambda: str(book) in opened_books(readmark_home), "the new Readmark to open it")
    assert again.poll() is None


def test_new_instance_opens_a_window_of_its_own(
    readmarks: Readmarks, readmark_home: Path, book: Path
) -> None:
    readmarks.first(readmark_home)
    own = readmarks.start(readmark_home, "--new-instance", str(book))
    wait_for(lambda: str(book) in opened_books(readmark_home), "the book to be opened")
    assert own.poll() is None, "--new-instance handed the book over and exited"


def test_two_libraries_never_meet(
    readmarks: Readmarks, readmark_home: Path, book: Path, tmp_path: Path
) -> None:
    """Another READMARK_HOME (as another user has another uid) has its own Readmark."""
    readmarks.first(readmark_home)
    other_home = tmp_path / "other-home"
    other = readmarks.start(other_home, str(book))
    wait_for(lambda: str(book) in opened_books(other_home), "the other library's Readmark")
    assert other.poll() is None
    assert str(book) not in opened_books(readmark_home)


def test_two_started_at_once_become_one(
    readmarks: Readmarks, readmark_home: Path, book: Path, tmp_path: Path
) -> None:
    other_book = tmp_path / "another.md"
    other_book.write_text("# Another\n\nText.\n", encoding="utf-8")
    books = (book, other_book)
    pair = [readmarks.start(readmark_home, str(b)) for b in books]
    wait_for(lambda: any(p.poll() is not None for p in pair), "one of the two to hand over")
    running = [p for p in pair if p.poll() is None]
    assert len(running) == 1
    (handed,) = [b for b, p in zip(books, pair, strict=True) if p not in running]
    assert [p.returncode for p in pair if p not in running] == [0]
    # The book handed over arrives last, so it is the one shown (a newer opening
    # supersedes one still loading, as two quick double-clicks would).
    wait_for(lambda: str(handed) in opened_books(readmark_home), "the handed book to open")
    assert running[0].poll() is None


def test_the_socket_is_the_users_alone(readmarks: Readmarks, readmark_home: Path) -> None:
    readmarks.first(readmark_home)
    with _home(readmark_home):
        name = single_instance.server_name()
    assert name is not None
    socket_path, folder = Path(name), Path(name).parent
    assert str(os.getuid()) in socket_path.name
    assert stat.S_ISSOCK(socket_path.stat().st_mode)
    assert not socket_path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    assert folder.stat().st_uid == os.getuid()
    assert not folder.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)


def test_another_user_cannot_reach_the_users_readmark(
    readmarks: Readmarks, readmark_home: Path
) -> None:
    """Run as `nobody` (setpriv, util-linux): its Readmark would listen elsewhere, and
    it cannot even connect to this user's socket."""
    assert os.getuid() == 0, "this test runs a process as another user: run the tests as root"
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv is missing (Debian/Ubuntu: apt-get install util-linux)"
    readmarks.first(readmark_home)
    with _home(readmark_home):
        ours = single_instance.server_name()
    probe = (
        "import sys\n"
        "from PySide6.QtNetwork import QLocalSocket\n"
        "from readmark.ui.shell import single_instance\n"
        "print(single_instance.server_name())\n"
        "s = QLocalSocket(); s.connectToServer(sys.argv[1])\n"
        "print(s.waitForConnected(2000), s.error().name)\n"
    )
    result = subprocess.run(
        [
            setpriv,
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            probe,
            str(ours),
        ],
        env={**environment(readmark_home), "HOME": "/nonexistent", "XDG_RUNTIME_DIR": ""},
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert result.returncode == 0, result.stderr
    theirs, answer = result.stdout.splitlines()
    assert theirs != ours and "readmark-65534" in theirs
    assert answer == "False SocketAccessError", answer


def test_garbage_on_the_socket_is_ignored(
    readmarks: Readmarks, readmark_home: Path, book: Path
) -> None:
    first = readmarks.first(readmark_home)
    with _home(readmark_home):
        name = single_instance.server_name()
    assert name is not None
    for junk in (b"\xff\xfe not utf-8\n", b"[1, 2]\n", b'{"protocol": 99}\n', b"x" * 200_000):
        socket = QLocalSocket()
        socket.connectToServer(name)
        assert socket.waitForConnected(2000)
        socket.write(junk)
        socket.waitForBytesWritten(2000)
        socket.waitForDisconnected(2000)
        socket.abort()
    second = readmarks.start(readmark_home, str(book))
    assert second.wait(WAIT) == 0
    wait_for(lambda: str(book) in opened_books(readmark_home), "the book after the garbage")
    assert first.poll() is None


def test_a_link_handed_over_takes_the_running_readmark_to_its_place(
    readmarks: Readmarks, readmark_home: Path, book: Path
) -> None:
    first = readmarks.first(readmark_home)
    opener = readmarks.start(readmark_home, str(book))
    assert opener.wait(WAIT) == 0
    wait_for(lambda: str(book) in opened_books(readmark_home), "the book to be in the library")
    content_id = opened_books(readmark_home)[str(book)][1]
    quote = "the passage a link points to"
    # No position hint: the passage is found by its quote, in the second chapter.
    link = links.place_link(content_id, TextTarget(-1, -1, -1, quote, "chapter holds ", "."))
    follower = readmarks.start(readmark_home, link)
    out, err = follower.communicate(timeout=WAIT)
    assert follower.returncode == 0, err
    wait_for(
        lambda: opened_books(readmark_home)[str(book)][0] == 1,
        "the reading position to move to the second chapter",
    )
    assert first.poll() is None


def test_a_link_to_a_book_not_in_the_library_is_refused_on_the_command_line(
    readmark_home: Path,
) -> None:
    link = links.place_link("0" * 40, TextTarget(0, 0, 4, "word"))
    result = subprocess.run(
        [sys.executable, "-m", "readmark", link],
        env=environment(readmark_home),
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert result.returncode == 2
    assert "not in your library" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_link_is_refused_on_the_command_line(readmark_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "readmark", "readmark://open?quote=no-book"],
        env=environment(readmark_home),
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("readmark: This Readmark link is damaged")


@contextlib.contextmanager
def _home(home: Path) -> Iterator[None]:
    """READMARK_HOME set for the test process while computing a server name."""
    old = os.environ.get(paths.HOME_ENV)
    os.environ[paths.HOME_ENV] = str(home)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(paths.HOME_ENV, None)
        else:
            os.environ[paths.HOME_ENV] = old


def test_gio_open_starts_the_installed_entry_which_hands_the_book_over(
    readmarks: Readmarks, readmark_home: Path, book: Path, tmp_path: Path
) -> None:
    """The whole chain a double-click takes: the desktop entry installed by
    --install-desktop, `gio open` choosing it for a .md file and running its Exec, and
    that Readmark handing the book to the one already open, then exiting."""
    gio = shutil.which("gio")
    assert gio, "gio is missing (Debian/Ubuntu: apt-get install libglib2.0-bin)"
    env = environment(readmark_home)
    env.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_DIRS="/usr/local/share:/usr/share",
    )
    installed = subprocess.run(
        [sys.executable, "-m", "readmark", "--install-desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert installed.returncode == 0, installed.stderr
    first = readmarks.first(readmark_home)
    opened = subprocess.run(
        [gio, "open", str(book)], env=env, capture_output=True, text=True, timeout=WAIT
    )
    assert opened.returncode == 0, opened.stderr
    try:
        wait_for(lambda: str(book) in opened_books(readmark_home), "the Readmark to open it")
        # and the one gio started has handed it over and gone: only the first is left
        wait_for(lambda: readmarks_on(readmark_home) == {first.pid}, "the launched one to exit")
    finally:
        for pid in readmarks_on(readmark_home) - {first.pid}:  # a stray we started via gio
            os.kill(pid, signal.SIGTERM)


def readmarks_on(home: Path) -> set[int]:
    """The pids of the Readmark processes running on `home` (this user's, from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # gone, or not ours
        if f"READMARK_HOME={home}".encode() in environ and b"readmark" in command:
            found.add(int(entry.name))
    return found


def test_a_readmark_killed_while_starting_does_not_hold_the_next_one_back(
    readmarks: Readmarks, readmark_home: Path, book: Path
) -> None:
    """Killed after claiming (the lock taken) but before listening: its lock names a
    process that is gone, so the next Readmark takes it at once."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time\n"
            "from readmark.ui.shell import single_instance\n"
            "claim = single_instance.hand_over_or_claim([])\n"
            "print(claim.name, flush=True)\n"
            "time.sleep(60)\n",
        ],
        env=environment(readmark_home),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        name = holder.stdout.readline().strip()
        assert Path(name + ".lock").exists()
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    started = time.monotonic()
    readmarks.first(readmark_home)
    assert time.monotonic() - started < 8, "the next Readmark waited for the dead one's lock"
    second = readmarks.start(readmark_home, str(book))
    assert second.wait(WAIT) == 0
    wait_for(lambda: str(book) in opened_books(readmark_home), "the book to be handed over")
