"""The annotations' two panes, built when first used: the controller (selections,
clicks and menu commands become operations; its popup, dialogs and menus) and the
annotations panel (F10).

The first screen shows neither, so neither is imported for it. The highlight
colours of the theme are kept for them until they are built; a hidden panel is
not kept up to date but filled again when shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

from readmark.ui.shell.dock_widths import keep_dock_widths

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt

if TYPE_CHECKING:
    from readmark.core.operations import ChangeSet
    from readmark.core.store.library import ReadingPosition
    from readmark.ui.annotations.controller import AnnotationController
    from readmark.ui.annotations.panel import AnnotationsPanel
    from readmark.ui.palette import Palette
    from readmark.ui.shell.main_window import MainWindow

TOC_WIDTH, PANEL_WIDTH = 300, 340  # the side panels' widths until the reader drags them


class AnnotationPanes(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._annotator: AnnotationController | None = None
        self._panel: AnnotationsPanel | None = None
        self._palette: Palette | None = None  # the theme's highlight colours, for those built later
        self._stale = False  # the panel missed changes while hidden
        self.state_restored = False  # the saved window state (where the panel goes) was applied

    @property
    def annotator(self) -> AnnotationController:
        if self._annotator is None:
            self._annotator = self._build_annotator()
        return self._annotator

    @property
    def panel(self) -> AnnotationsPanel:
        if self._panel is None:
            self._panel = self._build_panel()
        return self._panel

    @property
    def built_panel(self) -> AnnotationsPanel | None:
        """The panel if it has been built (None: never shown nor asked for)."""
        return self._panel

    def _build_annotator(self) -> AnnotationController:
        # Imported here: the popup, the note dialog and menus serve the first selection,
        # not the first screen.
        from readmark.ui.annotations.controller import AnnotationController

        window = self._window
        annotator = AnnotationController(window.reader, window.session, window.menu_actions, window)
        if self._palette is not None:
            annotator.set_palette(self._palette)
        annotator.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
        return annotator

    def _build_panel(self) -> AnnotationsPanel:
        # Imported here: the panel and its model (note Markdown, the delegate) are not
        # on the first screen; the panel is hidden on the start page and often when reading.
        from readmark.ui.annotations.panel import AnnotationsPanel

        window = self._window
        panel = AnnotationsPanel(window)
        # Where the saved window state had it, else on the right at its default width.
        if not (self.state_restored and window.restoreDockWidget(panel)):
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
            window.resizeDocks([panel], [PANEL_WIDTH], Qt.Orientation.Horizontal)
        panel.hide()  # until set_panel_visible says otherwise
        keep_dock_widths(window, {window.toc: TOC_WIDTH, panel: PANEL_WIDTH})
        if self._palette is not None:
            panel.set_colours(self._palette)
        annotator = self.annotator
        panel.activated.connect(annotator.go_to)
        panel.edit_requested.connect(annotator.edit_note)
        panel.delete_requested.connect(annotator.delete)
        panel.export_requested.connect(window.menu_actions.export_annotations.trigger)
        panel.visibilityChanged.connect(self._visibility_changed)
        position = window.reader.position()
        if position is not None:
            panel.mark_location(position.section, window.reader.top_offset())
        self._stale = True  # filled when first shown
        return panel

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        if self._annotator is not None:
            self._annotator.set_palette(palette)
        if self._panel is not None:
            self._panel.set_colours(palette)

    def hide_popups(self) -> None:
        if self._annotator is not None:
            self._annotator.hide_popups()

    def mark_location(self, position: ReadingPosition) -> None:
        if self._panel is not None:
            self._panel.mark_location(position.section, self._window.reader.top_offset())

    def show_changes(self, changes: ChangeSet) -> None:
        # A hidden panel is not kept up to date: it is filled when shown.
        panel = self._panel
        if panel is not None and panel.isVisible():
            session = self._window.session
            panel.apply_changes(changes, session.all, self._chapter_titles())
        else:
            self._stale = True

    def set_panel_visible(self, visible: bool) -> None:
        if visible or self._panel is not None:
            self.panel.setVisible(visible)

    def hide_panel(self) -> None:
        if self._panel is not None:
            self._panel.hide()

    def _refresh(self) -> None:
        if self._stale:
            self._stale = False
            self.panel.set_annotations(self._window.session.all(), self._chapter_titles())

    def _chapter_titles(self) -> dict[int, str]:
        book = self._window.reader.book
        return {s.index: s.title for s in book.sections} if book else {}

    def _visibility_changed(self, visible: bool) -> None:
        window = self._window
        if not isValid(window):  # the dock hides as the closed window is taken apart
            return
        if visible:
            self._refresh()
        if window.on_the_page() and window.isVisible() and not window.isMinimized():
            toggle = window.menu_actions.toggle_annotations
            blocker = toggle.blockSignals(True)
            toggle.setChecked(visible)
            toggle.blockSignals(blocker)
            if window.settings.get("reader.annotations_visible") != visible:
                window.appearance.save("reader.annotations_visible", visible)
