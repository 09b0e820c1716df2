"""The chapter rules of plain-text books: what is a heading, and what only looks like one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readmark.core.formats.plaintext import chapters
from readmark.core.formats.plaintext.chapters import RULES, Heading, find_headings
from readmark.core.formats.plaintext.layout import Layout
from readmark.core.formats.plaintext.reflow import detect_layout

PARAGRAPHS = Layout(wrap_width=0, blank_paragraphs=True)
ENGLISH_WRAPPED = Layout(wrap_width=70, blank_paragraphs=True)
CHINESE_WRAPPED = Layout(wrap_width=70, indented_paragraphs=True, blank_paragraphs=False, cjk=True)


def headings(text: str, layout: Layout = PARAGRAPHS) -> list[Heading]:
    return find_headings(text, layout)


def titles(text: str, layout: Layout = PARAGRAPHS) -> list[str]:
    return [h.title for h in headings(text, layout)]


# ------------------------------------------------------------ the rule set


def test_rules_are_named_documented_and_translatable() -> None:
    names = [rule.name for rule in RULES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name) for name in names)
    assert all(rule.description and rule.examples for rule in RULES)
    assert {rule.rank for rule in RULES} == {1, 2, 3}
    source = Path(chapters.__file__).read_text(encoding="utf-8")
    marked = re.findall(r'QT_TRANSLATE_NOOP\(\s*"ChapterRule",\s*"([^"]+)",?\s*\)', source)
    assert sorted(marked) == sorted(rule.description for rule in RULES)


@pytest.mark.parametrize(
    ("rule", "example"), [(rule, example) for rule in RULES for example in rule.examples]
)
def test_every_example_is_found_by_its_rule(rule: chapters.ChapterRule, example: str) -> None:
    body = "Some text of the chapter.\n\n"
    text = "".join(f"{example}\n\n{body}" for _ in range(max(rule.min_count, 1)))
    found = headings(text)
    assert [h.rule for h in found] == [rule.name] * max(rule.min_count, 1)
    assert found[0].label == " ".join(example.split())


def test_levels_follow_the_ranks_present() -> None:
    text = "卷一\n\n第一章\n\n正文。\n\n第一节\n\n正文。\n\n第二章\n\n正文。\n"
    assert [(h.title, h.level) for h in headings(text)] == [
        ("卷一", 1),
        ("第一章", 2),
        ("第一节", 3),
        ("第二章", 2),
    ]
    # Chapters only: they are the top level.
    assert [h.level for h in headings("第一回\n\n正文。\n\n第二回\n\n正文。\n")] == [1, 1]


@pytest.mark.parametrize(
    "line",
    [
        "第一章",
        "第十二回 曹操煮酒论英雄",
        "第一百二十回 荐杜预老将献新谋 降孙皓三分归一统",
        "第3节",
        "第１２章 全角",
        "第一回宴桃园",  # a title attached without a space
        "第二章：风起",
        "　　第五章 缩进的标题",
        "卷之三",
        "上卷",
        "序",
        "序言",
        "前言",
        "楔子",
        "后记",
        "番外",
        "番外篇 春日",
        "番外2",
        "CHAPTER XII",
        "CHAPTER XII.",
        "Chapter 1",
        "Chapter 1: The Beginning",
        "Chapter Twenty-One",
        "chapter seven",
        "Part One",
        "PART II",
        "Book 3 — The Return",
        "Prologue",
        "Appendix B",
        "Chapter 7. Who Stole the Tarts?",
    ],
)
def test_heading_lines(line: str) -> None:
    assert len(headings(f"{line}\n\nText.\n")) == (0 if line == "chapter seven" else 1)


@pytest.mark.parametrize(
    "text",
    [
        # Sentences that mention a chapter.
        "他翻到第二章，看了很久。\n",
        "第二章的内容，我们下次再说。\n",
        "第二章写得很好。\n",
        "He read Chapter 2 again.\n",
        "Chapter 5 of the Act says otherwise\n",
        "Part of the problem was the weather\n",
        "序号是一二三\n",
        "Introduction to the subject is hard.\n",
        # Too long for a heading.
        "第一章 " + "很长的标题" * 15 + "\n",
        # A title that is a sentence.
        "第一章 他走了。\n",
        "Chapter 1 The end, then.\n",
        # Roman numerals: one alone is no heading; a pronoun never.
        "I.\n\nOnly one numbered part.\n",
        "I\nwalked home.\n\nII\nwas there.\n",
    ],
)
def test_not_headings(text: str) -> None:
    assert titles(text) == []


def test_a_wrapped_line_starting_with_a_chapter_name_is_not_a_heading() -> None:
    line = "　　說書人說到這裡，停了一停，喝一口茶，翻開書本指著那頁說：這一回正是"
    text = f"第一章 開端\n{line}\n第二章的開頭諸位看官且聽下回分解\n莫要心急。\n"
    assert titles(text, CHINESE_WRAPPED) == ["第一章 開端"]
    # The same line after a paragraph's end is a heading.
    text = "第一章 開端\n　　正文完了。\n第二章 下回\n　　正文。\n"
    assert titles(text, CHINESE_WRAPPED) == ["第一章 開端", "第二章 下回"]


def test_after_a_short_line_in_wrapped_text_a_heading_may_follow() -> None:
    text = "第一章\n" + "正" * 35 + "\n文没有句号\n第二章\n正文\n"
    assert titles(text, CHINESE_WRAPPED) == ["第一章", "第二章"]


def test_english_heading_inside_a_wrapped_paragraph() -> None:
    text = (
        "The committee had spent the whole of the morning reading through the\n"
        "Chapter 11 The Findings\n"
        "and found nothing.\n"
    )
    assert titles(text, ENGLISH_WRAPPED) == []


def test_contents_list_is_not_chapters() -> None:
    contents = "Contents\n\n" + "".join(
        f" CHAPTER {n}.   Title {n}\n" for n in "I II III IV".split()
    )
    chapters_text = "".join(
        f"\n\n\nCHAPTER {n}.\nTitle {n}\n\n\nThe text of it, long enough.\n\nMore.\n"
        for n in "I II III IV".split()
    )
    found = headings(contents + chapters_text)
    assert [h.title for h in found] == [f"CHAPTER {n}. Title {n}" for n in "I II III IV".split()]
    assert all(h.start > len(contents) for h in found)


def test_chinese_contents_list_is_not_chapters() -> None:
    contents = "目录\n第一章 开端\n第二章 发展\n第三章 结局\n\n"
    body = "第一章 开端\n\n　　正文一。\n\n第二章 发展\n\n　　正文二。\n\n第三章 结局\n\n　　正文三。\n"
    found = headings(contents + body)
    assert [h.title for h in found] == ["第一章 开端", "第二章 发展", "第三章 结局"]
    assert found[0].start == len(contents)


def test_volume_then_chapter_then_section_is_no_contents_list() -> None:
    assert titles("卷一\n\n第一章\n\n第一节\n\n正文。\n") == ["卷一", "第一章", "第一节"]


def test_short_chapters_are_no_contents_list() -> None:
    text = "".join(f"第{n}章\n\n　　只有一句。\n\n" for n in "一二三四五")
    assert len(titles(text)) == 5


def test_subtitle_on_the_next_line() -> None:
    (h,) = headings("CHAPTER I.\nDown the Rabbit-Hole\n\n\nAlice was beginning.\n")
    assert (h.label, h.subtitle, h.title) == (
        "CHAPTER I.",
        "Down the Rabbit-Hole",
        "CHAPTER I. Down the Rabbit-Hole",
    )
    # A first line of the text is no subtitle.
    (h,) = headings("CHAPTER I.\nIt was a dark and stormy night; the rain fell\nin torrents.\n")
    assert h.subtitle == ""


def test_underline_belongs_to_the_heading() -> None:
    text = "CHAPTER XII\n-----------\n\nThe text.\n"
    (h,) = headings(text)
    assert text[h.end :].strip() == "The text."
    text = "第二章 风起\n\n＝＝＝＝＝＝\n　　正文。\n"
    (h,) = headings(text)
    assert text[h.end :].strip() == "正文。"


def test_roman_numerals_need_two_and_blank_lines() -> None:
    text = "I.\n\nThe first.\n\nII.\n\nThe second.\n\nIII. A Title\n\nThe third.\n"
    assert titles(text) == ["I.", "II.", "III. A Title"]


def test_scan_is_bounded() -> None:
    text = "front\n\n第一章\n\n正文。\n\n第二章\n\n正文。\n"
    start = text.index("第二章")
    assert [h.title for h in find_headings(text, PARAGRAPHS, start)] == ["第二章"]
    assert [h.title for h in find_headings(text, PARAGRAPHS, 0, start)] == ["第一章"]


def test_layout_from_real_text_feeds_the_rules(shared_books: Path) -> None:
    text = (shared_books / "11-0.txt").read_text(encoding="utf-8")
    layout = detect_layout(text)
    found = find_headings(text, layout)
    assert [h.label for h in found] == [
        f"CHAPTER {n}." for n in "I II III IV V VI VII VIII IX X XI XII".split()
    ]
