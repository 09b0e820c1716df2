"""The library's books as a table: one model for the grid of covers and the list.

Filtering and sorting are done here, in Python over the entries already in
memory (one key per row), rather than by a QSortFilterProxyModel, which would
call back into Python for every comparison: 5,000 books sort in milliseconds.
Covers are not in the model; the grid's delegate asks the thumbnail cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from readmark.core.store.catalog import CatalogEntry
from readmark.i18n import format_datetime

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's CatalogEntry
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # the book's path

# Column keys, in order; also the values of the `library.sort` setting.
COLUMNS = ("title", "author", "format", "language", "size", "added", "last_read", "progress")

_FORMAT_NAMES = {"markdown": "Markdown", "epub": "EPUB", "text": "TXT", "html": "HTML"}

_Index = QModelIndex | QPersistentModelIndex


def column_title(key: str) -> str:
    titles = {
        "title": QCoreApplication.translate("LibraryModel", "Title"),
        "author": QCoreApplication.translate("LibraryModel", "Author"),
        "format": QCoreApplication.translate("LibraryModel", "Format"),
        "language": QCoreApplication.translate("LibraryModel", "Language"),
        "size": QCoreApplication.translate("LibraryModel", "Size"),
        "added": QCoreApplication.translate("LibraryModel", "Added"),
        "last_read": QCoreApplication.translate("LibraryModel", "Last Read"),
        "progress": QCoreApplication.translate("LibraryModel", "Progress"),
    }
    return titles[key]


def _sort_key(key: str) -> Callable[[CatalogEntry], Any]:
    keys: dict[str, Callable[[CatalogEntry], Any]] = {
        "title": lambda e: e.title.casefold(),
        "author": lambda e: e.authors.casefold(),
        "format": lambda e: e.format,
        "language": lambda e: e.language,
        "size": lambda e: e.size,
        "added": lambda e: e.added,
        "last_read": lambda e: e.last_opened,
        "progress": lambda e: -1.0 if e.progress is None else e.progress,
    }
    return keys[key]


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[CatalogEntry] = []
        self._haystacks: list[str] = []  # per entry in _all: what the filter searches
        self._rows: list[CatalogEntry] = []  # shown: filtered and sorted
        self._row_of: dict[str, int] = {}  # content id → row, for covers that arrive
        self._filter = ""
        self._collection = ""  # "" = every book
        self._sort = "added"
        self._descending = True
        self._locale = QLocale()
        self._languages: dict[str, str] = {}

    # -- what is shown -----------------------------------------------------------

    def set_entries(self, entries: Sequence[CatalogEntry]) -> None:
        self._all = list(entries)
        self._haystacks = [
            " ".join(
                (
                    e.title,
                    e.authors,
                    e.format,
                    e.language,
                    e.series,
                    *e.tags,
                    *e.collections,
                    e.path,
                )
            ).casefold()
            for e in self._all
        ]
        self._refill()

    def set_filter(self, text: str) -> None:
        text = text.strip().casefold()
        if text != self._filter:
            self._filter = text
            self._refill()

    def set_collection(self, name: str) -> None:
        """Show only the books in this collection ("" = every book)."""
        if name != self._collection:
            self._collection = name
            self._refill()

    @property
    def collection(self) -> str:
        return self._collection

    def sort_by(self, key: str, descending: bool) -> None:
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self._refill()

    @property
    def sorting(self) -> tuple[str, bool]:
        return self._sort, self._descending

    @property
    def total(self) -> int:
        return len(self._all)

    def entry(self, row: int) -> CatalogEntry:
        return self._rows[row]

    def row_of_content(self, content_id: str) -> int | None:
        return self._row_of.get(content_id)

    def _refill(self) -> None:
        self.beginResetModel()
        words = self._filter.split()
        collection = self._collection
        if words or collection:
            rows = [
                e
                for e, hay in zip(self._all, self._haystacks, strict=True)
                if all(w in hay for w in words) and (not collection or collection in e.collections)
            ]
        else:
            rows = list(self._all)
        rows.sort(key=_sort_key(self._sort), reverse=self._descending)
        self._rows = rows
        self._row_of = {e.content_id: i for i, e in enumerate(rows)}
        self.endResetModel()

    # -- QAbstractItemModel ------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, COLUMNS[index.column()])
        if role == ENTRY_ROLE:
            return entry
        if role == PATH_ROLE:
            return entry.path
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.title]
            if entry.authors:
                lines.append(entry.authors)
            if entry.progress is not None:
                lines.append(self._progress(entry))
            lines.append(entry.path)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] in (
            "size",
            "progress",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_by(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)

    # -- formatting --------------------------------------------------------------

    def _text(self, entry: CatalogEntry, key: str) -> str:
        if key == "title":
            return entry.title
        if key == "author":
            return entry.authors
        if key == "format":
            return _FORMAT_NAMES.get(entry.format, entry.format)
        if key == "language":
            return self._language(entry.language)
        if key == "size":
            return self._locale.formattedDataSize(entry.size, 1) if entry.size else ""
        if key == "added":
            return format_datetime(entry.added) if entry.added else ""
        if key == "last_read":
            return format_datetime(entry.last_opened) if entry.last_opened else ""
        if entry.progress is None:
            return ""
        return self._locale.toString(round(entry.progress * 100)) + "%"

    def _progress(self, entry: CatalogEntry) -> str:
        percent = self._text(entry, "progress")
        if entry.chapter:
            return QCoreApplication.translate(
                "LibraryModel", "{percent} read, at “{chapter}”"
            ).format(percent=percent, chapter=entry.chapter)
        return QCoreApplication.translate("LibraryModel", "{percent} read").format(percent=percent)

    def _language(self, code: str) -> str:
        """The language's own name ("中文", "English"), its code if Qt has none."""
        if not code:
            return ""
        name = self._languages.get(code)
        if name is None:
            locale = QLocale(code.replace("-", "_"))
            native = locale.nativeLanguageName() if locale.language() != QLocale.Language.C else ""
            name = self._languages[code] = native or code
        return name
