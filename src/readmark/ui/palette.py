"""The highlight colours, in one place: their names, order, tints per theme and
the swatches that show them (in the popup, menus, the panel and its filters).

The five names and their order are the core's (`core.annotations.COLOURS`).
Each theme gives every colour a translucent fill laid over the page (the text
keeps its own colour and overlapping highlights blend) and a solid line for
underlines and note marks. Dark pages take deeper, less transparent fills: a
pale wash over near-black reads as grey.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor

if TYPE_CHECKING:  # imported where swatches are drawn: the first screen draws none
    from PySide6.QtGui import QIcon, QPainter

from readmark.core.annotations import COLOURS

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt

_TINTS: dict[str, dict[str, tuple[str, str]]] = {
    "light": {
        "yellow": ("#78ffd400", "#b58f00"),
        "green": ("#5c6fd46f", "#2e8540"),
        "blue": ("#5261a8ff", "#1f6fd1"),
        "pink": ("#56ff7ab4", "#d6336c"),
        "purple": ("#58ad86ec", "#7b4fc9"),
    },
    "sepia": {
        "yellow": ("#80ffc800", "#9a6e00"),
        "green": ("#6078c070", "#2f7336"),
        "blue": ("#5870a0e8", "#2a5ea8"),
        "pink": ("#58f07aa8", "#b8325e"),
        "purple": ("#5ca882d8", "#6e48b0"),
    },
    "dark": {
        "yellow": ("#66c9a227", "#e8c547"),
        "green": ("#6040a85a", "#6fcf7f"),
        "blue": ("#664a7fd8", "#7fb0ff"),
        "pink": ("#60c8508a", "#f07fae"),
        "purple": ("#6c8a5cd0", "#b99af5"),
    },
}
_UNKNOWN_LINE = "#8a8a86"
# Bookmarks have no colour of their own: their ribbon is drawn in this one, on the
# page and in the annotations list alike.
BOOKMARK_COLOUR = "pink"
# Search hits marked on the page while searching (never stored): an orange no
# highlight colour has, as a translucent fill with a line under it.
FOUND_COLOUR = "#ff8c1a"
# A swatch shows the fill a little stronger than on the page, so five small dots
# stay tell-apart-able while meaning the colour the text gets.
_SWATCH_STRENGTH = 1.7


# The reader's own names for the colours (Preferences › Highlights), e.g.
# yellow = "Key idea": one place, read by every view that names a colour.
_own_names: dict[str, str] = {}


def name_colours(names: Mapping[str, str]) -> None:
    """Use the reader's own names (blank: the colour's own name)."""
    _own_names.clear()
    _own_names.update({c: n.strip() for c, n in names.items() if c in COLOURS and n.strip()})


def own_colour_names() -> dict[str, str]:
    return dict(_own_names)


def colour_names() -> dict[str, str]:
    """The highlight colours as the reader reads them, in COLOURS order: their own
    names, or the colours' names in the UI language."""
    return {**default_colour_names(), **_own_names}


def default_colour_names() -> dict[str, str]:
    """The colours' names in the UI language, in COLOURS order."""
    names = {
        "yellow": QCoreApplication.translate("Colours", "Yellow"),
        "green": QCoreApplication.translate("Colours", "Green"),
        "blue": QCoreApplication.translate("Colours", "Blue"),
        "pink": QCoreApplication.translate("Colours", "Pink"),
        "purple": QCoreApplication.translate("Colours", "Purple"),
    }
    return {colour: names.get(colour, colour) for colour in COLOURS}


@dataclass(frozen=True)
class Palette:
    """The highlight colours of one theme, over its page colour."""

    theme: str
    page: QColor
    tints: dict[str, tuple[QColor, QColor]]  # name -> (translucent fill, solid line)

    def pair(self, name: str) -> tuple[QColor, QColor]:
        """(fill, line) of a colour; a colour from elsewhere (an import) by its CSS name."""
        found = self.tints.get(name)
        if found is not None:
            return found
        line = QColor(name)
        if not line.isValid():
            line = QColor(_UNKNOWN_LINE)
        fill = QColor(line)
        fill.setAlphaF(0.4)
        return fill, line

    def fill(self, name: str) -> QColor:
        return self.pair(name)[0]

    def line(self, name: str) -> QColor:
        return self.pair(name)[1]

    def swatch(self, name: str) -> QColor:
        """A solid colour that looks like the fill on this page, a little stronger."""
        fill = self.fill(name)
        alpha = min(1.0, fill.alphaF() * _SWATCH_STRENGTH)
        page = self.page
        return QColor.fromRgbF(
            alpha * fill.redF() + (1 - alpha) * page.redF(),
            alpha * fill.greenF() + (1 - alpha) * page.greenF(),
            alpha * fill.blueF() + (1 - alpha) * page.blueF(),
        )


def palette_for(theme: str, page: str | QColor, dark: bool = False) -> Palette:
    """The palette of a reading theme ("light", "sepia", "dark"; others by darkness)."""
    table = _TINTS.get(theme, _TINTS["dark" if dark else "light"])
    tints = {name: (QColor(fill), QColor(line)) for name, (fill, line) in table.items()}
    return Palette(theme, QColor(page), tints)


def draw_swatch(
    painter: QPainter,
    rect: QRectF,
    fill: QColor,
    line: QColor,
    filled: bool = True,
    ring: QColor | None = None,
) -> None:
    """A dot in the colour edged in its line colour (only the edge when not
    `filled`); `ring` circles it (the colour in use)."""
    from PySide6.QtGui import QPainter, QPen

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    dot = rect.adjusted(0.65, 0.65, -0.65, -0.65)
    if ring is not None:
        inset = rect.width() * 0.1
        dot = rect.adjusted(inset, inset, -inset, -inset)
        painter.setPen(QPen(ring, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(0.75, 0.75, -0.75, -0.75))
    painter.setPen(QPen(line, 1.3))
    painter.setBrush(fill if filled else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(dot)
    painter.restore()


def swatch_icon(
    fill: QColor,
    line: QColor,
    size: int = 18,
    ring: QColor | None = None,
    toggles: bool = False,
) -> QIcon:
    """A round colour sample as an icon, drawn at 1x and 2x. With `toggles`, for
    a checkable button that shows or hides a colour: filled when on, only the
    edge when off."""
    from PySide6.QtGui import QIcon, QPainter, QPixmap

    icon = QIcon()
    states = ((QIcon.State.On, True), (QIcon.State.Off, not toggles))
    for state, filled in states:
        for ratio in (1, 2):
            pixmap = QPixmap(size * ratio, size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            draw_swatch(painter, QRectF(1, 1, size - 2, size - 2), fill, line, filled, ring)
            painter.end()
            icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon
