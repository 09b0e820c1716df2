"""The library store on real SQLite files in a temp folder."""

import sqlite3

import pytest

from readmark.core.store.errors import (
    CorruptLibraryError,
    NewerLibraryError,
    StoreUnavailableError,
)
from readmark.core.store.library import SCHEMA_VERSION, Library, ReadingPosition


def test_new_library_has_current_schema_and_wal(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    lib.close()
    db = sqlite3.connect(tmp_path / "lib.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_position_survives_reopening_the_store(tmp_path):
    book = tmp_path / "book.md"
    book.write_text("# A\n")
    lib = Library(tmp_path / "lib.sqlite3")
    lib.touch(book, "abc", "A", "")
    lib.save_position(book, ReadingPosition(3, 1234, "第一句"))
    lib.close()  # a new connection must see it: the write was committed

    again = Library(tmp_path / "lib.sqlite3")
    record = again.get(book)
    assert record is not None
    assert record.position == ReadingPosition(3, 1234, "第一句")


def test_recent_books_newest_first(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    for name in ("a", "b", "c"):
        lib.touch(tmp_path / f"{name}.md", name, name.upper(), "")
    lib.touch(tmp_path / "a.md", "a", "A", "")
    assert [r.title for r in lib.recent()] == ["A", "C", "B"]


def test_moved_book_keeps_its_record(tmp_path):
    old = tmp_path / "old.md"
    lib = Library(tmp_path / "lib.sqlite3")
    lib.touch(old, "same-content", "Book", "")
    lib.save_position(old, ReadingPosition(2, 50))
    new = tmp_path / "moved" / "new.md"  # old no longer exists: it was moved
    record = lib.touch(new, "same-content", "Book", "")
    assert record.position == ReadingPosition(2, 50)
    assert lib.get(old) is None
    assert len(lib.recent()) == 1


def test_copy_with_same_content_is_a_separate_book(tmp_path):
    first = tmp_path / "first.md"
    first.write_text("x")
    lib = Library(tmp_path / "lib.sqlite3")
    lib.touch(first, "same", "Book", "")
    lib.save_position(first, ReadingPosition(1, 1))
    record = lib.touch(tmp_path / "second.md", "same", "Book", "")
    assert record.position is None
    assert len(lib.recent()) == 2


def test_repair_choice_is_remembered(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    book = tmp_path / "b.md"
    assert lib.touch(book, "x", "B", "").repair is True
    lib.set_repair(book, False)
    assert lib.get(book).repair is False


def test_newer_schema_is_refused_not_guessed(tmp_path):
    path = tmp_path / "lib.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(NewerLibraryError, match="newer Readmark") as raised:
        Library(path)
    assert raised.value.found == SCHEMA_VERSION + 1


def test_garbage_file_is_a_corrupt_library(tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CorruptLibraryError, match="is damaged"):
        Library(path)


def test_unwritable_folder_is_an_unavailable_store(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")  # a file where the folder should be
    with pytest.raises(StoreUnavailableError, match="cannot be used"):
        Library(blocker / "lib.sqlite3")
