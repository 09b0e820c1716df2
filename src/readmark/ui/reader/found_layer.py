"""Search hits marked on the page while a search is open: extra selections in
a colour of their own, laid over the text like highlights but never stored and
gone when the search closes.

The hits of every section searched so far are kept (canonical offsets, as the
search found them), so a section shown later is marked as it appears. The
selections of the shown section are made once per section and document, not
per paint, and only again when its hits change.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from readmark.ui.palette import FOUND_COLOUR, Palette, palette_for
from readmark.ui.reader.text_map import TextMap

# Marks made in one section at most: more extra selections slow every paint of
# the page, and a query found this often in one chapter marks it all anyway.
MAX_MARKS = 5_000
_MOVE_ANCHOR = QTextCursor.MoveMode.MoveAnchor
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor


class FoundLayer:
    def __init__(self) -> None:
        self._ranges: dict[int, list[tuple[int, int]]] = {}  # section -> canonical ranges
        self._format = QTextCharFormat()
        self.set_palette(palette_for("light", "#ffffff"))
        self._made: tuple[int, int] | None = None  # (section, hits) the list was made for
        self._selections: list[QTextEdit.ExtraSelection] = []

    def set_palette(self, palette: Palette) -> None:
        fill, line = palette.pair(FOUND_COLOUR)
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(fill))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(line)
        self._format = fmt
        self._made = None

    def clear(self) -> None:
        self._ranges = {}
        self._made, self._selections = None, []

    def add(self, section: int, ranges: list[tuple[int, int]]) -> None:
        self._ranges[section] = list(ranges)
        if self._made is not None and self._made[0] == section:
            self._made = None

    def ranges(self, section: int) -> list[tuple[int, int]]:
        return self._ranges.get(section, [])

    def document_changed(self) -> None:
        self._made, self._selections = None, []

    def build(
        self, document: QTextDocument, section: int, text_map: TextMap
    ) -> list[QTextEdit.ExtraSelection]:
        ranges = self._ranges.get(section)
        if not ranges:
            return []
        if self._made == (section, len(ranges)):
            return self._selections
        selections = []
        for start, end in ranges[:MAX_MARKS]:
            first, last = text_map.to_document_range(start, end)
            if last <= first:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(first, _MOVE_ANCHOR)
            cursor.setPosition(last, _KEEP_ANCHOR)
            selection.cursor = cursor
            selection.format = self._format
            selections.append(selection)
        self._made, self._selections = (section, len(ranges)), selections
        return selections
