"""Start the real program (or a probe script around it) in a fresh Python, offscreen,
on a home of its own — as the start-up tests need it, and have it end well."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Code for a probe run in the reader's own interpreter (`python -c PROBE`), after it
# imports sys: `watch.painted` turns true once the smoke test reports the first
# screen painted ("smoke-test ok" on standard output).
WATCH_FIRST_PAINT = """
class Watch:
    def __init__(self, stream): self.stream, self.painted = stream, False
    def write(self, text):
        if "smoke-test ok" in text: self.painted = True
        return self.stream.write(text)
    def flush(self): self.stream.flush()
watch = sys.stdout = Watch(sys.stdout)
"""


def run_offscreen(
    args: list[str], home: Path, pycache: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`python ARGS` with READMARK_HOME=`home` and Qt offscreen; asserts it exited 0
    (its stderr's end as the message) and returns what it printed. `pycache`: its
    bytecode (and the start-up memos beside it) kept there, written even where the
    environment says not to, as an installed program's are."""
    env = dict(os.environ, READMARK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    if pycache is not None:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done
