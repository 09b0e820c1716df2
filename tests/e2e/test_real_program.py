"""The real program, as a user starts it, on a real (virtual) X display.

`python -m readmark BOOK` runs as a subprocess on Xvfb with Qt's xcb platform; we
look at the screen from outside, the way a user would, and check that Chinese text
is drawn as real glyphs in both the text and the table of contents. The glyph check
is itself tested first, on renderings we know are good and bad.

Screenshots are kept in artifacts/e2e/<test>/ (or $READMARK_TEST_ARTIFACTS).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from display_session import Program, Screen, window_titles
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics, QImage, QPainter
from screen_text import AreaVerdict, Picture, Rect, find_panes, find_window, judge_area

pytestmark = pytest.mark.slow

SAMPLE = "000_25b2869f1a30fd56.txt"
TITLE = "怎样做好群众工作 密切党群关系"
PHRASE = "怎样做好群众工作 密切党群关系"
SHOW_TIMEOUT = 20.0  # seconds for the book to appear on screen
POLL = 0.3


# -- the glyph check, on renderings we know --------------------------------------------------


def _render(font: QFont, text: str = PHRASE) -> QImage:
    size = QFontInfo(font).pixelSize()
    image = QImage(640, 3 * size, QImage.Format.Format_RGB32)
    image.fill(QColor("#fcfcfa"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("#222222"))
    painter.drawText(10, 2 * size, text)
    painter.end()
    return image


def _font(family: str, pixels: int, merge: bool = True) -> QFont:
    font = QFont(family)
    font.setPixelSize(pixels)
    if not merge:  # no fallback to other fonts: missing glyphs are drawn as tofu
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return font


def _judge(image: QImage, artifacts: Path, name: str) -> AreaVerdict:
    image.save(str(artifacts / f"{name}.png"))
    return judge_area(Picture(image), Rect(0, 0, image.width(), image.height()), min_lines=1)


@pytest.mark.parametrize(
    ("family", "pixels"), [("Noto Serif CJK SC", 20), ("Noto Sans CJK SC", 12)]
)
def test_glyph_check_accepts_real_cjk(
    qapp: object, artifacts: Path, family: str, pixels: int
) -> None:
    font = _font(family, pixels)
    assert QFontInfo(font).family() == family, f"{family} is not installed (fonts-noto-cjk)"
    verdict = _judge(_render(font), artifacts, "cjk")
    assert verdict.shows_cjk, verdict.describe()


def _font_without_cjk() -> QFont | None:
    for family in ("DejaVu Sans", "Liberation Sans", "FreeSans", "Nimbus Sans"):
        font = _font(family, 20, merge=False)
        if QFontInfo(font).family() == family and not QFontMetrics(font).inFontUcs4(ord("群")):
            return font
    return None


def test_glyph_check_rejects_tofu_drawn_by_qt(qapp: object, artifacts: Path) -> None:
    font = _font_without_cjk()
    assert font is not None, "no font without CJK glyphs: install fonts-dejavu-core (setup.sh does)"
    verdict = _judge(_render(font), artifacts, "tofu")
    assert verdict.ink_pixels > 300, "Qt drew nothing at all, not tofu: " + verdict.describe()
    assert not verdict.shows_cjk, verdict.describe()
    assert all(not v.cjk for v in verdict.lines), verdict.describe()


def test_glyph_check_rejects_hollow_boxes(qapp: object, artifacts: Path) -> None:
    image = QImage(640, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#fcfcfa"))
    painter = QPainter(image)
    painter.setPen(QColor("#222222"))
    for index in range(14):
        painter.drawRect(QRect(10 + 22 * index, 20, 17, 20))
    painter.end()
    verdict = _judge(image, artifacts, "boxes")
    assert verdict.lines and verdict.lines[0].glyphs == 14, verdict.describe()
    assert not verdict.shows_cjk, verdict.describe()


@pytest.mark.parametrize(
    "text",
    [
        "",  # blank
        "The quick brown fox jumps over",  # Latin: glyphs, but not CJK
        "æ€Žæ ·åšå¥½ç¾¤ä¼—å·¥ä½œ",  # the title's UTF-8 read as Latin-1
    ],
    ids=["blank", "latin", "mojibake"],
)
def test_glyph_check_rejects_text_that_is_not_cjk(qapp: object, artifacts: Path, text: str) -> None:
    verdict = _judge(_render(_font("DejaVu Sans", 20), text), artifacts, "not-cjk")
    assert not verdict.shows_cjk, verdict.describe()


# -- the real program -------------------------------------------------------------------------


def _reader_and_toc(picture: Picture) -> tuple[Rect, Rect] | None:
    """The text view (the widest pane) and the contents (a pane left of it), if both show ink."""
    window = find_window(picture)
    if window is None:
        return None
    panes = find_panes(picture, window)
    if len(panes) < 2:
        return None
    reader = max(panes, key=lambda pane: pane.width)
    left = [pane for pane in panes if pane.right <= reader.x]
    if not left:
        return None
    toc = left[0]
    for area in (reader, toc):
        if judge_area(picture, area.inset(3)).ink_pixels == 0:
            return None
    return reader, toc


# What Qt says about the machine, not about Readmark (as qt_log_ignore in pyproject.toml).
MACHINE_NOTICES = ("QStandardPaths: ", "qt.qpa.fonts: Populating font family aliases took ")


def _unexpected_output(stderr: str) -> list[str]:
    """Lines on stderr other than the machine's notices: warnings, tracebacks."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not line.startswith(MACHINE_NOTICES)
    ]


