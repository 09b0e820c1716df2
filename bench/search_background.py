"""Search work in the background of the window, and what the reader feels of it
(issue 11 §5): PageDown timings while the library index is built and while a
big book's text is made ready to search, next to PageDown with nothing in the
background in the same window; the indexing rate in the window; the first
search in a 10 MB book just opened once its text was made in the background,
and in a book searched in an earlier session.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/search_background.py [--library-mb 20]

One window (offscreen, 1000×700) on a fresh READMARK_HOME, the 10 MB Chinese
Markdown book open (bench/books.py, as bench/run.py makes it); a library of
`--library-mb` MB of 0.5 MB books, half Chinese, half English, never opened.
Each PageDown is timed until the new page is laid out and painted
(bench/interact.py); medians and maxima of 40.

Prints a Markdown table; writes it to bench/results-search-background.md.

`--skip-index` leaves out the library index (only the open book's text made in the
background); `--src DIR` runs another tree's sources (e.g. main's worktree's src)
with this same bench, to measure the two side by side.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "src"))
if "--src" in sys.argv:  # another tree's sources, before anything of Readmark is imported
    sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1])

import books  # noqa: E402

SCROLL_MS = 30.0  # the target: the reader keeps scrolling under 30 ms a page
TRIALS = 40


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def scrolls(session, trials: int, busy=lambda: True) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    """PageDown `trials` times (fewer if `busy()` turns false first); the times in
    ms and how many were taken while `busy()` held."""
    from interact import OpResult

    result = OpResult("scroll")
    during = 0
    reader = session.reader
    bar = reader.verticalScrollBar()
    section = reader.section
    while len(result.samples_ms) < trials:
        if bar.value() + 2 * reader.viewport().height() >= bar.maximum():
            section += 1
            reader.go_to(section, remember=False)
            session.settle()
            continue
        was_busy = busy()
        session._timed(result, lambda: reader.scroll_page(+1))  # noqa: SLF001 - the bench's own
        during += was_busy
        session.app.processEvents()
        time.sleep(0.05)  # a reader pressing PageDown, not a key held down
    return result.samples_ms, during


def row(what: str, samples: list[float], note: str = "") -> str:
    median, worst = statistics.median(samples), max(samples)
    verdict = "**PASS**" if median < SCROLL_MS else "**FAIL**"
    return (
        f"| {what} | {median:.1f} | {worst:.1f} | {len(samples)} | "
        f"< {SCROLL_MS:.0f} ms (median): {verdict} | {note} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library-mb", type=float, default=20.0)
    parser.add_argument("--revision", default="", help="its name, when not in a git checkout")
    parser.add_argument("--out", type=Path, default=BENCH / "results-search-background.md")
    parser.add_argument("--skip-index", action="store_true")
    parser.add_argument("--src", type=Path, help="another tree's src to measure")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="readmark-bench-background-")
    os.environ["READMARK_HOME"] = home
    load = os.getloadavg()
    folder = Path(home) / "books"
    folder.mkdir()
    big = folder / "zh-10MB.md"
    big.write_text(books.generate("zh", 10_000_000), encoding="utf-8")
    count = 0 if args.skip_index else int(args.library_mb * 2)
    library_books = []
    for n in range(count):
        language = "zh" if n % 2 == 0 else "en"
        path = folder / f"{language}-{n:03d}.md"
        path.write_text(books.generate(language, 500_000, seed=100 + n), encoding="utf-8")
        library_books.append(path)

    try:
        from readmark.ui.shell import search_warmer
    except ImportError:  # a revision before it (the reference)
        pass
    else:
        search_warmer.DELAY_MS = 24 * 3600 * 1000  # started by hand below, not by the timer
    from interact import Session

    from readmark import paths
    from readmark.core.operations.library_books import add_books
    from readmark.core.search.index import SearchIndex

    session = Session(big, "zh", home)
    window, app = session.window, session.app
    add_books(window.library, library_books)
    rows: list[str] = []

    log("PageDown, nothing in the background")
    session.settle()
    session.idle()
    quiet, _ = scrolls(session, TRIALS)
    rows.append(row("nothing in the background (reference, same window)", quiet))

    if args.skip_index:
        return warming_rows(args, load, rows, session, window, app, big, home)
    log("PageDown while the library index is built")
    finder = window.library_finder.search
    started = time.perf_counter()
    finder.update_index()
    indexing = lambda: window.tasks.running("library-index")  # noqa: E731
    during_index, taken = scrolls(session, TRIALS, indexing)
    while indexing():
        app.processEvents()
        time.sleep(0.01)
    index_s = time.perf_counter() - started
    index = SearchIndex(paths.search_index())
    _chars, text_bytes = index.sizes()
    index.close()
    rows.append(
        row(
            "while the library index is built (2 processes at the lowest priority, "
            "the storing thread)",
            during_index,
            f"{taken} of them while indexing; {text_bytes / 1e6:.1f} MB of text indexed in "
            f"{index_s:.1f} s: **{text_bytes / 1e6 / index_s:.1f} MB/s** in the window",
        )
    )

    return warming_rows(args, load, rows, session, window, app, big, home)


def warming_rows(args, load, rows, session, window, app, big, home) -> int:  # type: ignore[no-untyped-def]
    log("PageDown while the open book's text is made ready to search")
    if not hasattr(window, "search_warmer"):  # a revision before it (the reference)
        rows.append(
            "| while the open book's text is made ready to search | — | — | — | — | no such work in this revision |"
        )
        return finish(args, load, rows, session, window, app, big, home)
    from readmark.core.search.saved_text import NAME

    book = window.reader.book
    assert book is not None and window.cache is not None
    key = book.cache_key
    started = time.perf_counter()
    window.search_warmer.start_now()
    warming = lambda: not window.cache.has_blob(key, NAME)  # noqa: E731
    during_warm, taken = scrolls(session, TRIALS, warming)
    while warming() and window.tasks.running("search-warm"):
        app.processEvents()
        time.sleep(0.01)
    if warming():
        raise RuntimeError("the text-making process ended without saving the text")
    warm_s = time.perf_counter() - started
    rows.append(
        row(
            "while the open 10 MB book's text is made ready to search (processes at "
            "the lowest priority)",
            during_warm,
            f"{taken} of them while it ran; done {warm_s:.1f} s after it started",
        )
    )

    return finish(args, load, rows, session, window, app, big, home)


def finish(args, load, rows, session, window, app, big, home) -> int:  # type: ignore[no-untyped-def]
    """The first searches, then the table."""
    from interact import Session

    made = hasattr(window, "search_warmer")

    def first_search() -> tuple[float, float, int]:
        from PySide6.QtCore import QPoint

        window.menu_actions.find.trigger()
        deadline = time.perf_counter() + 0.2  # Ctrl+F, then the typing pause
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.002)
        controller = window.finder
        finished: list[float] = []
        controller.searched.connect(lambda: finished.append(time.perf_counter()))
        field = controller.panel.field
        blocked = field.blockSignals(True)
        field.setText("的")
        field.blockSignals(blocked)
        results = controller.panel.results
        corner = QPoint(8, 8)
        started = time.perf_counter()
        controller.search_now()
        while not results.indexAt(corner).isValid():
            app.processEvents()
        results.viewport().repaint()
        first = time.perf_counter() - started
        while not finished:
            app.processEvents()
            time.sleep(0.0005)
        results.viewport().repaint()
        return first, time.perf_counter() - started, controller.model.hits.total

    log("first search after the background work (if any)")
    first, whole, hits = first_search()
    searches = [
        "| the book just opened"
        + (", its text made in the background meanwhile" if made else ", nothing converted before")
        + " | "
        f"{first * 1000:.1f} | {whole * 1000:.1f} | {hits:,} |"
    ]
    session.close()

    log("first search in the book opened again in a new window")
    again = Session(big, "zh", home)
    window, app = again.window, again.app
    first, whole, hits = first_search()
    searches.append(
        f"| the book searched in an earlier session, opened again | "
        f"{first * 1000:.1f} | {whole * 1000:.1f} | {hits:,} |"
    )
    again.close()

    tree = args.src.parent if args.src else BENCH.parent
    revision = args.revision or os.popen(f"git -C {tree} rev-parse --short HEAD").read().strip()
    lines = [
        f"Search in the background: revision {revision}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}; {os.cpu_count()} cores, load "
        f"{load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; "
        f"Python {platform.python_version()}.",
        "",
        "| PageDown in the 10 MB Chinese book | median ms | max ms | n | target | |",
        "|---|---:|---:|---:|---|---|",
        *rows,
        "",
        "| first search (的) in the 10 MB Chinese book, 0.2 s after Ctrl+F | "
        "first results painted, ms | whole book, ms | hits |",
        "|---|---:|---:|---:|",
        *searches,
    ]
    table = "\n".join(lines)
    print(table)
    args.out.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
