"""Readmark opening and reading benchmark (a benchmark, not a test: it never fails a build).

Run from the repository root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py           # full run, ~3–6 min
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py --quick   # 0.3 and 3 MB, 1 repetition
    … bench/run.py --previous REV   # the revision to compare with (default c598a12; "none")

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
   The previous revision (`--previous`, default c598a12: the last commit before
   the start-up work) is unpacked with `git archive` into the work folder and its
   reader spawned the same way, from the same interpreter and venv, with
   PYTHONPATH at its src/ — interleaved with this revision's opens, so both see
   the same machine at the same moments.
   Bytecode: the children read and write their .pyc files in a cache folder of
   their own (PYTHONPYCACHEPREFIX; the untimed warm-up opens fill it), as an
   installed program runs from compiled modules, even where the environment sets
   PYTHONDONTWRITEBYTECODE (which would make the reader compile every one of its
   modules at every start, and third-party packages, compiled at install, not).
   One row opens the sample book with PYTHONDONTWRITEBYTECODE=1 and no cache
   folder, for both revisions, to show that cost too.
3. Reference points measured in the same run: markdown.markdown() over the whole
   file (default extensions, and Readmark's extension set), in a child process
   (bench/mdref.py), median of 3; and floors spawned like the reader: a bare
   interpreter; interpreter + import PySide6.QtWidgets + QApplication; that plus
   showing and painting an empty QMainWindow; and plus import readmark.ui.shell.main_window
   (also for the previous revision). The floor the sample book's first screen is
   held to (≤ 1.15×): bench/bare_viewer.py, a bare QTextBrowser showing the same
   book converted whole by Python-Markdown (Readmark's extensions), spawned the
   same way and timed from before spawning to its first paint.
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

For where the time of one open goes, step by step: bench/phases.py BOOK. Opening a 10 MB
book converted from print with its repair on and off, side by side: bench/repair_open.py.

Everything runs offscreen (QT_QPA_PLATFORM=offscreen unless set) on throwaway
READMARK_HOME folders; nothing touches the user's real settings, library or cache.
Progress goes to stderr, the report to stdout.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
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
FIRST_SCREEN_VS_BARE_VIEWER = 1.15  # the sample book's first screen, against bare_viewer.py

# The revision compared with by default: the last commit before the start-up work
# (lazy panes, the deferred start-up backup), whose figures the README had.
PREVIOUS_REVISION = "c598a12"


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


# Where the children keep their compiled modules (see the module docstring); set by main().
BYTECODE_CACHE: Path | None = None


def child_env(home: Path, src: Path = ROOT / "src", bytecode: bool = True) -> dict[str, str]:
    """`bytecode`: read and write .pyc files in BYTECODE_CACHE, as an installed
    program does; False: compile every Readmark module at start, as with
    PYTHONDONTWRITEBYTECODE=1."""
    env = dict(os.environ)
    env["READMARK_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if bytecode and BYTECODE_CACHE is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(BYTECODE_CACHE)
    elif not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def open_in_reader(book: Path, home: Path, src: Path = ROOT / "src", bytecode: bool = True) -> Run:
    """The reader of the source tree `src` (this checkout's by default) opening `book`."""
    elapsed, line, rss, cpu, code, stderr = _spawn(
        [PYTHON, "-m", "readmark", str(book), "--smoke-test"],
        child_env(home, src, bytecode),
        "timings ",
    )
    if not line:
        raise RuntimeError(f"smoke test of {book.name} failed (exit {code}):\n{stderr[-2000:]}")
    marks = json.loads(line[len("timings ") :])
    gap = marks["first_paint"] - marks["navigable"]
    return Run(elapsed, elapsed - gap, marks["first_paint"], marks["navigable"], rss, cpu, code)


MAIN_WINDOW_FLOOR = "… + import readmark.ui.shell.main_window (no window)"
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
    MAIN_WINDOW_FLOOR: (
        "import sys\nfrom PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "try:\n    import readmark.ui.shell.main_window\n"
        "except ModuleNotFoundError:  # a revision before the rooms: readmark.ui.main_window\n"
        "    import readmark.ui.main_window\n"
        "print('ready', flush=True)"
    ),
}


