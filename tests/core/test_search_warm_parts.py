"""A book's text made by processes of their own, one per core, each over its share
(core/search/warm.py), handed over in parts (core/search/saved_text.py): a search
begun meanwhile takes what is finished instead of converting it, the parts are
joined into the whole copy, and a process killed mid-write leaves nothing that is
ever read as text."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest

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


def test_a_process_killed_mid_write_leaves_nothing_read_as_text(
    novel: Book, tmp_path: Path
) -> None:
    count = len(novel.sections)
    process = subprocess.Popen(_command(novel, tmp_path), env=_environment())
    saved = SavedText(RenderCache(tmp_path), novel.cache_key)
    deadline = time.monotonic() + 60
    while not saved.parts() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    folder = tmp_path / novel.cache_key
    # A part cut short by hand too, as a write stopped by a crash elsewhere would leave it.
    texts = [novel.section_text(i) for i in range(count - 3, count)]
    good = SavedText(RenderCache(tmp_path / "whole"), novel.cache_key)
    good.save_part(count - 3, texts, [fold(text) for text in texts])
    whole = (tmp_path / "whole" / novel.cache_key / f"{PART}-{count - 3}-{count}.bin").read_bytes()
    (folder / f"{PART}-{count - 3}-{count}.bin").write_bytes(whole[: len(whole) // 2])
    (folder / f"{PART}-{count - 2}-{count}.bin").write_bytes(b"readmark-text-2\n{}\n")  # no sizes

    text = BookText(count, novel.section_html, saved)
    assert _hits(text, "刘备") == _hits(BookText(count, novel.section_html), "刘备")
    assert [text.text(i) for i in range(count)] == [novel.section_text(i) for i in range(count)]
    text.keep()
    # Its lease stayed (the process never released it): only the order of the
    # search changed; the whole copy is right, and a later search reads it.
    assert any(name.startswith(LEASE) for name in _blobs(tmp_path, novel))
    again = SavedText(RenderCache(tmp_path), novel.cache_key).load(count)
    assert again is not None
    assert [again.text(i) for i in range(count)] == [novel.section_text(i) for i in range(count)]


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
