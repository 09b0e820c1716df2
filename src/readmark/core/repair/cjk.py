"""Character classes for Chinese/Japanese text, shared by the repair rules.

"CJK" here means text written without spaces between words: Han ideographs, kana,
and their full-width punctuation. Hangul is left out on purpose: Korean puts spaces
between words, so a line break there is a real word break.
"""

from __future__ import annotations

# Closing marks that may sit between a word and the punctuation after it: 中”, 中）,
CLOSERS = frozenset("”’」』》〉】）)]\"'")
# Opening marks that may sit before the first word of a line: “中, 《中
OPENERS = frozenset("“‘「『《〈【（")
# Ends a sentence; a paragraph that ends with one (closers after it allowed) is complete.
SENTENCE_FINAL = frozenset("。！？…⋯!?.．｡")
# Punctuation inside a sentence: a paragraph ending in one is cut mid-clause.
CLAUSE = frozenset("，、；：,;:")
DASHES = frozenset("—–―")


def is_ideograph(ch: str) -> bool:
    """A Han character or kana: a letter of unspaced CJK text."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or 0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x31F0 <= code <= 0x31FF
        or ch in "々〇〆"
    )


def is_cjk_punct(ch: str) -> bool:
    """Full-width punctuation of CJK text (not the ideographic space)."""
    code = ord(ch)
    return (
        (0x3001 <= code <= 0x303F)
        or (0xFF01 <= code <= 0xFF0F)
        or (0xFF1A <= code <= 0xFF20)
        or (0xFF3B <= code <= 0xFF40)
        or (0xFF5B <= code <= 0xFF65)
        or ch in "…⋯—"
    )


def is_cjk(ch: str) -> bool:
    return is_ideograph(ch) or is_cjk_punct(ch)


def cjk_before(text: str, end: int) -> bool:
    """Is the text just before `end` CJK, looking through closing quotes and brackets?"""
    i = end - 1
    while i >= 0 and text[i] in CLOSERS:
        i -= 1
    return i >= 0 and is_cjk(text[i])


def cjk_after(text: str, start: int) -> bool:
    """Is the text from `start` CJK, looking through opening quotes and brackets?"""
    i = start
    while i < len(text) and text[i] in OPENERS:
        i += 1
    return i < len(text) and is_cjk(text[i])
