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


# The same chapter as a journal article prints it: the title and the page's number in
# the footer, under the page's notes, over the next page (its converter's page anchor).
# Shaped like a Markdown conversion of a TACL article that keeps each page's footer
# (`Downloaded from … by guest on 04 July 2026` under its notes, page after page).
FOOTERS = """# Chapter 1

The keeper opened the cage every morning and the birds, one after another, flew out over
the garden wall.<sup>1</sup>

<sup>1</sup> Most of them came back by evening.

The Silent Birds 12

<span id="page-13-0"></span>They came back in the evening to sleep in the warm straw of the
loft, where the keeper counted them.<sup>2</sup>

<sup>2</sup> He counted them twice.

The Silent Birds 13

<span id="page-14-0"></span>Birds that were never let out forgot how to fly, and sat.

The Silent Birds 14
"""

FOOTER_STARTS = {
    "12": "Chapter 1",  # the page the chapter opens
    "13": "They came back in the evening",
    "14": "Birds that were never let out",
}


def test_a_footer_numbers_the_page_it_ends(tmp_path: Path) -> None:
    """Measured, not assumed: these headers stand at their pages' feet (under the notes,
    over the next page's anchor), so each number marks the page that ends there, not
    the one after it."""
    book = _book(tmp_path, FOOTERS)
    pages = PageIndex(printed_pages(book))
    assert [p.label for p in pages.pages] == ["12", "13", "14"]
    for label, start in FOOTER_STARTS.items():
        page = pages.find(label)
        assert page is not None
        text = book.section_text(page.section)
        assert text[page.offset :].startswith(start), (label, text[page.offset :][:40])
    text = "\n".join(book.section_text(i) for i in range(len(book.sections)))
    assert "Silent Birds" not in text
    assert "Most of them came back by evening." in text  # the notes are kept, linked


def test_the_same_headers_over_their_pages_number_the_page_after(tmp_path: Path) -> None:
    """The same lines standing under a page rule, over their pages' text: headers, each
    number marking the text after it."""
    tops = """# Chapter 1

Preface text that ends its page.

---

The Silent Birds 12

The keeper opened the cage every morning.

---

The Silent Birds 13

They came back in the evening.

---

The Silent Birds 14

Birds that were never let out forgot how to fly.
"""
    book = _book(tmp_path, tops)
    pages = PageIndex(printed_pages(book))
    assert [p.label for p in pages.pages] == ["12", "13", "14"]
    page = pages.find("13")
    assert page is not None
    assert book.section_text(page.section)[page.offset :].startswith("They came back")
