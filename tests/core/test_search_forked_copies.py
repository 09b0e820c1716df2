"""On Linux a big book's text is made in the background by copies of the reader
made by fork (core/search/warm.py, `fork_share`), the book already open in them,
sharing with the reader which section each is making (core/search/claims.py): a
search begun meanwhile leaves a copy's sections to it and waits for their parts,
a copy leaves the window's, and a copy that stalls ends itself."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from readmark.core.book import Book
from readmark.core.formats import open_book
from readmark.core.render_cache import RenderCache
from readmark.core.search import claims, in_book, warm
from readmark.core.search.book_text import BookText
from readmark.core.search.in_book import search_book
from readmark.core.search.query import Query, compile_query
from readmark.core.search.saved_text import NAME, PART, SavedText

pytestmark = pytest.mark.skipif(not warm.FORKS, reason="forked copies are Linux's")

NOVEL = "三国演义.txt"


@pytest.fixture
def novel(shared_books: Path) -> Book:
    book = open_book(shared_books / NOVEL)
    yield book
    claims.end(book.cache_key)


def _wait(pid: int, seconds: float = 120) -> int:
    """The copy's exit status (os.waitstatus_to_exitcode: -N for signal N)."""
    deadline = time.monotonic() + seconds
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError(f"copy {pid} still running after {seconds} s")
        time.sleep(0.01)  # polling the child's end until a deadline


def _texts(book: Book) -> list[str]:
    return [book.section_text(i) for i in range(len(book.sections))]


def _blobs(cache: Path, book: Book) -> set[str]:
    return RenderCache(cache).blobs(book.cache_key)


def test_two_forked_copies_save_exactly_the_text_the_reader_shows_compressed(
    novel: Book, tmp_path: Path
) -> None:
    count, key = len(novel.sections), novel.cache_key
    shared = claims.start(key, count)
    half = count // 2
    pids = [
        warm.fork_share(novel, tmp_path, key, shared, a, b, claims.SHARE + n)
        for n, (a, b) in enumerate(((0, half), (half, count)))
    ]
    assert [_wait(pid) for pid in pids] == [0, 0]
    assert _blobs(tmp_path, novel) == {NAME}  # joined: no part and no lease is left
    copy = SavedText(RenderCache(tmp_path), key).load(count)
    assert copy is not None and not copy.stored
    assert [copy.text(i) for i in range(count)] == _texts(novel)
    # Handed over stored, joined compressed (zlib level 1: ~0.6x for Chinese).
    size = (tmp_path / key / f"{NAME}.bin").stat().st_size
    assert size < 0.8 * sum(len(text.encode()) for text in _texts(novel))
    # Every section was claimed, each by the copy whose share it is.
    assert [shared.holder(i) for i in range(count)] == [claims.SHARE] * half + [
        claims.SHARE + 1
    ] * (count - half)


def test_a_copy_leaves_the_sections_the_window_claimed_and_the_search_joins_the_whole(
    novel: Book, tmp_path: Path
) -> None:
    count, key = len(novel.sections), novel.cache_key
    shared = claims.start(key, count)
    window = range(count - 20, count)  # the far end, where a search begun at once works
    for index in window:
        assert shared.claim(index, claims.WINDOW)
    assert _wait(warm.fork_share(novel, tmp_path, key, shared)) == 0
    saved = SavedText(RenderCache(tmp_path), key)
    assert saved.parts() and all(end <= count - 20 for _first, end in saved.parts())
    assert NAME not in _blobs(tmp_path, novel)  # a gap: the window's sections

    made: list[int] = []

    def text_of(index: int) -> str:
        made.append(index)
        return novel.section_text(index)

    text = BookText(count, novel.section_html, saved, text_of=text_of)
    hits = list(search_book(text, compile_query(Query("刘备"))))
    assert sorted(hit.section for hit in hits) == list(range(count))
    assert sorted(made) == list(window)  # the window made only what it claimed
    copy = saved.load(count)  # and joined it with the copy's parts
    assert copy is not None
    assert [copy.text(i) for i in range(count)] == _texts(novel)


def _search_in_thread(text: BookText) -> tuple[threading.Thread, list[int], list[float]]:
    order: list[int] = []
    took: list[float] = []

    def run() -> None:
        started = time.monotonic()
        order.extend(hits.section for hits in search_book(text, compile_query(Query("曹操"))))
        took.append(time.monotonic() - started)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, order, took


