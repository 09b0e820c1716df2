"""`bench/scroll_while_indexing.py`: PageDown in the reader while the library search
index is being built in the background (issue 11 §5: the reader keeps scrolling under
30 ms a page while indexing), next to the same PageDowns with nothing in the
background, in the same process and run.

    .venv/bin/python bench/scroll_while_indexing.py [--mb 20] [--books 10] [--trials 60]

A fresh READMARK_HOME holds a library of `--books` synthetic Markdown books of
`--mb` MB in all (bench/books.py, seeded; every other one Chinese), none indexed.
The window (offscreen, 1000×700, built as bench/interact.py builds it) opens
三国演义 from ../shared/books; each trial is one PageDown key pressed on the page
(a key event, as the keyboard sends it) inside a chapter, timed until the page is
laid out and painted (as bench/interact.py times its rows), with `--pause` seconds
of reading before each (the event loop running); a first unmeasured pass warms the
fonts and the sections.

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
# --src: another checkout's sources (e.g. the revision before a change), to compare.
SRC = Path(sys.argv[sys.argv.index("--src") + 1]) if "--src" in sys.argv else HERE.parent / "src"
sys.path.insert(0, str(SRC))
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


def _page_downs(session, trials: int, first_section: int, pause: float, keep_going=lambda: True):  # type: ignore[no-untyped-def]
    """PageDown pressed `trials` times inside chapters (a chapter nearly read: the next);
    only presses made while `keep_going()` held, and still holds after, count."""
    from interact import OpResult
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    result = OpResult("PageDown")
    reader = session.reader
    bar = reader.verticalScrollBar()
    section = first_section
    reader.go_to(section, remember=False)
    session.settle()
    while len(result.samples_ms) < trials and keep_going():
        if bar.value() + 2 * reader.viewport().height() >= bar.maximum():
            section += 1
            reader.go_to(section, remember=False)
            session.settle()
            continue
        until = time.perf_counter() + pause  # the reader reads, events running
        while time.perf_counter() < until:
            session.app.processEvents()
            time.sleep(0.005)
        before = bar.value()
        start, cpu = time.perf_counter(), time.thread_time()
        QTest.keyClick(reader, Qt.Key.Key_PageDown)
        session.settle()
        took = (time.perf_counter() - start) * 1000
        assert bar.value() != before, "PageDown did not move the page"
        if keep_going():
            result.samples_ms.append(took)
            result.paint_ms.append((time.thread_time() - cpu) * 1000)  # here: the CPU
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--books", type=int, default=10)
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument(
        "--pause", type=float, default=1.0, help="seconds between two PageDowns (reading)"
    )
    parser.add_argument("--src", type=Path, help="run another checkout's sources")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="readmark-bench-scroll-index-"))
    os.environ["READMARK_HOME"] = str(home)
    size = _library(home, args.mb, args.books)
    load_before = os.getloadavg()[0]

    from interact import Session

    session = Session(BOOK, "zh_CN", home=str(home))
    session.window.activateWindow()
    session.reader.setFocus()
    _page_downs(session, args.trials, first_section=1, pause=0.05)  # warm: fonts, sections
    quiet = _page_downs(session, args.trials, first_section=1, pause=args.pause)

    tasks = session.window.tasks
    search = session.window.library_finder.search  # built as Ctrl+Shift+F builds it
    indexed = [0, 0]  # books done, of

    def progressed(done: int, total: int) -> None:
        if done < total:
            indexed[:] = [done, total]

    search.indexing.connect(progressed)
    started = time.perf_counter()
    search.update_index()
    assert tasks.running("library-index")
    session.app.processEvents()
    busy = _page_downs(
        session,
        args.trials,
        first_section=1,
        pause=args.pause,
        keep_going=lambda: tasks.running("library-index"),
    )
    measured_for = time.perf_counter() - started
    tasks.cancel("library-index")
    load_after = os.getloadavg()[0]
    session.close()

    print(
        f"PageDown in 三国演义 (offscreen 1000×700), {len(quiet.samples_ms)} without and "
        f"{len(busy.samples_ms)} while the window indexed a library of {args.books} books "
        f"({size / 1e6:.1f} MB; {measured_for:.1f} s of indexing meanwhile, "
        f"{indexed[0]} of {indexed[1]} books done), a PageDown every {args.pause:g} s; load average "
        f"{load_before:.1f} at the start, {load_after:.1f} at the end; sources {SRC}\n"
    )
    print(
        "| PageDown inside a chapter | median ms | p95 ms | slowest ms | target "
        "| UI thread's own CPU: median, p95 ms |"
    )
    print("|---|---:|---:|---:|---|---|")
    for label, result in (
        ("nothing in the background (reference)", quiet),
        ("while indexing", busy),
    ):
        values = result.samples_ms
        if not values:
            print(f"| {label} | – | – | – | indexing ended before a page was turned |")
            continue
        verdict = "**PASS**" if _p95(values) < TARGET_MS else "**FAIL**"
        cpu = result.paint_ms
        print(
            f"| {label} | {statistics.median(values):.1f} | {_p95(values):.1f} | "
            f"{max(values):.1f} | p95 < {TARGET_MS:.0f} ms {verdict} "
            f"| {statistics.median(cpu):.1f}, {_p95(cpu):.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
