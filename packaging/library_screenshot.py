"""Screenshots of the library view for the README: the real main window, the real
books in ../shared/books added through the room, as covers and as a list.

    xvfb-run -a -s "-screen 0 1280x860x24" .venv/bin/python \
        packaging/library_screenshot.py BOOKS_FOLDER GRID.png [LIST.png]

It runs on a throwaway READMARK_HOME; one book is opened and read a little way
first, so the progress shows.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    folder, grid_png = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    list_png = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    os.environ["READMARK_HOME"] = tempfile.mkdtemp(prefix="readmark-shot-")
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication(sys.argv[:1])
    from readmark import paths
    from readmark.core.render_cache import RenderCache
    from readmark.core.store.settings import Settings
    from readmark.ui.shell.library_owner import LibraryOwner
    from readmark.ui.shell.main_window import MainWindow

    owner = LibraryOwner(paths.library_db(), paths.backups_dir())
    owner.open()
    window = MainWindow(
        Settings(paths.settings_file()), owner, RenderCache(paths.render_cache_dir()), "en"
    )
    window.resize(1100, 720)
    window.show()

    def settle(until, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + seconds
        while not until() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)

    shown = []
    window.book_shown.connect(shown.append)
    window.open_path(folder / "三国演义.txt")
    settle(lambda: bool(shown))
    window.reader.go_to(40)  # 回 40 of 120: about a third of the book
    settle(lambda: window.library_wiring.progress_label.text() not in ("", "0%"), 10)
    window.reader.flush_position()
    wiring = window.library_wiring
    wiring.show_library()
    room = wiring.room
    room.add([folder])
    settle(lambda: room.model.total >= 8)
    for box in window.findChildren(QMessageBox):  # the damaged EPUB's message
        box.close()
    catalog = owner.library.catalog if owner.library else None
    if catalog is not None:  # two collections, for the side list
        entries = catalog.entries()
        chinese = [Path(e.path) for e in entries if e.language.startswith("zh")]
        catalog.add_to_collection(chinese, "中文")
        catalog.add_to_collection([Path(e.path) for e in entries if e.format == "epub"], "Poetry")
        room.refresh()
    room.view.grid.viewport().repaint()  # asks for the covers on screen
    settle(lambda: not window.tasks.running("library-covers") and not room.covers._wanted, 10)  # noqa: SLF001
    room.view.grid.viewport().repaint()
    for _ in range(20):
        app.processEvents()
    window.statusBar().clearMessage()
    window.grab().save(str(grid_png))
    if list_png is not None:
        room.view.set_mode("list")
        app.processEvents()
        window.grab().save(str(list_png))
    window.close()
    owner.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
