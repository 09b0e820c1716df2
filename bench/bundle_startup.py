"""Start-up time and size of the standalone bundle next to a venv install (a benchmark,
not a test). Build the bundle first (its build venv is the venv install compared):

    sh packaging/build_bundle.sh
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bundle_startup.py [--runs 7]
        [--bundle dist/readmark] [--venv build/bundle/venv] [BOOK]

As bench/run.py times an open: each program is spawned with `BOOK --smoke-test` on a
fresh READMARK_HOME, timed from before Popen until it prints its `timings` line (its
first painted screen of text), the two programs interleaved so both see the same
machine; one untimed run of each first warms the OS file cache. Medians, with min–max,
and the CPU time of each whole run (less sensitive to a busy machine).
BOOK defaults to the sample book, ../shared/books/000_25b2869f1a30fd56.txt.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "books" / "000_25b2869f1a30fd56.txt"


def first_paint(command: list[str], book: Path) -> tuple[float, float]:
    """(wall seconds to the first paint, CPU seconds of the whole run)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        env["READMARK_HOME"] = home
        start = time.perf_counter()
        child = subprocess.Popen(
            [*command, str(book), "--smoke-test", "--new-instance"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=home,
        )  # fmt: skip
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("timings "):
                elapsed = time.perf_counter() - start
                break
        else:
            raise SystemExit(f"{command[0]} printed no timings line")
        child.stdout.read()
        _pid, _status, usage = os.wait4(child.pid, 0)
        child.returncode = 0  # reaped above
    return elapsed, usage.ru_utime + usage.ru_stime


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("book", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "readmark")
    parser.add_argument("--venv", type=Path, default=REPO / "build" / "bundle" / "venv")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    programs = {
        "bundle": [str(args.bundle / "readmark")],
        "venv": [str(args.venv / "bin" / "readmark")],
    }
    times: dict[str, list[float]] = {name: [] for name in programs}
    cpu: dict[str, list[float]] = {name: [] for name in programs}
    for command in programs.values():
        first_paint(command, args.book)  # warm the OS file cache
    for _ in range(args.runs):
        for name, command in programs.items():
            wall, used = first_paint(command, args.book)
            times[name].append(wall)
            cpu[name].append(used)
    print(f"Start-up to the first painted screen of {args.book.name}, {args.runs} runs:\n")
    print("| install | median | min–max | CPU (whole run), median | size on disk |")
    print("| --- | --- | --- | --- | --- |")
    sizes = {"bundle": size(args.bundle), "venv": size(args.venv)}
    for name, values in times.items():
        print(
            f"| {name} | {statistics.median(values):.2f} s | "
            f"{min(values):.2f}–{max(values):.2f} s | {statistics.median(cpu[name]):.2f} s | "
            f"{sizes[name] / 2**20:.0f} MiB |"
        )
    archives = sorted(args.bundle.parent.glob("readmark-*.tar.gz"))
    if archives:
        print(f"\n{archives[-1].name}: {archives[-1].stat().st_size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
