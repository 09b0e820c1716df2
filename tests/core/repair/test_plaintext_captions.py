"""Captions a printed page put inside a sentence of a plain-text book (pdftotext of
*Think Python*, Appendix B: tests/fixtures/repair_corpus) are moved out of it, the
sentence joined, the caption shown as a paragraph of its own after the sentence's
paragraph (core/formats/plaintext/page_captions). Checked on the book as the reader
opens it, and on the same pages with a caption moved inside a page, where a figure in
the middle of a page puts it."""

from __future__ import annotations

from pathlib import Path

from readmark.core.book import LoadOptions
from readmark.core.formats import open_book

BOOK = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "repair_corpus"
    / "en_pdftotext_think_python_appendix_b.txt"
)
CAPTION = "Figure B.1.: The cost of a hashtable add."


def _shown(path: Path) -> list[str]:
    book = open_book(path, LoadOptions(repair=True))
    return [
        " ".join(p.split())
        for i in range(len(book.sections))
        for p in book.section_text(i).split("\n")
        if p.strip()
    ]


def _index(paragraphs: list[str], start: str) -> int:
    return next(i for i, p in enumerate(paragraphs) if p.startswith(start))


def test_the_caption_at_a_page_top_leaves_the_sentence_it_cut() -> None:
    shown = _shown(BOOK)
    sentence = _index(shown, "To see how this works, think about starting")
    assert "Let’s say that they take one unit of work each." in shown[sentence]
    assert CAPTION not in shown[sentence]
    # Right after the paragraph, a paragraph of its own; the text goes on after it.
    assert shown[sentence + 1] == CAPTION
    # The paragraph ends on a 79-character line the book's wrapped lines never leave
    # room like (test_plaintext_paragraph_ends.py); the next ones go on after the caption.
    assert shown[sentence].endswith("so the total so far is 6 units of work for 4 items.")
    assert shown[sentence + 2].startswith("The next add costs 5 units")
    assert shown[sentence + 3].startswith("The next add costs 9 units")
    assert "Appendix B. Analysis of Algorithms" not in "\n".join(shown)


def _with_caption_inside_a_page(tmp_path: Path, before: str, caption: str) -> Path:
    """The book with `caption` set between blank lines after its line ending `before`."""
    lines = BOOK.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.rstrip().endswith(before))
    lines[at + 1 : at + 1] = ["", caption, ""]
    path = tmp_path / "appendix_b.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_caption_inside_a_page_leaves_the_sentence_it_cut(tmp_path: Path) -> None:
    caption = "Figure B.2: Towers of rehashing."
    path = _with_caption_inside_a_page(tmp_path, "tall towers with increasing space", caption)
    shown = _shown(path)
    sentence = _index(shown, "The extra work of rehashing appears")
    assert "with increasing space between them. Now if you knock" in shown[sentence]
    assert shown[sentence + 1] == caption
    assert shown[sentence + 2].startswith("An important feature of this algorithm")


def test_a_caption_between_two_sentences_stays_where_it_is(tmp_path: Path) -> None:
    """Where the sentence above ended, the caption is in its place already: nothing is
    joined across it and it is not moved."""
    caption = "Figure B.2: Towers of rehashing."
    path = _with_caption_inside_a_page(tmp_path, "third costs 3 units, etc.", caption)
    shown = _shown(path)
    at = shown.index(caption)
    assert shown[at - 1].endswith("third costs 3 units, etc.")
    assert shown[at + 1].startswith("The extra work of rehashing appears")


def test_a_line_of_the_text_that_names_a_figure_is_no_caption() -> None:
    """`Figure B.1 shows how this works graphically.` is a sentence of the text: it stays
    in its place, after the sentence before it, never taken out as a caption."""
    shown = _shown(BOOK)
    assert any(
        "The important thing is that it is O(1). Figure B.1 shows how this works graphically." in p
        for p in shown
    )
