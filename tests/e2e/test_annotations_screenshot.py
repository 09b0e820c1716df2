"""Highlights as a user sees them: the real program on Xvfb, looked at from outside.

A READMARK_HOME is seeded through the core API (library record, reading position
at the preface, highlights in four colours, an underline and a note), then
`python -m readmark BOOK` starts on the virtual display. In a screenshot of the
text pane, each highlight's fill must appear in the colour the theme promises
(`theme.highlight_colours`' translucent fill blended over the page colour,
computed here), with the glyphs still drawn on top of it; the underline's and the
note mark's solid colours must be there too. Light and dark theme.

Screenshots are kept in artifacts/e2e/<test>/ (or $READMARK_TEST_ARTIFACTS).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from display_session import Program, Screen
from screen_text import INK_CONTRAST, Picture, Rect, find_panes, find_window

pytestmark = pytest.mark.slow

SAMPLE = "000_25b2869f1a30fd56.txt"
PREFACE = "前 言"
# (colour, style, quote, note): all in the preface's first two paragraphs, so on its
# first screen.
MARKS = [
    ("yellow", "highlight", "全党必须牢记，只有植根人民、造福人民，党才能始终立于不败之地", ""),
    ("green", "highlight", "群众工作的本质是密切党群关系，核心是正确处理人民内部矛盾", ""),
    ("blue", "highlight", "人民群众是历史的创造者，人民群众是真正的英雄", "唯物史观的基本观点。"),
    ("pink", "highlight", "谁能赢得群众，谁就能取得事业的成功", ""),
    ("purple", "underline", "党的根基在人民群众之中", ""),
]
SHOW_TIMEOUT = 20.0  # seconds for the highlights to appear
POLL = 0.4
TOLERANCE = 6  # per channel, for rounding in Qt's alpha blending
MIN_FILL_PIXELS = 300  # a highlight of ~15 CJK characters covers thousands
MIN_INK_INSIDE = 40  # glyph pixels with the fill on both sides of them
MIN_LINE_PIXELS = 12  # a 1 px underline, a small note mark
MIN_TEXT_COLOURED = 10  # glyph cores in exactly the text colour (with `text` given)
GAP = 6  # pixels: how far from an ink pixel the fill may be (stroke width + anti-aliasing)


def _seed(home: Path, book_path: Path, theme_name: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Settings, library record, position and annotations; returns the preface's section."""
    monkeypatch.setenv("READMARK_HOME", str(home))
    from readmark import paths
    from readmark.core.annotations import Annotation, Kind, Style, TextTarget
    from readmark.core.formats import open_book
    from readmark.core.store.library import Library, ReadingPosition
    from readmark.core.store.settings import Settings

    settings = Settings(paths.settings_file())
    assert settings.set("reader.theme", theme_name)
    book = open_book(book_path)
    section = next(s.index for s in book.sections if s.title == PREFACE)
    text = book.section_text(section)
    library = Library(paths.library_db())
    try:
        library.touch(book.path, book.content_id, book.metadata.title, "")
        for colour, style, quote, note in MARKS:
            start = text.find(quote)
            assert start >= 0, f"{quote!r} is not in the preface any more"
            annotation = Annotation(
                Kind.HIGHLIGHT,
                TextTarget.from_text(section, text, start, start + len(quote)),
                color=colour,
                style=Style(style),
                note=note,
            )
            library.annotations.add(book.path, annotation, anchored_to=book.cache_key)
        library.save_position(book.path, ReadingPosition(section, 0))
    finally:
        library.close()
    return section


# -- reading the screenshot --------------------------------------------------------------


RGB = tuple[int, int, int]


def _blend(fill, page) -> RGB:  # type: ignore[no-untyped-def]
    """`fill` (translucent QColor) drawn over opaque `page`, as source-over does."""
    a = fill.alphaF()
    return (
        round(a * fill.red() + (1 - a) * page.red()),
        round(a * fill.green() + (1 - a) * page.green()),
        round(a * fill.blue() + (1 - a) * page.blue()),
    )


