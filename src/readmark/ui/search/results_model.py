"""The search results: one flat list of chapter rows, each followed by its hits.

A flat QAbstractListModel over the search's `HitList` (not a tree: a tree view
asks a Python model about every row it could expand, which for a query found
100,000 times costs seconds; a flat list with rows of one height asks only
about the rows on screen). A chapter row names the chapter and how many hits
it has; the hit rows under it stand for one hit each. Chapters arrive in any
order and are inserted where they belong. Contexts are cut from the section's
text only for the rows painted. Every row is one line high: the hit stands in
the middle of its row, emphasised, with as much context either side as the
width allows; the tooltip shows the whole context (~40 characters each side).
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
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
from readmark.i18n import format_number

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Hit of a hit row, else None
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 2  # the Context of a hit row, else None
SECTION_ROLE = Qt.ItemDataRole.UserRole + 3  # the section of a chapter row, else None

_ROOT = QModelIndex()
_CHAPTER_FLAGS = Qt.ItemFlag.ItemIsEnabled
_HIT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_INDENT = 14  # hit rows, under their chapter's
ParentIndex = QModelIndex | QPersistentModelIndex
Found = list[tuple[int, list[tuple[int, int]]]]  # (section, its hits' ranges)


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits = HitList()
        self._rows: list[int] | None = []  # the row of each chapter; None = to count again
        self._titles: Callable[[int], str] = lambda section: ""
        self._text: Callable[[int], str] = lambda section: ""

    def reset(
        self,
        titles: Callable[[int], str] | None = None,
        text: Callable[[int], str] | None = None,
    ) -> None:
        """Empty, for a new search; `titles(section)` names a chapter row and
        `text(section)` gives the text contexts are cut from."""
        empty = not self.hits.sections  # then the views need not hear of it
        if not empty:
            self.beginResetModel()
        self.hits = HitList()
        self._rows = []
        if titles is not None:
            self._titles = titles
        if text is not None:
            self._text = text
        if not empty:
            self.endResetModel()

    def add(self, found: Found) -> None:
        """Sections' hits arrived: their rows are inserted in book order. Sections
        come from the search in runs (forward from the one read, then from the
        start), so a batch usually fills one gap and is inserted at once."""
        known = self.hits.ranges_by_section
        new = sorted((s, r) for s, r in found if r and s not in known)
        if not new:
            return
        sections = self.hits.sections
        if not sections:
            self.beginResetModel()
            self._add(new)
            self.endResetModel()
            return
        # Each run of new sections that falls between the same two listed ones is
        # one insertion; the runs are inserted from the last, so the rows of those
        # before it stay where they were counted (one count for the whole batch:
        # counting again for each section, as this did when a batch fell into
        # several gaps, cost the window ~0.1 s for a novel of 1,137 chapters
        # searched while its text was being made).
        rows = list(self._chapter_rows())
        end = self.rowCount()
        runs: list[tuple[int, list[tuple[int, list[tuple[int, int]]]]]] = []
        for item in new:
            gap = bisect_left(sections, item[0])
            if runs and runs[-1][0] == gap:
                runs[-1][1].append(item)
            else:
                runs.append((gap, [item]))
        for gap, run in reversed(runs):
            first = rows[gap] if gap < len(rows) else end
            size = sum(1 + len(ranges) for _s, ranges in run)
            self.beginInsertRows(_ROOT, first, first + size - 1)
            self._add(run)
            self.endInsertRows()

    def _add(self, new: Found) -> None:
        for section, ranges in new:
            self.hits.add(section, ranges)
        self._rows = None

    def _chapter_rows(self) -> list[int]:
        if self._rows is None:
            rows, at = [], 0
            for section in self.hits.sections:
                rows.append(at)
                at += 1 + len(self.hits.ranges(section))
            self._rows = rows
        return self._rows

    def _chapter_row(self, k: int) -> int:
        """The row of the k-th chapter (the row count when k is past the last)."""
        rows = self._chapter_rows()
        return rows[k] if k < len(rows) else self.rowCount()

    def _locate(self, row: int) -> tuple[int, int]:
        """(section, hit number in it; -1 for the chapter row) of a row."""
        rows = self._chapter_rows()
        k = bisect_right(rows, row) - 1
        return self.hits.sections[k], row - rows[k] - 1

    def index_of_hit(self, hit: Hit) -> QModelIndex:
        """The row showing `hit` (invalid if it is not listed)."""
        sections = self.hits.sections
        k = bisect_left(sections, hit.section)
        ranges = self.hits.ranges(hit.section)
        j = bisect_left(ranges, (hit.start, hit.end))
        if k == len(sections) or sections[k] != hit.section or j == len(ranges):
            return QModelIndex()
        if ranges[j] != (hit.start, hit.end):
            return QModelIndex()
        return self.index(self._chapter_rows()[k] + 1 + j, 0)

    def hit(self, index: QModelIndex | QPersistentModelIndex) -> Hit | None:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        section, number = self._locate(index.row())
        if number < 0:
            return None
        start, end = self.hits.ranges(section)[number]
        return Hit(section, start, end)

    # -- QAbstractListModel --------------------------------------------------------------

    def rowCount(self, parent: ParentIndex = _ROOT) -> int:  # noqa: N802
        # Asked once or twice per row whenever the list is laid out: kept cheap.
        return 0 if parent.isValid() else len(self.hits.sections) + self.hits.total

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or index.row() >= self.rowCount():
            return Qt.ItemFlag.NoItemFlags
        return _CHAPTER_FLAGS if self._locate(index.row())[1] < 0 else _HIT_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        section, number = self._locate(index.row())
        if number < 0:
            if role == SECTION_ROLE:
                return section
            if role == Qt.ItemDataRole.DisplayRole:
                count = format_number(len(self.hits.ranges(section)))
                title = self._titles(section) or QCoreApplication.translate(
                    "SearchResults", "Section {number}"
                ).format(number=format_number(section + 1))
                return f"{title} ({count})"
            return None
        start, end = self.hits.ranges(section)[number]
        if role == HIT_ROLE:
            return Hit(section, start, end)
        if role in (CONTEXT_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown = context(self._text(section), start, end)
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
    """A chapter row in bold; a hit row, indented: its context on one line, the
    hit in bold on the search colour, with some context always on its left."""

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
        if not isinstance(shown, Context):  # a chapter row
            self.initStyleOption(option, index)
            option.font.setBold(True)
            widget = option.widget
            style = widget.style() if widget is not None else None
            if style is not None:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
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
        rect: QRect = option.rect.adjusted(_INDENT, 0, -4, 0)
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
        if not selected:
            painter.fillRect(QRect(x, rect.top() + 2, hit_width, rect.height() - 4), self.mark)
        painter.setFont(bold)
        painter.drawText(QRect(x, rect.top(), hit_width, rect.height()), flags, hit)
        x += hit_width
        painter.setFont(font)
        rest = max(0, rect.right() - x)
        after = plain_metrics.elidedText(shown.after, Qt.TextElideMode.ElideRight, rest)
        painter.drawText(QRect(x, rect.top(), rest, rect.height()), flags, after)
        painter.restore()
