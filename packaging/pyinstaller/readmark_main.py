"""The frozen program's entry point: what the `readmark` command runs."""

import sys

from readmark import startup_gc

startup_gc.hold()  # before Qt is imported: see readmark/startup_gc.py

from readmark.cli import main  # noqa: E402

sys.exit(main())
