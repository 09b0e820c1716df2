"""Readmark opening and reading benchmark (a benchmark, not a test: it never fails a build).

Run from the repository root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py           # full run, ~1–3 min
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py --quick   # 0.3 and 3 MB, 1 repetition

What it does:

1. Generates seeded, deterministic Markdown books (bench/books.py) in a temporary
   folder: Chinese and English, ~0.3, ~3 and ~10 MB, chapters of 20–40 KB with
   `##` sub-headings, emphasis, footnotes and lists. The real sample book
   ../shared/books/000_25b2869f1a30fd56.txt (29 KB) is the baseline row when present.
   Also a Chinese `.txt` novel as big as the biggest book, in GB18030 (bare
   `第N章` lines, full-width indents; `books.generate_novel`): detection of its
   encoding and chapters is part of what is timed.
2. For every book, spawns `.venv/bin/python -m readmark BOOK --smoke-test` and
   measures from outside (time.perf_counter() before Popen until the child prints
   its `timings` line) the time to the first painted screen of text. "navigable"
   (book loaded, TOC built) is that wall time minus the in-process gap between
   the child's own `navigable` and `first_paint` marks. Peak RSS is the child's
   ru_maxrss from os.wait4() (on Linux a child's ru_maxrss includes its parent's
   peak at exec time, so this process stays small — books are generated and the
   reference is run in child processes — until every reader child has run;
   /proc/PID/status VmHWM, polled, cross-checks it), and its CPU time too (less
   sensitive to a busy machine). Each book is opened cold (a fresh READMARK_HOME:
   empty render cache and library) and then re-opened (same READMARK_HOME: warm
   cache and library). Each is repeated (3 times by default); medians are reported,
   with the spread. One untimed open first warms the OS file cache.
3. Reference points measured in the same run: markdown.markdown() over the whole
   file (default extensions, and Readmark's extension set), in a child process
   (bench/mdref.py), median of 3; and floors spawned like the reader: a bare
   interpreter; interpreter + import PySide6.QtWidgets + QApplication; that plus
   showing and painting an empty QMainWindow; and plus import readmark.ui.shell.main_window.
4. In-process interaction timings (bench/interact.py) on the largest Chinese and
   English books: TOC jump to a far chapter (not yet converted, then again with the
   render cache warm), scrolling a page, flowing into the next chapter (after the
   prefetch has finished, and right away), flowing back into the previous chapter
   (which must land at its end), resizing the window; median and max over 20 trials.
5. Annotations (bench/annotations.py; `--no-annotations` skips it): the 3 MB books
   with 10,000 highlights seeded through the core API: opening from process start
   with and without them, scrolling a page among 1,500 highlights, adding one.
6. Prints Markdown tables with the targets and PASS/FAIL, and writes them to
   bench/results.md (bench/results-quick.md with --quick).

For where the time of one open goes, step by step: bench/phases.py BOOK.

Everything runs offscreen (QT_QPA_PLATFORM=offscreen unless set) on throwaway
READMARK_HOME folders; nothing touches the user's real settings, library or cache.
Progress goes to stderr, the report to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the real one. Kept by name: the in-process sessions point READMARK_HOME elsewhere.
BENCH_HOME = os.environ["READMARK_HOME"] = tempfile.mkdtemp(prefix="readmark-bench-home-")

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "src"))

VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
SAMPLE_BOOK = ROOT.parent / "shared" / "books" / "000_25b2869f1a30fd56.txt"
CHILD_TIMEOUT_S = 120

# Targets (seconds / MB / ms).
FIRST_SCREEN_BIG_MAX = 1.0
FIRST_SCREEN_BIG_VS_SAMPLE = 1.5
REOPEN_MAX = 0.5
SMALL_FIRST_SCREEN_MAX = 0.75
PEAK_RSS_BIG_MAX_MB = 250
INTERACTION_MAX_MS = 100


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- books


@dataclass
class BookSpec:
    label: str
    path: Path
    language: str  # "zh" or "en"
    nominal_mb: float | None  # None for the real sample book
    kind: str = "markdown"  # or "text": a .txt novel, no Markdown reference
    size_bytes: int = 0
    sections: int = 0
    toc_entries: int = 0


def make_books(folder: Path, sizes_mb: list[float]) -> list[BookSpec]:
    """Generated in a child process (bench/books.py), so this process stays small."""
    argv = [PYTHON, str(BENCH / "books.py"), str(folder), "--sizes", *map(str, sizes_mb)]
    argv += ["--sample", str(SAMPLE_BOOK), "--novel", str(max(sizes_mb))]
    if not SAMPLE_BOOK.is_file():
        log(f"note: {SAMPLE_BOOK} is absent; no baseline row")
    done = subprocess.run(
        argv,
        env=child_env(folder / "gen-home"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"generating the books failed:\n{done.stderr[-3000:]}")
    specs = []
    for item in json.loads(done.stdout):
        item["path"] = Path(item["path"])
        specs.append(BookSpec(**item))
    return specs


# ----------------------------------------------------------------------------- spawning


@dataclass
class Run:
    first_screen: float  # wall seconds from before Popen until the timings line
    navigable: float  # wall seconds, derived (see module docstring)
    in_first_paint: float  # the child's own first_paint mark
    in_navigable: float
    peak_rss_mb: float
    cpu_s: float  # user + system CPU of the whole child, to its exit (less load-sensitive)
    exit_code: int


class _HighWaterPoller(threading.Thread):
    """Reads the child's VmHWM from /proc every few ms: a cross-check of ru_maxrss."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.path = Path(f"/proc/{pid}/status")
        self.peak_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                for line in self.path.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kib = max(self.peak_kib, int(line.split()[1]))
                        break
            except (OSError, ValueError):
                return
            self.stop.wait(0.005)


