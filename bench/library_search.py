"""Library search over ~100 MB of books (half Chinese, half English, ~200 books) and
10,000 notes: query times, indexing speed and index size, next to a reference
measured in the same run (issue 11 §5).

    .venv/bin/python bench/library_search.py [--mb 100] [--books 200] [--queries 20]

Books are made as bench/run.py makes its big books (bench/books.py, seeded):
Markdown books of `--mb / --books` MB each, every other one Chinese. They are
added to a fresh library on a fresh READMARK_HOME with 10,000 highlights and
notes (quotes and notes of both languages) spread over them, then:

1. Reading: every book opened and every section's text made as the reader shows
   it (`html_to_text` of the display HTML), what indexing must read anyway.
2. Indexing: `SearchIndex.update` from nothing (reading included): MB of book
   text (UTF-8) per second; the index file's size (checkpointed) against the text.
3. Queries (`--queries` different ones of each kind, each taken from the books'
   own text, so each has hits): one, two and four Chinese characters, four
   Traditional characters over the Simplified books, an English word, an English
   prefix (the first 3–4 letters of a word). Times are the whole `search` call
   (200 hits at most, 50 per book, notes included): median and 95th percentile.
   The first query after an update also compares the 10,000 notes with the
   library; it is reported apart.
4. Reference: a plain `str.find` of the folded query over the same books' folded
   texts held in memory (what an index-free search costs at best), stopping at
   the same 200 hits.

Prints a Markdown table; writes it to bench/results-library-search.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _cpu_note(cpu_s: float, text_bytes: int, workers: int) -> str:
    """CPU per MB of all processes, and the rate that makes on `workers` idle cores."""
    per_mb = cpu_s / (text_bytes / 1e6)
    return (
        f" CPU of all processes: {per_mb:.3f} s per MB (on {workers} idle cores at most "
        f"{workers / per_mb:.1f} MB/s)."
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--books", type=int, default=200)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes reading books (readmark search uses 2 here)",
    )
    parser.add_argument(
        "--no-warm",
        action="store_true",
        help="leave out indexing the books again from their saved text (older revisions)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).with_name("results-library-search.md")
    )
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="readmark-libsearch-"))
    os.environ["READMARK_HOME"] = str(home)

    import opencc
    from books import generate

    from readmark import paths
    from readmark.core.annotations import Annotation, Kind, TextTarget
    from readmark.core.formats import open_book
    from readmark.core.html_text import html_to_text
    from readmark.core.operations.library_books import add_books
    from readmark.core.search.folding import fold
    from readmark.core.search.index import SearchIndex
    from readmark.core.store.annotation_store import Incoming
    from readmark.core.store.library import Library

    load = os.getloadavg()
    folder = home / "books"
    folder.mkdir()
    each = int(args.mb * 1e6 / args.books)
    t = time.perf_counter()
    files = []
    for n in range(args.books):
        language = "zh" if n % 2 == 0 else "en"
        path = folder / f"{language}-{n:03d}.md"
        path.write_text(generate(language, each, seed=n), encoding="utf-8")
        files.append(path)
    print(f"generated {args.books} books in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    library = Library(paths.library_db())
    add_books(library, files)

    # 1. Reading what indexing reads (the reference for the indexing rate).
    t = time.perf_counter()
    texts: dict[str, list[str]] = {}
    for path in files:
        book = open_book(path)
        texts[str(path)] = [html_to_text(book.section_html(i)) for i in range(len(book.sections))]
    read_s = time.perf_counter() - t
    text_bytes = sum(len(s.encode()) for sections in texts.values() for s in sections)
    print(f"read {text_bytes / 1e6:.1f} MB in {read_s:.1f} s", file=sys.stderr)

    # Notes: quotes and notes taken from the books' text, in both languages.
    rng = random.Random(11)
    incoming = []
    for k in range(args.notes):
        path = files[k % len(files)]
        sections = texts[str(path)]
        section = rng.randrange(len(sections))
        text = sections[section]
        start = rng.randrange(max(1, len(text) - 80))
        quote = text[start : start + rng.randint(5, 60)]
        note = text[rng.randrange(max(1, len(text) - 200)) :][: rng.randint(0, 150)]
        annotation = Annotation(
            Kind.NOTE if note else Kind.HIGHLIGHT,
            TextTarget(section, start, start + len(quote), quote),
            color=rng.choice(["yellow", "green", "blue", "pink"]),
            note=note,
        )
        incoming.append(Incoming(annotation, path))
    library.annotations.merge(incoming)

    import resource

    def cpu() -> float:
        """CPU seconds of this process and of its ended children (the workers):
        on a busy machine the work done, where wall time says how busy it was."""
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    # 2. Indexing from nothing.
    index = SearchIndex(paths.search_index())
    t, c = time.perf_counter(), cpu()
    report = index.update(library, workers=args.workers)
    index_s = time.perf_counter() - t
    index_cpu = cpu() - c
    if hasattr(index, "disk_size"):  # its files: the index and its terms' shards
        size = index.disk_size()
    else:  # revisions before the shards: one file
        index._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # noqa: SLF001 - the size on disk
        size = paths.search_index().stat().st_size
    print(f"indexed in {index_s:.1f} s, {size / 1e6:.1f} MB", file=sys.stderr)

    # 2b. Indexing books read before in the window: each book's text saved beside
    # its converted sections (what the window's in-book search keeps), then a new
    # index made from nothing with the render cache to read them from.
    warm_s = warm_cpu = 0.0
    if not args.no_warm:
        from readmark.core.render_cache import RenderCache
        from readmark.core.search.saved_text import SavedText

        cache = RenderCache(paths.render_cache_dir())
        for path in files:
            key = open_book(path).cache_key
            sections = texts[str(path)]
            SavedText(cache, key).save(sections, [fold(text) for text in sections])
        warm = SearchIndex(home / "index-warm.sqlite")
        t, c = time.perf_counter(), cpu()
        warm_report = warm.update(library, workers=args.workers, sections=paths.render_cache_dir())
        warm_s = time.perf_counter() - t
        warm_cpu = cpu() - c
        warm.close()
        assert len(warm_report.indexed) == len(report.indexed)
        print(f"indexed books read before in {warm_s:.1f} s", file=sys.stderr)

    # 3. Queries, from the books' own text.
    zh_books = [texts[str(p)] for p in files if p.name.startswith("zh")]
    en_books = [texts[str(p)] for p in files if p.name.startswith("en")]
    s2t = opencc.OpenCC("s2t")

    def zh_piece(length: int) -> str:
        while True:
            text = rng.choice(rng.choice(zh_books))
            if len(text) < 100:
                continue
            at = rng.randrange(len(text) - length)
            piece = text[at : at + length]
            if all("\u4e00" <= ch <= "\u9fff" for ch in piece):
                return piece

    def en_word(min_len: int) -> str:
        while True:
            words = rng.choice(rng.choice(en_books)).split()
            word = rng.choice(words).strip(".,;:!?*_()[]\"'") if words else ""
            if len(word) >= min_len and word.isalpha():
                return word

    def traditional() -> str:
        while True:
            piece = zh_piece(4)
            converted = s2t.convert(piece)
            if converted != piece and len(converted) == 4:
                return converted

    kinds = {
        "Chinese, 1 character": lambda: zh_piece(1),
        "Chinese, 2 characters": lambda: zh_piece(2),
        "Chinese, 4 characters": lambda: zh_piece(4),
        "Traditional over Simplified, 4": traditional,
        "English word": lambda: en_word(4),
        "English prefix": lambda: en_word(6)[: rng.randint(3, 4)],
    }
    folded_books = [
        [fold(s) for s in texts[str(p)]] for p in files
    ]  # the reference's text, held in memory

    def reference(query: str) -> int:
        needle, found = fold(query), 0
        for sections in folded_books:
            for text in sections:
                at = text.find(needle)
                while at >= 0 and found < 200:
                    found += 1
                    at = text.find(needle, at + len(needle))
                if found >= 200:
                    return found
        return found

    t = time.perf_counter()
    first = index.search(library, zh_piece(2))
    first_ms = (time.perf_counter() - t) * 1000
    index.update(library)  # nothing to do: compares the notes only
    rows = []
    for name, make in kinds.items():
        queries = [make() for _ in range(args.queries)]
        ours, refs, hits = [], [], []
        for query in queries:
            t = time.perf_counter()
            index.update(library)
            results = index.search(library, query)
            ours.append((time.perf_counter() - t) * 1000)
            hits.append(len(results.hits))
            t = time.perf_counter()
            reference(query)
            refs.append((time.perf_counter() - t) * 1000)
        rows.append(
            (
                name,
                queries[:3],
                statistics.median(ours),
                _p95(ours),
                statistics.median(refs),
                _p95(refs),
                statistics.median(hits),
            )
        )

    cpu = platform.processor() or platform.machine()
    own = "."
    if args.workers == 1:  # reading was timed on one thread too: the rest is the index's
        own = (
            "; the index's own work (folding, terms, FTS5, compression): "
            f"{text_bytes / 1e6 / max(index_s - read_s, 1e-9):.1f} MB/s."
        )
    lines = [
        f"Library search: {len(files)} books, {text_bytes / 1e6:.1f} MB of text "
        f"(half Chinese, half English), {args.notes:,} highlights and notes; "
        f"{os.cpu_count()} cores ({cpu}), load {load[0]:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end; Python {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}.",
        "",
        "| query | examples | median | p95 | reference `str.find` median | p95 | hits (median) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, examples, med, p95, rmed, rp95, hits_med in rows:
        shown = ", ".join(examples)
        lines.append(
            f"| {name} | {shown} | {med:.1f} ms | {p95:.1f} ms | {rmed:.1f} ms | {rp95:.1f} ms | {hits_med:.0f} |"
        )
    lines += [
        "",
        f"- First query after indexing (notes compared with the library): {first_ms:.0f} ms "
        f"({len(first.hits)} hits).",
        f"- Reading the books as the reader shows them: {read_s:.1f} s "
        f"({text_bytes / 1e6 / read_s:.1f} MB/s).",
        f"- Indexing from nothing (reading included), "
        f"{'one thread' if args.workers == 1 else f'{args.workers} processes reading'}: "
        f"{index_s:.1f} s, **{text_bytes / 1e6 / index_s:.1f} MB/s**"
        + own
        + _cpu_note(index_cpu, text_bytes, args.workers),
        *(
            [
                f"- Indexing the same books read or searched before in the window (their "
                f"text saved beside their converted sections; a new index from nothing), "
                f"{'one thread' if args.workers == 1 else f'{args.workers} processes reading'}: "
                f"{warm_s:.1f} s, **{text_bytes / 1e6 / warm_s:.1f} MB/s**."
                + _cpu_note(warm_cpu, text_bytes, args.workers)
            ]
            if warm_s
            else []
        ),
        f"- Index file: {size / 1e6:.1f} MB for {text_bytes / 1e6:.1f} MB of text "
        f"(**{size / text_bytes:.2f}×**), the text itself kept in it compressed.",
        f"- Books indexed: {len(report.indexed)}, failed: {len(report.failed)}.",
    ]
    table = "\n".join(lines)
    print(table)
    args.out.write_text(table + "\n", encoding="utf-8")
    index.close()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
