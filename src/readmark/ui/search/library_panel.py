"""The library search's panel (Ctrl+Shift+F): a search box, what to search (books
and notes, books only, notes only), which books (a collection, a language), and
the hits grouped by book — chapter, context with the hit in bold, notes and
highlights marked with their colour. It only shows and asks: `query_changed` when
the text or a filter changes, `activated(path, section, start, end)` when a hit is
chosen; what the filters offer is given to it (`set_choices`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, Signal
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
    # text, scope ("all" | "books" | "notes"), collection ("" = any), language ("" = any)
    query_changed = Signal(str, str, str, str)
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
        filters = QHBoxLayout()
        self.collection = QComboBox(body)
        self.collection.setObjectName("librarySearchCollection")
        self.collection.setAccessibleName(self.tr("Only the books of a collection"))
        self.collection.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language = QComboBox(body)
        self.language.setObjectName("librarySearchLanguage")
        self.language.setAccessibleName(self.tr("Only the books in a language"))
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._asked_collection: str | None = None  # set_collection before choices came
        filters.addWidget(self.collection, 1)
        filters.addWidget(self.language, 1)
        layout.addLayout(filters)
        self.set_choices([], [])
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
        self.collection.currentIndexChanged.connect(lambda _index: self._ask())
        self.language.currentIndexChanged.connect(lambda _index: self._ask())
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)

    def _pause_toggled(self, paused: bool) -> None:
        self.pause.setText(self.tr("Resume Indexing") if paused else self.tr("Pause Indexing"))
        self.pause_toggled.emit(paused)

    def _ask(self) -> None:
        self.query_changed.emit(
            self.field.text(),
            str(self.scope.currentData()),
            str(self.collection.currentData() or ""),
            str(self.language.currentData() or ""),
        )

    def set_choices(self, collections: Sequence[str], languages: Sequence[str]) -> None:
        """The library's collections and its books' languages (primary tags, e.g.
        "zh"), each offered by name; what was chosen stays chosen while it exists,
        else the filter goes back to every book (and the search is asked again)."""
        before = (self.collection.currentData() or "", self.language.currentData() or "")
        for combo, anything, items in (
            (self.collection, self.tr("Every collection"), [(n, n) for n in collections]),
            (self.language, self.tr("Every language"), [(_language_name(t), t) for t in languages]),
        ):
            blocker = combo.blockSignals(True)
            chosen = combo.currentData() or ""
            if combo is self.collection and self._asked_collection is not None:
                chosen, self._asked_collection = self._asked_collection, None
            combo.clear()
            combo.addItem(anything, "")
            for label, key in items:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.setEnabled(bool(items))
            combo.blockSignals(blocker)
        if (self.collection.currentData() or "", self.language.currentData() or "") != before:
            self._ask()

    def set_collection(self, name: str) -> None:
        """Search in this collection ("" = every book), as soon as the panel offers it."""
        found = self.collection.findData(name)
        self._asked_collection = None if found >= 0 else name
        self.collection.setCurrentIndex(max(0, found))

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def clear_results(self) -> None:
        self.results.clear()

    def show_hits(self, hits: list[LibraryHit], more: Collection[str] = ()) -> None:
        """The hits, grouped by book in the order they came; `more`: the paths of
        books with more hits than listed (their count shows a +)."""
        self.results.clear()
        books: dict[str, QTreeWidgetItem] = {}
        colours = palette_for("light", QColor("white"))
        # A wrapped label's own size hint is for a narrower width than the list
        # gives it (rows would stand apart by a line): sized for the list's width.
        width = max(120, self.results.viewport().width() - 2 * self.results.indentation() - 8)
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
            height = label.heightForWidth(width) + 6
            label.setMaximumHeight(height)  # the row's height is the label's, bounded
            item.setSizeHint(0, QSize(width, height))
            self.results.setItemWidget(item, 0, label)
        for path, top in books.items():
            count = top.childCount()
            top.setText(0, f"{top.text(0)} ({count}{'+' if path in more else ''})")

    def _chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        place = item.data(0, _PLACE)
        if place:
            path, section, start, end = place
            self.activated.emit(path, section, start, end)


# Qt names a bare tag by its most common variety ("American English", "简体中文"); the
# filter takes every variety, so those languages are named as a whole.
_WHOLE_LANGUAGE = {"en": "English", "zh": "中文", "pt": "português", "es": "español"}


def _language_name(tag: str) -> str:
    """The language's own name and its tag ("中文 (zh)"); the tag alone if Qt has
    no name for it."""
    locale = QLocale(tag)
    if locale.language() == QLocale.Language.C:
        return tag
    return f"{_WHOLE_LANGUAGE.get(tag) or locale.nativeLanguageName()} ({tag})"


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
