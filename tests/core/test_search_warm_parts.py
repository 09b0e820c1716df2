"""A book's text made by processes of their own, one per core, each over its share
(core/search/warm.py), handed over in parts (core/search/saved_text.py): a search
begun meanwhile takes what is finished instead of converting it, the parts are
joined into the whole copy, and a process killed mid-write leaves nothing that is
ever read as text."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest
from tests.conftest import REPO

from readmark.core.book import Book
from readmark.core.formats import open_book
from readmark.core.render_cache import RenderCache
from readmark.core.search.book_text import BookText
from readmark.core.search.folding import fold
from readmark.core.search.in_book import search_book
from readmark.core.search.query import Query, compile_query
from readmark.core.search.saved_text import LEASE, NAME, PART, SavedText

NOVEL = "三国演义.txt"


def _command(book: Book, cache: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "readmark.core.search.warm",
        str(book.path),
        str(cache),
        book.cache_key,
        json.dumps(asdict(book.options)),
    ]


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    source = str(Path(__file__).resolve().parents[2] / "src")
    environment["PYTHONPATH"] = os.pathsep.join([source, environment.get("PYTHONPATH", "")])
    return environment


def _hits(text: BookText, query: str) -> list[tuple[int, list[tuple[int, int]]]]:
    found = [(r.section, r.ranges) for r in search_book(text, compile_query(Query(query)))]
    return sorted(found)


def _blobs(cache: Path, book: Book) -> set[str]:
    return RenderCache(cache).blobs(book.cache_key)


@pytest.fixture
def novel(shared_books: Path) -> Book:
    return open_book(shared_books / NOVEL)


def test_two_processes_over_halves_save_exactly_the_text_the_reader_shows(
    novel: Book, tmp_path: Path
) -> None:
    count = len(novel.sections)
    half = count // 2
    processes = [  # as the window starts them, one per core
        subprocess.Popen([*_command(novel, tmp_path), str(a), str(b)], env=_environment())
        for a, b in ((0, half), (half, count))
    ]
    assert [process.wait(120) for process in processes] == [0, 0]
    assert _blobs(tmp_path, novel) == {NAME}  # joined: no part and no lease is left

    def never(index: int) -> str:
        raise AssertionError(f"section {index} converted although its text was saved")

    saved = BookText(count, never, SavedText(RenderCache(tmp_path), novel.cache_key))
    assert saved.load_saved()
    assert [saved.text(i) for i in range(count)] == [novel.section_text(i) for i in range(count)]
    assert _hits(saved, "刘备") == _hits(BookText(count, novel.section_html), "刘备")


def test_a_search_begun_meanwhile_takes_the_finished_sections_and_converts_only_the_rest(
    novel: Book, tmp_path: Path
) -> None:
    count = len(novel.sections)
    saved = SavedText(RenderCache(tmp_path), novel.cache_key)
    # What two processes had handed over when the search began: the start of each share.
    handed = [*range(0, 10), *range(count // 2, count // 2 + 15)]
    saved.lease(0)
    saved.lease(count // 2)
    for first, end in ((0, 10), (count // 2, count // 2 + 15)):
        texts = [novel.section_text(i) for i in range(first, end)]
        saved.save_part(first, texts, [fold(text) for text in texts])

    converted: list[int] = []

    def html_of(index: int) -> str:
        converted.append(index)
        return novel.section_html(index)

    text = BookText(count, html_of, saved)
    order = [hits.section for hits in search_book(text, compile_query(Query("刘备")), keep=False)]
    assert sorted(order) == list(range(count))  # every section searched once
    assert order[: len(handed)] == handed  # what was handed over, first
    assert sorted(converted) == sorted(set(range(count)) - set(handed))  # nothing twice
    # Converted here from the far end of each share, where the processes arrive last.
    assert converted[0] == count - 1
    assert _hits(text, "刘备") == _hits(BookText(count, novel.section_html), "刘备")

    text.keep()  # the rest handed over the same way and joined with theirs
    assert NAME in _blobs(tmp_path, novel)
    assert not any(name.startswith(PART) for name in _blobs(tmp_path, novel))
    again = SavedText(RenderCache(tmp_path), novel.cache_key).load(count)
    assert again is not None
    assert [again.text(i) for i in range(count)] == [novel.section_text(i) for i in range(count)]


def test_parts_arriving_during_a_search_are_taken_as_they_come(novel: Book, tmp_path: Path) -> None:
    count = len(novel.sections)
    saved = SavedText(RenderCache(tmp_path), novel.cache_key)
    saved.lease(0)
    converted: list[int] = []

    def html_of(index: int) -> str:
        converted.append(index)
        if len(converted) == 1:  # meanwhile, a process hands the first half over
            texts = [novel.section_text(i) for i in range(0, count // 2)]
            saved.save_part(0, texts, [fold(text) for text in texts])
        return novel.section_html(index)

    text = BookText(count, html_of, saved)
    found = _hits(text, "曹操")
    assert found == _hits(BookText(count, novel.section_html), "曹操")
    assert not set(converted) & set(range(1, count // 2))  # the half handed over: not made here


@pytest.fixture
def big_book(tmp_path: Path) -> Book:
    """A bench book of 3 MB whose sentences each end with raw HTML (`<i></i>`), so
    every section goes the HTML way: seconds to make, time enough to kill its
    process. (The plain bench book's text is made in a tenth of a second now,
    within the process's first hand-over: it would be done before the kill.)"""
    spec = importlib.util.spec_from_file_location("bench_books", REPO / "bench" / "books.py")
    assert spec and spec.loader
    books = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(books)
    path = tmp_path / "zh.md"
    text = books.generate("zh", 3_000_000, 11).replace("。", "。<i></i>")
    path.write_text(text, encoding="utf-8")
    return open_book(path)


def test_a_process_killed_mid_write_leaves_nothing_read_as_text(
    big_book: Book, tmp_path: Path
) -> None:
    book, count = big_book, len(big_book.sections)
    cache = tmp_path / "cache"
    process = subprocess.Popen(_command(book, cache), env=_environment())
    saved = SavedText(RenderCache(cache), book.cache_key)
    deadline = time.monotonic() + 60
    while not saved.parts() and time.monotonic() < deadline:
        time.sleep(0.002)
    assert process.poll() is None  # killed while it runs, between or during its writes
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not saved.complete()
    folder = cache / book.cache_key
    # A part cut short by hand too, as a write stopped by a crash elsewhere would leave it.
    texts = [book.section_text(i) for i in range(count - 3, count)]
    good = SavedText(RenderCache(tmp_path / "whole"), book.cache_key)
    good.save_part(count - 3, texts, [fold(text) for text in texts])
    whole = (tmp_path / "whole" / book.cache_key / f"{PART}-{count - 3}-{count}.bin").read_bytes()
    (folder / f"{PART}-{count - 3}-{count}.bin").write_bytes(whole[: len(whole) // 2])
    (folder / f"{PART}-{count - 2}-{count}.bin").write_bytes(b"readmark-text-2\n{}\n")  # no sizes

    text = BookText(count, book.section_html, saved)
    assert _hits(text, "中国") == _hits(BookText(count, book.section_html), "中国")
    assert [text.text(i) for i in range(count)] == [book.section_text(i) for i in range(count)]
    text.keep()
    # Its lease stayed (the process never released it): only the order of the
    # search changed; the whole copy is right, and a later search reads it.
    assert any(name.startswith(LEASE) for name in _blobs(cache, book))
    again = SavedText(RenderCache(cache), book.cache_key).load(count)
    assert again is not None
    assert [again.text(i) for i in range(count)] == [book.section_text(i) for i in range(count)]


def test_overlapping_parts_join_each_section_once(tmp_path: Path) -> None:
    texts = [f"第{i}章 文字{i}" * (i + 1) for i in range(9)]
    saved = SavedText(RenderCache(tmp_path), "book")
    for first, end in ((0, 4), (2, 6), (3, 9)):  # two makers met and overlapped
        saved.save_part(first, texts[first:end], [fold(t) for t in texts[first:end]])
    assert saved.join_parts(9)
    copy = saved.load(9)
    assert copy is not None
    assert [copy.text(i) for i in range(9)] == texts
    assert saved.parts() == []


def test_parts_with_a_gap_are_not_joined(tmp_path: Path) -> None:
    texts = ["甲", "乙", "丙", "丁"]
    saved = SavedText(RenderCache(tmp_path), "book")
    saved.save_part(0, texts[:2], texts[:2])
    saved.save_part(3, texts[3:], texts[3:])
    assert not saved.join_parts(4)
    assert not saved.complete()
    assert saved.parts() == [(0, 2), (3, 4)]  # kept for when the gap is made


def test_sections_a_search_made_are_handed_over_and_skipped_by_the_processes(
    novel: Book, tmp_path: Path
) -> None:
    count = len(novel.sections)
    saved = SavedText(RenderCache(tmp_path), novel.cache_key)
    saved.lease(0)  # a process is making the text
    text = BookText(count, novel.section_html, saved)
    for index in range(10, 20):
        text.folded(index)  # made by the search
    text.hand_over()
    assert saved.parts() == [(10, 20)]
    # Mark what was handed over, to see whether the process makes it again.
    marked = [f"（交出）{novel.section_text(i)}" for i in range(10, 20)]
    saved.save_part(10, marked, [fold(t) for t in marked])
    saved.release(0)
    process = subprocess.run(_command(novel, tmp_path), env=_environment(), check=False)
    assert process.returncode == 0
    copy = saved.load(count)
    assert copy is not None
    assert [copy.text(i) for i in range(10, 20)] == marked  # skipped: taken as handed over
    assert copy.text(9) == novel.section_text(9) and copy.text(20) == novel.section_text(20)


def test_parts_of_the_text_alone_join_into_a_whole_copy_of_the_text_alone(
    tmp_path: Path,
) -> None:
    texts = ["天下大势，分久必合，合久必分。" * 200 for _ in range(6)]
    cache = RenderCache(tmp_path)
    saved = SavedText(cache, "book")
    saved.save_part(0, texts[:3])
    saved.save_part(3, texts[3:])
    assert saved.join_parts(6)
    whole = cache.get_blob("book", NAME)
    assert whole is not None and len(whole) < sum(len(t.encode()) for t in texts) / 10
    copy = saved.load(6)
    assert copy is not None and [copy.text(i) for i in range(6)] == texts
    assert not copy.has_folded  # the text alone, as Readmark saves it


def test_a_damaged_part_is_not_joined(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path)
    saved = SavedText(cache, "book")
    saved.save_part(0, ["甲" * 50, "乙" * 50])
    name = f"{PART}-0-2"
    data = bytearray(cache.get_blob("book", name) or b"")
    data[-20:-10] = b"\xff" * 10  # inside the last section's stored bytes and checksum
    cache.put_blob("book", name, bytes(data))
    assert not saved.join_parts(2)
    assert not saved.complete()


def test_a_damaged_part_found_by_a_search_is_made_there_and_the_copy_still_joined(
    novel: Book, tmp_path: Path
) -> None:
    count = len(novel.sections)
    cache = RenderCache(tmp_path)
    saved = SavedText(cache, novel.cache_key)
    saved.lease(0)
    for first, end in ((0, 5), (5, 12)):
        saved.save_part(first, [novel.section_text(i) for i in range(first, end)])
    name = f"{PART}-5-12"
    data = bytearray(cache.get_blob(novel.cache_key, name) or b"")
    data[-12:-4] = b"\x00" * 8  # the last section's stored bytes: its checksum fails
    cache.put_blob(novel.cache_key, name, bytes(data))
    text = BookText(count, novel.section_html, saved)
    assert _hits(text, "刘备") == _hits(BookText(count, novel.section_html), "刘备")
    text.keep()  # what was made here, that section too, handed over and joined
    again = SavedText(cache, novel.cache_key).load(count)
    assert again is not None
    assert [again.text(i) for i in range(count)] == [novel.section_text(i) for i in range(count)]


def test_parts_joined_away_under_a_search_are_read_from_the_whole_copy_not_made_again(
    novel: Book, tmp_path: Path
) -> None:
    # The search noted the parts (it reads each when first needed); the processes
    # then finished and joined them into the whole copy, removing them.
    count = len(novel.sections)
    saved = SavedText(RenderCache(tmp_path), novel.cache_key)
    half = count // 2
    for first, end in ((0, half), (half, count)):
        saved.save_part(first, [novel.section_text(i) for i in range(first, end)], stored=True)
    made: list[int] = []

    def text_of(index: int) -> str:
        made.append(index)
        return novel.section_text(index)

    text = BookText(count, novel.section_html, saved, text_of=text_of)
    assert not text.load_saved()  # as a search begins: no whole copy yet
    assert text.refresh()  # the parts are listed, not read
    assert saved.join_parts(count)
    assert not saved.parts()
    assert [text.text(i) for i in range(count)] == [novel.section_text(i) for i in range(count)]
    assert made == []  # nothing made again: the whole copy was read instead
