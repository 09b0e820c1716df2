"""`bench/scroll_while_indexing.py`: PageDown in the reader while the library search
index is being built in the background (issue 11 §5: the reader keeps scrolling under
30 ms a page while indexing), next to the same PageDowns with nothing in the
background, in the same process and run.

    .venv/bin/python bench/scroll_while_indexing.py [--mb 20] [--books 10] [--trials 60]

A fresh READMARK_HOME holds a library of `--books` synthetic Markdown books of
`--mb` MB in all (bench/books.py, seeded; every other one Chinese), none indexed.
The window (offscreen, 1000×700, built as bench/interact.py builds it) opens
三国演义 from ../shared/books; each trial is one PageDown inside a chapter, timed
until the page is laid out and painted (bench/interact.py's `page_scrolls`).

1. Reference: `--trials` PageDowns with nothing running in the background.
2. The same, right after the window starts indexing the library as Ctrl+Shift+F
   does (`LibrarySearch.update_index`: a `library-index` background task, one book
   at a time at the lowest CPU priority, through `SearchIndex.update` — its public
   function; this bench does not touch core/search/index.py). Only PageDowns
   that started and ended while the index was being built count.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

BOOK = HERE.parent.parent / "shared" / "books" / "三国演义.txt"
TARGET_MS = 30.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _library(home: Path, megabytes: float, count: int) -> int:
    """`count` books of `megabytes` in all in the library; their bytes."""
    from books import generate

    from readmark import paths
    from readmark.core.operations.library_books import add_books
    from readmark.core.store.library import Library

    folder = home / "books"
    folder.mkdir(parents=True)
    size = int(megabytes * 1_000_000 / count)
    made = []
    for n in range(count):
        path = folder / f"book-{n:03}.md"
        path.write_text(generate("zh" if n % 2 else "en", size, seed=n), encoding="utf-8")
        made.append(path)
    library = Library(paths.library_db())
    try:
        add_books(library, made)
    finally:
        library.close()
    return sum(p.stat().st_size for p in made)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--books", type=int, default=10)
    parser.add_argument("--trials", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="readmark-bench-scroll-index-"))
    os.environ["READMARK_HOME"] = str(home)
    size = _library(home, args.mb, args.books)
    load_before = os.getloadavg()[0]

    from interact import OpResult, Session

    session = Session(BOOK, "zh_CN", home=str(home))
    quiet = session.page_scrolls(args.trials, first_section=1)

    tasks = session.window.tasks
    search = session.window.library_finder.search  # built as Ctrl+Shift+F builds it
    started = time.perf_counter()
    search.update_index()
    assert tasks.running("library-index")
    session.app.processEvents()
    busy = OpResult("PageDown while indexing")
    batch = 0
    while tasks.running("library-index") and len(busy.samples_ms) < args.trials:
        one = session.page_scrolls(1, first_section=1 + batch % 20)
        batch += 1
        if tasks.running("library-index"):  # it ended while indexing still ran
            busy.samples_ms += one.samples_ms
    measured_for = time.perf_counter() - started
    tasks.cancel("library-index")
    load_after = os.getloadavg()[0]
    session.close()

    print(
        f"PageDown in 三国演义 (offscreen 1000×700), {len(quiet.samples_ms)} without and "
        f"{len(busy.samples_ms)} while the window indexed a library of {args.books} books "
        f"({size / 1e6:.1f} MB; {measured_for:.1f} s of indexing); load average "
        f"{load_before:.1f} at the start, {load_after:.1f} at the end\n"
    )
    print("| PageDown inside a chapter | median ms | p95 ms | slowest ms | target |")
    print("|---|---:|---:|---:|---|")
    for label, result in (("nothing in the background (reference)", quiet), ("while indexing", busy)):
        values = result.samples_ms
        if not values:
            print(f"| {label} | – | – | – | indexing ended before a page was turned |")
            continue
        verdict = "**PASS**" if _p95(values) < TARGET_MS else "**FAIL**"
        print(
            f"| {label} | {statistics.median(values):.1f} | {_p95(values):.1f} | "
            f"{max(values):.1f} | p95 < {TARGET_MS:.0f} ms {verdict} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
