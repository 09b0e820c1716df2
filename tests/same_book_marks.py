"""The annotations every same-book test makes: the same places in every format."""

from __future__ import annotations

from readmark.core.annotations import Annotation, Kind, Style, TextTarget
from readmark.core.book import Book

CREATED = 1_700_000_000.0


def marks(book: Book) -> list[Annotation]:
    """A bookmark, a highlight with a note and an underline, made on the text the
    reader shows, at the same places in every format."""

    made: list[Annotation] = []

    def on(section: int, phrase: str, kind: Kind = Kind.HIGHLIGHT, **extra) -> None:  # type: ignore[no-untyped-def]
        text = book.section_text(section)
        start = text.index(phrase)
        end = start + len(phrase)
        if kind is Kind.BOOKMARK:  # a point inside the paragraph, after `phrase`
            start = end
        target = TextTarget.from_text(section, text, start, end)
        ident = f"{len(made) + 1:032x}"
        made.append(Annotation(kind, target, id=ident, created=CREATED + len(made), **extra))

    last = len(book.sections) - 1
    first = book.section_text(1).split("\n\n")  # heading, paragraphs…
    second = book.section_text(2).split("\n\n")
    on(1, first[1][:6], Kind.BOOKMARK, label="渡口 / ferry")
    on(1, first[2][:12], note="Why **here**?", color="blue")
    on(2, second[1][:8], color="green", style=Style.UNDERLINE)
    on(last, book.section_text(last).split("\n\n")[-1].strip()[:5], color="pink")
    return made
