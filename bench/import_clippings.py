"""Import of a 5,000-clipping My Clippings.txt, next to references measured in the same run.

    .venv/bin/python bench/import_clippings.py [--reps 5] [--clippings 5000]

The file is made from two real books of ../shared/books — Alice's Adventures in
Wonderland (English, 11-0.txt) and 三国演义 (Chinese, 1.2 MB) — both in a fresh
library, as Kindle writes it: highlights of one to three sentences taken from the
book's text (an eighth of them written twice, the second time extended, as
Kindle does when a highlight is lengthened; a tenth with a note written as its
own clipping; one in twenty-five not in the book; one in twenty a bookmark);
English headers for Alice, Chinese ones (您在位置 #… 的标注 | 添加于 …) for the novel.

Timed, each on a fresh copy of the library, medians of `reps`:

- **parse**: `read_marks` (read, recognise, parse, fold the history);
- **plan**: `plan_import` (find the books, open them, place every mark by its quote);
- **commit**: `commit_import` (one transaction);
- **again**: planning the same file a second time (everything already here).

References measured in the same run, on the same machine:

- **floor**: reading the file and splitting it into clippings (`str.split`),
  what any parser pays;
- **W3C JSON import**: Readmark's own importer (`core.export.importer`) taking the
  same annotations, already placed, from a W3C JSON export of them — the existing
  import path for the same number of annotations.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
BOOKS = ROOT.parent / "shared" / "books"
SOURCES = (("11-0.txt", "Lewis Carroll", "en"), ("三国演义.txt", "罗贯中", "zh"))

from readmark.core.formats import open_book  # noqa: E402
from readmark.core.operations.books import record_opening  # noqa: E402
from readmark.core.store.library import Library  # noqa: E402


def passages(text: str, language: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each paragraph with its sentences' spans (a highlight is one to three in a row,
    cut from the paragraph as it reads, as Kindle copies it)."""
    import re

    pattern = r"[^。！？]+[。！？]+[”」』]?" if language == "zh" else r"[^.!?]+[.!?]+[”’]?"
    found = []
    for paragraph in text.split("\n"):
        spans = [m.span() for m in re.finditer(pattern, paragraph) if len(m.group().strip()) > 5]
        if len(spans) >= 2:
            found.append((paragraph, spans))
    return found


def cut(passage: tuple[str, list[tuple[int, int]]], start: int, span: int) -> str:
    paragraph, spans = passage
    return paragraph[spans[start][0] : spans[start + span - 1][1]].strip()


def header(language: str, kind: str, first: int, last: int, when: int) -> str:
    day = 1 + when % 28
    if language == "zh":
        name = {"highlight": "标注", "note": "笔记", "bookmark": "书签"}[kind]
        where = f"#{first}-{last}" if kind == "highlight" else f"#{first}"
        return (
            f"- 您在位置 {where}的{name} | 添加于 2020年3月{day}日星期二 下午8:{when % 60:02d}:01"
        )
    name = {"highlight": "Highlight", "note": "Note", "bookmark": "Bookmark"}[kind]
    where = f"{first}-{last}" if kind == "highlight" else f"{first}"
    return (
        f"- Your {name} on page {first // 15} | Location {where} | "
        f"Added on Monday, March {day}, 2020 {1 + when % 12}:{when % 60:02d}:08 PM"
    )


def make_clippings(books: list, total: int) -> str:  # type: ignore[type-arg]
    rng = random.Random(5000)
    used: set[tuple[str, int, int]] = set()
    weights = [sum(len(spans) for _, spans in book[3]) for book in books]
    out: list[str] = []
    made = 0
    while made < total:
        # Each book clipped in proportion to its length: Alice is short.
        title, author, language, pool = rng.choices(books, weights=weights)[0]
        location = 10 + made * 3
        head = f"{title} ({author})"
        roll = rng.random()
        if roll < 0.05:
            out.append(f"{head}\n{header(language, 'bookmark', location, location, made)}\n\n")
            made += 1
            continue
        for _ in range(50):  # a passage not clipped yet (a reader rarely clips one twice)
            which = rng.randrange(len(pool))
            passage = pool[which]
            count = len(passage[1])
            start = rng.randrange(count - 1)
            span = rng.randint(1, min(3, count - start))
            if (title, which, start) not in used:
                break
        used.update({(title, which, s) for s in range(start, start + span + 1)})
        quote = cut(passage, start, span)
        if roll < 0.09:
            quote = f"Not in this book at all, clipping number {made}."
        last = location + len(quote) // 60
        if roll > 0.875 and start + span < count and made + 1 < total:
            shorter = quote  # written again, extended by a sentence
            quote = cut(passage, start, span + 1)
            out.append(
                f"{head}\n{header(language, 'highlight', location, last, made)}\n\n{shorter}\n"
            )
            made += 1
        out.append(
            f"{head}\n{header(language, 'highlight', location, last + 1, made)}\n\n{quote}\n"
        )
        made += 1
        if 0.1 < roll < 0.2 and made < total:
            out.append(
                f"{head}\n{header(language, 'note', last + 1, last + 1, made)}\n\nA note {made}.\n"
            )
            made += 1
    return "\ufeff" + "==========\n".join(out) + "==========\n"


