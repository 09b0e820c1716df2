"""The in-process interaction timings of bench/interact.py, this revision next to a
previous one, measured in the same run (a benchmark, not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/interact_compare.py [--previous REV]

Each revision runs its own bench/interact.py in a child process of the same
interpreter (the previous one unpacked with `git archive`, imported through
PYTHONPATH), on the same generated 10 MB books, the two revisions taking turns;
medians over the trials, then over the rounds. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import run  # noqa: E402 - the benchmark's book generator and settings

CHILD = """
import json, sys
sys.path[:0] = [{bench!r}, {src!r}]
from pathlib import Path
from interact import run_interactions
results = run_interactions(Path({book!r}), {language!r}, {trials})
print("RESULTS " + json.dumps([[r.name, r.median, r.max] for r in results]))
"""


def measure(src: Path, bench: Path, book: Path, language: str, trials: int, home: Path):  # type: ignore[no-untyped-def]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READMARK_HOME=str(home))
    env["PYTHONPATH"] = str(src)
    code = CHILD.format(
        bench=str(bench), src=str(src), book=str(book), language=language, trials=trials
    )
    done = subprocess.run(
        [run.PYTHON, "-c", code], env=env, capture_output=True, text=True, timeout=900
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULTS "):
            return json.loads(line[len("RESULTS ") :])
    raise RuntimeError(f"no results from {src}:\n{done.stderr[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--previous", default=run.PREVIOUS_REVISION)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="readmark-interact-compare-"))
    try:
        old_src, short = run.unpack_revision(
            args.previous, work / "previous", ("src", "resources", "bench")
        )
        old_bench = work / "previous" / "bench"
        this = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        (work / "books").mkdir()
        specs = [s for s in run.make_books(work / "books", [10.0]) if s.nominal_mb == 10.0]
        rows: dict[tuple[str, str], dict[str, list[float]]] = {}
        for spec in specs:
            for round_ in range(args.rounds):
                for label, src, bench in (
                    ("this", ROOT / "src", BENCH),
                    ("previous", old_src, old_bench),
                ):
                    home = work / f"home-{label}-{round_}"
                    run.log(f"{spec.label}: {label} ({round_ + 1}/{args.rounds}) …")
                    for name, median, _max in measure(
                        src, bench, spec.path, spec.language, args.trials, home
                    ):
                        rows.setdefault((spec.label, name), {}).setdefault(label, []).append(median)
                    shutil.rmtree(home, ignore_errors=True)
        print(f"| book | operation | this ({this}), ms | previous ({short}), ms | change |")
        print("|---|---|---:|---:|---:|")
        for (book, name), by in rows.items():
            now = statistics.median(by.get("this", [float("nan")]))
            before = statistics.median(by.get("previous", [float("nan")]))
            change = f"{now - before:+.1f} ms ({(now / before - 1) * 100:+.0f}%)" if before else "—"
            print(f"| {book} | {name} | {now:.1f} | {before:.1f} | {change} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
