"""The library index's own speed: books whose text is already made (saved as the
window saves a book it read or searched), indexed from nothing — what is left of
indexing once converting is free (issue 11 §5: the index side's MB/s).

    .venv/bin/python bench/index_side.py [--mb 20] [--books 40] [--workers 2] [--profile]

Books are made as bench/library_search.py makes them (bench/books.py, seeded,
every other one Chinese), added to a fresh library, converted once and their
text and folded text saved in the render cache (not timed). Then a fresh index
is made `--repeat` times from that cache and the best time is reported, with
the MB/s of each language alone. `--profile`: one run in this process under
cProfile (workers 1), the top functions printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _disk_size(index: object, path: Path) -> int:
    """The index's files on disk (one file before the terms had shards of their own)."""
    if hasattr(index, "disk_size"):
        return int(index.disk_size())
    index._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[attr-defined]  # noqa: SLF001
    return path.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--books", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("zh", "en"), default=None)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="readmark-indexside-"))
    os.environ["READMARK_HOME"] = str(home)

    from books import generate

    from readmark import paths
    from readmark.core.formats import open_book
    from readmark.core.operations.library_books import add_books
    from readmark.core.render_cache import RenderCache
    from readmark.core.search.book_text import BookText
    from readmark.core.search.index import SearchIndex
    from readmark.core.search.saved_text import SavedText
    from readmark.core.store.library import Library

    folder = home / "books"
    folder.mkdir()
    each = int(args.mb * 1e6 / args.books)
    files = []
    for n in range(args.books):
        language = "zh" if n % 2 == 0 else "en"
        if args.only and language != args.only:
            continue
        path = folder / f"{language}-{n:03d}.md"
        path.write_text(generate(language, each, seed=n), encoding="utf-8")
        files.append(path)
    library = Library(paths.library_db())
    add_books(library, files)
    cache = RenderCache(paths.render_cache_dir())
    text_bytes = 0
    for path in files:
        book = open_book(path)
        text = BookText(len(book.sections), book.section_html, SavedText(cache, book.cache_key))
        for index in range(len(book.sections)):
            text_bytes += len(text.text(index).encode())
            text.folded(index)
        text.keep()
    mb = text_bytes / 1e6

    if args.profile:
        import cProfile
        import pstats

        index = SearchIndex(home / "profiled.sqlite")
        profile = cProfile.Profile()
        profile.enable()
        index.update(library, sections=paths.render_cache_dir())
        profile.disable()
        index.close()
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        return 0

    import resource

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers, once ended
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    def own_cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        return own.ru_utime + own.ru_stime

    times, cpus, mains = [], [], []
    for run in range(args.repeat):
        target = home / f"index-{run}.sqlite"
        index = SearchIndex(target)
        t, c, m = time.perf_counter(), cpu(), own_cpu()
        report = index.update(library, workers=args.workers, sections=paths.render_cache_dir())
        times.append(time.perf_counter() - t)
        cpus.append(cpu() - c)
        mains.append(own_cpu() - m)
        assert len(report.indexed) == len(files), report.failed
        size = _disk_size(index, target)
        index.close()
    best = min(times)
    print(
        f"index side: {len(files)} books, {mb:.1f} MB of text, {args.workers} workers: "
        f"best {best:.2f} s of {', '.join(f'{t:.2f}' for t in times)} -> "
        f"**{mb / best:.1f} MB/s**; CPU (all processes) {min(cpus):.2f} s "
        f"= {mb / min(cpus):.1f} MB per CPU-second, {min(mains):.2f} s of it in the "
        f"process that updates (the one writer); "
        f"index {size / 1e6:.1f} MB ({size / text_bytes:.2f}x); "
        f"load {os.getloadavg()[0]:.1f}"
    )
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
