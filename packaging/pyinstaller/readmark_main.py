"""The frozen program's entry point: what the `readmark` command runs."""

import sys

from readmark.__main__ import run

sys.exit(run())
