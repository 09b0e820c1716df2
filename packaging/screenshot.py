"""Take a screenshot of the reader for the README and for looking at changes.

Run under a display (e.g. `xvfb-run -s "-screen 0 1280x860x24" .venv/bin/python
packaging/screenshot.py BOOK OUT.png --entry "前 言" --pages 1 --theme light`).
It drives the real main window, on a throwaway READMARK_HOME.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("book", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--entry", default="", help="TOC entry title to go to")
    parser.add_argument("--pages", type=int, default=0, help="pages to turn after that")
    parser.add_argument("--theme", default="light", choices=["light", "dark", "sepia"])
    parser.add_argument("--size", default="1200x800")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    os.environ.setdefault("READMARK_HOME", tempfile.mkdtemp(prefix="readmark-shot-"))

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from readmark import i18n, paths
    from readmark.core.library import Library
    from readmark.core.settings import Settings
    from readmark.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    i18n.install_translator(app, args.lang)
    settings = Settings(paths.settings_file())
    settings.set("reader.theme", args.theme)
    window = MainWindow(settings, Library(paths.library_db()), None, args.lang)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    loop = QEventLoop()
    window.book_shown.connect(loop.quit)
    window.open_failed.connect(lambda message: (print(message, file=sys.stderr), loop.quit()))
    window.open_path(args.book)
    loop.exec()
    if window.reader.book is None:
        return 1
    if args.entry:
        tree = window.toc.tree
        items = tree.findItems(args.entry, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not items:
            print(f"no TOC entry {args.entry!r}", file=sys.stderr)
            return 1
        tree.itemClicked.emit(items[0], 0)
    for _ in range(args.pages):
        window.reader.scroll_page(+1)
    wait(300)
    window.grab().save(str(args.out))
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
