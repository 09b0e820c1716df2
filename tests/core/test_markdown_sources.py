"""A Markdown book's section sources, cut from its text when asked for: each is the
span with its patches, trimmed; its size, worked out without cutting, is that
source's length whatever the span and the patches."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from readmark.core.formats import open_book
from readmark.core.formats.markdown.sources import SectionSources, patched_line, patched_size


@st.composite
def spans_with_patches(draw: st.DrawFn) -> tuple[str, int, int, list[tuple[int, int, str]]]:
    body = draw(st.text(alphabet="ab\n#", max_size=40))
    start = draw(st.integers(0, len(body)))
    end = draw(st.integers(start, len(body) + 1))  # len + 1: the end mark after the last line
    cuts = sorted(draw(st.lists(st.integers(start, min(end, len(body))), max_size=6)))
    patches = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        patches.append((a, b, draw(st.text(alphabet="x\n#", max_size=4))))
    return body, start, end, patches


@given(spans_with_patches())
@example(("# A\n\n# B\n", 0, 5, [(0, 3, "# A {#a}")]))  # a part that is only its heading
@example(("\n\n\n", 0, 4, []))
@example(("ab\n\n", 0, 5, [(0, 2, "")]))
def test_the_size_is_the_length_of_the_source(
    case: tuple[str, int, int, list[tuple[int, int, str]]],
) -> None:
    body, start, end, patches = case
    assert patched_size(body, start, end, patches) == len(patched_line(body, start, end, patches))


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
    assert [s.size for s in book.sections] == [len(s) for s in sources]
