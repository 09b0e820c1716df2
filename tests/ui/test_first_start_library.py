"""A first start — no library file yet — shows its book before it makes the
library (making it syncs the disk several times, 30–50 ms, and a new library holds
nothing the first screen could show); the book is recorded in it right after.
Later starts open the library before the first screen, which needs the book's
place and annotations from it, and write the opening (its writes sync the disk
too) once that screen is painted. Checked on the real program (`readmark BOOK
--smoke-test`) in a fresh process on a fresh home."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from spawn_reader import run_offscreen

# Prints, when the smoke test says the first screen is painted, whether the library
# file existed then and when the library says the books were last opened.
_PROBE = """
import os, sqlite3, sys
from readmark import paths
def opened():
    if not paths.library_db().exists():
        return []
    with sqlite3.connect(paths.library_db()) as db:
        return [when for (when,) in db.execute("SELECT last_opened FROM books")]
class Painted:
    def __init__(self, stream): self.stream, self.done = stream, False
    def write(self, text):
        if "smoke-test ok" in text and not self.done:
            self.done = True
            self.stream.write(f"library at the first paint: {paths.library_db().exists()}\\n")
            self.stream.write(f"opened at the first paint: {opened()}\\n")
        return self.stream.write(text)
    def flush(self): self.stream.flush()
sys.stdout = Painted(sys.stdout)
from readmark.cli import main
sys.exit(main([sys.argv[1], "--smoke-test"]))
"""


def _start(book: Path, home: Path) -> tuple[bool, list[float]]:
    """Start the reader on `book`; whether its library file existed at the first paint,
    and when its books were last opened, as it said then."""
    done = run_offscreen(["-c", _PROBE, str(book)], home)
    assert "smoke-test ok" in done.stdout
    lines = done.stdout.splitlines()
    existed = next(x for x in lines if x.startswith("library at")).rsplit(": ", 1)[1]
    opened = next(x for x in lines if x.startswith("opened at")).rsplit(": ", 1)[1]
    return json.loads(existed.lower()), json.loads(opened)


def _recorded(home: Path) -> list[tuple[str, float]]:
    """The books the library holds, and when each was last opened."""
    with sqlite3.connect(home / "data" / "library.sqlite3") as db:
        return list(db.execute("SELECT title, last_opened FROM books"))


def test_a_first_start_makes_its_library_after_the_first_screen_and_records_the_book(
    shared_books: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    book = shared_books / "000_25b2869f1a30fd56.txt"
    assert _start(book, home) == (False, [])  # the first screen came before the library…
    [(title, first_opened)] = _recorded(home)  # …which has the book after it
    assert title == "怎样做好群众工作 密切党群关系"
    # A second start reads the library first; the opening is written after its paint.
    assert _start(book, home) == (True, [first_opened])
    [(title, opened_again)] = _recorded(home)  # the same book, once
    assert opened_again > first_opened
