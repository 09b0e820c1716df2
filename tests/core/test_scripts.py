"""core.scripts: which characters and language tags are Chinese, Japanese or Korean."""

from __future__ import annotations

from pathlib import Path

import pytest

from readmark.core.formats import open_book
from readmark.core.metadata import detect_language, join_title
from readmark.core.repair import cjk as repair_cjk
from readmark.core.scripts import (
    has_chinese_or_japanese,
    has_cjk,
    is_chinese_or_japanese,
    is_chinese_or_japanese_language,
    is_cjk,
    is_cjk_language,
    is_cjk_punctuation,
    is_han,
    is_hangul,
    is_kana,
)

EXTENSION_B = "\U00020000"  # 𠀀, the first Extension B ideograph
EXTENSION_G = "\U00030000"
COMPATIBILITY = "\uf900"  # 豈
FULLWIDTH_LATIN = "ＡＢＣａｂｃ０１２"
KANGXI_RADICAL_ONE = "\u2f00"  # ⼀, what some PDF converters give for 一


@pytest.mark.parametrize(
    "ch", ["一", "中", "龥", "\u3400", EXTENSION_B, EXTENSION_G, COMPATIBILITY, "々", "〇", "〆"]
)
def test_han(ch: str) -> None:
    assert is_han(ch)
    assert not is_kana(ch) and not is_hangul(ch)
    assert is_chinese_or_japanese(ch) and is_cjk(ch)


@pytest.mark.parametrize("ch", ["あ", "ゟ", "ア", "ー", "ㇰ", "ｱ", "ﾝ", "\U0001b001"])
def test_kana(ch: str) -> None:
    assert is_kana(ch)
    assert not is_han(ch) and not is_hangul(ch)
    assert is_chinese_or_japanese(ch) and is_cjk(ch)


@pytest.mark.parametrize(
    "ch", ["한", "글", "가", "힣", "\u1100", "ㄱ", "ㅏ", "\ua960", "\ud7b0", "ﾡ"]
)
def test_hangul_is_cjk_but_not_chinese_or_japanese(ch: str) -> None:
    assert is_hangul(ch)
    assert is_cjk(ch)
    assert not is_chinese_or_japanese(ch)
    assert not is_han(ch) and not is_kana(ch)


@pytest.mark.parametrize("ch", list("。、「」『』《》【】〜，：；？！（）｡｢｣､･"))
def test_cjk_punctuation(ch: str) -> None:
    assert is_cjk_punctuation(ch)
    assert is_chinese_or_japanese(ch) and is_cjk(ch)


@pytest.mark.parametrize("ch", list(FULLWIDTH_LATIN))
def test_full_width_latin_letters_and_digits_are_not_cjk(ch: str) -> None:
    # Numbers and Latin words in Chinese text stay as written (the repair relies on it).
    assert not is_cjk(ch) and not is_cjk_punctuation(ch)


@pytest.mark.parametrize(
    "ch", ["a", "Z", "é", "ж", "α", " ", "\u3000", "…", "⋯", "—", "1", KANGXI_RADICAL_ONE, "😀"]
)
def test_not_cjk(ch: str) -> None:
    assert not is_cjk(ch)
    assert not is_chinese_or_japanese(ch)


def test_the_repair_adds_the_marks_chinese_print_shares_with_english() -> None:
    for ch in "…⋯—":
        assert repair_cjk.is_cjk(ch) and not is_chinese_or_japanese(ch)
    assert not repair_cjk.is_cjk("한")
    assert repair_cjk.is_cjk("ｱ")  # half-width katakana is kana too (was not counted)
    assert repair_cjk.is_ideograph("中") and repair_cjk.is_ideograph("か")
    assert not repair_cjk.is_ideograph("，")


def test_has_cjk_counts_korean_and_looks_only_as_far_as_the_limit() -> None:
    assert has_cjk("Seoul 서울")
    assert has_cjk("東京") and has_cjk("かな") and has_cjk(EXTENSION_B)
    assert not has_cjk("plain English, with — dashes … and ＡＢＣ")
    assert not has_cjk("x" * 40 + "中", limit=40)
    assert has_cjk("x" * 39 + "中", limit=40)
    assert not has_cjk("")


def test_has_chinese_or_japanese_leaves_out_korean() -> None:
    assert not has_chinese_or_japanese("한국어 메모")
    assert has_chinese_or_japanese("한국어 漢字")
    assert has_chinese_or_japanese("note: 注意")
    assert not has_chinese_or_japanese("I think… maybe — not")
    assert not has_chinese_or_japanese(FULLWIDTH_LATIN)
    assert not has_chinese_or_japanese("ab中", limit=2)


@pytest.mark.parametrize(
    ("tag", "cjk", "unspaced"),
    [
        ("zh", True, True),
        ("zh-Hans", True, True),
        ("zh-Hant-TW", True, True),
        ("ZH_tw", True, True),
        ("ja", True, True),
        ("ja-JP", True, True),
        ("ko", True, False),
        ("ko-KR", True, False),
        ("en", False, False),
        ("fr-CA", False, False),
        ("", False, False),
    ],
)
def test_language_tags(tag: str, cjk: bool, unspaced: bool) -> None:
    assert is_cjk_language(tag) is cjk
    assert is_chinese_or_japanese_language(tag) is unspaced


def test_titles_join_without_a_space_only_in_chinese_and_japanese() -> None:
    assert join_title("三体", "地球往事") == "三体地球往事"
    assert join_title("ノルウェイの森", "上") == "ノルウェイの森上"
    assert join_title("한국의 역사", "개정판") == "한국의 역사: 개정판"
    assert join_title("Walden", "Or Life in the Woods") == "Walden: Or Life in the Woods"
    assert join_title("Wait…", "A Novel") == "Wait…: A Novel"


def test_language_detection_counts_every_han_kana_and_hangul_character() -> None:
    assert detect_language(EXTENSION_B * 20) == "zh-Hans"
    assert detect_language("ｱｲｳｴｵ" * 4 + "漢字") == "ja"
    assert detect_language("ㅋㅋㅋ 정말 재미있는 책입니다") == "ko"


# A language tag in upper case (allowed by BCP 47) makes a Markdown or HTML book
# CJK like a lower-case one, as it already did for EPUB books and the reader's font.


def test_upper_case_language_tag_justifies_a_markdown_book(tmp_path: Path) -> None:
    path = tmp_path / "book.md"
    path.write_text("---\nlanguage: ZH-CN\n---\n\n# 一\n\n这是一个段落。\n", encoding="utf-8")
    assert '<p align="justify">' in open_book(path).section_html(0)


def test_upper_case_language_tag_justifies_an_html_book(tmp_path: Path) -> None:
    path = tmp_path / "book.html"
    path.write_text("<html lang='ZH-CN'><p>这是一个段落。</p></html>", encoding="utf-8")
    assert '<p align="justify">' in open_book(path).section_html(0)


def test_chinese_or_japanese_is_exactly_han_kana_and_punctuation() -> None:
    # is_chinese_or_japanese writes the union out for speed; it must stay the union.
    for code in range(0x33000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        union = is_han(ch) or is_kana(ch) or is_cjk_punctuation(ch)
        assert is_chinese_or_japanese(ch) is union, hex(code)
