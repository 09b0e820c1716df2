"""The search results: chapters → hits, and rows that show each hit in its context.

A two-level QAbstractItemModel over the search's `HitList`: a chapter row for
every section with hits (inserted where it belongs as sections arrive, in any
order) and under it one row per hit. Contexts are cut from the section's text
only for the rows the view paints, so a query found 100,000 times costs no
100,000 strings. Every row is one line high (the view can then lay out any
number of them at once): the hit stands in the middle of its row, emphasised,
with as much of its context either side as the width allows; the tooltip shows
the whole context.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from readmark.core.search.hit_list import Hit, HitList
from readmark.core.search.in_book import Context, context

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Hit of a hit row, else None
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 2  # the Context of a hit row, else None

_ROOT = QModelIndex()
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_HIT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
ParentIndex = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits = HitList()
        self._titles: Callable[[int], str] = lambda section: ""
        self._text: Callable[[int], str] = lambda section: ""

    def reset(
        self,
        titles: Callable[[int], str] | None = None,
        text: Callable[[int], str] | None = None,
    ) -> None:
        """Empty, for a new search; `titles(section)` names a chapter row and
        `text(section)` gives the text contexts are cut from."""
        self.beginResetModel()
        self.hits = HitList()
        if titles is not None:
            self._titles = titles
        if text is not None:
            self._text = text
        self.endResetModel()

    def add(self, found: list[tuple[int, list[tuple[int, int]]]]) -> None:
        """Sections' hits arrived, (section, ranges) each: their chapter rows are
        inserted in book order. Sections come from the search in runs (forward
        from the one read, then from the start), so a batch usually fills one
        gap between the rows already there and is inserted at once."""
        sections = self.hits.sections
        new = sorted((s, r) for s, r in found if r and s not in self.hits.ranges_by_section)
        if not new:
            return
        if not sections:
            self.beginResetModel()
            for section, ranges in new:
                self.hits.add(section, ranges)
            self.endResetModel()
            return
        row = bisect_left(sections, new[0][0])
        if bisect_left(sections, new[-1][0]) == row:  # one gap: one insertion
            self.beginInsertRows(_ROOT, row, row + len(new) - 1)
            for section, ranges in new:
                self.hits.add(section, ranges)
            self.endInsertRows()
            return
        for section, ranges in new:
            row = bisect_left(self.hits.sections, section)
            self.beginInsertRows(_ROOT, row, row)
            self.hits.add(section, ranges)
            self.endInsertRows()

    def index_of_hit(self, hit: Hit) -> QModelIndex:
        """The row showing `hit` (invalid if it is not listed)."""
        sections = self.hits.sections
        row = bisect_left(sections, hit.section)
        ranges = self.hits.ranges(hit.section)
        child = bisect_left(ranges, (hit.start, hit.end))
        if row == len(sections) or child == len(ranges) or ranges[child] != hit[1:]:
            return QModelIndex()
        return self.index(child, 0, self.index(row, 0))

    # -- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent: ParentIndex = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self.hits.sections):
                return QModelIndex()
            return self.createIndex(row, 0, 0)
        if parent.internalId() != 0 or parent.row() >= len(self.hits.sections):
            return QModelIndex()
        section = self.hits.sections[parent.row()]
        if row >= len(self.hits.ranges(section)):
            return QModelIndex()
        return self.createIndex(row, 0, section + 1)  # a hit row remembers its section

    def parent(self, child: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        section = child.internalId() - 1
        row = bisect_left(self.hits.sections, section)
        if row == len(self.hits.sections) or self.hits.sections[row] != section:
            return QModelIndex()
        return self.createIndex(row, 0, 0)

    def rowCount(self, parent: ParentIndex = _ROOT) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.hits.sections)
        if parent.internalId() != 0 or parent.row() >= len(self.hits.sections):
            return 0
        return len(self.hits.ranges(self.hits.sections[parent.row()]))

    def columnCount(self, parent: ParentIndex = _ROOT) -> int:  # noqa: N802
        return 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == 0 else _HIT_FLAGS

    def hit(self, index: QModelIndex | QPersistentModelIndex) -> Hit | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        section = index.internalId() - 1
        ranges = self.hits.ranges(section)
        if index.row() >= len(ranges):
            return None
        start, end = ranges[index.row()]
        return Hit(section, start, end)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                section = self.hits.sections[index.row()]
                count = QLocale().toString(len(self.hits.ranges(section)))
                title = self._titles(section) or QCoreApplication.translate(
                    "SearchResults", "Section {number}"
                ).format(number=QLocale().toString(section + 1))
                return f"{title} ({count})"
            return None
        hit = self.hit(index)
        if hit is None:
            return None
        if role == HIT_ROLE:
            return hit
        if role in (CONTEXT_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown = context(self._text(hit.section), hit.start, hit.end)
            if role == CONTEXT_ROLE:
                return shown
            if role == Qt.ItemDataRole.DisplayRole:
                return shown.before + shown.hit + shown.after
            return (
                f"<p>{html.escape(shown.before)}<b>{html.escape(shown.hit)}</b>"
                f"{html.escape(shown.after)}</p>"
            )
        return None


class ResultDelegate(QStyledItemDelegate):
    """A hit row: its context on one line, the hit in bold on the search colour,
    centred enough that some context shows on its left."""

    def __init__(self, mark: QColor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mark = mark

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        shown = index.data(CONTEXT_ROLE)
        if not isinstance(shown, Context):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        font: QFont = option.font
        bold = QFont(font)
        bold.setBold(True)
        plain_metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)
        hit = bold_metrics.elidedText(shown.hit, Qt.TextElideMode.ElideRight, rect.width())
        hit_width = bold_metrics.horizontalAdvance(hit)
        room = max(0, rect.width() - hit_width)
        after_width = plain_metrics.horizontalAdvance(shown.after)
        # The left context takes what the right one leaves, but never more than 40%
        # of the row, so a long left context cannot push the hit out of sight.
        left = min(
            plain_metrics.horizontalAdvance(shown.before),
            max(room - after_width, int(rect.width() * 0.4)),
            room,
        )
        before = plain_metrics.elidedText(shown.before, Qt.TextElideMode.ElideLeft, left)
        left = plain_metrics.horizontalAdvance(before)
        painter.save()
        painter.setClipRect(option.rect)
        painter.setPen(palette.color(role))
        painter.setFont(font)
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        x = rect.left()
        painter.drawText(QRect(x, rect.top(), left, rect.height()), flags, before)
        x += left
        hit_rect = QRect(x, rect.top() + 2, hit_width, rect.height() - 4)
        if not selected:
            painter.fillRect(hit_rect, self.mark)
        painter.setFont(bold)
        painter.drawText(QRect(x, rect.top(), hit_width, rect.height()), flags, hit)
        x += hit_width
        painter.setFont(font)
        rest = rect.right() - x
        after = plain_metrics.elidedText(shown.after, Qt.TextElideMode.ElideRight, max(0, rest))
        painter.drawText(QRect(x, rect.top(), max(0, rest), rect.height()), flags, after)
        painter.restore()
