"""The library page: every book as a grid of covers or a sortable list, with a
filter that narrows as you type. Books dropped on it are added.

It only shows and asks: `book_requested`, `add_requested`, `remove_requested`,
`mode_changed` and `sort_changed` are wired by the shell.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from readmark.i18n import format_number
from readmark.ui.library.collections_panel import CollectionsPanel
from readmark.ui.library.grid_delegate import GridDelegate
from readmark.ui.library.model import COLUMNS, PATH_ROLE, LibraryModel, column_title
from readmark.ui.library.thumbnails import ThumbnailCache


class LibraryView(QWidget):
    book_requested = Signal(str)  # path: open it
    add_requested = Signal(list)  # [Path]: files and folders dropped
    remove_requested = Signal(str)  # path: take it out of the library
    details_requested = Signal(str)  # path: edit its title, authors, series, tags
    collect_requested = Signal(str, str)  # path, collection ("" = ask for a new one)
    uncollect_requested = Signal(str, str)  # path, collection
    mode_changed = Signal(str)  # "grid" | "list"
    sort_changed = Signal(str, bool)  # column key, descending
    # The filter's text and the collection shown: search inside their books and notes.
    search_requested = Signal(str, str)

    def __init__(
        self, model: LibraryModel, covers: ThumbnailCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.setAcceptDrops(True)
        self.model = model

        self.filter = QLineEdit()
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Filter by title, author, language…"))
        self.filter.setAccessibleName(self.tr("Filter the library"))
        self.filter.setClearButtonEnabled(True)
        # Debounced a little: each keystroke re-filters 5,000 books only once typing pauses.
        self._filter_timer = QTimer(self, singleShot=True, interval=80)
        self._filter_timer.timeout.connect(lambda: self.model.set_filter(self.filter.text()))
        self.filter.textChanged.connect(lambda _text: self._filter_timer.start())
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("librarySort")
        self.sort_box.setToolTip(self.tr("Sort by"))
        self.sort_box.setAccessibleName(self.tr("Sort by"))
        for key in COLUMNS:
            self.sort_box.addItem(column_title(key), key)
        self.sort_box.activated.connect(self._sort_chosen)
        self.order_button = QToolButton()
        self.order_button.setObjectName("librarySortOrder")
        self.order_button.setCheckable(True)
        self.order_button.setToolTip(self.tr("Descending order"))
        self.order_button.setAccessibleName(self.tr("Descending order"))
        self.order_button.clicked.connect(self._sort_chosen)
        self.grid_button = QToolButton()
        self.grid_button.setObjectName("libraryGridButton")
        self.grid_button.setText(self.tr("Covers"))
        self.list_button = QToolButton()
        self.list_button.setObjectName("libraryListButton")
        self.list_button.setText(self.tr("List"))
        modes = QButtonGroup(self)
        for button in (self.grid_button, self.list_button):
            button.setCheckable(True)
            modes.addButton(button)
        self.grid_button.clicked.connect(lambda: self.set_mode("grid", announce=True))
        self.list_button.clicked.connect(lambda: self.set_mode("list", announce=True))

        # The library search (Ctrl+Shift+F) over the books' text, from here too.
        self.search_inside = QPushButton(self.tr("Search Inside Books"))
        self.search_inside.setObjectName("librarySearchInside")
        self.search_inside.setToolTip(
            self.tr("Search the text of every book and note (Ctrl+Shift+F)")
        )
        self.search_inside.clicked.connect(
            lambda: self.search_requested.emit(self.filter.text(), self.model.collection)
        )

        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.search_inside)
        bar.addWidget(self.count_label)
        bar.addSpacing(12)
        bar.addWidget(self.sort_box)
        bar.addWidget(self.order_button)
        bar.addSpacing(12)
        bar.addWidget(self.grid_button)
        bar.addWidget(self.list_button)

        self.grid = QListView()
        self.grid.setObjectName("libraryGrid")
        self.grid.setAccessibleName(self.tr("Books"))
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setDragEnabled(False)  # icon mode turns these on: files dropped go to
        self.grid.setAcceptDrops(False)  # the page, which adds them
        self.grid.setUniformItemSizes(True)  # layout without asking 5,000 rows their size
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.grid.setWordWrap(True)
        self.delegate = GridDelegate(covers, self.grid)
        self.grid.setItemDelegate(self.delegate)
        self.grid.setGridSize(self.delegate.cell_size(QFontMetrics(self.grid.font())))
        self.grid.setModel(model)

        self.list = QTreeView()
        self.list.setObjectName("libraryList")
        self.list.setAccessibleName(self.tr("Books"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setModel(model)
        self.list.setSortingEnabled(True)
        header = self.list.header()
        header.setSectionsMovable(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 170), (2, 80), (3, 110), (4, 80), (5, 150), (6, 150), (7, 80)):
            header.resizeSection(column, width)
        header.sortIndicatorChanged.connect(self._header_sorted)

        for view in (self.grid, self.list):
            view.activated.connect(self._activated)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._context_menu)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.grid)
        self.pages.addWidget(self.list)

        self.empty_label = QLabel(
            self.tr(
                "Your library is empty. Add books with File › Add Books to Library… or "
                "Add Folder to Library…, or drop book files here."
            )
        )
        self.empty_label.setObjectName("libraryEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.collections = CollectionsPanel()
        self.collections.chosen.connect(self.model.set_collection)
        right = QWidget()
        books = QVBoxLayout(right)
        books.setContentsMargins(0, 0, 0, 0)
        books.addLayout(bar)
        books.addWidget(self.pages, 1)
        books.addWidget(self.empty_label)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.collections)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        covers.ready.connect(self._covers_arrived)
        self.grid.verticalScrollBar().valueChanged.connect(lambda _value: covers.scrolled())
        model.modelReset.connect(self._update_count)
        self._mode = "grid"
        self._collection_names: list[str] = []
        self.set_mode("grid")
        self._update_count()

    # -- state ---------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str, announce: bool = False) -> None:
        self._mode = mode
        self.pages.setCurrentWidget(self.grid if mode == "grid" else self.list)
        (self.grid_button if mode == "grid" else self.list_button).setChecked(True)
        if announce:
            self.mode_changed.emit(mode)
            self.current_view().setFocus()

    def current_view(self) -> QAbstractItemView:
        return self.grid if self._mode == "grid" else self.list

    def set_sorting(self, key: str, descending: bool) -> None:
        """Show and apply a sort (from the settings), without announcing it."""
        self.model.sort_by(key, descending)
        self._show_sorting(key, descending)

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _show_sorting(self, key: str, descending: bool) -> None:
        self.sort_box.setCurrentIndex(COLUMNS.index(key))
        self.order_button.setChecked(descending)
        self.order_button.setText("↓" if descending else "↑")
        header = self.list.header()
        blocker = header.blockSignals(True)
        header.setSortIndicator(
            COLUMNS.index(key),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(blocker)

    def _sort_chosen(self) -> None:
        key = self.sort_box.currentData()
        descending = self.order_button.isChecked()
        self.model.sort_by(key, descending)
        self._show_sorting(key, descending)
        self.sort_changed.emit(key, descending)

    def _header_sorted(self, column: int, order: Qt.SortOrder) -> None:
        # QTreeView has already asked the model to sort; the rest follows.
        key, descending = COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        self._show_sorting(key, descending)
        self.sort_changed.emit(key, descending)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if shown == total:
            text = self.tr("{count} books").format(count=format_number(total))
        else:
            text = self.tr("{shown} of {count} books").format(
                shown=format_number(shown), count=format_number(total)
            )
        self.count_label.setText(text)
        self.empty_label.setVisible(total == 0)
        self.pages.setVisible(total > 0)

    def _covers_arrived(self, content_ids: list[str]) -> None:
        """Repaint only the cells on screen whose covers arrived (one paint event
        for them all, merged with a scroll's if one is due), not the whole grid."""
        if self._mode != "grid":
            return
        grid, shown = self.grid, self.grid.viewport().rect()
        for content_id in content_ids:
            row = self.model.row_of_content(content_id)
            if row is not None:
                rect = grid.visualRect(self.model.index(row, 0))
                if rect.intersects(shown):
                    grid.viewport().update(rect)

    # -- requests ------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if path:
            self.book_requested.emit(path)

    def _context_menu(self, where: QPoint) -> None:
        view = self.current_view()
        index = view.indexAt(where)
        if not index.isValid():
            return
        path = index.data(PATH_ROLE)
        menu = QMenu(self)
        menu.setObjectName("bookMenu")
        menu.addAction(self.tr("Open"), lambda: self.book_requested.emit(path))
        menu.addAction(self.tr("Edit Details…"), lambda: self.details_requested.emit(path))
        collect = menu.addMenu(self.tr("Add to Collection"))
        entry = self.model.entry(index.row())
        for name in self._collection_names:
            action = collect.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self.collect_requested.emit(path, n))
            action.setEnabled(name not in entry.collections)
        if self._collection_names:
            collect.addSeparator()
        collect.addAction(self.tr("New Collection…"), lambda: self.collect_requested.emit(path, ""))
        shown = self.model.collection
        if shown:
            menu.addAction(
                self.tr("Remove from “{name}”").format(name=shown),
                lambda: self.uncollect_requested.emit(path, shown),
            )
        menu.addSeparator()
        menu.addAction(self.tr("Remove from Library…"), lambda: self.remove_requested.emit(path))
        menu.popup(view.viewport().mapToGlobal(where))

    def set_collections(self, collections: list[tuple[str, int]]) -> None:
        """The collections there are (for the side list and the book menu)."""
        self._collection_names = [name for name, _count in collections]
        self.collections.set_collections(self.model.total, collections)

    def selected_path(self) -> str | None:
        index = self.current_view().currentIndex()
        return index.data(PATH_ROLE) if index.isValid() else None

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Delete and (path := self.selected_path()):
            self.remove_requested.emit(path)
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_requested.emit(paths)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(900, 600)
