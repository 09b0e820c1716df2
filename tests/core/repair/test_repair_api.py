"""The public API the Markdown renderer relies on."""

from __future__ import annotations

import pytest

from readmark.core.repair import RULES, RepairRule, repair_markdown
from readmark.core.repair.blocks import BlockKind, split_blocks


def test_rules_are_named_described_and_ordered() -> None:
    assert [rule.name for rule in RULES] == [
        "running_headers",
        "stranded_footnotes",
        "line_paragraphs",
        "captions_out_of_sentences",
        "page_split_join",
        "cjk_punctuation",
        "cjk_soft_breaks",
    ]
    for rule in RULES:
        assert isinstance(rule, RepairRule)
        assert rule.description and rule.description[0].isupper()
        assert rule.context == "RepairRule"


def test_no_rules_means_no_change() -> None:
    source = "力,不断\n中文"
    assert repair_markdown(source, rules=[]) == source
    assert repair_markdown(source, rules=()) == source


def test_a_custom_rule_can_join_the_pipeline() -> None:
    def shout(blocks, context):  # type: ignore[no-untyped-def]
        return blocks.with_blocks([b.with_text(b.text.upper()) for b in blocks.blocks])

    rule = RepairRule("shout", "Shout", shout)
    assert repair_markdown("a\n\nb", rules=[*RULES, rule]) == "A\n\nB"


def test_id_prefix_keeps_footnotes_of_sections_apart() -> None:
    source = "引文。<sup>①</sup>\n\n---\n\n<sup>①</sup> 注。\n"
    repaired = repair_markdown(source, id_prefix="s3-")
    assert repaired == "引文。[^s3-fn1]\n\n[^s3-fn1]: 注。\n"


def test_existing_footnote_ids_are_not_reused() -> None:
    source = "已有[^fn1]。新的<sup>①</sup>\n\n---\n\n<sup>①</sup> 注。\n\n[^fn1]: 旧注。\n"
    repaired = repair_markdown(source)
    assert "新的[^fn2]" in repaired and repaired.endswith("[^fn2]: 注。\n")


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("# 标题", BlockKind.HEADING),
        ("#标题", BlockKind.HEADING),
        ("标题\n---", BlockKind.HEADING),
        ("---", BlockKind.THEMATIC_BREAK),
        ("* * *", BlockKind.THEMATIC_BREAK),
        ("- 项", BlockKind.LIST),
        ("1. 项", BlockKind.LIST),
        ("> 引", BlockKind.QUOTE),
        ("    代码", BlockKind.CODE),
        ("```\n代码\n```", BlockKind.CODE),
        ("| a | b |\n|---|---|", BlockKind.TABLE),
        ("<div>\n块\n</div>", BlockKind.HTML),
        ("<em>强调</em>的段落", BlockKind.PARAGRAPH),
        ("[^a]: 注", BlockKind.FOOTNOTE_DEF),
        ("[a]: http://x", BlockKind.LINK_DEF),
        ("<sup>①</sup> 注", BlockKind.NOTE),
        ("　　全角空格缩进的段落", BlockKind.PARAGRAPH),
    ],
)
def test_blocks_are_classified_as_python_markdown_reads_them(source: str, kind: BlockKind) -> None:
    (block,) = split_blocks(source).blocks
    assert block.kind is kind


def test_a_fence_with_blank_lines_stays_one_block() -> None:
    source = "前文，\n\n```\n代码，\n\n还是代码\n```\n\n后文"
    blocks = split_blocks(source)
    assert [b.kind for b in blocks.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
        BlockKind.PARAGRAPH,
    ]
    assert repair_markdown(source, rules=RULES[1:2]) == source


@pytest.mark.parametrize(
    "source",
    [
        "<div>\n\n群众工作，写到这里\n\n没有结束，\n\n</div>",
        "<!--\n\n群众工作，写到这里\n\n没有结束，\n\n-->",
    ],
)
def test_raw_html_with_blank_lines_is_left_alone(source: str) -> None:
    assert [b.kind for b in split_blocks(source).blocks] == [BlockKind.HTML]
    assert repair_markdown(source) == source


def test_a_void_html_element_does_not_swallow_what_follows() -> None:
    source = "<hr>\n\n群众工作，写到这里\n\n没有结束，"
    assert repair_markdown(source) == "<hr>\n\n群众工作，写到这里没有结束，"


def test_a_page_number_between_the_halves_of_a_split_sentence_goes_with_the_page() -> None:
    from readmark.core.repair.rule import RepairCounts

    counts = RepairCounts()
    source = (
        "全党同志特别是各级领导干部要加强宗旨观、群众\n\n- 41 -\n\n观、权力观教育，牢固树立正确的权力观。\n\n"
        "The committee, which had been appointed by the council in the winter, met in\n\n12\n\n"
        "the spring of that year, and voted for the new road.\n\n"
        "The results were:\n\n2\n\nThe end."
    )
    repaired = repair_markdown(source, counts=counts)
    # The number is kept as an invisible mark where its page starts (page_marks).
    assert "群众\ue00441\ue005观、权力观教育" in repaired
    assert "met in \ue00412\ue005the spring of that year" in repaired
    # A number standing between a sentence that ended and the next: text, kept.
    assert "The results were:\n\n2\n\nThe end." in repaired
    assert (counts.page_numbers, counts.page_splits) == (2, 2)
