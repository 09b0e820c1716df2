"""The library and its search as a user sees them: the real program on Xvfb, driven
with the keyboard (xdotool) and looked at from outside.

The books of ../shared/books are copied into a folder the library watches, so the
program adds them itself at start (reading the EPUBs' covers as it does for a
user). Ctrl+L shows the grid: each EPUB's own cover and the painted cover of each
other book must be on the screen, found pixel for pixel as a row of the thumbnail
the program makes (the same Qt scales and paints it here). Ctrl+Shift+F, then an
English and a Chinese query typed: the hits must be listed with the hit
emphasised (its highlight colour on screen), the Chinese ones as real glyphs.

Screenshots are kept in artifacts/e2e/<test>/ (or $READMARK_TEST_ARTIFACTS).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from display_session import Program, Screen, window_titles
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from screen_text import Picture, Rect, judge_area

pytestmark = pytest.mark.slow

SHOW_TIMEOUT = 60.0  # seconds: adding the books, indexing them for the search
POLL = 0.5
COVER = QSize(90, 128)  # the grid's thumbnail box (ui/library/thumbnails.py)
# What Qt says about the machine, not about Readmark (as in test_real_program.py).
MACHINE_NOTICES = ("QStandardPaths: ", "qt.qpa.fonts: Populating font family aliases took ")
EMPHASIS = (0xFF, 0xF2, 0xA8)  # the background of a hit in the results
MIN_EMPHASIS = 300  # pixels: several hits' words


def _seed(home: Path, shelf: Path, shared_books: Path) -> None:
    shelf.mkdir(parents=True)
    for book in shared_books.iterdir():
        if book.name != "README.md":
            shutil.copy(book, shelf / book.name)
    env = {**os.environ, "READMARK_HOME": str(home)}
    script = (
        "import sys; from pathlib import Path; from readmark import paths; "
        "from readmark.core.store.library import Library; "
        "lib = Library(paths.library_db()); lib.catalog.watch_folder(Path(sys.argv[1])); "
        "lib.close()"
    )
    subprocess.run([sys.executable, "-c", script, str(shelf)], env=env, check=True)


def _xdotool(env: dict[str, str], *args: str, check: bool = True) -> str:
    tool = shutil.which("xdotool")
    assert tool is not None, "xdotool is not installed (apt-get install xdotool; setup.sh does)"
    done = subprocess.run(
        [tool, *args], env=env, capture_output=True, text=True, timeout=20, check=check
    )
    return done.stdout


def _window(env: dict[str, str], program: Program) -> str:
    """The program's main window (its title ends "— Readmark"), once shown, focused."""
    deadline = time.monotonic() + SHOW_TIMEOUT
    while not (found := _xdotool(env, "search", "--name", "— Readmark$", check=False).split()):
        if time.monotonic() > deadline or not program.running():
            pytest.fail(f"no Readmark window: {window_titles(env)}\n{program.stderr()}")
        time.sleep(POLL)
    _xdotool(env, "windowfocus", "--sync", found[0])
    return found[0]


def _rgb(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_RGB888)


def _row(image: QImage, y: int, x: int, width: int) -> bytes:
    line = bytes(image.constScanLine(y))  # RGB888
    return line[3 * x : 3 * (x + width)]


def _on_screen(picture: Picture, piece: bytes) -> bool:
    """Is this run of pixels somewhere on the screen, exactly (at a pixel boundary)?"""
    for row in picture.rgb:
        at = row.find(piece)
        while at >= 0:
            if at % 3 == 0:
                return True
            at = row.find(piece, at + 1)
    return False


