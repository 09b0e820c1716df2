"""A paragraph of a book converted from print that ends on a line nearly as wide as the
print: told from a wrapped line by the room it left for the next word.

pdftotext drops the indentation and the space between paragraphs, so the last line of a
paragraph is the only sign of its end; a short one ends it, but one nearly as wide as the
page's lines (`…6 units of work for 4 items.`, 79 characters where Think Python's lines
run to 99) looked like a wrapped line and its paragraph was joined to the next. Printing
wraps a line only when the next word does not fit: the book's own wrapped lines show how
much room that leaves, counted in characters (`Layout.wrap_room`), and a line that ends a
sentence and left more room than any of them ended its paragraph.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from readmark.core.formats import open_book
from readmark.core.formats.plaintext.reflow import detect_layout, paragraphs
from readmark.core.repair.page_marks import strip_marks

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "repair_corpus"


def shown_paragraphs(path: Path) -> list[str]:
    book = open_book(path)
    text = "\n".join(book.section_text(i) for i in range(len(book.sections)))
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def test_think_python_appendix_b_ends_its_paragraph_at_79_characters() -> None:
    path = CORPUS / "en_pdftotext_think_python_appendix_b.txt"
    layout = detect_layout(path.read_text(encoding="utf-8"))
    assert (layout.wrap_width, layout.wrap_room) == (99, 15)  # measured on the book
    shown = shown_paragraphs(path)
    assert any(p.endswith("so the total so far is 6 units of work for 4 items.") for p in shown)
    assert any(p.startswith("The next add costs 5 units") for p in shown)
    assert any(p.startswith("7. Many of the non-comparison sorts") for p in shown)
    # the sentence the page and the figure cut is still joined, the caption apart
    assert any("Let’s say that they take one unit of work each." in p for p in shown)
    assert "Figure B.1.: The cost of a hashtable add." in shown


def test_think_python_chapters_end_their_paragraphs_where_the_print_did() -> None:
    shown = shown_paragraphs(CORPUS / "en_pdftotext_think_python.txt")
    for start in (
        "The details look different in different languages",
        "In Python 2, the print statement is slightly different",
        "If you know how to create and run a script",
        "Runtime errors are rare in the simple programs",
        "2. If you are trying to print a string",
    ):
        assert any(p.startswith(start) for p in shown), start


def test_ocr_books_set_in_narrow_columns_keep_their_paragraphs_as_before() -> None:
    # Their sentence-ending lines leave no more room than their wrapped lines: nothing
    # is taken for a paragraph end that was not one before.
    for name in ("en_ia_nervous_exhaustion.txt", "en_google_silent_friend.txt"):
        text = (CORPUS / name).read_text(encoding="utf-8")
        assert detect_layout(text).wrap_room >= 0
    shown = shown_paragraphs(CORPUS / "en_ia_nervous_exhaustion.txt")
    assert any(
        "The sky may be clear, but the spirits are cloudy. The tenderness" in p for p in shown
    )


WIDTH = 60
WORDS = ["alpha", "beta", "gamma", "delta", "kappa", "sigma", "omega", "lambda", "theta"]


@st.composite
def paged_books(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A book hard-wrapped to WIDTH columns (every wrapped line left no room for the next
    word), its paragraphs of several sentences, each ending on a short line or on one
    just too wide to be called short, cut into pages with a header and a number. A page
    ends mid-sentence: a page that ends a sentence, the next one starting another, shows
    nothing of whether the paragraph went on (it is read as a paragraph's end)."""
    lines: list[str] = []
    written: list[str] = []
    for _ in range(draw(st.integers(24, 36))):
        sentences = []
        for _ in range(draw(st.integers(3, 6))):
            words = draw(st.lists(st.sampled_from(WORDS), min_size=5, max_size=12))
            sentences.append(" ".join(words).capitalize() + ".")
        text = " ".join(sentences)
        wrapped = textwrap.wrap(text, WIDTH)
        if len(wrapped[-1]) > WIDTH - 12:  # room for any next word: 60 - 48 - 1 - 6 > 0
            text += " Omega beta."
            wrapped = textwrap.wrap(text, WIDTH)
        written.append(text)
        lines.extend(wrapped)
    per_page = draw(st.integers(12, 30))
    pages: list[list[str]] = [[]]
    for line in lines:
        pages[-1].append(line)
        if len(pages[-1]) >= per_page and not line.endswith("."):
            pages.append([])
    pages = [page for page in pages if page]
    out = [
        "\n".join(page) + (f"\n\n\nTHE BOOK OF WORDS.\n\n{n}\n\n" if n < len(pages) else "")
        for n, page in enumerate(pages, start=1)
    ]
    return "\n".join(out) + "\n", written


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paged_books())
def test_paragraphs_come_out_as_written_whatever_line_ends_a_sentence(
    book: tuple[str, list[str]],
) -> None:
    text, written = book
    layout = detect_layout(text)
    assume(layout.wrap_room >= 0)  # wrapped lines enough to measure (nearly every book)
    assert layout.paged and layout.wrap_room == 0  # a wrapped line never had room
    shown = [
        re.sub(r"\s+", " ", strip_marks(" ".join(block.lines)))
        for block in paragraphs(text, layout)
    ]
    assert shown == written
