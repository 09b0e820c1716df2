"""The processes that make a big book's text ready for searching (started right
after its first screen, ui/shell/search_warmer.py) end with the reader: quitting
while they run leaves none behind converting a book nobody reads any more (they
did run on to the end, orphaned, because the worker thread that would end them
does not outlive the program), and one whose reader died ends itself. Checked
on the real program, Linux's /proc telling which processes are alive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# Starts the real reader; once the text-making processes are running, prints their
# process ids and quits as a user does (the window closed, the program ends).
_PROBE = """
import os, signal, sys, threading, time
from pathlib import Path
from PySide6.QtCore import QMetaObject, Qt
from PySide6.QtWidgets import QApplication
from readmark.cli import main

def children():
    found = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            pids = (task / "children").read_text().split()
        except OSError:  # a thread that ended meanwhile (the book's digest is made on one)
            continue
        for pid in pids:
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
                name = Path(f"/proc/{pid}/comm").read_text().strip()
            except OSError:
                continue
            # Forked copies of the reader, named so; or the module started as a program.
            if name == "readmark-text" or b"readmark.core.search.warm" in cmdline:
                found.append(int(pid))
    return found

def watch():
    while not (found := children()):
        time.sleep(0.02)
    print("warm " + " ".join(map(str, found)), flush=True)
    if sys.argv[2] == "killed":  # the reader dies: no window closes, nothing is ended
        os.kill(os.getpid(), signal.SIGKILL)
    # As a user quits: the window is closed (on the UI thread), and the program ends.
    app = QApplication.instance()
    QMetaObject.invokeMethod(app, "closeAllWindows", Qt.ConnectionType.QueuedConnection)

threading.Thread(target=watch, daemon=True).start()
sys.exit(main([sys.argv[1], "--new-instance"]))
"""


def _book(folder: Path) -> Path:
    """~10 MB of Chinese Markdown in 340 chapters: its text takes the processes seconds."""
    sentence = "天下大势，分久必合，合久必分。周末七国分争，并入于秦。" * 6
    chapters = [f"# 第{n}章\n\n" + "\n\n".join([sentence] * 60) for n in range(1, 341)]
    path = folder / "big.md"
    path.write_text("---\ntitle: 大书\nlanguage: zh\n---\n\n" + "\n\n".join(chapters))
    return path


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


def _gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)  # polling /proc until a deadline, not waiting a fixed time
    return True


@pytest.mark.parametrize("ending", ["quit", "killed"])
def test_the_processes_that_make_the_text_end_with_the_reader(tmp_path: Path, ending: str) -> None:
    env = dict(os.environ, READMARK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    # Into files, not pipes: the text-making processes inherit the reader's stderr,
    # and reading a pipe to its end would wait for them too.
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        status = subprocess.run(
            [sys.executable, "-c", _PROBE, str(_book(tmp_path)), ending],
            env=env,
            stdout=stdout,
            stderr=stderr,
            timeout=120,
        ).returncode
    done = out.read_text(encoding="utf-8")
    assert status == (0 if ending == "quit" else -signal.SIGKILL), err.read_text()[-2000:]
    line = next(x for x in done.splitlines() if x.startswith("warm "))
    pids = [int(pid) for pid in line.split()[1:]]
    assert pids
    try:
        if ending == "quit":  # ended by the reader as it quits
            assert _gone_within(pids, 0.5), "text-making processes outlived the reader"
        else:  # each notices at its next chapter, at the lowest priority
            assert _gone_within(pids, 10.0), "text-making processes outlived the reader"
        # Stopped, not finished: the whole text was never joined and saved.
        assert not list((tmp_path / "home").rglob("search-text.bin"))
    finally:
        for pid in pids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_forked_copy_is_waited_for_killed_and_reaped() -> None:
    from readmark.ui.shell.search_warmer import _Forked

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # a copy that ends when told to, with status 3 (never back into pytest)
        try:
            os.close(write)
            os.read(read, 1)
        finally:
            os._exit(3)
    os.close(read)
    copy = _Forked(pid)
    with pytest.raises(subprocess.TimeoutExpired):
        copy.wait(0.05)
    assert copy.poll() is None
    os.write(write, b"x")
    assert copy.wait(10) == 3 and copy.poll() == 3
    os.close(write)

    pid = os.fork()
    if pid == 0:  # one that would run for ever
        try:
            while True:
                time.sleep(1)
        finally:
            os._exit(0)
    stuck = _Forked(pid)
    stuck.kill()
    assert stuck.poll() == -signal.SIGKILL
    assert not Path(f"/proc/{pid}").exists()  # reaped: not even a zombie is left


def test_copies_ended_from_two_threads_at_once_are_reaped_once_and_close_nothing_else() -> None:
    # The task's thread waits for a copy while the UI thread ends it (the window
    # closes): each copy's descriptor is closed once, so no descriptor the program
    # opened meanwhile (here: the pipes made between) is closed in its stead.
    import threading

    from readmark.ui.shell.search_warmer import _Forked

    kept: list[int] = []
    for _ in range(20):
        pid = os.fork()
        if pid == 0:
            try:
                time.sleep(30)
            finally:
                os._exit(0)
        copy = _Forked(pid)
        waiting = threading.Thread(target=lambda c=copy: c.wait(30))
        waiting.start()
        kept.extend(os.pipe())
        copy.kill()
        waiting.join(30)
        assert copy.poll() == -signal.SIGKILL
    for descriptor in kept:
        os.fstat(descriptor)  # still open: raises if it was closed
        os.close(descriptor)
