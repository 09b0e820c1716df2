"""The library index's terms are made from a whole piece at once (one regex for
the runs of Chinese, Japanese, Korean…, each term once): the set of terms must
be exactly that of the rules written out one run at a time (kept here as the
reference: every pair of neighbours, a letter alone only where its run ends,
Latin words), on any text, so an index made either way finds the same pieces."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.book import BookError
from readmark.core.formats import open_book
from readmark.core.search.folding import fold
from readmark.core.search.terms import (
    _ALNUM_RUN,
    _ASCII_SEPARATOR,
    _UNSPACED_CHAR,
    _UNSPACED_RUN,
    text_terms,
)


def reference(folded: str) -> set[str]:
    """text_terms written one run at a time (in text order, repeats included)."""
    out: list[str] = []
    for match in _ALNUM_RUN.finditer(folded):
        run = match.group()
        if run.isascii():
            out.append(run)
            continue
        for part in _UNSPACED_RUN.split(run):
            if not part:
                continue
            if _UNSPACED_CHAR.match(part):
                out.append(part[-1])  # alone only where the run ends
                if len(part) > 1:
                    out.append(" ".join(map(str.__add__, part, part[1:])))
            else:
                out.append(_ASCII_SEPARATOR.sub(" ", part.lower()))
    return set(" ".join(out).split())


def terms(folded: str) -> list[str]:
    found = text_terms(folded).split()
    assert len(found) == len(set(found))  # each once
    return found


_PIECES = st.sampled_from(
    list("中文紅楼かカ한글ไทยกิ々〇゠・ ,.\n_-'aZé9ø")
    + ["Straße", "İ", "ß", "x1", "の", "\U00020001"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_same_terms_as_the_reference(text: str) -> None:
    folded = fold(text)
    assert set(terms(folded)) == reference(folded)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_the_same_terms_on_any_characters(text: str) -> None:
    folded = fold(text)
    assert set(terms(folded)) == reference(folded)


CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "repair_corpus"


def test_the_same_terms_for_every_real_book(shared_books: Path) -> None:
    books = [*shared_books.iterdir(), *CORPUS.glob("*.txt"), *CORPUS.glob("*.md")]
    checked = 0
    for path in books:
        if path.suffix not in (".txt", ".md", ".epub"):
            continue
        try:
            book = open_book(path)
        except BookError:
            continue  # a damaged book (TIny-3-Bad.epub): nothing to index
        for index in range(len(book.sections)):
            folded = fold(book.section_text(index))
            for start in range(0, len(folded), 4000):
                piece = folded[start : start + 4064]
                assert set(terms(piece)) == reference(piece), (path.name, index, start)
                checked += 1
    assert checked > 400
