"""The library index's files and what a search says about them: the terms live in
shard files beside the index (written by the worker processes), a damaged,
missing or foreign shard makes the whole index anew, terms remade after many
books changed still find everything, and a book with more hits than a search
lists says so (and one with exactly as many does not).

Real book files in a real library, real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.operations.library_books import add_books
from readmark.core.search.folding import fold
from readmark.core.search.index import CHUNK_CHARS, SearchIndex
from readmark.core.search.terms import is_unspaced, text_terms
from readmark.core.store.library import Library

_FILLER = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏"


def _book(folder: Path, name: str, marks: int, seed: int = 0) -> Path:
    """A book whose 洪水滔天 occurs `marks` times, each in a piece of its own."""
    line = (_FILLER * (CHUNK_CHARS // len(_FILLER) + 8))[: CHUNK_CHARS + 100]
    paragraphs = [f"第{seed}章"]
    for n in range(max(marks, 2)):
        paragraphs.append(line)
        paragraphs.append("洪水滔天。" if n < marks else "风平浪静。")
    path = folder / name
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _library(folder: Path, books: list[Path]) -> Library:
    library = Library(folder / "library.sqlite3")
    add_books(library, books)
    return library


def test_the_terms_are_stored_by_the_worker_processes_in_shards(tmp_path: Path) -> None:
    books = [_book(tmp_path, f"b{n}.txt", n + 1, n) for n in range(4)]
    library = _library(tmp_path, books)
    path = tmp_path / "search.sqlite3"
    index = SearchIndex(path)
    assert len(index.update(library, workers=2).indexed) == 4
    shards = sorted(tmp_path.glob("search.terms*.sqlite3"))
    assert len(shards) == 2
    stored = 0
    for shard in shards:
        db = sqlite3.connect(shard)
        stored += db.execute(
            "SELECT count(*) FROM chunk_terms WHERE chunk_terms MATCH '\"洪水\"'"
        ).fetchone()[0]
        db.close()
    main = sqlite3.connect(path)
    assert "chunk_terms" not in {r[0] for r in main.execute("SELECT name FROM sqlite_master")}
    main.close()
    assert stored == 1 + 2 + 3 + 4  # each piece's terms once, in one shard or the other
    hits = index.search(library, "洪水滔天", per_book=10).hits
    assert sorted(h.path for h in hits) == sorted(
        str(b) for n, b in enumerate(books) for _ in range(n + 1)
    )
    # The files on disk, the terms' shards counted.
    assert index.disk_size() > path.stat().st_size
    index.close()


@pytest.mark.parametrize("damage", ["garbage", "delete", "foreign"])
def test_a_damaged_missing_or_foreign_shard_makes_the_index_anew(
    tmp_path: Path, damage: str
) -> None:
    books = [_book(tmp_path, "b.txt", 2)]
    library = _library(tmp_path, books)
    path = tmp_path / "search.sqlite3"
    index = SearchIndex(path)
    index.update(library)
    index.close()
    shard = tmp_path / "search.terms1.sqlite3"
    if damage == "garbage":
        shard.write_bytes(b"\0garbage" * 5000)
    elif damage == "delete":
        shard.unlink()
    else:  # the shard of another index, copied over this one's
        other = tmp_path / "other"
        other.mkdir()
        SearchIndex(other / "search.sqlite3").close()
        shard.write_bytes((other / "search.terms1.sqlite3").read_bytes())
    index = SearchIndex(path)
    assert index.rebuilt
    assert index.search(library, "洪水").hits == []  # empty until updated
    assert index.update(library).indexed == [str(books[0])]
    assert len(index.search(library, "洪水").hits) == 2
    index.close()
    assert not SearchIndex(path).rebuilt  # and sound the next time


def test_a_new_index_file_drops_the_shards_of_the_one_before(tmp_path: Path) -> None:
    books = [_book(tmp_path, "b.txt", 2)]
    library = _library(tmp_path, books)
    path = tmp_path / "search.sqlite3"
    index = SearchIndex(path)
    index.update(library)
    index.close()
    path.unlink()  # the index file alone is deleted: its shards are left over
    index = SearchIndex(path)
    assert index.search(library, "洪水").hits == []
    index.update(library)
    assert len(index.search(library, "洪水").hits) == 2
    index.close()


def test_terms_remade_after_many_changes_still_find_everything(tmp_path: Path) -> None:
    books = [_book(tmp_path, "a.txt", 3, 1), _book(tmp_path, "b.txt", 1, 2)]
    library = _library(tmp_path, books)
    index = SearchIndex(tmp_path / "search.sqlite3")
    index.update(library)
    # Each change leaves the book's old terms behind as garbage, until they are
    # more than a quarter of the rows (and 100): then every term is made again.
    for seed in range(3, 40):
        books[0].write_text(books[0].read_text(encoding="utf-8") + f"\n\n第{seed}回\n")
        add_books(library, [books[0]])
        index.update(library)
    db = sqlite3.connect(tmp_path / "search.sqlite3")
    generation = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
    db.close()
    assert int(generation) >= 1  # remade at least once
    hits = index.search(library, "洪水滔天").hits
    assert sorted(h.path for h in hits) == sorted([str(books[0])] * 3 + [str(books[1])])
    assert index.search(library, "第39回").hits
    index.close()


def test_a_book_with_more_hits_than_listed_says_so(tmp_path: Path) -> None:
    exact, more = _book(tmp_path, "exact.txt", 3, 1), _book(tmp_path, "more.txt", 4, 2)
    library = _library(tmp_path, [exact, more])
    index = SearchIndex(tmp_path / "search.sqlite3")
    index.update(library, workers=2)
    results = index.search(library, "洪水滔天", per_book=3)
    assert sorted(h.path for h in results.hits) == sorted([str(exact)] * 3 + [str(more)] * 3)
    assert results.truncated_books == {str(more)}  # its fourth hit is in a later piece
    assert not results.truncated  # the search itself did not stop at its limit
    everything = index.search(library, "洪水滔天", per_book=4)
    assert everything.truncated_books == set() and len(everything.hits) == 7
    index.close()


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from("天地玄黄閏餘あいカキ한글ไทย，。 a1-\n_") | st.characters(),
        max_size=300,
    )
)
def test_every_pair_of_neighbours_and_every_run_end_is_a_term(text: str) -> None:
    """The terms of unspaced scripts: each pair of neighbouring letters, at even
    and odd places of every run alike (two regex passes), and a letter alone
    where its run ends — and no other letter alone (the pairs it starts find it)."""
    folded = fold(text)
    terms = set(text_terms(folded).split())
    letters = [ch.isalnum() and is_unspaced(ch) for ch in folded]
    for at, ch in enumerate(folded):
        if letters[at]:
            followed = at + 1 < len(folded) and letters[at + 1]
            if followed:
                assert folded[at : at + 2] in terms
            else:
                assert ch in terms
    lone = {t for t in terms if len(t) == 1 and is_unspaced(t)}
    ends = {
        ch
        for at, ch in enumerate(folded)
        if letters[at] and not (at + 1 < len(folded) and letters[at + 1])
    }
    assert lone == ends


def test_one_character_is_found_inside_a_run_at_its_end_and_before_latin(
    tmp_path: Path,
) -> None:
    """A letter alone is a term only where its run ends: one typed alone is
    looked up by the pairs it starts too, and one typed before punctuation or a
    Latin letter by itself (its run ends there in the book as well)."""
    book = tmp_path / "one.txt"
    book.write_text("第一章\n\n天地玄黄，宇宙洪荒。\n\n金生丽水a玉出昆冈\n", encoding="utf-8")
    library = _library(tmp_path, [book])
    index = SearchIndex(tmp_path / "search.sqlite3")
    index.update(library)
    for query, expected in (
        ("玄", ["玄"]),  # only ever inside a run: no lone term 玄
        ("黄", ["黄"]),  # only ever at a run's end
        ("黄，", ["黄，"]),
        ("水a", ["水a"]),
        ("丽水a玉", ["丽水a玉"]),
        ("冈", ["冈"]),  # the book's last character
        ("玄 ", []),  # followed by a space: never in the book
        ("洪", ["洪"]),
    ):
        hits = index.search(library, query).hits
        found = [fold(h.context.hit) for h in hits]
        assert found == [fold(q) for q in expected], query
    assert [h.context.hit for h in index.search(library, "黃").hits] == ["黄"]  # Traditional
    index.close()


def test_a_worker_waiting_for_the_index_file_gets_it_between_two_writes(tmp_path: Path) -> None:
    """A worker process reserves its pieces' ids while the updating process writes
    (the notes, in batches): it asks again every millisecond, so it gets the lock
    in a 20 ms gap between two transactions, not after the second one (SQLite's
    own wait, backed off to 100 ms a try, would sleep through the gap most times),
    and the ids it gets are new ones."""
    import threading
    import time

    from readmark.core.search.index_file import reserve_pieces
    from readmark.core.store import sqlite_setup

    index = SearchIndex(tmp_path / "search.sqlite3")
    writer = sqlite_setup.connect(index.path)
    got: list[tuple[int, float]] = []

    def worker() -> None:  # as a worker process does, on a connection of its own
        db = sqlite_setup.connect(index.path)
        got.append((reserve_pieces(db, 5)[0], time.monotonic()))
        db.close()

    writer.execute("BEGIN IMMEDIATE")  # the updating process is writing
    thread = threading.Thread(target=worker)
    thread.start()
    time.sleep(0.5)  # long enough for SQLite's own wait to back off to 100 ms a try
    assert not got  # still waiting
    writer.execute("COMMIT")
    gap = time.monotonic()
    time.sleep(0.02)
    writer.execute("BEGIN IMMEDIATE")  # the next batch, for 0.5 s
    time.sleep(0.5)
    writer.execute("COMMIT")
    thread.join(5)
    assert len(got) == 1 and got[0][1] < gap + 0.25  # it came in the gap
    assert reserve_pieces(writer, 1)[0] == got[0][0] + 5  # the next ids follow its own
    writer.close()
    index.close()
