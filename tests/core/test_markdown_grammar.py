"""The Markdown block grammar, and what changed where the loader, the print repair and
the title finder used to read a line differently (CommonMark decided)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
from readmark.core.formats.markdown.grammar import (
    FENCE_CLOSE,
    LIST_ITEM,
    SETEXT_UNDERLINE,
    THEMATIC_BREAK,
    FenceClosers,
    atx_heading,
    fence_open,
    is_blank,
)
from readmark.core.formats.markdown.loader import split_markdown
from readmark.core.metadata import extract_metadata
from readmark.core.repair import repair_markdown
from readmark.core.repair.blocks import BlockKind, classify, split_blocks

# ------------------------------------------------------------------ grammar


@pytest.mark.parametrize(
    ("line", "level", "content"),
    [
        ("# Title", 1, " Title"),
        ("   ### Three spaces", 3, " Three spaces"),
        ("#第一章", 1, "第一章"),  # no space needed, as Python-Markdown reads it
        ("# Title #", 1, " Title"),
        ("# Title ##   ", 1, " Title"),
        ("# C#", 1, " C#"),  # a closing run needs a space before it
        ("# #", 1, ""),
        ("#", 1, ""),
        ("####### seven", 6, "# seven"),
    ],
)
def test_atx_headings(line: str, level: int, content: str) -> None:
    heading = atx_heading(line)
    assert heading is not None
    assert (heading.level, heading.content) == (level, content)


@pytest.mark.parametrize("line", ["    # code", "\t# code", "text # not", "", "=#"])
def test_not_atx_headings(line: str) -> None:
    assert atx_heading(line) is None


def test_fences_open_and_close_as_commonmark_says() -> None:
    assert fence_open("```") and fence_open("   ~~~ python") and fence_open("````")
    assert fence_open("    ```") is None  # indented code
    assert fence_open("```a`b") is None  # inline code
    assert fence_open("``") is None
    lines = ["  ```py", "code", "``", "~~~", "`````  ", "after"]
    closers = FenceClosers((k, line) for k, line in enumerate(lines) if FENCE_CLOSE.match(line))
    fence = fence_open(lines[0])
    assert fence is not None and (fence.indent, fence.info) == (2, "py")
    assert closers.closer(fence, 0) == 4  # the same character, at least as long
    long_fence = fence_open("````")
    assert long_fence is not None and closers.closer(long_fence, 4) is None  # never closed


def test_many_unclosed_fences_are_found_in_linear_time() -> None:
    # Lengths falling: no fence closes, and each knows it at once.
    lines = ["`" * n for n in range(3000, 2, -1)] + ["```x"] * 20_000
    closers = FenceClosers((k, line) for k, line in enumerate(lines) if FENCE_CLOSE.match(line))
    for k, line in enumerate(lines[:2990]):
        fence = fence_open(line)
        assert fence is not None and closers.closer(fence, k) is None


@pytest.mark.parametrize(
    ("line", "item"),
    [("- a", True), ("+ a", True), ("* a", True), ("1. a", True), ("1) a", True), ("-", True)],
)
def test_list_items(line: str, item: bool) -> None:
    assert bool(LIST_ITEM.match(line)) is item


@pytest.mark.parametrize("line", ["-a", "1234567890. a", "1.a", "    - code"])
def test_not_list_items(line: str) -> None:
    assert not LIST_ITEM.match(line)


def test_underlines_breaks_and_blank_lines() -> None:
    assert SETEXT_UNDERLINE.match("  ---\t") and SETEXT_UNDERLINE.match("===")
    assert not SETEXT_UNDERLINE.match("- - -") and not SETEXT_UNDERLINE.match("=-=")
    assert THEMATIC_BREAK.match(" * * *") and THEMATIC_BREAK.match("___")
    assert not THEMATIC_BREAK.match("-*-") and not THEMATIC_BREAK.match("--")
    assert is_blank(" \t") and not is_blank("\u3000") and not is_blank("\x0c")


# --------------------------------------------- the loader: contents and rendering


def book(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "book.md"
    path.write_text(text, encoding="utf-8")
    return open_book(path, LoadOptions(repair=False))


def titles(tmp_path: Path, text: str) -> list[str]:
    return [entry.title for entry in book(tmp_path, text).toc_entries()]


def test_indented_atx_heading_is_listed_and_shown(tmp_path: Path) -> None:
    opened = book(tmp_path, "# One\n\ntext\n\n   ## Indented\n\nmore\n\n# Two\n\nx\n")
    assert [e.title for e in opened.toc_entries()] == ["One", "Indented", "Two"]
    assert '<h2 id="indented">' in opened.section_html(0)  # was a paragraph "# Indented"


def test_indented_setext_underline_is_a_heading(tmp_path: Path) -> None:
    opened = book(tmp_path, "# One\n\nSub\n  ---\n\nOther\n---\t\n\ntext\n\n# Two\n\nx\n")
    assert [e.title for e in opened.toc_entries()] == ["One", "Sub", "Other", "Two"]
    html = opened.section_html(0)
    assert '<h2 id="sub">' in html and '<h2 id="other">' in html


def test_blank_looking_line_before_a_setext_heading_shows_the_heading(tmp_path: Path) -> None:
    # The contents listed it, but the page showed "Title {#title}" and a rule.
    opened = book(tmp_path, "# A\n\nx\n\n\u3000\nTitle\n---\n\ny\n\n# B\n\nz\n")
    assert [e.title for e in opened.toc_entries()] == ["A", "Title", "B"]
    html = opened.section_html(0)
    assert '<h2 id="title">' in html and "{#title}" not in html


@pytest.mark.parametrize(
    "fence",
    [
        "  ```\n# Inside\n  ```",  # indented fence
        "```\n# Inside\n`````",  # closed by a longer run
        "```python title=x.py\n# Inside\n```",  # an info string Python-Markdown cannot read
        "   ~~~\n    # Inside\n   ~~~",
    ],
)
def test_fences_python_markdown_misread_hide_headings_and_show_as_code(
    tmp_path: Path, fence: str
) -> None:
    opened = book(tmp_path, f"# A\n\n{fence}\n\n# B\n\nx\n")
    assert titles(tmp_path, f"# A\n\n{fence}\n\n# B\n\nx\n") == ["A", "B"]
    html = opened.section_html(0)
    assert "<pre><code" in html and "# Inside" in html and "<h1>Inside" not in html


def test_backticks_in_the_info_string_open_no_fence(tmp_path: Path) -> None:
    assert titles(tmp_path, "# A\n\n```a`b\n# B\n```\n\nx\n") == ["A", "B"]


def test_closing_hashes_need_a_space(tmp_path: Path) -> None:
    opened = book(tmp_path, "# C#\n\nx\n\n# F# ##\n\ny\n\n# Title #\n\nz\n")
    assert [e.title for e in opened.toc_entries()] == ["C#", "F#", "Title"]
    assert ">C#</h1>" in opened.section_html(0)  # Python-Markdown alone shows "C"
    assert ">F#</h1>" in opened.section_html(1)


def test_ordered_list_with_parenthesis_is_no_setext_heading(tmp_path: Path) -> None:
    assert titles(tmp_path, "# A\n\n1) Item\n---\n\n2. Item\n---\n\n# B\n\nx\n") == ["A", "B"]


def test_thematic_break_is_no_setext_heading(tmp_path: Path) -> None:
    assert titles(tmp_path, "# A\n\nx\n\n___\n===\n\n# B\n\ny\n") == ["A", "B"]


def test_footnote_runs_on_over_a_line_of_ideographic_spaces() -> None:
    body = "Text[^a].\n\n[^a]: The note\n\u3000\nstill the note.\n\n# Next\n\nx\n"
    sources, _sections, _toc = split_markdown(body)
    assert "still the note." not in sources[0].split("[^a]:")[0]  # moved with the note
    assert sources[0].rstrip().endswith("[^a]: The note\n\u3000\nstill the note.")


def test_indented_heading_ends_a_footnote() -> None:
    body = "# A\n\nText[^a].\n\n[^a]: The note\n   # Heading\n\nx\n\n# B\n\ny\n"
    _sources, _sections, toc = split_markdown(body)
    assert [e.title for e in toc] == ["A", "Heading", "B"]


# ------------------------------------------------------------------ the repair


def test_an_unclosed_fence_is_text_to_the_repair() -> None:
    source = "```\n\n前文在这里被分页，\n\n继续这句话。\n"
    blocks = split_blocks(source).blocks
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH] * 3
    assert "前文在这里被分页，继续这句话。" in repair_markdown(source)  # was left as code


def test_a_closed_fence_is_still_left_alone() -> None:
    source = "~~~\n前文在这里被分页，\n\n继续这句话。\n~~~~\n"
    assert [b.kind for b in split_blocks(source).blocks] == [BlockKind.CODE]
    assert repair_markdown(source) == source


def test_footnote_definition_may_have_an_empty_label() -> None:
    assert classify("[^]: 注释") is BlockKind.FOOTNOTE_DEF  # was a link definition


def test_heading_without_space_is_split_from_its_lines_like_one_with() -> None:
    lines = "#第一章\n这是第一段，内容不长。\n这是第二段，比第一段略长一些。\n最后一段。"
    repaired = repair_markdown(lines)
    assert repaired.startswith("#第一章\n\n这是第一段，内容不长。\n\n")


# ------------------------------------------------------------ the title finder


def test_title_heading_without_space() -> None:
    meta = extract_metadata("#书名\n\n这是正文。\n", "file")  # was "file"
    assert meta.title == "书名"


def test_unclosed_fence_hides_no_title() -> None:
    meta = extract_metadata("```\n\n# The Title\n\nText.\n", "file")
    assert meta.title == "The Title"


def test_fence_closes_only_on_a_bare_run() -> None:
    text = "```\n# Not the title\n```python\n# Still code\n```\n\n# The Title\n\nText.\n"
    assert extract_metadata(text, "file").title == "The Title"