def measure_floor(
    code: str, home: Path, src: Path = ROOT / "src", bytecode: bool = True
) -> tuple[float, float]:
    return _measure_ready([PYTHON, "-c", code], home, src, bytecode)


def measure_bare_viewer(book: Path, home: Path, bytecode: bool = True) -> tuple[float, float]:
    """bench/bare_viewer.py on `book`: process start to its first paint of the text."""
    return _measure_ready(
        [PYTHON, str(BENCH / "bare_viewer.py"), str(book)], home, bytecode=bytecode
    )


def _measure_ready(
    argv: list[str], home: Path, src: Path = ROOT / "src", bytecode: bool = True
) -> tuple[float, float]:
    elapsed, line, rss, _cpu, exit_code, stderr = _spawn(
        argv, child_env(home, src, bytecode), "ready"
    )
    if not line:
        raise RuntimeError(f"floor probe failed (exit {exit_code}):\n{stderr[-2000:]}")
    return elapsed, rss


def unpack_revision(
    revision: str, folder: Path, parts: tuple[str, ...] = ("src", "resources")
) -> tuple[Path, str]:
    """`git archive` of `revision`'s `parts` (src/ and resources/) into `folder`;
    returns its src folder and short hash."""
    short = subprocess.run(
        ["git", "rev-parse", "--short", f"{revision}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", short, *parts],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src", short


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
    prev_cold: list[Run] = field(default_factory=list)  # the previous revision's reader
    prev_warm: list[Run] = field(default_factory=list)
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


def revision_label() -> str:
    """This checkout's revision, and whether src/ differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "?"
    return head + (" + uncommitted changes in src/" if dirty else "")


def environment_lines(reps: int, load_at_start: str) -> list[str]:
    import markdown

    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "?"
    revision = revision_label()
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


def floor_table(
    floors: dict[str, tuple[float, float]], previous: tuple[str, float, float] | None
) -> list[str]:
    rows = ["| floor (spawned like the reader) | time to ready | peak RSS¹ |", "|---|---:|---:|"]
    for name, (elapsed, rss) in floors.items():
        rows.append(f"| {name} | {s(elapsed)} | {mb(rss)} |")
    if previous is not None:
        revision, elapsed, rss = previous
        rows.append(
            f"| … the same with the previous revision ({revision}) | {s(elapsed)} | {mb(rss)} |"
        )
    return rows


@dataclass
class Comparison:
    """The first-screen figures of this revision next to the previous one's and the floor's."""

    previous: str  # its short hash, "" when not measured
    bare_viewer: list[float] = field(default_factory=list)  # seconds, bytecode cached
    bare_viewer_compiled: list[float] = field(default_factory=list)  # PYTHONDONTWRITEBYTECODE=1
    sample_compiled: list[Run] = field(default_factory=list)  # this revision, idem
    prev_sample_compiled: list[Run] = field(default_factory=list)


def _times(runs: list[Run], attr: str = "first_screen") -> list[float]:
    return [getattr(r, attr) for r in runs]


def _cell(values: list[float], unit: str = "s") -> str:
    if not values:
        return "—"
    value = statistics.median(values)
    if unit == "MB":
        return mb(value)
    text = s(value)
    if len(values) > 1 and unit == "s+":
        text += f" <sub>({min(values):.2f}–{max(values):.2f})</sub>"
    return text


def _change(now: list[float], before: list[float]) -> str:
    if not now or not before:
        return "—"
    a, b = statistics.median(now), statistics.median(before)
    return f"{a - b:+.3f} s ({(a - b) / b:+.0%})"


def sample_vs_floor(results: list[BookResult], comparison: Comparison) -> tuple[float, float]:
    """(this revision, previous revision): the sample book's first screen (cold) ÷ the
    bare viewer's; NaN when not measured."""
    sample = next((r for r in results if r.spec.nominal_mb is None), None)
    if sample is None or not comparison.bare_viewer:
        return float("nan"), float("nan")
    floor = statistics.median(comparison.bare_viewer)
    prev = sample.med(sample.prev_cold, "first_screen") if sample.prev_cold else float("nan")
    return sample.med(sample.cold, "first_screen") / floor, prev / floor


def comparison_table(results: list[BookResult], comparison: Comparison, head: str) -> list[str]:
    previous = comparison.previous
    rows = [
        f"| first screen, from process start | this revision ({head}) "
        f"| previous revision ({previous}) | change "
        f"| re-open: this revision | re-open: previous | change "
        f"| CPU to exit (cold): this / previous | peak RSS (cold): this / previous |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rows.append(
            f"| {r.spec.label} | {_cell(_times(r.cold), 's+')} | {_cell(_times(r.prev_cold), 's+')} "
            f"| {_change(_times(r.cold), _times(r.prev_cold))} "
            f"| {_cell(_times(r.warm), 's+')} | {_cell(_times(r.prev_warm), 's+')} "
            f"| {_change(_times(r.warm), _times(r.prev_warm))} "
            f"| {_cell(_times(r.cold, 'cpu_s'))} / {_cell(_times(r.prev_cold, 'cpu_s'))} "
            f"| {_cell(_times(r.cold, 'peak_rss_mb'), 'MB')} / "
            f"{_cell(_times(r.prev_cold, 'peak_rss_mb'), 'MB')} |"
        )
    if comparison.sample_compiled:
        now, before = comparison.sample_compiled, comparison.prev_sample_compiled
        rows.append(
            "| sample book (real, zh), no bytecode cache (PYTHONDONTWRITEBYTECODE=1: every "
            f"Readmark module compiled at start) | {_cell(_times(now), 's+')} "
            f"| {_cell(_times(before), 's+')} | {_change(_times(now), _times(before))} "
            f"| — | — | — | {_cell(_times(now, 'cpu_s'))} / {_cell(_times(before, 'cpu_s'))} "
            f"| {_cell(_times(now, 'peak_rss_mb'), 'MB')} / "
            f"{_cell(_times(before, 'peak_rss_mb'), 'MB')} |"
        )
    if comparison.bare_viewer:
        rows.append(
            "| **floor**: bare QTextBrowser showing the sample book converted whole by "
            "Python-Markdown (bench/bare_viewer.py), same Python "
            f"| {_cell(comparison.bare_viewer, 's+')} | (same run) | | | | | | |"
        )
        if comparison.bare_viewer_compiled:
            rows.append(
                "| … the floor with PYTHONDONTWRITEBYTECODE=1 "
                f"| {_cell(comparison.bare_viewer_compiled, 's+')} | | | | | | | |"
            )
        now, before = sample_vs_floor(results, comparison)
        ok = now <= FIRST_SCREEN_VS_BARE_VIEWER
        rows.append(
            "| **sample book first screen (cold) ÷ floor** "
            f"| **{now:.2f}×** | {before:.2f}× | target ≤ {FIRST_SCREEN_VS_BARE_VIEWER}× "
            f"{verdict(ok)} | | | | | |"
        )
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


def target_lines(  # type: ignore[no-untyped-def]
    results: list[BookResult], per_book, comparison: Comparison
) -> list[str]:
    lines: list[str] = []
    ratio, ratio_before = sample_vs_floor(results, comparison)
    if ratio == ratio:  # measured
        floor = statistics.median(comparison.bare_viewer)
        lines.append(
            f"- Sample book first screen (cold) ≤ {FIRST_SCREEN_VS_BARE_VIEWER}× a bare "
            f"QTextBrowser showing it with Python-Markdown, measured in the same run "
            f"({s(floor)}): {ratio:.2f}× {verdict(ratio <= FIRST_SCREEN_VS_BARE_VIEWER)}"
            + (
                f" (previous revision {comparison.previous}: {ratio_before:.2f}×)"
                if ratio_before == ratio_before
                else ""
            )
        )
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
    parser.add_argument(
        "--previous",
        default=PREVIOUS_REVISION,
        help=f"the revision to compare the first screens with (default {PREVIOUS_REVISION}; "
        "'none' to skip)",
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

        global BYTECODE_CACHE
        BYTECODE_CACHE = work / "bytecode"
        previous_src: Path | None = None
        comparison = Comparison("")
        if args.previous.lower() != "none":
            previous_src, comparison.previous = unpack_revision(args.previous, work / "previous")
            log(f"previous revision {comparison.previous} unpacked in {previous_src.parent}")
        sources = [ROOT / "src"] + ([previous_src] if previous_src else [])
        sample = next((r for r in results if r.spec.nominal_mb is None), None)

        log(
            "warming up (one untimed open of every book per revision: the OS file cache, "
            "and the compiled modules in the bytecode cache) …"
        )
        for code in FLOORS.values():
            measure_floor(code, work / "floor-home")
        if previous_src:
            measure_floor(FLOORS[MAIN_WINDOW_FLOOR], work / "floor-home", previous_src)
        if sample:
            measure_bare_viewer(sample.spec.path, work / "floor-home")
        for number, src in enumerate(sources):  # this revision, then the previous one
            for r in results:
                warm_home = work / f"warm-up-home-{number}-{r.spec.path.stem}"
                warm_home.mkdir()
                open_in_reader(r.spec.path, warm_home, src)
        own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        log(f"benchmark process peak RSS so far: {own_peak:.0f} MB")
        floors_runs: dict[str, list[tuple[float, float]]] = {name: [] for name in FLOORS}
        previous_floor: list[tuple[float, float]] = []
        for rep in range(reps):
            for name, code in FLOORS.items():
                floors_runs[name].append(measure_floor(code, work / "floor-home"))
            if previous_src:
                previous_floor.append(
                    measure_floor(FLOORS[MAIN_WINDOW_FLOOR], work / "floor-home", previous_src)
                )
            # Which revision goes first alternates, so neither always follows the other.
            order = sources if rep % 2 == 0 else sources[::-1]
            if sample:
                comparison.bare_viewer.append(
                    measure_bare_viewer(sample.spec.path, work / "floor-home")[0]
                )
                comparison.bare_viewer_compiled.append(
                    measure_bare_viewer(sample.spec.path, work / "floor-home", bytecode=False)[0]
                )
                for src in order:
                    ours = src == ROOT / "src"
                    home = work / f"compiled-{rep}-{'now' if ours else 'previous'}"
                    home.mkdir()
                    run = open_in_reader(sample.spec.path, home, src, bytecode=False)
                    target = (
                        comparison.sample_compiled
                        if src == ROOT / "src"
                        else (comparison.prev_sample_compiled)
                    )
                    target.append(run)
            for r in results:
                for src in order:
                    ours = src == ROOT / "src"
                    home = work / f"home-{rep}-{'now' if ours else 'previous'}-{r.spec.path.stem}"
                    shutil.rmtree(home, ignore_errors=True)
                    home.mkdir()
                    (r.cold if ours else r.prev_cold).append(open_in_reader(r.spec.path, home, src))
                    (r.warm if ours else r.prev_warm).append(open_in_reader(r.spec.path, home, src))
                before = (
                    f"; previous revision: cold {s(r.prev_cold[-1].first_screen)}, "
                    f"re-open {s(r.prev_warm[-1].first_screen)}"
                    if r.prev_cold
                    else ""
                )
                log(
                    f"[{rep + 1}/{reps}] {r.spec.label}: cold {s(r.cold[-1].first_screen)}, "
                    f"re-open {s(r.warm[-1].first_screen)}, peak {mb(r.cold[-1].peak_rss_mb)}"
                    + before
                )
        floors = {
            name: (statistics.median(e for e, _ in runs), statistics.median(m for _, m in runs))
            for name, runs in floors_runs.items()
        }
        floor_before = (
            (
                comparison.previous,
                statistics.median(e for e, _ in previous_floor),
                statistics.median(m for _, m in previous_floor),
            )
            if previous_floor
            else None
        )

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
        if comparison.previous or comparison.bare_viewer:
            report += ["### First screen: this revision, the previous one, the floor", ""]
            report += comparison_table(results, comparison, revision_label()) + [""]
            report += [
                "Both revisions' readers are spawned from the same interpreter and venv, "
                "interleaved, on fresh READMARK_HOMEs (cold) and again on the same home "
                "(re-open); medians (min–max). Compiled modules come from a bytecode cache "
                "(as an installed program has them) except in the PYTHONDONTWRITEBYTECODE row. "
                "The floor converts the whole sample book with Readmark's Python-Markdown "
                "extensions and shows it in a QTextBrowser the size of the reader's window, "
                "with no library, settings, menus, contents or print repair.",
                "",
                "### Every book (this revision)",
                "",
            ]
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
        report += floor_table(floors, floor_before) + [""]
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
        report += ["## Targets", ""] + target_lines(results, per_book, comparison)
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
