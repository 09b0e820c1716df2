"""The annotations dock: every highlight, note and bookmark of the book, by chapter.

Reading order, grouped by chapter, with what can't be found in the book any
more in a group of its own at the end (never hidden). Filters by kind, colour
and text keep the grouping. The panel owns no annotations: the window gives it
the list (`set_annotations`) after every change and acts on its request signals.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Mapping

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from readmark.core.annotations import COLOURS, Annotation, Kind
from readmark.core.note_markdown import plain_note_lines
from readmark.core.operations import ChangeSet, reading_order
from readmark.i18n import format_number
from readmark.ui.annotations.model import (
    ANNOTATION_ROLE,
    ORPHANS_KEY,
    AnnotationDelegate,
    AnnotationsModel,
    Group,
    theme_palette,
)
from readmark.ui.palette import Palette, colour_names, swatch_icon

CATCH_UP_MS = 100  # after a change: long enough for the page to be repainted first
ChapterTitles = Callable[[int], str] | Mapping[int, str]


def search_key(annotation: Annotation) -> str:
    """What the text filter matches: quote, note and label, width- and case-folded
    (so "ＡＢＣ" finds "abc", and CJK matches as typed)."""
    # The note both as typed and as shown (without the Markdown marks).
    shown_note = " ".join(plain_note_lines(annotation.note))
    text = "\n".join(
        (annotation.quote, annotation.original_exact, annotation.note, shown_note, annotation.label)
    )
    return unicodedata.normalize("NFKC", text).casefold()


class _Tree(QTreeView):
    """The list; keys and the context menu are reported to the panel."""

    entry_key = Signal(str, str)  # "activate" | "delete" | "edit" | "copy", annotation id
    menu_requested = Signal(object, QPoint)  # index, global position

    def _entry_id(self) -> str | None:
        annotation = self.currentIndex().data(ANNOTATION_ROLE)
        return annotation.id if annotation is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = self.currentIndex()
        entry = self._entry_id()
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if entry:
                self.entry_key.emit("activate", entry)
            elif index.isValid():
                self.setExpanded(index, not self.isExpanded(index))
            return
        if entry and (
            event.matches(QKeySequence.StandardKey.Delete) or key == Qt.Key.Key_Backspace
        ):
            self.entry_key.emit("delete", entry)
            return
        if entry and key == Qt.Key.Key_F2:
            self.entry_key.emit("edit", entry)
            return
        if entry and event.matches(QKeySequence.StandardKey.Copy):
            self.entry_key.emit("copy", entry)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if event.reason() == event.Reason.Keyboard:
            index = self.currentIndex()
            pos = self.viewport().mapToGlobal(self.visualRect(index).center())
        else:
            index = self.indexAt(self.viewport().mapFromGlobal(event.globalPos()))
            pos = event.globalPos()
        if index.data(ANNOTATION_ROLE) is not None:
            self.setCurrentIndex(index)
            self.menu_requested.emit(index, pos)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Row heights depend on the width (word wrap) and the view caches them:
        # re-lay out once the width has settled, not on every step of a drag.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(50)
        self._relayout.timeout.connect(self.scheduleDelayedItemsLayout)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout.start()

    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:  # noqa: N802
        """Nothing for a row outside the viewport. Qt asks for the old current row's
        rectangle to repaint it, and with rows of different heights finding it means
        measuring every row in between: thousands, in a long list."""
        if index.isValid() and self._off_screen(index):
            return QRect()
        return super().visualRect(index)

    def _off_screen(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        first = self.indexAt(QPoint(1, 1))
        if not first.isValid():
            return False
        if _order(index) < _order(first):
            return True
        last = self.indexAt(QPoint(1, self.viewport().height() - 1))
        return last.isValid() and _order(index) > _order(last)


def _order(index: QModelIndex | QPersistentModelIndex) -> tuple[int, int]:
    """Reading position of a row: (group, -1) for a chapter, (group, row) for an entry."""
    if index.internalId() == 0:
        return (index.row(), -1)
    return (index.parent().row(), index.row())


class AnnotationsPanel(QDockWidget):
    activated = Signal(str)  # annotation id: go to it in the text
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Annotations"), parent)
        self.setObjectName("annotations")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._annotations: dict[str, Annotation] = {}
        self._keys: dict[str, str] = {}
        self._key_cache: dict[tuple[str, float], str] = {}
        self._positions: dict[int, list[tuple[int, str]]] = {}  # section -> [(start, id)]
        self._collapsed: set[object] = set()
        self._title_of: Callable[[int], str | None] = lambda _section: None

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        self.filters = QWidget(body)
        self.filters.setObjectName("annotationFilters")
        filters = QVBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(4)
        self.filter_edit = QLineEdit(self.filters)
        self.filter_edit.setObjectName("annotationFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by text"))
        self.filter_edit.setAccessibleName(self.tr("Filter annotations by text"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._text_changed)
        filters.addWidget(self.filter_edit)

        row = QHBoxLayout()
        row.setSpacing(2)
        self.kind_box = QComboBox(self.filters)
        self.kind_box.setObjectName("annotationKind")
        self.kind_box.addItem(self.tr("All kinds"), None)
        self.kind_box.addItem(self.tr("Highlights"), Kind.HIGHLIGHT)
        self.kind_box.addItem(self.tr("Notes"), Kind.NOTE)
        self.kind_box.addItem(self.tr("Bookmarks"), Kind.BOOKMARK)
        self.kind_box.setToolTip(self.tr("Notes include highlights that carry a note"))
        self.kind_box.setAccessibleName(self.tr("Kinds of annotation shown"))
        self.kind_box.setAccessibleDescription(self.kind_box.toolTip())
        self.kind_box.currentIndexChanged.connect(self._refilter)
        row.addWidget(self.kind_box, 1)
        self.colour_buttons: dict[str, QToolButton] = {}
        names = colour_names()
        for colour in COLOURS:
            button = QToolButton(self.filters)
            button.setObjectName(f"annotationColour-{colour}")
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.setIconSize(QSize(16, 16))
            tip = self.tr("Show or hide {colour}").format(colour=names.get(colour, colour))
            button.setToolTip(tip)
            button.setAccessibleName(names.get(colour, colour))
            button.setAccessibleDescription(tip)
            button.toggled.connect(self._refilter)
            self.colour_buttons[colour] = button
            row.addWidget(button)
        filters.addLayout(row)
        layout.addWidget(self.filters)

        self.stack = QStackedWidget(body)
        self.hint = QLabel(self.stack)
        self.hint.setObjectName("annotationsHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.hint.setContentsMargins(12, 24, 12, 12)
        self.stack.addWidget(self.hint)

        self.model = AnnotationsModel(self)
        self.model.set_texts(self._delegate_texts())
        self.tree = _Tree(self.stack)
        self.tree.setObjectName("annotationsTree")
        self.tree.setAccessibleName(self.tr("Annotations"))
        self.tree.setAccessibleDescription(
            self.tr("Enter goes to the passage; F2 edits the note; Delete deletes")
        )
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)  # the chapter rows draw their own arrow
        self.tree.setIndentation(6)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setMouseTracking(True)
        self.delegate = AnnotationDelegate(self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.tree.clicked.connect(self._clicked)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.entry_key.connect(self._entry_key)
        self.tree.menu_requested.connect(self._show_menu)
        self.tree.expanded.connect(lambda index: self._collapsed.discard(self._group_key(index)))
        self.tree.collapsed.connect(lambda index: self._collapsed.add(self._group_key(index)))
        self.stack.addWidget(self.tree)
        layout.addWidget(self.stack, 1)

        footer = QHBoxLayout()
        self.count_label = QLabel(body)
        self.count_label.setObjectName("annotationsCount")
        footer.addWidget(self.count_label, 1)
        self.export_button = QPushButton(self.tr("Export…"), body)
        self.export_button.setObjectName("annotationsExport")
        self.export_button.setToolTip(self.tr("Export this book's annotations to a file"))
        self.export_button.setAccessibleDescription(self.export_button.toolTip())
        self.export_button.clicked.connect(self.export_requested)
        footer.addWidget(self.export_button)
        layout.addLayout(footer)
        self.setWidget(body)

        # Change sets are taken once the page has shown them (see apply_changes).
        self._queued: list[ChangeSet] = []
        self._everything: Callable[[], list[Annotation]] = list
        self._titles: ChapterTitles = {}
        self._catch_up_timer = QTimer(self, singleShot=True, interval=CATCH_UP_MS)
        self._catch_up_timer.timeout.connect(self.catch_up)
        # Typing into the filter re-filters after a short pause, not per keystroke.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self._refilter)
        self._own_colours = False
        self._use_colours(theme_palette(_dark(self.palette())))
        self._show_state()

    # -- what the window calls --------------------------------------------------

    def set_annotations(self, annotations: list[Annotation], chapter_titles: ChapterTitles) -> None:
        """Show `annotations` (any order); `chapter_titles` names a section's chapter
        ("" = front matter). Keeps the selection, scroll position and collapsed
        chapters where the same annotations are still there."""
        title_of = chapter_titles.get if isinstance(chapter_titles, Mapping) else chapter_titles
        self._title_of = title_of
        self._queued = []  # everything is shown anew: what was queued is in it
        self._catch_up_timer.stop()
        self._annotations = {a.id: a for a in annotations}
        # Keys are cached per (id, modified): retyping 10,000 of them on every
        # added highlight costs more than the whole rest of the change.
        cache = self._key_cache
        self._key_cache = {
            (a.id, a.modified): cache.get((a.id, a.modified)) or search_key(a)
            for a in self._annotations.values()
        }
        self._keys = {a.id: self._key_cache[(a.id, a.modified)] for a in self._annotations.values()}
        self._positions = {}
        for a in sorted(
            (a for a in self._annotations.values() if not a.orphaned),
            key=lambda a: (a.target.section, a.target.start),
        ):
            self._positions.setdefault(a.target.section, []).append((a.target.start, a.id))
        self.model.set_groups(self._group(title_of))
        self._refilter()

    def clear(self) -> None:
        self.set_annotations([], {})

    def apply_changes(
        self,
        changes: ChangeSet,
        everything: Callable[[], list[Annotation]],
        chapter_titles: ChapterTitles,
    ) -> None:
        """Follow a committed change set: only the annotations it names are taken
        out and put back; a reset (or two parts of one chapter coming side by side)
        regroups. The list catches up a moment later (`catch_up`), so the page shows
        the change first — Qt lays a tree's rows out again after an insertion, which
        among thousands of rows takes longer than the change itself — and a burst of
        changes (undo, redo) is taken at once."""
        self._queued.append(changes)
        self._everything = everything
        self._titles = chapter_titles
        self._catch_up_timer.start()

    def catch_up(self) -> None:
        """Take the change sets given since the last time, now."""
        self._catch_up_timer.stop()
        queued, self._queued = self._queued, []
        if not queued:
            return
        titles = self._titles
        self._title_of = titles.get if isinstance(titles, Mapping) else titles
        if all(not c.reset and self._apply_each(c) for c in queued):
            self._show_state()
            return
        self.set_annotations(self._everything(), titles)

    def _apply_each(self, changes: ChangeSet) -> bool:
        for change in changes.changes:
            before, after = change.before, change.after
            if before is not None:
                if not self.model.remove(before):
                    return False
                self._forget(before)
            if after is not None:
                self._learn(after)
                self.model.insert(after, self._title_for(after))
        return True

    def _forget(self, a: Annotation) -> None:
        self._annotations.pop(a.id, None)
        self._keys.pop(a.id, None)
        entries = self._positions.get(a.target.section)
        if entries and not a.orphaned:
            at = bisect.bisect_left(entries, (a.target.start, a.id))
            if at < len(entries) and entries[at] == (a.target.start, a.id):
                del entries[at]

    def _learn(self, a: Annotation) -> None:
        self._annotations[a.id] = a
        key = self._key_cache.get((a.id, a.modified))
        if key is None:
            key = self._key_cache[(a.id, a.modified)] = search_key(a)
        self._keys[a.id] = key
        if not a.orphaned:
            bisect.insort(self._positions.setdefault(a.target.section, []), (a.target.start, a.id))

    def set_colours(self, colours: Palette) -> None:
        """The highlight colours of the reading theme (`theme.highlight_palette`), so
        the list shows what the page shows. Until called, they follow the palette:
        the light or the dark theme's."""
        self._own_colours = True
        self._use_colours(colours)

    def _use_colours(self, colours: Palette) -> None:
        self.delegate.colours = colours
        names = colour_names()  # the reader may have renamed them
        for name, button in self.colour_buttons.items():
            button.setIcon(swatch_icon(colours.swatch(name), colours.line(name), 16, toggles=True))
            button.setToolTip(self.tr("Show or hide {colour}").format(colour=names[name]))
            button.setAccessibleName(names[name])
        self.tree.viewport().update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._own_colours:
            self._use_colours(theme_palette(_dark(self.palette())))

    def mark_current(self, annotation_id: str | None) -> None:
        """Mark the annotation at the reader's position (None: none), scrolling it
        into view; emits nothing and leaves the selection alone."""
        if annotation_id == self.model.current_id:
            return
        self.model.set_current(annotation_id)
        index = self.model.index_of(annotation_id)
        if index is not None and self.tree.isExpanded(index.parent()):
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.tree.viewport().update()

    def mark_location(self, section: int, offset: int) -> None:
        """Mark the last annotation that starts at or before `offset` in `section`."""
        entries = self._positions.get(section, [])
        at = bisect.bisect_right(entries, (offset, "\uffff"))
        self.mark_current(entries[at - 1][1] if at else None)

    def visible_ids(self) -> list[str]:
        """Ids of the annotations the filters let through, in the order shown."""
        return [a.id for group in self.model.groups for a in group.entries]

    # -- building -----------------------------------------------------------------

    def _chapter_title(self, title_of: Callable[[int], str | None], section: int) -> str:
        try:
            title = title_of(section)
        except (IndexError, KeyError):
            title = None
        if title is None:
            return self.tr("Section {number}").format(number=section + 1)
        return title if title.strip() else self.tr("Front matter")

    def _title_for(self, a: Annotation) -> str:
        """The group title an annotation's row goes under."""
        if a.orphaned:
            return self.tr("Not found in this version of the book")
        return self._chapter_title(self._title_of, a.target.section)

    def _group(self, title_of: Callable[[int], str | None]) -> list[Group]:
        """Reading order; consecutive sections of one chapter share a group."""
        placed = sorted(
            (a for a in self._annotations.values() if not a.orphaned), key=reading_order
        )
        groups: list[Group] = []
        for a in placed:
            section = a.target.section
            if groups and groups[-1].sections[-1] == section:
                groups[-1].entries.append(a)
                continue
            title = self._chapter_title(title_of, section)
            if groups and groups[-1].title == title and not groups[-1].orphans:
                groups[-1].sections.append(section)
                groups[-1].entries.append(a)
            else:
                groups.append(Group(("chapter", section), title, [section], [a]))
        orphans = sorted((a for a in self._annotations.values() if a.orphaned), key=reading_order)
        if orphans:
            title = self.tr("Not found in this version of the book")
            groups.append(Group(ORPHANS_KEY, title, [], orphans, orphans=True))
        return groups

    def _filter(self) -> Callable[[Annotation], bool]:
        kind = self.kind_box.currentData()
        shown = {c for c, b in self.colour_buttons.items() if b.isChecked()}
        hidden = set(COLOURS) - shown
        needle = unicodedata.normalize("NFKC", self.filter_edit.text().strip()).casefold()
        keys = self._keys

        def accept(a: Annotation) -> bool:
            if kind == Kind.NOTE:
                if not (a.kind == Kind.NOTE or a.note.strip()):
                    return False
            elif kind is not None and a.kind != kind:
                return False
            if a.color in hidden:  # colours outside COLOURS are never filtered out
                return False
            return not needle or needle in keys[a.id]

        return accept

    def _filtering(self) -> bool:
        return (
            self.kind_box.currentData() is not None
            or bool(self.filter_edit.text().strip())
            or not all(b.isChecked() for b in self.colour_buttons.values())
        )

    def _text_changed(self) -> None:
        # Small books filter as you type; big ones wait for a pause in typing.
        if len(self._annotations) < 2000:
            self._refilter()
        else:
            self._filter_timer.start()

    def _refilter(self) -> None:
        self._filter_timer.stop()
        selected = self._selected_id()
        top = self._top_key()
        self.model.apply_filter(self._filter() if self._filtering() else None)
        for row, group in enumerate(self.model.groups):
            if group.key not in self._collapsed:
                self.tree.setExpanded(self.model.index(row, 0), True)
        if top is not None:
            index = (
                self.model.index_of(top) if isinstance(top, str) else None
            ) or self._group_index(top)
            if index is not None and index.isValid():
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        current = self.model.index_of(selected)
        if current is not None:
            selection = self.tree.selectionModel()
            blocker = selection.blockSignals(True)
            self.tree.setCurrentIndex(current)
            selection.blockSignals(blocker)
        self._show_state()

    def _show_state(self) -> None:
        total = len(self._annotations)
        shown = self.model.entry_count
        has_any = total > 0
        self.filters.setVisible(has_any)
        self.count_label.setVisible(has_any)
        self.export_button.setEnabled(has_any)
        if not has_any:
            self.hint.setText(
                self.tr(
                    "No annotations yet.\n\nSelect text in the book to highlight it "
                    "or add a note. Bookmarks you add are listed here too."
                )
            )
            self.stack.setCurrentWidget(self.hint)
        elif shown == 0:
            self.hint.setText(self.tr("No annotations match the filter."))
            self.stack.setCurrentWidget(self.hint)
        else:
            self.stack.setCurrentWidget(self.tree)
        if self._filtering():
            if total == 1:
                text = self.tr("{shown} of 1 annotation").format(shown=format_number(shown))
            else:
                text = self.tr("{shown} of %Ln annotations", "", total).format(
                    shown=format_number(shown)
                )
        elif total == 1:
            text = self.tr("1 annotation")
        else:
            text = self.tr("%Ln annotations", "", total)
        self.count_label.setText(text)

    # -- keeping the place --------------------------------------------------------

    def _selected_id(self) -> str | None:
        annotation = self.tree.currentIndex().data(ANNOTATION_ROLE)
        return annotation.id if annotation is not None else None

    def _top_key(self) -> object | None:
        index = self.tree.indexAt(QPoint(4, 4))
        if not index.isValid():
            return None
        annotation = index.data(ANNOTATION_ROLE)
        return annotation.id if annotation is not None else ("group", self._group_key(index))

    def _group_key(self, index: QModelIndex) -> object:
        group = self.model.group_at(index)
        return group.key if group is not None else None

    def _group_index(self, top: object) -> QModelIndex | None:
        if isinstance(top, tuple) and top and top[0] == "group":
            for row, group in enumerate(self.model.groups):
                if group.key == top[1]:
                    return self.model.index(row, 0)
        return None

    # -- user actions --------------------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is not None:
            self.activated.emit(annotation.id)
        elif index.isValid():
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def _double_clicked(self, index: QModelIndex) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is not None:
            self.edit_requested.emit(annotation.id)

    def _entry_key(self, what: str, annotation_id: str) -> None:
        if what == "activate":
            self.activated.emit(annotation_id)
        elif what == "delete":
            self.delete_requested.emit(annotation_id)
        elif what == "edit":
            self.edit_requested.emit(annotation_id)
        elif what == "copy":
            self._copy(annotation_id)

    def _copy(self, annotation_id: str) -> None:
        index = self.model.index_of(annotation_id)
        annotation = index.data(ANNOTATION_ROLE) if index is not None else None
        if annotation is not None:
            QGuiApplication.clipboard().setText(annotation.quote or annotation.label)

    def context_menu(self, annotation: Annotation) -> QMenu:
        """The menu for one entry (built fresh each time; the caller shows it)."""
        menu = QMenu(self)
        go = menu.addAction(self.tr("Go to"))
        go.triggered.connect(lambda: self.activated.emit(annotation.id))
        if annotation.kind == Kind.BOOKMARK:
            edit = menu.addAction(self.tr("Rename Bookmark…"))
        else:
            edit = menu.addAction(self.tr("Edit Note…"))
        edit.triggered.connect(lambda: self.edit_requested.emit(annotation.id))
        copy = menu.addAction(self.tr("Copy Text"))
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.triggered.connect(lambda: self._copy(annotation.id))
        menu.addSeparator()
        delete = QAction(self.tr("Delete"), menu)
        delete.setObjectName("deleteAnnotation")
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.triggered.connect(lambda: self.delete_requested.emit(annotation.id))
        menu.addAction(delete)
        return menu

    def _show_menu(self, index: QModelIndex, pos: QPoint) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is None:
            return
        menu = self.context_menu(annotation)
        menu.exec(pos)
        menu.deleteLater()

    # -- texts -----------------------------------------------------------------------

    def _delegate_texts(self) -> dict[str, str]:
        return {
            Kind.HIGHLIGHT: self.tr("Highlight"),
            Kind.NOTE: self.tr("Note"),
            Kind.BOOKMARK: self.tr("Bookmark"),
            "underline": self.tr("Underline"),
            "created": self.tr("Created {date}"),
            "modified": self.tr("Edited {date}"),
            "original": self.tr("Originally: {quote}"),
            "bookmark": self.tr("Bookmark"),
        }


def _dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128
