"""A Markdown book's running header repeated across the book, once or twice a chapter:
each copy that stands where a page turns goes, and the sentence it cut is joined;
the same line repeated by the text itself stays (core/repair/running_headers)."""

from __future__ import annotations

from pathlib import Path

from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
from readmark.core.repair.report import repair_counts

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
