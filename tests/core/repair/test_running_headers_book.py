"""A Markdown book's running header repeated across the book, once or twice a chapter:
each copy that stands where a page turns goes, and the sentence it cut is joined;
the same line repeated by the text itself stays (core/repair/running_headers)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
from readmark.core.repair.blocks import Block, classify
from readmark.core.repair.furniture import HEADER_REPEATS
from readmark.core.repair.report import repair_counts
from readmark.core.repair.running_headers import _candidate_key, book_headers

CHAPTER = """# Chapter {n}

The keeper opened the cage every morning and the birds, one after another, flew out over

序　守護籠中鳥

the garden wall and came back in the evening to sleep.

Here is an example:

The birds that were never let out forgot how to fly.
"""


def _book(tmp_path: Path) -> Path:
    path = tmp_path / "converted.md"
    path.write_text("\n".join(CHAPTER.format(n=n) for n in range(1, 6)), encoding="utf-8")
    return path


def test_a_header_the_book_repeats_goes_from_every_chapter(tmp_path: Path) -> None:
    book = open_book(_book(tmp_path), LoadOptions(repair=True))
    texts = [book.section_text(i) for i in range(len(book.sections))]
    assert len(texts) == 5
    for text in texts:
        assert "序　守護籠中鳥" not in text
        assert "flew out over the garden wall and came back" in text
        assert "Here is an example:" in text  # the text's own repeated line stays
    assert repair_counts(book).running_headers == 5


def test_without_the_repair_the_book_is_shown_as_written(tmp_path: Path) -> None:
    book = open_book(_book(tmp_path), LoadOptions(repair=False))
    assert all("序　守護籠中鳥" in book.section_text(i) for i in range(len(book.sections)))


# The one-line paragraphs as `book_headers` first found them: a blank line at a line start.
_ALONE_AT_LINE_START = re.compile(r"(?m)^[ \t]*\n([^\n]{1,60})\n(?=[ \t]*\n)")
_SAMPLE_LINES = [
    "", "", " ", "\t", "\u3000", "序　守護籠中鳥", "THE CURIOUS CASE 12", "Chapter One", "12",
    "- item", "# Heading", "![image](x.png)", "the garden wall and came back", "x" * 61,
]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(_SAMPLE_LINES), max_size=30), max_size=6))
@example([["序　守護籠中鳥", "", "序　守護籠中鳥", "", "序　守護籠中鳥"]])  # one blank line apart
def test_the_book_headers_are_the_lines_alone_between_blank_lines(pages: list[list[str]]) -> None:
    """What `book_headers` counts: every one-line paragraph of the book's start, as the
    plain `(?m)^` pattern finds them (repeated three times or more, and not a heading,
    a list item, a page number or an image)."""
    sources = ["\n".join(lines) for lines in pages]
    counts: Counter[str] = Counter()
    for source in sources:
        for match in _ALONE_AT_LINE_START.finditer("\n" + source + "\n\n"):
            key = _candidate_key(Block(classify(match.group(1)), match.group(1)))
            if key:
                counts[key] += 1
    assert book_headers(sources) == {key for key, n in counts.items() if n >= HEADER_REPEATS}
