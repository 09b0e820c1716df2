"""What assistive technology gets: a name for every control the keyboard reaches
(in every pane and dialog, in English and Chinese), the page's text through Qt's
accessibility tree, and the page honouring a high-contrast system palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_walk import unnamed
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from readmark.core.store.catalog import CatalogEntry


@pytest.fixture
def ui_language(qapp):
    """The interface in a language, as `readmark --lang` installs it; English after."""
    from readmark import i18n

    yield lambda language: i18n.install_translator(qapp, language)
    i18n.uninstall_translators(qapp)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_control_of_the_window_and_its_panes_has_a_name(
    qtbot, ui_language, make_window, open_and_wait, long_book: Path, language: str
):
    ui_language(language)
    window = make_window(language)
    problems = unnamed(window)  # the start page
    open_and_wait(window, long_book)
    window.reader.setFocus()
    window.reader.selectAll()
    window.menu_actions.highlight.trigger()  # the panel shows its filters with a mark
    window.menu_actions.toggle_toc.setChecked(True)
    window.menu_actions.toggle_annotations.setChecked(True)
    qtbot.waitUntil(lambda: window.annotations_panel.isVisible())
    problems += unnamed(window)
    window.finder.open()  # the search panel, in front of the annotations
    problems += unnamed(window)
    window.menu_actions.show_library.trigger()
    qtbot.waitUntil(lambda: window.findChild(QDialog) is None)
    problems += unnamed(window)
    assert problems == [], "\n".join(problems)
    # Names are said in the reader's language.
    expected = {"en": ("Book text", "Contents"), "zh_CN": ("书的正文", "目录")}[language]
    assert (window.reader.accessibleName(), window.toc.tree.accessibleName()) == expected


def test_the_popup_names_its_buttons(qtbot, make_window, open_and_wait, long_book: Path):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    reader.setFocus()
    for _ in range(8):
        qtbot.keyClick(reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(reader, Qt.Key.Key_Menu)
    popup = window.annotator.popup
    qtbot.waitUntil(popup.isVisible)
    assert unnamed(popup) == []
    names = [b.accessibleName() for b in popup.buttons()]
    assert names[:2] == ["Highlight in Yellow", "Highlight in Green"]


def test_every_dialog_names_its_controls(qtbot, make_window, open_and_wait, shared_books: Path):
    from readmark.ui.annotations.note_dialog import NoteDialog
    from readmark.ui.dialogs.backup_dialog import BackupDialog
    from readmark.ui.dialogs.chapter_rules_dialog import ChapterRulesDialog
    from readmark.ui.dialogs.export_dialog import ExportDialog
    from readmark.ui.library.details_dialog import DetailsDialog

    window = make_window()
    open_and_wait(window, shared_books / "11-0.txt")
    book = window.reader.book
    window.menu_actions.preferences.trigger()
    prefs = window.findChild(QDialog, "preferencesDialog")
    qtbot.waitUntil(prefs.isVisible)
    entry = CatalogEntry(
        str(book.path),
        book.content_id,
        "Alice",
        "Lewis Carroll",
        "text",
        "en",
        1,
        0.0,
        0.0,
        None,
        "",
        0,
    )
    made = [
        NoteDialog(window, "a quote", "a note"),
        BackupDialog((), window),
        ChapterRulesDialog(book, True, window),
        ExportDialog("Alice", Path.home()),
        DetailsDialog(entry, window),
    ]
    problems = []
    for dialog in [prefs, *made]:
        dialog.show()
        qtbot.waitExposed(dialog)
        # Every page of a dialog with tabs.
        from PySide6.QtWidgets import QTabWidget

        tabs = dialog.findChildren(QTabWidget)
        for tab in tabs or [None]:
            for index in range(tab.count() if tab else 1):
                if tab is not None:
                    tab.setCurrentIndex(index)
                problems += unnamed(dialog)
        dialog.close()
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Ok, window)
    box.show()
    problems += unnamed(box)
    box.close()
    assert problems == [], "\n".join(problems)


def test_the_page_is_read_by_screen_readers(qtbot, make_window, open_and_wait, long_book: Path):
    QAccessible.setActive(True)
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    page = QAccessible.queryAccessibleInterface(reader)
    assert page is not None and page.isValid()
    assert page.role() == QAccessible.Role.StaticText  # text to read, not to edit
    assert page.text(QAccessible.Text.Name) == "Book text"
    assert "Shift+arrows" in page.text(QAccessible.Text.Description)
    assert page.state().readOnly
    text = page.textInterface()
    assert text is not None
    whole = text.text(0, text.characterCount())
    shown = reader.toPlainText()
    assert whole == shown and "Paragraph 1.0: The quick brown fox" in whole
    # Its caret is the reader's: where a screen reader starts reading.
    reader.go_to_text(reader.section, shown.index("Paragraph 1.3"))
    qtbot.waitUntil(lambda: text.cursorPosition() == reader.textCursor().position())
    # The contents are a tree of named items.
    window.menu_actions.toggle_toc.setChecked(True)
    tree = QAccessible.queryAccessibleInterface(window.toc.tree)
    assert tree.text(QAccessible.Text.Name) == "Contents"
    names = [tree.child(i).text(QAccessible.Text.Name) for i in range(tree.childCount())]
    assert "Chapter 1" in names
    # The annotations list reads its rows: the quote of each mark.
    start = reader.canonical_text().index("Paragraph 1.3")
    reader.select_text(0, start, start + len("Paragraph 1.3: The quick brown fox"))
    qtbot.waitUntil(lambda: reader.selection() is not None)
    with qtbot.waitSignal(window.session.changed):
        window.menu_actions.highlight.trigger()
    window.menu_actions.toggle_annotations.setChecked(True)
    qtbot.waitUntil(lambda: window.annotations_panel.tree.model().rowCount() > 0)
    panel = QAccessible.queryAccessibleInterface(window.annotations_panel.tree)
    assert panel.text(QAccessible.Text.Name) == "Annotations"
    assert any("Paragraph 1.3: The quick brown fox" in n for n in accessible_names(panel))


def accessible_names(node, depth: int = 0) -> list[str]:
    """Every name in an accessible subtree (as a screen reader walks it)."""
    names = [node.text(QAccessible.Text.Name)]
    if depth < 4:
        for i in range(node.childCount()):
            child = node.child(i)
            if child is not None and child.isValid():
                names += accessible_names(child, depth + 1)
    return names


HIGH_CONTRAST = {
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#000000",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.Highlight: "#1aebff",
    QPalette.ColorRole.HighlightedText: "#000000",
    QPalette.ColorRole.Link: "#ffff00",
}


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(fill: QColor, page: QColor) -> QColor:
    a = fill.alphaF()
    ink = (fill.redF(), fill.greenF(), fill.blueF())
    paper = (page.redF(), page.greenF(), page.blueF())
    return QColor.fromRgbF(*(a * f + (1 - a) * p for f, p in zip(ink, paper, strict=True)))


@pytest.fixture
def high_contrast_desktop(qapp):
    """The desktop's palette is a high-contrast one (Windows' High Contrast Black)."""
    before = QApplication.palette()
    palette = QPalette(before)
    for role, colour in HIGH_CONTRAST.items():
        palette.setColor(role, QColor(colour))
    QApplication.setPalette(palette)
    yield palette
    QApplication.setPalette(before)


def test_the_system_theme_follows_a_high_contrast_palette(
    qtbot, high_contrast_desktop, make_window, open_and_wait, long_book: Path
):
    window = make_window()
    assert window.settings.get("reader.theme") == "system"
    open_and_wait(window, long_book)
    reader = window.reader
    colours = reader.palette()
    page, text = colours.color(QPalette.ColorRole.Base), colours.color(QPalette.ColorRole.Text)
    assert (page.name(), text.name()) == ("#000000", "#ffffff")
    # The selection: the desktop's colours, its text readable on it.
    selected = colours.color(QPalette.ColorRole.Highlight)
    on_selected = colours.color(QPalette.ColorRole.HighlightedText)
    assert selected.name() == "#1aebff" and contrast(selected, on_selected) >= 7
    # The window around the page keeps the desktop's palette.
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    # Every highlight colour leaves the text readable (WCAG AA: 4.5) and its underline
    # stands out from the page (3).
    from readmark.ui.reader.theme import highlight_palette, resolve

    tints = highlight_palette(resolve("system", high_contrast_desktop))
    for colour in ("yellow", "green", "blue", "pink", "purple"):
        fill = over(tints.fill(colour), page)
        assert contrast(fill, text) >= 4.5, colour
        assert contrast(tints.line(colour), page) >= 3, colour
    # The page's own text is drawn in the desktop's text colour.
    assert "color: #ffffff" in reader.document().defaultStyleSheet()


def test_text_follows_the_system_font_size(
    qtbot, qapp, make_window, open_and_wait, long_book: Path
):
    """A desktop font made larger makes the window's controls and, until the reader
    chooses a size, the book's text larger in step; a size chosen is kept."""
    before = QApplication.font()
    large = QFont(before)
    large.setPointSize(16)
    QApplication.setFont(large)
    try:
        window = make_window()
        open_and_wait(window, long_book)
        assert window.menuBar().font().pointSize() == 16
        assert window.toc.tree.font().pointSize() == 16
        page = window.reader.document().defaultFont()
        assert page.pointSize() == round(15 * 16 / 11) == 22  # 15 pt beside an 11 pt desktop
        from PySide6.QtWidgets import QSpinBox

        dialog = window.preferences.show(window)  # Preferences says the size in force
        assert dialog.findChild(QSpinBox, "reader.font_size").value() == 22
        dialog.close()
        window.menu_actions.zoom_in.trigger()
        assert window.reader.document().defaultFont().pointSize() == 23
        assert window.settings.get("reader.font_size") == 23
        window.menu_actions.zoom_reset.trigger()  # Ctrl+0: the default, following the desktop
        assert window.reader.document().defaultFont().pointSize() == 22
    finally:
        QApplication.setFont(before)
    window.menu_actions.zoom_reset.trigger()
    assert window.reader.document().defaultFont().pointSize() == 15  # an ordinary desktop font
