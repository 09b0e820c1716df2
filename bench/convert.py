"""Converting whole books to display HTML and text: this tree next to another, taking turns.

    .venv/bin/python bench/convert.py [--against /path/to/other/src] [--mb 3] [--rounds 5]

For each generated bench book (bench/books.py `generate(lang, MB, 7)`, Chinese and
English), every section's `Book.section_html` (print repair, Python-Markdown, the
sanitizer) and `html_to_text` of it, and `Book.section_text` alone in a book
opened anew (what search and indexing ask for: where a renderer can, made without
all of the HTML), CPU time of the process (`process_time`, less
moved by other work on a shared machine than wall time). Each measurement is a
fresh child process of the same interpreter with PYTHONPATH on one tree's `src`;
the trees take turns; medians over the rounds. `--digest` instead prints a digest
of every section's HTML and text of the books at hand (../shared/books, the test
fixtures and hostile samples, the bench books), to compare two revisions byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

CHILD = r"""
import json, sys, time
from pathlib import Path
from readmark.core.formats import open_book
from readmark.core.html_text import html_to_text
out = {}
for path in sys.argv[1:]:
    book = open_book(Path(path))
    html_s = text_s = 0.0
    for i in range(len(book.sections)):
        a = time.process_time(); html = book.section_html(i)
        b = time.process_time(); html_to_text(html)
        c = time.process_time()
        html_s += b - a; text_s += c - b
    book = open_book(Path(path))  # the text alone, as search and indexing ask for it
    a = time.process_time()
    for i in range(len(book.sections)):
        book.section_text(i)
    alone_s = time.process_time() - a
    out[path] = [html_s, text_s, Path(path).stat().st_size, alone_s]
print(json.dumps(out))
"""

DIGEST = r"""
import hashlib, json, sys
from pathlib import Path
from readmark.core.book import BookError
from readmark.core.formats import open_book
from readmark.core.html_text import html_to_text
out = {}
for path in sys.argv[1:]:
    try:
        book = open_book(Path(path))
    except BookError as error:
        out[path] = "refused"
        continue
    digest = hashlib.blake2b(digest_size=8)
    for i in range(len(book.sections)):
        html = book.section_html(i)
        digest.update((html + "\0" + html_to_text(html) + "\0").encode("utf-8", "surrogatepass"))
    alone = open_book(Path(path))  # the text alone, as search asks for it: the same
    for i in range(len(alone.sections)):
        digest.update((alone.section_text(i) + "\0").encode("utf-8", "surrogatepass"))
    out[path] = f"{len(book.sections)} sections {digest.hexdigest()}"
print(json.dumps(out, ensure_ascii=False, indent=0))
"""


def _books(folder: Path, mb: float) -> list[str]:
    sys.path.insert(0, str(BENCH))
    from books import generate

    paths = []
    for language in ("zh", "en"):
        path = folder / f"{language}-{mb:g}MB.md"
        path.write_text(generate(language, int(mb * 1_000_000), 7), encoding="utf-8")
        paths.append(str(path))
    return paths


def _child(src: Path, code: str, paths: list[str]) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", code, *paths], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _books_at_hand(folder: Path) -> list[str]:
    suffixes = {".md", ".markdown", ".txt", ".epub", ".html", ".htm", ".xhtml"}
    roots = [ROOT.parent / "shared" / "books", ROOT.parent.parent / "shared" / "books"]
    roots += [ROOT / "tests" / "fixtures", ROOT / "tests" / "hostile"]
    found = [
        str(p)
        for root in roots
        if root.is_dir()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix.lower() in suffixes
    ]
    return found + _books(folder, 0.3)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", type=Path, help="another tree's src/ to measure in turn")
    parser.add_argument("--mb", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--digest", action="store_true")
    args = parser.parse_args()
    trees = {"this tree": ROOT / "src"}
    if args.against is not None:
        trees["against"] = args.against.resolve()
    with tempfile.TemporaryDirectory(prefix="readmark-convert-") as folder:
        if args.digest:
            paths = _books_at_hand(Path(folder))
            digests = {name: _child(src, DIGEST, paths) for name, src in trees.items()}
            if len(digests) == 1:
                print(json.dumps(digests["this tree"], ensure_ascii=False, indent=0))
                return 0
            mine, theirs = digests["this tree"], digests["against"]
            differ = [p for p in paths if mine.get(p) != theirs.get(p)]
            print(f"{len(paths)} books, {len(differ)} differ")
            for path in differ:
                print(f"  {path}: {mine.get(path)} / {theirs.get(path)}")
            return 1 if differ else 0
        paths = _books(Path(folder), args.mb)
        got: dict[str, dict[str, list[list[float]]]] = {name: {} for name in trees}
        for _round in range(args.rounds):
            for name, src in trees.items():
                for path, value in _child(src, CHILD, paths).items():
                    got[name].setdefault(path, []).append(value)  # type: ignore[arg-type]
    print(f"load average {os.getloadavg()[0]:.2f}, medians of {args.rounds}, CPU seconds")
    print("| book | tree | section_html | html_to_text | both | MB/s | section_text alone | MB/s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for path in paths:
        for name in trees:
            runs = got[name][path]
            html = statistics.median(r[0] for r in runs)
            text = statistics.median(r[1] for r in runs)
            both = statistics.median(r[0] + r[1] for r in runs)
            mb = runs[0][2] / 1e6
            label = Path(path).stem
            alone = statistics.median(r[3] for r in runs)
            print(
                f"| {label} | {name} | {html:.3f} | {text:.3f} | {both:.3f} | {mb / both:.1f} "
                f"| {alone:.3f} | {mb / alone:.1f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