def median_time(work, reps: int, setup=None) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(reps):
        state = setup() if setup else None
        start = time.perf_counter()
        work(state)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--clippings", type=int, default=5000)
    args = parser.parse_args(argv)
    from readmark.core.export.collect import annotations_to_export, find_record
    from readmark.core.export.common import ExportedBook
    from readmark.core.export.importer import import_annotations
    from readmark.core.export.w3c import dumps, to_w3c
    from readmark.core.importers import read_marks
    from readmark.core.importers.plan import plan_import
    from readmark.core.operations import commit_import

    work = Path(tempfile.mkdtemp(prefix="readmark-bench-import-"))
    try:
        base = work / "base.sqlite3"
        library = Library(base)
        books = []
        for name, author, language in SOURCES:
            copy = work / name
            shutil.copyfile(BOOKS / name, copy)
            book = open_book(copy)
            record_opening(library, book)
            text = "\n".join(book.section_text(i) for i in range(len(book.sections)))
            books.append((book.metadata.title, author, language, passages(text, language)))
        library.close()
        clippings = work / "My Clippings.txt"
        clippings.write_text(make_clippings(books, args.clippings), encoding="utf-8")
        size = clippings.stat().st_size

        def fresh() -> Library:
            copy = work / "run.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(str(copy) + suffix).unlink(missing_ok=True)
            shutil.copyfile(base, copy)
            return Library(copy)

        parsed = read_marks(clippings)
        lib = fresh()
        plan = plan_import(lib, parsed)
        commit_import(lib.annotations, plan.changes())
        # The W3C reference: the same annotations as Readmark exports them.
        exports = []
        for book_path in sorted({i.book_path for i in plan.items if i.book_path}):
            book = open_book(book_path)
            record = find_record(lib, book)
            assert record is not None
            document = to_w3c(
                ExportedBook.from_book(book), annotations_to_export(lib, record, book)
            )
            path = work / f"{book_path.stem}.json"
            path.write_text(dumps(document), encoding="utf-8")
            exports.append(path)
        lib.close()

        floor = median_time(
            lambda _: clippings.read_text(encoding="utf-8-sig").split("=========="), args.reps
        )
        parse = median_time(lambda _: read_marks(clippings), args.reps)

        def planned(_: object) -> None:
            lib = fresh()
            plan_import(lib, parsed)
            lib.close()

        plan_t = median_time(planned, args.reps)

        def committing(lib: Library) -> None:
            commit_import(lib.annotations, plan.changes())

        def committed_setup() -> Library:
            lib = fresh()
            return lib

        commit_times = []
        for _ in range(args.reps):
            lib = fresh()
            fresh_plan = plan_import(lib, parsed)
            start = time.perf_counter()
            commit_import(lib.annotations, fresh_plan.changes())
            commit_times.append(time.perf_counter() - start)
            again_start = time.perf_counter()
            second = plan_import(lib, parsed)
            again_t = time.perf_counter() - again_start
            assert second.placed == 0 and second.unplaced == 0
            lib.close()
        commit_t = statistics.median(commit_times)

        def w3c(_: object) -> None:
            lib = fresh()
            for path in exports:
                import_annotations(lib, path)
            lib.close()

        w3c_t = median_time(w3c, args.reps)
        print(
            f"My Clippings.txt: {args.clippings:,} clippings, {size / 1e6:.2f} MB; "
            f"{plan.placed:,} placed, {plan.here:,} already here, "
            f"{plan.unplaced:,} kept unplaced (bookmarks without text, quotes not in the book); "
            f"{sum(parsed.left_out.values()):,} clippings folded into others (earlier versions "
            "of extended highlights)"
        )
        print()
        print("| step | median (s) |")
        print("|---|---:|")
        print(f"| floor: read and split the file (reference) | {floor:.3f} |")
        print(f"| parse (`read_marks`) | {parse:.3f} |")
        print(f"| plan: find books, place every mark (`plan_import`) | {plan_t:.3f} |")
        print(f"| commit: one transaction (`commit_import`) | {commit_t:.3f} |")
        print(f"| **import total** (parse + plan + commit) | **{parse + plan_t + commit_t:.3f}** |")
        print(f"| again: the same file, all already here | {again_t:.3f} |")
        print(f"| W3C JSON import of the same annotations (reference) | {w3c_t:.3f} |")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
