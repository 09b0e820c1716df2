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
            except OSError:
                continue
            if b"readmark.core.search.warm" in cmdline:
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
