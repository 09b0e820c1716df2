"""The first screen loads only what it shows: the annotations panel, the
annotation popup and dialogs, exports and the library tools wait for their first
use. Checked in a fresh process (`readmark BOOK --smoke-test`), where nothing
else has imported them."""

from __future__ import annotations

import json
from pathlib import Path

from spawn_reader import run_offscreen

# What no first screen with the panel hidden needs (module, or package prefix).
NOT_ON_THE_FIRST_SCREEN = (
    "readmark.ui.annotations.panel",
    "readmark.ui.annotations.model",
    "readmark.ui.annotations.controller",
    "readmark.ui.annotations.popup",
    "readmark.ui.annotations.note_dialog",
    "readmark.core.note_markdown",
    "readmark.ui.shell.library_tools",
    "readmark.ui.library",  # the library view: built at Ctrl+L (or when folders are watched)
    "readmark.ui.dialogs",
    "readmark.core.export",
    "readmark.ui.reader.found_layer",  # search hits: at the first search
    "readmark.ui.search",
    "readmark.ui.shell.finder",
    "readmark.core.search",
    "opencc",
    "regex",
    "readmark.ui.shell.start_page",  # what the window shows with no book: not built
)

_PROBE = """
import atexit, json, sys
atexit.register(lambda: print("modules " + json.dumps(sorted(sys.modules)), flush=True))
class Painted:  # what is imported when the smoke test says the first screen is painted
    def __init__(self, stream): self.stream, self.seen = stream, None
    def write(self, text):
        if "smoke-test ok" in text and self.seen is None: self.seen = sorted(sys.modules)
        return self.stream.write(text)
    def flush(self): self.stream.flush()
painted = sys.stdout = Painted(sys.stdout)
atexit.register(lambda: print("painted " + json.dumps(painted.seen), flush=True))
from readmark.cli import main
sys.exit(main([sys.argv[1], "--smoke-test"]))
"""

# What waits until the first screen is painted (imported after it): a book's cover,
# and the rest of the window (MainWindow.build_rest): its actions, the keyboard's pane
# ring, the library page's wiring.
AFTER_THE_FIRST_SCREEN = (
    "readmark.ui.shell.covers",
    "readmark.core.book_resources",
    "readmark.ui.shell.actions",
    "readmark.ui.shell.keyboard",
    "readmark.ui.shell.library_wiring",
)


def _modules_after_first_screen(book: Path, home: Path, when: str = "modules") -> set[str]:
    """What was imported by the exit (`when="modules"`) or by the first paint ("painted")."""
    done = run_offscreen(["-c", _PROBE, str(book)], home)
    assert "smoke-test ok" in done.stdout
    line = next(x for x in done.stdout.splitlines() if x.startswith(when + " "))
    return set(json.loads(line[len(when) + 1 :]))


def _loaded(modules: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_the_first_screen_leaves_the_panes_it_does_not_show_unloaded(
    long_book: Path, readmark_home: Path
) -> None:
    # Twice: a first start (empty library) and a second one (its start-up backup is due).
    for _ in range(2):
        modules = _modules_after_first_screen(long_book, readmark_home)
        assert "readmark.ui.shell.main_window" in modules  # the probe saw the reader
        loaded = [name for name in NOT_ON_THE_FIRST_SCREEN if _loaded(modules, name)]
        assert not loaded, f"imported for the first screen: {loaded}"
    assert any((readmark_home / "data" / "backups").glob("*startup*"))  # it still ran


def test_a_first_start_imports_the_covers_and_the_menus_only_after_its_first_screen(
    long_book: Path, readmark_home: Path
) -> None:
    painted = _modules_after_first_screen(long_book, readmark_home, "painted")
    assert "readmark.ui.shell.main_window" in painted
    assert not [name for name in AFTER_THE_FIRST_SCREEN if _loaded(painted, name)]


def test_a_txt_book_in_markdown_needs_no_plain_text_chapter_scan(
    shared_books: Path, readmark_home: Path
) -> None:
    # The first customer: Markdown converted from print, in a .txt file. Its
    # encoding is detected the plain-text way; the chapter rules, the re-flow
    # and time.strptime (~20 ms of imports) serve only plain-text books.
    modules = _modules_after_first_screen(shared_books / "000_25b2869f1a30fd56.txt", readmark_home)
    assert "readmark.core.formats.plaintext.encoding" in modules
    assert "readmark.core.formats.markdown.loader" in modules
    for name in (
        "readmark.core.formats.plaintext.chapters",
        "readmark.core.formats.plaintext.reflow",
        "readmark.core.formats.plaintext.layout",
        "readmark.core.formats.plaintext.page_splits",
        "readmark.core.formats.plaintext.loader",
        "_strptime",
    ):
        assert name not in modules, f"imported for the first screen: {name}"
