"""The first customer: a Chinese book converted from print (../shared/books)."""

from __future__ import annotations

import re

import markdown
import pytest

from readmark.core.repair import repair_markdown

# (end of the first half, start of the second) for the 11 paragraphs cut at a page break.
PAGE_SPLITS = [
    ("使党的主张和路线方针政策得到贯彻落实。马克思", "主义唯物史观认为"),
    ("充分地尊重和依靠人民群众的创造", "力，不断提高"),
    ("我们要充分认识官僚主义", "的危害性，增强"),
    ("加强宗旨观、群众", "观、权力观教育"),
    ("在经济社会发展的基础上，更加", "重视社会建设"),
    ("更要结合群众的迫切", "要求和切身利益"),
    ("决不允许党的干部利用手中", "掌握的“人、财、物”"),
    ("保护俘虏的健康", "和自尊心，不搜"),
    ("一个领导干部要想在群众中获得威望，树", "立良好形象"),
    ("要自觉地、主动", "地、高高兴兴地"),
    ("全党同志", "特别是各级领导干部"),
]
COPYRIGHT_FIELDS = [
    "责任编辑：张克敏",
    "出版发行：中共党史出版社",
    "社 址：北京市海淀区芙蓉里南街6号院1号楼",
    "邮 编：100080",
    "网 址：www.dschs.com",
    "经 销：新华书店",
    "印 刷：北京汇林印务有限公司",
    "开 本：148mm×210mm 1/32",
    "字 数：145千字",
    "印 张：6",
    "印 数：1—11000册",
    "版 次：2013年6月第1版",
    "印 次：2013年6月第1次印刷",
    "ISBN 978-7-5098-2161-9",
    "定 价：16.00元",
    "本书编写组",
    "中共党史出版社",
    "中国版本图书馆 CIP 数据核字（2013）第 111013 号",
]
FOOTNOTE_BODY = re.compile(r"^<sup>①</sup> (.*)$", re.M)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@pytest.fixture
def repaired(print_book: str) -> str:
    return repair_markdown(print_book)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def test_the_book_has_the_splits_we_expect(print_book: str) -> None:
    paragraphs = [p.replace(",", "，") for p in _paragraphs(print_book)]
    ends = [p for p in paragraphs if any(p.endswith(end) for end, _ in PAGE_SPLITS)]
    assert len(ends) == 11


@pytest.mark.parametrize(("end", "start"), PAGE_SPLITS, ids=[s for _, s in PAGE_SPLITS])
def test_every_page_split_is_joined(repaired: str, end: str, start: str) -> None:
    assert end + start in repaired


def test_exactly_eleven_paragraphs_and_two_page_blocks_are_gone(
    print_book: str, repaired: str
) -> None:
    before, after = _paragraphs(print_book), _paragraphs(repaired)
    # 11 joins, the page rule and the note body leave; the footnote definition arrives.
    assert len(after) == len(before) - 11 - 2 + 1


def test_the_stranded_footnote_becomes_a_real_one(repaired: str) -> None:
    assert "走在时代前列。”[^fn1]在世情" in repaired
    assert "<sup>" not in repaired
    definition = re.search(r"^\[\^fn1\]: (.*)$", repaired, re.M)
    assert definition and definition.group(1).startswith("《坚定不移沿着中国特色社会主义道路前进")
    assert repaired.rstrip("\n").endswith(definition.group(0))
    assert "马克思主义唯物史观认为" in repaired
    assert "落实。马克思\n\n---" not in repaired


def test_the_copyright_page_stays_as_it_is(repaired: str) -> None:
    paragraphs = _paragraphs(repaired)
    for field in COPYRIGHT_FIELDS:
        assert field in paragraphs, field
    assert paragraphs.count("本书编写组") == 2
    cip = next(p for p in paragraphs if p.startswith("I. ①怎…"))
    assert cip.endswith("IV. ①D261.3")


def test_the_real_thematic_breaks_stay(repaired: str) -> None:
    assert "定 价：16.00元\n\n---\n\n此书如有印制质量问题" in repaired
    assert "# 目 录\n\n---\n\n## 一、" in repaired


def test_the_contents_list_is_untouched(print_book: str, repaired: str) -> None:
    lists = [p for p in _paragraphs(print_book) if p.startswith("- ")]
    assert len(lists) == 3
    for block in lists:
        assert block in _paragraphs(repaired)


def test_punctuation_is_full_width_after_chinese(repaired: str) -> None:
    running_text = repaired[repaired.index("# 前 言") : repaired.index("# 目 录")]
    for paragraph in _paragraphs(running_text):
        if not paragraph.startswith("#"):  # headings are left as written
            assert not re.search(r"[\u4e00-\u9fff][,;:?!()]", paragraph), paragraph
    assert "创造力，不断提高" in repaired


def test_repair_is_idempotent_on_the_book(repaired: str) -> None:
    assert repair_markdown(repaired) == repaired


def test_no_chinese_character_is_lost(print_book: str, repaired: str) -> None:
    body = FOOTNOTE_BODY.search(print_book)
    assert body
    without_body = print_book[: body.start()] + print_book[body.end() :]
    expected = HAN.findall(without_body) + HAN.findall(body.group(1))
    assert HAN.findall(repaired) == expected


def test_the_repaired_book_renders_with_its_footnote(print_book: str, repaired: str) -> None:
    html = markdown.markdown(repaired, extensions=["footnotes", "attr_list", "tables"])
    assert html.count('class="footnote-ref"') == 1
    assert 'class="footnote"' in html
    assert "《坚定不移沿着中国特色社会主义道路前进" in html
    assert "<hr" in html  # the real breaks
    # Every Chinese character survives, in reading order with the note at the end.
    body = FOOTNOTE_BODY.search(print_book)
    assert body
    without_body = print_book[: body.start()] + print_book[body.end() :]
    assert HAN.findall(html) == HAN.findall(without_body) + HAN.findall(body.group(1))
