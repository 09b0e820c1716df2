"""The standalone Linux bundle (packaging/build_bundle.sh, PyInstaller) works without Python.

Builds it from this checkout into a temporary folder (~40–55 s on 2 cores, a fresh
build venv included), then runs the frozen `readmark` as a user would, with nothing of the
checkout or the development venv on its path: the window opens offscreen on the sample
book, `info`, `text` and `search` read real books (charset-normalizer for the GB18030
novel, OpenCC's dictionaries for a Traditional query, `regex`), the Chinese translation
loads, annotations are imported from Kindle clippings and KOReader sidecars (luaparser
and its ANTLR runtime), a note is exported (ruamel.yaml), the window opens on X11 too,
a second Readmark hands its book to the first (QtNetwork's local socket), and
`--install-desktop` writes an entry that starts the bundle.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]

REPO = Path(__file__).resolve().parents[1]
IMPORTERS = REPO / "tests" / "fixtures" / "importers"
CLIPPINGS = """Alice's Adventures in Wonderland (Lewis Carroll)
- Your Highlight on page 1 | Location 12-13 | Added on Monday, March 2, 2020 11:48:08 PM

once or twice she had peeped into the book her sister was reading
==========
"""


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")
    }
    env.update(QT_QPA_PLATFORM="offscreen", READMARK_HOME=str(home))
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder packaging/build_bundle.sh makes, built afresh for this run."""
    work = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        ["sh", str(REPO / "packaging" / "build_bundle.sh"), "--work", str(work / "work"),
         "--out", str(work / "out")],
        capture_output=True, text=True, timeout=900, env=_env(work / "home"),
    )  # fmt: skip
    assert result.returncode == 0, f"build_bundle.sh failed:\n{result.stdout}\n{result.stderr}"
    return work / "out"


def readmark(
    bundle: Path, *args: str, home: Path, cwd: Path, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "readmark" / "readmark"), *args],
        capture_output=True, text=True, encoding="utf-8", timeout=timeout, cwd=cwd,
        env=_env(home, **env),
    )  # fmt: skip


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_the_bundle_holds_what_it_needs_and_no_more(bundle: Path) -> None:
    folder = bundle / "readmark"
    internal = folder / "_internal"
    resources = internal / "readmark" / "resources"
    for relative in (
        "guide/guide.en.md",
        "guide/guide.zh.md",
        "translations/readmark_zh_CN.qm",
        "desktop/org.readmark.Readmark.desktop",
        "desktop/icons/org.readmark.Readmark.svg",
    ):
        assert (resources / relative).is_file(), f"{relative} is not in the bundle"
    # an AppDir: what an AppImage (or a launcher) looks for at the top
    for name in ("AppRun", "org.readmark.Readmark.desktop", "org.readmark.Readmark.png"):
        assert (folder / name).is_file(), name
    assert list(internal.glob("opencc/**/*.ocd2")), "OpenCC's dictionaries are missing"
    # the compiled matchers, not the slow pure-Python fallbacks rapidfuzz would use silently
    for compiled in ("rapidfuzz/fuzz_cpp*.so", "regex/_regex*.so"):
        assert list(internal.glob(compiled)), compiled
    libraries = {p.name for p in internal.rglob("libQt6*")}
    for unused in ("Qml", "Quick", "WebEngine", "3DCore", "Pdf", "Multimedia"):
        assert not any(name.startswith(f"libQt6{unused}") for name in libraries), unused
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 200 * 1024 * 1024, f"the bundle grew to {size / 2**20:.0f} MiB"
    (archive,) = bundle.glob("readmark-*-linux-*.tar.gz")
    with tarfile.open(archive) as tar:
        assert "readmark/readmark" in tar.getnames()


def test_it_opens_the_sample_book_offscreen(bundle: Path, shared_books: Path, tmp_path) -> None:
    sample = shared_books / "000_25b2869f1a30fd56.txt"
    info = ok(readmark(bundle, "info", str(sample), home=tmp_path / "h", cwd=tmp_path))
    title = info.splitlines()[0].split(": ", 1)[1]
    out = ok(readmark(bundle, str(sample), "--smoke-test", home=tmp_path / "h", cwd=tmp_path))
    assert f"smoke-test ok: {title}" in out
    # a first start (a new home: nothing to reopen) shows the bundled guide
    guide = ok(readmark(bundle, "--smoke-test", home=tmp_path / "new", cwd=tmp_path))
    assert "smoke-test ok: The Readmark Guide" in guide


