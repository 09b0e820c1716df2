"""Properties of the whole repair on generated text: no crash, no loss, idempotent."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readmark.core.repair import RULES, repair_markdown
from readmark.core.repair.blocks import split_blocks
from readmark.core.repair.page_marks import MARK_END, MARK_START

# The rules that neither move text (notes, figures) nor drop it (running headers).
MOVING = ("stranded_footnotes", "captions_out_of_sentences", "running_headers")
WITHOUT_FOOTNOTES = [rule for rule in RULES if rule.name not in MOVING]
HALF_WIDTH = str.maketrans("，：；？！（）", ",:;?!()")

# Pieces that exercise every rule: Chinese and Latin prose, both punctuation widths,
# page rules, note bodies and markers, Markdown syntax, line and block breaks.
PIECES = st.sampled_from(
    [
        "群众",
        "工作",
        "马克思",
        "主义",
        "的",
        "创造",
        "力",
        "，",
        "、",
        "。",
        "：",
        "；",
        "“",
        "”",
        "（",
        "）",
        "《",
        "》",
        "…",
        "——",
        "the",
        "committee",
        "Vote",
        "commit-",
        "tee",
        " ",
        "  ",
        ",",
        ":",
        ";",
        "?",
        "!",
        "(",
        ")",
        ".",
        "16.00",
        "2013",
        "1/32",
        "\n",
        "\n",
        "\n\n",
        "\n\n",
        "\n\n---\n\n",
        "\\\n",
        "  \n",
        "<sup>①</sup>",
        "<sup>②</sup>",
        "<sup>1</sup>",
        "<sup>[1]</sup>",
        "<sup>*</sup>",
        "①",
        "[1]",
        "[^fn1]",
        "[^a]: ",
        "# ",
        "## ",
        "- ",
        "1. ",
        "> ",
        "    ",
        "```",
        "`",
        "|",
        "---",
        "***",
        "[",
        "]",
        "](http://x.y/a,b)",
        "![",
        "{#id}",
        "<div>",
        "</div>",
        "<em>",
        "</em>",
        "www.a.com",
        "http://a.b/c?d=1",
        "责任编辑:",
        "张克敏",
        "ISBN 978-7",
        "　　",
        "\r\n",
        "\t",
    ]
)
_WORDS = st.sampled_from(
    ["群众", "工作", "马克思", "主义", "的", "力", "the", "vote", "commit-", "tee", "Rome", "2013"]
)
_MARKS = st.sampled_from(
    ["，", "、", ",", ":", "；", "。", "”", "！", "?", " ", "\n", "<sup>①</sup>"]
)
_PROSE = st.lists(_WORDS | _MARKS, min_size=1, max_size=30).map("".join)
_BLOCK = (
    _PROSE
    | st.sampled_from(["---", "# 标题", "- 项目，", "> 引文，", "责任编辑:张克敏", "本书编写组"])
    | _PROSE.map(lambda body: "<sup>①</sup> " + body)
    | _PROSE.map(lambda body: "① " + body)
)
# Print-like sections: many paragraphs, page rules and note bodies.
PRINT_LIKE = st.lists(_BLOCK, max_size=12).map("\n\n".join)
MARKDOWNISH = st.lists(PIECES | st.text(max_size=3), max_size=60).map("".join) | PRINT_LIKE
SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("REPAIR_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _normalized(text: str) -> str:
    """What must survive every rule but the footnotes: all but whitespace, width, hyphens,
    and the ends of a printed page's mark around a page number kept as one."""
    text = text.replace(MARK_START, "").replace(MARK_END, "")
    return re.sub(r"[\s-]", "", text.translate(HALF_WIDTH))


_NOTE_SYNTAX = re.compile(
    r"(?m)^\[\^[^\]\n]*\]:|<sup>[^<>]*</sup>|\[\^[^\]\n]*\]|\[\d{1,3}\]|[\u2460-\u2473]|[-*_]"
)


def _content(text: str) -> Counter[str]:
    """The characters a footnote move keeps: markers, rules and note syntax left out,
    and the two ends of a printed page's mark (core/repair/page_marks), which the
    page-split rule puts around a page number it keeps as a mark."""
    text = text.replace(MARK_START, "").replace(MARK_END, "")
    return Counter(re.sub(r"\s", "", _NOTE_SYNTAX.sub("", text.translate(HALF_WIDTH))))


@SETTINGS
@given(st.text())
def test_never_crashes_on_any_text(source: str) -> None:
    assert isinstance(repair_markdown(source), str)


@SETTINGS
@given(st.text())
def test_idempotent_on_any_text(source: str) -> None:
    once = repair_markdown(source)
    assert repair_markdown(once) == once


@SETTINGS
@given(MARKDOWNISH)
@example("落实。马克思\n\n---\n\n<sup>①</sup> 注。\n\n主义唯物史观认为，")
@example("引文<sup>①</sup>，\n\n---\n\n<sup>①</sup> 甲\n<sup>①</sup> 乙\n\n接着，")
def test_idempotent_on_markdown_like_text(source: str) -> None:
    once = repair_markdown(source, id_prefix="c1-")
    assert repair_markdown(once, id_prefix="c1-") == once


@SETTINGS
@given(MARKDOWNISH)
@example("，\n\n2013\n\n，")  # the page number between the halves becomes a page mark
def test_without_footnotes_nothing_is_lost_or_reordered(source: str) -> None:
    repaired = repair_markdown(source, rules=WITHOUT_FOOTNOTES)
    assert _normalized(repaired) == _normalized(source)


@SETTINGS
@given(MARKDOWNISH)
@example("群众\n<sup>①</sup>:\n\n<sup>①</sup> 群众")  # "[^fn1]:" would open a definition
@example("¹\n\n¹A")  # a lone ¹ is no marker (it was made a reference and lost)
@example("，\n\n2013\n\n，")  # the page number between the halves becomes a page mark
def test_footnotes_move_text_but_never_lose_it(source: str) -> None:
    # Running headers are the one rule that drops lines (test_markdown_shapes_properties).
    rules = [rule for rule in RULES if rule.name != "running_headers"]
    assert _content(repair_markdown(source, rules=rules)) == _content(source)


@SETTINGS
@given(MARKDOWNISH | st.text())
def test_splitting_into_blocks_is_lossless(source: str) -> None:
    assert split_blocks(source).join() == source
