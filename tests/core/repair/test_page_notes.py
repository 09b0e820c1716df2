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
