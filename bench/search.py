"""In-book search on 10 MB Chinese books: Readmark's search next to the bare
`str.find` and `re` over the same text, measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/search.py [--reps 7]

Books are made as bench/run.py makes its big books (bench/books.py, seeded):
the 10 MB Chinese Markdown book (`generate("zh", 10 MB)`: chapters of 20–40 KB)
and the 10 MB GB18030 `.txt` novel (`generate_novel`: 1,136 `第…章` chapters).

What is measured, for each book:

1. The core, without Qt: reading the folding table from disk (once per process;
   the shipped copy) and building it instead (when no stored copy fits); making
   every section's text ready to search from nothing (converting each section,
   `html_to_text`, folding: what the first search of a book opened for the first
   time costs) and from the render cache (a book whose chapters were converted
   before); then, the text ready, a whole-book search per query, against the
   references over the very same section texts: a `str.find` loop over every
   section (all occurrences) and `re.finditer` of the escaped query — neither
   folds anything, so they find only the exact spelling.
2. The window, in process, offscreen (a real MainWindow, the book open at its
   first chapter): from the moment the typing pause ends (the debounce timer
   fires: `SearchController.search_now`) until the first results are in the list
   and painted, and until the whole book is searched (`searched`), once with
   the book's text not prepared (the panel opened and the query typed at once,
   or 0.2 s after Ctrl+F) and then warm (medians of `--reps`); and Ctrl+F itself,
   until the panel's field is painted.

Prints Markdown tables; writes them to bench/results-search.md.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/search.py --after-open \
        [--reference /work/wt/base/src] [--reps 3]

3. The whole book searched in a book never opened before (a fresh home each time,
   a fresh process), the query typed at once after the first screen, and 1, 2 and
   3 s after it: from the book's first screen (`book_shown`), the window left to
   itself (its background work included) until the search starts, then from
   `search_now` until the whole book is searched. With `--reference`, the same
   runs with that tree's sources (e.g. main's worktree), interleaved run by run;
   the table gives medians and ranges, and the load average. Written to
   bench/results-search-after-open.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["READMARK_HOME"] = tempfile.mkdtemp(prefix="readmark-bench-search-")

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "src"))

import books  # noqa: E402  (bench/books.py, after the path is set)

FIRST_RESULTS_MS = 50.0  # targets from issue 11
WHOLE_BOOK_MS = 300.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def timed(action: Callable[[], object], reps: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(reps):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return times, result


def make_books(folder: Path) -> list[tuple[str, Path]]:
    markdown = folder / "zh-10MB.md"
    markdown.write_text(books.generate("zh", 10_000_000), encoding="utf-8")
    novel = folder / "zh-novel-10MB.txt"
    novel.write_bytes(books.generate_novel(10_000_000).encode("gb18030"))
    return [("Chinese 10 MB (Markdown)", markdown), ("Chinese .txt novel 10 MB (GB18030)", novel)]


def queries_for(texts: list[str]) -> list[tuple[str, str, dict[str, bool]]]:
    """(label, query, options): one, two and four characters, a Traditional
    query over the Simplified text, a regular expression, one found nowhere."""
    middle = texts[len(texts) // 2]
    four = next(middle[i : i + 4] for i in range(200, len(middle)) if middle[i : i + 4].isalpha())
    return [
        ("one character 的", "的", {}),
        ("two characters 中国", "中国", {}),
        (f"four characters {four} (from the book)", four, {}),
        ("Traditional 國家 (the book has 国家)", "國家", {}),
        ("regular expression 第.{1,3}章", "第.{1,3}章", {"regex": True}),
        ("found nowhere 不存在的句子", "不存在的句子", {}),
    ]


def core_rows(label: str, path: Path, reps: int) -> tuple[list[str], list[tuple[str, float]]]:
    from readmark.core.formats import open_book
    from readmark.core.render_cache import RenderCache
    from readmark.core.search import folding
    from readmark.core.search.book_text import BookText
    from readmark.core.search.in_book import search_book
    from readmark.core.search.query import Query, compile_query

    rows: list[str] = []
    checks: list[tuple[str, float]] = []
    book = open_book(path)
    count = len(book.sections)

    started = time.perf_counter()
    folding.table(False)  # read from disk (the shipped table), else built and kept
    table_s = time.perf_counter() - started
    started = time.perf_counter()
    folding.table(True)
    case_table_s = time.perf_counter() - started
    started = time.perf_counter()
    folding.build(False)  # what the first search of a process waited for before
    build_s = time.perf_counter() - started

    # As the search makes it: each section's text alone where the renderer can
    # (`Book.section_text`; revisions before it: from the HTML); a literal query
    # matches it unfolded (`Matcher.find_unfolded`; revisions before it folded it
    # first, so with them this row includes the folding), a regular expression
    # folds it (the next row).
    text_of = book.section_text if hasattr(book.renderer, "text") else None
    cold = BookText(count, book.section_html, text_of=text_of)
    unfolded = hasattr(compile_query(Query("的")), "find_unfolded")
    started = time.perf_counter()
    for index in range(count):
        if unfolded:
            cold.text(index)
        else:
            cold.folded(index)
    cold_s = time.perf_counter() - started
    started = time.perf_counter()
    for index in range(count):
        cold.folded(index)
    fold_s = time.perf_counter() - started if unfolded else 0.0
    cache = RenderCache(Path(tempfile.mkdtemp(prefix="readmark-bench-cache-")))
    for index in range(count):
        cache.put(book.cache_key, index, book.section_html(index))

    def from_cache(index: int) -> str:
        return cache.get(book.cache_key, index) or ""

    cached = BookText(count, from_cache)
    started = time.perf_counter()
    for index in range(count):
        if unfolded:
            cached.text(index)
        else:
            cached.folded(index)
    cached_s = time.perf_counter() - started
    from readmark.core.search.saved_text import SavedText

    # A book searched before: its text saved (what the first search keeps), then
    # read back and every section's folded text made ready, as the next search does.
    # (Revisions before 2026-12-07's saved the folded text too, and read it back.)
    if unfolded:
        SavedText(cache, book.cache_key).save([cold.text(i) for i in range(count)])
    else:
        SavedText(cache, book.cache_key).save(
            [cold.text(i) for i in range(count)], [cold.folded(i) for i in range(count)]
        )
    saved_size = sum(f.stat().st_size for f in (cache.root / book.cache_key).glob("*.bin"))
    started = time.perf_counter()
    again = BookText(count, from_cache, SavedText(cache, book.cache_key))
    again.load_saved()
    for index in range(count):
        if unfolded:
            again.text(index)
        else:
            again.folded(index)
    saved_s = time.perf_counter() - started
    texts = [cold.text(i) for i in range(count)]
    chars = sum(map(len, texts))
    rows.append(
        f"| {label} | making the text ready to search, nothing converted before "
        f"({count:,} sections, {chars:,} characters) | {ms(cold_s)} | — | — | once per opened book |"
    )
    if unfolded:
        rows.append(
            f"| {label} | folding that text too (only a regular expression needs it: a "
            f"literal query matches the text unfolded) | {ms(fold_s)} | — | — | "
            "once per opened book |"
        )
    rows.append(
        f"| {label} | making the text ready to search, chapters in the render cache "
        f"| {ms(cached_s)} | — | — | once per opened book |"
    )
    rows.append(
        f"| {label} | making the text ready to search, its text saved by an earlier search "
        f"({saved_size / 1e6:.1f} MB on disk) | {ms(saved_s)} | — | — | once per opened book |"
    )
    if table_s > 0.0001:  # the first book of the run read them
        rows.append(
            f"| {label} | the folding table, read from disk (the first search in a process) "
            f"| {ms(table_s)} | — | — | once per process |"
        )
        rows.append(
            f"| {label} | the case-kept table, read from disk (the first search with Match case) "
            f"| {ms(case_table_s)} | — | — | once per process |"
        )
        rows.append(
            f"| {label} | building the folding table instead (when no stored copy fits: "
            f"another OpenCC or Unicode, then kept in the cache) "
            f"| {ms(build_s)} | — | — | once per installation |"
        )
    for name, query_text, options in queries_for(texts):
        matcher = compile_query(Query(query_text, **options))

        def ours(matcher=matcher):  # type: ignore[no-untyped-def]
            return sum(len(h.ranges) for h in search_book(cold, matcher))

        def bare_find(needle: str = query_text) -> int:
            found = 0
            for text in texts:
                at = text.find(needle)
                while at >= 0:
                    found += 1
                    at = text.find(needle, at + len(needle))
            return found

        pattern = re.compile(query_text if options.get("regex") else re.escape(query_text))

        def bare_re(pattern: re.Pattern[str] = pattern) -> int:
            return sum(1 for text in texts for _ in pattern.finditer(text))

        our_times, our_hits = timed(ours, reps)
        find_times, find_hits = timed(bare_find, reps)
        re_times, re_hits = timed(bare_re, reps)
        median = statistics.median(our_times)
        find_cell = (
            "—" if options.get("regex") else f"{ms(statistics.median(find_times))} ({find_hits:,})"
        )
        rows.append(
            f"| {label} | whole book: {name} | {ms(median)} ({our_hits:,} hits) "
            f"| {find_cell} | {ms(statistics.median(re_times))} ({re_hits:,}) "
            f"| < {WHOLE_BOOK_MS:.0f} ms: {'**PASS**' if median * 1000 < WHOLE_BOOK_MS else '**FAIL**'} |"
        )
        checks.append((f"{label}: whole book, {name}", median * 1000))
    return rows, checks


class _PanelPainted:
    """An application event filter: when the search panel's field was first painted."""

    def __new__(cls):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            at = 0.0

            def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
                if (
                    not self.at
                    and event.type() == QEvent.Type.Paint
                    and watched.objectName() == "searchField"
                ):
                    self.at = time.perf_counter()
                return False

        return Filter()


