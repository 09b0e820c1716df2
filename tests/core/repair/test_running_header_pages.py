"""Printed pages from a Markdown book's running headers: a header carrying its page's
number (`The Silent Birds 12`, `14 The Silent Birds`) goes from the text as before and
its number stays as an invisible page mark where the text after it starts
(core/repair/running_headers, core/repair/page_marks), as in plain-text books."""

from __future__ import annotations

import re
from pathlib import Path

from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
from readmark.core.html_text import html_to_text
from readmark.core.repair.page_marks import PageIndex, printed_pages

# A converted chapter whose pages each start with the book's title and the page's number,
# at the left or right edge; the pages cut two sentences.
CHAPTER = """# Chapter 1

The keeper opened the cage every morning and the birds, one after another, flew out over

The Silent Birds 12

the garden wall and came back in the evening to sleep in the warm straw of the

The Silent Birds 13

loft, where the keeper counted them, one by one, before he closed the door.

14 The Silent Birds

## Evening

They sang at night.

The Silent Birds 15

Birds that were never let out forgot how to fly, and sat.
"""

# Where each page starts, as the reader shows the text.
STARTS = {
    "12": "the garden wall and came back",
    "13": "loft, where the keeper counted",
    "14": "Evening",
    "15": "Birds that were never let out",
}


def _book(tmp_path: Path, text: str = CHAPTER, repair: bool = True):  # type: ignore[no-untyped-def]
    path = tmp_path / "birds.md"
    path.write_text(text, encoding="utf-8")
    return open_book(path, LoadOptions(repair=repair))


def test_each_page_starts_where_its_header_stood(tmp_path: Path) -> None:
    book = _book(tmp_path)
    pages = PageIndex(printed_pages(book))
    assert [p.label for p in pages.pages] == ["12", "13", "14", "15"]
    for label, start in STARTS.items():
        page = pages.find(label)
        assert page is not None
        text = book.section_text(page.section)
        assert text[page.offset :].startswith(start), (label, text[page.offset :][:40])


def test_the_headers_go_and_the_cut_sentences_are_joined(tmp_path: Path) -> None:
    book = _book(tmp_path)
    text = "\n".join(book.section_text(i) for i in range(len(book.sections)))
    assert "Silent Birds" not in text
    assert "flew out over the garden wall" in text
    assert "in the warm straw of the loft, where" in text
    assert "\nEvening\n" in text  # the heading a page starts with is shown as written
    off = _book(tmp_path, repair=False)
    assert [s.title for s in book.sections] == [s.title for s in off.sections]


def test_the_marks_change_neither_the_text_nor_its_offsets(tmp_path: Path) -> None:
    book = _book(tmp_path)
    for index in range(len(book.sections)):
        html = book.section_html(index)
        without = re.sub(r'<a name="rm-page-[0-9a-z]+"></a>', "", html)
        assert book.section_text(index) == html_to_text(without)
        assert not re.search("[\ue000-\uf8ff]", book.section_text(index))


def test_a_number_every_copy_carries_alike_is_no_page(tmp_path: Path) -> None:
    same = re.sub(r"The Silent Birds \d+|\d+ The Silent Birds", "Annual Report 2022", CHAPTER)
    book = _book(tmp_path, same)
    assert printed_pages(book) == []
    text = "\n".join(book.section_text(i) for i in range(len(book.sections)))
    assert "Annual Report" not in text and "flew out over the garden wall" in text


def test_no_pages_with_the_repair_off(tmp_path: Path) -> None:
    book = _book(tmp_path, repair=False)
    assert printed_pages(book) == []
    assert "The Silent Birds 12" in book.section_text(0)
