"""Write the prebuilt folding tables shipped in resources/search/ (see
src/readmark/core/search/folding_store.py): run it after changing
core/search/folding.py or the OpenCC that Readmark is built with.

    .venv/bin/python packaging/make_folding_tables.py

tests/core/test_folding_store.py fails while the shipped tables are not the
ones this code builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from readmark.core.search import folding, folding_store  # noqa: E402


def main() -> int:
    folder = ROOT / "resources" / folding_store.FOLDER
    for match_case in (False, True):
        target = folder / folding_store.file_name(match_case)
        table = folding.build(match_case)
        if not folding_store.write(target, folding_store.key(match_case), table):
            print(f"could not write {target}", file=sys.stderr)
            return 2
        print(
            f"{target.relative_to(ROOT)}: {len(table):,} characters, {target.stat().st_size:,} bytes"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
