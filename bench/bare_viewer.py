"""`bare_viewer.py BOOK`: the floor bench/run.py measures the reader against.

A bare QTextBrowser showing the same Markdown converted with Python-Markdown,
from the same Python: read the file, convert it whole with the extensions
Readmark uses (named by module, so no entry-point scan), show it in a window as
big as the reader's, and print `ready` at its first paint. No library, settings,
contents, menus, chapters or repair: what any viewer of the book must pay.
"""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser

EXTENSIONS = [
    f"markdown.extensions.{name}"
    for name in ("tables", "footnotes", "fenced_code", "attr_list", "def_list", "sane_lists")
]


class View(QTextBrowser):
    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().paintEvent(event)
        if not self.document().isEmpty():
            print("ready", flush=True)
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv[:1])
    text = Path(sys.argv[1]).read_text(encoding="utf-8", errors="replace")
    view = View()
    view.setHtml(markdown.markdown(text, extensions=EXTENSIONS))
    view.resize(1100, 760)
    view.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
