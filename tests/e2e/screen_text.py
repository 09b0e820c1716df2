"""Reading a screenshot without help from the program: where its window and panes
are, where the lines of text are, and whether their glyphs are real CJK characters.

Pure Python over QImage bytes (no numpy): masks are `bytes` of 0/1 per pixel, made
with `bytes.translate`, so the heavy loops run in C.

The glyph check, in short: a line of text is cut into blobs at the empty columns
of its ink projection. Real CJK glyphs are many different shapes with ink in their
middle; the tofu a font without CJK draws instead is one hollow box repeated, so
its blobs have empty middles and all look the same once shrunk to a coarse grid.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from PySide6.QtGui import QImage

INK_CONTRAST = 96  # grey levels between a pixel and its background for it to count as ink
PANE_COVERAGE = 0.6  # share of a column (or row) that must differ from the window chrome
# (not 1.0: anti-aliased text has grey pixels that happen to match the chrome)
MIN_PANE_SIZE = 60  # pixels; narrower runs are splitters, frames or scroll bars
GRID = 5  # blobs are compared as GRID x GRID coarse shapes


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def inset(self, margin: int) -> Rect:
        return Rect(
            self.x + margin, self.y + margin, self.width - 2 * margin, self.height - 2 * margin
        )


class Picture:
    """An image as rows of RGB bytes and rows of grey bytes."""

    def __init__(self, image: QImage) -> None:
        if image.isNull():
            raise ValueError("empty image")
        self.width, self.height = image.width(), image.height()
        rgb = image.convertToFormat(QImage.Format.Format_RGB888)
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        self.rgb = _rows(rgb, 3)
        self.grey = _rows(grey, 1)

    @classmethod
    def load(cls, path: str) -> Picture:
        return cls(QImage(path))

    def colour(self, x: int, y: int) -> tuple[int, int, int]:
        row = self.rgb[y]
        return row[3 * x], row[3 * x + 1], row[3 * x + 2]

    def ink_mask(self, rect: Rect) -> list[bytes]:
        """Rows of 0/1: 1 where a pixel stands out from its row's background.

        Each row's background is its commonest grey, so text on a selection bar
        (light on a coloured band) counts as ink just like dark text on paper.
        """
        tables: dict[int, bytes] = {}
        mask = []
        for y in range(rect.y, rect.bottom):
            row = self.grey[y][rect.x : rect.right]
            bg = Counter(row).most_common(1)[0][0]
            if bg not in tables:
                tables[bg] = bytes(1 if abs(v - bg) >= INK_CONTRAST else 0 for v in range(256))
            mask.append(row.translate(tables[bg]))
        return mask


def _rows(image: QImage, depth: int) -> list[bytes]:
    raw = bytes(image.constBits())
    stride, used = image.bytesPerLine(), image.width() * depth
    return [raw[y * stride : y * stride + used] for y in range(image.height())]


def _runs(flags: bytes | list[bool], minimum: int = 1) -> list[tuple[int, int]]:
    """Maximal [start, end) runs of truthy entries at least `minimum` long."""
    runs, start = [], None
    for i, flag in enumerate(flags):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if i - start >= minimum:
                runs.append((start, i))
            start = None
    if start is not None and len(flags) - start >= minimum:
        runs.append((start, len(flags)))
    return runs


# -- where things are ---------------------------------------------------------------------


def find_window(picture: Picture) -> Rect | None:
    """The bounding box of everything that is not the bare root window.

    The root's colour is taken at the bottom-right corner, where a window placed at
    the top-left by a window-manager-less X server does not reach.
    """
    root = picture.grey[picture.height - 1][picture.width - 1]
    table = bytes(0 if v == root else 1 for v in range(256))
    top = bottom = None
    left, right = picture.width, 0
    for y, row in enumerate(picture.grey):
        mask = row.translate(table)
        first = mask.find(1)
        if first < 0:
            continue
        top = y if top is None else top
        bottom = y
        left = min(left, first)
        right = max(right, mask.rfind(1))
    if top is None or bottom is None:
        return None
    return Rect(left, top, right - left + 1, bottom - top + 1)


def find_panes(picture: Picture, window: Rect) -> list[Rect]:
    """Large content areas (tree, text view...) of a window, left to right.

    Menus, tool bars, the status bar and splitters are painted in the window's own
    colour (taken from its bottom rows, the status bar); content areas are not. A
    pane is a run of columns, through the middle of the window, that is almost all
    not-chrome, then extended up and down while its rows are too.
    """
    chrome = Counter(
        picture.colour(x, window.bottom - 2) for x in range(window.x, window.right)
    ).most_common(1)[0][0]

    def differs(x: int, y: int) -> bool:
        return max(abs(a - b) for a, b in zip(picture.colour(x, y), chrome, strict=True)) > 3

    band = range(window.y + window.height * 3 // 10, window.y + window.height * 7 // 10, 3)
    columns = [
        sum(differs(x, y) for y in band) >= PANE_COVERAGE * len(band)
        for x in range(window.x, window.right)
    ]
    panes = []
    for start, end in _runs(columns, MIN_PANE_SIZE):
        x0, x1 = window.x + start, window.x + end
        probe = range(x0 + 4, x1 - 4, 3)
        rows = [
            sum(differs(x, y) for x in probe) >= PANE_COVERAGE * len(probe)
            for y in range(window.y, window.bottom)
        ]
        middle = window.height // 2
        for top, bottom in _runs(rows, MIN_PANE_SIZE):
            if top <= middle < bottom:
                panes.append(Rect(x0, window.y + top, x1 - x0, bottom - top))
    return panes


# -- lines and glyphs ---------------------------------------------------------------------


@dataclass
class Blob:
    """A connected run of inked columns within one line of text."""

    x: int
    y: int
    width: int
    height: int
    centre_ink: float  # share of the middle half (each way) that is inked
    shape: tuple[bool, ...]  # GRID x GRID coarse shape, for comparing blobs


@dataclass
class TextLine:
    top: int
    bottom: int
    blobs: list[Blob] = field(default_factory=list)

    @property
    def height(self) -> int:
        return self.bottom - self.top

    def glyphs(self) -> list[Blob]:
        """Blobs big enough to be a character or a part of one (not dots and commas)."""
        half = self.height / 2
        return [b for b in self.blobs if b.height >= half or b.width >= half]


def text_lines(mask: list[bytes]) -> list[TextLine]:
    """Lines of text in an ink mask: bands of inked rows, each cut into blobs."""
    inked = [1 in row for row in mask]
    bands: list[list[int]] = []
    for top, bottom in _runs(inked):
        if bands and top - bands[-1][1] <= 2:  # a glyph's own gap (二, 三), not a line gap
            bands[-1][1] = bottom
        else:
            bands.append([top, bottom])
    lines = []
    for top, bottom in bands:
        rows = mask[top:bottom]
        if bottom - top < 6:
            continue  # a rule or an underline, not text
        columns = 0
        for row in rows:
            columns |= int.from_bytes(row, "big")
        column_mask = columns.to_bytes(len(rows[0]), "big")
        line = TextLine(top, bottom)
        for x0, x1 in _runs(column_mask):
            line.blobs.append(_blob(rows, top, x0, x1))
        lines.append(line)
    return lines


def _blob(rows: list[bytes], top: int, x0: int, x1: int) -> Blob:
    inked = [i for i, row in enumerate(rows) if 1 in row[x0:x1]]
    y0, y1 = inked[0], inked[-1] + 1
    width, height = x1 - x0, y1 - y0
    cx0, cx1 = x0 + width // 4, x1 - width // 4
    cy0, cy1 = y0 + height // 4, y1 - height // 4
    centre_area = max(1, (cx1 - cx0) * (cy1 - cy0))
    centre = sum(rows[y][cx0:cx1].count(1) for y in range(cy0, cy1)) / centre_area
    shape = []
    for gy in range(GRID):
        ya, yb = y0 + gy * height // GRID, y0 + (gy + 1) * height // GRID
        for gx in range(GRID):
            xa, xb = x0 + gx * width // GRID, x0 + (gx + 1) * width // GRID
            area = max(1, (yb - ya) * (xb - xa))
            ink = sum(rows[y][xa:xb].count(1) for y in range(ya, max(yb, ya + 1)))
            shape.append(ink / area >= 0.25)
    return Blob(x0, top + y0, width, height, centre, tuple(shape))


# -- the verdict ----------------------------------------------------------------------------


@dataclass
class LineVerdict:
    line: TextLine
    glyphs: int
    hollow: int  # glyphs with an empty middle, as a tofu box has
    shapes: int  # distinct coarse shapes among the glyphs
    height: float  # median glyph height / tallest glyph: CJK fill the em box, Latin does not
    width: float  # median glyph width / tallest glyph: CJK are square, Latin narrow

    @property
    def solid(self) -> bool:
        return self.hollow <= 0.5 * self.glyphs

    @property
    def varied(self) -> bool:
        return self.shapes >= 0.5 * self.glyphs

    @property
    def square(self) -> bool:
        return self.height >= 0.8 and self.width >= 0.68

    @property
    def cjk(self) -> bool:
        return self.glyphs >= 3 and self.solid and self.varied and self.square

    def describe(self) -> str:
        faults = [
            word
            for word, ok in (
                ("too few glyphs", self.glyphs >= 3),
                ("hollow (tofu?)", self.solid),
                ("all alike (tofu?)", self.varied),
                ("not square (not CJK?)", self.square),
            )
            if not ok
        ]
        return (
            f"rows {self.line.top}-{self.line.bottom}: {self.glyphs} glyphs, {self.hollow} hollow, "
            f"{self.shapes} shapes, height {self.height:.2f}, width {self.width:.2f} -> "
            + ("CJK" if self.cjk else "not CJK: " + ", ".join(faults))
        )


def judge_line(line: TextLine) -> LineVerdict:
    glyphs = line.glyphs()
    if not glyphs:
        return LineVerdict(line, 0, 0, 0, 0.0, 0.0)
    tallest = max(g.height for g in glyphs)
    return LineVerdict(
        line,
        glyphs=len(glyphs),
        hollow=sum(1 for g in glyphs if g.centre_ink < 0.05),
        shapes=len({g.shape for g in glyphs}),
        height=median(g.height for g in glyphs) / tallest,
        width=median(g.width for g in glyphs) / tallest,
    )


@dataclass
class AreaVerdict:
    ink_pixels: int
    lines: list[LineVerdict]
    min_lines: int

    @property
    def judged(self) -> list[LineVerdict]:
        return [v for v in self.lines if v.glyphs >= 3]

    @property
    def cjk_lines(self) -> int:
        return sum(v.cjk for v in self.judged)

    @property
    def shows_cjk(self) -> bool:
        """Enough lines of real CJK glyphs, and most lines with glyphs are such."""
        return self.cjk_lines >= self.min_lines and self.cjk_lines >= 0.6 * len(self.judged)

    def describe(self) -> str:
        head = (
            f"{self.ink_pixels} ink pixels, {len(self.lines)} lines, "
            f"{self.cjk_lines} of real CJK glyphs"
        )
        return "\n".join([head, *("  " + v.describe() for v in self.lines)])


def judge_area(picture: Picture, rect: Rect, min_lines: int = 2) -> AreaVerdict:
    """Does rect show lines of real CJK glyphs (not tofu, not blank, not Latin)?"""
    mask = picture.ink_mask(rect)
    ink = sum(row.count(1) for row in mask)
    return AreaVerdict(ink, [judge_line(line) for line in text_lines(mask)], min_lines)
