"""The folding every search shares: one character for one, case, width,
Latin diacritics and Simplified/Traditional Chinese folded together."""

from __future__ import annotations

import subprocess
import sys

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.search.folding import fold, fold_char

# Pairs a reader would type either way round.
_SAME = [
    ("红楼梦", "紅樓夢"),
    ("三国演义", "三國演義"),
    ("后来", "後來"),
    ("头发", "頭髮"),
    ("ABC", "ＡＢＣ"),
    ("abc", "ABC"),
    (",.?!", "，．？！"),
    ("123", "１２３"),
    ("cafe", "Café"),
    ("angstrom", "ÅNGSTRÖM"),
    ("lodz", "Łódź"),
    ("naive", "naïve"),
    ("カタカナ", "ｶﾀｶﾅ"),
    ("a b", "a\u3000b"),  # the ideographic space is a space
]
_DIFFERENT = [
    ("が", "か"),  # Japanese voicing is a different letter, not a diacritic
    ("й", "и"),  # Cyrillic short i is a letter of its own
    ("中", "申"),
    ("a", "b"),
]

# Text a property test draws from: Chinese in both scripts, Latin with and
# without accents, full-width forms, Japanese, Korean, digits and punctuation.
_ALPHABET = st.sampled_from(
    list(
        "红楼梦紅樓夢后後發发髮头頭国國义義三演的了是一不在人"
        "abcABCéÉèüÜßẞİıøØłŁÅå ＡＢＣａｂｃ１２３，。、！？「」"
        "かがカガｶﾞ한국어 \n\t.,;:!?-_'\"()[]*+\\^$|{}0123456789"
    )
)
_TEXT = st.text(alphabet=_ALPHABET, max_size=200) | st.text(max_size=100)


def test_what_a_reader_means_as_the_same_folds_the_same() -> None:
    for left, right in _SAME:
        assert fold(left) == fold(right), (left, right)


def test_what_differs_stays_apart() -> None:
    for left, right in _DIFFERENT:
        assert fold(left) != fold(right), (left, right)


def test_matching_case_keeps_case_and_folds_the_rest() -> None:
    assert fold("Café", match_case=True) == "Cafe"
    assert fold("ＡＢＣ", match_case=True) == "ABC"
    assert fold("紅樓夢", match_case=True) == "红楼梦"
    assert fold("ABC", match_case=True) != fold("abc", match_case=True)


def test_every_traditional_character_opencc_converts_alone_folds_to_its_result() -> None:
    converter = opencc.OpenCC("t2s")
    for ch in "樓夢紅國義體會書學過還時東車長門風飛馬鳥龍龜":
        assert fold_char(ch) == converter.convert(ch)


@given(_TEXT, st.booleans())
def test_folding_keeps_the_length(text: str, match_case: bool) -> None:
    assert len(fold(text, match_case)) == len(text)


@given(_TEXT, st.booleans())
def test_folding_is_per_character_so_positions_map_back(text: str, match_case: bool) -> None:
    folded = fold(text, match_case)
    assert folded == "".join(fold_char(ch, match_case) for ch in text)


# Mostly ASCII with a few other characters, long enough for `fold`'s shortcut
# (ASCII runs lowered, the rest translated), and mostly CJK with ASCII in it.
_MOSTLY_ASCII = st.text(
    alphabet=st.sampled_from(list("The QUICK brown fox, 1 2 3.\n")) | _ALPHABET | st.characters(),
    min_size=64,
    max_size=600,
)


@given(_MOSTLY_ASCII, st.booleans())
@settings(max_examples=300)
def test_long_text_in_any_mix_of_scripts_folds_character_by_character(
    text: str, match_case: bool
) -> None:
    folded = fold(text, match_case)
    assert folded == "".join(fold_char(ch, match_case) for ch in text)
    english = "A Reader’s “Notes”: ÉTÉ, Straße and İstanbul. " * 3 + text
    assert fold(english, match_case) == "".join(fold_char(ch, match_case) for ch in english)


@given(_TEXT, st.booleans())
def test_folding_twice_changes_nothing(text: str, match_case: bool) -> None:
    once = fold(text, match_case)
    assert fold(once, match_case) == once


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
@settings(max_examples=300)
def test_any_unicode_text_keeps_its_length(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert len(fold(text, match_case=True)) == len(text)


def test_the_first_screen_never_pays_for_the_table() -> None:
    # The table and OpenCC load when a search first needs them, not on import.
    probe = "import sys, readmark.core.search.folding; assert 'opencc' not in sys.modules"
    subprocess.run([sys.executable, "-c", probe], check=True)
