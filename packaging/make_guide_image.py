#!/usr/bin/env python3
"""Draw the picture used by the bundled guide books.

    .venv/bin/python packaging/make_guide_image.py

Writes resources/guide/images/readmark-window.png: a sketch of Readmark's window
(contents on the left, the page on the right) in the three themes. Drawn with shapes
only, no text, so the picture suits both the English and the Chinese guide and does
not depend on the fonts installed. The PNG is committed; rerun this after changing it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "guide" / "images" / "readmark-window.png"
WIDTH, HEIGHT = 600, 260

# (page background, text, contents pane, accent) for light, sepia, dark
THEMES = [
    ("#ffffff", "#2b2b2b", "#f0f0f0", "#3d7be0"),
    ("#f4ecd8", "#5b4636", "#e8dcc0", "#a0652a"),
    ("#1e1f22", "#d4d4d4", "#2b2d31", "#6ea8ff"),
]


def window(p: QPainter, box: QRectF, page: str, ink: str, pane: str, accent: str) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, 40))
    p.drawRoundedRect(box.translated(3, 4), 8, 8)  # shadow
    p.setBrush(QColor(page))
    p.setPen(QPen(QColor("#8c8c8c"), 1))
    p.drawRoundedRect(box, 8, 8)
    # title bar with three dots
    bar = QRectF(box.left(), box.top(), box.width(), 22)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(pane))
    p.drawRoundedRect(bar, 8, 8)
    p.drawRect(QRectF(bar.left(), bar.top() + 10, bar.width(), 12))
    for i, dot in enumerate(("#e06c5f", "#e0b75f", "#6cbf6c")):
        p.setBrush(QColor(dot))
        p.drawEllipse(QRectF(box.left() + 9 + i * 13, box.top() + 7, 8, 8))
    # contents pane: chapter lines, the current one highlighted
    toc = QRectF(box.left() + 1, bar.bottom(), box.width() * 0.32, box.height() - 23)
    p.setBrush(QColor(pane))
    p.drawRect(toc)
    y = toc.top() + 12
    for i, (indent, length) in enumerate(
        [
            (0, 0.7),
            (8, 0.55),
            (8, 0.6),
            (0, 0.75),
            (8, 0.5),
            (16, 0.45),
            (0, 0.65),
            (8, 0.55),
            (0, 0.6),
        ]
    ):
        if i == 3:
            p.setBrush(QColor(accent))
            p.setOpacity(0.25)
            p.drawRect(QRectF(toc.left(), y - 5, toc.width(), 14))
            p.setOpacity(1.0)
        p.setBrush(QColor(accent if i == 3 else ink))
        p.setOpacity(1.0 if i == 3 else 0.55)
        p.drawRoundedRect(QRectF(toc.left() + 8 + indent, y, (toc.width() - 24) * length, 4), 2, 2)
        p.setOpacity(1.0)
        y += 20
    # the page: a heading, paragraphs of text lines, a footnote marker
    left = toc.right() + 14
    right = box.right() - 14
    y = bar.bottom() + 16
    p.setBrush(QColor(ink))
    p.drawRoundedRect(QRectF(left, y, (right - left) * 0.6, 9), 3, 3)
    y += 24
    for paragraph in ([1, 1, 1, 0.55], [1, 1, 0.8], [1, 1, 1, 0.4]):
        for i, length in enumerate(paragraph):
            start = left + (10 if i == 0 else 0)
            p.setOpacity(0.7)
            p.drawRoundedRect(QRectF(start, y, (right - start) * length, 4), 2, 2)
            y += 11
        y += 8
    p.setOpacity(1.0)
    p.setBrush(QColor(accent))
    p.drawEllipse(QRectF(right - 8, y - 27, 5, 5))


def draw() -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#d9dde3"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    w = (WIDTH - 4 * 16) / 3
    for i, colours in enumerate(THEMES):
        window(p, QRectF(16 + i * (w + 16), 20, w, HEIGHT - 44), *colours)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QPainter needs it
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if not draw().save(str(OUT), "PNG"):
        print(f"could not write {OUT}", file=sys.stderr)
        return 1
    print(f"{OUT.relative_to(OUT.parents[3])}: {OUT.stat().st_size} bytes")
    assert app is not None
    return 0


if __name__ == "__main__":
    sys.exit(main())
