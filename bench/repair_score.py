"""How well print repair and plain-text reflow do on the real books in ../shared/books,
against ground truth written down by reading them — this revision next to a previous
one, measured in the same run (a score, not a test).

    .venv/bin/python bench/repair_score.py [--previous REV]

The ground truth (what a careful reader of each book would call its paragraphs):
- the sample book converted from print (000_…txt): its 11 paragraphs cut at a page
  break (listed in tests/core/repair/test_repair_print_book.py), its one stranded
  footnote, its 18 copyright-page lines that must stay lines, and no other join;
- 春秋左传 (one paragraph per line, no blank lines): every line stays a paragraph;
- Enchiridion (clean Markdown, nothing cut by a page): no paragraph joined;
- Alice (Project Gutenberg, hard-wrapped): each blank-line separated block of a
  chapter is one paragraph, its lines joined with spaces;
- 三国演义 (GBK, one paragraph per full-width-indented line): each such line is one
  paragraph, and there are 120 chapters;
- the real converted books of tests/fixtures/repair_corpus (bench/repair_corpus.py),
  per book and in total: joins made, false joins, debris removed, footnotes attached.
Each revision runs in a child process of the same interpreter (the previous one
unpacked with `git archive` and imported through PYTHONPATH). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BOOKS = next(
    (
        p
        for p in (ROOT.parent / "shared" / "books", ROOT.parent.parent / "shared" / "books")
        if p.is_dir()
    ),
    ROOT.parent / "shared" / "books",
)
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "tests" / "core" / "repair"))

import run  # noqa: E402 - the benchmark's settings and revision unpacking


def score() -> dict[str, list[int]]:
    """(found, of) per measure, for the readmark importable here."""
    from test_repair_print_book import COPYRIGHT_FIELDS, PAGE_SPLITS

    from readmark.core.formats import open_book
    from readmark.core.repair import repair_markdown

    def paragraphs(text: str) -> list[str]:
        return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]

    result: dict[str, list[int]] = {}
    sample = (BOOKS / "000_25b2869f1a30fd56.txt").read_text(encoding="utf-8")
    repaired = repair_markdown(sample)
    result["print book: page splits joined"] = [
        sum(end + start in repaired for end, start in PAGE_SPLITS),
        len(PAGE_SPLITS),
    ]
    attached = "[^fn1]" in repaired and "<sup>" not in repaired
    result["print book: stranded footnote attached"] = [int(attached), 1]
    lines = {line.strip() for line in repaired.splitlines()}
    result["print book: copyright lines kept as lines"] = [
        sum(field in lines for field in COPYRIGHT_FIELDS),
        len(COPYRIGHT_FIELDS),
    ]
    expected = len(paragraphs(sample)) - len(PAGE_SPLITS) - 2 + 1
    wrong = abs(len(paragraphs(repaired)) - expected)
    result["print book: paragraphs right (no other join or split)"] = [
        expected - wrong,
        expected,
    ]

    def shown_paragraphs(path: Path) -> set[str]:
        """The book's paragraphs as the reader shows them (repair on), spaces folded."""
        book = open_book(path)
        return {
            " ".join(p.split())
            for i in range(len(book.sections))
            for p in book.section_text(i).split("\n")
            if p.strip()
        }

    annals = BOOKS / "春秋左传_cleaned_text_sample.md"
    kept = [
        line.strip().lstrip("#").strip()
        for line in annals.read_text(encoding="utf-8-sig").splitlines()
        if line.strip()
    ]
    shown = shown_paragraphs(annals)
    result["春秋左传: lines kept as paragraphs"] = [sum(line in shown for line in kept), len(kept)]
    enchiridion = (BOOKS / "Enchiridion of Epictetus.md").read_text(encoding="utf-8")
    before = paragraphs(enchiridion.replace("\r\n", "\n"))
    after_list = paragraphs(repair_markdown(enchiridion.replace("\r\n", "\n")))
    result["Enchiridion: paragraphs left unjoined"] = [
        len(before) - max(0, len(before) - len(after_list)),
        len(before),
    ]

    alice = (BOOKS / "11-0.txt").read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    body = alice[alice.index("CHAPTER I.\n") :]
    body = body[: body.rindex("THE END")]
    truth: list[str] = []
    for chapter in re.split(r"\nCHAPTER [IVXL]+\.\n", "\n" + body)[1:]:
        # The reader shows _emphasis_ as italics, without the underscores.
        blocks = [
            " ".join(re.sub(r"(?<!\w)_(.+?)_(?!\w)", r"\1", b).split())
            for b in re.split(r"\n\s*\n", chapter)
            if b.strip()
        ]
        truth += blocks[1:]  # the chapter's title line
    book = open_book(BOOKS / "11-0.txt")
    shown = {
        " ".join(p.split())
        for i in range(len(book.sections))
        for p in book.section_text(i).split("\n\n")
    }
    result["Alice: paragraphs as printed"] = [sum(p in shown for p in truth), len(truth)]
    result["Alice: chapters found"] = [
        sum(1 for e in book.toc if e.title.startswith("CHAPTER")),
        12,
    ]

    novel = open_book(BOOKS / "三国演义.txt")
    raw = (BOOKS / "三国演义.txt").read_bytes().decode("gb18030", errors="replace")
    truth = [line.strip() for line in raw.splitlines() if line.startswith("\u3000\u3000")]
    shown = {
        p.strip() for i in range(len(novel.sections)) for p in novel.section_text(i).split("\n")
    }
    result["三国演义: paragraphs as printed"] = [sum(p in shown for p in truth), len(truth)]
    result["三国演义: chapters (回) found"] = [
        sum(1 for e in novel.toc if re.match(r"第.+回", e.title)),
        120,
    ]
    import repair_corpus

    for book, measures in repair_corpus.score_corpus().items():
        for name, pair in measures.items():
            if pair[1]:
                result[f"{book}: {name}"] = pair
    return result


def _child(src: Path) -> dict[str, list[int]]:
    env = dict(os.environ, PYTHONPATH=str(src), QT_QPA_PLATFORM="offscreen")
    # bench/run.py puts this checkout's src first on sys.path when imported: put the
    # revision scored back in front, and forget any readmark module loaded meanwhile.
    code = (
        f"import json, sys; sys.path.insert(0, {str(BENCH)!r}); import repair_score; "
        f"sys.path.insert(0, {str(src)!r}); "
        "[sys.modules.pop(m) for m in list(sys.modules) if m.split('.')[0] == 'readmark']; "
        "print('SCORE ' + json.dumps(repair_score.score(), ensure_ascii=False))"
    )
    done = subprocess.run(
        [run.PYTHON, "-c", code], env=env, capture_output=True, text=True, timeout=600
    )
    for line in done.stdout.splitlines():
        if line.startswith("SCORE "):
            return dict(json.loads(line[6:]))
    raise RuntimeError(f"no score from {src}:\n{done.stderr[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--previous", default=run.PREVIOUS_REVISION)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="readmark-repair-score-") as work:
        old_src, short = run.unpack_revision(args.previous, Path(work))
        now, before = _child(ROOT / "src"), _child(old_src)
    this = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(f"| measure (ground truth read from the book) | this revision ({this}) | {short} |")
    print("|---|---:|---:|")
    for name, (found, of) in now.items():
        old = before.get(name)
        then = f"{old[0]} / {old[1]}" if old else "—"
        if name.endswith("false joins"):  # fewer is better: glued / breaks that must stay
            print(f"| {name} (of the breaks that must stay) | {found} / {of} | {then} |")
        else:
            print(f"| {name} | {found} / {of} ({found / of:.0%}) | {then} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
