"""Annotations made before the page repair stay where they were once it repairs the book.

Beard's OCR text (tests/fixtures/repair_corpus) as the reader showed it before the repair
measured its pages (the same reflow with the page repair off: headers, page numbers and
cut sentences left as they were) is annotated; the book is then opened as it reads now.
Anchoring places every annotation again, on the same words, none orphaned."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from readmark.core.anchoring import SectionTexts, resolve
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.formats import open_book
from readmark.core.formats.plaintext.reflow import detect_layout, paragraphs

BEARD = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "repair_corpus"
    / "en_ia_nervous_exhaustion.txt"
)

# Quotes as the reader showed them before, and the words they are on now.
QUOTES = [
    # inside a page: unchanged
    (
        "patient cannot, therefore, trust himself a half hour",
        "patient cannot, therefore, trust himself a half hour",
    ),
    # the top of a page whose sentence the repair now joins to the page before
    ("its symptoms lurk in ambush and burst", "its symptoms lurk in ambush and burst"),
    # a hyphenated word shown cut before, mended now
    ("The neu- rasthenic patient", "The neurasthenic patient"),
    # across a line end hyphenated in print: the word is mended now
    (
        "treacherousness of nervous exhaustion is one of its most",
        "treacherousness of nervous exhaustion is one of its most",
    ),
]


def _before() -> str:
    text = BEARD.read_text(encoding="utf-8")
    layout = replace(detect_layout(text), paged=False, headers=frozenset())
    return "\n".join(" ".join(block.lines) for block in paragraphs(text, layout))


def test_annotations_made_before_the_page_repair_are_placed_again() -> None:
    before = _before()
    book = open_book(BEARD)
    now = [book.section_text(i) for i in range(len(book.sections))]
    texts = SectionTexts.of_strings(now)
    assert "NERVOUS EXHAUSTION.\n" in before and "eonstant" not in before  # furniture shown
    for quote, expected in QUOTES:
        start = before.index(quote)
        annotation = Annotation(
            Kind.HIGHLIGHT, TextTarget.from_text(0, before, start, start + len(quote))
        )
        placed = resolve(annotation, texts)
        assert not placed.orphaned, quote
        target = placed.target
        assert now[target.section][target.start : target.end] == expected
