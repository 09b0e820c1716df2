"""The main window: builds the panes, wires their signals, and does little else.

Panes never call each other; they emit signals that are connected here.

The first screen is the page and its contents: what it does not show is built
when first used (the annotations panel when shown and the annotation popup and
dialogs at the first selection or action: annotation_panes.py; the library tools
at their first menu command), and a book's cover, the hidden start page's list
and the focus ring's watching wait until the book's first screen is painted.

At start-up (`staged=True`, app.py) the window is built in two steps: the page,
the contents, the status bar and the menu bar's empty menus first, and the rest —
the ~100 actions and their shortcuts, what fills the menus, the keyboard's way
round the panes, the library's wiring, the printed pages — by `build_rest`, right
after the first screen is painted; the menu bar has its height from the start, so
the text does not move when the menus are filled.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from readmark import __version__, resources
from readmark.core.book import Book, LoadOptions
from readmark.core.formats import SUPPORTED_SUFFIXES
from readmark.core.render_cache import RenderCache
from readmark.core.store.errors import StoreError
from readmark.core.store.library import Library, ReadingPosition
from readmark.core.store.settings import Settings
from readmark.i18n import translate_error
from readmark.ui.annotations.session import AnnotationSession
from readmark.ui.background import BackgroundTasks
from readmark.ui.reader import fonts
from readmark.ui.reader.annotated_reader import AnnotatedReaderView
from readmark.ui.reader.section_provider import SectionProvider
from readmark.ui.reader.toc_panel import TocPanel
from readmark.ui.shell import window_state
from readmark.ui.shell.annotation_panes import TOC_WIDTH, AnnotationPanes
from readmark.ui.shell.appearance import Appearance
from readmark.ui.shell.book_opener import BookOpener, FirstSection
from readmark.ui.shell.library_owner import LibraryOwner
from readmark.ui.shell.long_work import StatusWork, show_placing
from readmark.ui.shell.menu_bar import MenuBar
from readmark.ui.shell.preferences import Preferences

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from readmark.ui.annotations.controller import AnnotationController
    from readmark.ui.annotations.panel import AnnotationsPanel
    from readmark.ui.search.controller import SearchController
    from readmark.ui.shell.actions import Actions
    from readmark.ui.shell.dock_widths import DockWidths
    from readmark.ui.shell.export_all import ExportAllBooks
    from readmark.ui.shell.keyboard import KeyboardPanes
    from readmark.ui.shell.library_finder import LibraryFinder
    from readmark.ui.shell.library_tools import LibraryTools
    from readmark.ui.shell.library_wiring import LibraryWiring
    from readmark.ui.shell.marks_import import MarksImporter
    from readmark.ui.shell.printed_pages import PrintedPages
    from readmark.ui.shell.search_warmer import SearchWarmer
    from readmark.ui.shell.start_page import StartPage
    from readmark.ui.shell.sync_runner import SyncRunner


class MainWindow(QMainWindow):
    book_shown = Signal(object)  # Book, once its first section is on screen
    open_failed = Signal(str)  # the message shown to the user

    def __init__(
        self,
        settings: Settings,
        owner: LibraryOwner,
        cache: RenderCache | None,
        language: str,
        staged: bool = False,
    ) -> None:
        """`staged`: build only what the first screen shows; `build_rest` (called once
        it is painted, app.py) builds the rest. Otherwise the window is built whole."""
        super().__init__()
        self.settings = settings
        self.owner = owner  # the library's one owner (opens, restores, closes it)
        library = owner.library
        self.cache = cache
        self.language = language
        self.tasks = BackgroundTasks(self)  # all long work: opening, placing annotations
        self.opener = BookOpener(owner, self.tasks, cache, self)
        self._provider: SectionProvider | None = None

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Readmark"))
        self.setAcceptDrops(True)
        self.resize(1100, 760)

        self.menus = MenuBar(self)  # the titles: the bar's height from the start
        self.reader = AnnotatedReaderView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.reader)
        self._start_page: StartPage | None = None  # built when first shown (start_page.py)
        self.setCentralWidget(self.stack)
        # The saved layout (or a first start's) before the docks: they are put in it by
        # name, which needs none of the `Qt` namespace's enums (readmark/lazy_qt.py).
        state_restored = window_state.lay_out(self)
        self.toc = TocPanel(self)
        window_state.place_dock(self, self.toc, TOC_WIDTH)
        self.session = AnnotationSession(self.tasks, self)
        self.session.set_store(library.annotations if library is not None else None)
        # Built on first use (see the properties below): the first screen shows none of them.
        self.panes = AnnotationPanes(self)  # the annotation controller and panel
        self._tools: LibraryTools | None = None
        self._finder: SearchController | None = None
        self._marks_importer: MarksImporter | None = None
        self._notes_export: ExportAllBooks | None = None
        self._syncer: SyncRunner | None = None
        self._actions: Actions | None = None  # built by build_rest
        self._staged = staged
        self.opener.record_first_later = staged  # the start-up book's record: after its paint
        self.appearance = Appearance(settings, self.reader, [self.toc.tree], language, self)
        self.preferences = Preferences(
            settings, self.appearance, owner, self.opener, language, self
        )
        self.preferences.apply_all()
        self.chapter_rules_dialog: QDialog | None = None  # Book › Chapter Rules…, while open
        self._build_status_bar()
        self._wire()

        self._book_open = False
        self.panes.state_restored = state_restored
        self.toc.hide()  # the start page has no contents or annotations to show
        self.appearance.apply()
        if not staged:
            self.build_rest()

    def build_rest(self) -> None:
        """What the first screen does not show (once; `menu_actions` calls it if asked
        first): the actions with their shortcuts and what fills the menus, the
        keyboard's way round the panes, the library page's wiring, the printed
        pages, library search and the search warmer. Those that follow the book on
        screen are told of the one already shown."""
        if self._actions is not None:
            return
        # Imported here: ~100 actions and their Qt classes are not on the first screen.
        from readmark.ui.shell import (
            library_finder,  # library search (Ctrl+Shift+F), built at first use
            search_warmer,  # a big book's text made ready to search, in the background
        )
        from readmark.ui.shell.actions import Actions
        from readmark.ui.shell.dock_widths import keep_dock_widths
        from readmark.ui.shell.keyboard import KeyboardPanes
        from readmark.ui.shell.library_wiring import LibraryWiring
        from readmark.ui.shell.printed_pages import PrintedPages

        a = self._actions = Actions(self, self.menus)
        self.toc.keep_to_the_sides()
        # Checked before they are wired: setting them acts on nothing.
        a.toggle_toc.setChecked(bool(self.settings.get("reader.toc_visible")))
        a.toggle_annotations.setChecked(bool(self.settings.get("reader.annotations_visible")))
        self.preferences.use_actions(a)  # the theme's and the colours' names
        book = self.reader.book
        if book is not None and self._book_open:
            a.show_book_choices(book)
        else:
            a.set_book_open(False)
        self._wire_actions()
        self.library_wiring: LibraryWiring = LibraryWiring(self)  # the library page (Ctrl+L)
        self.preferences.use_library_folders(self.library_wiring)
        # F6 between panes, F9 into the contents, Tab from the contents to the page
        self.keyboard: KeyboardPanes = KeyboardPanes(self, a, [self.toc.tree, self.reader])
        if self._staged:
            self.keyboard.ring.watch()  # built after the first screen: watch now
        else:
            self.reader.first_painted.connect(self.keyboard.ring.watch)  # not before it
        # The repair's report, p. 41, Go to Printed Page
        self.printed_pages: PrintedPages = PrintedPages(self)
        self.library_finder: LibraryFinder = library_finder.install(self)
        self.search_warmer: SearchWarmer = search_warmer.install(self)
        # Panels shrunk by a small window grow back to the width the reader chose.
        self.dock_widths: DockWidths = keep_dock_widths(self, {self.toc: TOC_WIDTH})

    @property
    def menu_actions(self) -> Actions:
        """Every action of the window (actions.py), built with the rest of the window."""
        if self._actions is None:
            self.build_rest()
        assert self._actions is not None
        return self._actions

    @property
    def start_page(self) -> StartPage:
        """What the window shows with no book: built when first needed (a start that
        opens a book never needs it)."""
        if self._start_page is None:
            from readmark.ui.shell.start_page import install_start_page

            self._start_page = install_start_page(self)
        return self._start_page

    @property
    def annotator(self) -> AnnotationController:
        """Turns selections, clicks and menu commands into annotation operations."""
        return self.panes.annotator

    @property
    def annotations_panel(self) -> AnnotationsPanel:
        """The annotations dock (F10), built the first time it is shown or asked for."""
        return self.panes.panel

    @property
    def tools(self) -> LibraryTools:
        """Export, back up and restore (File menu)."""
        if self._tools is None:
            self._tools = self._build_tools()
        return self._tools

    @property
    def finder(self) -> SearchController:
        """Search in the book (Ctrl+F), built the first time it is asked for."""
        if self._finder is None:
            from readmark.ui.shell.finder import build_finder  # not on the first screen

            self._finder = build_finder(self, self.panes.built_panel)
        return self._finder

    def section_provider(self) -> SectionProvider | None:
        """Where the open book's sections come from (None without a book)."""
        return self._provider

    @property
    def marks_importer(self) -> MarksImporter:
        """File › Import Annotations… and drops of other readers' files (built on first use)."""
        if self._marks_importer is None:
            from readmark.ui.shell.marks_import import MarksImporter

            importer = MarksImporter(self, self.owner, self.tasks, self.session)
            importer.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            importer.error.connect(self.show_error)
            self._marks_importer = importer
        return self._marks_importer

    @property
    def notes_export(self) -> ExportAllBooks:
        """Export All Books and the export folder (File menu), built at first use."""
        if self._notes_export is None:
            # Imported here: the export modules wait for their menu commands.
            from readmark.ui.shell.export_all import ExportAllBooks

            self._notes_export = ExportAllBooks(self, self.owner, self.settings, self.tasks)
            self._notes_export.message.connect(lambda t: self.statusBar().showMessage(t, 8000))
            self._notes_export.error.connect(self.show_error)
        return self._notes_export

    @property
    def syncer(self) -> SyncRunner:
        """Sync through the sync folder (File › Sync Now, after changes), built at first use."""
        if self._syncer is None:
            from readmark.ui.shell.sync_runner import SyncRunner

            self._syncer = SyncRunner(self, self.owner, self.settings, self.tasks, self.session)
            self._syncer.message.connect(lambda t: self.statusBar().showMessage(t, 8000))
            self.preferences.sync_folder_changed.connect(self._syncer.folder_changed)
        return self._syncer

    @property
    def library(self) -> Library | None:
        return self.owner.library

    # -- construction -------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.opening = StatusWork(self, "opening", self.tr("Cancel"))  # a book being opened
        self.opening.cancelled.connect(self.cancel_open)
        self.cancel_button = self.opening.cancel_button
        self.encoding_label = QLabel()
        self.encoding_label.setObjectName("encodingLabel")
        self.encoding_label.setToolTip(
            self.tr("The text encoding of this book (Book › Text Encoding)")
        )
        self.statusBar().addPermanentWidget(self.encoding_label)
        self.encoding_label.hide()

    def _wire(self) -> None:
        """What the first screen needs: the opening, the page, the contents, the
        annotations of the book shown. The actions are wired by `_wire_actions`."""
        self.opener.busy.connect(self.opening.start)
        self.opener.idle.connect(self.opening.stop)
        self.opener.opened.connect(self._book_loaded)
        self.opener.failed.connect(self._book_failed)
        self.opener.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.toc.visibilityChanged.connect(self._toc_visibility_changed)
        looks = self.appearance
        looks.palette_changed.connect(self.reader.set_palette)
        looks.palette_changed.connect(self.panes.set_palette)
        looks.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.toc.entry_activated.connect(self._go_to_entry)
        self.reader.location_changed.connect(self.toc.mark_location)
        self.reader.position_changed.connect(self._save_position)
        self.reader.external_link_requested.connect(self._confirm_external_link)
        self.reader.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self._wire_annotations()

    def _wire_annotations(self) -> None:
        # The controller and the panel are reached through their properties,
        # which build them on first use.
        reader, session = self.reader, self.session
        reader.selection_finished.connect(lambda s: self.annotator.show_selection_popup(s))
        reader.popup_requested.connect(lambda s: self.annotator.open_selection_popup(s))
        reader.annotation_clicked.connect(
            lambda annotation, rect: self.annotator.show_annotation_popup(annotation, rect)
        )
        reader.context_menu_requested.connect(
            lambda menu, spot: self.annotator.fill_context_menu(menu, spot)
        )
        reader.dismiss_popups.connect(self.panes.hide_popups)
        session.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        session.changed.connect(lambda changes: reader.apply_changes(changes, session.all))
        session.changed.connect(self.panes.show_changes)
        self.book_shown.connect(session.open)
        reader.first_painted.connect(self._first_screen_painted)
        self.reader.position_changed.connect(self.panes.mark_location)
        self.owner.replaced.connect(self._library_replaced)
        show_placing(self, session)  # re-placing annotations in a changed book: progress, Cancel

    def _wire_actions(self) -> None:
        a, looks = self.menu_actions, self.appearance
        a.open.triggered.connect(self.choose_book)
        a.close_book.triggered.connect(self.close_book)
        a.open_guide.triggered.connect(self.open_guide)
        a.quit.triggered.connect(self.close)
        a.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        a.toggle_toc.toggled.connect(self.toc.setVisible)
        a.full_screen.toggled.connect(self._set_full_screen)
        a.zoom_in.triggered.connect(lambda: looks.change_font_size(+1))
        a.zoom_out.triggered.connect(lambda: looks.change_font_size(-1))
        a.zoom_reset.triggered.connect(lambda: looks.change_font_size(0))
        a.choose_font.triggered.connect(lambda: looks.choose_font(self))
        a.preferences.triggered.connect(lambda: self.preferences.show(self))
        a.sync_now.triggered.connect(lambda: self.syncer.sync_now())
        a.reset_font.triggered.connect(looks.reset_font)
        a.theme_group.triggered.connect(lambda action: looks.set_theme(action.data()))
        a.back.triggered.connect(self.reader.go_back)
        a.next_section.triggered.connect(self.reader.next_section)
        a.previous_section.triggered.connect(self.reader.previous_section)
        a.repair.toggled.connect(self._set_repair)
        a.detect_chapters.toggled.connect(lambda on: self._set_text_choices(chapters=on))
        a.chapter_rules.triggered.connect(self._show_chapter_rules)
        a.encoding_group.triggered.connect(
            lambda action: self._set_text_choices(encoding=action.data())
        )
        a.about.triggered.connect(self._about)
        a.find.triggered.connect(lambda: self.finder.open())
        a.find_next.triggered.connect(lambda: self.finder.find_next())
        a.find_previous.triggered.connect(lambda: self.finder.find_previous())
        stack = self.session.undo_stack
        a.undo.triggered.connect(stack.undo)
        a.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(a.undo.setEnabled)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(stack.canUndo())
        a.redo.setEnabled(stack.canRedo())
        a.copy.triggered.connect(lambda: self.annotator.copy())
        a.copy_quote.triggered.connect(lambda: self.annotator.copy_quote())
        a.copy_link.triggered.connect(lambda: self.annotator.copy_link())
        a.highlight.triggered.connect(lambda: self.annotator.highlight())
        for colour, action in a.highlight_colours.items():
            action.triggered.connect(lambda _=False, c=colour: self.annotator.highlight(c))
        a.underline.triggered.connect(lambda: self.annotator.underline())
        a.add_note.triggered.connect(lambda: self.annotator.add_note())
        a.toggle_bookmark.triggered.connect(lambda: self.annotator.toggle_bookmark())
        a.toggle_annotations.toggled.connect(self.panes.set_panel_visible)
        a.export_annotations.triggered.connect(
            lambda: self.tools.export(self.session.book, self.session.all())
        )
        a.import_annotations.triggered.connect(lambda: self.marks_importer.choose())
        a.export_all_books.triggered.connect(lambda: self.notes_export.export_all())
        a.export_folder.triggered.connect(lambda: self.notes_export.choose_folder())
        a.backup_now.triggered.connect(lambda: self.tools.backup_now())
        a.backups.triggered.connect(lambda: self.tools.show_backups())

    # -- the panes built on first use ---------------------------------------------------

    def _build_tools(self) -> LibraryTools:
        # Imported here: exports and the backup and export dialogs wait for their menu commands.
        from readmark.ui.shell.library_tools import LibraryTools

        tools = LibraryTools(self, self.owner, self.tasks)
        tools.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        tools.error.connect(self.show_error)
        return tools

    def _first_screen_painted(self) -> None:
        book = self.reader.book
        # After the paint, not inside it; the rest of a staged window first (its
        # shortcuts), before the book's cover and anything else that waited.
        if self._staged:
            QTimer.singleShot(0, self, self.build_rest)
        QTimer.singleShot(0, self, lambda: self._after_first_screen(book))

    def _after_first_screen(self, book: Book | None) -> None:
        """`book`'s first screen is up: now what it did not need (its cover for the
        recent books, the hidden start page's list)."""
        if self.opener.record_later() and book is not None and book is self.reader.book:
            self.session.open(book)  # annotations imported for it, given to it just now
        if book is not None:
            from readmark.ui.shell.covers import remember_cover  # after the first screen

            remember_cover(book)
        self._refresh_recent()

    def on_the_page(self) -> bool:
        """The book's page is what the window shows (not the start page or the
        library): only then is showing or hiding a panel the reader's choice."""
        return self._book_open and self.stack.currentWidget() is self.reader

    def show_book_panels(self, show: bool) -> None:
        """Hide the book's panels while another page is shown (not remembered), and
        bring them back as the reader left them."""
        if show:
            self.toc.setVisible(bool(self.settings.get("reader.toc_visible")))
            self.panes.set_panel_visible(bool(self.settings.get("reader.annotations_visible")))
        else:
            self.toc.hide()
            self.panes.hide_panel()

    def library_created(self) -> None:
        """A first start's library, created once the first screen was up (app.py):
        the book shown is recorded in it, and its annotations are kept in it."""
        library = self.library
        self.session.set_store(library.annotations if library is not None else None)
        book = self.reader.book
        if book is not None and self._book_open:
            self.opener.record(book)
            self.session.open(book)
        self._refresh_recent()

    def _library_replaced(self, library: Library | None) -> None:
        """After a restore: everyone uses the reopened library; the book is reread."""
        self.session.set_store(library.annotations if library is not None else None)
        book = self.reader.book
        self._refresh_recent()
        if book is not None:
            self.open_path(book.path)

    # -- opening and closing books ----------------------------------------------------

    def choose_book(self) -> None:
        # Qt classes the first screen does not use are imported where they are used:
        # PySide builds a class's enums when the class is first named (~0.2 ms each).
        from PySide6.QtWidgets import QFileDialog

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a Book"),
            str(Path.home()),
            self.tr("Books ({patterns});;All files (*)").format(patterns=patterns),
        )
        if path:
            self.open_path(Path(path))

    def open_guide(self) -> None:
        self.open_path(resources.guide_book(self.language))

    def open_path(self, path: Path, options: LoadOptions | None = None) -> None:
        """Open a book on a worker thread; the window stays responsive meanwhile."""
        self.opener.open(path, options)

    def cancel_open(self) -> None:
        self.opener.cancel()

    def _book_failed(self, message: str) -> None:
        self.show_error(self.tr("The book could not be opened"), message)
        if self._actions is not None:  # else build_rest watches (no first screen to wait for)
            self.keyboard.ring.watch()
        self.open_failed.emit(message)

    def _book_loaded(
        self, book: Book, first: FirstSection, position: ReadingPosition | None
    ) -> None:
        self._close_current()
        self._provider = SectionProvider(book, self.cache, self.tasks, first)
        self.reader.set_book(book, self._provider, fonts.is_cjk(book.metadata.language))
        self.appearance.apply(relayout=False)
        self.toc.set_entries(book.toc)
        self.stack.setCurrentWidget(self.reader)
        self._book_open = True
        self.toc.setVisible(bool(self.settings.get("reader.toc_visible")))
        self.panes.set_panel_visible(bool(self.settings.get("reader.annotations_visible")))
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the reader gets its final width before laying out text
        self.setWindowTitle(self.tr("{title} — Readmark").format(title=book.metadata.title))
        self._show_book_choices(book)
        if fonts.missing_cjk_font(book.metadata.language):
            self.statusBar().showMessage(
                self.tr(
                    "No Chinese, Japanese or Korean font is installed, so this book's text "
                    "may show as empty boxes. Install one (e.g. fonts-noto-cjk)."
                ),
                0,
            )
        self.reader.open_at(position)
        self.reader.setFocus()
        self.book_shown.emit(book)

    def _show_book_choices(self, book: Book) -> None:
        """The Book menu's checks and the status bar show how this book was opened
        (the menus once built: build_rest shows the book's then)."""
        if self._actions is not None:
            self._actions.show_book_choices(book)
        is_text = book.format == "text"
        self.encoding_label.setText(book.encoding.upper() if is_text else "")
        self.encoding_label.setVisible(is_text)

    def _show_chapter_rules(self) -> None:
        book = self.reader.book
        if book is None:
            return
        from readmark.ui.dialogs.chapter_rules_dialog import ChapterRulesDialog

        dialog = ChapterRulesDialog(book, book.options.detect_chapters, self)
        dialog.detect.toggled.connect(self.menu_actions.detect_chapters.setChecked)
        dialog.detect.toggled.connect(dialog.accept)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.chapter_rules_dialog = dialog
        dialog.open()

    def close_book(self) -> None:
        self._close_current()
        if self._finder is not None:
            self._finder.close_book()
        self._book_open = False
        self.toc.hide()
        self.panes.set_panel_visible(False)
        self.encoding_label.hide()
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle(self.tr("Readmark"))
        self.menu_actions.set_book_open(False)
        self._refresh_recent()

    def _close_current(self) -> None:
        if self.reader.book is not None:
            self.opener.record_later(self.reader.book)  # closed before its first paint
            self.reader.flush_position()
        self.panes.hide_popups()
        if self._finder is not None:
            self._finder.stop()
        self.session.close()
        self.reader.clear_book()
        self.toc.clear()
        if self._provider is not None:
            self._provider.close()
            self._provider = None

    # -- reading ------------------------------------------------------------------------

    def _go_to_entry(self, section: int, anchor: str) -> None:
        self.reader.go_to(section, anchor)
        self.reader.setFocus()

    def _save_position(self, position: ReadingPosition) -> None:
        book = self.reader.book
        if book is None or self.library is None:
            return
        try:
            self.library.save_position(book.path, position)
        except StoreError as error:  # say so; reading goes on
            self.statusBar().showMessage(translate_error(error), 8000)

    def _set_repair(self, enabled: bool) -> None:
        book = self.reader.book
        if book is not None:
            self.opener.set_repair(book, enabled, self.reader.position())

    def _set_text_choices(self, encoding: str | None = None, chapters: bool | None = None) -> None:
        book = self.reader.book
        if book is not None:
            self.opener.set_text_choices(book, self.reader.position(), encoding, chapters)

    def _confirm_external_link(self, url: QUrl) -> None:
        from readmark.ui.dialogs.external_link import confirm_external_link  # when a link is hit

        confirm_external_link(url, self)

    # -- appearance -------------------------------------------------------------------

    def _toc_visibility_changed(self, visible: bool) -> None:
        # Only the reader's choice counts, not hiding it for the start page or library
        # (nor the window's first showing, before its menus are built).
        if (
            self._actions is not None
            and self.on_the_page()
            and self.isVisible()
            and not self.isMinimized()
        ):
            blocker = self.menu_actions.toggle_toc.blockSignals(True)
            self.menu_actions.toggle_toc.setChecked(visible)
            self.menu_actions.toggle_toc.blockSignals(blocker)
            if self.settings.get("reader.toc_visible") != visible:
                self.appearance.save("reader.toc_visible", visible)

    def _set_full_screen(self, full: bool) -> None:
        if full:
            self.showFullScreen()
        else:
            self.showNormal()
        self.menuBar().setVisible(not full)

    # -- recent books -----------------------------------------------------------------

    def _refresh_recent(self) -> None:
        if self._start_page is not None:  # else it fills its list when it is built
            self._start_page.set_recent(self.library.recent(10) if self.library else [])

    def _fill_recent_menu(self) -> None:
        from readmark.ui.shell.recent_menu import fill_recent_menu  # when the menu opens

        records = self.library.recent(10) if self.library else []
        fill_recent_menu(self.menu_actions.recent_menu, records, self.open_path)

    # -- messages -------------------------------------------------------------------------

    def show_error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        if not self.isVisible():  # at start-up the window waits for its book (app.py)
            self.show()
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorDialog")
        box.open()  # window-modal but not blocking: tests and the event loop go on

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About Readmark"),
            self.tr(
                "Readmark {version}\n\nAn offline reader for studying the books you own."
            ).format(version=__version__),
        )

    # -- window events --------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                from readmark.core.importers import sniff  # a clippings file or sidecar

                if sniff(Path(url.toLocalFile())):
                    self.marks_importer.start(Path(url.toLocalFile()))
                else:
                    self.open_path(Path(url.toLocalFile()))
                return

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._start_page is None and not self._book_open:  # shown with no book (yet)
            self.stack.setCurrentWidget(self.start_page)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._close_current()
        window_state.save(self)
        super().closeEvent(event)
