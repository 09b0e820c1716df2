"""Character classes for Chinese/Japanese text, shared by the repair rules.

"CJK" here means text written without spaces between words: Han ideographs, kana,
and their full-width punctuation (`readmark.core.scripts.is_chinese_or_japanese`).
Hangul is left out on purpose: Korean puts spaces between words, so a line break
there is a real word break.
"""

from __future__ import annotations

from readmark.core.scripts import is_chinese_or_japanese, is_han, is_kana

# Closing marks that may sit between a word and the punctuation after it: 中”, 中）,
CLOSERS = frozenset("”’」』》〉】）)]\"'")
# Opening marks that may sit before the first word of a line: “中, 《中
OPENERS = frozenset("“‘「『《〈【（")
# Ends a sentence; a paragraph that ends with one (closers after it allowed) is complete.
SENTENCE_FINAL = frozenset("。！？…⋯!?.．｡")
# Punctuation inside a sentence: a paragraph ending in one is cut mid-clause.
CLAUSE = frozenset("，、；：,;:")
DASHES = frozenset("—–―")
# Marks shared with Latin text that Chinese print uses as its own punctuation.
_PRINT_MARKS = frozenset("…⋯—")


# `is_chinese_or_japanese` as a regex character class, to ask "any of it here?" of a
# whole text at C speed; a test checks it against the function on every code point.
CHINESE_OR_JAPANESE_CLASS = (
    "\u4e00-\u9fff\u3001-\u30ff\u3400-\u4dbf\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    "\uff5b-\uff9f\uf900-\ufaff\u31f0-\u31ff\U00020000-\U000323af\U0001b000-\U0001b16f"
)


def is_ideograph(ch: str) -> bool:
    """A Han character or kana: a letter of unspaced CJK text."""
    return is_han(ch) or is_kana(ch)


def is_cjk(ch: str) -> bool:
    """A character of unspaced Chinese or Japanese text, as the repair rules see it:
    Han, kana and CJK punctuation (`core.scripts.is_chinese_or_japanese`), plus the
    ellipses and the dash, which Chinese print uses doubled (……, ——) and which
    then sit between CJK characters like any other of its punctuation marks.
    Hangul does not count: Korean puts spaces between words."""
    return is_chinese_or_japanese(ch) or ch in _PRINT_MARKS


# A printed page's mark (core/repair/page_marks: \ue004 label \ue005) is no text:
# the rules look through it.
_MARK_START, _MARK_END = "\ue004", "\ue005"


def cjk_before(text: str, end: int) -> bool:
    """Is the text just before `end` CJK, looking through closing quotes and brackets?"""
    i = end - 1
    while i >= 0 and (text[i] in CLOSERS or text[i] == _MARK_END):
        if text[i] == _MARK_END:
            i = text.rfind(_MARK_START, 0, i)
        i -= 1
    return i >= 0 and is_cjk(text[i])


def cjk_after(text: str, start: int) -> bool:
    """Is the text from `start` CJK, looking through opening quotes and brackets?"""
    i = start
    while i < len(text) and (text[i] in OPENERS or text[i] == _MARK_START):
        if text[i] == _MARK_START:
            end = text.find(_MARK_END, i)
            i = len(text) if end < 0 else end
        i += 1
    return i < len(text) and is_cjk(text[i])
