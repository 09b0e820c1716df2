"""`python -m readmark` and the installed `readmark` command (pyproject's gui-scripts)."""

import sys

from readmark import startup_gc, startup_re


def run() -> int:
    # Before Qt is imported (~34 collections, 5 ms, during PySide's own start): the
    # collector waits for the first screen (startup_gc.py); cli.main releases it for
    # commands.
    startup_gc.hold()
    # Also before Qt (PySide's signature module compiles ~20 ms of patterns): patterns
    # are compiled from the memo until the first screen (startup_re.py).
    startup_re.hold()
    # Imported after that hold, which then covers the patterns of what it imports
    # (dataclasses, inspect).
    from readmark import startup_dataclasses

    startup_dataclasses.hold()  # data classes' methods, likewise (startup_dataclasses.py)
    from readmark.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
