"""The repair scored on real converted books: tests/fixtures/repair_corpus.

Each book there has a `.truth.json` written by reading it (see its SOURCES.md). The
book is opened the way the reader opens it (repair on) and its shown text, one
paragraph per line, is checked against the truth:

- a join is made when one shown paragraph holds the `joined` text;
- a false join is a break that must stay (`keeps`) whose two sides ended up glued
  in one paragraph;
- a debris line is removed when it is neither a paragraph of its own nor (for a
  line of six characters or more, which cannot be a word of the text) inside one,
  beyond the copies the book holds that are not furniture (a title page's title);
- a footnote is attached when its marker became a link (the sentence is shown
  without the printed marker symbol, or with its digit made a link; in a Markdown
  book, the words before the marker are followed by a note reference and the body
  stands in the section's notes) and no text was lost: the body is still shown;
- a caption is kept apart when it is shown as a paragraph of its own (beside its
  image), never inside a sentence;
- characters lost: letters and digits of the book (less its furniture and its notes'
  printed labels, which the reader's own note numbers replace) not shown;
- chapter titles whole: a chapter's number and its title (`第三回　賈雨村夤緣复舊職…`)
  listed together in the book's contents;
- letter-spacing closed: a justified print line set with spaces between its characters
  (`有 关 组 织 包 括`) shown closed up (`有关组织包括`).

`score_corpus()` returns, per book and in total, (found, of) for each measure; used by
bench/repair_score.py (the table) and tests/core/repair/test_repair_corpus.py (CI).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "repair_corpus"
MEASURES = (
    "chapter titles whole",
    "captions kept apart",
    "letter-spacing closed",
    "joins made",
    "false joins",
    "debris removed",
    "footnotes attached",
    "characters lost",
)


@dataclass(frozen=True)
class BookScore:
    joins: tuple[int, int]
    false_joins: tuple[int, int]  # (glued, breaks checked)
    debris: tuple[int, int]
    footnotes: tuple[int, int]
    lost: tuple[int, int]  # (letters and digits of the text gone, of all)
    headings: tuple[int, int] = (0, 0)  # chapter titles found whole in the contents
    closed: tuple[int, int] = (0, 0)  # letter-spaced print lines shown closed up
    captions: tuple[int, int] = (0, 0)  # captions shown as paragraphs of their own

    def as_dict(self) -> dict[str, list[int]]:
        return {
            "chapter titles whole": list(self.headings),
            "captions kept apart": list(self.captions),
            "letter-spacing closed": list(self.closed),
            "joins made": list(self.joins),
            "false joins": list(self.false_joins),
            "debris removed": list(self.debris),
            "footnotes attached": list(self.footnotes),
            "characters lost": list(self.lost),
        }


def _norm(text: str) -> str:
    return " ".join(text.split())


def contents_titles(path: Path) -> list[str]:
    """The book's contents as the reader lists them, whitespace folded."""
    from readmark.core.formats import open_book

    return [_norm(entry.title) for entry in open_book(path).toc_entries()]


def shown_paragraphs(path: Path, repair: bool = True) -> list[str]:
    """The book's paragraphs as the reader shows them, whitespace folded."""
    from readmark.core.book import LoadOptions
    from readmark.core.formats import open_book

    book = open_book(path, LoadOptions(repair=repair))
    return [
        _norm(p)
        for i in range(len(book.sections))
        for p in book.section_text(i).split("\n")
        if p.strip()
    ]


# A Markdown marker as a converter writes it, after the words it follows.
_MARKUP_MARKER = re.compile(
    r"\s?(?:\[\d{1,3}\]\(#[^)]*\)|<sup>[^<]*</sup>|\$\^\{?\d{1,3}\}?\$"
    r"|\\\(\{\}\^\{\d{1,3}\}\\\)|[¹²³⁰-⁹]+|\d{1,3}|\*+)$"
)
_NOTE_REF = re.compile(r'<sup id="fnref[^"]*">.*?</sup>', re.DOTALL)
_NOTES_DIV = re.compile(r'<div class="footnote">(.*?)</div>', re.DOTALL)


def _html_text(html: str) -> str:
    from html import unescape

    return _norm(unescape(re.sub(r"<[^>]+>", "", html)))


def markdown_notes(path: Path) -> tuple[str, str]:
    """A Markdown book's running text with each note reference shown as `⁂`, and the
    text of its notes (what the reader shows in the popups)."""
    from readmark.core.book import LoadOptions
    from readmark.core.formats import open_book

    book = open_book(path, LoadOptions(repair=True))
    running, notes = [], []
    for index in range(len(book.sections)):
        html = book.section_html(index)
        notes.extend(_html_text(div) for div in _NOTES_DIV.findall(html))
        html = _NOTES_DIV.sub("", html)
        running.append(_html_text(_NOTE_REF.sub(" \u2042", html)).replace(" \u2042", "\u2042"))
    return "\n".join(running), "\n".join(notes)


_PLAIN_NOTE_REF = re.compile(r'<sup><a href="#[^"]*">\d+</a></sup>')


