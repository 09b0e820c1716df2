"""The repair's shortcuts give what the long way gives, byte for byte.

- `split_blocks` splits a source with no fence and no `<` by one regex: the same
  blocks, gaps and kinds as the line-by-line split;
- `classify_lines` takes a block starting with a letter past the first-line patterns:
  the same kind as the whole chain;
- captions_out_of_sentences and page_split_join first screen a section
  (`may_move`, `may_join`): a section they skip is one their scan leaves as it is;
- cjk_punctuation skips a block holding none of `, : ; ? ! (`: the blocks the
  rule gave before.

Checked on generated Markdown (the repair properties' pieces, letters of every
script, the characters each shortcut turns on) and on every section of the books
at hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from test_repair_properties import MARKDOWNISH, PIECES, SETTINGS

from readmark.core.formats import open_book
from readmark.core.repair import captions, page_splits
from readmark.core.repair.blocks import (
    SourceBlocks,
    classify,
    classify_by_patterns,
    split_blocks,
    split_blocks_by_lines,
)
from readmark.core.repair.punctuation import CJK_PUNCTUATION, convert_punctuation
from readmark.core.repair.rule import RepairContext, RepairCounts

# What the shortcuts turn on: blank-line look-alikes (`is_blank` counts only spaces,
# tabs and carriage returns), line starts of every kind, second lines that make a
# heading or a table, letters of several scripts, captions and images.
_EDGES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\r",
        "\r\n",
        " \n",
        "\t\n",
        "\u3000\n",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x85",
        "\u2028",
        "\u00a0",
        "a",
        "Z",
        "é",
        "中",
        "ß",
        "ǅ",
        "ª",
        "ⅰ",
        "¹",
        "²³ ",
        "①",
        "$^{1}$",
        "\\(",
        "<sup>1</sup>",
        "\n===",
        "\n---",
        "\n-",
        "\n| --- |",
        "|",
        "\n:-:|",
        "    ",
        "#",
        "[^a]:",
        "[a]:",
        ">",
        "1.",
        "* ",
        "~~~",
        "```",
        "Figure 3: A plot.",
        "\n\nFigure 2.1 The mill",
        "\n\n- Table 1: Results.\ngoing on",
        "图 3-1",
        "表 2",
        "\n\n![](a.png)\n\n",
        "<img src=a>",
        "Courtesy of the museum",
        "**Fig. 4**",
        "THE OLD MILL.",
        "，",
        "。",
        "and",
        "the run",
    ]
)
SOURCES = MARKDOWNISH | st.lists(PIECES | _EDGES | st.text(max_size=2), max_size=50).map("".join)
# Blocks that start with a letter of any script, then anything.
_LETTER = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo"])
LETTER_BLOCKS = st.tuples(_LETTER, st.lists(_EDGES | st.text(max_size=3), max_size=12)).map(
    lambda parts: parts[0] + "".join(parts[1])
)


def _context() -> RepairContext:
    return RepairContext(id_prefix="t-", counts=RepairCounts())


def _shape(blocks: SourceBlocks) -> list[tuple[str, str, str]]:
    return [(b.kind.value, b.text, b.gap) for b in blocks.blocks] + [("", "", blocks.tail)]


@SETTINGS
@given(SOURCES | st.text())
@example("a\n\r\n\tb\n \n")
@example("\n\n a\n\x0bb\n\n")
@example("中\n===\n\n表 1\n| --- |")
def test_the_split_by_one_regex_is_the_split_line_by_line(source: str) -> None:
    assert _shape(split_blocks(source)) == _shape(split_blocks_by_lines(source))


@SETTINGS
@given(LETTER_BLOCKS | SOURCES | st.text())
@example("a\n===")
@example("a|b\n--|--")
@example("ª. item")
def test_a_block_starting_with_a_letter_is_classified_as_the_chain_does(text: str) -> None:
    assert classify(text) == classify_by_patterns(text)


@SETTINGS
@given(SOURCES)
@example("the run of\n\n![](a.png)\n\nFigure 1: A plot.\n\ngoes on here, as it did.")
@example("它的\n\n图 3-1 结构\n\n运行，")
@example("of the\n\n- Table 1: Results.\n\ngoes on")
def test_a_section_the_caption_screen_skips_is_one_the_scan_leaves(source: str) -> None:
    blocks = split_blocks(source)
    scanned = captions.scan(blocks, _context())
    if not captions.may_move(blocks):
        assert scanned.join() == source
    assert captions.CAPTIONS_OUT_OF_SENTENCES.apply(blocks, _context()).join() == scanned.join()


@SETTINGS
@given(SOURCES)
@example("群众\n\n观、权力观")
@example("the commit-\n\ntee voted")
@example("，\n\n2013\n\n，")
def test_a_section_the_page_split_screen_skips_is_one_the_scan_leaves(source: str) -> None:
    blocks = split_blocks(source)
    scanned = page_splits.scan(blocks, _context())
    if not page_splits.may_join(blocks):
        assert scanned.join() == source
    assert page_splits.PAGE_SPLIT_JOIN.apply(blocks, _context()).join() == scanned.join()


def _punctuation_every_block(source: SourceBlocks) -> SourceBlocks:
    """cjk_punctuation as it was: every block of its kinds through the conversion."""
    kinds = {"paragraph", "note", "footnote_def"}
    return source.with_blocks(
        [
            b.with_text(convert_punctuation(b.text)) if b.kind.value in kinds else b
            for b in source.blocks
        ]
    )


@SETTINGS
@given(SOURCES)
@example("中文,没有\n\n中文，全角")
def test_the_punctuation_screen_gives_the_blocks_every_block_gave(source: str) -> None:
    blocks = split_blocks(source)
    assert _shape(CJK_PUNCTUATION.apply(blocks, _context())) == _shape(
        _punctuation_every_block(blocks)
    )


def _sections(path: Path) -> list[str]:
    book = open_book(path)
    renderer = book.renderer
    return [renderer.source(i) for i in range(len(book.sections))]  # type: ignore[attr-defined]


def _book_files(shared_books: Path) -> list[Path]:
    corpus = Path(__file__).parents[2] / "fixtures" / "repair_corpus"
    files = [*corpus.glob("*.md"), *corpus.glob("*.txt")]
    files += [p for p in shared_books.iterdir() if p.suffix in (".md", ".txt")]
    return sorted(files)


def test_every_section_of_the_books_at_hand_takes_the_shortcuts_the_same(
    shared_books: Path,
) -> None:
    files = _book_files(shared_books)
    assert len(files) >= 15
    screened = 0
    for path in files:
        for source in _sections(path):
            blocks = split_blocks(source)
            assert _shape(blocks) == _shape(split_blocks_by_lines(source)), path.name
            for block in blocks.blocks:
                assert block.kind == classify_by_patterns(block.text), path.name
            if not captions.may_move(blocks):
                assert captions.scan(blocks, _context()).join() == source, path.name
                screened += 1
            if not page_splits.may_join(blocks):
                assert page_splits.scan(blocks, _context()).join() == source, path.name
                screened += 1
    assert screened > 0


@pytest.mark.parametrize("text", ["a", "中文", "Élan", "ǅx", "a\n===", "中\n| - |"])
def test_letters_that_open_a_block(text: str) -> None:
    assert classify(text) == classify_by_patterns(text)
