"""Which writing system a character or a language tag belongs to: Chinese, Japanese, Korean.

One place for the question "is this CJK?", because the answer depends on why it is
asked, and the callers differ on exactly one point — whether Korean counts:

- Chinese and Japanese are written **without spaces between words**: a line break
  between two of their characters is no word break, a title and its subtitle join
  without a space, a half-width comma after them becomes full-width. Korean puts
  spaces between words, like English, so wherever the question is about spacing,
  Hangul must not count: `is_chinese_or_japanese`, `has_chinese_or_japanese`,
  `is_chinese_or_japanese_language`.
- Chinese, Japanese and Korean all need a CJK font, justify as in print and are
  counted in characters rather than words: `is_cjk`, `has_cjk`, `is_cjk_language`.

Who asks what, and why:

- the print repair (`core.repair.cjk`): `is_chinese_or_japanese` plus … ⋯ —, to
  join lines and convert punctuation only in unspaced text;
- `core.metadata.join_title`: `is_chinese_or_japanese`, a Korean title and subtitle
  are separated like Latin ones; `detect_language` counts `is_han`, `is_kana` and
  `is_hangul` apart to tell the languages from each other;
- the plain-text loader: `is_chinese_or_japanese_language`, whose hard-wrapped
  lines join without a space; the other loaders: `is_cjk_language`, justified as
  in print; the reader's fonts: `is_cjk_language`, which needs a CJK font;
- the annotations panel: `has_chinese_or_japanese(note)` estimates a note's taller
  lines (Hangul notes are estimated like Latin ones, as they always were);
- quotes and bookmark labels: `has_cjk(text, limit=40)`, Korean included, counted
  in characters rather than words.

The character predicates take one character (a `str` of length 1). Blocks are named
as in the Unicode standard; the ranges are tested in order of likelihood in real
books, as some callers test every character of a chapter.
"""

from __future__ import annotations

# Han characters used as letters outside the ideograph blocks: the iteration mark
# 々, the closing mark 〆 and the ideographic zero 〇.
_HAN_MARKS = frozenset("々〆〇")


def is_han(ch: str) -> bool:
    """A Han ideograph (a hanzi, kanji or hanja): CJK Unified Ideographs and
    Extension A, the compatibility ideographs, the supplementary planes' Extensions
    B to H and compatibility supplement, and the marks 々 〆 〇.

    Not the Kangxi radicals and CJK radicals supplement (U+2E80–U+2FDF): those are
    symbols naming a radical, not letters of running text."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= code <= 0x4DBF  # Extension A
        or 0xF900 <= code <= 0xFAFF  # Compatibility Ideographs
        or 0x20000 <= code <= 0x323AF  # Extensions B–H, Compatibility Supplement
        or ch in _HAN_MARKS
    )


def is_kana(ch: str) -> bool:
    """Japanese kana: hiragana, katakana (with ー and ・, which sit in its block),
    the katakana phonetic extensions (small ㇰ ㇱ), half-width katakana (ｱ ｲ) and the
    historic kana of the Kana Supplement and Extensions (U+1B000–U+1B16F)."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # Hiragana, Katakana
        or 0x31F0 <= code <= 0x31FF  # Katakana Phonetic Extensions
        or 0xFF66 <= code <= 0xFF9F  # Halfwidth Katakana
        or 0x1B000 <= code <= 0x1B16F  # Kana Supplement, Extended-A, Small Kana Extension
    )


def is_hangul(ch: str) -> bool:
    """Korean Hangul: precomposed syllables, the conjoining jamo and their extensions,
    the compatibility jamo (ㄱ ㅏ) and the half-width jamo."""
    code = ord(ch)
    return (
        0xAC00 <= code <= 0xD7AF  # Hangul Syllables
        or 0x1100 <= code <= 0x11FF  # Hangul Jamo
        or 0x3130 <= code <= 0x318F  # Hangul Compatibility Jamo
        or 0xA960 <= code <= 0xA97F  # Hangul Jamo Extended-A
        or 0xD7B0 <= code <= 0xD7FF  # Hangul Jamo Extended-B
        or 0xFFA0 <= code <= 0xFFDC  # Halfwidth Hangul
    )


def is_cjk_punctuation(ch: str) -> bool:
    """Punctuation of Chinese and Japanese text: the CJK Symbols and Punctuation block
    (。、「」《》【】〜, but not the ideographic space U+3000), the full-width forms of
    ASCII punctuation (，：；？！（）［］｛｝ and the like — not full-width letters or digits)
    and the half-width CJK punctuation (｡｢｣､･).

    Not … ⋯ —: Chinese print uses them (doubled), but so does English; a caller that
    wants them, such as the print repair, adds them itself."""
    code = ord(ch)
    return (
        0x3001 <= code <= 0x303F
        or 0xFF01 <= code <= 0xFF0F
        or 0xFF1A <= code <= 0xFF20
        or 0xFF3B <= code <= 0xFF40
        or 0xFF5B <= code <= 0xFF65
    )


def is_chinese_or_japanese(ch: str) -> bool:
    """A character of text written without spaces between words: Han, kana or CJK
    punctuation (`is_han`, `is_kana`, `is_cjk_punctuation`). Hangul does not count."""
    # Their union written out, as the repair asks this of every character of a book
    # (a third faster than calling the three); a test checks it is the same union.
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3001 <= code <= 0x30FF  # CJK punctuation (with 々〆〇), hiragana, katakana
        or 0x3400 <= code <= 0x4DBF
        or 0xFF01 <= code <= 0xFF0F
        or 0xFF1A <= code <= 0xFF20
        or 0xFF3B <= code <= 0xFF40
        or 0xFF5B <= code <= 0xFF9F  # full-width and half-width punctuation, half-width kana
        or 0xF900 <= code <= 0xFAFF
        or 0x31F0 <= code <= 0x31FF
        or 0x20000 <= code <= 0x323AF
        or 0x1B000 <= code <= 0x1B16F
    )


def is_cjk(ch: str) -> bool:
    """A Chinese, Japanese or Korean character: `is_chinese_or_japanese` or `is_hangul`."""
    return is_chinese_or_japanese(ch) or is_hangul(ch)


def has_cjk(text: str, limit: int | None = None) -> bool:
    """Whether any of the first `limit` characters of `text` (all without a limit)
    is Chinese, Japanese or Korean (`is_cjk`)."""
    return any(map(is_cjk, text[:limit]))


def has_chinese_or_japanese(text: str, limit: int | None = None) -> bool:
    """Whether any of the first `limit` characters of `text` (all without a limit)
    is Chinese or Japanese (`is_chinese_or_japanese`): Hangul does not count."""
    return any(map(is_chinese_or_japanese, text[:limit]))


def is_cjk_language(tag: str) -> bool:
    """Whether a BCP 47 language tag names Chinese, Japanese or Korean: it starts
    with zh, ja or ko, in any case ("zh-Hant", "ZH_tw", "ja-JP", "ko")."""
    return tag.lower().startswith(("zh", "ja", "ko"))


def is_chinese_or_japanese_language(tag: str) -> bool:
    """Whether a BCP 47 language tag names Chinese or Japanese, the languages written
    without spaces between words: it starts with zh or ja, in any case."""
    return tag.lower().startswith(("zh", "ja"))
