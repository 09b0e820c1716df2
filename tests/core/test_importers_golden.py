"""Each importer on real files gathered from public repositories (see
tests/fixtures/importers/SOURCES.md): the records expected were written by
reading the files, not by running the parser."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from readmark.core.annotations import Kind
from readmark.core.importers import format_of, read_marks, records

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importers"


def local(timestamp: float | None) -> str:
    assert timestamp is not None
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M:%S")


def marks_of(name: str) -> dict[str, list[tuple[str, str, str, str]]]:
    """book title -> [(kind, the quote's first 10 characters, note, created)]."""
    parsed = read_marks(FIXTURES / name)
    return {
        group.book.title: [
            (m.kind.value, m.quote[:10], m.note, local(m.created)) for m in group.marks
        ]
        for group in parsed.books
    }


def test_kindle_english_keeps_the_longer_of_an_extended_highlight() -> None:
    parsed = read_marks(FIXTURES / "kindle_en_mattioofr.txt")
    assert parsed.format == "kindle"
    [book] = parsed.books
    assert (book.book.title, book.book.authors) == ("Make It Stick", "Peter C. Brown")
    quotes = [m.quote for m in book.marks]
    assert [q[:30] for q in quotes] == [
        "Most books deal with topics se",
        "The act of retrieving learning",
        "For our learning to have pract",
    ]
    # 333-336 was saved twice: the first ends "…in the future. In", the second was
    # trimmed by " In"; 767-768 was extended to "…so we can select and apply…".
    assert quotes[1].endswith("recall in the future. In")
    assert quotes[2].endswith("so we can select and apply an appropriate solution.")
    assert [local(m.created) for m in book.marks] == [
        "2020-02-23 14:58:27", "2020-03-02 23:48:08", "2020-03-05 00:32:10",
    ]  # fmt: skip
    assert book.marks[2].position == "location 767-768"
    assert parsed.left_out == {records.EARLIER_VERSION: 2}


def test_kindle_chinese_old_and_new_headers_notes_and_bookmarks() -> None:
    books = marks_of("kindle_zh_herechen.txt")
    assert books["知乎周刊·读书这件小事"] == [
        ("highlight", "小的时候读《背影》，", "同感呢", "2013-12-24 21:10:24")
    ]
    assert books["《科学松鼠会-Kindle精选》第1期（2013年5月）"] == [
        ("highlight", "如果你预计求爱者有n", "未婚妻问题。", "2013-12-27 01:58:30")
    ]
    # The highlight at 444-446 is empty in the file: its note stands alone.
    assert books["知乎周刊·枯燥无味的心理学"] == [("note", "", "瘾", "2014-01-08 11:00:32")]
    # 2409-2410 extended to 2409-2411: the longer kept, first made at 11:07:09.
    [nietzsche] = books["尼采在世纪的转折点上"]
    assert nietzsche[0] == "highlight" and nietzsche[3] == "2014-01-14 11:07:09"
    assert books["Ni Cai Zai Shi Ji De Zhuan Zhe Dian Shang"] == [
        ("bookmark", "", "", "2013-12-18 16:55:44")
    ]
    assert books["知乎周刊·无基础健身"] == [("bookmark", "", "", "2014-01-19 09:59:40")]
    assert books["狗耳朵日报"] == [("highlight", "何家弘。", "", "2014-03-13 10:12:55")]
    assert books["假如你愿意，你就恋爱吧 (王小波作品系列)"] == [
        ("highlight", "肉麻是什么呢？肉麻就", "", "2014-03-14 12:05:02")
    ]
    parsed = read_marks(FIXTURES / "kindle_zh_herechen.txt")
    authors = {g.book.title: g.book.authors for g in parsed.books}
    assert authors["尼采在世纪的转折点上"] == "周国平"
    assert authors["Ni Cai Zai Shi Ji De Zhuan Zhe Dian Shang"] == "Zhou Guo Ping"


def test_kindle_chinese_duplicates_and_a_note_written_before_its_highlight() -> None:
    books = marks_of("kindle_zh_lylewong.txt")
    sapiens = books["人类简史：从动物到上帝（图文精编版） (开放历史系列)"]
    assert sapiens == [
        ("highlight", "只有智人能够谈论并不", "", "2017-05-23 22:46:21"),
        (
            "highlight",
            "人类一心追求更轻松的",
            "七万年前到今天,了解越多历史,越觉得人类思维方式没怎么变。",
            "2017-05-24 16:20:21",
        ),
        ("bookmark", "", "", "2017-05-23 22:44:22"),
    ]
    # 592-593 (a part) then 590-593 (the whole): one highlight, the whole.
    [future] = books["未来简史"]
    assert future[1] == "人们喝酒是为了遗忘，" and future[3] == "2017-05-26 14:11:44"


def test_kindle_clipping_limit_keeps_a_cut_quote_and_counts_an_empty_one() -> None:
    text = (
        "日清・日露戦争をどう見るか (ＮＨＫ出版新書) (原 朗)\n"
        "- Your Highlight on page 80 | Location 1165-1177 | Added on Sunday, August 6, 2023 "
        "11:23:02 PM\n\nどんな戦争でもそうですが <You have reached the clipping limit for this item>\n"
        "==========\n"
        "日清・日露戦争をどう見るか (ＮＨＫ出版新書) (原 朗)\n"
        "- Your Highlight on page 94 | Location 1407-1413 | Added on Sunday, August 6, 2023 "
        "11:34:32 PM\n\n <You have reached the clipping limit for this item>\n==========\n"
    )
    from readmark.core.importers import parse_text

    parsed = parse_text(text)
    [book] = parsed.books
    assert [m.quote for m in book.marks] == ["どんな戦争でもそうですが"]
    assert parsed.left_out == {records.CLIPPING_LIMIT: 1}


def test_koreader_old_layout_reads_notes_from_the_bookmarks() -> None:
    parsed = read_marks(
        FIXTURES / "koreader" / "Between Parent and Child.sdr" / "metadata.epub.lua"
    )
    assert parsed.format == "koreader"
    [book] = parsed.books
    assert (book.book.title, book.book.authors) == (
        "Between Parent and Child",
        "Dr. Haim G. Ginott",
    )
    assert book.book.file.endswith("koreader/Between Parent and Child.epub")
    assert [(m.quote[:14], m.note, local(m.created)) for m in book.marks] == [
        ("We are gratefu", "", "2023-01-23 06:19:09"),
        ("Nancy Goddard", "", "2023-01-23 06:20:41"),
        (", who saw the ", "", "2023-01-23 06:30:18"),
        ("ALLACE GODDARD", "more testing - note added on laptop", "2023-01-24 03:45:58"),
        ("we acknowledge", "more info from laptop", "2023-01-24 04:36:02"),
    ]
    assert {m.section_hint for m in book.marks} == {4}  # DocFragment[5]
    assert all(m.kind is Kind.HIGHLIGHT for m in book.marks)


def test_koreader_placeholder_text_is_no_note() -> None:
    parsed = read_marks(FIXTURES / "koreader" / "1984.sdr" / "metadata.epub.lua")
    [book] = parsed.books
    assert [(m.quote, m.note, m.chapter) for m in book.marks] == [
        ("Oceania", "", "Chapter 1"),  # "Page 13 Oceania @ 2023-05-14 23:36:07" is KOReader's
        ("“Litre and half litre—that’s all we serve.", "based", "Chapter 8"),
        ("I love you.", "its a trap", "Chapter 1"),
    ]


def test_koreader_new_layout() -> None:
    sidecar = FIXTURES / "koreader" / "A Random Walk Down Wall Street.sdr" / "metadata.epub.lua"
    parsed = read_marks(sidecar)
    [book] = parsed.books
    assert book.book.title == "A Random Walk Down Wall Street"
    assert book.book.file == (
        "/mnt/us/koreader/epubs/Burton G. Malkiel - A Random Walk Down Wall Street.epub"
    )
    [mark] = book.marks
    assert mark.quote.startswith("On Wall Street, the term “random walk” is an obscenity.")
    assert mark.quote.endswith("selected by the experts.")
    assert (mark.chapter, mark.section_hint, local(mark.created)) == (
        "What Is a Random Walk?",
        6,
        "2026-01-02 11:47:53",
    )
    assert mark.color == "yellow"  # KOReader's gray: Readmark has no grey


def test_a_folder_of_sidecars_is_read_at_once() -> None:
    parsed = read_marks(FIXTURES / "koreader")
    assert sorted(g.book.title for g in parsed.books) == [
        "1984", "A Random Walk Down Wall Street", "Between Parent and Child",
    ]  # fmt: skip
    assert parsed.mark_count == 9


def test_calibre_exports_both_envelopes() -> None:
    parsed = read_marks(FIXTURES / "calibre_highlights.json")
    assert parsed.format == "calibre"
    [book] = parsed.books
    assert [(m.kind.value, m.quote[:24], m.note, m.color) for m in book.marks] == [
        ("highlight", "Alice was beginning to g", "The opening line.", "yellow"),
        ("highlight", "Down, down, down. Would ", "", "pink"),
    ]
    assert parsed.left_out == {records.DELETED_IN_CALIBRE: 1}
    collection = read_marks(FIXTURES / "annotations.calibre_annotation_collection")
    assert [m.quote[:12] for g in collection.books for m in g.marks] == ["Alice was be"]
    assert [m.kind for g in collection.books for m in g.marks] == [Kind.HIGHLIGHT]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("kindle_en_mattioofr.txt", "kindle"),
        ("kindle_zh_lylewong.txt", "kindle"),
        ("koreader/1984.sdr/metadata.epub.lua", "koreader"),
        ("calibre_highlights.json", "calibre"),
    ],
)
def test_the_format_is_recognised_from_the_content(
    tmp_path: Path, name: str, expected: str
) -> None:
    renamed = tmp_path / "whatever.dat"
    renamed.write_bytes((FIXTURES / name).read_bytes())
    assert format_of(renamed.read_text(encoding="utf-8-sig")) == expected
    assert read_marks(renamed).format == expected
