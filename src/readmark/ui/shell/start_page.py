"""What the window shows with no book open: recent books and a way to open one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QMouseEvent, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readmark.core.store.library import BookRecord
from readmark.ui.reader.scroll_viewport import viewport_of

if TYPE_CHECKING:
    from readmark.ui.shell.main_window import MainWindow

_PATH = Qt.ItemDataRole.UserRole
_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
_MOUSE = (*_PRESSES, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove)


class _RestOfGesture(QObject):
    """Swallows the clicks that finish a gesture after a click opened a book.

    A click opens the book at once and a quick book is on screen before the
    second click of a double-click lands: without this, that click (and the
    double-click Qt makes of it) goes to whatever is under the pointer in the
    book — selecting a word, following a contents entry. Presses count as part
    of the gesture by the window system's own test: within the double-click
    interval and distance of the click before, by the events' timestamps (the
    time the person clicked, not the time the busy UI thread got to the event).
    """

    _GIVE_UP_MS = 3000  # no second click came: stop watching

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._time = 0
        self._where = QPointF()
        self._held = False  # a swallowed press whose release is still to come
        self._timer = QTimer(self, singleShot=True, interval=self._GIVE_UP_MS)
        self._timer.timeout.connect(self.stop)

    def start(self, time: int, where: QPointF) -> None:
        self._time, self._where, self._held = time, where, False
        app = QApplication.instance()
        if app is not None and not self._timer.isActive():
            app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._held = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _ours(self, watched: QObject) -> bool:
        if isinstance(watched, QWindow):
            return watched is self._window.windowHandle()
        return isinstance(watched, QWidget) and watched.window() is self._window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in _MOUSE or not isinstance(event, QMouseEvent) or not self._ours(watched):
            return False
        if kind in _PRESSES:
            hints = QGuiApplication.styleHints()
            soon = 0 <= event.timestamp() - self._time <= hints.mouseDoubleClickInterval()
            moved = (event.globalPosition() - self._where).manhattanLength()
            if self._held or (soon and moved <= hints.mouseDoubleClickDistance()):
                self._held = True
                return True
            self.stop()  # a new gesture: it goes where it was meant to
            return False
        if not self._held:
            return False
        if kind == QEvent.Type.MouseButtonRelease:
            self._held = False
            self._time = event.timestamp()  # a triple click is still the same gesture
        return True


class StartPage(QWidget):
    open_requested = Signal()
    guide_requested = Signal()
    book_requested = Signal(str)  # path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel(self.tr("Readmark"))
        font = title.font()
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Read, study and annotate the books you own — offline."))
        self.open_button = QPushButton(self.tr("Open a Book…"))
        self.open_button.clicked.connect(self.open_requested)
        self.guide_button = QPushButton(self.tr("Read the Guide"))
        self.guide_button.clicked.connect(self.guide_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.guide_button)
        buttons.addStretch(1)
        self.recent_label = QLabel(self.tr("Recent books"))
        self.recent = QListWidget()
        self.recent.setObjectName("recentBooks")
        self.recent.setSpacing(4)
        self.recent.setWordWrap(True)
        self.recent.setIconSize(QSize(36, 52))
        # One click opens a book (Enter too); the rest of a double-click is
        # swallowed rather than delivered into the book just opened.
        self.recent.itemActivated.connect(self._activated)
        self.recent.itemClicked.connect(self._clicked)
        viewport_of(self.recent).installEventFilter(self)  # not .viewport(): 14 ms
        self._release: tuple[int, QPointF] = (0, QPointF())
        self._rest_of_gesture: _RestOfGesture | None = None
        self._clicked_item: QListWidgetItem | None = None  # while its click is handled
        self.empty_label = QLabel(
            self.tr("Books you open appear here. You can also drop a file on this window.")
        )
        self.empty_label.setWordWrap(True)

        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent, 1)
        column.addWidget(self.empty_label)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        inner.setMaximumWidth(720)
        outer.addWidget(inner, 4)
        outer.addStretch(1)

    def set_recent(self, records: list[BookRecord]) -> None:
        self.recent.clear()
        line = QFontMetrics(self.recent.font()).lineSpacing()
        for record in records:
            label = record.title
            if record.authors:
                label += " — " + record.authors
            item = QListWidgetItem(f"{label}\n{record.path}")
            # Two lines, tall enough for CJK fallback glyphs, which the default
            # size hint (measured with the Latin font) cuts off.
            item.setSizeHint(QSize(0, max(int(line * 2.8), 56)))
            from readmark.ui.shell.covers import cover_icon  # a first start has no books

            icon = cover_icon(record.content_id)
            if icon is not None:
                item.setIcon(icon)
            item.setToolTip(record.path)
            item.setData(_PATH, record.path)
            self.recent.addItem(item)
        has_any = bool(records)
        self.recent.setVisible(has_any)
        self.recent_label.setVisible(has_any)
        self.empty_label.setVisible(not has_any)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._release = (event.timestamp(), event.globalPosition())  # for _clicked
        return False

    def _clicked(self, item: QListWidgetItem) -> None:
        if self._rest_of_gesture is None:
            self._rest_of_gesture = _RestOfGesture(self.window())
        self._rest_of_gesture.start(*self._release)
        # Styles that activate items on one click report that same click again.
        self._clicked_item = item
        QTimer.singleShot(0, self, self._click_handled)
        self.book_requested.emit(item.data(_PATH))

    def _click_handled(self) -> None:
        self._clicked_item = None

    def _activated(self, item: QListWidgetItem) -> None:
        if item is not self._clicked_item:
            self.book_requested.emit(item.data(_PATH))


def install_start_page(window: MainWindow) -> StartPage:
    """The start page, built into `window`'s stack and wired, its list filled. The
    window asks for it the first time it has no book to show (`MainWindow.start_page`):
    a start that opens a book, the usual one, never builds it."""
    page = StartPage(window)
    window.stack.addWidget(page)
    page.open_requested.connect(window.choose_book)
    page.guide_requested.connect(window.open_guide)
    page.book_requested.connect(lambda path: window.open_path(Path(path)))
    library = window.library
    page.set_recent(library.recent(10) if library is not None else [])
    return page
