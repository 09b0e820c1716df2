"""The library search's panel (Ctrl+Shift+F): a search box, what to search, and the
hits grouped by book — chapter, context with the hit in bold, notes and highlights
marked with their colour. It only shows and asks: `query_changed` when the text or
the scope changes, `activated(path, section, start, end)` when a hit is chosen."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readmark.core.search.index import LibraryHit
from readmark.ui.palette import palette_for, swatch_icon

_PLACE = Qt.ItemDataRole.UserRole


class LibrarySearchPanel(QDockWidget):
    query_changed = Signal(str, str)  # text, scope: "all" | "books" | "notes"
    activated = Signal(str, int, int, int)  # path, section, start, end
    pause_toggled = Signal(bool)  # the reader paused (True) or resumed indexing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Search Library"), parent)
        self.setObjectName("library-search")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.field = QLineEdit(body)
        self.field.setObjectName("librarySearchField")
        self.field.setPlaceholderText(self.tr("Search every book and note"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Search every book and note"))
        self.scope = QComboBox(body)
        self.scope.setObjectName("librarySearchScope")
        for label, key in (
            (self.tr("Books and notes"), "all"),
            (self.tr("Books only"), "books"),
            (self.tr("Notes only"), "notes"),
        ):
            self.scope.addItem(label, key)
        self.scope.setAccessibleName(self.tr("What to search"))
        row.addWidget(self.field, 1)
        row.addWidget(self.scope)
        layout.addLayout(row)
        self.status = QLabel(body)
        self.status.setObjectName("librarySearchStatus")
        self.status.setWordWrap(True)
        self.pause = QPushButton(self.tr("Pause Indexing"), body)
        self.pause.setObjectName("librarySearchPause")
        self.pause.setCheckable(True)
        self.pause.toggled.connect(self._pause_toggled)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.pause)
        layout.addLayout(status_row)
        self.results = QTreeWidget(body)
        self.results.setObjectName("librarySearchResults")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(True)
        self.results.setUniformRowHeights(False)
        self.results.setAccessibleName(self.tr("Hits, by book"))
        layout.addWidget(self.results, 1)
        self.setWidget(body)
        self.field.textChanged.connect(lambda _text: self._ask())
        self.scope.currentIndexChanged.connect(lambda _index: self._ask())
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)

    def _pause_toggled(self, paused: bool) -> None:
        self.pause.setText(self.tr("Resume Indexing") if paused else self.tr("Pause Indexing"))
        self.pause_toggled.emit(paused)

    def _ask(self) -> None:
        self.query_changed.emit(self.field.text(), str(self.scope.currentData()))

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def clear_results(self) -> None:
        self.results.clear()

    def show_hits(self, hits: list[LibraryHit]) -> None:
        """The hits, grouped by book in the order they came."""
        self.results.clear()
        books: dict[str, QTreeWidgetItem] = {}
        colours = palette_for("light", QColor("white"))
        for hit in hits:
            top = books.get(hit.path)
            if top is None:
                top = books[hit.path] = QTreeWidgetItem(self.results, [hit.title])
                top.setToolTip(0, hit.path)
                top.setExpanded(True)
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
            item = QTreeWidgetItem(top)
            item.setData(0, _PLACE, (hit.path, hit.section, hit.start, hit.end))
            label = QLabel(_html(hit), self.results)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            if hit.kind != "book":
                item.setIcon(0, swatch_icon(colours.swatch(hit.color), colours.line(hit.color)))
            self.results.setItemWidget(item, 0, label)
        for top in books.values():
            top.setText(0, f"{top.text(0)} ({top.childCount()})")

    def _chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        place = item.data(0, _PLACE)
        if place:
            path, section, start, end = place
            self.activated.emit(path, section, start, end)


def _html(hit: LibraryHit) -> str:
    context = hit.context
    text = (
        f"{escape(context.before)}<b style='background:#fff2a8'>{escape(context.hit)}</b>"
        f"{escape(context.after)}"
    )
    if hit.kind == "note":
        where = QCoreApplication.translate("LibrarySearchPanel", "Note")
    elif hit.kind == "highlight":
        where = QCoreApplication.translate("LibrarySearchPanel", "Highlight")
    else:
        where = hit.chapter
    if where:
        return f"<span style='color:gray'>{escape(where)}</span><br>{text}"
    return text
