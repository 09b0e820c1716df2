"""The annotations panel's model (chapters → annotations) and its painted rows.

A plain two-level QAbstractItemModel over Python lists: filtering rebuilds the
visible lists and resets the model, which for 10,000 annotations is a few
milliseconds — cheaper and simpler than a recursive QSortFilterProxyModel. Row
heights are computed lazily by the delegate (only for rows the view lays out)
and cached per annotation and width.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from readmark.core.annotations import Annotation, Kind, Style
from readmark.core.note_markdown import note_html, plain_note_lines
from readmark.core.operations import reading_order
from readmark.core.scripts import has_chinese_or_japanese
from readmark.i18n import format_datetime
from readmark.ui.palette import BOOKMARK_COLOUR, Palette
from readmark.ui.reader.theme import THEMES, highlight_palette

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the Annotation of an entry row, else None
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 2  # True for the annotation at the reader's place
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the Group of a chapter row, else None

_ROOT = QModelIndex()  # the invisible root: the default parent, never changed
# Built once: the view asks for every row's flags when it lays out.
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_ENTRY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
QUOTE_LINES = 3
NOTE_LINES = 4
PAD = 6
ICON = 14


def theme_palette(dark: bool) -> Palette:
    """The text view's highlight colours for a light or a dark page."""
    return highlight_palette(THEMES["dark" if dark else "light"])


_serials = itertools.count(1)
ORPHANS_KEY = "orphans"  # the group of what the book no longer holds


@dataclass(eq=False)
class Group:
    """A chapter's annotations in reading order (or the orphans'). Compared by
    identity: the model finds its groups by object, not by value."""

    key: object
    title: str
    sections: list[int]
    entries: list[Annotation] = field(default_factory=list)
    orphans: bool = False
    serial: int = field(default_factory=lambda: next(_serials))  # entries' internal id


Accept = Callable[[Annotation], bool]


