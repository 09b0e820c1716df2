"""detect_language counts each distinct character once; held to counting one by one."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core import metadata
from readmark.core.formats.plaintext.encoding import read_plain_text
from readmark.core.scripts import is_han, is_hangul, is_kana


def _one_by_one(text: str) -> str:
    """detect_language as it was: every character of the sample classified in turn."""
    han = kana = hangul = latin = other = 0
    simplified = traditional = 0
    for ch in text[: metadata.LANGUAGE_SAMPLE_CHARS]:
        if ch < "\u0080":
            if ch.isalpha():
                latin += 1
            continue
        if is_han(ch):
            han += 1
            if ch in metadata._SIMPLIFIED_SET:
                simplified += 1
            elif ch in metadata._TRADITIONAL_SET:
                traditional += 1
        elif is_kana(ch):
            kana += 1
        elif is_hangul(ch):
            hangul += 1
        elif ch.isalpha():
            if unicodedata.name(ch, "").startswith("LATIN"):
                latin += 1
            else:
                other += 1
    cjk_weight = (han + kana + hangul) * 4
    if cjk_weight > latin + other and han + kana + hangul >= 5:
        if hangul > han + kana:
            return "ko"
        if kana >= 0.05 * (han + kana) and kana >= 5:
            return "ja"
        if traditional > simplified:
            return "zh-Hant"
        return "zh-Hans" if simplified or not traditional else "zh-Hant"
    if latin >= 20 and latin > 2 * other:
        return "en"
    return ""


# Characters of every kind the counts tell apart: ASCII, Latin with accents,
# Cyrillic, Simplified- and Traditional-only Han, common Han, kana, hangul.
_MIXED = (
    "abcXYZ 019.,\n"
    + "éçøß"
    + "абвг"
    + "们说这个为发"
    + "們說這個為發"
    + "中山水人大"
    + "あいうアイウ"
    + "가나다한"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_MIXED, max_size=300))
def test_mixed_text_is_judged_as_before(text: str) -> None:
    assert metadata.detect_language(text) == _one_by_one(text)


@given(st.text(max_size=200))
def test_any_text_is_judged_as_before(text: str) -> None:
    assert metadata.detect_language(text) == _one_by_one(text)


def test_real_books_are_judged_as_before(shared_books: Path) -> None:
    judged = set()
    for path in sorted(shared_books.glob("*.txt")) + sorted(shared_books.glob("*.md")):
        text = read_plain_text(path).text
        judged.add(metadata.detect_language(text))
        assert metadata.detect_language(text) == _one_by_one(text), path.name
    assert {"zh-Hans", "en"} <= judged
