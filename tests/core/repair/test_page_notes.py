"""A footnote left at a page foot of an OCR text, between the halves of a sentence cut
by the page, is taken out of the sentence and linked from its marker (Beard's
*Nervous Exhaustion*, Internet Archive OCR: tests/fixtures/repair_corpus)."""

from __future__ import annotations

from pathlib import Path

from readmark.core.formats import open_book

BEARD = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "repair_corpus"
    / "en_ia_nervous_exhaustion.txt"
)


def test_a_page_foot_note_is_linked_from_its_marker_and_leaves_the_sentence() -> None:
    book = open_book(BEARD)
    html = book.section_html(0)
    # The marker `physicians.*` is a link to the note, the note an anchor the reader
    # shows in a popup (its name starts with "fn-").
    assert 'other physicians.<sup><a href="#fn-p0-1">1</a></sup>' in html
    assert '<a name="fn-p0-1"></a>1 Hay fever regularly decreases' in html
    text = book.section_text(0)
    # The sentence the note stood in is whole again, the note after its paragraph.
    assert "could never bear to even dip his hands in hot water, so disagreeable" in text
    assert text.index("so disagreeable were the sensations") < text.index("1 Hay fever")
    assert "*Hay fever" not in text and "physicians.*" not in text


def _ocr_book(page_three: str, page_five: str) -> str:
    """Eight OCR pages (a running header with its number, text wrapped at 62, blank runs
    between pages); pages 3 and 5 end mid-sentence over a note numbered with a bare
    digit, and the sentence goes on at the top of pages 4 and 6."""
    import textwrap

    words = (
        "the court held that a defendant in a state criminal trial has a right to proceed "
        "without counsel when he elects to do so and the state may not force a lawyer on him"
    ).split()
    out: list[str] = []
    for page in range(1, 9):
        body = " ".join(words[(page * 5 + i) % len(words)] for i in range(120)).capitalize() + "."
        if page in (3, 5):
            body = body[:300] + ". " + (page_three if page == 3 else page_five)
        if page in (4, 6):
            body = "went on alone in the court. " + body
        header = "FARETTA AND THE COURTS."
        out.append(f"{page + 10} {header}" if page % 2 == 0 else f"{header} {page + 10}")
        out += ["", *textwrap.wrap(body, 62)]
        if page == 3:
            out += ["", "4 See Faretta v. California, 422 U.S. 806 (1975)."]
        if page == 5:
            out += ["", "4 Measured from the courthouse steps in 1975."]
        out += ["", "", ""]
    return "\n".join(out)


def test_a_note_numbered_with_a_bare_digit_is_linked_only_from_a_marker(tmp_path: Path) -> None:
    """`counsel 4,` marks `4 See Faretta…` at the page foot; a year (1975) and quantities
    (`4 days`, `4 miles`) with a `4 …` line below them never become notes."""
    path = tmp_path / "faretta.txt"
    path.write_text(
        _ocr_book(
            "At the trial he refused the help of counsel 4, and the court, after a long "
            "hearing on the matter, let him",
            "The court sat for 4 days in 1975, and the jury, after a walk of 4 miles to the "
            "courthouse, came to",
        ),
        encoding="utf-8",
    )
    book = open_book(path)
    html = book.section_html(0)
    assert 'help of counsel<sup><a href="#fn-p0-1">1</a></sup>, and the court' in html
    assert '<a name="fn-p0-1"></a>1 See Faretta v. California' in html
    text = book.section_text(0)
    # The sentence the note stood in is whole again.
    assert "on the matter, let him went on alone in the court." in text
    assert "sat for 4 days in 1975, and the jury, after a walk of 4 miles" in text
    assert "4 Measured from the courthouse steps in 1975." in text
    assert html.count('name="fn-') == 1


APPENDIX_B = BEARD.parent / "en_pdftotext_think_python_appendix_b.txt"


def test_a_note_pdftotext_set_under_the_page_s_last_line_is_linked() -> None:
    """*Think Python*'s page 241 ends its text, then its note, with no blank line between
    (`…there are some problems:` / `1 But if you get a question…`); the marker is a
    raised 1 pdftotext set before a space and the stop (`…/Radix_sort)1 .`)."""
    book = open_book(APPENDIX_B)
    html = book.section_html(0)
    assert 'wiki/Radix_sort)<sup><a href="#fn-p0-1">1</a></sup> .' in html
    assert '<a name="fn-p0-1"></a>1 But if you get a question like this' in html
    text = book.section_text(0)
    # The note is a paragraph of its own after the page's last paragraph, whole.
    assert "but there are some problems:\n\n1 But if you get a question" in text
    assert "look around for a good implementation of radix sort.”" in text


def test_a_line_opening_with_a_number_is_no_note_without_its_marker(tmp_path: Path) -> None:
    """The same page with the marker gone: the line `1 But if you…` is no note, nothing
    is linked or moved."""
    text = APPENDIX_B.read_text(encoding="utf-8").replace("Radix_sort)1 .", "Radix_sort).")
    path = tmp_path / "appendix_b.txt"
    path.write_text(text, encoding="utf-8")
    html = open_book(path).section_html(0)
    assert "fn-p0-1" not in html
    assert "Radix_sort)." in html
