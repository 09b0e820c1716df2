import sys

from readmark import startup_gc

startup_gc.hold()  # before Qt is imported: see startup_gc (cli.main releases it for commands)

from readmark.cli import main  # noqa: E402

sys.exit(main())
