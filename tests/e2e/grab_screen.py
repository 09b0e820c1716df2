"""Grab the whole X screen from outside the program under test.

Run with DISPLAY set (and QT_QPA_PLATFORM unset, so Qt uses xcb). Reads one
output path per line on stdin, saves the root window there as PNG, and answers
`ok WIDTHxHEIGHT` or `error MESSAGE` on stdout, so one process serves a whole
polling loop instead of paying Qt's start-up for every frame.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    for line in sys.stdin:
        target = line.strip()
        if not target:
            continue
        image = screen.grabWindow(0)  # 0: the root window, i.e. everything on screen
        if image.isNull() or not image.save(target, "PNG"):
            print(f"error could not grab or save {target}", flush=True)
        else:
            print(f"ok {image.width()}x{image.height()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