class AnnotationsModel(QAbstractItemModel):
    """Groups at the top level (internal id 0); entries below (internal id = their
    group's serial). `_all` holds every group; `groups` those the filter shows,
    sharing the groups' keys. Changes to single annotations insert and remove
    rows (`insert`, `remove`): a change costs the same among 10 or 10,000."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Group] = []
        self.groups: list[Group] = []
        self.entry_count = 0
        self.current_id: str | None = None
        self._accept: Accept | None = None
        self._by_serial: dict[int, Group] = {}  # visible groups
        self._shown_in: dict[str, Group] = {}  # annotation id -> its visible group
        self._section_group: dict[int, Group] = {}  # section -> its group in _all
        self._orphans: Group | None = None  # in _all
        self.texts: dict[str, str] = {}

    def set_texts(self, texts: dict[str, str]) -> None:
        """Translated words for tool tips (the panel owns the translations)."""
        self.texts = texts

    def set_groups(self, groups: list[Group]) -> None:
        self._all = groups
        self._section_group = {s: g for g in groups if not g.orphans for s in g.sections}
        self._orphans = next((g for g in groups if g.orphans), None)

    def apply_filter(self, accept: Accept | None) -> None:
        self.beginResetModel()
        self._accept = accept
        if accept is None:
            self.groups = [self._visible_copy(g, list(g.entries)) for g in self._all]
        else:
            self.groups = []
            for group in self._all:
                entries = [a for a in group.entries if accept(a)]
                if entries:
                    self.groups.append(self._visible_copy(group, entries))
        self._by_serial = {g.serial: g for g in self.groups}
        self._shown_in = {a.id: g for g in self.groups for a in g.entries}
        self.entry_count = len(self._shown_in)
        self.endResetModel()

    @staticmethod
    def _visible_copy(group: Group, entries: list[Annotation]) -> Group:
        return Group(group.key, group.title, group.sections, entries, group.orphans)

    # -- one annotation at a time -------------------------------------------------

    def remove(self, annotation: Annotation) -> bool:
        """Take an annotation out (and its chapter's row when it was the last there);
        False when the grouping must be rebuilt instead."""
        section = annotation.target.section
        group = self._orphans if annotation.orphaned else self._section_group.get(section)
        at = _find(group.entries, annotation) if group is not None else None
        if group is None or at is None:
            return False
        del group.entries[at]
        shown = self._shown_in.get(annotation.id)
        if shown is not None:
            self._remove_shown(shown, annotation)
        if not group.orphans and not any(a.target.section == section for a in group.entries):
            group.sections.remove(section)
            del self._section_group[section]
        if group.entries:
            return True
        index = self._all.index(group)
        del self._all[index]
        if group.orphans:
            self._orphans = None
            return True
        # Its neighbours are side by side now: under one title they are one chapter.
        before = self._all[index - 1] if index > 0 else None
        after = self._all[index] if index < len(self._all) else None
        return not (
            before is not None
            and after is not None
            and not after.orphans
            and before.title == after.title
        )

    def insert(self, annotation: Annotation, title: str) -> bool:
        """Put an annotation in its place; `title` names its chapter (or the orphans)
        should it be the first there."""
        group = self._group_for(annotation, title)
        group.entries.insert(_place(group.entries, annotation), annotation)
        if self._accept is None or self._accept(annotation):
            shown = next((g for g in self.groups if g.key == group.key), None)
            if shown is None:
                order = {g.key: i for i, g in enumerate(self._all)}
                row = sum(1 for g in self.groups if order[g.key] < order[group.key])
                shown = self._visible_copy(group, [])
                self.beginInsertRows(QModelIndex(), row, row)
                self.groups.insert(row, shown)
                self._by_serial[shown.serial] = shown
                self.endInsertRows()
            at = _place(shown.entries, annotation)
            self.beginInsertRows(self.createIndex(self.groups.index(shown), 0, 0), at, at)
            shown.entries.insert(at, annotation)
            self._shown_in[annotation.id] = shown
            self.entry_count += 1
            self.endInsertRows()
        return True

    def _group_for(self, annotation: Annotation, title: str) -> Group:
        """The group an annotation goes in, made (or a neighbour's extended to its
        section, when the neighbour has the same title) if it has none yet."""
        if annotation.orphaned:
            if self._orphans is None:
                self._orphans = Group(ORPHANS_KEY, title, [], [], orphans=True)
                self._all.append(self._orphans)
            return self._orphans
        section = annotation.target.section
        found = self._section_group.get(section)
        if found is not None:
            return found
        placed = [g for g in self._all if not g.orphans]
        before = next((g for g in reversed(placed) if g.sections[-1] < section), None)
        after = next((g for g in placed if g.sections[0] > section), None)
        if before is not None and before.title == title:
            group = before
            group.sections.append(section)
        elif after is not None and after.title == title:
            group = after
            group.sections.insert(0, section)
        else:
            group = Group(("chapter", section), title, [section], [])
            self._all.insert(self._all.index(before) + 1 if before is not None else 0, group)
        self._section_group[section] = group
        return group

    def _remove_shown(self, shown: Group, annotation: Annotation) -> None:
        at = _find(shown.entries, annotation)
        if at is None:
            return
        row = self.groups.index(shown)
        if len(shown.entries) == 1:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.groups[row]
            del self._by_serial[shown.serial]
        else:
            self.beginRemoveRows(self.createIndex(row, 0, 0), at, at)
            del shown.entries[at]
        del self._shown_in[annotation.id]
        self.entry_count -= 1
        self.endRemoveRows()

    # -- finding ------------------------------------------------------------------------

    def index_of(self, annotation_id: str | None) -> QModelIndex | None:
        group = self._shown_in.get(annotation_id) if annotation_id else None
        if group is None:
            return None
        row = next(i for i, a in enumerate(group.entries) if a.id == annotation_id)
        return self.createIndex(row, 0, group.serial)

    def group_at(self, index: QModelIndex) -> Group | None:
        if not index.isValid() or index.internalId() != 0:
            return None
        return self.groups[index.row()] if index.row() < len(self.groups) else None

    def set_current(self, annotation_id: str | None) -> None:
        """No dataChanged: for a row far from the viewport the view would compute the
        height of every row in between. The panel repaints the viewport instead."""
        self.current_id = annotation_id

    # -- QAbstractItemModel ---------------------------------------------------------

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() == 0 and parent.row() < len(self.groups):
            group = self.groups[parent.row()]
            if row < len(group.entries):
                return self.createIndex(row, 0, group.serial)
        return QModelIndex()

    # Qt overloads parent(): parent() is the QObject's, parent(child) the model's.
    # Python has one method for both; this one answers the model's.
    def parent(  # type: ignore[override]
        self, index: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> QModelIndex:
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        group = self._by_serial.get(index.internalId())
        if group is None:
            return QModelIndex()
        return self.createIndex(self.groups.index(group), 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.row() < len(self.groups):
            return len(self.groups[parent.row()].entries)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _GROUP_FLAGS if index.internalId() == 0 else _ENTRY_FLAGS

    def annotation(self, index: QModelIndex | QPersistentModelIndex) -> Annotation | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._by_serial.get(index.internalId())
        if group is None or index.row() >= len(group.entries):
            return None
        return group.entries[index.row()]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if index.row() >= len(self.groups):
                return None
            group = self.groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return group.title
            if role == GROUP_ROLE:
                return group
            return None
        annotation = self.annotation(index)
        if annotation is None:
            return None
        if role == ANNOTATION_ROLE:
            return annotation
        if role == CURRENT_ROLE:
            return annotation.id == self.current_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return shown_quote(annotation) or annotation.label or annotation.note
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(annotation)
        return None

    def _tooltip(self, a: Annotation) -> str:
        t = self.texts
        kind = t.get("underline", "") if a.style == Style.UNDERLINE else t.get(a.kind, "")
        lines = [f"{kind} — {a.label}" if a.label else kind]
        quote = shown_quote(a)
        if quote:
            lines.append(quote if len(quote) < 600 else quote[:600] + "…")
        if a.original_exact and a.original_exact != a.quote:
            lines.append(t.get("original", "{quote}").format(quote=a.original_exact[:300]))
        lines.append(t.get("created", "{date}").format(date=format_date(a.created, long=True)))
        if a.modified > a.created + 1:
            lines.append(t.get("modified", "{date}").format(date=format_date(a.modified, True)))
        return "\n".join(lines)


def _place(entries: list[Annotation], annotation: Annotation) -> int:
    return bisect.bisect_left(entries, reading_order(annotation), key=reading_order)


def _find(entries: list[Annotation], annotation: Annotation) -> int | None:
    """Where `annotation` (by id, at its reading place) is in `entries`."""
    at = _place(entries, annotation)
    if at < len(entries) and entries[at].id == annotation.id:
        return at
    return next((i for i, a in enumerate(entries) if a.id == annotation.id), None)


def shown_quote(a: Annotation) -> str:
    return " ".join((a.quote or a.original_exact).split())


def format_date(epoch: float, long: bool = False) -> str:
    """In the UI language's locale (readmark.i18n sets it with the translator)."""
    return format_datetime(epoch, long)


@dataclass
class _Layout:
    label: str  # a bookmark's name, elided to one line
    quote: list[str]  # the quote's lines, the last one elided
    note_height: int  # the room for the note; 0 without one
    height: int


class _Fonts:
    """The fonts and metrics of a row, made once per view font."""

    def __init__(self, font: QFont) -> None:
        font = QFont(font)  # a copy: the option's font dies with the option
        self.font = font
        self.metrics = QFontMetrics(font)
        self.spacing = self.metrics.lineSpacing()
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.bold_metrics = QFontMetrics(self.bold)
        self.small = QFont(font)
        if font.pointSizeF() > 0:
            self.small.setPointSizeF(font.pointSizeF() * 0.88)
        else:
            self.small.setPixelSize(max(8, round(font.pixelSize() * 0.88)))
        self.small_metrics = QFontMetrics(self.small)


class AnnotationDelegate(QStyledItemDelegate):
    """Paints a chapter row as a heading and an entry as swatch, quote, note, date."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._fonts: dict[str, _Fonts] = {}
        self._layouts: dict[tuple[str, float, int, str], _Layout] = {}
        self._notes: dict[tuple[str, float, int, str], QTextDocument] = {}
        self._width = 0
        self.colours: Palette = theme_palette(dark=False)

    def _fonts_for(self, font: QFont) -> tuple[str, _Fonts]:
        key = font.key()
        fonts = self._fonts.get(key)
        if fonts is None:
            fonts = self._fonts[key] = _Fonts(font)
        return key, fonts

    # -- geometry -------------------------------------------------------------------

    def _text_width(self) -> int:
        width = max(
            60, self._view.viewport().width() - self._view.indentation() - 2 * PAD - ICON - 6
        )
        if width != self._width:  # the old width's layouts won't be asked for again
            self._width = width
            self._layouts.clear()
            self._notes.clear()
        return width

    def _layout(self, a: Annotation, font: QFont) -> _Layout:
        """Where things go in an entry's row. Cached: the view asks for the height of
        rows it never shows (everything between the top and a far-away row)."""
        width = self._text_width()
        font_key, fonts = self._fonts_for(font)
        key = (a.id, a.modified, width, font_key)
        found = self._layouts.get(key)
        if found is not None:
            return found
        spacing = fonts.spacing
        height = PAD
        label = ""
        if a.label:
            label = fonts.bold_metrics.elidedText(
                " ".join(a.label.split()), Qt.TextElideMode.ElideRight, width
            )
            height += spacing
        max_lines = 2 if a.kind == Kind.BOOKMARK else QUOTE_LINES
        quote = _wrap(shown_quote(a), fonts, width, max_lines)
        height += spacing * len(quote)
        note_height = 0
        if a.note.strip():
            # Estimated from the note's lines, not laid out as rich text; the
            # painter shows as many whole lines as fit.
            lines = blocks = 0
            for paragraph in plain_note_lines(a.note):
                lines += len(_wrap(paragraph, fonts, width, NOTE_LINES - lines))
                blocks += 1
                if lines >= NOTE_LINES:
                    break
            # Rich text adds a little between paragraphs and list items; CJK
            # glyphs come from a fallback font whose lines are taller.
            line = spacing * 1.3 if has_chinese_or_japanese(a.note) else spacing
            note_height = int(max(1, lines) * line + 3 * (blocks - 1))
            height += 3 + note_height
        height += 2 + fonts.small_metrics.lineSpacing() + PAD
        layout = _Layout(label, quote, note_height, height)
        self._layouts[key] = layout
        return layout

    def _note(self, a: Annotation, font: QFont) -> QTextDocument | None:
        if not a.note.strip():
            return None
        width = self._text_width()
        key = (a.id, a.modified, width, font.key())
        doc = self._notes.get(key)
        if doc is None:
            if len(self._notes) > 400:  # only rows on screen need one
                self._notes.pop(next(iter(self._notes)))
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setIndentWidth(16)
            doc.setDefaultFont(font)
            doc.setDefaultStyleSheet(
                "p, ul, ol, pre, blockquote, h1, h2, h3, h4 { margin-top: 0; margin-bottom: 2px; }"
                "h1, h2, h3, h4 { font-size: medium; }"
            )
            doc.setHtml(note_html(a.note))
            doc.setTextWidth(width)
            self._notes[key] = doc
        return doc

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        font = option.font
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is None:
            return QSize(self._text_width(), self._fonts_for(font)[1].spacing + 2 * PAD + 2)
        return QSize(self._text_width(), self._layout(annotation, font).height)

    # -- painting -------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else self._view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.setClipRect(opt.rect)  # while a resize re-lays rows out, keep to our own
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is None:
            self._paint_group(painter, opt, index, text, muted)
        else:
            self._paint_entry(painter, opt, annotation, text, muted, index.data(CURRENT_ROLE))
        painter.restore()

    def _paint_group(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        text: QColor,
        muted: QColor,
    ) -> None:
        group: Group | None = index.data(GROUP_ROLE)
        if group is None:
            return
        fonts = self._fonts_for(opt.font)[1]
        band = opt.palette.color(QPalette.ColorRole.Window)
        if not opt.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(opt.rect, band)
        # The fold arrow is ours: the view's root decoration would indent every entry.
        arrow = QStyleOptionViewItem(opt)
        arrow.rect = QRect(opt.rect.left() + 2, opt.rect.top(), 12, opt.rect.height())
        element = (
            QStyle.PrimitiveElement.PE_IndicatorArrowDown
            if self._view.isExpanded(index)
            else QStyle.PrimitiveElement.PE_IndicatorArrowRight
        )
        arrow.palette.setColor(QPalette.ColorRole.ButtonText, muted)
        self._view.style().drawPrimitive(element, arrow, painter, self._view)
        rect = opt.rect.adjusted(18, 0, -PAD, 0)
        font = QFont(fonts.bold)
        font.setItalic(group.orphans)
        count = str(len(group.entries))
        count_width = fonts.metrics.horizontalAdvance(count) + PAD
        painter.setFont(font)
        painter.setPen(text)
        title = QFontMetrics(font).elidedText(
            group.title, Qt.TextElideMode.ElideRight, rect.width() - count_width
        )
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(opt.font)
        painter.setPen(muted)
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignRight, count)

    def _paint_entry(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        a: Annotation,
        text: QColor,
        muted: QColor,
        current: bool,
    ) -> None:
        rect = opt.rect
        layout = self._layout(a, opt.font)
        fonts = self._fonts_for(opt.font)[1]
        metrics = fonts.metrics
        spacing = fonts.spacing
        fill, line = self.colours.pair(a.color)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if current:  # the one at the reader's place
            bar = QRectF(rect.left() + 1, rect.top() + 3, 3, rect.height() - 6)
            painter.fillRect(bar, opt.palette.color(QPalette.ColorRole.Link))
        x = rect.left() + PAD
        y = rect.top() + PAD
        colour = BOOKMARK_COLOUR if a.kind is Kind.BOOKMARK else a.color
        solid = self.colours.swatch(colour)
        mark_line = self.colours.line(colour) if a.kind is Kind.BOOKMARK else line
        _draw_kind_icon(painter, a, x, y + (spacing - ICON) / 2, solid, mark_line, text)
        x += ICON + 6
        if layout.label:
            painter.setFont(fonts.bold)
            painter.setPen(text)
            painter.drawText(QPointF(x, y + metrics.ascent()), layout.label)
            y += spacing
        painter.setFont(fonts.font)
        # A highlight's quote is tinted, an underline's underlined, as in the text;
        # the text at a note or bookmark is only context.
        quiet = a.kind in (Kind.BOOKMARK, Kind.NOTE)
        for quote_line in layout.quote:
            line_width = metrics.horizontalAdvance(quote_line)
            if not quiet and a.style == Style.UNDERLINE:
                painter.setPen(QPen(line, 2))
                base = y + metrics.ascent() + 2.5
                painter.drawLine(QPointF(x, base), QPointF(x + line_width, base))
            elif not quiet:
                painter.fillRect(QRectF(x - 1, y, line_width + 2, spacing), fill)
            painter.setPen(muted if quiet else text)
            painter.drawText(QPointF(x, y + metrics.ascent()), quote_line)
            y += spacing
        note = self._note(a, fonts.font) if layout.note_height else None
        if note is not None:
            y += 3
            painter.save()
            painter.translate(x, y)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette = QPalette(opt.palette)
            context.palette.setColor(QPalette.ColorRole.Text, text)
            context.clip = QRectF(0, 0, note.textWidth(), _clip_height(note, layout.note_height))
            painter.setClipRect(context.clip, Qt.ClipOperation.IntersectClip)
            note.documentLayout().draw(painter, context)
            painter.restore()
            y += layout.note_height
        painter.setFont(fonts.small)
        painter.setPen(muted)
        date = format_date(a.created)
        painter.drawText(QPointF(x, y + 2 + fonts.small_metrics.ascent()), date)


def _wrap(text: str, fonts: _Fonts, width: int, max_lines: int) -> list[str]:
    """`text` word-wrapped to `width`, at most `max_lines`, the last one elided."""
    if not text or max_lines <= 0:
        return []
    # No need to lay out more than can be shown (a quote may be pages long).
    text = text[: max_lines * width // 3 + 1]
    layout = QTextLayout(text, fonts.font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        if len(lines) == max_lines - 1:
            rest = text[start:]
            lines.append(fonts.metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start : start + line.textLength()].rstrip())
    layout.endLayout()
    return lines


def _clip_height(doc: QTextDocument, room: float) -> float:
    """The bottom of the document's last line that fits whole into `room`
    (at least the first line: a note is never drawn as nothing)."""
    layout = doc.documentLayout()
    bottom = 0.0
    block = doc.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            line_bottom = top + line.y() + line.height()
            if line_bottom > room + 0.5:
                return bottom or line_bottom
            bottom = line_bottom
        block = block.next()
    return bottom


def _draw_kind_icon(
    painter: QPainter, a: Annotation, x: float, y: float, colour: QColor, line: QColor, text: QColor
) -> None:
    """The kind at a glance: a highlighter dot, an underlined A, a note, a ribbon."""
    painter.save()
    edge = QPen(line, 1)
    if a.kind == Kind.BOOKMARK:
        w = ICON * 0.7
        left = x + (ICON - w) / 2
        ribbon = QPolygonF(
            [
                QPointF(left, y),
                QPointF(left + w, y),
                QPointF(left + w, y + ICON),
                QPointF(left + w / 2, y + ICON - w / 2),
                QPointF(left, y + ICON),
            ]
        )
        painter.setPen(edge)
        painter.setBrush(colour)
        painter.drawPolygon(ribbon)
    elif a.kind == Kind.NOTE:
        fold = ICON * 0.3
        path = QPainterPath()
        path.moveTo(x + 1, y)
        path.lineTo(x + ICON - 1 - fold, y)
        path.lineTo(x + ICON - 1, y + fold)
        path.lineTo(x + ICON - 1, y + ICON)
        path.lineTo(x + 1, y + ICON)
        path.closeSubpath()
        painter.setPen(edge)
        painter.setBrush(colour)
        painter.drawPath(path)
        painter.setPen(QPen(line, 1))
        for row in (0.45, 0.65, 0.85):
            painter.drawLine(
                QPointF(x + 3.5, y + ICON * row), QPointF(x + ICON - 3.5, y + ICON * row)
            )
    elif a.style == Style.UNDERLINE:
        font = QFont(painter.font())
        font.setPixelSize(int(ICON * 0.85))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(QRectF(x, y - 2, ICON, ICON), Qt.AlignmentFlag.AlignCenter, "A")
        painter.fillRect(QRectF(x + 1, y + ICON - 2.5, ICON - 2, 2.5), line)
    else:
        painter.setPen(edge)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(x + 0.5, y + 0.5, ICON - 1, ICON - 1), 3, 3)
    painter.restore()