def _grey(rgb: RGB) -> int:
    r, g, b = rgb
    return (11 * r + 16 * g + 5 * b) // 32  # what QImage's Grayscale8 conversion does


@dataclass
class Seen:
    fill: RGB
    fill_pixels: int = 0
    ink_inside: int = 0
    text_coloured: int = 0  # of those, in the text's own colour: drawn over the fill

    @property
    def drawn(self) -> bool:
        return (
            self.fill_pixels >= MIN_FILL_PIXELS
            and self.ink_inside >= MIN_INK_INSIDE
            and self.text_coloured >= MIN_TEXT_COLOURED
        )


@dataclass
class Analysis:
    area: Rect
    fills: dict[str, Seen]
    lines: dict[str, int] = field(default_factory=dict)  # solid colour name -> pixels

    def colours_drawn(self) -> list[str]:
        return [name for name, seen in self.fills.items() if seen.drawn]

    def describe(self) -> str:
        parts = [
            f"{name}: fill {seen.fill} × {seen.fill_pixels} px, "
            f"{seen.ink_inside} glyph pixels inside, {seen.text_coloured} in the text colour"
            for name, seen in self.fills.items()
        ]
        parts += [f"line {name}: {count} px" for name, count in self.lines.items()]
        return f"text pane {self.area}:\n  " + "\n  ".join(parts)


def _close(a: RGB, b: RGB) -> bool:
    return (
        abs(a[0] - b[0]) <= TOLERANCE
        and abs(a[1] - b[1]) <= TOLERANCE
        and abs(a[2] - b[2]) <= TOLERANCE
    )


def _text_pane(picture: Picture) -> Rect:
    window = find_window(picture)
    if window is None:
        return Rect(0, 0, picture.width, picture.height)
    panes = find_panes(picture, window)
    return max(panes, key=lambda pane: pane.width).inset(3) if panes else window


def analyse(
    picture: Picture,
    fills: dict[str, RGB],
    lines: dict[str, RGB],
    ink_is_dark: bool,
    text: RGB | None = None,
) -> Analysis:
    """Per fill colour: its pixels in the text pane, and the glyph pixels lying on it
    (ink with that fill within GAP pixels both left and right on the same row); of
    those, how many are in the text's own colour `text`, i.e. not tinted by a fill
    drawn over them."""
    area = _text_pane(picture)
    seen = {name: Seen(rgb) for name, rgb in fills.items()}
    line_counts = dict.fromkeys(lines, 0)
    names = list(fills)
    greys = [_grey(fills[n]) for n in names]
    for y in range(area.y, area.bottom):
        row = picture.rgb[y]
        grey_row = picture.grey[y]
        labels: list[int] = []  # per x: index of the fill it matches, -1 none
        for x in range(area.x, area.right):
            px = (row[3 * x], row[3 * x + 1], row[3 * x + 2])
            label = -1
            for i, name in enumerate(names):
                if _close(px, fills[name]):
                    label = i
                    seen[name].fill_pixels += 1
                    break
            else:
                for name, rgb in lines.items():
                    if _close(px, rgb):
                        line_counts[name] += 1
                        break
            labels.append(label)
        if all(label < 0 for label in labels):
            continue
        width = len(labels)
        for i in range(width):
            if labels[i] >= 0:
                continue
            left = next(
                (labels[j] for j in range(i - 1, max(-1, i - GAP - 1), -1) if labels[j] >= 0), -1
            )
            if left < 0:
                continue
            right = next(
                (labels[j] for j in range(i + 1, min(width, i + GAP + 1)) if labels[j] >= 0), -1
            )
            if right != left:
                continue
            value = grey_row[area.x + i]
            contrast = greys[left] - value if ink_is_dark else value - greys[left]
            if contrast >= INK_CONTRAST:
                seen[names[left]].ink_inside += 1
                x = area.x + i
                if text is not None and _close((row[3 * x], row[3 * x + 1], row[3 * x + 2]), text):
                    seen[names[left]].text_coloured += 1
    return Analysis(area, seen, line_counts)