def test_it_opens_a_window_on_x11(bundle: Path, shared_books: Path, tmp_path: Path) -> None:
    """The platform users have (xcb, under Xvfb), not only offscreen: the bundle's xcb plugin
    finds its libraries, and the system's fonts show a Chinese book."""
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: `sh packaging/setup.sh` installs it (apt: xvfb)"
    result = subprocess.run(
        [xvfb_run, "-a", str(bundle / "readmark" / "readmark"),
         str(shared_books / "三国演义.txt"), "--smoke-test"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=tmp_path,
        env=_env(tmp_path / "h", QT_QPA_PLATFORM="xcb"),
    )  # fmt: skip
    assert "smoke-test ok: 三国演义" in ok(result)


def test_info_text_and_search_read_real_books(bundle: Path, shared_books: Path, tmp_path) -> None:
    home, novel = tmp_path / "h", str(shared_books / "三国演义.txt")
    info = ok(readmark(bundle, "info", novel, home=home, cwd=tmp_path))
    assert "Format: text (gb18030)" in info  # charset-normalizer
    zh = ok(readmark(bundle, "--lang", "zh_CN", "info", novel, home=home, cwd=tmp_path))
    assert zh.startswith("书名: 三国演义")  # the translation came along
    text = ok(readmark(bundle, "text", str(shared_books / "11-0.txt"), "--section", "1",
                       home=home, cwd=tmp_path))  # fmt: skip
    assert text.startswith("CHAPTER I.\nDown the Rabbit-Hole")
    epub = ok(readmark(bundle, "info", str(shared_books / "Liber_Esther.epub"),
                       home=home, cwd=tmp_path))  # fmt: skip
    assert "Liber Esther" in epub
    found = ok(readmark(bundle, "search", novel, "諸葛亮", home=home, cwd=tmp_path))
    assert "[诸葛亮]" in found  # a Traditional query finds the Simplified text: OpenCC
    # with the shipped folding table (its build recorded the digest of the folding.py it
    # froze), not one built at this first search and kept in the cache
    assert not (home / "cache" / "search" / "folding.bin").exists()
    regex = ok(readmark(bundle, "search", str(shared_books / "11-0.txt"), r"rabbit-h\w+",
                        "--regex", home=home, cwd=tmp_path))  # fmt: skip
    assert "[rabbit-hole]" in regex


def test_imports_and_exports_annotations(bundle: Path, shared_books: Path, tmp_path) -> None:
    home = tmp_path / "h"
    alice = tmp_path / "alice.txt"
    shutil.copyfile(shared_books / "11-0.txt", alice)
    # opened once in the window (a book only added with `library add` is not matched by
    # title yet: the importer looks at the books opened)
    ok(readmark(bundle, str(alice), "--smoke-test", home=home, cwd=tmp_path))
    clippings = tmp_path / "My Clippings.txt"
    clippings.write_text(CLIPPINGS, encoding="utf-8")
    done = ok(readmark(bundle, "import", str(clippings), home=home, cwd=tmp_path))
    assert "Format: Kindle" in done and "Will be placed: 1" in done, done
    koreader = ok(readmark(bundle, "import", str(IMPORTERS / "koreader"), "--dry-run",
                           home=home, cwd=tmp_path))  # fmt: skip
    assert "Format: KOReader" in koreader and "1984 — not in the library (3)" in koreader
    note = tmp_path / "alice.md"
    ok(readmark(bundle, "export", str(alice), "-o", str(note), home=home, cwd=tmp_path))
    written = note.read_text(encoding="utf-8")
    assert written.startswith("---\ntitle: Alice") and "once or twice she had peeped" in written
    # updated in place (ruamel.yaml round trip): the reader's own property survives
    note.write_text(written.replace("---\ntitle:", "---\nmine: kept # a comment\ntitle:", 1))
    ok(readmark(bundle, "export", str(alice), "-o", str(note), home=home, cwd=tmp_path))
    assert "mine: kept # a comment" in note.read_text(encoding="utf-8")


def test_install_desktop_names_the_bundle(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    ok(readmark(bundle, "--install-desktop", home=tmp_path / "h", cwd=tmp_path,
                XDG_DATA_HOME=str(data), XDG_CONFIG_HOME=str(tmp_path / "config")))  # fmt: skip
    entry = (data / "applications" / "org.readmark.Readmark.desktop").read_text(encoding="utf-8")
    assert f"Exec={bundle / 'readmark' / 'readmark'} %U" in entry
    assert (
        data / "icons" / "hicolor" / "scalable" / "apps" / "org.readmark.Readmark.svg"
    ).is_file()


def _opened(home: Path) -> set[str]:
    """The books the window opened, as the library records them."""
    db = home / "data" / "library.sqlite3"
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return {path for (path,) in connection.execute("SELECT path FROM books")}
    except sqlite3.OperationalError:  # not made yet, or being made
        return set()


def _wait_for(condition: Callable[[], object], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_a_second_readmark_hands_its_book_to_the_first(
    bundle: Path, shared_books: Path, tmp_path: Path
) -> None:
    """One window (the single-instance socket: QtNetwork in the bundle): the second process
    gives its book to the running one and exits at once."""
    home = tmp_path / "h"
    books = shared_books.resolve()  # the library records resolved paths
    first_book, second_book = books / "11-0.txt", books / "Liber_Esther.epub"
    first = subprocess.Popen(
        [str(bundle / "readmark" / "readmark"), str(first_book)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path, env=_env(home),
    )  # fmt: skip
    try:
        _wait_for(lambda: str(first_book) in _opened(home), "the first window to open its book")
        second = readmark(bundle, str(second_book), home=home, cwd=tmp_path, timeout=30)
        ok(second)
        _wait_for(lambda: str(second_book) in _opened(home), "the first window to open the second")
        assert first.poll() is None, "the first Readmark exited"
    finally:
        first.terminate()
        first.wait(30)
