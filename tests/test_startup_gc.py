"""The garbage collector waits while the reader starts (readmark/startup_gc.py):
no collection before the first screen, the collector back once it is painted
(with the objects made before the book frozen); a command runs with it as usual."""

from __future__ import annotations

import gc
import json
import subprocess
from pathlib import Path

from readmark import startup_gc
from spawn_reader import WATCH_FIRST_PAINT, run_offscreen

# Counts the collections made from the start of Readmark's own imports (once
# `python -m readmark` has held the collector) to the first screen (the smoke
# test prints "smoke-test ok" when it is painted), and says how it was left.
_PROBE = (
    """
import atexit, gc, json, runpy, sys
before = {"collections": 0}
"""
    + WATCH_FIRST_PAINT
    + """def counted(phase, info):
    if phase == "start" and "readmark.cli" in sys.modules and not watch.painted:
        before["collections"] += 1
gc.callbacks.append(counted)
atexit.register(lambda: print("gc " + json.dumps(
    {**before, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}), flush=True))
sys.argv = ["readmark", sys.argv[1], "--smoke-test"]
runpy.run_module("readmark", run_name="__main__")
"""
)


def _run(probe: str, shared_books: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run `probe` in a fresh Python on the sample book, on `home`, offscreen."""
    return run_offscreen(["-c", probe, str(shared_books / "000_25b2869f1a30fd56.txt")], home)


def test_no_collection_before_the_first_screen_and_the_collector_back_after(
    shared_books: Path, readmark_home: Path
) -> None:
    done = _run(_PROBE, shared_books, readmark_home)
    assert "smoke-test ok" in done.stdout
    line = next(x for x in done.stdout.splitlines() if x.startswith("gc "))
    state = json.loads(line[3:])
    assert state["collections"] == 0  # ~86 of them before, 25–40 ms
    assert state["enabled"]
    assert state["frozen"] > 10_000  # start-up's modules, classes and window


# `python -m readmark info BOOK`, saying whether the collector ran during the command.
_COMMAND_PROBE = """
import gc, runpy, sys
import readmark.cli as cli
real = cli._command
def command(argv):
    print("collector during the command:", gc.isenabled(), flush=True)
    return real(argv)
cli._command = command
sys.argv = ["readmark", "info", sys.argv[1]]
runpy.run_module("readmark", run_name="__main__")
"""


def test_a_command_runs_with_the_collector_as_usual(
    shared_books: Path, readmark_home: Path
) -> None:
    done = _run(_COMMAND_PROBE, shared_books, readmark_home)
    assert "collector during the command: True" in done.stdout
    assert "群众工作" in done.stdout


def test_hold_and_release_leave_a_collector_stopped_by_someone_else_stopped() -> None:
    gc.disable()
    try:
        startup_gc.hold()
        assert not startup_gc.held()
        startup_gc.release()
        assert not gc.isenabled()  # not ours to start
    finally:
        gc.enable()
    startup_gc.hold()
    assert startup_gc.held() and not gc.isenabled()
    frozen = gc.get_freeze_count()
    startup_gc.settle()
    assert gc.get_freeze_count() > frozen
    gc.unfreeze()  # the test process's objects back where they were
    startup_gc.release()
    assert gc.isenabled() and not startup_gc.held()
    startup_gc.settle()  # not held: nothing frozen
    assert gc.get_freeze_count() == 0


# The installed command's entry point (pyproject's gui-scripts), called as the
# `readmark` script calls it; records whether the collector ran when Qt was imported.
_ENTRY_PROBE = """
import gc, importlib, sys
seen = []
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6.QtCore" and not seen:
            seen.append(gc.isenabled())
        return None
sys.meta_path.insert(0, Watch())
module, function = sys.argv[1].split(":")
sys.argv = ["readmark", "--version"]
try:
    getattr(importlib.import_module(module), function)()
except SystemExit:
    pass
print("collector when Qt was imported:", seen, flush=True)
"""


def test_the_installed_command_holds_the_collector_before_qt(readmark_home: Path) -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    entry = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["gui-scripts"]
    done = run_offscreen(["-c", _ENTRY_PROBE, entry["readmark"]], readmark_home)
    assert "Readmark" in done.stdout  # --version answered
    assert "collector when Qt was imported: [False]" in done.stdout