# -- the check, on pictures we know ------------------------------------------------------


def test_the_check_wants_the_fill_with_text_on_it(qapp: object, artifacts: Path) -> None:
    """A fill with glyphs drawn on it counts; the same fill without text, a fill laid
    over the text (glyphs tinted), or text on the bare page, do not."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from readmark.ui.reader import theme

    light = theme.THEMES["light"]
    page, ink = QColor(light.background), QColor(light.text)
    colours = theme.highlight_palette(light).tints
    fills = {c: _blend(colours[c][0], page) for c in ("yellow", "green", "blue")}
    image = QImage(640, 260, QImage.Format.Format_RGB32)
    image.fill(page)
    painter = QPainter(image)
    font = QFont("Noto Serif CJK SC")
    font.setPixelSize(22)
    painter.setFont(font)
    painter.setPen(ink)
    painter.fillRect(QRect(20, 20, 260, 34), colours["yellow"][0])
    painter.drawText(24, 46, "群众工作的本质是密切党群")  # on the yellow: counts
    painter.fillRect(QRect(20, 80, 260, 34), colours["green"][0])  # no text
    painter.drawText(24, 166, "全党必须牢记植根人民")
    painter.fillRect(QRect(20, 140, 260, 34), colours["blue"][0])  # over the text
    painter.drawText(24, 236, "人民群众是历史的创造者")  # bare page
    painter.end()
    image.save(str(artifacts / "control.png"))
    analysis = analyse(Picture(image), fills, {}, ink_is_dark=True, text=ink.getRgb()[:3])
    assert analysis.colours_drawn() == ["yellow"], analysis.describe()
    assert analysis.fills["green"].fill_pixels > MIN_FILL_PIXELS, analysis.describe()
    blue = analysis.fills["blue"]
    assert blue.ink_inside > MIN_INK_INSIDE and blue.text_coloured == 0, analysis.describe()


# -- the real program --------------------------------------------------------------------


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_highlights_are_drawn_in_their_colours_under_the_text(
    theme_name: str,
    shared_books: Path,
    start_program: Callable[..., Program],
    screen: Screen,
    x_env: dict[str, str],
    artifacts: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QColor

    from readmark.ui.reader import theme

    book = (shared_books / SAMPLE).resolve()
    _seed(Path(x_env["READMARK_HOME"]), book, theme_name, monkeypatch)
    chosen = theme.THEMES[theme_name]
    page = QColor(chosen.background)
    colours = theme.highlight_palette(chosen).tints
    fills = {c: _blend(colours[c][0], page) for c, style, _q, _n in MARKS if style == "highlight"}
    lines = {
        "underline (purple)": colours["purple"][1].getRgb()[:3],
        "note mark (blue)": colours["blue"][1].getRgb()[:3],
    }

    program = start_program(str(book))
    shot = artifacts / f"reader-{theme_name}.png"
    deadline = time.monotonic() + SHOW_TIMEOUT
    analysis: Analysis | None = None
    while time.monotonic() < deadline:
        if not program.running():
            pytest.fail(
                f"the program exited with {program.process.returncode}:\n{program.stderr()}"
            )
        picture = screen.grab(shot)
        text = QColor(chosen.text).getRgb()[:3]
        analysis = analyse(picture, fills, lines, ink_is_dark=not chosen.dark, text=text)
        if len(analysis.colours_drawn()) >= len(fills):
            break
        time.sleep(POLL)
    assert analysis is not None
    where = f"see {shot}"
    drawn = analysis.colours_drawn()
    assert len(drawn) >= 3, (
        f"fewer than 3 highlight colours drawn with text on them ({where}):\n" + analysis.describe()
    )
    for name, count in analysis.lines.items():
        assert count >= MIN_LINE_PIXELS, f"no {name} on screen ({where}):\n" + analysis.describe()
    assert program.running(), program.stderr()
    assert "Traceback" not in program.stderr(), program.stderr()
    (artifacts / "analysis.txt").write_text(analysis.describe() + "\n", encoding="utf-8")
