from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from readmark.core.metadata import (
    HEAD_CHARS,
    detect_language,
    extract_metadata,
    find_isbn,
    isbn_is_valid,
    join_title,
    split_front_matter,
    strip_inline_markup,
)
from readmark.core.textio import read_text


def test_sample_print_book(shared_books: Path) -> None:
    text = read_text(shared_books / "000_25b2869f1a30fd56.txt").text
    meta = extract_metadata(text, "000_25b2869f1a30fd56")
    assert meta.title == "怎样做好群众工作 密切党群关系"
    assert meta.authors == ("本书编写组",)
    assert meta.publisher == "中共党史出版社"
    assert meta.date == "2013-06"
    assert meta.isbn == "978-7-5098-2161-9"
    assert meta.language == "zh-Hans"


def test_epictetus_label_headings(shared_books: Path) -> None:
    meta = extract_metadata(read_text(shared_books / "Enchiridion of Epictetus.md").text, "x")
    assert meta.title == "Enchiridion of Epictetus"
    assert meta.authors == ("Arrian",)
    assert meta.date == "125"
    assert meta.language == "en"


def test_first_heading_that_is_a_chapter_is_not_the_title(shared_books: Path) -> None:
    text = read_text(shared_books / "春秋左传_cleaned_text_sample.md").text
    meta = extract_metadata(text, "春秋左传_cleaned_text_sample")
    assert meta.title == "春秋左传_cleaned_text_sample"
    assert meta.language == "zh-Hans"


def test_gbk_novel_language(shared_books: Path) -> None:
    meta = extract_metadata(read_text(shared_books / "三国演义.txt").text, "三国演义")
    assert meta.title == "三国演义"
    assert meta.language == "zh-Hans"


def test_yaml_front_matter(md_fixtures: Path) -> None:
    text = read_text(md_fixtures / "front_matter.md").text
    meta = extract_metadata(text, "front_matter")
    assert meta.title == "The Front Matter Book"
    assert meta.authors == ("Ada Lovelace", "Charles Babbage")
    assert meta.language == "en-GB"
    assert meta.publisher == "Analytical Press"
    assert meta.date == "1843-10"
    assert meta.description == "Notes on the engine."
    assert text[split_front_matter(text).end :].lstrip().startswith("# Chapter One")


def test_yaml_inline_list_and_single_author() -> None:
    meta = extract_metadata("---\ntitle: T\nauthor: [A. One, 'B, Two']\n---\ntext\n", "f")
    assert meta.authors == ("A. One", "B, Two")
    meta = extract_metadata("---\ntitle: 'It''s'\nauthor: Solo\n---\n", "f")
    assert (meta.title, meta.authors) == ("It's", ("Solo",))


def test_thematic_break_at_start_is_not_front_matter() -> None:
    text = "---\n\nJust prose after a rule.\n\n---\n\nMore.\n"
    assert split_front_matter(text).end == 0
    assert extract_metadata(text, "stem").title == "stem"


def test_pandoc_title_block() -> None:
    text = "% The Title\n% Jane Roe; John Doe\n% 2001-02-03\n\n# Chapter\n\ntext\n"
    meta = extract_metadata(text, "f")
    assert (meta.title, meta.authors, meta.date) == (
        "The Title",
        ("Jane Roe", "John Doe"),
        "2001-02-03",
    )
    assert text[split_front_matter(text).end :].startswith("\n# Chapter")


def test_multimarkdown_header() -> None:
    text = "Title: MMD Book\nAuthor: Fletcher\nDate: 2010\n\nBody text.\n"
    meta = extract_metadata(text, "f")
    assert (meta.title, meta.authors, meta.date) == ("MMD Book", ("Fletcher",), "2010")
    assert text[split_front_matter(text).end :] == "\nBody text.\n"


def test_chapter_line_with_colon_is_not_mmd() -> None:
    text = "Chapter 1: Beginnings\n\nIt was a dark night.\n"
    assert split_front_matter(text).end == 0


def test_title_and_latin_subtitle_joined_with_colon() -> None:
    text = "# The Book\n\n## A Subtitle\n\nby Someone\n\n## Chapter 1\n\n" + "Long text. " * 30
    assert extract_metadata(text, "f").title == "The Book: A Subtitle"


def test_heading_followed_by_chapter_is_not_a_subtitle() -> None:
    text = "# The Book\n\n## Chapter 1\n\n" + "Long text. " * 30 + "\n\n## Chapter 2\n\nx\n"
    assert extract_metadata(text, "f").title == "The Book"


def test_setext_title_page() -> None:
    text = "My *Great* Book\n===============\n\nSecond Line\n-----------\n\nby Me\n"
    assert extract_metadata(text, "f").title == "My Great Book: Second Line"


def test_no_heading_uses_file_stem() -> None:
    assert extract_metadata("Just some prose here, nothing else.\n", "my-book").title == "my-book"


def test_copyright_page_key_values() -> None:
    text = (
        "# 书名\n\n"
        "作　者：鲁迅\n"
        "出版社：人民文学出版社\n"
        "版 次：1973年3月第1版\n"
        "ISBN 7-02-000001-5\n"
    )
    meta = extract_metadata(text, "f")
    assert meta.authors == ("鲁迅",)
    assert meta.publisher == "人民文学出版社"
    assert meta.date == "1973-03"
    assert meta.language == "zh-Hans"


def test_title_page_author_and_publisher_lines() -> None:
    text = "# 呐喊\n\n鲁迅 著\n\n人民文学出版社\n\n# 自序\n\n正文。\n\n# 狂人日记\n\n正文。\n"
    meta = extract_metadata(text, "f")
    assert meta.title == "呐喊"
    assert meta.authors == ("鲁迅",)
    assert meta.publisher == "人民文学出版社"