def _covers() -> tuple[dict[str, bytes], set[str]]:
    """For each book in the library: a row of its thumbnail as the grid draws it (the
    saved cover fitted into the box, or the painted one), by title; and the titles
    whose own cover the program saved."""
    from readmark import paths
    from readmark.core.store.library import Library
    from readmark.ui.shell.covers import generated_cover

    library = Library(paths.library_db())
    try:
        entries = library.catalog.entries()
    finally:
        library.close()
    rows, own = {}, set()
    for entry in entries:
        saved = paths.cache_dir() / "covers" / f"{entry.content_id}.png"
        if saved.is_file():
            image = _rgb(
                QImage(str(saved)).scaled(
                    COVER,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            rows[entry.title] = _row(image, image.height() // 2, 4, image.width() - 8)
            own.add(entry.title)
        else:  # the painted cover: its spine and cloth, above the title's lettering
            image = _rgb(generated_cover(entry.title, entry.authors, COVER.width(), COVER.height()))
            rows[entry.title] = _row(image, 8, 0, COVER.width())
    return rows, own


def _emphasis(picture: Picture) -> list[tuple[int, int]]:
    """Where hits are emphasised on the screen: (x, y) of each such pixel."""
    piece = bytes(EMPHASIS)
    found = []
    for y, row in enumerate(picture.rgb):
        at = row.find(piece)
        while at >= 0:
            if at % 3 == 0:
                found.append((at // 3, y))
            at = row.find(piece, at + 3)
    return found


def _wait(
    screen: Screen, program: Program, path: Path, ready: Callable[[Picture], bool]
) -> Picture:
    deadline = time.monotonic() + SHOW_TIMEOUT
    while time.monotonic() < deadline:
        if not program.running():
            pytest.fail(f"the program exited: {program.stderr()}")
        picture = screen.grab(path)
        if ready(picture):
            return picture
        time.sleep(POLL)
    pytest.fail(f"not on screen after {SHOW_TIMEOUT:.0f} s: see {path}\n{program.stderr()}")


def test_library_grid_and_search_results_on_screen(
    qapp: object,
    shared_books: Path,
    start_program: Callable[..., Program],
    screen: Screen,
    x_env: dict[str, str],
    artifacts: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = Path(x_env["READMARK_HOME"])
    monkeypatch.setenv("READMARK_HOME", str(home))  # this process reads the same library
    _seed(home, tmp_path / "shelf", shared_books)
    program = start_program()
    window = _window(x_env, program)
    _xdotool(x_env, "key", "--window", window, "ctrl+l")

    # The grid: every book's cover, the EPUBs' own ones among them.
    covers: dict[str, bytes] = {}
    own: set[str] = set()

    def grid_shown(picture: Picture) -> bool:
        nonlocal covers, own
        if "Library — Readmark" not in (window_titles(x_env) or []):
            return False
        covers, own = _covers()
        return len(covers) >= 7 and all(_on_screen(picture, row) for row in covers.values())

    _wait(screen, program, artifacts / "library-grid.png", grid_shown)
    assert {"三国演义", "Alice’s Adventures in Wonderland", "Enchiridion of Epictetus"} <= set(
        covers
    )
    assert {"The Waste Land", "Latin Vulgate, Esther: Liber Esther"} <= own  # EPUB covers

    # Search the library: English, then Chinese (typed as keysyms, as an IME commits).
    _xdotool(x_env, "key", "--window", window, "ctrl+shift+f")
    _xdotool(x_env, "type", "--delay", "60", "rabbit")

    def hits_shown(picture: Picture) -> bool:
        return len(_emphasis(picture)) >= MIN_EMPHASIS

    _wait(screen, program, artifacts / "library-search-en.png", hits_shown)
    _xdotool(x_env, "key", "--window", window, "ctrl+a")
    _xdotool(x_env, "type", "--delay", "100", "关羽")
    chinese: list[str] = []

    def chinese_hits_shown(picture: Picture) -> bool:
        spots = _emphasis(picture)
        if len(spots) < MIN_EMPHASIS:
            return False
        # The line of the first hit, from where the leftmost hit starts (inside the
        # results) to past the rightmost: its glyphs must be real Chinese characters.
        _x, y = min(spots, key=lambda spot: (spot[1], spot[0]))
        left = min(x for x, _y in spots)
        right = min(picture.width, max(x for x, _y in spots) + 40)
        line = judge_area(picture, Rect(left, max(0, y - 4), right - left, 24), 1)
        chinese[:] = [line.describe()]
        return line.shows_cjk

    _wait(screen, program, artifacts / "library-search-zh.png", chinese_hits_shown)
    assert program.running()
    # Nothing said on stderr but what Qt says about the machine: no warning, no traceback.
    noise = [
        line
        for line in program.stderr().splitlines()
        if line.strip() and not line.startswith(MACHINE_NOTICES)
    ]
    assert noise == [], "\n".join(noise)
