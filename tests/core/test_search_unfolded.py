"""A literal query is found in a section's text as it is (`Matcher.find_unfolded`)
exactly where it is found in the folded text: the first search of a book matches
sections it has not folded yet that way (core/search/query.py)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from readmark.core.search.book_text import BookText
from readmark.core.search.folding import fold, table
from readmark.core.search.folding_fast import variants
from readmark.core.search.in_book import search_book
from readmark.core.search.query import MAX_UNFOLDED_CHARS, MAX_VARIANTS, Query, compile_query

# Characters that fold to others and those they fold to, word edges (spaces,
# punctuation, CJK) and letters of both cases: so hits, near misses, overlaps
# and whole-word edges all come up.
_FOLDING = sorted(table(False))[::53]
_ALPHABET = (
    "".join(chr(code) for code in _FOLDING)
    + "".join(chr(table(False)[code]) for code in _FOLDING)
    + "aAáÁbB 紅红樓楼，,.ＡａIİıß_1１"
)
_TEXT = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80)


def _both(text: str, query: Query) -> tuple[list[tuple[int, int]], list[tuple[int, int]] | None]:
    matcher = compile_query(query)
    unfolded = matcher.find_unfolded(text)
    return list(matcher.find(fold(text, query.match_case))), (
        None if unfolded is None else list(unfolded)
    )


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT.filter(lambda q: bool(q.strip())), st.booleans(), st.booleans())
@example("aAa aa", "aa", False, True)  # a hit not whole, then one inside it that is
@example("紅樓夢 红楼梦", "紅楼", False, False)
@example("İi", "i", False, False)
def test_any_literal_query_is_found_in_the_text_as_in_the_folded_text(
    text: str, typed: str, match_case: bool, whole_words: bool
) -> None:
    query = Query(typed, match_case=match_case, whole_words=whole_words)
    folded_hits, unfolded_hits = _both(text * 3, query)
    needle = fold(typed, match_case)
    if unfolded_hits is None:  # left to the folded text: only a character folded into by many
        assert max(len(variants(ch, match_case)) for ch in needle) > MAX_VARIANTS
    else:
        assert unfolded_hits == folded_hits


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("紅红樓楼夢梦國国后後發发髮，,。. 的"), max_size=60),
    st.text(alphabet=st.sampled_from("紅红樓楼夢梦國国后後發发髮，,。的"), min_size=1, max_size=4),
    st.booleans(),
)
def test_a_chinese_query_is_always_matched_unfolded_where_the_folded_text_has_it(
    text: str, typed: str, match_case: bool
) -> None:
    folded_hits, unfolded_hits = _both(text, Query(typed, match_case=match_case))
    assert unfolded_hits == folded_hits


def test_every_character_that_folds_to_a_letter_is_one_of_its_variants() -> None:
    for code, folded in table(False).items():
        assert chr(code) in variants(chr(folded))
    assert "國" in variants("国") and "國" in variants("国", match_case=True)
    assert "A" in variants("a") and "A" not in variants("a", match_case=True)


def test_a_very_long_query_is_left_to_the_folded_text() -> None:
    typed = "红" * (MAX_UNFOLDED_CHARS + 1)
    matcher = compile_query(Query(typed))
    assert matcher.find_unfolded("红" * 200) is None
    assert list(matcher.find(fold("紅" * 200)))[0] == (0, MAX_UNFOLDED_CHARS + 1)


def test_a_regular_expression_is_matched_in_the_folded_text_only() -> None:
    assert compile_query(Query("紅.", regex=True)).find_unfolded("红楼") is None


def test_the_first_search_of_a_book_finds_what_a_search_of_its_folded_text_finds() -> None:
    sections = ["紅樓夢第一回 ＡＢＣ abc", "红楼梦 Café cafe", "", "甄士隱夢幻識通靈"]
    first = BookText(len(sections), lambda i: "", text_of=lambda i: sections[i])
    folded = BookText(len(sections), lambda i: "", text_of=lambda i: sections[i])
    for index in range(len(sections)):
        folded.folded(index)  # every section folded before: matched in its folded text
    # Chinese first, matched unfolded, then Latin, whose letters many characters fold
    # to (`é`, `Ｅ`, `𝐞`…): folded first.
    for typed in ("红楼", "夢", "隐梦", "abc", "CAFE"):
        matcher = compile_query(Query(typed))
        cold = [(h.section, h.ranges) for h in search_book(first, matcher, keep=False)]
        warm = [(h.section, h.ranges) for h in search_book(folded, matcher, keep=False)]
        assert cold == warm
        assert any(ranges for _section, ranges in cold)
        if typed == "隐梦":  # nothing was folded for the Chinese queries
            assert not any(first.folded_at_hand(index) for index in range(len(sections)))
    assert all(first.folded_at_hand(index) for index in range(len(sections)))
