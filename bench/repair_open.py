"""Opening a 10 MB book converted from print with its repair on and off, side by side
(issue 10 §5: the first screen under 1 s and at most 1.5× the sample book's).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/repair_open.py [--reps 3] [--mb 10] [--previous REV]

The books are made from the real converted books of tests/fixtures/repair_corpus,
repeated to the size asked, one chapter per copy:

- Markdown: marker's Think Python (notes and figures), Nougat's paper and MinerU's
  report, each copy under a `#` heading of its own;
- plain text: Beard's *Nervous Exhaustion* (Internet Archive OCR, page furniture and all).

Each is opened as bench/run.py opens books (`python -m readmark BOOK --smoke-test`,
timed from outside until the first screen is painted, a fresh READMARK_HOME each time)
with the Preferences' "Repair books converted from print" on (the default) and off,
interleaved, next to the sample book ../shared/books/000_….txt with its repair on. Medians
of the runs, (min–max). Prints a Markdown table.

`--previous REV` adds rows for revision REV's reader (unpacked with `git archive`, as
bench/run.py does) opening the same books with the repair on, and the sample book,
interleaved with this revision's opens, so before and after see the same machine.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS = ROOT / "tests" / "fixtures" / "repair_corpus"
sys.path.insert(0, str(BENCH))

import run  # noqa: E402 - the benchmark's spawning and settings

MARKDOWN_PARTS = (
    "en_marker_think_python_notes_figures.md",
    "en_nougat_absolute_position_embeddings.md",
    "zh_mineru_research_report.md",
)


def make_markdown(folder: Path, size_mb: float) -> Path:
    parts = [(CORPUS / name).read_text(encoding="utf-8") for name in MARKDOWN_PARTS]
    chapters: list[str] = []
    total, n = 0, 0
    while total < size_mb * 1_000_000:
        part = parts[n % len(parts)]
        chapter = f"# Chapter {n + 1}\n\n{part}\n"
        chapters.append(chapter)
        total += len(chapter.encode("utf-8"))
        n += 1
    path = folder / f"converted-{size_mb:g}mb.md"
    path.write_text("".join(chapters), encoding="utf-8")
    return path


def make_text(folder: Path, size_mb: float) -> Path:
    book = (CORPUS / "en_ia_nervous_exhaustion.txt").read_text(encoding="utf-8")
    copies = max(1, int(size_mb * 1_000_000 // len(book.encode("utf-8"))) + 1)
    path = folder / f"converted-ocr-{size_mb:g}mb.txt"
    path.write_text("\n\n\n".join([book] * copies), encoding="utf-8")
    return path


def home_with_repair(folder: Path, repair: bool) -> Path:
    """A fresh READMARK_HOME whose Preferences open books with their repair on or off."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if not repair:
        code = (
            "from readmark.core.store.settings import Settings\n"
            "from readmark import paths\n"
            "s = Settings(paths.settings_file())\n"
            "s.set('books.repair', False)\n"
            "assert s.save()\n"
        )
        subprocess.run([run.PYTHON, "-c", code], env=run.child_env(folder), check=True)
    return folder


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--previous", help="a revision to measure side by side (repair on)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="readmark-repair-open-"))
    try:
        run.BYTECODE_CACHE = work / "bytecode"
        books = {
            f"converted Markdown (marker, Nougat, MinerU), {args.mb:g} MB": make_markdown(
                work, args.mb
            ),
            f"converted plain text (Internet Archive OCR), {args.mb:g} MB": make_text(
                work, args.mb
            ),
        }
        sample = run.SAMPLE_BOOK if run.SAMPLE_BOOK.is_file() else None
        previous_src, previous = None, ""
        if args.previous:
            previous_src, previous = run.unpack_revision(args.previous, work / "previous")
        # A new home for every open: a folder used again is emptied first, and what an
        # earlier reader left running (indexing the book) may still be writing into it.
        serial = itertools.count()
        for path in [*books.values(), *([sample] if sample else [])]:  # warm-up, untimed
            run.open_in_reader(path, home_with_repair(work / f"home-{next(serial)}", True))
            run.open_in_reader(path, home_with_repair(work / f"home-{next(serial)}", False))
            if previous_src:
                home = home_with_repair(work / f"home-{next(serial)}", True)
                run.open_in_reader(path, home, previous_src)
        times: dict[tuple[str, bool], list[float]] = {}
        for rep in range(args.reps):
            for label, path in [*books.items(), *([("sample", sample)] if sample else [])]:
                for repair in (True, False) if rep % 2 == 0 else (False, True):
                    if label == "sample" and not repair:
                        continue
                    home = home_with_repair(work / f"home-{next(serial)}", repair)
                    first = run.open_in_reader(path, home).first_screen
                    times.setdefault((label, repair), []).append(first)
                    run.log(f"[{rep + 1}/{args.reps}] {label}, repair {repair}: {first:.2f} s")
                if previous_src:
                    home = home_with_repair(work / f"home-{next(serial)}", True)
                    first = run.open_in_reader(path, home, previous_src).first_screen
                    times.setdefault((label, "previous"), []).append(first)
                    run.log(f"[{rep + 1}/{args.reps}] {label}, {previous}: {first:.2f} s")
        lines = [
            "| book | first screen, repair on | repair off | on ÷ off | on ÷ sample book |",
            "|---|---:|---:|---:|---:|",
        ]
        base = statistics.median(times[("sample", True)]) if sample else float("nan")
        for label in books:
            on, off = times[(label, True)], times[(label, False)]
            ratio = statistics.median(on) / statistics.median(off)
            lines.append(
                f"| {label} | {_median(on)} | {_median(off)} | {ratio:.2f}× "
                f"| {statistics.median(on) / base:.2f}× |"
            )
        if sample:
            lines.append(
                f"| the sample book (29 KB), repair on | {_median(times[('sample', True)])}"
                " | — | — | 1.00× |"
            )
        if previous_src:
            before = statistics.median(times[("sample", "previous")]) if sample else float("nan")
            for label in [*books, *(["sample"] if sample else [])]:
                runs = times[(label, "previous")]
                name = "the sample book (29 KB)" if label == "sample" else label
                lines.append(
                    f"| {previous}: {name} | {_median(runs)} | — | — "
                    f"| {statistics.median(runs) / before:.2f}× (its own sample book) |"
                )
        print("\n".join(lines))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
