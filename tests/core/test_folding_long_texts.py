"""A long text is folded through the table made a string (core/search/folding_fast.py:
about twice as fast for Chinese) exactly as through the table itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.search.folding import table
from readmark.core.search.folding_fast import fold

# Characters the table changes (case, width, accents, Traditional, beyond the BMP
# too) and ones it leaves, so long texts hold both.
_SOME = "".join(chr(code) for code in sorted(table(False))[::37])
_PIECES = st.text(alphabet=st.sampled_from(_SOME), max_size=50) | st.text(max_size=50)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=200).map("".join).filter(bool), st.booleans())
def test_any_text_folds_the_same_through_the_string_table(text: str, match_case: bool) -> None:
    long = text * (2_000 // max(len(text), 1) + 1)  # past the length that takes the string
    assert len(long) >= 2_000
    assert fold(long, match_case) == long.translate(table(match_case))
    assert fold(text, match_case) == text.translate(table(match_case))


def test_characters_past_the_table_and_at_its_end_fold_as_the_table_says() -> None:
    last = max(table(False))
    text = ("紅樓夢ＡＢＣé" + chr(last) + chr(last + 1) + "\U0010ffff") * 300
    assert fold(text) == text.translate(table(False))
    assert fold(text)[:6] == "红楼梦abc"
