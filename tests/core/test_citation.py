"""Quoting a passage with its source, and naming a bookmark: in the book's convention."""

from __future__ import annotations

from readmark.core.book import Metadata
from readmark.core.citation import bookmark_label, quote_with_source


def _meta(title: str, authors: list[str], language: str) -> Metadata:
    return Metadata(title=title, authors=tuple(authors), language=language)


def test_a_chinese_quote_takes_the_chinese_convention() -> None:
    meta = _meta("红楼梦", ["曹雪芹"], "zh-Hans")
    assert (
        quote_with_source(" 满纸荒唐言 ", meta, "第一回")
        == "“满纸荒唐言”\n——曹雪芹 《红楼梦》第一回"
    )


def test_an_upper_case_language_tag_counts_too() -> None:
    meta = _meta("Title", [], "ZH-CN")
    assert quote_with_source("text", meta, "").startswith("“text”\n——")


def test_an_english_quote_names_author_title_and_chapter() -> None:
    meta = _meta("Alice", ["Lewis Carroll"], "en")
    assert quote_with_source("Curiouser", meta, "Chapter 2") == (
        "“Curiouser”\n— Lewis Carroll, Alice, Chapter 2"
    )


def test_bookmark_names_are_the_chapter_and_the_first_words() -> None:
    words = "It was the best of times, it was the worst of times"
    assert bookmark_label("Book One", words, "T") == "Book One — It was the best of times, it was…"
    assert bookmark_label("第一回", "甄士隐梦幻识通灵贾雨村风尘怀闺秀此开卷第一回也", "红") == (
        "第一回 — 甄士隐梦幻识通灵贾雨村风尘怀闺秀…"  # 16 characters
    )
    # At the chapter's own heading the name is not said twice; nothing at all: the title.
    assert bookmark_label("Chapter 3", "Chapter 3 Down the hole", "T") == "Chapter 3 Down the hole"
    assert bookmark_label("", "   ", "The Book") == "The Book"
