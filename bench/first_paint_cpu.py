"""CPU time to the first paint of the sample book: source trees side by side with the floor.

    .venv/bin/python bench/first_paint_cpu.py [--reps 9] SRC [SRC ...]

    e.g. bench/first_paint_cpu.py src /tmp/main/src   (a `git archive` of main's src/ and
    resources/ unpacked in /tmp/main)

Wall time from process start is what bench/run.py reports, and on a machine shared with
other work it spreads over a factor of two. This counts the CPU the reader used (all its
threads: `getrusage` in the child, read when the smoke test prints that the first
screen is painted) and, alike, bench/bare_viewer.py's CPU until its first paint. Each
reader is spawned from this venv on a fresh READMARK_HOME, the trees and the floor in
turn, one untimed round first (bytecode caches); medians, the fastest run, and each
tree's ratio to the floor; and the wall time from spawning each child until it
reports that paint (noisier). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SAMPLE_BOOK = BENCH.parents[1] / "shared" / "books" / "000_25b2869f1a30fd56.txt"

# Runs `python -m readmark BOOK --smoke-test` (or the floor) and prints the CPU used
# when the first paint is reported ("smoke-test ok" / "ready").
_CHILD = """
import resource, runpy, sys, time
marker, target = sys.argv[1], sys.argv[2]
class Watch:
    def __init__(self, stream): self.stream, self.done = stream, False
    def write(self, text):
        if not self.done and text.startswith(marker):
            self.done = True
            use = resource.getrusage(resource.RUSAGE_SELF)
            self.stream.write(f"cpu {use.ru_utime + use.ru_stime:.4f} main {time.thread_time():.4f}\\n")
        return self.stream.write(text)
    def flush(self): self.stream.flush()
sys.stdout = Watch(sys.stdout)
if target == "readmark":
    sys.argv = ["readmark", sys.argv[3], "--smoke-test"]
    runpy.run_module("readmark", run_name="__main__")
else:
    sys.argv = [target, sys.argv[3]]
    runpy.run_path(target, run_name="__main__")
"""


def one_run(src: Path | None, book: Path) -> tuple[float, float, float]:
    """(CPU of all threads, of the main thread, wall time from spawning the child
    until it reports the paint) in seconds; `src` None: the floor."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, READMARK_HOME=home, QT_QPA_PLATFORM="offscreen")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "readmark-first-paint-pyc")
        if src is None:
            argv = [sys.executable, "-c", _CHILD, "ready", str(BENCH / "bare_viewer.py")]
        else:
            env["PYTHONPATH"] = str(src)
            argv = [sys.executable, "-c", _CHILD, "smoke-test ok", "readmark"]
        with tempfile.TemporaryFile("w+") as err:
            start = time.perf_counter()
            child = subprocess.Popen(
                [*argv, str(book)], env=env, stdout=subprocess.PIPE, stderr=err, text=True
            )
            assert child.stdout is not None
            line, wall = None, float("nan")
            for text in child.stdout:
                if line is None and text.startswith("cpu "):
                    wall, line = time.perf_counter() - start, text
            child.wait(timeout=120)
            err.seek(0)
            if line is None:
                raise RuntimeError(f"{src or 'floor'}: no first paint\n{err.read()[-2000:]}")
    _, cpu, _, main = line.split()
    return float(cpu), float(main), wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="+", type=Path, help="src/ folders to compare")
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--book", type=Path, default=SAMPLE_BOOK)
    parser.add_argument(
        "--no-floor",
        action="store_true",
        help="leave the floor out (it converts the whole book: seconds for a 10 MB one)",
    )
    parser.add_argument(
        "--and-sample",
        action="store_true",
        help="open the sample book too, in the same rounds, and print each tree's --book "
        "÷ sample book (issue 10's ratio: ≤ 1.5× for a 10 MB book)",
    )
    args = parser.parse_args()
    names: list[Path | None] = [*(t.resolve() for t in args.trees)]
    if not args.no_floor:
        names.append(None)
    runs: dict[Path | None, list[tuple[float, float, float]]] = {name: [] for name in names}
    sample_runs: dict[Path | None, list[float]] = {name: [] for name in names if name}
    print(f"load average at the start: {os.getloadavg()}")
    for round_ in range(args.reps + 1):
        for name in names:
            result = one_run(name, args.book)
            sample = one_run(name, SAMPLE_BOOK) if args.and_sample and name else None
            if round_:  # the first round only fills the bytecode caches
                runs[name].append(result)
                if sample:
                    sample_runs[name].append(sample[0])
    # Without the floor, the ratios are to the first tree named.
    base = None if None in runs else names[0]
    floor = statistics.median(cpu for cpu, _, _ in runs[base])
    floor_wall = statistics.median(wall for _, _, wall in runs[base])
    ratio = "÷ floor" if base is None else "÷ first"
    for name in names:
        cpu = [c for c, _, _ in runs[name]]
        main_thread = statistics.median(m for _, m, _ in runs[name])
        wall = statistics.median(w for _, _, w in runs[name])
        print(
            f"{str(name or 'floor (bench/bare_viewer.py)'):48} CPU to the first paint "
            f"{statistics.median(cpu) * 1000:6.1f} ms (fastest {min(cpu) * 1000:6.1f}), "
            f"main thread {main_thread * 1000:6.1f} ms, "
            f"{ratio} {statistics.median(cpu) / floor:.2f}; "
            f"wall {wall * 1000:6.1f} ms, {ratio} {wall / floor_wall:.2f}"
        )
    for name, sample_cpu in sample_runs.items():
        if sample_cpu:
            book_cpu = statistics.median(c for c, _, _ in runs[name])
            print(
                f"{str(name):48} sample book {statistics.median(sample_cpu) * 1000:6.1f} ms; "
                f"{args.book.name} ÷ sample book {book_cpu / statistics.median(sample_cpu):.2f}"
            )
    print(f"load average at the end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
