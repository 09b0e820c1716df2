"""The search panel (Ctrl+F): the field, the options, what was found, and the
results by chapter.

It only says what the reader asks: `query_changed` on every edit of the text
or an option (the controller waits for the typing to pause), `next_requested`
/ `previous_requested` (Enter / Shift+Enter in the field), `activated` with the
hit a result row stands for (a click, or Enter in the list), `closed` (Esc, or
the panel's close button). The controller fills the list and the status line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readmark.core.search.query import MAX_QUERY_CHARS, Query
from readmark.ui.search.results_model import HIT_ROLE, ResultDelegate, ResultsModel


class SearchPanel(QDockWidget):
    query_changed = Signal(object)  # Query
    next_requested = Signal()
    previous_requested = Signal()
    activated = Signal(object)  # Hit
    closed = Signal()

    def __init__(self, model: ResultsModel, mark: QColor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Find in Book"), parent)
        self.setObjectName("search")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        row = QHBoxLayout()
        row.setSpacing(2)
        self.field = QLineEdit(body)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Find in this book"))
        self.field.setAccessibleName(self.tr("Find in this book"))
        self.field.setAccessibleDescription(
            self.tr("Enter goes to the next match, Shift+Enter to the previous; Escape closes")
        )
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(MAX_QUERY_CHARS)
        self.field.textChanged.connect(self._changed)
        self.field.installEventFilter(self)
        row.addWidget(self.field, 1)
        style = self.style()
        self.previous_button = self._button(
            body, "searchPrevious", self.tr("Previous (Shift+Enter, Shift+F3)")
        )
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = self._button(body, "searchNext", self.tr("Next (Enter, F3)"))
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.next_button.clicked.connect(self.next_requested)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        layout.addLayout(row)

        options = QHBoxLayout()
        options.setSpacing(2)
        self.match_case = self._option(body, "searchMatchCase", "Aa", self.tr("Match case"))
        self.whole_words = self._option(
            body, "searchWholeWords", "ab", self.tr("Whole words (Latin letters)")
        )
        self.regex = self._option(body, "searchRegex", ".*", self.tr("Regular expression"))
        for button in (self.match_case, self.whole_words, self.regex):
            options.addWidget(button)
        self.status = QLabel(body)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        options.addWidget(self.status, 1)
        layout.addLayout(options)

        self.results = QListView(body)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Matches in the book"))
        self.results.setModel(model)
        self.results.setItemDelegate(ResultDelegate(mark, self.results))
        self.results.setUniformItemSizes(True)
        # Laid out a batch of rows at a time, between events: the first rows are
        # painted before a list of thousands is laid out (each row costs a call
        # into the Python model).
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(100)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.clicked.connect(self._row_chosen)
        self.results.activated.connect(self._row_chosen)
        self.results.installEventFilter(self)
        layout.addWidget(self.results, 1)
        body.setFocusProxy(self.field)  # the keyboard coming to the panel (F6) lands here
        self.setWidget(body)

    @staticmethod
    def _button(parent: QWidget, name: str, tip: str) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _option(self, parent: QWidget, name: str, text: str, tip: str) -> QToolButton:
        button = self._button(parent, name, tip)
        button.setText(text)
        button.setCheckable(True)
        button.toggled.connect(self._changed)
        return button

    def query(self) -> Query:
        return Query(
            self.field.text(),
            match_case=self.match_case.isChecked(),
            whole_words=self.whole_words.isChecked(),
            regex=self.regex.isChecked(),
        )

    def focus_field(self) -> None:
        """Put the cursor in the field, its text selected to be typed over."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def show_current(self, index: QModelIndex) -> None:
        """Select the row of the hit gone to, and bring it into view."""
        if index.isValid():
            blocker = self.results.blockSignals(True)
            self.results.setCurrentIndex(index)
            self.results.blockSignals(blocker)
            self.results.scrollTo(index)
        else:
            self.results.clearSelection()

    def _changed(self) -> None:
        self.query_changed.emit(self.query())

    def _row_chosen(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.activated.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
            if watched is self.field and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_requested.emit()
                else:
                    self.next_requested.emit()
                return True
            if watched is self.field and key == Qt.Key.Key_Down and self.results.model().rowCount():
                self.results.setFocus()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        super().closeEvent(event)
        self.closed.emit()
