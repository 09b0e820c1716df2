"""A first section that shows an image (or says why it cannot) is drawn without
making PySide build the `Qt` namespace's enum types (~25 ms before the first screen
of a book whose first chapter has a figure): run in a fresh interpreter, since any
earlier test in this process may have built them already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import enum, json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

app = QApplication(["readmark"])
from readmark.core.formats import open_book
from readmark.ui.reader.reader_view import ReaderView

def qt_enums():
    seen, stack = set(), [enum.Enum]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
    return sum(1 for e in seen if e.__qualname__.startswith("Qt."))

from readmark.ui.background import BackgroundTasks
from readmark.ui.reader.section_provider import SectionProvider

book = open_book(Path(sys.argv[1]))
reader = ReaderView()
reader.resize(500, 400)
reader.show()
reader.set_book(book, SectionProvider(book, None, BackgroundTasks()), cjk=False)
before = qt_enums()
kind = QTextDocument.ResourceType.ImageResource.value
wide = reader.loadResource(kind, QUrl("wide.png"))
missing = reader.loadResource(kind, QUrl("https://example.org/x.png"))
after = qt_enums()
ink = sum(1 for x in range(missing.width()) for y in range(missing.height())
          if missing.pixelColor(x, y).alpha() > 0)
print(json.dumps({"before": before, "after": after, "wide": [wide.width(), wide.height()],
                  "missing": [missing.width(), missing.height()], "ink": ink}))
"""


def test_an_image_and_a_placeholder_leave_the_qt_namespace_unbuilt(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    wide = QImage(2000, 500, QImage.Format.Format_RGB32)
    wide.fill(0xFF3366AA)
    wide.save(str(tmp_path / "wide.png"))
    book = tmp_path / "figures.md"
    book.write_text("# Figures\n\n![w](wide.png)\n\n![r](https://example.org/x.png)\n", "utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READMARK_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(book)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["after"] == seen["before"], seen  # no `Qt.*` enum type built for them
    width, height = seen["wide"]
    assert width < 2000 and abs(width / height - 4) < 0.05  # scaled to the column, same shape
    assert seen["missing"] == [360, 64] and seen["ink"] > 500  # the dashed box and its words
