"""Search inside a book: queries, options, bad input, and the offsets of a hit
landing on the reader's text — on a real Chinese novel too."""

from __future__ import annotations

import time
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.formats import open_book
from readmark.core.search import query as query_module
from readmark.core.search.book_text import BookText
from readmark.core.search.folding import fold
from readmark.core.search.in_book import context, prepare_book, search_book, section_order
from readmark.core.search.query import MAX_QUERY_CHARS, Query, QueryError, compile_query


def hits(text: str, query: str, **options: bool) -> list[tuple[int, int]]:
    matcher = compile_query(Query(query, **options))
    return list(matcher.find(fold(text, matcher.match_case)))


def found(text: str, query: str, **options: bool) -> list[str]:
    return [text[a:b] for a, b in hits(text, query, **options)]


# -- matching ------------------------------------------------------------------------


def test_simplified_finds_traditional_and_back() -> None:
    text = "他读《紅樓夢》，她读《红楼梦》。"
    assert found(text, "红楼梦") == ["紅樓夢", "红楼梦"]
    assert found(text, "紅樓夢") == ["紅樓夢", "红楼梦"]
    assert found(text, "樓夢") == ["樓夢", "楼梦"]  # part of a word: no segmentation


def test_one_chinese_character_is_found_everywhere() -> None:
    assert hits("中国人在中国", "中") == [(0, 1), (4, 5)]


def test_case_width_and_diacritics_are_folded_unless_case_is_matched() -> None:
    text = "Café CAFE ｃａｆｅ cafe"
    assert found(text, "cafe") == ["Café", "CAFE", "ｃａｆｅ", "cafe"]
    assert found(text, "CAFE", match_case=True) == ["CAFE"]
    assert found("a，b ,", "，") == ["，", ","]


def test_whole_words_for_latin_and_none_needed_for_chinese() -> None:
    text = "cat catalog concat cat_x cat. 猫cat中"
    assert hits(text, "cat", whole_words=True) == [(0, 3), (25, 28), (31, 34)]
    assert found("中国人", "国", whole_words=True) == ["国"]
    # A rejected hit does not hide a whole word starting inside it.
    assert hits("ba a a", "a a", whole_words=True) == [(3, 6)]


def test_regular_expressions_match_folded_text() -> None:
    text = "Chapter 12, chapter 7; 第十二章 第十二回"
    assert found(text, r"chapter \d+", regex=True) == ["Chapter 12", "chapter 7"]
    assert found(text, r"Chapter \d+", regex=True, match_case=True) == ["Chapter 12"]
    assert found(text, "第.{1,3}[章回]", regex=True) == ["第十二章", "第十二回"]
    assert found("紅樓夢", "红.梦", regex=True) == ["紅樓夢"]
    # A full-width character that folds into ASCII syntax stays a literal.
    assert found("a*b ab aab", "a＊b", regex=True) == ["a*b"]


def test_a_regular_expression_that_matches_nothing_gives_no_empty_hits() -> None:
    assert hits("abc", "x*", regex=True) == []
    assert hits("abc", "^", regex=True) == []


def test_hits_do_not_overlap() -> None:
    assert hits("哈哈哈哈", "哈哈") == [(0, 2), (2, 4)]


# -- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "   ", "\u3000", "\n\t"])
def test_an_empty_or_blank_query_says_so(text: str) -> None:
    assert Query(text).blank
    with pytest.raises(QueryError, match="Type something"):
        compile_query(Query(text))


