"""Several books named at once (`readmark a.md b.epub c.txt`, a desktop opening several
selected files), with real processes: the first is opened, the others are added to
the library — whether this Readmark starts with them or hands them to the one
already running. What a process did is read from the library, as a user would see
it: the book opened has a time of opening; the others are there, never opened."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from test_single_instance import REPO, WAIT, Readmarks, environment, wait_for


def library_books(home: Path) -> dict[str, bool]:
    """path -> whether the window opened it (False: added to the library only)."""
    db = home / "data" / "library.sqlite3"
    if not db.exists():
        return {}
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            rows = connection.execute("SELECT path, last_opened FROM books").fetchall()
    except sqlite3.OperationalError:
        return {}  # being created
    return {path: opened > 0 for path, opened in rows}


@pytest.fixture
def readmarks():
    started = Readmarks()
    try:
        yield started
    finally:
        started.stop_all()


@pytest.fixture
def three_books(tmp_path: Path, shared_books: Path) -> list[Path]:
    """A Markdown book, an EPUB and a plain-text book, as a reader has them."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    names = ("Enchiridion of Epictetus.md", "wasteland.epub", "000_25b2869f1a30fd56.txt")
    return [Path(shutil.copy(shared_books / name, folder / name)) for name in names]


def _first_opened_and_the_rest_added(home: Path, books: list[Path]) -> None:
    wanted = {str(books[0]): True, **{str(book): False for book in books[1:]}}
    wait_for(
        lambda: {p: o for p, o in library_books(home).items() if p in wanted} == wanted,
        "the first book to be opened and the others added",
    )


@pytest.mark.slow
def test_readmark_started_with_three_books_opens_the_first_and_adds_the_others(
    readmarks: Readmarks, readmark_home: Path, three_books: list[Path]
) -> None:
    process = readmarks.start(readmark_home, *map(str, three_books))
    _first_opened_and_the_rest_added(readmark_home, three_books)
    assert process.poll() is None


@pytest.mark.slow
def test_three_books_handed_to_the_running_readmark(
    readmarks: Readmarks,
    readmark_home: Path,
    three_books: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = readmarks.first(readmark_home)
    monkeypatch.chdir(three_books[0].parent)  # relative names, made absolute on the way
    second = readmarks.start(readmark_home, *(book.name for book in three_books))
    _out, err = second.communicate(timeout=WAIT)
    assert second.returncode == 0 and "Traceback" not in err, err
    _first_opened_and_the_rest_added(readmark_home, three_books)
    assert first.poll() is None


def test_a_missing_book_among_several_is_refused_before_anything_opens(
    readmarks: Readmarks, readmark_home: Path, three_books: list[Path]
) -> None:
    missing = three_books[0].parent / "not there.epub"
    process = readmarks.start(readmark_home, str(three_books[0]), str(missing))
    _out, err = process.communicate(timeout=WAIT)
    assert process.returncode == 2
    assert err.strip() == f"readmark: “{missing}” does not exist."
    assert library_books(readmark_home) == {}


@pytest.mark.slow
def test_several_files_opened_from_the_desktop_go_to_the_running_readmark(
    readmarks: Readmarks, readmark_home: Path, three_books: list[Path], tmp_path: Path
) -> None:
    """What a file manager does with several selected files: GLib launches the installed
    desktop entry once with all of them (`gio launch ENTRY FILE…`, as
    g_app_info_launch_uris does); that Readmark hands them all to the one running."""
    gio = shutil.which("gio")
    assert gio, "gio is missing (Debian/Ubuntu: apt-get install libglib2.0-bin)"
    env = {k: v for k, v in environment(readmark_home).items() if not k.startswith("XDG_")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    installed = subprocess.run(
        [sys.executable, "-m", "readmark", "--install-desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    entry = tmp_path / "data" / "applications" / "org.readmark.Readmark.desktop"
    first = readmarks.first(readmark_home)
    launched = subprocess.run(
        [gio, "launch", str(entry), *map(str, three_books)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=False,
    )
    assert launched.returncode == 0, launched.stderr
    _first_opened_and_the_rest_added(readmark_home, three_books)
    assert first.poll() is None