class _FirstRowPainted:
    """A viewport's event filter: after the first paint at which `shown()` holds
    (the list's first row laid out), `then()` is called once that paint is done."""

    def __new__(cls, shown, then):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject, QTimer

        class Filter(QObject):
            done = False

            def eventFilter(self, _watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
                if not self.done and event.type() == QEvent.Type.Paint and shown():
                    self.done = True
                    QTimer.singleShot(0, then)  # once this paint is done
                return False

        return Filter()


def window_rows(label: str, path: Path, reps: int, pause: bool = True) -> list[str]:
    """The window's search: first in a book just opened (`pause`: after Ctrl+F and
    the debounce's 0.2 s, as a reader types; else at once), then warm."""
    from interact import Session
    from PySide6.QtCore import QEventLoop, QPoint, QTimer

    from readmark.core.search.query import Query

    session = Session(path, "zh")
    app, window = session.app, session.window
    rows: list[str] = []

    def run_once(query: str) -> tuple[float, float, int]:
        # The window's own event loop runs until the search is done, as in the
        # program: it sleeps until an event comes. (Before, this spun on
        # processEvents, keeping the UI thread busy, taking the interpreter from
        # the search and a core from the processes making the text.) The first
        # results count once a paint of the list shows its first row, and are
        # timed just after that paint.
        finder = window.finder
        results = finder.panel.results
        corner = QPoint(8, 8)
        loop = QEventLoop()
        marks: dict[str, float] = {}

        def first_painted() -> None:
            marks.setdefault("first", time.perf_counter())

        watch = _FirstRowPainted(lambda: results.indexAt(corner).isValid(), first_painted)
        results.viewport().installEventFilter(watch)

        def searched() -> None:
            if finder.model.rowCount():
                results.viewport().repaint()  # the list as it is then
            now = time.perf_counter()
            marks.setdefault("first", now)  # no hit: the search saying so is the first result
            marks["whole"] = now
            loop.quit()

        finder.searched.connect(searched)
        field = finder.panel.field
        blocker = field.blockSignals(True)  # typed without starting the debounce: timed below
        field.setText(query)
        field.blockSignals(blocker)
        QTimer.singleShot(120_000, loop.quit)  # a search that hangs fails below
        started = time.perf_counter()
        finder.search_now()  # what the debounce timer's timeout calls
        if "whole" not in marks:
            loop.exec()
        results.viewport().removeEventFilter(watch)
        finder.searched.disconnect(searched)
        if "whole" not in marks:
            raise RuntimeError(f"the search for {query} never finished")
        return marks["first"] - started, marks["whole"] - started, finder.model.hits.total

    assert Query("中国").text  # the module is importable before the window is
    painted = _PanelPainted()
    app.installEventFilter(painted)
    pressed = time.perf_counter()
    window.menu_actions.find.trigger()  # opens the panel (and starts preparing the text)
    if pause:
        # Ctrl+F, then the debounce alone (typing the query takes longer): the
        # folding table and the first sections are made meanwhile.
        wait = QEventLoop()
        QTimer.singleShot(200, wait.quit)
        wait.exec()
        app.removeEventFilter(painted)
        if painted.at:
            rows.append(
                f"| {label} | Ctrl+F in the book just opened: until the search panel is "
                f"painted (its room imported and built, the page laid out beside it) "
                f"| {ms(painted.at - pressed)} | — | — | — |"
            )
    else:
        app.removeEventFilter(painted)
    first, whole, hits = run_once("的")  # cancels the preparation: this search converts
    when = "0.2 s after Ctrl+F" if pause else "at once after Ctrl+F (no typing)"
    rows.append(
        f"| {label} | first search in the book just opened, nothing converted before, "
        f"{when}: 的 | {ms(first)} | {ms(whole)} | {hits:,} | < {FIRST_RESULTS_MS:.0f} ms: "
        f"{'**PASS**' if first * 1000 < FIRST_RESULTS_MS else '**FAIL**'} |"
    )
    if not pause:
        window.close()
        session.owner.close()
        return rows
    for query in ("的", "中国", "國家"):
        samples = [run_once(query) for _ in range(reps)]
        first_ms = statistics.median(s[0] for s in samples) * 1000
        whole_ms = statistics.median(s[1] for s in samples) * 1000
        rows.append(
            f"| {label} | the text ready: {query} | {first_ms:.1f} | {whole_ms:.1f} "
            f"| {samples[0][2]:,} | < {FIRST_RESULTS_MS:.0f} ms: "
            f"{'**PASS**' if first_ms < FIRST_RESULTS_MS else '**FAIL**'}; whole < "
            f"{WHOLE_BOOK_MS:.0f} ms: {'**PASS**' if whole_ms < WHOLE_BOOK_MS else '**FAIL**'} |"
        )
    window.close()
    session.owner.close()
    return rows


AFTER_DELAYS = (0.0, 1.0, 2.0, 3.0)  # seconds after the first screen


def after_open_once(path: Path, delay: float) -> dict[str, float]:
    """A fresh window on a fresh home opens `path`; `delay` s after its first screen
    the query 的 is searched; how long until the whole book was searched."""
    from interact import Session
    from PySide6.QtCore import QEventLoop, QTimer

    session = Session(None, "zh")
    app, window = session.app, session.window
    # The window's own event loop runs meanwhile, as in the program (`exec`): it
    # sleeps until an event comes. A loop of processEvents and short sleeps, as
    # this bench had before, kept the UI thread waking 2,000 times a second,
    # taking the interpreter from the search and a core from the processes that
    # make the text in the background.
    loop = QEventLoop()
    QTimer.singleShot(120_000, loop.quit)  # a run that hangs fails below, not for ever
    shown: list[float] = []

    def on_shown(_book: object) -> None:
        shown.append(time.perf_counter())
        loop.quit()

    window.book_shown.connect(on_shown)
    window.open_path(path)
    if not shown:
        loop.exec()
    if not shown:
        raise RuntimeError(f"{path} was never shown")
    until = shown[0] + delay
    if time.perf_counter() < until:  # the window left to itself meanwhile
        QTimer.singleShot(max(0, round((until - time.perf_counter()) * 1000)), loop.quit)
        loop.exec()
    finder = window.finder
    finished: list[float] = []
    window.menu_actions.find.trigger()

    def on_searched() -> None:
        finished.append(time.perf_counter())
        loop.quit()

    finder.searched.connect(on_searched)
    field = finder.panel.field
    blocker = field.blockSignals(True)
    field.setText("的")
    field.blockSignals(blocker)
    started = time.perf_counter()
    finder.search_now()
    if not finished:
        loop.exec()
    if not finished:
        raise RuntimeError(f"the search of {path} never finished")
    result = {
        "late": started - shown[0] - delay,  # how much later than asked the search began
        "whole": finished[0] - started,
        "hits": float(finder.model.hits.total),
    }
    window.close()
    deadline = time.perf_counter() + 10
    while window.tasks.running("search-warm") and time.perf_counter() < deadline:
        app.processEvents()  # its processes are ended before the next run
        time.sleep(0.01)
    session.owner.close()
    return result


def after_open_rows(
    made: list[tuple[str, Path]], reps: int, reference: Path | None, this: Path | None
) -> list[str]:
    trees = [("this", this)] + ([("reference", reference)] if reference else [])
    rows = []
    for label, path in made:
        for delay in AFTER_DELAYS:
            runs: dict[str, list[dict[str, float]]] = {name: [] for name, _src in trees}
            for _rep in range(reps):
                for name, src in trees:  # interleaved: this tree, then the reference
                    argv = [sys.executable, __file__, "--after-child", str(path), str(delay)]
                    if src is not None:
                        argv += ["--src", str(src)]
                    done = subprocess.run(argv, capture_output=True, text=True, check=False)
                    if done.returncode:
                        raise RuntimeError(done.stderr[-3000:])
                    runs[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
                    log(f"{label} +{delay:g} s {name}: {runs[name][-1]}")
            cells = []
            for name, _src in trees:
                wholes = sorted(run["whole"] for run in runs[name])
                median = statistics.median(wholes)
                cells.append(f"{ms(median)} ({ms(wholes[0])}–{ms(wholes[-1])})")
            hits = {int(run["hits"]) for name in runs for run in runs[name]}
            mine = statistics.median(run["whole"] for run in runs["this"]) * 1000
            when = "at once" if delay == 0 else f"{delay:g} s after"
            rows.append(
                f"| {label} | {when} | {' | '.join(cells)} | {', '.join(map(str, sorted(hits)))} "
                f"| < {WHOLE_BOOK_MS:.0f} ms: {'**PASS**' if mine < WHOLE_BOOK_MS else '**FAIL**'} |"
            )
    return rows


def after_open_main(reps: int, reference: Path | None, this: Path | None, output: Path) -> int:
    load_start = os.getloadavg()
    folder = Path(tempfile.mkdtemp(prefix="readmark-bench-search-books-"))
    log("making the books…")
    made = make_books(folder)
    rows = after_open_rows(made, reps, reference, this)
    load_end = os.getloadavg()
    revision = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    reference_cell = f" | reference ({reference}), ms" if reference else ""
    lines = [
        "## The whole book searched, a book never opened, the query typed soon after it opens",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M')}; this tree at {revision}"
        f"{f' (its sources as copied to {this})' if this else ''}; "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, load average "
        f"{', '.join(f'{x:.2f}' for x in load_start)} at the start, "
        f"{', '.join(f'{x:.2f}' for x in load_end)} at the end",
        f"- Medians of {reps} runs (range), each a fresh process and home, "
        "this tree and the reference alternating.",
        "",
        f"| book | query 的 typed, after the first screen | this tree, ms{reference_cell} | hits | target |",
        "|---|---|---:|" + ("---:|" if reference else "") + "---:|---|",
        *rows,
        "",
        "Timed from `search_now` (the end of the typing pause) until the search reports the "
        "whole book done; before it, the window is left to itself for the given time after "
        "its first screen (`book_shown`), its background work included.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    output.write_text(text, encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--output", type=Path, default=BENCH / "results-search.md")
    parser.add_argument("--window", nargs=2, metavar=("LABEL", "BOOK"), help=argparse.SUPPRESS)
    parser.add_argument("--no-pause", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--after-open", action="store_true")
    parser.add_argument("--reference", type=Path, help="another tree's src, for --after-open")
    parser.add_argument("--this", type=Path, help="this tree's src as another copy (a snapshot)")
    parser.add_argument("--after-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.after_child:  # a child: one run of --after-open, with the sources asked for
        if args.src is not None:
            sys.path.insert(0, str(args.src))
        book, delay = args.after_child
        print(json.dumps(after_open_once(Path(book), float(delay))))
        return 0
    if args.after_open:
        output = args.output
        if output == BENCH / "results-search.md":
            output = BENCH / "results-search-after-open.md"
        return after_open_main(args.reps, args.reference, args.this, output)
    if args.window:  # a child: the window's rows, in a fresh process
        if args.src is not None:  # another tree's sources, measured with this harness
            sys.path.insert(0, str(args.src))
        label, book = args.window
        print(json.dumps(window_rows(label, Path(book), args.reps, not args.no_pause)))
        return 0
    load_start = os.getloadavg()
    folder = Path(tempfile.mkdtemp(prefix="readmark-bench-search-books-"))
    log("making the books…")
    made = make_books(folder)
    core: list[str] = []
    window: list[str] = []
    for label, path in made:
        log(f"core: {label}")
        rows, _checks = core_rows(label, path, args.reps)
        core += rows
    for label, path in made:
        log(f"window: {label}")
        # Each in a fresh process on a fresh home (interact.Session makes one): no
        # folding table built, nothing converted before.
        for pause in (False, True):
            argv = [sys.executable, __file__, "--window", label, str(path)]
            argv += ["--reps", str(args.reps)] + ([] if pause else ["--no-pause"])
            done = subprocess.run(argv, capture_output=True, text=True, check=False)
            if done.returncode:
                raise RuntimeError(done.stderr[-3000:])
            window += json.loads(done.stdout.strip().splitlines()[-1])
    load_end = os.getloadavg()
    import opencc
    import regex

    lines = [
        "## In-book search",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M')}; Python {platform.python_version()}, "
        f"opencc {getattr(opencc, '__version__', '?')}, regex {regex.__version__}; "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, load average "
        f"{', '.join(f'{x:.2f}' for x in load_start)} at the start, "
        f"{', '.join(f'{x:.2f}' for x in load_end)} at the end",
        f"- Medians of {args.reps} runs unless it says once.",
        "",
        "### The core: Readmark's search and the bare `str.find` / `re` over the same text",
        "",
        "| book | what | Readmark, ms (hits) | `str.find` loop, ms (hits) | `re.finditer`, ms (hits) | target |",
        "|---|---|---:|---:|---:|---|",
        *core,
        "",
        "Readmark folds case, width, Latin diacritics and Traditional into Simplified, so it "
        "finds 國家 where the book has 国家; the references look for the exact spelling only "
        "(0 hits for 國家). The texts searched are the sections as the reader shows them "
        "(`readmark text`), the same for all three.",
        "",
        "### In the window: from the end of the typing pause to results on screen",
        "",
        "| book | search | first results in the list and painted, ms | whole book searched, ms | hits | target |",
        "|---|---|---:|---:|---:|---|",
        *window,
        "",
        "In process, offscreen, window 1000×700, the book open at its first chapter; timed "
        "from `SearchController.search_now()` (what the debounce timer calls when the typing "
        "pauses) until the results list has laid out its first rows and repainted them, and until the "
        "search reports the whole book done and the list has repainted again. The first row is the first search in a book just "
        "opened, whose chapters were never converted: the search converts them as it goes "
        "(the section being read first), so its first results come at once and the whole "
        "book takes as long as converting it.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