def plain_links(path: Path) -> str:
    """A plain-text book's text as shown, each note link (`<sup><a href=…>1</a></sup>`,
    its marker made a link) shown as `⁂`."""
    from readmark.core.book import LoadOptions
    from readmark.core.formats import open_book

    book = open_book(path, LoadOptions(repair=True))
    return "\n".join(
        _html_text(_PLAIN_NOTE_REF.sub("\u2042", book.section_html(i)))
        for i in range(len(book.sections))
    )


def _glued(paragraphs: list[str], left: str, right: str) -> bool:
    pattern = re.compile(re.escape(left) + r"\s?-?\s?" + re.escape(right))
    return any(pattern.search(p) for p in paragraphs if left in p and right in p)


def score_book(truth_path: Path) -> BookScore:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    paragraphs = shown_paragraphs(truth_path.parent / truth["file"])
    text = "\n".join(paragraphs)
    if truth["language"].startswith(("zh", "ja")):
        # Chinese and Japanese are read without spaces: a join is judged on the
        # characters (`第三十二条　没有…` and `第三十二条没有…` alike).
        bare = [re.sub(r"\s", "", p) for p in paragraphs]
        joins = sum(any(re.sub(r"\s", "", j["joined"]) in p for p in bare) for j in truth["joins"])
    else:
        joins = sum(any(_norm(j["joined"]) in p for p in paragraphs) for j in truth["joins"])
    glued = sum(_glued(paragraphs, _norm(k["left"]), _norm(k["right"])) for k in truth["keeps"])
    expected: dict[str, int] = {}
    for line in truth["debris"]:
        expected[_norm(line)] = expected.get(_norm(line), 0) + 1
    source = _norm(
        " ".join((truth_path.parent / truth["file"]).read_text(encoding="utf-8").split())
    )
    source_lines = [
        _norm(line)
        for line in (truth_path.parent / truth["file"]).read_text(encoding="utf-8").splitlines()
    ]
    removed = 0
    for line, count in expected.items():
        # What the book has of this text besides its furniture stays: a title page's
        # "NERVOUS EXHAUSTION." is not a running header.
        if len(line) >= 6:
            legit = source.count(line) - count
            left = sum(p.count(line) for p in paragraphs) - legit
        else:
            legit = sum(s == line for s in source_lines) - count
            left = sum(p == line for p in paragraphs) - legit
        removed += count - min(count, max(0, left))
    attached = 0
    notes_md = (
        markdown_notes(truth_path.parent / truth["file"])
        if truth["format"] == "markdown" and truth["footnotes"]
        else None
    )
    for note in truth["footnotes"]:
        body = _norm(note["body"]).lstrip("*")[:20]
        marker = _norm(note["marker"])
        if notes_md is not None:
            running, notes = notes_md
            bare = _norm(_MARKUP_MARKER.sub("", marker))
            attached += int(
                body in notes and bool(re.search(re.escape(bare) + r"\s?\u2042", running))
            )
            continue
        bare = marker.rstrip("*^¹²³0123456789").rstrip()
        linked = any(bare in p and marker not in p for p in paragraphs)
        if not linked:  # a digit marker keeps its digit, now a link (`…sort)1 .`)
            shown = plain_links(truth_path.parent / truth["file"])
            linked = bool(re.search(re.escape(bare) + "\u2042", shown))
        attached += int(body in text and linked)
    captions = truth.get("captions", [])
    apart = sum(
        any(p.startswith(_norm(c)) for p in paragraphs)
        and not any(_norm(c) in p and not p.startswith(_norm(c)) for p in paragraphs)
        for c in captions
    )

    # Text is never lost: the letters and digits shown are those of the book (for
    # Markdown, as shown without repair) less those of its furniture.
    def alnum(text: str) -> int:
        return sum(ch.isalnum() for ch in text)

    book_text = (
        (truth_path.parent / truth["file"]).read_text(encoding="utf-8")
        if truth["format"] == "text"
        else "\n".join(shown_paragraphs(truth_path.parent / truth["file"], repair=False))
    )
    # A note's printed label (`Footnote 4:`, the `1` of `<sup>1</sup>`) is no text: the
    # reader numbers its notes itself.
    labels = sum(alnum(note.get("label", "")) for note in truth["footnotes"])
    whole = alnum(book_text) - sum(alnum(line) for line in truth["debris"]) - labels
    lost = max(0, whole - alnum(text))
    headings = truth.get("headings", [])
    closed = truth.get("closed", [])
    return BookScore(
        (joins, len(truth["joins"])),
        (glued, len(truth["keeps"])),
        (removed, len(truth["debris"])),
        (attached, len(truth["footnotes"])),
        (lost, whole),
        (
            sum(_norm(h) in contents_titles(truth_path.parent / truth["file"]) for h in headings),
            len(headings),
        ),
        (sum(any(c in p for p in paragraphs) for c in closed), len(closed)),
        (apart, len(captions)),
    )


def score_corpus() -> dict[str, dict[str, list[int]]]:
    """Per book (by file name) and "total": measure -> [found, of]."""
    result: dict[str, dict[str, list[int]]] = {}
    total = {name: [0, 0] for name in MEASURES}
    for truth_path in sorted(CORPUS.glob("*.truth.json")):
        scores = score_book(truth_path).as_dict()
        result[truth_path.name.removesuffix(".truth.json")] = scores
        for name, (found, of) in scores.items():
            total[name][0] += found
            total[name][1] += of
    result["total"] = total
    return result