def _wait_for_book(program: Program, screen: Screen, artifacts: Path) -> tuple[Picture, Rect, Rect]:
    """Poll the screen until the text and the contents are drawn, and drawn where they
    were at the look before (the layout has settled); fail clearly if never."""
    deadline = time.monotonic() + SHOW_TIMEOUT
    polled = artifacts / "waiting.png"
    before: tuple[Rect, Rect] | None = None
    while time.monotonic() < deadline:
        if not program.running():
            pytest.fail(
                f"the program exited with {program.process.returncode}:\n{program.stderr()}"
            )
        picture = screen.grab(polled)
        found = _reader_and_toc(picture)
        if found is not None and found == before:
            polled.replace(artifacts / "reader.png")
            return picture, *found
        before = found
        time.sleep(POLL)  # the next look
    pytest.fail(
        f"no book text and contents on screen after {SHOW_TIMEOUT:.0f} s; "
        f"last screenshot: {polled}\nprogram stderr:\n{program.stderr()}"
    )


def test_reader_draws_real_chinese_in_text_and_contents(
    shared_books: Path,
    start_program: Callable[..., Program],
    screen: Screen,
    x_env: dict[str, str],
    artifacts: Path,
) -> None:
    program = start_program(str(shared_books / SAMPLE))
    picture, reader, toc = _wait_for_book(program, screen, artifacts)
    where = f"see {artifacts / 'reader.png'}"

    text = judge_area(picture, reader.inset(3))
    assert text.ink_pixels > 1500, f"the text view is nearly blank ({where}):\n{text.describe()}"
    assert text.shows_cjk, (
        f"the text view does not show real Chinese glyphs ({where}):\n{text.describe()}"
    )

    contents = judge_area(picture, toc.inset(3), min_lines=3)
    assert contents.ink_pixels > 1000, (
        f"the contents are nearly blank ({where}):\n{contents.describe()}"
    )
    assert contents.shows_cjk, (
        f"the contents do not show real Chinese glyphs ({where}):\n{contents.describe()}"
    )

    titles = window_titles(x_env)
    if titles is not None:  # xwininfo (x11-utils) is optional; the smoke test checks the title too
        assert any(TITLE in title for title in titles), f"no window titled with the book: {titles}"
    assert program.running(), program.stderr()
    assert not _unexpected_output(program.stderr()), program.stderr()


FONTCONFIG_WITHOUT_CJK = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def test_without_a_cjk_font_the_check_sees_tofu(
    shared_books: Path,
    start_program: Callable[..., Program],
    screen: Screen,
    artifacts: Path,
    tmp_path: Path,
) -> None:
    """The same program, seeing only DejaVu fonts, draws tofu; the check must notice."""
    fonts = Path("/usr/share/fonts/truetype/dejavu")
    assert fonts.is_dir(), f"{fonts} is absent: install fonts-dejavu-core (setup.sh does)"
    config = tmp_path / "fonts.conf"
    config.write_text(
        FONTCONFIG_WITHOUT_CJK.format(fonts=fonts, cache=tmp_path / "fontcache"), encoding="utf-8"
    )
    program = start_program(str(shared_books / SAMPLE), FONTCONFIG_FILE=str(config))
    picture, reader, toc = _wait_for_book(program, screen, artifacts)
    for area in (reader, toc):
        verdict = judge_area(picture, area.inset(3))
        assert verdict.ink_pixels > 500, verdict.describe()
        assert not verdict.shows_cjk, verdict.describe()


def test_smoke_test_reports_the_book_title(
    shared_books: Path, x_env: dict[str, str], artifacts: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "readmark", "--smoke-test", str(shared_books / SAMPLE)],
        env=x_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    (artifacts / "stdout.txt").write_text(result.stdout, encoding="utf-8")
    (artifacts / "stderr.txt").write_text(result.stderr, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert f"smoke-test ok: {TITLE}" in result.stdout.splitlines(), result.stdout


QT_FAILURE_TEXT = ("qt.qpa", "could not connect", "Aborted", "platform plugin", "Traceback")


def _without_display(tmp_path: Path) -> dict[str, str]:
    drop = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LC_ALL", "LC_MESSAGES")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(READMARK_HOME=str(tmp_path / "home"), LANG="C.UTF-8")
    return env


def _run_reader(env: dict[str, str], book: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readmark", str(book)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
    )


def test_without_a_display_it_says_so_plainly(shared_books: Path, tmp_path: Path) -> None:
    result = _run_reader(_without_display(tmp_path), shared_books / SAMPLE)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("readmark: "), result.stderr
    assert "display" in lines[0].lower(), result.stderr
    assert not any(text in result.stderr for text in QT_FAILURE_TEXT), result.stderr
    assert result.stdout == ""


def test_with_a_dead_display_it_says_so_plainly(
    shared_books: Path, tmp_path: Path, xvfb: str
) -> None:
    number = int(xvfb[1:]) + 50
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    env = {**_without_display(tmp_path), "DISPLAY": f":{number}"}
    result = _run_reader(env, shared_books / SAMPLE)
    assert result.returncode == 2, result.stderr
    assert "display" in result.stderr.lower(), result.stderr
    assert not any(text in result.stderr for text in QT_FAILURE_TEXT), result.stderr