def test_cip_record_is_a_fallback() -> None:
    text = (
        "图书在版编目(CIP)数据\n\n"
        "论语译注/杨伯峻译注. —北京:中华书局,1980.12\n"
        "ISBN 978-7-101-00000-2\n"
    )
    meta = extract_metadata(text, "f")
    assert meta.title == "论语译注"
    assert meta.authors == ("杨伯峻译注",) or meta.authors == ("杨伯峻",)
    assert meta.publisher == "中华书局"
    assert meta.date == "1980-12"


def test_isbn_checksums() -> None:
    assert isbn_is_valid("9787509821619")
    assert not isbn_is_valid("9787509821618")
    assert isbn_is_valid("0306406152")
    assert isbn_is_valid("080442957X")
    assert not isbn_is_valid("0306406153")


def test_find_isbn_keeps_printed_hyphens_and_skips_invalid() -> None:
    assert find_isbn("ISBN 978-7-5098-2161-8\nISBN：978-7-5098-2161-9") == "978-7-5098-2161-9"
    assert find_isbn("ISBN-10: 0-306-40615-2") == "0-306-40615-2"
    assert find_isbn("isbn 9787509821619 页") == ""  # the label is upper case in print
    assert find_isbn("ISBN 9787509821619") == "9787509821619"
    assert find_isbn("no isbn here 9787509821619") == ""


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("这是一个简体中文的句子，我们说话。" * 5, "zh-Hans"),
        ("這是一個繁體中文的句子，我們說話。" * 5, "zh-Hant"),
        ("これは日本語の文章です。ひらがなとカタカナ。" * 5, "ja"),
        ("이것은 한국어 문장입니다. 한글로 씁니다." * 5, "ko"),
        ("This is an English sentence about nothing in particular. " * 5, "en"),
        ("Это русский текст, который не является латиницей вообще. " * 5, ""),
        ("", ""),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_meta_language_wins_over_detection() -> None:
    meta = extract_metadata("---\nlang: zh-Hant\n---\n这是简体中文。" * 3, "f")
    assert meta.language == "zh-Hant"


def test_join_title() -> None:
    assert join_title("怎样", "做好群众工作") == "怎样做好群众工作"
    assert join_title("Walden", "Life in the Woods") == "Walden: Life in the Woods"
    assert join_title("", "Only") == "Only"


def test_strip_inline_markup() -> None:
    assert (
        strip_inline_markup("**Bold** and *it* [link](http://x) `code`") == "Bold and it link code"
    )
    assert strip_inline_markup("Title {#custom}") == "Title"
    assert strip_inline_markup("Note[^1] <sup>2</sup> &amp; more") == "Note 2 & more"


def test_precomputed_front_matter_gives_the_same_metadata(md_fixtures: Path) -> None:
    text = read_text(md_fixtures / "front_matter.md").text
    front = split_front_matter(text)
    assert front.end > 0
    assert extract_metadata(text, "f", front) == extract_metadata(text, "f")


def test_only_the_start_of_the_book_is_read() -> None:
    # A title page heading far into the book is a chapter, not the title, and
    # the language is that of the start (the rest is never even copied).
    start = "Plain prose of an English book, long enough to tell the language.\n\n"
    text = start * 600 + "# Late Title\n\n" + "这是中文。" * 50_000
    assert len(start * 600) > HEAD_CHARS
    meta = extract_metadata(text, "stem")
    assert meta.title == "stem"
    assert meta.language == "en"


@pytest.mark.parametrize(
    "text", ["Plain  Title", " spaced\tout  words ", "中文 标题", "a:b (c) #1 - d", ""]
)
def test_strip_inline_markup_of_plain_text_only_collapses_space(text: str) -> None:
    assert strip_inline_markup(text) == " ".join(text.split())


# The title stripper as it was written first: every pattern tried on every title,
# groups put back by templates. The faster one must give the same titles (and slugs).
_PLAIN_PATTERNS = (
    (r"\s*\{[#.][^}]*\}\s*$", ""),
    (r"!\[([^\]]*)\]\([^)]*\)", r"\1"),
    (r"\[([^\]]*)\]\([^)]*\)", r"\1"),
    (r"\[([^\]]*)\]\[[^\]]*\]", r"\1"),
    (r"\[\^[^\]]*\]", ""),
    (r"<[^>]*>", ""),
    (r"(\*\*|__)(.+?)\1", r"\2"),
    (r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1"),
    (r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w])", r"\1"),
    (r"~~(.+?)~~", r"\1"),
    (r"`+([^`]*)`+", r"\1"),
    (r"\\([\\`*_{}\[\]()#+\-.!|~<>])", r"\1"),
)


def _stripped_plainly(text: str) -> str:
    import html
    import re

    for pattern, template in _PLAIN_PATTERNS:
        text = re.sub(pattern, template, text)
    return " ".join(html.unescape(text).split())


_MARKUP_PIECES = [
    *"ab中 *_~`\\[]()!<>{}#.^&;:\t\u3000",
    "**",
    "__",
    "~~",
    "&amp;",
    "{#x}",
    "<span>",
]


@given(st.lists(st.sampled_from(_MARKUP_PIECES), max_size=16).map("".join))
@example("# **Bold** and _it_ [l](u) ![i](p) [^1] `c` \\* ~~s~~ &amp; {#id}")
def test_titles_are_stripped_as_the_plain_way_strips_them(title: str) -> None:
    assert strip_inline_markup(title) == _stripped_plainly(title)
