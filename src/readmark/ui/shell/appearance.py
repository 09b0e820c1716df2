"""How the book looks: theme, font and size, kept in the settings and applied to
the views that show them.

The reader's choices are saved first (a failure to save is said, not hidden),
then applied: the window's palette, the page's font and stylesheet, and the
highlight colours, which every view that draws them takes from `palette_changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from readmark.core.store.settings import DEFAULT_FONT_SIZE, Settings
from readmark.ui.reader import fonts, theme
from readmark.ui.reader.annotated_reader import AnnotatedReaderView

_SMALLEST, _LARGEST = 8, 48


class Appearance(QObject):
    palette_changed = Signal(object)  # ui.palette.Palette of the theme now in use
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        settings: Settings,
        reader: AnnotatedReaderView,
        beside_page: list[QWidget],
        language: str,
        parent: QObject | None = None,
    ) -> None:
        """`beside_page`: widgets that take the page's colours (the contents)."""
        super().__init__(parent)
        self.settings = settings
        self.reader = reader
        self.beside_page = beside_page
        self.language = language
        self._system_palette = QApplication.palette()
        self._coloured: tuple[str, theme.Theme] | None = None  # the choice the window wears
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    def apply(self, relayout: bool = True) -> None:
        """Apply the chosen theme and font to the window and the book shown (with
        relayout=False the page takes them when its next section is shown)."""
        book = self.reader.book
        language = book.metadata.language if book else self.language.replace("_", "-")
        choice = self.settings.get("reader.theme")
        chosen = theme.resolve(choice, self._system_palette)
        if self._coloured != (choice, chosen):
            # Only when the colours change: a new application palette is sent to every
            # widget (opening a book applies the book's font, not new colours).
            QApplication.setPalette(
                self._system_palette if choice == "system" else theme.window_palette(chosen)
            )
            theme.apply_palette(self.reader, chosen)
            for widget in self.beside_page:
                theme.apply_palette(widget, chosen)
            self._coloured = (choice, chosen)
        self.palette_changed.emit(theme.highlight_palette(chosen))
        font = fonts.book_font(
            language, self.settings.get("reader.font_family"), self.reading_size()
        )
        typography = self.typography()
        css = theme.stylesheet(
            chosen, fonts.is_cjk(language), QFontInfo(font).pixelSize(), typography
        )
        self.reader.set_appearance(font, css, relayout, typography)

    def typography(self) -> theme.Typography:
        get = self.settings.get
        return theme.Typography(
            line_spacing=get("reader.line_spacing"),
            paragraph_spacing=get("reader.paragraph_spacing"),
            indent=get("reader.paragraph_indent"),
            justify=get("reader.justify"),
            column_width=get("reader.column_width"),
            margin=get("reader.margin"),
        )

    def save(self, key: str, value: object) -> None:
        """Save a setting; tell the reader when it could not be written."""
        if not self.settings.set(key, value):
            self.message.emit(
                self.tr("Your preferences could not be saved to {path}.").format(
                    path=str(self.settings.path)
                )
            )

    def reading_size(self) -> int:
        """The reader's size; never chosen, the default, scaled with the desktop's font."""
        if self.settings.is_default("reader.font_size"):
            return fonts.default_reading_size(DEFAULT_FONT_SIZE, QApplication.font())
        return int(self.settings.get("reader.font_size"))

    def change_font_size(self, step: int) -> None:
        """One point larger (+1) or smaller (-1); 0 goes back to the default size."""
        size = self.reading_size()
        size = DEFAULT_FONT_SIZE if step == 0 else max(_SMALLEST, min(_LARGEST, size + step))
        self.save("reader.font_size", size)
        self.apply()

    def choose_font(self, parent: QWidget) -> None:
        from PySide6.QtWidgets import QFontDialog  # at View › Font…, not on the first screen

        ok, font = QFontDialog.getFont(self.reader.document().defaultFont(), parent)
        if ok:
            self.save("reader.font_family", font.family())
            self.apply()

    def reset_font(self) -> None:
        self.save("reader.font_family", "")
        self.apply()

    def set_theme(self, name: str) -> None:
        self.save("reader.theme", name)
        self.apply()

    def _system_scheme_changed(self) -> None:
        if self.settings.get("reader.theme") == "system":
            self.apply()
