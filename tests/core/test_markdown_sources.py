"""A Markdown book's section sources, cut from its text when asked for: each is the
span with its patches, trimmed; its size is the length of the span."""

from __future__ import annotations

from pathlib import Path

from readmark.core.formats import open_book
from readmark.core.formats.markdown.sources import SectionSources


def test_sources_are_cut_from_the_text_as_a_list_of_them_would_hold(tmp_path: Path) -> None:
    body = "# One\n\ntext\n\n# Two\n\nmore\n"
    sources = SectionSources(
        body,
        [(0, 13, 0, 1), (13, len(body) + 1, 1, 2)],
        [
            (0, 5, "# One {#one}"),
            (13, 18, "# Two {#two}"),
        ],
    )
    assert len(sources) == 2
    assert sources == ["# One {#one}\n\ntext\n", "# Two {#two}\n\nmore\n"]
    assert sources[-1] == "# Two {#two}\n\nmore\n" and sources[0:1] == [sources[0]]
    assert list(sources) == [sources[0], sources[1]]
    path = tmp_path / "book.md"
    path.write_text(body, encoding="utf-8")
    book = open_book(path)
    assert [s.size for s in book.sections] == [13, len(body) - 13]  # the text each holds
