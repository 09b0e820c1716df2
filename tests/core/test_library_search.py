"""The library search index: real book files in a real library, real SQLite files.

What a reader relies on: every substring of a book's text in Chinese is found (one
character included), Traditional over Simplified and back, Latin by words and
prefixes; hits land on the reader's offsets; notes and highlights are found the
moment they are in the library; a book is read again only when it changed; an
unreadable book is listed with its reason; a damaged index is made anew."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.formats import open_book
from readmark.core.operations.library_books import add_books
from readmark.core.search import index as index_module
from readmark.core.search.folding import fold
from readmark.core.search.index import SearchIndex, chunks_of
from readmark.core.search.query import QueryError
from readmark.core.search.terms import is_word_char, query_terms
from readmark.core.store.library import Library

_ZH = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏閏餘成歲律呂調陽雲騰致雨露結為霜"
_EN = "the quick brown fox jumps over lazy dog reading bread already read".split()


def _paragraph(rng: random.Random, length: int) -> str:
    parts = []
    while sum(map(len, parts)) < length:
        if rng.random() < 0.6:
            parts.append("".join(rng.choice(_ZH) for _ in range(rng.randint(1, 30))) + "，")
        else:
            parts.append(" ".join(rng.choice(_EN) for _ in range(rng.randint(1, 8))) + ". ")
    return "".join(parts)


def _write_book(folder: Path, name: str, seed: int) -> Path:
    """A plain-text book with short lines and very long ones (cut into pieces)."""
    rng = random.Random(seed)
    lines = [f"第{n}章\n\n" + _paragraph(rng, rng.choice((80, 300, 6000))) for n in range(1, 6)]
    # Traditional in odd books, Simplified in even ones.
    lines.insert(1, "閏餘成歲，律呂調陽。" if seed % 2 else "闰余成岁，律吕调阳。")
    path = folder / name
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, SearchIndex, list[Path]]:
    folder = tmp_path_factory.mktemp("corpus")
    books = [_write_book(folder, f"book{n}.txt", n) for n in range(3)]
    library = Library(folder / "library.sqlite3")
    add_books(library, books)
    index = SearchIndex(folder / "search.sqlite3")
    index.update(library)
    return library, index, books


def _section_texts(path: Path) -> list[str]:
    book = open_book(path)
    return [book.section_text(i) for i in range(len(book.sections))]


_TEXTS: dict[Path, list[str]] = {}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_substring_of_any_indexed_text_is_found_in_both_scripts(
    corpus: tuple[Library, SearchIndex, list[Path]], data: st.DataObject
) -> None:
    library, index, books = corpus
    path = data.draw(st.sampled_from(books))
    texts = _TEXTS.setdefault(path, _section_texts(path))
    section = data.draw(st.sampled_from([i for i, t in enumerate(texts) if t.strip()]))
    text = texts[section]
    start = data.draw(st.integers(0, len(text) - 1))
    length = data.draw(st.integers(1, min(80, len(text) - start)))
    query = text[start : start + length]
    folded = fold(text)
    assume(query.strip() and query_terms(fold(query)))
    # Latin is searched by words: a query starting inside a word is not a word's start.
    assume(not (is_word_char(folded[start]) and start > 0 and is_word_char(folded[start - 1])))
    converter = opencc.OpenCC(data.draw(st.sampled_from(["s2t", "t2s"])))
    for asked in (query, converter.convert(query)):
        if len(asked) != len(query) or fold(asked) != fold(query):
            continue  # a phrase conversion that changes the text, not only its script
        results = index.search(library, asked, only=[str(path)], limit=10**6, per_book=10**6)
        covering = [h for h in results.hits if h.section == section and h.start <= start < h.end]
        assert covering, (asked, section, start)
        assert any(h.start == start for h in covering) or covering[0].start < start
        hit = covering[0]
        assert fold(text[hit.start : hit.end]) == fold(query)  # lands on the reader's text


def test_chinese_one_two_and_four_characters_and_traditional(
    corpus: tuple[Library, SearchIndex, list[Path]],
) -> None:
    library, index, books = corpus
    for query in ("玄", "玄黄", "閏餘成歲", "闰余成岁"):
        hits = index.search(library, query, limit=10**6, per_book=10**6).hits
        assert hits, query
        if len(query) == 4:  # both scripts' books, whichever script is asked
            assert {Path(h.path).name for h in hits} == {b.name for b in books}
        for hit in hits[:50]:
            text = _TEXTS.setdefault(Path(hit.path), _section_texts(Path(hit.path)))
            assert fold(text[hit.section][hit.start : hit.end]) == fold(query)


def test_latin_by_words_and_prefixes(corpus: tuple[Library, SearchIndex, list[Path]]) -> None:
    library, index, _books = corpus
    big = {"limit": 10**6, "per_book": 10**6}
    read = index.search(library, "read", **big).hits
    words = {h.context.hit + h.context.after.split(" ")[0].split(".")[0] for h in read}
    assert words == {"read", "reading"}  # a prefix, never the inside of "bread" or "already"
    assert not index.search(library, "ead", **big).hits
    assert index.search(library, "quick brown", **big).hits
    assert index.search(library, "QUICK BRO", **big).hits


def test_queries_full_of_syntax_or_empty(corpus: tuple[Library, SearchIndex, list[Path]]) -> None:
    library, index, _books = corpus
    for bad in ("", " ", "\n", "x" * 10_001, '"', "*", "-", "()"):
        with pytest.raises(QueryError):
            index.search(library, bad)
    for literal in ('"quick', "quick*", "NEAR(quick", "quick AND brown", "-quick", "quick OR"):
        index.search(library, literal)  # never an FTS5 syntax error
    assert index.search(library, "x" * 10_000).hits == []
    assert index.search(library, "天" * 10_000).hits == []


def test_pieces_cover_the_text_and_cut_no_word() -> None:
    text = ("word " * 1000) + "\n" + ("字" * 5000) + "\nend"
    pieces = chunks_of(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (a, b, cut), (c, _d, _cut) in zip(pieces, pieces[1:], strict=False):
        assert b == c and b - a <= index_module.CHUNK_CHARS
        assert (
            not (is_word_char(text[b - 1]) and is_word_char(text[b]))
            if cut
            else text[b - 1] == "\n"
        )


def test_notes_and_highlights_are_found_once_committed(tmp_path: Path, shared_books: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    book = (shared_books / "三国演义.txt").resolve()
    add_books(library, [book])
    index = SearchIndex(tmp_path / "search.sqlite3")
    index.update(library)
    text = open_book(book).section_text(1)
    start = text.index("宴桃园")
    mark = Annotation(
        Kind.NOTE,
        TextTarget(1, start, start + 3, "宴桃园"),
        color="green",
        note="結義之處，記得對照 Romance of the Three Kingdoms",
    )
    library.annotations.add(book, mark)
    index.update(library)
    notes = index.search(library, "结义之处", books=False).hits
    assert [(h.kind, h.color, h.section, h.start) for h in notes] == [("note", "green", 1, start)]
    quote = index.search(library, "宴桃", books=False).hits
    assert [h.kind for h in quote] == ["highlight"]
    assert index.search(library, "romance of the thr", books=False).hits
    both = index.search(library, "宴桃园").hits
    assert both[0].kind == "highlight" and any(h.kind == "book" for h in both)

    library.annotations.update(
        Annotation(mark.kind, mark.target, mark.id, "blue", note="另一条", modified=2.0)
    )
    index.update(library)
    assert not index.search(library, "结义之处", books=False).hits
    assert [h.color for h in index.search(library, "另一", books=False).hits] == ["blue"]
    library.annotations.delete(mark.id)
    index.update(library)
    assert not index.search(library, "另一", books=False).hits


def test_only_changed_books_are_read_again(tmp_path: Path) -> None:
    books = [_write_book(tmp_path, f"b{n}.txt", n) for n in range(2)]
    library = Library(tmp_path / "library.sqlite3")
    add_books(library, books)
    index = SearchIndex(tmp_path / "search.sqlite3")
    assert len(index.update(library).indexed) == 2
    assert index.update(library).indexed == []
    books[1].write_text("第一章\n\n全新的内容，独一无二。\n", encoding="utf-8")
    add_books(library, [books[1]])  # the library notices the new content
    report = index.update(library)
    assert report.indexed == [str(books[1])]
    assert index.search(library, "独一无二").hits
    assert not index.search(library, "quick", only=[str(books[1])]).hits


def test_an_unreadable_book_is_listed_and_the_rest_indexed(tmp_path: Path) -> None:
    books = [_write_book(tmp_path, f"b{n}.txt", n) for n in range(2)]
    library = Library(tmp_path / "library.sqlite3")
    add_books(library, books)
    books[0].unlink()
    index = SearchIndex(tmp_path / "search.sqlite3")
    report = index.update(library)
    assert report.indexed == [str(books[1])]
    assert [p for p, _why in report.failed] == [str(books[0])]
    ((path, why),) = index.not_indexed()
    assert path == str(books[0]) and "b0.txt" in str(why)
    assert index.search(library, "quick").not_indexed == index.not_indexed()


@pytest.mark.parametrize("damage", ["garbage", "truncate", "format", "delete"])
def test_a_damaged_or_foreign_index_is_made_anew(tmp_path: Path, damage: str) -> None:
    books = [_write_book(tmp_path, "b.txt", 1)]
    library = Library(tmp_path / "library.sqlite3")
    add_books(library, books)
    path = tmp_path / "search.sqlite3"
    index = SearchIndex(path)
    index.update(library)
    index.close()
    if damage == "garbage":
        path.write_bytes(b"\0garbage" * 5000)
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "format":
        db = sqlite3.connect(path)
        db.execute("UPDATE meta SET value = 'readmark-search-0' WHERE key = 'format'")
        db.commit()
        db.close()
    else:
        path.unlink()
    index = SearchIndex(path)
    assert bool(index.rebuilt) == (damage != "delete")
    assert index.search(library, "quick").hits == []  # empty until updated
    assert index.update(library).indexed == [str(books[0])]
    assert index.search(library, "quick").hits
    assert library.integrity_ok()  # the library itself is never touched


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=200))
def test_any_query_is_searched_or_refused_with_a_message(
    corpus: tuple[Library, SearchIndex, list[Path]], query: str
) -> None:
    """Untrusted queries (any Unicode, FTS5 syntax, control characters): hits or a
    QueryError for the reader, never another exception."""
    library, index, _books = corpus
    try:
        results = index.search(library, query)
    except QueryError as error:
        assert error.template
        return
    for hit in results.hits:
        if hit.kind == "book":  # each hit is the query, folded, in the reader's text
            texts = _TEXTS.setdefault(Path(hit.path), _section_texts(Path(hit.path)))
            assert fold(texts[hit.section][hit.start : hit.end]) == fold(query)


def test_indexing_in_processes_stores_the_same_index(tmp_path: Path) -> None:
    books = [_write_book(tmp_path, f"b{n}.txt", n) for n in range(4)]
    (tmp_path / "bad.txt").write_bytes(b"")  # an empty file: not a book
    books.append(tmp_path / "bad.txt")
    library = Library(tmp_path / "library.sqlite3")
    add_books(library, books)
    one, two = SearchIndex(tmp_path / "one.sqlite3"), SearchIndex(tmp_path / "two.sqlite3")
    first, second = one.update(library), two.update(library, workers=2)
    assert sorted(first.indexed) == sorted(second.indexed) and len(first.indexed) >= 4
    assert [p for p, _ in first.failed] == [p for p, _ in second.failed]
    for query in ("玄黄", "閏餘", "quick bro", "read"):
        big = {"limit": 10**6, "per_book": 10**6}
        ones = {(h.path, h.section, h.start) for h in one.search(library, query, **big).hits}
        twos = {(h.path, h.section, h.start) for h in two.search(library, query, **big).hits}
        assert ones == twos and ones


def test_notes_written_in_batches_beside_the_books_are_all_found(tmp_path: Path) -> None:
    """Indexing in processes writes the notes while the workers read the books, a
    batch per transaction: every note is found (those at the batches' edges
    too), one changed later is found as it is now, one deleted is gone."""
    from readmark.core.store.annotation_store import Incoming

    books = [_write_book(tmp_path, f"b{n}.txt", n) for n in range(3)]
    library = Library(tmp_path / "library.sqlite3")
    add_books(library, books)
    count = index_module._NOTES_BATCH + 500  # more than one batch
    marks = [
        Annotation(
            Kind.NOTE,
            TextTarget(0, 0, 3, "第1章"),
            color="yellow",
            note=f"批注 note{n:05d}x 第{n}条",
        )
        for n in range(count)
    ]
    library.annotations.merge([Incoming(m, books[n % 3]) for n, m in enumerate(marks)])
    index = SearchIndex(tmp_path / "search.sqlite3")
    report = index.update(library, workers=2)
    assert len(report.indexed) == 3
    for n in (0, index_module._NOTES_BATCH - 1, index_module._NOTES_BATCH, count - 1):
        hits = index.search(library, f"note{n:05d}x", books=False).hits
        assert [(h.kind, h.annotation_id) for h in hits] == [("note", marks[n].id)]
    assert len(index.search(library, "批注", books=False, limit=10**6).hits) == count
    assert index.search(library, "玄黄").hits  # the books too

    changed, gone = marks[7], marks[count - 2]
    library.annotations.update(
        Annotation(
            changed.kind, changed.target, changed.id, "blue", note="改过的批注", modified=2.0
        )
    )
    library.annotations.delete(gone.id)
    index.update(library, workers=2)
    assert [h.color for h in index.search(library, "改过", books=False).hits] == ["blue"]
    assert not index.search(library, "note00007x", books=False).hits
    assert not index.search(library, f"note{count - 2:05d}x", books=False).hits
    assert len(index.search(library, "批注", books=False, limit=10**6).hits) == count - 1


def test_notes_stored_meanwhile_by_another_readmark_are_kept_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two Readmark processes bring the notes in at once (the window's indexing and
    `readmark search`): the second, whose terms were made before the first wrote,
    stores none of them twice and fails on none."""
    from readmark.core.store.annotation_store import Incoming

    books = [_write_book(tmp_path, "b.txt", 1)]
    library = Library(tmp_path / "library.sqlite3")
    add_books(library, books)
    marks = [
        Annotation(Kind.NOTE, TextTarget(0, 0, 2, "第1"), color="green", note=f"同时 n{n:04d}x")
        for n in range(700)
    ]
    library.annotations.merge([Incoming(m, books[0]) for m in marks])
    first = SearchIndex(tmp_path / "search.sqlite3")
    second = SearchIndex(tmp_path / "search.sqlite3")
    real_terms = index_module.text_terms
    calls = []

    def terms_while_the_other_writes(text: str) -> str:
        if not calls:  # the other process stores every note now
            calls.append(text)
            first.update_notes(library)
        return real_terms(text)

    monkeypatch.setattr(index_module, "text_terms", terms_while_the_other_writes)
    second.update_notes(library)
    monkeypatch.undo()
    hits = second.search(library, "同时", books=False, limit=10**6).hits
    assert len(hits) == len(marks) == len({h.annotation_id for h in hits})
    assert [h.annotation_id for h in second.search(library, "n0699x", books=False).hits] == [
        marks[699].id
    ]