def test_a_search_waits_for_the_sections_a_copy_is_making_instead_of_making_them(
    novel: Book, tmp_path: Path
) -> None:
    count, key = len(novel.sections), novel.cache_key
    shared = claims.start(key, count)
    theirs = list(range(30, 40))  # in a copy's hands when the search begins
    for index in theirs:
        shared.claim(index, claims.SHARE)
    saved = SavedText(RenderCache(tmp_path), key)
    saved.lease(30)
    all_but_theirs = threading.Event()
    made: list[int] = []

    def text_of(index: int) -> str:
        made.append(index)
        if len(made) == count - len(theirs):
            all_but_theirs.set()
        return novel.section_text(index)

    text = BookText(count, novel.section_html, saved, text_of=text_of)
    thread, order, _took = _search_in_thread(text)
    # The copy hands its sections over once the search has made everything else.
    assert all_but_theirs.wait(60)
    saved.save_part(30, [novel.section_text(i) for i in theirs], stored=True)
    thread.join(60)
    assert sorted(order) == list(range(count))
    assert sorted(made) == sorted(set(range(count)) - set(theirs))  # nothing made twice
    assert order[-len(theirs) :] == theirs  # searched last, as they came


def test_once_the_copies_are_gone_a_search_makes_what_they_left_at_once(
    novel: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(in_book, "WAIT_S", 60.0)  # it must not wait for a part
    count, key = len(novel.sections), novel.cache_key
    shared = claims.start(key, count)
    for index in range(30, 40):
        shared.claim(index, claims.SHARE)
    made: list[int] = []

    def text_of(index: int) -> str:
        made.append(index)
        if len(made) == count - 10:
            claims.end(key)  # as the window does when its copies end (killed, or done)
        return novel.section_text(index)

    saved = SavedText(RenderCache(tmp_path), key)
    text = BookText(count, novel.section_html, saved, text_of=text_of)
    thread, order, took = _search_in_thread(text)
    thread.join(60)
    assert sorted(order) == list(range(count)) == sorted(made)
    assert took[0] < 30


def test_a_copy_that_stalls_leaves_its_sections_to_the_search_after_a_while(
    novel: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(in_book, "WAIT_S", 0.3)
    count, key = len(novel.sections), novel.cache_key
    shared = claims.start(key, count)
    for index in range(30, 40):
        shared.claim(index, claims.SHARE)  # and nothing ever comes of it
    saved = SavedText(RenderCache(tmp_path), key)
    made: list[int] = []

    def text_of(index: int) -> str:
        made.append(index)
        return novel.section_text(index)

    text = BookText(count, novel.section_html, saved, text_of=text_of)
    thread, order, took = _search_in_thread(text)
    thread.join(60)
    assert sorted(order) == list(range(count)) == sorted(made)
    assert took[0] >= 0.3


def test_a_copy_stuck_on_a_lock_held_when_it_was_forked_ends_itself(
    novel: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another thread of the reader held a lock the copy needs at the fork: in the
    # copy it is held for ever (only the forking thread is copied).
    monkeypatch.setattr(warm, "STALL_S", 1)
    held = threading.Lock()
    make = novel.section_text

    def section_text(index: int) -> str:
        with held:
            return make(index)

    monkeypatch.setattr(novel, "section_text", section_text)
    shared = claims.start(novel.cache_key, len(novel.sections))
    with held:
        pid = warm.fork_share(novel, tmp_path, novel.cache_key, shared)
    started = time.monotonic()
    assert _wait(pid, 30) == -signal.SIGALRM
    assert time.monotonic() - started < 15
    # Ended before it made anything: nothing was handed over.
    assert not any(name.startswith(PART) for name in _blobs(tmp_path, novel))


def test_the_pattern_memo_lock_is_made_anew_in_a_copy() -> None:
    from readmark.core import lazy_re

    memo = lazy_re._MEMO
    read, write = os.pipe()
    with memo._lock:  # held by this thread at the fork, as another thread might
        pid = os.fork()
        if pid == 0:  # the copy: the lock must be free in it (never back into pytest)
            try:
                free = memo._lock.acquire(timeout=5)
                os.write(write, b"1" if free else b"0")
            finally:
                os._exit(0)
    os.close(write)
    assert os.read(read, 1) == b"1"
    os.waitpid(pid, 0)


@pytest.mark.parametrize(
    "name", ["Liber_Esther.epub", "wasteland.epub", "Enchiridion of Epictetus.md", "11-0.txt"]
)
def test_forked_copies_of_every_format_save_exactly_the_text_the_reader_shows(
    shared_books: Path, tmp_path: Path, name: str
) -> None:
    # An EPUB is read from its archive in memory (nothing shared with the reader's
    # open files); Markdown and plain text from their text.
    book = open_book(shared_books / name)
    count, key = len(book.sections), book.cache_key
    shared = claims.start(key, count)
    try:
        half = count // 2
        pids = [
            warm.fork_share(book, tmp_path, key, shared, a, b, claims.SHARE + n)
            for n, (a, b) in enumerate(((0, half), (half, count)))
        ]
        assert [_wait(pid) for pid in pids] == [0, 0]
    finally:
        claims.end(key)
    copy = SavedText(RenderCache(tmp_path), key).load(count)
    assert copy is not None
    assert [copy.text(i) for i in range(count)] == _texts(book)
