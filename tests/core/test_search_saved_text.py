"""A book's text kept for searching between sessions (core/search/saved_text):
a book searched once is searched again from the saved copy, with the very same
hits, and a copy that is damaged, partial or of another book is never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.book import BookError
from readmark.core.formats import open_book
from readmark.core.render_cache import RenderCache
from readmark.core.search import saved_text
from readmark.core.search.book_text import BookText
from readmark.core.search.folding import fold
from readmark.core.search.in_book import prepare_book, search_book
from readmark.core.search.query import Query, compile_query
from readmark.core.search.saved_text import NAME, SavedText, decode, encode

BOOKS = {  # book -> a query with hits in it
    "三国演义.txt": "刘备",
    "11-0.txt": "the",
    "wasteland.epub": "the",
    "春秋左传_cleaned_text_sample.md": "公",
}


def _never(index: int) -> str:
    raise AssertionError(f"section {index} converted although its text was saved")


def _all_hits(text: BookText, query: str) -> list[tuple[int, list[tuple[int, int]]]]:
    return [(r.section, r.ranges) for r in search_book(text, compile_query(Query(query)))]


@pytest.mark.parametrize("name", BOOKS)
def test_a_book_searched_once_is_searched_again_without_converting_anything(
    shared_books: Path, tmp_path: Path, name: str
) -> None:
    book = open_book(shared_books / name)
    count = len(book.sections)
    cache = RenderCache(tmp_path)
    first = BookText(count, book.section_html, SavedText(cache, book.cache_key))
    query = BOOKS[name]
    expected = _all_hits(first, query)
    assert sum(len(ranges) for _section, ranges in expected) > 0
    assert (tmp_path / book.cache_key / f"{NAME}.bin").is_file()

    again = BookText(count, _never, SavedText(cache, book.cache_key))
    assert again.load_saved()
    assert again.ready() == count
    assert _all_hits(again, query) == expected
    for index in range(count):
        assert again.text(index) == book.section_text(index)  # what annotations count
        assert again.folded(index) == fold(again.text(index))


def test_preparing_the_book_saves_it_too(shared_books: Path, tmp_path: Path) -> None:
    book = open_book(shared_books / "春秋左传_cleaned_text_sample.md")
    cache = RenderCache(tmp_path)
    text = BookText(len(book.sections), book.section_html, SavedText(cache, book.cache_key))
    assert list(prepare_book(text))
    again = BookText(len(book.sections), _never, SavedText(cache, book.cache_key))
    assert again.load_saved()
    assert again.text(0) == book.section_text(0)


def test_a_search_stopped_early_saves_nothing(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path)
    text = BookText(3, lambda index: "<p>" + "字" * 100 + "</p>", SavedText(cache, "k"))
    assert list(search_book(text, compile_query(Query(".", regex=True)), limit=150))
    assert cache.get_blob("k", NAME) is None


def test_a_section_that_cannot_be_read_is_not_saved_as_empty(tmp_path: Path) -> None:
    def html_of(index: int) -> str:
        if index == 1:
            raise BookError("The part {name} is missing.", name="ch2.xhtml")
        return f"<p>第{index}节 目标</p>"

    cache = RenderCache(tmp_path)
    text = BookText(3, html_of, SavedText(cache, "k"))
    assert len(_all_hits(text, "目标")) == 3
    assert cache.get_blob("k", NAME) is None  # tried again next time, and said why


def test_another_folding_table_keeps_the_text_and_folds_it_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = RenderCache(tmp_path)
    texts = ["他读《紅樓夢》。\n", "ＡＢＣ Straße\n"]
    monkeypatch.setattr(saved_text, "_digest", lambda: "another table")
    SavedText(cache, "k").save(texts, ["wrong", "wrong"])
    monkeypatch.undo()
    again = BookText(2, _never, SavedText(cache, "k"))
    assert again.load_saved()
    assert not again.folded_at_hand(0)  # its folded form is made here when needed
    assert _all_hits(again, "红楼梦") == [(0, [(3, 6)]), (1, [])]
    assert _all_hits(again, "abc") == [(0, []), (1, [(0, 3)])]  # folded for it
    assert again.folded(1) == fold(texts[1])


def test_what_readmark_saves_is_the_text_alone_and_searched_as_before(
    shared_books: Path, tmp_path: Path
) -> None:
    book = open_book(shared_books / "三国演义.txt")
    count = len(book.sections)
    cache = RenderCache(tmp_path)
    first = BookText(count, book.section_html, SavedText(cache, book.cache_key))
    expected = {query: _all_hits(first, query) for query in ("劉備", "CAO", "曹")}
    again = BookText(count, _never, SavedText(cache, book.cache_key))
    assert again.load_saved()
    assert not any(again.folded_at_hand(index) for index in range(count))  # none kept
    assert {query: _all_hits(again, query) for query in expected} == expected


def test_a_copy_of_another_length_or_damaged_is_a_miss(tmp_path: Path) -> None:
    texts = ["一二三\n", "四五\n"]
    data = encode(texts, [fold(t) for t in texts])
    copy = decode(data, 2)
    assert copy is not None and [copy.text(0), copy.text(1)] == texts
    assert decode(data, 3) is None  # the book has another number of sections
    assert decode(data[:-1], 2) is None  # cut short
    assert decode(b"x" + data, 2) is None
    body = data.index(b"\n", len(saved_text._MAGIC)) + 1  # noqa: SLF001
    damaged = data[:body] + bytes(byte ^ 0x5A for byte in data[body:])  # every part
    copy = decode(damaged, 2)
    assert copy is not None  # its parts are checked when read:
    assert [copy.text(0), copy.text(1), copy.folded(0), copy.folded(1)] == [None] * 4
    cache = RenderCache(tmp_path)
    cache.put_blob("k", NAME, damaged)
    converted = BookText(2, lambda index: f"<p>{texts[index].strip()}</p>", SavedText(cache, "k"))
    assert _all_hits(converted, "四五") == [(0, []), (1, [(0, 2)])]
    assert converted.text(0) == texts[0]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 5))
def test_any_bytes_are_a_copy_or_a_miss_never_an_error(data: bytes, sections: int) -> None:
    for candidate in (data, saved_text._MAGIC + data):  # noqa: SLF001 - past the magic too
        found = decode(candidate, sections)
        if found is not None:
            for index in range(sections):
                assert found.text(index) is None or isinstance(found.text(index), str)
                assert found.folded(index) is None or isinstance(found.folded(index), str)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=0, max_size=5), st.booleans())
def test_any_texts_come_back_as_they_were(texts: list[str], stored: bool) -> None:
    folded = [fold(t) for t in texts]
    found = decode(encode(texts, folded, stored), len(texts))
    assert found is not None and found.stored == stored
    assert [found.text(i) for i in range(len(texts))] == texts
    assert [found.folded(i) for i in range(len(texts))] == folded


def test_parts_handed_over_stored_are_joined_compressed(tmp_path: Path) -> None:
    texts = ["天下大势，分久必合，合久必分。" * 200, "周末七国分争，并入于秦。" * 300, "汉\n"]
    saved = SavedText(RenderCache(tmp_path), "k")
    saved.save_part(0, texts[:2], stored=True)  # by a process making the text
    saved.save_part(2, texts[2:])  # by the window, compressed
    stored = (tmp_path / "k" / f"{saved_text.PART}-0-2.bin").stat().st_size
    assert stored > sum(len(text.encode()) for text in texts[:2])  # not compressed
    part = saved.load_part(0, 2)
    assert part is not None and part.stored and [part.text(0), part.text(1)] == texts[:2]
    assert saved.join_parts(3)
    whole = (tmp_path / "k" / f"{NAME}.bin").stat().st_size
    assert whole < stored / 4  # compressed when joined
    copy = saved.load(3)
    assert copy is not None and not copy.stored
    assert [copy.text(i) for i in range(3)] == texts


def test_the_library_index_reads_a_book_searched_before_from_its_saved_text(
    shared_books: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readmark.core.book import LoadOptions
    from readmark.core.search import book_text
    from readmark.core.search.index import Prepared
    from readmark.core.search.index import prepare_book as prepare_for_index

    path = shared_books / "三国演义.txt"
    converted = prepare_for_index(str(path), LoadOptions())  # the book read from nothing
    book = open_book(path)
    cache = RenderCache(tmp_path)
    text = BookText(len(book.sections), book.section_html, SavedText(cache, book.cache_key))
    assert list(prepare_book(text))  # searched in the window once

    calls: list[str] = []
    convert = book_text.html_to_text
    monkeypatch.setattr(book_text, "html_to_text", lambda markup: calls.append(markup) or "")
    from_cache = prepare_for_index(str(path), LoadOptions(), sections=tmp_path)
    assert calls == []  # nothing converted, not even a section's HTML made into text
    assert isinstance(converted, Prepared) and isinstance(from_cache, Prepared)
    assert from_cache == converted  # the very same pieces, terms and chapter titles
    monkeypatch.setattr(book_text, "html_to_text", convert)
    before = set(tmp_path.rglob("*"))
    other = shared_books / "11-0.txt"  # never opened: converted, and nothing written
    assert isinstance(prepare_for_index(str(other), LoadOptions(), sections=tmp_path), Prepared)
    assert set(tmp_path.rglob("*")) == before


def test_the_text_making_process_saves_exactly_what_the_search_would(
    shared_books: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    from readmark.core.search.warm import warm

    path = shared_books / "三国演义.txt"
    book = open_book(path)
    options = '{"repair": true, "encoding": "", "detect_chapters": true}'
    done = subprocess.run(  # as the window starts it
        [sys.executable, "-m", "readmark.core.search.warm", str(path), str(tmp_path),
         book.cache_key, options],
        check=False,
    )  # fmt: skip
    assert done.returncode == 0
    again = BookText(len(book.sections), _never, SavedText(RenderCache(tmp_path), book.cache_key))
    assert again.load_saved()
    assert [again.text(i) for i in (0, 5, len(book.sections) - 1)] == [
        book.section_text(i) for i in (0, 5, len(book.sections) - 1)
    ]
    assert _all_hits(again, "刘备") == _all_hits(
        BookText(len(book.sections), book.section_html), "刘备"
    )
    # Another key (other choices or code): nothing written; no book: said so.
    other = tmp_path / "other"
    assert warm(path, other, "not-this-key", {}) == 1
    assert not other.exists() or not any(other.rglob("*.bin"))
    assert warm(tmp_path / "missing.txt", other, "k", {}) == 2