def test_a_query_of_ten_thousand_characters_is_searched_literally() -> None:
    long = "中文" * (MAX_QUERY_CHARS // 2)
    assert hits("前" + long + "后", long) == [(1, 1 + MAX_QUERY_CHARS)]
    assert hits("前" + long + "后", long, regex=True) == [(1, 1 + MAX_QUERY_CHARS)]
    with pytest.raises(QueryError, match="at most"):
        compile_query(Query(long + "x"))
    # A long regular expression with syntax in it is refused with a message.
    with pytest.raises(QueryError, match="regular expression can be at most"):
        compile_query(Query("(" + long[: MAX_QUERY_CHARS - 2] + ")", regex=True))


@pytest.mark.parametrize("pattern", ["(", "[a-", "*", "a{2,1}", "(?<", "\\", "a)"])
def test_an_invalid_regular_expression_gets_a_clear_message(pattern: str) -> None:
    with pytest.raises(QueryError, match="not a valid regular expression") as caught:
        compile_query(Query(pattern, regex=True))
    assert caught.value.template and caught.value.context == "SearchError"
    # Searched as plain text, the same characters are just characters.
    assert found(f"x{pattern}y", pattern) == [pattern]


def test_a_regular_expression_that_backtracks_for_ever_is_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(query_module, "REGEX_TIME_LIMIT_S", 0.2)
    matcher = compile_query(Query("(a|aa)+c", regex=True))
    started = time.monotonic()
    with pytest.raises(QueryError, match="too long"):
        list(matcher.find("a" * 100))
    assert time.monotonic() - started < 5


@given(st.text(max_size=60), st.booleans(), st.booleans(), st.booleans())
@settings(max_examples=300)
def test_no_query_raises_anything_but_a_query_error(
    text: str, case: bool, words: bool, regex: bool
) -> None:
    query = Query(text, match_case=case, whole_words=words, regex=regex)
    try:
        matcher = compile_query(query)
    except QueryError:
        return
    for start, end in matcher.find(fold("some text 中文 " + text, matcher.match_case)):
        assert 0 <= start < end


# -- any substring is found where it is ----------------------------------------------

_CONVERTERS = {"simplified": opencc.OpenCC("t2s"), "traditional": opencc.OpenCC("s2t")}
_CHARS = st.sampled_from(list("红楼梦紅樓夢后後发發国國的了是一abcABéÉ ＡＢ，,。.a"))


@given(
    st.text(alphabet=_CHARS, min_size=1, max_size=120),
    st.data(),
    st.sampled_from(["as is", "simplified", "traditional"]),
)
@settings(max_examples=300)
def test_any_substring_is_found_at_its_position_in_either_script(
    text: str, data: st.DataObject, script: str
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    query = text[start:end]
    if script != "as is":  # typed in the other script, character by character
        converter = _CONVERTERS[script]
        query = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in query)
    if Query(query).blank:
        return
    found_at = [a for a, _b in hits(text, query)]
    size = end - start
    # Hits never overlap, so the one found may start a little earlier, overlapping it.
    assert start in found_at or any(start - size < a < start for a in found_at)
    for a, b in hits(text, query):
        assert fold(text[a:b]) == fold(query)


# -- a book: sections as the reader shows them ---------------------------------------


def test_sections_are_searched_from_the_one_being_read_and_round() -> None:
    assert section_order(5, 2) == [2, 3, 4, 0, 1]
    assert section_order(3, 0) == [0, 1, 2]
    assert section_order(0, 4) == []


def test_the_context_is_about_forty_characters_either_side() -> None:
    text = "甲" * 100 + "目标" + "乙" * 100
    shown = context(text, 100, 102)
    assert shown.hit == "目标"
    assert shown.before == "…" + "甲" * 40 and shown.after == "乙" * 40 + "…"
    near_start = context("第一段\n\n目标在此。", 5, 7)
    assert near_start.before == "第一段 " and near_start.after == "在此。"


def test_a_traditional_query_finds_the_simplified_novel_where_the_reader_shows_it(
    shared_books: Path,
) -> None:
    book = open_book(shared_books / "三国演义.txt")
    text = BookText(len(book.sections), book.section_html)
    matcher = compile_query(Query("劉備"))  # the novel is in Simplified: 刘备
    results = list(search_book(text, matcher, first_section=10))
    assert [r.section for r in results][:2] == [10, 11]
    assert len(results) == len(book.sections)
    total = sum(len(r.ranges) for r in results)
    assert total > 200
    for result in results[:20]:
        shown = book.section_text(result.section)  # what `readmark text` prints
        assert text.text(result.section) == shown
        for start, end in result.ranges:
            assert shown[start:end] == "刘备"
    assert text.unreadable == {}


def test_sections_converted_before_are_searched_before_those_to_convert(
    shared_books: Path, tmp_path: Path
) -> None:
    """The chapter read (10) and two read earlier (3, 4) are in the render cache:
    their hits come first, before converting the chapters after the one read."""
    from readmark.core.render_cache import RenderCache

    book = open_book(shared_books / "三国演义.txt")
    cache = RenderCache(tmp_path / "sections")
    for index in (3, 4, 10):
        cache.put(book.cache_key, index, book.section_html(index))
    converted: list[int] = []

    def html_of(index: int) -> str:
        html = cache.get(book.cache_key, index)
        if html is None:
            converted.append(index)
            html = book.section_html(index)
        return html

    text = BookText(len(book.sections), html_of, converted=lambda: cache.kept(book.cache_key))
    results = list(search_book(text, compile_query(Query("劉備")), first_section=10))
    assert [r.section for r in results][:5] == [10, 3, 4, 11, 12]
    assert converted[:2] == [11, 12] and {3, 4, 10}.isdisjoint(converted)
    plain = BookText(len(book.sections), book.section_html)
    expected = {r.section: r.ranges for r in search_book(plain, compile_query(Query("劉備")))}
    assert {r.section: r.ranges for r in results} == expected  # the same hits


def test_preparing_a_book_makes_every_section_ready(shared_books: Path) -> None:
    book = open_book(shared_books / "春秋左传_cleaned_text_sample.md")
    text = BookText(len(book.sections), book.section_html)
    assert text.ready() == 0
    assert sorted(prepare_book(text)) == list(range(len(book.sections)))
    assert text.ready() == len(book.sections)
    assert all(text.has(i) for i in range(len(book.sections)))


def test_a_section_that_cannot_be_read_is_searched_as_empty() -> None:
    from readmark.core.book import BookError

    def html_of(index: int) -> str:
        if index == 1:
            raise BookError("The part {name} is missing.", name="ch2.xhtml")
        return f"<p>第{index}节 目标</p>"

    text = BookText(3, html_of)
    results = list(search_book(text, compile_query(Query("目标"))))
    assert [(r.section, r.ranges) for r in results] == [(0, [(4, 6)]), (1, []), (2, [(4, 6)])]
    assert text.unreadable == {1: "The part ch2.xhtml is missing."}


def test_a_search_stops_at_its_limit_of_hits() -> None:
    text = BookText(3, lambda index: "<p>" + "字" * 100 + "</p>")
    matcher = compile_query(Query(".", regex=True))
    results = list(search_book(text, matcher, limit=150))
    assert [(r.section, len(r.ranges), r.truncated) for r in results] == [
        (0, 100, False),
        (1, 50, True),
    ]
    everything = list(search_book(text, matcher, limit=300))
    assert sum(len(r.ranges) for r in everything) == 300
    assert not any(r.truncated for r in everything)


def test_a_very_long_hit_is_shown_by_its_ends() -> None:
    text = "前" + "中" * 1000 + "后"
    shown = context(text, 0, len(text))
    assert len(shown.hit) < 200
    assert shown.hit.startswith("前中") and shown.hit.endswith("中后") and "…" in shown.hit
