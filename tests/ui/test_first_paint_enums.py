"""The first screen is painted before PySide builds the `Qt` namespace's 93 enum
types (~15 ms): the contents are docked by name from a layout (window_state.py), the
reader's flags are set by name, block alignments are read as Qt's ints, and the
desktop's colour scheme is asked of Qt's own getter (system_hints.py). Each of those
must agree with the enum way it replaces, and the namespace must still come when
anything needs it (readmark/lazy_qt.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTextEdit, QTreeWidget

from readmark.ui.reader import alignment, system_hints
from readmark.ui.shell import window_state
from readmark.ui.shell.annotation_panes import TOC_WIDTH
from spawn_reader import run_offscreen

# Prints, when the smoke test says the first screen is painted, whether the `Qt`
# namespace had been built by then and where the contents dock was.
_PROBE = """
import sys
class Painted:
    def __init__(self, stream): self.stream, self.done = stream, False
    def write(self, text):
        if "smoke-test ok" in text and not self.done:
            self.done = True
            built = "Qt" in sys.modules["PySide6.QtCore"].__dict__
            self.stream.write(f"namespace built at the first paint: {built}\\n")
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication, QMainWindow
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
            toc = window.toc
            left = window.dockWidgetArea(toc) == Qt.DockWidgetArea.LeftDockWidgetArea
            self.stream.write(f"contents: {toc.isVisible()} {left} {toc.width()}\\n")
        return self.stream.write(text)
    def flush(self): self.stream.flush()
sys.stdout = Painted(sys.stdout)
from readmark.cli import main
sys.exit(main([sys.argv[1], "--smoke-test"]))
"""


def _start(book: Path, home: Path) -> tuple[str, str]:
    done = run_offscreen(["-c", _PROBE, str(book)], home)
    lines = done.stdout.splitlines()
    built = next(x for x in lines if x.startswith("namespace built")).rsplit(": ", 1)[1]
    contents = next(x for x in lines if x.startswith("contents: ")).split(": ", 1)[1]
    return built, contents


def test_the_sample_book_is_painted_before_the_qt_namespace_is_built(
    shared_books: Path, tmp_path: Path
) -> None:
    book = shared_books / "000_25b2869f1a30fd56.txt"
    home = tmp_path / "home"
    # A first start (the default layout) and a second (the layout the first saved):
    # the contents are on the left beside the page, the reader's width, at the paint.
    assert _start(book, home) == ("False", f"True True {TOC_WIDTH}")
    assert _start(book, home) == ("False", f"True True {TOC_WIDTH}")


def _window(qtbot, lay_out: bool) -> tuple[QMainWindow, QDockWidget]:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.menuBar().addMenu("File")
    window.setCentralWidget(QTextEdit())
    window.statusBar().showMessage("ready")
    if lay_out:
        window_state.lay_out(window)  # a fresh home: nothing saved, the default layout
    dock = QDockWidget("Contents", window)
    dock.setObjectName("toc")
    dock.setWidget(QTreeWidget())
    window_state.place_dock(window, dock, TOC_WIDTH)
    window.show()
    qtbot.waitExposed(window)
    return window, dock


def test_the_default_layout_docks_the_contents_as_addDockWidget_does(qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
    by_layout, contents = _window(qtbot, lay_out=True)
    by_hand, reference = _window(qtbot, lay_out=False)  # no layout: addDockWidget, resizeDocks
    assert by_layout.dockWidgetArea(contents) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert contents.geometry() == reference.geometry()
    assert contents.width() == TOC_WIDTH
    central, reference_central = by_layout.centralWidget(), by_hand.centralWidget()
    assert central is not None and reference_central is not None
    assert central.geometry() == reference_central.geometry()


def test_the_desktop_hints_agree_with_pyside(qapp) -> None:  # type: ignore[no-untyped-def]
    hints = QGuiApplication.styleHints()
    assert system_hints.DARK == Qt.ColorScheme.Dark.value
    assert system_hints.HIGH_CONTRAST == Qt.ContrastPreference.HighContrast.value
    dark = system_hints.scheme_is_dark(hints)
    high = system_hints.asks_high_contrast(hints.accessibility())
    if sys.platform.startswith("linux"):  # the direct call is used here, not the fallback
        assert dark is not None and high is not None
    if dark is not None:
        assert dark == (hints.colorScheme() == Qt.ColorScheme.Dark)
    if high is not None:
        preference = hints.accessibility().contrastPreference()
        assert high == (preference == Qt.ContrastPreference.HighContrast)


def test_alignments_read_as_ints_are_qts(qapp) -> None:  # type: ignore[no-untyped-def]
    assert alignment.LEFT == Qt.AlignmentFlag.AlignLeft.value == Qt.AlignmentFlag.AlignLeading.value
    assert alignment.JUSTIFY == Qt.AlignmentFlag.AlignJustify.value
    assert alignment.HORIZONTAL == Qt.AlignmentFlag.AlignHorizontal_Mask.value
    document = QTextDocument()
    document.setHtml('<p>plain</p><p align="center">centred</p><p align="justify">even</p>')
    blocks = [document.findBlockByNumber(n) for n in range(3)]
    for block in blocks:
        side = block.blockFormat().alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
        assert (alignment.horizontal_alignment(block) or alignment.LEFT) == side.value
    assert alignment.align_paragraphs(document, justify=True) == 1  # the plain one
    assert blocks[0].blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify
    assert document.findBlockByNumber(1).blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter


def test_the_reader_selects_by_mouse_and_keyboard_and_follows_links(make_window) -> None:  # type: ignore[no-untyped-def]
    flags = make_window().reader.textInteractionFlags()
    wanted = Qt.TextInteractionFlag
    assert flags == (
        wanted.TextSelectableByMouse
        | wanted.TextSelectableByKeyboard
        | wanted.LinksAccessibleByMouse
        | wanted.LinksAccessibleByKeyboard
    )
