"""Whether two trees show every book's text the same, byte for byte: `readmark text`
(with the repair, without it, and with its printed-page marks) of each book in
../shared/books, tests/fixtures/repair_corpus, tests/fixtures/plaintext and the bench
books (bench/books.py's Markdown and plain-text novel, bench/repair_open.py's converted
Markdown and OCR text), digested in a child process per tree.

    .venv/bin/python bench/same_text.py --against /work/wt/base/src [--mb 2]

A check for refactors of the conversion (the plain-text reflow, the repair) that must
not change what a reader sees. Exits 1 and names the books that differ.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SUFFIXES = {".md", ".markdown", ".txt", ".epub", ".html", ".htm", ".xhtml"}
VARIANTS = ((), ("--no-repair",), ("--pages",))

# `readmark text` run in this process for each book and variant, its stdout, stderr
# and exit code digested (a fresh READMARK_HOME, so no setting of the machine's counts).
CHILD = r"""
import contextlib, hashlib, io, json, sys
from readmark import cli
out = {}
variants = json.loads(sys.argv[1])
for path in sys.argv[2:]:
    digest = hashlib.blake2b(digest_size=8)
    for variant in variants:
        stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogatepass")
        stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogatepass")
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = cli.main(["text", *variant, path])
        stdout.flush()
        stderr.flush()
        digest.update(stdout.buffer.getvalue() + b"\0" + stderr.buffer.getvalue())
        digest.update(f"\0{code}\0".encode())
    out[path] = digest.hexdigest()
print(json.dumps(out, ensure_ascii=False))
"""


def _shared_books() -> Path:
    for folder in (ROOT.parent / "shared" / "books", ROOT.parent.parent / "shared" / "books"):
        if folder.is_dir():
            return folder
    return ROOT.parent / "shared" / "books"


def books_at_hand(folder: Path, mb: float) -> list[str]:
    """The books compared: the real ones, the fixtures, and the bench books made here."""
    sys.path.insert(0, str(BENCH))
    from books import generate, generate_novel
    from repair_open import make_markdown, make_text

    roots = [
        _shared_books(),
        ROOT / "tests" / "fixtures" / "repair_corpus",
        ROOT / "tests" / "fixtures" / "plaintext",
    ]
    paths = [
        str(p) for root in roots for p in sorted(root.iterdir()) if p.suffix.lower() in SUFFIXES
    ]
    paths = [p for p in paths if not p.endswith("README.md")]
    size = int(mb * 1_000_000)
    for language in ("zh", "en"):
        path = folder / f"bench-{language}-{mb:g}MB.md"
        path.write_text(generate(language, size, 7), encoding="utf-8")
        paths.append(str(path))
    novel = folder / f"bench-novel-{mb:g}MB.txt"
    novel.write_bytes(generate_novel(size, 7).encode("gb18030"))
    paths += [str(novel), str(make_markdown(folder, mb)), str(make_text(folder, mb))]
    return paths


def digests(src: Path, paths: list[str], home: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(src), "READMARK_HOME": str(home)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(VARIANTS), *paths],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, str] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="the other tree's src/")
    parser.add_argument("--mb", type=float, default=2.0, help="size of the bench books")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="readmark-same-text-") as work:
        folder = Path(work)
        paths = books_at_hand(folder, args.mb)
        mine = digests(ROOT / "src", paths, folder / "home-mine")
        theirs = digests(args.against.resolve(), paths, folder / "home-theirs")
    differ = [p for p in paths if mine.get(p) != theirs.get(p)]
    print(f"{len(paths)} books, {len(VARIANTS)} ways each, {len(differ)} differ")
    for path in differ:
        print(f"  {path}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
