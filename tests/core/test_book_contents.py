"""A book's contents entries, walked flat and by section, as the reader and search ask."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from readmark.core.book import Book, Metadata, TocEntry
from readmark.core.formats import open_book
from readmark.core.formats.toc import nest_toc


def _walked(entries: list[TocEntry]) -> list[TocEntry]:
    out: list[TocEntry] = []
    for entry in entries:
        out.extend(entry.walk())
    return out


@given(st.lists(st.tuples(st.integers(1, 6), st.integers(0, 5)), max_size=60))
def test_every_entry_comes_once_after_its_parent_and_by_its_section(
    shape: list[tuple[int, int]],
) -> None:
    flat = [TocEntry(f"t{k}", level, section, f"a{k}") for k, (level, section) in enumerate(shape)]
    book = _book_with(nest_toc(flat))
    walked = list(book.toc_entries())
    assert walked == _walked(book.toc) and [e.anchor for e in walked] == [e.anchor for e in flat]
    for section in range(7):
        assert book.toc_entries_in(section) == [e for e in walked if e.section == section]


def _book_with(toc: list[TocEntry]) -> Book:
    # Only the contents matter here: no sections, no renderer.
    return Book(Path("x.md"), "", "markdown", "utf-8", Metadata("x"), toc, [], None)  # type: ignore[arg-type]


def test_a_real_books_entries_by_section(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text("# A\n\n## a1\n\n## a2\n\n# B\n\n### b1\n", encoding="utf-8")
    book = open_book(path)
    assert [e.title for e in book.toc_entries_in(0)] == ["A", "a1", "a2"]
    assert [e.title for e in book.toc_entries_in(1)] == ["B", "b1"]
    assert book.toc_entries_in(5) == []
