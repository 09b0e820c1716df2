"""One book as Markdown, EPUB, plain text and HTML: the reader must treat it as
one book — the same metadata, contents, text, anchoring and exports.

The four files are written by tests/fixtures/same_book/make_fixtures.py from one
description, each laid out the way that format is usually written; the expected
text is derived from the description, not from any loader's output.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from readmark.core.anchoring import resolve_all
from readmark.core.book import Book
from readmark.core.export import FORMATS
from readmark.core.export.common import ExportedBook, untranslated
from readmark.core.formats import open_book
from same_book_marks import marks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "same_book"


def expected_texts(book) -> list[str]:  # type: ignore[no-untyped-def]
    """Each section's text as a reader must see it, from the book's description."""

    def block(*paragraphs: str) -> str:
        return "\n\n".join(paragraphs) + "\n"

    sections = [block(*book.title_page(), *book.front)]
    sections += [block(c.title, *c.paragraphs) for c in book.chapters]
    return sections


def written(
    same_book: ModuleType, folder: Path, stem: str, edited: bool = False
) -> dict[str, Path]:
    book = next(b for b in same_book.BOOKS if b.stem == stem)
    return same_book.write(same_book.edited(book) if edited else book, folder)


def model(same_book: ModuleType, stem: str):  # type: ignore[no-untyped-def]
    return next(b for b in same_book.BOOKS if b.stem == stem)


def test_the_committed_files_are_what_the_script_writes(same_book, tmp_path: Path) -> None:
    for book in same_book.BOOKS:
        for path in same_book.write(book, tmp_path).values():
            assert path.read_bytes() == (FIXTURES / path.name).read_bytes(), path.name


@pytest.mark.parametrize("stem", ["zh", "en"])
def test_every_format_shows_the_same_book(same_book, book_format: str, stem: str) -> None:
    description = model(same_book, stem)
    book = open_book(FIXTURES / f"{stem}{same_book.SUFFIXES[book_format]}")

    assert book.metadata.title == description.title
    assert book.metadata.authors == (description.author,)
    assert book.metadata.language == description.language
    # Plain text has no markup to say which lines are headings, so the text before
    # its first chapter gets an entry of its own, named by its first heading-like
    # line (the title); the other formats list the headings their markup marks.
    front = [(description.title, 1, 0, [])] if book_format == "plaintext" else []
    assert [(e.title, e.level, e.section, e.children) for e in book.toc] == front + [
        (c.title, 1, n, []) for n, c in enumerate(description.chapters, 1)
    ]
    assert [s.title for s in book.sections] == ["", *(c.title for c in description.chapters)]
    texts = [book.section_text(i) for i in range(len(book.sections))]
    assert texts == expected_texts(description)
    # Every TOC entry lands on its heading, whatever the format calls its anchor.
    for entry in book.toc_entries():
        if entry.anchor:
            assert book.section_of_anchor(entry.anchor) == entry.section


@pytest.mark.parametrize("stem", ["zh", "en"])
def test_annotations_find_their_text_again_alike_after_an_edit(
    same_book, book_format: str, stem: str, tmp_path: Path
) -> None:
    path = written(same_book, tmp_path, stem)[book_format]
    before = open_book(path)
    made = marks(before)
    for annotation in made:
        t = annotation.target
        assert before.section_text(t.section)[t.start : t.end] == t.exact

    written(same_book, tmp_path, stem, edited=True)  # the same file, edited
    after = open_book(path)
    assert after.content_id != before.content_id
    placed = {a.id: a for a in resolve_all(after, made)}
    expected_after = expected_texts(same_book.edited(model(same_book, stem)))
    *kept, rewritten = made
    for annotation in kept:
        now = placed[annotation.id]
        assert not now.orphaned
        text = expected_after[now.target.section]
        assert now.target.section == annotation.target.section
        assert text[now.target.start : now.target.end] == annotation.quote
        # Each was after the new opening paragraph of the first chapter, or in a
        # later chapter: moved by the opening's length, or not at all.
        shift = len(expected_after[1]) - len(expected_texts(model(same_book, stem))[1])
        moved = shift if annotation.target.section == 1 else 0
        assert now.target.start == annotation.target.start + moved
    assert placed[rewritten.id].orphaned  # its paragraph was rewritten: shown, not dropped
    assert placed[rewritten.id].quote == rewritten.quote


def _normalised_export(book: Book, kind: str) -> str:
    exporter, _suffix = FORMATS[kind]
    text = exporter(ExportedBook.from_book(book), marks(book), untranslated)
    if kind == "json":
        document = json.loads(text)
        document["readmark:book"].pop("file")
        text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return text.replace(book.content_id, "CONTENT").replace(book.path.as_uri(), "FILE")


@pytest.mark.parametrize("kind", ["md", "html", "json"])
def test_exports_are_the_same_for_every_format(same_book, tmp_path: Path, kind: str) -> None:
    for stem in ("zh", "en"):
        paths = written(same_book, tmp_path, stem)
        exports = {fmt: _normalised_export(open_book(p), kind) for fmt, p in paths.items()}
        reference = exports.pop("markdown")
        assert kind != "json" or "CONTENT" in reference
        assert ("<strong>here</strong>" if kind == "html" else "Why **here**?") in reference
        for fmt, text in exports.items():
            assert text == reference, f"{stem}.{fmt}"
