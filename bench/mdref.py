"""`mdref.py BOOK REPS`: the reference for bench/run.py, in its own process.

Times `markdown.markdown()` over the whole file, with the default extensions and
with the extensions Readmark uses, and prints the medians as JSON.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import markdown

READMARK_EXTENSIONS = ["tables", "footnotes", "fenced_code", "attr_list", "def_list", "sane_lists"]


def main() -> int:
    text = Path(sys.argv[1]).read_text(encoding="utf-8", errors="replace")
    reps = int(sys.argv[2])
    plain: list[float] = []
    extended: list[float] = []
    for _ in range(reps):
        start = time.perf_counter()
        markdown.markdown(text)
        plain.append(time.perf_counter() - start)
        start = time.perf_counter()
        markdown.markdown(text, extensions=READMARK_EXTENSIONS)
        extended.append(time.perf_counter() - start)
    print(json.dumps({"plain": statistics.median(plain), "extended": statistics.median(extended)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
