"""The annotations panel's model (chapters → annotations) and its painted rows.

A plain two-level QAbstractItemModel over Python lists: filtering rebuilds the
visible lists and resets the model, which for 10,000 annotations is a few
milliseconds — cheaper and simpler than a recursive QSortFilterProxyModel. Row
heights are computed lazily by the delegate (only for rows the view lays out)
and cached per annotation and width.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
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
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from readmark.core.annotations import Annotation, Kind, Style
from readmark.core.note_markdown import note_html, plain_note_lines
from readmark.core.scripts import has_chinese_or_japanese
from readmark.i18n import format_datetime
from readmark.ui.reader.theme import THEMES, highlight_colours

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the Annotation of an entry row, else None
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 2  # True for the annotation at the reader's place
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the Group of a chapter row, else None

# Built once: the view asks for every row's flags when it lays out.
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_ENTRY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
QUOTE_LINES = 3
NOTE_LINES = 4
PAD = 6
ICON = 14


Colours = dict[str, tuple[QColor, QColor]]  # name -> (translucent fill, solid line)


def theme_colours(dark: bool) -> Colours:
    """The text view's highlight colours for a light or a dark page."""
    return highlight_colours(THEMES["dark" if dark else "light"])


def colour_pair(colours: Colours, name: str) -> tuple[QColor, QColor]:
    """(fill, line) of a colour; a colour from elsewhere (an import) by its CSS name."""
    found = colours.get(name)
    if found is not None:
        return found
    line = QColor(name)
    if not line.isValid():
        line = QColor("#8a8a86")
    fill = QColor(line)
    fill.setAlphaF(0.4)
    return fill, line


def swatch_colour(fill: QColor, line: QColor, page: QColor) -> QColor:
    """The fill as it looks on the page: a solid colour for a swatch."""
    alpha = fill.alphaF()
    return QColor.fromRgbF(
        fill.redF() * alpha + page.redF() * (1 - alpha),
        fill.greenF() * alpha + page.greenF() * (1 - alpha),
        fill.blueF() * alpha + page.blueF() * (1 - alpha),
    )


def draw_swatch(
    painter: QPainter, rect: QRectF, fill: QColor, line: QColor, filled: bool = True
) -> None:
    """A dot in the colour, edged in its line colour; only the edge when not `filled`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(line, 1.3))
    painter.setBrush(fill if filled else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(rect.adjusted(0.65, 0.65, -0.65, -0.65))
    painter.restore()


@dataclass
class Group:
    key: object
    title: str
    sections: list[int]
    entries: list[Annotation] = field(default_factory=list)
    orphans: bool = False


class AnnotationsModel(QAbstractItemModel):
    """Groups at the top level (internal id 0); entries below (internal id = group row + 1)."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._all: list[Group] = []
        self.groups: list[Group] = []
        self.entry_count = 0
        self.current_id: str | None = None
        self._where: dict[str, tuple[int, int]] = {}
        self.texts: dict[str, str] = {}

    def set_texts(self, texts: dict[str, str]) -> None:
        """Translated words for tool tips (the panel owns the translations)."""
        self.texts = texts

    def set_groups(self, groups: list[Group]) -> None:
        self._all = groups

    def apply_filter(self, accept: Callable[[Annotation], bool] | None) -> None:
        self.beginResetModel()
        if accept is None:
            self.groups = list(self._all)
        else:
            self.groups = []
            for group in self._all:
                entries = [a for a in group.entries if accept(a)]
                if entries:
                    self.groups.append(
                        Group(group.key, group.title, group.sections, entries, group.orphans)
                    )
        self._where = {
            a.id: (g, r) for g, group in enumerate(self.groups) for r, a in enumerate(group.entries)
        }
        self.entry_count = len(self._where)
        self.endResetModel()

    def index_of(self, annotation_id: str | None) -> QModelIndex | None:
        where = self._where.get(annotation_id) if annotation_id else None
        return self.createIndex(where[1], 0, where[0] + 1) if where else None

    def group_at(self, index: QModelIndex) -> Group | None:
        if not index.isValid() or index.internalId() != 0:
            return None
        return self.groups[index.row()] if index.row() < len(self.groups) else None

    def set_current(self, annotation_id: str | None) -> None:
        """No dataChanged: for a row far from the viewport the view would compute the
        height of every row in between. The panel repaints the viewport instead."""
        self.current_id = annotation_id

    # -- QAbstractItemModel ---------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() == 0 and row < len(self.groups[parent.row()].entries):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0:
            return len(self.groups[parent.row()].entries)
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _GROUP_FLAGS if index.internalId() == 0 else _ENTRY_FLAGS

    def annotation(self, index: QModelIndex) -> Annotation | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1].entries[index.row()]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == 0:
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
        self.colours: Colours = theme_colours(dark=False)

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

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # type: ignore[no-untyped-def]  # noqa: N802
        font = option.font
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is None:
            return QSize(self._text_width(), self._fonts_for(font)[1].spacing + 2 * PAD + 2)
        return QSize(self._text_width(), self._layout(annotation, font).height)

    # -- painting -------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # type: ignore[no-untyped-def]
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

    def _paint_group(self, painter, opt, index, text, muted) -> None:  # type: ignore[no-untyped-def]
        group = index.data(GROUP_ROLE)
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

    def _paint_entry(self, painter, opt, a: Annotation, text, muted, current) -> None:  # type: ignore[no-untyped-def]
        rect = opt.rect
        layout = self._layout(a, opt.font)
        fonts = self._fonts_for(opt.font)[1]
        metrics = fonts.metrics
        spacing = fonts.spacing
        fill, line = colour_pair(self.colours, a.color)
        page = opt.palette.color(QPalette.ColorRole.Base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if current:  # the one at the reader's place
            bar = QRectF(rect.left() + 1, rect.top() + 3, 3, rect.height() - 6)
            painter.fillRect(bar, opt.palette.color(QPalette.ColorRole.Link))
        x = rect.left() + PAD
        y = rect.top() + PAD
        solid = swatch_colour(fill, line, page)
        _draw_kind_icon(painter, a, x, y + (spacing - ICON) / 2, solid, line, text)
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
