"""A first start — no library file yet — shows its book before it makes the
library (making it syncs the disk several times, 30–50 ms, and a new library holds
nothing the first screen could show); the book is recorded in it right after.
Later starts open the library before the first screen, which needs the book's
place and annotations from it. Checked on the real program (`readmark BOOK
--smoke-test`) in a fresh process on a fresh home."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

# Prints, when the smoke test says the first screen is painted, whether the library
# file existed then.
_PROBE = """
import os, sys
from readmark import paths
class Painted:
    def __init__(self, stream): self.stream, self.done = stream, False
    def write(self, text):
        if "smoke-test ok" in text and not self.done:
            self.done = True
            self.stream.write(f"library at the first paint: {paths.library_db().exists()}\\n")
        return self.stream.write(text)
    def flush(self): self.stream.flush()
sys.stdout = Painted(sys.stdout)
from readmark.cli import main
sys.exit(main([sys.argv[1], "--smoke-test"]))
"""


def _start(book: Path, home: Path) -> bool:
    """Start the reader on `book`; whether its library file existed at the first paint."""
    env = dict(os.environ, READMARK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(book)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke-test ok" in done.stdout
    line = next(x for x in done.stdout.splitlines() if x.startswith("library at"))
    return json.loads(line.rsplit(": ", 1)[1].lower())


def _recorded(home: Path) -> list[str]:
    """The titles of the books the library holds (read as the file has them)."""
    with sqlite3.connect(home / "data" / "library.sqlite3") as db:
        return [title for (title,) in db.execute("SELECT title FROM books")]


def test_a_first_start_makes_its_library_after_the_first_screen_and_records_the_book(
    shared_books: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    book = shared_books / "000_25b2869f1a30fd56.txt"
    assert _start(book, home) is False  # the first screen came before the library…
    assert _recorded(home) == ["怎样做好群众工作 密切党群关系"]  # …which has the book
    assert _start(book, home) is True  # a second start reads it first
    assert _recorded(home) == ["怎样做好群众工作 密切党群关系"]  # once