CROSS_CHECKS: list[str] = []


def _spawn(
    argv: list[str], env: dict[str, str], marker: str
) -> tuple[float, str, float, float, int, str]:
    """Spawn, return (seconds until a stdout line starting with `marker`, that line,
    peak RSS in MB, CPU seconds, exit code, stderr).

    Peak RSS is ru_maxrss from os.wait4(). On Linux it also counts the parent's
    peak RSS at exec time (the kernel carries the old address space's high-water
    mark into the child), which is why this process keeps itself small until all
    children have run; /proc/PID/status VmHWM, polled, is the cross-check.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=err, env=env, cwd=ROOT, text=True, encoding="utf-8"
        )
        watchdog = threading.Timer(CHILD_TIMEOUT_S, proc.kill)
        watchdog.start()
        poller = _HighWaterPoller(proc.pid)
        poller.start()
        elapsed = float("nan")
        found = ""
        assert proc.stdout is not None
        for line in proc.stdout:
            if not found and line.startswith(marker):
                elapsed = time.perf_counter() - start
                found = line
        _pid, status, usage = os.wait4(proc.pid, 0)
        watchdog.cancel()
        poller.stop.set()
        poller.join()
        own_peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if (
            poller.peak_kib
            and usage.ru_maxrss > 1.1 * own_peak_kib
            and abs(usage.ru_maxrss - poller.peak_kib) > 0.1 * poller.peak_kib
        ):
            CROSS_CHECKS.append(
                f"{Path(argv[-2] if len(argv) > 2 else argv[-1]).name}: ru_maxrss "
                f"{usage.ru_maxrss / 1024:.0f} MB vs polled VmHWM {poller.peak_kib / 1024:.0f} MB"
            )
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        err.seek(0)
        stderr = err.read()
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, found, usage.ru_maxrss / 1024, cpu, proc.returncode, stderr  # ru_maxrss: KiB


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["READMARK_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def open_in_reader(book: Path, home: Path) -> Run:
    elapsed, line, rss, cpu, code, stderr = _spawn(
        [PYTHON, "-m", "readmark", str(book), "--smoke-test"], child_env(home), "timings "
    )
    if not line:
        raise RuntimeError(f"smoke test of {book.name} failed (exit {code}):\n{stderr[-2000:]}")
    marks = json.loads(line[len("timings ") :])
    gap = marks["first_paint"] - marks["navigable"]
    return Run(elapsed, elapsed - gap, marks["first_paint"], marks["navigable"], rss, cpu, code)


FLOORS = {
    "bare interpreter (`python -c pass`)": "print('ready', flush=True)",
    "interpreter + import PySide6.QtWidgets + QApplication": (
        "import sys\nfrom PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\nprint('ready', flush=True)"
    ),
    "… + show an empty QMainWindow and paint it": (
        "import sys\nfrom PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser\n"
        "app = QApplication(sys.argv[:1])\n"
        "class View(QTextBrowser):\n"
        "    def paintEvent(self, event):\n"
        "        super().paintEvent(event)\n"
        "        print('ready', flush=True)\n"
        "        QTimer.singleShot(0, app.quit)\n"
        "w = QMainWindow(); w.setCentralWidget(View()); w.resize(1100, 760); w.show()\n"
        "app.exec()"
    ),
    "… + import readmark.ui.shell.main_window (no window)": (
        "import sys\nfrom PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\nimport readmark.ui.shell.main_window\n"
        "print('ready', flush=True)"
    ),
}


def measure_floor(code: str, home: Path) -> tuple[float, float]:
    elapsed, line, rss, _cpu, exit_code, stderr = _spawn(
        [PYTHON, "-c", code], child_env(home), "ready"
    )
    if not line:
        raise RuntimeError(f"floor probe failed (exit {exit_code}):\n{stderr[-2000:]}")
    return elapsed, rss


# ----------------------------------------------------------------------------- reference


def markdown_reference(path: Path, reps: int, home: Path) -> tuple[float, float]:
    """Median seconds of markdown.markdown() over the whole file (bench/mdref.py)."""
    done = subprocess.run(
        [PYTHON, str(BENCH / "mdref.py"), str(path), str(reps)],
        env=child_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"markdown reference failed:\n{done.stderr[-3000:]}")
    values = json.loads(done.stdout)
    return values["plain"], values["extended"]


# ----------------------------------------------------------------------------- report


@dataclass
class BookResult:
    spec: BookSpec
    cold: list[Run] = field(default_factory=list)
    warm: list[Run] = field(default_factory=list)
    md_plain: float = float("nan")
    md_extended: float = float("nan")

    def med(self, runs: list[Run], attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in runs)


def s(value: float) -> str:
    return "—" if value != value else f"{value:.3f} s"  # NaN: not measured


def mb(value: float) -> str:
    return f"{value:.0f} MB"


def size_label(n: int) -> str:
    return f"{n / 1_000_000:.2f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**FAIL**"


def environment_lines(reps: int, load_at_start: str) -> list[str]:
    import markdown

    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "?"
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        revision = head + (" + uncommitted changes in src/" if dirty else "")
    except OSError:
        revision = "?"
    load = (
        f"{load_at_start} at the start, "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
        + " at the end"
    )
    return [
        f"- Date: {time.strftime('%Y-%m-%d %H:%M')}; revision {revision}",
        f"- Python {platform.python_version()}, PySide6 {pyside}, Markdown {markdown.__version__}; "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, load average {load}; "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}",
        f"- Medians of {reps} run{'s' if reps != 1 else ''}; every time is wall time measured "
        "outside the reader process, from before spawning it, unless it says otherwise.",
    ]


def open_table(results: list[BookResult]) -> list[str]:
    rows = [
        "| book | size | sections / TOC entries | first screen (cold) | first screen (re-open) "
        "| navigable (cold) | in-process first paint (cold / re-open) | peak RSS (cold / re-open) "
        "| CPU to exit (cold) | `markdown.markdown()` whole file | … with Readmark's extensions |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rows.append(
            f"| {r.spec.label} | {size_label(r.spec.size_bytes)} "
            f"| {r.spec.sections} / {r.spec.toc_entries} "
            f"| {s(r.med(r.cold, 'first_screen'))} {spread(r.cold)} "
            f"| {s(r.med(r.warm, 'first_screen'))} {spread(r.warm)} "
            f"| {s(r.med(r.cold, 'navigable'))} "
            f"| {s(r.med(r.cold, 'in_first_paint'))} / {s(r.med(r.warm, 'in_first_paint'))} "
            f"| {mb(r.med(r.cold, 'peak_rss_mb'))} / {mb(r.med(r.warm, 'peak_rss_mb'))} "
            f"| {s(r.med(r.cold, 'cpu_s'))} | {s(r.md_plain)} | {s(r.md_extended)} |"
        )
    return rows


def spread(runs: list[Run]) -> str:
    if len(runs) < 2:
        return ""
    values = [r.first_screen for r in runs]
    return f"<sub>({min(values):.2f}–{max(values):.2f})</sub>"


def floor_table(floors: dict[str, tuple[float, float]]) -> list[str]:
    rows = ["| floor (spawned like the reader) | time to ready | peak RSS¹ |", "|---|---:|---:|"]
    for name, (elapsed, rss) in floors.items():
        rows.append(f"| {name} | {s(elapsed)} | {mb(rss)} |")
    return rows


def interaction_table(per_book: list[tuple[BookSpec, list]]) -> list[str]:  # type: ignore[type-arg]
    rows = [
        "| book | operation | median ms | max ms | of which repaint (median ms) | n | target |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for spec, ops in per_book:
        for op in ops:
            if op.target_ms is None:
                target = "—"
            else:
                target = f"< {op.target_ms:.0f} ms (median) {verdict(op.median < op.target_ms)}"
                if op.max >= op.target_ms:
                    target += f"; max over {op.target_ms:.0f} ms"
            note = f" ({op.note})" if op.note else ""
            rows.append(
                f"| {spec.label} | {op.name}{note} | {op.median:.1f} | {op.max:.1f} "
                f"| {op.paint_median:.1f} | {len(op.samples_ms)} | {target} |"
            )
    return rows


def target_lines(results: list[BookResult], per_book) -> list[str]:  # type: ignore[no-untyped-def]
    lines: list[str] = []
    by_label = {r.spec.label: r for r in results}
    sample = next((r for r in results if r.spec.nominal_mb is None), None)
    generated = [r for r in results if r.spec.nominal_mb is not None]
    biggest = max(r.spec.nominal_mb for r in generated)
    sample_first = sample.med(sample.cold, "first_screen") if sample else None

    if sample is not None:
        value = sample_first
        lines.append(
            f"- Sample book first screen (cold) well under {SMALL_FIRST_SCREEN_MAX} s: "
            f"{s(value)} ({value / SMALL_FIRST_SCREEN_MAX:.0%} of the budget) "
            f"{verdict(value < SMALL_FIRST_SCREEN_MAX)}"
        )
    for r in generated:
        if r.spec.nominal_mb == 3:
            value = r.med(r.cold, "first_screen")
            lines.append(
                f"- {r.spec.label} first screen (cold) < {SMALL_FIRST_SCREEN_MAX} s: {s(value)} "
                f"{verdict(value < SMALL_FIRST_SCREEN_MAX)}"
            )
    for r in generated:
        if r.spec.nominal_mb != biggest:
            continue
        value = r.med(r.cold, "first_screen")
        ok = value < FIRST_SCREEN_BIG_MAX
        detail = f"< {FIRST_SCREEN_BIG_MAX} s"
        if sample_first:
            ratio = value / sample_first
            ok = ok and ratio <= FIRST_SCREEN_BIG_VS_SAMPLE
            detail += f" and ≤ {FIRST_SCREEN_BIG_VS_SAMPLE}× the sample book: {ratio:.2f}×"
        lines.append(f"- {r.spec.label} first screen (cold) {detail}: {s(value)} {verdict(ok)}")
        rss = r.med(r.cold, "peak_rss_mb")
        lines.append(
            f"- {r.spec.label} peak memory (cold) < {PEAK_RSS_BIG_MAX_MB} MB: {mb(rss)} "
            f"{verdict(rss < PEAK_RSS_BIG_MAX_MB)}"
        )
    for r in results:
        value = r.med(r.warm, "first_screen")
        lines.append(
            f"- {r.spec.label} re-open first screen < {REOPEN_MAX} s: {s(value)} "
            f"{verdict(value < REOPEN_MAX)}"
        )
    for spec, ops in per_book:
        for op in ops:
            if op.target_ms is not None:
                lines.append(
                    f"- {spec.label}: {op.name} < {op.target_ms:.0f} ms: "
                    f"median {op.median:.1f} ms, "
                    f"max {op.max:.1f} ms {verdict(op.median < op.target_ms)}"
                )
    del by_label
    return lines


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="only 0.3 and 3 MB books, 1 repetition"
    )
    parser.add_argument(
        "--reps", type=int, help="repetitions per measurement (default 3; 1 with --quick)"
    )
    parser.add_argument(
        "--trials", type=int, help="interaction trials per operation (default 20; 5 with --quick)"
    )
    parser.add_argument(
        "--no-interaction", action="store_true", help="skip the in-process interaction timings"
    )
    parser.add_argument(
        "--no-annotations",
        dest="annotations",
        action="store_false",
        help="skip the 10,000-highlight annotation timings (bench/annotations.py)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated books and homes")
    parser.add_argument(
        "--output", type=Path, help="where to write the report (default bench/results.md)"
    )
    args = parser.parse_args(argv)

    reps = args.reps or (1 if args.quick else 3)
    trials = args.trials or (5 if args.quick else 20)
    sizes = [0.3, 3.0] if args.quick else [0.3, 3.0, 10.0]
    output = args.output or BENCH / ("results-quick.md" if args.quick else "results.md")

    work = Path(tempfile.mkdtemp(prefix="readmark-bench-"))
    load_at_start = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        log(f"generating books in {work} …")
        specs = make_books(work, sizes)
        results = [BookResult(spec) for spec in specs]

        log("warming up (one untimed open, so no timed run pays for a cold disk cache) …")
        for code in FLOORS.values():
            measure_floor(code, work / "floor-home")
        warm_home = work / "warm-up-home"
        warm_home.mkdir()
        open_in_reader(specs[0].path, warm_home)
        own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        log(f"benchmark process peak RSS so far: {own_peak:.0f} MB")
        floors_runs: dict[str, list[tuple[float, float]]] = {name: [] for name in FLOORS}
        for rep in range(reps):
            for name, code in FLOORS.items():
                floors_runs[name].append(measure_floor(code, work / "floor-home"))
            for r in results:
                home = work / f"home-{rep}-{r.spec.path.stem}"
                shutil.rmtree(home, ignore_errors=True)
                home.mkdir()
                r.cold.append(open_in_reader(r.spec.path, home))
                r.warm.append(open_in_reader(r.spec.path, home))
                log(
                    f"[{rep + 1}/{reps}] {r.spec.label}: cold {s(r.cold[-1].first_screen)}, "
                    f"re-open {s(r.warm[-1].first_screen)}, peak {mb(r.cold[-1].peak_rss_mb)}"
                )
        floors = {
            name: (statistics.median(e for e, _ in runs), statistics.median(m for _, m in runs))
            for name, runs in floors_runs.items()
        }

        for r in results:
            if r.spec.kind != "markdown":
                continue  # NaN: shown as "—"
            log(f"markdown.markdown() on {r.spec.label} …")
            r.md_plain, r.md_extended = markdown_reference(
                r.spec.path, max(reps, 1), work / "md-home"
            )

        annotation_bench = None
        if args.annotations:
            import annotations as annotation_module

            three = [spec for spec in specs if spec.nominal_mb == 3.0]
            annotation_bench = annotation_module.AnnotationBench(
                [(spec.label, spec.path, spec.language) for spec in three],
                work,
                reps,
                trials,
                PYTHON,
                child_env,
                open_in_reader,
            )
            log("annotations: seeding 10,000 highlights per 3 MB book …")
            annotation_bench.seed()
            annotation_bench.spawned_opens()  # spawned while this process is still small

        per_book: list[tuple[BookSpec, list]] = []  # type: ignore[type-arg]
        if not args.no_interaction:
            import interact

            biggest = max(spec.nominal_mb or 0 for spec in specs)
            for spec in specs:
                if spec.nominal_mb == biggest:
                    log(f"interaction timings on {spec.label} ({trials} trials each) …")
                    per_book.append(
                        (spec, interact.run_interactions(spec.path, spec.language, trials))
                    )

        report = ["## Opening books", ""]
        report += environment_lines(reps, load_at_start) + [""]
        report += open_table(results) + [""]
        report += [
            '"first screen": from spawning `python -m readmark BOOK --smoke-test` until the '
            'first screen of text has been painted. "navigable": the book is loaded and its '
            'table of contents built. "cold": fresh READMARK_HOME (empty render cache and '
            'library); "re-open": the same home again. The in-process column is the reader\'s '
            "own mark, counted from `run_gui()`, so it leaves out interpreter start and imports. "
            "`markdown.markdown()` converts the whole file in one call, in a separate "
            "process: the cost Readmark avoids by converting one chapter at a time. Small "
            'figures (min–max) under a time are the spread of its runs. "CPU to exit": the '
            "child's user + system time up to its exit, all threads; less sensitive to a busy "
            "machine than wall time.",
            "",
        ]
        report += floor_table(floors) + [""]
        report += [
            f"¹ Peak RSS is the child's ru_maxrss from os.wait4(); on Linux it cannot be lower "
            f"than the benchmark process's own peak at spawn time ({own_peak:.0f} MB here), which "
            "is all the bare interpreter row shows.",
            "",
        ]
        if per_book:
            report += ["## Reading", ""]
            report += interaction_table(per_book) + [""]
            report += [
                "In process, offscreen, window 1000×700. Each time runs until the new screen is "
                "laid out and painted (processEvents, documentLayout().documentSize(), "
                "viewport().repaint()).",
                "",
            ]
        if annotation_bench is not None:
            annotation_bench.in_process()
            report += annotation_bench.report()
        report += ["## Targets", ""] + target_lines(results, per_book)
        if annotation_bench is not None:
            report += annotation_bench.target_lines()
        report += [""]
        if CROSS_CHECKS:
            report += [
                "Peak RSS cross-check disagreements (ru_maxrss vs polled VmHWM, > 10 %):",
                "",
            ]
            report += [f"- {line}" for line in CROSS_CHECKS] + [""]

        text = "\n".join(report)
        print(text)
        output.write_text(text, encoding="utf-8")
        log(f"written to {output}")
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
            shutil.rmtree(BENCH_HOME, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
