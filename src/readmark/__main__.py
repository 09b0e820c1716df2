import sys

from readmark.cli import main

sys.exit(main())
