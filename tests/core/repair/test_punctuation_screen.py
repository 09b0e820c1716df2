"""cjk_punctuation's screening: a text it lets through unconverted is one the full
rule would not have changed either."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.repair.cjk import CHINESE_OR_JAPANESE_CLASS
from readmark.core.repair.punctuation import convert_every_mark, convert_punctuation
from readmark.core.scripts import is_chinese_or_japanese


def test_the_character_class_is_is_chinese_or_japanese_on_every_code_point() -> None:
    pattern = re.compile(f"[{CHINESE_OR_JAPANESE_CLASS}]")
    for code in range(0x110000):
        ch = chr(code)
        assert (pattern.match(ch) is not None) == is_chinese_or_japanese(ch), hex(code)


_PIECES = [
    "word",
    "中",
    "文字",
    "かな",
    "한",
    "1",
    " ",
    "\n",
    ",",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    "（",
    "）",
    "”",
    "’",
    "」",
    "』",
    "》",
    "]",
    '"',
    "'",
    "…",
    "⋯",
    "—",
    "–",
    "\ue004",
    "\ue005",
    "p. 3",
    "`",
    "``",
    "<b>",
    "http://x.org/a,b",
    "[a](b,c)",
    "{#x}",
    "[^1]",
    "&amp;",
    "![i](p)",
    "，",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_screened_conversion_is_the_full_conversion(text: str) -> None:
    assert convert_punctuation(text) == convert_every_mark(text)


def test_english_with_a_dash_before_a_comma_is_still_converted_as_before() -> None:
    # is_cjk counts the print marks (… ⋯ —): the screen must let these through.
    for text in ("so—, he said", "wait…?", "end—”, she said", "x—\ue004p. 3\ue005, y"):
        assert convert_punctuation(text) == convert_every_mark(text)
        assert convert_punctuation(text) != text
