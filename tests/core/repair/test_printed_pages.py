"""Printed pages, kept: the page numbers the repair drops become invisible marks at the
place their page starts, on real converted books (tests/fixtures/repair_corpus).

The ground truth was read in the files: e.g. in Think Python through pdftotext, page 3
is the form feed followed by `1.3. The first program` / `3` (its header and number)
and then `The first three lines contain information…`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readmark.core.book import LoadOptions
from readmark.core.citation import quote_with_source
from readmark.core.formats import open_book
from readmark.core.html_text import html_to_text
from readmark.core.repair.page_marks import (
    PageIndex,
    PrintedPage,
    page_label,
    plausible,
    printed_pages,
)

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "repair_corpus"

# (file, printed page, the text the page starts with as the reader shows it), read in
# the files: a page-number line at the top of its page (pdftotext, the Internet
# Archive's OCR), or under the page's last line (`— 12 —` ends page 12 of the draft).
PAGE_STARTS = [
    ("en_pdftotext_think_python.txt", "3", "The first three lines contain information"),
    ("en_pdftotext_think_python.txt", "4", "The operators +, -, and * perform addition"),
    # Page 9's first line finishes the word page 8 hyphenated: `disagreea-` / `ble`.
    ("en_ia_nervous_exhaustion.txt", "9", "ble were the sensations it produced"),
    ("zh_hans_pdftotext_civil_code_draft.txt", "13", "第三十二条\u3000没有依法具有监护资格的人的"),
]


def _book(name: str, repair: bool = True):  # type: ignore[no-untyped-def]
    return open_book(CORPUS / name, LoadOptions(repair=repair))


@pytest.mark.parametrize(("name", "label", "start"), PAGE_STARTS)
def test_a_printed_page_starts_where_the_book_says(name: str, label: str, start: str) -> None:
    book = _book(name)
    page = PageIndex(printed_pages(book)).find(label)
    assert page is not None
    text = book.section_text(page.section)
    assert text[page.offset :].startswith(start), text[page.offset : page.offset + 60]


def test_every_page_of_the_civil_code_draft_is_kept_in_order() -> None:
    # Pages 11–30 of the PDF; page 30's number fell outside the excerpt.
    labels = [p.label for p in printed_pages(_book("zh_hans_pdftotext_civil_code_draft.txt"))]
    assert labels == [str(n) for n in range(11, 30)]


def test_the_marks_change_neither_the_text_nor_its_offsets() -> None:
    for name in ("en_ia_nervous_exhaustion.txt", "zh_hans_pdftotext_civil_code_draft.txt"):
        book = _book(name)
        for index in range(len(book.sections)):
            html = book.section_html(index)
            without = re.sub(r'<a name="rm-page-[0-9a-z]+"></a>', "", html)
            assert book.section_text(index) == html_to_text(without)
            assert not re.search("[\ue000-\uf8ff]", book.section_text(index))


def test_no_marks_with_the_repair_off_or_in_a_book_never_printed() -> None:
    assert printed_pages(_book("en_ia_nervous_exhaustion.txt", repair=False)) == []
    assert printed_pages(_book("zh_hant_gutenberg_hong_lou_meng.txt")) == []


def test_a_markdown_page_number_between_split_halves_marks_its_page(tmp_path: Path) -> None:
    path = tmp_path / "book.md"
    path.write_text(
        "# 第一章\n\n全党同志特别是各级领导干部要加强宗旨观、群众\n\n- 41 -\n\n"
        "观、权力观教育，牢固树立正确的权力观。\n",
        encoding="utf-8",
    )
    book = open_book(path, LoadOptions())
    [page] = printed_pages(book)
    assert page.label == "41"
    text = book.section_text(page.section)
    assert text[page.offset :].startswith("观、权力观教育")
    assert "群众观、权力观" in text  # joined, the number gone from the text


def test_markdown_sections_without_a_page_number_are_not_converted_to_look(
    tmp_path: Path,
) -> None:
    # Converting a big book through in the background slows the reader's own
    # conversions after it opens: only a section that can hold a mark is read.
    path = tmp_path / "book.md"
    chapters = [f"# 第{n}章\n\n平常的文字，一页又一页。\n" for n in range(1, 6)]
    chapters[3] += "\n全党同志特别是各级领导干部要加强宗旨观、群众\n\n- 17 -\n\n观、权力观教育。\n"
    path.write_text("\n".join(chapters), encoding="utf-8")
    book = open_book(path, LoadOptions())
    read: list[int] = []

    def html_of(index: int) -> str:
        read.append(index)
        return book.section_html(index)

    [page] = printed_pages(book, html_of)
    assert page.label == "17" and read == [page.section] == [3]


def test_page_labels_in_their_printed_forms() -> None:
    assert [page_label(line) for line in ("41", "- 41 -", "— 13 —", "第 41 页", "Page 7")] == [
        "41",
        "41",
        "13",
        "41",
        "7",
    ]
    assert page_label("iii") == "iii"
    assert page_label("NERVOUS EXHAUSTION. 9") == "9"
    assert page_label("20 THE SILENT FRIEND.") == "20"
    assert page_label("THE SILENT FRIEND.") == ""


def test_misread_numbers_are_left_out() -> None:
    def pages(*labels: str) -> list[PrintedPage]:
        return [PrintedPage(0, k * 10, label) for k, label in enumerate(labels)]

    kept = plausible(pages("ii", "iii", "1", "2", "9", "2", "12", "0", "14", "i"))
    assert [p.label for p in kept] == ["ii", "iii", "1", "2", "9", "12", "14"]


def test_the_page_of_a_place_and_a_page_not_in_the_book() -> None:
    index = PageIndex([PrintedPage(0, 100, "4"), PrintedPage(0, 900, "5"), PrintedPage(2, 0, "6")])
    assert index.page_at(0, 50) == ""  # before the first mark: not known
    assert index.page_at(0, 100) == "4"
    assert index.page_at(1, 5) == "5"  # a section without a mark is on the page before it
    assert index.page_at(2, 3) == "6"
    assert index.find(" 05 ") == PrintedPage(0, 900, "5")
    assert index.find("41") is None


def test_a_quote_cites_the_printed_page() -> None:
    from readmark.core.book import Metadata

    chinese = Metadata(title="怎样做好群众工作", language="zh-Hans")
    assert quote_with_source("群众路线", chinese, "前言", page="41") == (
        "“群众路线”\n——《怎样做好群众工作》前言，第41页"
    )
    english = Metadata(title="Nervous Exhaustion", authors=("George M. Beard",), language="en")
    assert quote_with_source("A lady patient", english, "", page="5") == (
        "“A lady patient”\n— George M. Beard, Nervous Exhaustion, p. 5"
    )


def test_a_printed_contents_list_links_each_entry_to_its_page(shared_books: Path) -> None:
    """The sample book's contents (`- (一)党的群众工作的优良传统 /1`) link to their pages;
    the text stays what it was."""
    from readmark.core.repair.contents_links import link_contents

    book = open_book(shared_books / "000_25b2869f1a30fd56.txt", LoadOptions())
    [index] = [i for i, s in enumerate(book.sections) if s.title.replace(" ", "") == "目录"]
    html = book.section_html(index)
    assert '<li><a href="#rm-page-1">(一)党的群众工作的优良传统 /1</a></li>' in html
    assert '<a href="#rm-page-41">(一)以人为本' in html
    unlinked = re.sub(r'<a href="#rm-page-\d+">(.*?)</a>', r"\1", html)
    assert html_to_text(unlinked) == book.section_text(index)
    # Fewer than three page references, or pages not rising: not a contents list.
    two = "<ul>\n<li>One /1</li>\n<li>Two /5</li>\n</ul>"
    assert link_contents(two) == two
    falling = "<p>Alpha …… 9</p><p>Beta …… 4</p><p>Gamma …… 2</p>"
    assert link_contents(falling) == falling
    dotted = "<p>Alpha …… 2</p><p>Beta .... 4</p><p>Gamma   9</p>"
    assert link_contents(dotted).count('<a href="#rm-page-') == 3


def test_no_contents_links_with_the_repair_off(shared_books: Path) -> None:
    book = open_book(shared_books / "000_25b2869f1a30fd56.txt", LoadOptions(repair=False))
    assert not any("rm-page-" in book.section_html(i) for i in range(len(book.sections)))


def test_the_report_and_pages_are_kept_with_the_book_and_read_back() -> None:
    from readmark.core.repair.report import repair_counts, report_from_json, report_json

    book = _book("en_ia_nervous_exhaustion.txt")
    counts, pages = repair_counts(book), printed_pages(book)
    assert report_from_json(report_json(counts, pages)) == (counts, pages)
    for damaged in ("", "{}", "[1, 2]", '{"counts": {"x": "y"}, "pages": []}', "\x00"):
        assert report_from_json(damaged) is None  # found again, never an error
