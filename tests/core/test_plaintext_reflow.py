"""Paragraph layout of plain text, and re-flowing hard-wrapped lines."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from readmark.core.formats.plaintext.joining import reflow
from readmark.core.formats.plaintext.layout import (
    Block,
    Layout,
    display_width,
    joins_without_space,
)
from readmark.core.formats.plaintext.reflow import detect_layout, paragraphs

LOREM = (
    "It was a bright cold day in April, and the clocks were striking thirteen. Winston "
    "Smith, his chin nuzzled into his breast in an effort to escape the vile wind, "
    "slipped quickly through the glass doors of Victory Mansions, though not quickly "
    "enough to prevent a swirl of gritty dust from entering along with him."
)
CHINESE = (
    "话说天下大势，分久必合，合久必分。周末七国分争，并入于秦。及秦灭之后，楚、汉分争，又并入于汉。"
    * 3
)


def gutenberg_style(paragraph_count: int = 20) -> str:
    return "\n\n".join(textwrap.fill(LOREM, 70) for _ in range(paragraph_count)) + "\n"


def chinese_wrapped(paragraph_count: int = 20, width: int = 35) -> str:
    lines = []
    for _ in range(paragraph_count):
        paragraph = "　　" + CHINESE
        lines.extend(paragraph[i : i + width] for i in range(0, len(paragraph), width))
    return "\n".join(lines) + "\n"


def test_display_width() -> None:
    assert display_width("abc") == 3
    assert display_width("中文") == 4
    assert display_width("　　中a") == 7


@pytest.mark.parametrize(
    ("before", "after", "no_space"),
    [
        ("word", "next", False),
        ("中文", "继续", True),
        ("结束，", "开始", True),
        ("Python", "语言", True),
        ("한국어", "문장", False),  # Korean separates words with spaces
        ("日本語の", "文章", True),
    ],
)
def test_joins(before: str, after: str, no_space: bool) -> None:
    assert joins_without_space(before, after) is no_space


def test_gutenberg_layout() -> None:
    layout = detect_layout(gutenberg_style())
    assert 60 <= layout.wrap_width <= 72
    assert layout.blank_paragraphs and not layout.indented_paragraphs


def test_gutenberg_paragraphs_reflow_with_spaces() -> None:
    text = gutenberg_style(3)
    blocks = paragraphs(text, detect_layout(text))
    assert blocks == [Block("p", (LOREM,))] * 3


def test_chinese_hard_wrapped_reflows_without_spaces() -> None:
    text = chinese_wrapped()
    layout = detect_layout(text, cjk=True)
    assert layout.wrap_width == 70 and layout.indented_paragraphs and not layout.blank_paragraphs
    blocks = paragraphs(text, layout)
    assert blocks == [Block("p", (CHINESE,))] * 20


def test_chinese_wrapped_without_indentation_ends_paragraphs_at_short_lines() -> None:
    text = chinese_wrapped().replace("　　", "")
    layout = detect_layout(text, cjk=True)
    assert layout.wrap_width and not layout.indented_paragraphs
    assert paragraphs(text, layout) == [Block("p", (CHINESE,))] * 20


def test_line_per_paragraph_with_full_width_indent() -> None:
    text = "".join(f"　　第{n}段。{CHINESE}\n" for n in range(30))
    layout = detect_layout(text, cjk=True)
    assert layout.wrap_width == 0
    blocks = paragraphs(text, layout)
    assert len(blocks) == 30 and blocks[0] == Block("p", (f"第0段。{CHINESE}",))


def test_line_per_paragraph_without_indent_or_blank_lines() -> None:
    text = "".join(f"Sentence number {n} is a whole paragraph.\n" for n in range(30))
    layout = detect_layout(text)
    assert layout.wrap_width == 0 and not layout.blank_paragraphs
    assert len(paragraphs(text, layout)) == 30


def test_verse_keeps_its_lines() -> None:
    verse = "“How doth the little crocodile\n    Improve his shining tail,\nAnd pour the waters of the Nile\n    On every golden scale!\n"
    text = gutenberg_style(10) + "\n" + verse + "\n" + gutenberg_style(10)
    layout = detect_layout(text)
    blocks = paragraphs(text, layout)
    assert (
        Block(
            "lines",
            (
                "“How doth the little crocodile",
                "Improve his shining tail,",
                "And pour the waters of the Nile",
                "On every golden scale!",
            ),
        )
        in blocks
    )


def test_short_book_judges_each_block() -> None:
    """Too few lines to tell the layout: a wrapped-looking block is still re-flowed."""
    text = textwrap.fill(LOREM, 70) + "\n\nName\nStreet 1\nTown\n"
    layout = detect_layout(text)
    assert layout.wrap_width == 0
    assert paragraphs(text, layout) == [
        Block("p", (LOREM,)),
        Block("lines", ("Name", "Street 1", "Town")),
    ]


def test_decorations_are_scene_breaks_not_text() -> None:
    text = "First.\n\n* * *\n\nSecond.\n\n-----\n==========\n\nThird.\n\n～～～～\n"
    assert paragraphs(text, Layout()) == [
        Block("p", ("First.",)),
        Block("break"),
        Block("p", ("Second.",)),
        Block("break"),
        Block("p", ("Third.",)),
    ]


def test_reflow() -> None:
    assert reflow(["one two", "three"]) == "one two three"
    assert reflow(["　　中文", "继续。"]) == "中文继续。"
    assert reflow(["Use the", "Python 语言", "写作"]) == "Use the Python 语言写作"


def test_layout_of_real_books(shared_books: Path) -> None:
    alice = (shared_books / "11-0.txt").read_text(encoding="utf-8")
    layout = detect_layout(alice)
    assert 65 <= layout.wrap_width <= 75 and layout.blank_paragraphs
    novel = (shared_books / "三国演义.txt").read_bytes().decode("gb18030")
    layout = detect_layout(novel, cjk=True)
    assert layout.wrap_width == 0
