"""The frozen program's entry point: what the `readmark` command runs."""

import sys

from readmark.cli import main

sys.exit(main())
