"""Sync of 10,000 annotations between two computers, next to a plain JSON export of them.

    .venv/bin/python bench/sync.py [--reps 3] [--annotations 10000]

Two libraries (real SQLite files, as two computers have) know the same book at
different paths. The first holds 10,000 highlights (one in four with a note of a
sentence or two, all five colours). Timed, each on fresh copies, medians of `reps`:

- **first sync, out**: the first computer's first `readmark sync` (every
  annotation written into the CRDT document, its file written);
- **first sync, in**: the second computer's first sync (the file read, merged,
  10,000 annotations committed to its library in one transaction);
- **one change, out / in**: one note edited on the first computer, then each syncs;
- **nothing new**: the first computer syncs again.

Sizes: the sync file after the first sync and after the change (each computer's
file holds the whole document), what the change wrote to it (appended, or the
file rewritten whole), and the same 10,000 annotations as Readmark's
W3C JSON export (`core.export.w3c`, what `readmark export --format json` writes),
timed and measured in the same run as the reference.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from readmark.core.annotations import COLOURS, Annotation, Kind, TextTarget
from readmark.core.export.common import ExportedBook
from readmark.core.export.w3c import dumps, to_w3c
from readmark.core.store.library import Library
from readmark.core.sync import files
from readmark.core.sync.engine import sync

WORDS = "the of and a to in is was that it with as for his on be at by had not are but".split()


def _annotations(count: int) -> list[Annotation]:
    rng = random.Random(7)
    made = []
    for n in range(count):
        section, start = divmod(n, 500)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
        note = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) if n % 4 == 0 else ""
        made.append(
            Annotation(
                Kind.HIGHLIGHT,
                TextTarget(section, start * 80, start * 80 + len(text), text, "before ", " after"),
                color=COLOURS[n % len(COLOURS)],
                note=note,
            )
        )
    return made


def _timed(work: Callable[..., object], *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = work(*args)
    return time.perf_counter() - start, result


def run(reps: int, count: int) -> dict[str, float]:
    marks = _annotations(count)
    found: dict[str, list[float]] = {}
    for _ in range(reps):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            folder = root / "folder"
            folder.mkdir()
            one, two = Library(root / "one.sqlite3"), Library(root / "two.sqlite3")
            book_one, book_two = root / "a" / "book.epub", root / "b" / "book.epub"
            one.touch(book_one, "content", "Book", "")
            two.touch(book_two, "content", "Book", "")
            one.annotations.apply(book_one, [(None, a) for a in marks])
            times = {
                "first sync, out": _timed(sync, one, folder, root / "s1")[0],
                "first sync, in": _timed(sync, two, folder, root / "s2")[0],
            }
            assert len(two.annotations.for_book(book_two)) == count
            sizes = {"sync file after the first sync": _own_size(folder, root / "s1")}
            before = _own_bytes(folder, root / "s1")
            edited = marks[0].edited(note=marks[0].note + " Read again on the train.")
            one.annotations.update(edited)
            times["one change, out"] = _timed(sync, one, folder, root / "s1")[0]
            times["one change, in"] = _timed(sync, two, folder, root / "s2")[0]
            assert two.annotations.get(edited.id) == edited
            sizes["sync file after one change"] = _own_size(folder, root / "s1")
            after = _own_bytes(folder, root / "s1")
            # Appended (the frames of format 2) or the file rewritten whole (format 1).
            grown = len(after) - len(before) if after.startswith(before) else len(after)
            sizes["written to it by one change"] = float(grown)
            times["nothing new"] = _timed(sync, one, folder, root / "s1")[0]
            book = ExportedBook("Book", ("Author",), "content", PurePosixPath("/books/book.epub"))
            took, text = _timed(_w3c, book, marks)
            times["W3C JSON export, time (reference)"] = took
            sizes["W3C JSON export, size (reference)"] = len(str(text).encode("utf-8"))
            one.close()
            two.close()
        for key, value in {**times, **sizes}.items():
            found.setdefault(key, []).append(value)
    return {key: statistics.median(values) for key, values in found.items()}


def _w3c(book: ExportedBook, marks: list[Annotation]) -> str:
    return dumps(to_w3c(book, marks))


def _own_bytes(folder: Path, state: Path) -> bytes:
    return files.own_file(folder, files.device_id(state)).read_bytes()


def _own_size(folder: Path, state: Path) -> float:
    return float(files.own_file(folder, files.device_id(state)).stat().st_size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--annotations", type=int, default=10_000)
    args = parser.parse_args(argv)
    results = run(args.reps, args.annotations)
    print(f"| {args.annotations:,} annotations, two computers | median of {args.reps} |")
    print("|---|---:|")
    for key, value in results.items():
        if "written" in key:
            shown = f"{value:,.0f} bytes" if value < 100_000 else f"{value / 1e6:.2f} MB"
        elif "file" in key or "size" in key:
            shown = f"{value / 1_000_000:.2f} MB"
        else:
            shown = f"{value * 1000:,.0f} ms"
        print(f"| {key} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
