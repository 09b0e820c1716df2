"""Annotation operations on a real library file: validated, committed first, and
each returning the change set the views update from and undo replays."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.annotations import Annotation, Kind, Style, TextTarget
from readmark.core.operations import BookAnnotations, Change, ChangeSet, OperationError
from readmark.core.store.errors import StoreError
from readmark.core.store.library import Library

TEXT = "The quick brown fox jumps over the lazy dog. " * 40


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return tmp_path / "book.md"


@pytest.fixture
def library(tmp_path: Path, book: Path):
    lib = Library(tmp_path / "lib.sqlite3")
    lib.touch(book, "content", "Book", "")
    yield lib
    lib.close()


@pytest.fixture
def ops(library: Library, book: Path) -> BookAnnotations:
    annotations = BookAnnotations(library.annotations, book, "v1")
    annotations.load()
    return annotations


def highlight(start: int, section: int = 0, **fields: object) -> Annotation:
    target = TextTarget.from_text(section, TEXT, start, start + 9)
    return Annotation(Kind.HIGHLIGHT, target, **fields)  # type: ignore[arg-type]


def stored(library: Library, book: Path) -> list[Annotation]:
    return library.annotations.for_book(book)


def test_add_commits_then_returns_what_was_added(ops, library, book) -> None:
    made = highlight(4)
    changes = ops.add(made)
    assert changes.added == [made] and changes.removed == [] and changes.changed == []
    assert stored(library, book) == [made]  # committed before the call returned
    assert ops.all() == [made]


def test_edit_returns_before_and_after(ops, library, book) -> None:
    made = highlight(4)
    ops.add(made)
    changes = ops.edit(made.id, color="blue", style=Style.UNDERLINE)
    [change] = changes.changes
    assert change.before == made
    assert change.after is not None and change.after.color == "blue"
    assert change.after.modified >= made.modified
    assert stored(library, book)[0].color == "blue"
    assert not ops.edit(made.id, color="blue")  # nothing differs: nothing committed


def test_undo_and_redo_replay_the_inverse_and_the_change(ops, library, book) -> None:
    first, second = highlight(4), highlight(20)
    ops.add(first)
    added = ops.add(second)
    edited = ops.edit(first.id, note="why")
    deleted = ops.delete([first.id, second.id])
    assert stored(library, book) == []
    for changes in (deleted, edited, added):  # undo, newest first
        ops.apply(changes.inverse())
    assert stored(library, book) == [first]
    for changes in (added, edited, deleted):  # redo
        ops.apply(changes)
    assert stored(library, book) == []
    ops.apply(deleted.inverse())
    # Undo brings back the very same annotations: ids, times and all.
    assert {a.id: a for a in stored(library, book)}[first.id].note == "why"
    assert [a.id for a in ops.all()] == [first.id, second.id]


def test_a_replay_that_does_not_fit_what_is_there_changes_nothing(ops, library, book) -> None:
    made = highlight(4)
    added = ops.add(made)
    ops.edit(made.id, color="pink")
    with pytest.raises(OperationError):
        ops.apply(added.inverse())  # it was edited since: its "before" is not what is there
    assert stored(library, book)[0].color == "pink"


def test_invalid_requests_are_refused_before_anything_is_written(ops, library, book) -> None:
    empty = Annotation(Kind.HIGHLIGHT, TextTarget.from_text(0, TEXT, 5, 5))
    nameless = Annotation(Kind.BOOKMARK, TextTarget.from_text(0, TEXT, 5, 5))
    blank_note = Annotation(Kind.NOTE, TextTarget.from_text(0, TEXT, 5, 5), note="  ")
    for bad in (empty, nameless, blank_note):
        with pytest.raises(OperationError):
            ops.add(bad)
    made = highlight(4)
    ops.add(made)
    with pytest.raises(OperationError):
        ops.add(made)  # the same id twice
    with pytest.raises(OperationError):
        ops.edit(made.id, target=None)
    with pytest.raises(OperationError):
        ops.edit("no-such-id", color="blue")
    with pytest.raises(OperationError):
        ops.delete(["no-such-id"])
    assert stored(library, book) == [made]


def test_a_failed_commit_changes_nothing(ops, library, book, tmp_path, monkeypatch) -> None:
    from readmark.core.store import sqlite_setup

    made = highlight(4)
    ops.add(made)
    # Another process holds the write lock for longer than the busy timeout.
    monkeypatch.setattr(sqlite_setup, "BUSY_TIMEOUT_S", 0.05)
    again = Library(tmp_path / "lib.sqlite3")  # this connection gives up quickly
    ops = BookAnnotations(again.annotations, book, "v1")
    ops.load()
    blocker = sqlite3.connect(tmp_path / "lib.sqlite3", timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError):
            ops.edit(made.id, color="green")
        with pytest.raises(StoreError):
            ops.add(highlight(30))
    finally:
        blocker.rollback()
        blocker.close()
        again.close()
    assert ops.all() == [made]  # the copy the window shows is unchanged too
    assert stored(library, book) == [made]


def test_a_delete_of_several_is_one_transaction(ops, library, book) -> None:
    marks = [highlight(i * 10) for i in range(5)]
    for mark in marks:
        ops.add(mark)
    changes = ops.delete([m.id for m in marks])
    assert {a.id for a in changes.removed} == {m.id for m in marks}
    assert changes.inverse().added and len(changes.inverse().changes) == 5


def test_bookmarks_between_finds_the_bookmarks_on_a_page(ops) -> None:
    def bookmark(section: int, at: int) -> Annotation:
        return Annotation(Kind.BOOKMARK, TextTarget.from_text(section, TEXT, at, at), label="b")

    inside, before, after, elsewhere = (
        bookmark(1, 50),
        bookmark(1, 10),
        bookmark(1, 400),
        bookmark(2, 50),
    )
    for mark in (inside, before, after, elsewhere, highlight(60, section=1)):
        ops.add(mark)
    assert ops.bookmarks_between(1, 40, 300) == [inside]


def test_placing_again_writes_every_position_and_keeps_what_was_added_meanwhile(
    ops, library, book
) -> None:
    made = highlight(4)
    ops.add(made)
    snapshot = ops.place(lambda found: [a for a in found])  # as core.anchoring would, on a thread
    meanwhile = highlight(40)
    ops.add(meanwhile)
    moved = [Annotation(**{**made.__dict__, "target": TextTarget.from_text(0, TEXT, 13, 22)})]
    assert [a.id for a in snapshot] == [made.id]
    changes = ops.placed(moved)
    assert changes.reset
    assert [a.target.start for a in ops.all()] == [13, 40]
    assert library.annotations.anchored_to(book) == {"v1"}
    assert not ops.needs_placing()


def test_without_a_store_operations_still_work_in_memory(book) -> None:
    ops = BookAnnotations(None, book, "v1")
    ops.load()
    made = highlight(4)
    assert ops.add(made).added == [made]
    assert ops.delete([made.id]).removed == [made]


def test_a_change_replaces_an_annotation_by_itself() -> None:
    with pytest.raises(ValueError):
        Change(highlight(1), highlight(2))
    with pytest.raises(ValueError):
        Change(None, None)
    assert not ChangeSet() and ChangeSet(reset=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("aed"), st.integers(0, 5)), max_size=25))
def test_any_sequence_undone_leaves_the_library_as_it_was(tmp_path_factory, steps) -> None:
    """Random adds, edits and deletes, then every change set undone newest first:
    the store holds exactly what it held at the start, and the copy agrees."""
    home = tmp_path_factory.mktemp("ops")
    book = home / "book.md"
    library = Library(home / "lib.sqlite3")
    try:
        library.touch(book, "c", "Book", "")
        ops = BookAnnotations(library.annotations, book, "v1")
        ops.load()
        base = highlight(100)
        ops.add(base)
        start = stored(library, book)
        history: list[ChangeSet] = []
        for action, n in steps:
            ids = [a.id for a in ops.all()]
            if action == "a":
                history.append(ops.add(highlight(n * 7, created=time.time() + n)))
            elif ids and action == "e":
                history.append(ops.edit(ids[n % len(ids)], color=("blue", "pink")[n % 2]))
            elif ids:
                history.append(ops.delete([ids[n % len(ids)]]))
            assert stored(library, book) == ops.all()
        for changes in reversed(history):
            ops.apply(changes.inverse())
        assert stored(library, book) == start == ops.all()
    finally:
        library.close()
