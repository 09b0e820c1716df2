"""Every action of the main window — text, shortcut, menu — declared in one place.

Shortcuts use QKeySequence.StandardKey where the platform has a convention.
Handlers are connected by the main window (the composition root); this module
only builds the actions and the menus that hold them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from readmark.core.book import Book
    from readmark.ui.shell.menu_bar import MenuBar

SK = QKeySequence.StandardKey


class Actions(QObject):
    def __init__(self, window: QMainWindow, menus: MenuBar | None = None) -> None:
        """`menus`: the menu bar's menus made with the first screen (menu_bar.py), to
        fill; made here when not given."""
        super().__init__(window)
        self.window = window

        def make(
            text: str, *shortcuts: QKeySequence | SK | str, checkable: bool = False
        ) -> QAction:
            action = QAction(text, window)
            keys: list[QKeySequence] = []
            for shortcut in shortcuts:
                key = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
                if key not in keys:  # the same key twice makes Qt call it ambiguous
                    keys.append(key)
            if keys:
                action.setShortcuts(keys)
            action.setCheckable(checkable)
            window.addAction(action)  # shortcuts work in full screen with the menu bar hidden
            return action

        # File
        self.open = make(self.tr("&Open…"), "Ctrl+O")
        self.close_book = make(self.tr("&Close Book"), "Ctrl+W")
        self.open_guide = make(self.tr("Open the &Guide"))
        self.quit = make(self.tr("&Quit"), "Ctrl+Q")
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)

        # View
        self.toggle_toc = make(self.tr("&Table of Contents"), "F9", checkable=True)
        self.full_screen = make(self.tr("&Full Screen"), "F11", checkable=True)
        # The keyboard's way between the contents, the page and the panels (ui/shell/keyboard.py)
        self.next_pane = make(self.tr("Ne&xt Pane"), "F6")
        self.previous_pane = make(self.tr("Previous Pa&ne"), "Shift+F6")
        self.zoom_in = make(self.tr("&Larger Text"), SK.ZoomIn, "Ctrl+=")
        self.zoom_out = make(self.tr("&Smaller Text"), SK.ZoomOut)
        self.zoom_reset = make(self.tr("&Default Text Size"), "Ctrl+0")
        self.choose_font = make(self.tr("Choose &Font…"))
        self.reset_font = make(self.tr("Use the Book's Default Font"))
        self.theme_group = QActionGroup(window)
        self.themes: dict[str, QAction] = {}
        for key, label in (
            ("system", self.tr("Follow the &System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
            ("sepia", self.tr("S&epia")),
        ):
            action = make(label, checkable=True)
            action.setData(key)
            self.theme_group.addAction(action)
            self.themes[key] = action

        # Edit
        self.undo = make(self.tr("&Undo"), SK.Undo)
        self.redo = make(self.tr("&Redo"), SK.Redo, "Ctrl+Shift+Z", "Ctrl+Y")
        self.copy = make(self.tr("&Copy"), SK.Copy)
        self.copy_quote = make(self.tr("Copy as &Quote"), "Ctrl+Shift+C")
        self.copy_quote.setStatusTip(
            self.tr("Copy the selection with its author, title and chapter")
        )
        self.find = make(self.tr("&Find…"), SK.Find)
        self.find.setStatusTip(self.tr("Search the whole book"))
        self.find_next = make(self.tr("Find &Next"), SK.FindNext, "F3")
        self.find_previous = make(self.tr("Find Pre&vious"), SK.FindPrevious, "Shift+F3")
        self.search_library = make(self.tr("Search &Library…"), "Ctrl+Shift+F")
        self.search_library.setStatusTip(self.tr("Search the text of every book and every note"))
        self.preferences = make(self.tr("&Preferences…"), SK.Preferences, "Ctrl+,")
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: app menu
        self.copy_link = make(self.tr("Copy &Link to Here"), "Ctrl+Shift+L")
        self.copy_link.setStatusTip(
            self.tr(
                "Copy a readmark:// link to the selection or the place being read: "
                "pasted in your notes, it opens the book here"
            )
        )

        # Annotate: shortcuts for the common marks; the five colours in COLOURS order
        self.highlight = make(self.tr("&Highlight"), "Ctrl+H")
        self.highlight.setStatusTip(self.tr("Highlight the selection in the colour used last"))
        self.highlight_colours: dict[str, QAction] = {}
        self._colour_labels: dict[str, str] = {}
        for number, (colour, label) in enumerate(
            (
                ("yellow", self.tr("Highlight &Yellow")),
                ("green", self.tr("Highlight &Green")),
                ("blue", self.tr("Highlight &Blue")),
                ("pink", self.tr("Highlight &Pink")),
                ("purple", self.tr("Highlight P&urple")),
            ),
            start=1,
        ):
            action = make(label, f"Ctrl+{number}")
            action.setData(colour)
            self.highlight_colours[colour] = action
            self._colour_labels[colour] = label
        self.underline = make(self.tr("&Underline"), "Ctrl+U")
        self.add_note = make(self.tr("Add &Note…"), "Ctrl+Shift+N")
        self.add_note.setStatusTip(
            self.tr("A note on the selection, or at the caret when nothing is selected")
        )
        self.toggle_bookmark = make(self.tr("Toggle &Bookmark"), "Ctrl+D")

        # Go
        self.back = make(self.tr("&Back"), SK.Back)
        self.next_section = make(self.tr("&Next Chapter"), "Ctrl+PgDown")
        self.previous_section = make(self.tr("&Previous Chapter"), "Ctrl+PgUp")
        self.go_to_printed_page = make(self.tr("Go to Printed &Page…"), "Ctrl+Alt+G")
        self.go_to_printed_page.setStatusTip(
            self.tr("Go to a page of the printed book this one was converted from")
        )

        # Book
        self.repair = make(self.tr("&Repair Book Converted from Print"), checkable=True)
        self.repair.setStatusTip(
            self.tr(
                "Join paragraphs split at page breaks and attach stranded footnotes "
                "(the file is never changed)"
            )
        )
        self.about = make(self.tr("&About Readmark"))

        # Plain-text books: the encoding and the chapter headings
        self.detect_chapters = make(self.tr("Detect &Chapters"), checkable=True)
        self.encoding_menu = QMenu(self.tr("Text &Encoding"), window)
        self.encoding_group = QActionGroup(window)
        self.encodings: dict[str, QAction] = {}
        for codec, label in (
            ("", self.tr("Detect Automatically")),
            ("utf-8", "UTF-8"),
            ("utf-16", "UTF-16"),
            ("gb18030", self.tr("Chinese Simplified (GB18030/GBK)")),
            ("big5", self.tr("Chinese Traditional (Big5)")),
            ("shift_jis", self.tr("Japanese (Shift_JIS)")),
            ("iso2022_jp", self.tr("Japanese (ISO-2022-JP)")),
            ("euc-kr", self.tr("Korean (EUC-KR)")),
            ("iso2022_kr", self.tr("Korean (ISO-2022-KR)")),
            ("cp1252", self.tr("Western (Windows-1252)")),
            ("latin-1", self.tr("Western (ISO 8859-1)")),
        ):
            action = QAction(label, window)
            action.setCheckable(True)
            action.setData(codec)
            self.encoding_group.addAction(action)
            self.encoding_menu.addAction(action)
            self.encodings[codec] = action
        self.chapter_rules = make(self.tr("Chapter &Rules…"))
        self.text_actions = [
            self.detect_chapters,
            self.chapter_rules,
            self.encoding_menu.menuAction(),
        ]

        # Library
        self.export_annotations = make(self.tr("&Export Annotations…"), "Ctrl+E")
        self.import_annotations = make(self.tr("&Import Annotations…"))
        self.export_all_books = make(self.tr("Export A&ll Books"))
        self.export_all_books.setStatusTip(
            self.tr("Write every book's note into the export folder, updating those there")
        )
        self.sync_now = make(self.tr("S&ync Now"))  # ui/shell/sync_runner.py
        self.sync_now.setStatusTip(self.tr("Bring your marks in step with your other computers"))
        self.export_folder = make(self.tr("Export &Folder…"))
        self.export_folder.setStatusTip(
            self.tr("Choose the folder for every book's notes, e.g. an Obsidian vault")
        )
        self.backup_now = make(self.tr("&Back Up Library Now"))
        self.backups = make(self.tr("Backups and &Restore…"))
        self.toggle_annotations = make(self.tr("&Annotations Panel"), "F10", checkable=True)

        # The library view (ui/library): every book added or opened
        self.show_library = make(self.tr("Show &Library"), "Ctrl+L", checkable=True)
        self.add_books = make(self.tr("Add &Books to Library…"))
        self.add_folder = make(self.tr("Add &Folder to Library…"))
        self.add_folder.setStatusTip(self.tr("Add every book in a folder and its subfolders"))
        self.watch_folder = make(self.tr("&Watch Folder…"))
        self.watch_folder.setStatusTip(
            self.tr("Add the books that appear in a folder, now and whenever Readmark runs")
        )
        self.watched_menu = QMenu(self.tr("Stop &Watching"), window)

        self.book_actions = [
            self.toggle_toc,
            self.toggle_annotations,
            self.export_annotations,
            self.close_book,
            self.back,
            self.next_section,
            self.previous_section,
            self.repair,
            self.copy,
            self.copy_quote,
            self.find,
            self.find_next,
            self.find_previous,
            self.copy_link,
            self.highlight,
            *self.highlight_colours.values(),
            self.underline,
            self.add_note,
            self.toggle_bookmark,
        ]
        self.undo.setEnabled(False)  # the undo stack says when there is something
        self.redo.setEnabled(False)
        if menus is None:
            from readmark.ui.shell.menu_bar import MenuBar

            menus = MenuBar(window)
        self._build_menus(menus)

    def _build_menus(self, menus: MenuBar) -> None:
        file_menu = menus.file
        file_menu.addAction(self.open)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.open_guide)
        file_menu.addSeparator()
        file_menu.addAction(self.add_books)
        file_menu.addAction(self.add_folder)
        file_menu.addSeparator()
        file_menu.addAction(self.export_annotations)
        file_menu.addAction(self.import_annotations)
        file_menu.addAction(self.export_all_books)
        file_menu.addAction(self.export_folder)
        file_menu.addAction(self.sync_now)
        file_menu.addAction(self.backup_now)
        file_menu.addAction(self.backups)
        file_menu.addSeparator()
        file_menu.addAction(self.close_book)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = menus.edit
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy)
        edit_menu.addAction(self.copy_quote)
        edit_menu.addAction(self.copy_link)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        edit_menu.addAction(self.find_next)
        edit_menu.addAction(self.find_previous)
        edit_menu.addAction(self.search_library)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences)

        view_menu = menus.view
        view_menu.addAction(self.toggle_toc)
        view_menu.addAction(self.toggle_annotations)
        view_menu.addAction(self.full_screen)
        view_menu.addAction(self.next_pane)
        view_menu.addAction(self.previous_pane)
        view_menu.addSeparator()
        view_menu.addAction(self.zoom_in)
        view_menu.addAction(self.zoom_out)
        view_menu.addAction(self.zoom_reset)
        view_menu.addAction(self.choose_font)
        view_menu.addAction(self.reset_font)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        for action in self.themes.values():
            theme_menu.addAction(action)

        go_menu = menus.go
        go_menu.addAction(self.back)
        go_menu.addAction(self.previous_section)
        go_menu.addAction(self.next_section)
        go_menu.addSeparator()
        go_menu.addAction(self.go_to_printed_page)

        annotate_menu = menus.annotate
        annotate_menu.addAction(self.highlight)
        for action in self.highlight_colours.values():
            annotate_menu.addAction(action)
        annotate_menu.addAction(self.underline)
        annotate_menu.addSeparator()
        annotate_menu.addAction(self.add_note)
        annotate_menu.addAction(self.toggle_bookmark)

        book_menu = menus.book
        book_menu.addAction(self.repair)
        book_menu.addSeparator()
        book_menu.addMenu(self.encoding_menu)
        book_menu.addAction(self.detect_chapters)
        book_menu.addAction(self.chapter_rules)

        library_menu = menus.library
        library_menu.addAction(self.show_library)
        library_menu.addSeparator()
        library_menu.addAction(self.add_books)
        library_menu.addAction(self.add_folder)
        library_menu.addSeparator()
        library_menu.addAction(self.watch_folder)
        library_menu.addMenu(self.watched_menu)

        help_menu = menus.help
        help_menu.addAction(self.open_guide)
        help_menu.addAction(self.about)

    def name_colours(self, own: Mapping[str, str]) -> None:
        """The Annotate menu says the reader's own names for the colours."""
        for colour, action in self.highlight_colours.items():
            name = own.get(colour, "")
            text = self.tr("Highlight “{name}”").format(name=name) if name else None
            action.setText(text or self._colour_labels[colour])

    def show_book_choices(self, book: Book) -> None:
        """Check the Book menu's choices the way this book was opened (without
        acting on them again) and enable what applies to it."""
        is_text = book.format == "text"
        for action, checked in (
            (self.repair, book.options.repair),
            (self.detect_chapters, book.options.detect_chapters),
        ):
            blocker = action.blockSignals(True)
            action.setChecked(checked)
            action.blockSignals(blocker)
        chosen = self.encodings.get(book.options.encoding) or self.encodings[""]
        blocker = self.encoding_group.blockSignals(True)
        chosen.setChecked(True)
        self.encoding_group.blockSignals(blocker)
        self.encodings[""].setText(
            self.tr("Detect Automatically (found: {encoding})").format(encoding=book.encoding)
            if is_text and not book.options.encoding
            else self.tr("Detect Automatically")
        )
        self.set_book_open(True, is_text)

    def set_book_open(self, is_open: bool, is_text: bool = False) -> None:
        for action in self.book_actions:
            action.setEnabled(is_open)
        if not is_open:  # enabled once the open book's printed pages are found
            self.go_to_printed_page.setEnabled(False)
        for action in self.text_actions:  # only plain-text books have these choices
            action.setEnabled(is_open and is_text)
