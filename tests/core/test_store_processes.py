"""Several processes, and processes killed mid-write: nothing acknowledged is lost.

Each child is a separate Python process writing through the real Library, so
SQLite's file locking, WAL recovery and fsyncs are what is tested, not a mock.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from readmark.core.store.library import Library

# argv: library, book, how many annotations (0: until killed), a tag for the ids,
# a pause between writes in ms (a user is not a tight loop), and when to wait
# for a line on stdin so that children really overlap: "go" (never), "wait"
# (before writing) or "wait-open" (before opening the library; prints "started").
# Prints "ready" once the library is open, then "ack <id>" as soon as each add
# has returned, i.e. the moment the UI would show the annotation as saved.
WRITER = """
import sys, time
from pathlib import Path
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.store.library import Library

path, book, count, tag = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
pause, wait = float(sys.argv[5]) / 1000, sys.argv[6]
if wait == "wait-open":
    print("started", flush=True)
    sys.stdin.readline()
library = Library(path)
library.touch(book, "content", "Book", "")
print("ready", flush=True)
if wait == "wait":
    sys.stdin.readline()
text = "All happy families are alike; each unhappy family is unhappy in its own way." * 4
n = 0
while count == 0 or n < count:
    target = TextTarget.from_text(n % 7, text, n % 200, n % 200 + 9)
    note = Annotation(Kind.HIGHLIGHT, target, id=f"{tag}-{n}", note="x" * (n % 300))
    library.annotations.add(book, note)
    print("ack", note.id, flush=True)
    assert library.annotations.get(note.id) == note
    n += 1
    time.sleep(pause)
library.close()
"""


def _writer(
    path: Path, book: Path, count: int, tag: str, pause_ms: float = 0, wait: str = "go"
) -> subprocess.Popen[str]:
    args = [str(path), str(book), str(count), tag, str(pause_ms), wait]
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def _start_together(children: list[subprocess.Popen[str]], signal_line: str) -> None:
    """Wait until every child has said `signal_line`, then let them all go on."""
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == signal_line + "\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()


def _stored_ids(path: Path, book: Path) -> set[str]:
    lib = Library(path)
    try:
        assert lib.integrity_ok()
        return {a.id for a in lib.annotations.for_book(book)}
    finally:
        lib.close()


def _integrity(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


@pytest.mark.slow
@pytest.mark.parametrize("pause_ms", [1, 0], ids=["user-paced", "tight-loop"])
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path, pause_ms: int) -> None:
    path = tmp_path / "library.sqlite3"  # created by whichever child gets there first
    book = tmp_path / "book.md"
    children = [_writer(path, book, 200, tag, pause_ms, wait="wait") for tag in ("a", "b")]
    _start_together(children, "ready")
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.count("ack ") == 200

    assert _integrity(path) == "ok"
    expected = {f"{tag}-{n}" for tag in ("a", "b") for n in range(200)}
    assert _stored_ids(path, book) == expected
    db = sqlite3.connect(path)
    order = [row[0][0] for row in db.execute("SELECT id FROM annotations ORDER BY rowid")]
    db.close()
    switches = sum(1 for x, y in zip(order, order[1:], strict=False) if x != y)
    if pause_ms:  # in a tight loop one writer may well get every turn until it is done
        assert switches >= 10, "the writers did not overlap: this proved nothing"


def test_opening_a_new_library_waits_for_another_writer_instead_of_failing(
    tmp_path: Path,
) -> None:
    # Switching a new file to WAL mode upgrades a read lock inside one statement;
    # SQLite then reports "database is locked" at once instead of waiting (it
    # could be a deadlock), so Library must retry. Another Readmark creating
    # the same file holds its write lock like this connection does.
    path = tmp_path / "library.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, other.execute, args=("COMMIT",))
    release.start()
    started = time.monotonic()
    lib = Library(path)
    assert time.monotonic() - started >= 0.25
    release.join()
    other.close()
    assert lib.integrity_ok()
    lib.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    check.close()


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(3))
def test_processes_creating_the_library_together_all_open_it(tmp_path: Path, attempt: int) -> None:
    # Switching a new file to WAL mode does not wait for a lock by itself.
    path = tmp_path / "library.sqlite3"
    book = tmp_path / "book.md"
    children = [_writer(path, book, 5, f"p{n}", wait="wait-open") for n in range(4)]
    _start_together(children, "started")
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    assert len(_stored_ids(path, book)) == 20


def _read_lines(
    child: subprocess.Popen[str], lines: list[str], said_ready: threading.Event
) -> None:
    """Keep the child's output lines; set `said_ready` once it says "ready" or ends."""
    assert child.stdout is not None
    for line in child.stdout:
        lines.append(line)
        if line == "ready\n":
            said_ready.set()
    said_ready.set()


@pytest.mark.slow
def test_a_process_killed_at_random_moments_loses_no_acknowledged_write(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    book = tmp_path / "book.md"
    acknowledged: set[str] = set()
    rounds = 25  # every round reopens the file the previous child was killed writing
    for round_number in range(rounds):
        rng = random.Random(20240 + round_number)
        child = _writer(path, book, 0, f"r{round_number}")
        lines: list[str] = []
        said_ready = threading.Event()  # or ended without saying it
        reader = threading.Thread(target=_read_lines, args=(child, lines, said_ready))
        reader.start()
        # The kill lands at a random moment (the sleeps below are that moment,
        # not a wait for something to happen).
        if round_number % 4 == 1:
            # Early: while starting, creating or opening the library, or on the
            # first writes.
            time.sleep(rng.uniform(0, 0.25))
        else:
            said_ready.wait(timeout=30)
            assert "ready\n" in lines, child.stderr.read() if child.stderr else ""
            time.sleep(rng.uniform(0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        reader.join(timeout=30)
        child.stderr.close()  # type: ignore[union-attr]
        assert child.returncode == -signal.SIGKILL

        # Only whole lines count: a line cut off by the kill was not acknowledged.
        acked = {
            line.split()[1] for line in lines if line.startswith("ack ") and line.endswith("\n")
        }
        acknowledged |= acked
        assert _integrity(path) == "ok", f"round {round_number}"
        stored = _stored_ids(path, book)
        missing = acknowledged - stored
        assert not missing, f"round {round_number}: lost {sorted(missing)[:5]}"
    assert len(acknowledged) > rounds  # the kills did land among writes
