"""The store's errors: environment or bug, never a raw sqlite3 exception, always a message."""

from __future__ import annotations

import inspect
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.store import sqlite_setup
from readmark.core.store.annotation_store import AnnotationStore
from readmark.core.store.errors import (
    CorruptLibraryError,
    StoreBugError,
    StoreError,
    StoreUnavailableError,
    from_sqlite,
    is_environmental,
)
from readmark.core.store.library import Library, ReadingPosition

LIBRARY = Path("/data/library.sqlite3")


def _sqlite_error(kind: type[sqlite3.Error], code: int | None, text: str) -> sqlite3.Error:
    exc = kind(text)
    if code is not None:
        exc.sqlite_errorcode = code  # as SQLite sets it (an extended code works the same)
    return exc


@pytest.mark.parametrize(
    ("kind", "code", "expected", "words"),
    [
        (sqlite3.OperationalError, sqlite3.SQLITE_FULL, StoreUnavailableError, "disk is full"),
        (sqlite3.OperationalError, sqlite3.SQLITE_BUSY, StoreUnavailableError, "locked"),
        (sqlite3.OperationalError, sqlite3.SQLITE_LOCKED, StoreUnavailableError, "locked"),
        (sqlite3.OperationalError, sqlite3.SQLITE_READONLY, StoreUnavailableError, "read-only"),
        (sqlite3.OperationalError, sqlite3.SQLITE_PERM, StoreUnavailableError, "read-only"),
        (sqlite3.OperationalError, sqlite3.SQLITE_CANTOPEN, StoreUnavailableError, "opened"),
        (sqlite3.OperationalError, sqlite3.SQLITE_IOERR, StoreUnavailableError, "disk error"),
        (
            sqlite3.OperationalError,
            10 | (3 << 8),
            StoreUnavailableError,
            "disk error",
        ),  # IOERR_WRITE
        (sqlite3.OperationalError, sqlite3.SQLITE_NOMEM, StoreUnavailableError, "memory"),
        (sqlite3.DatabaseError, sqlite3.SQLITE_NOTADB, CorruptLibraryError, "damaged"),
        (sqlite3.DatabaseError, sqlite3.SQLITE_CORRUPT, CorruptLibraryError, "damaged"),
        (sqlite3.OperationalError, sqlite3.SQLITE_ERROR, StoreBugError, "bug"),  # bad SQL
        (sqlite3.IntegrityError, sqlite3.SQLITE_CONSTRAINT, StoreBugError, "bug"),
        (sqlite3.ProgrammingError, None, StoreBugError, "bug"),  # a closed connection
        (sqlite3.InterfaceError, None, StoreBugError, "bug"),
    ],
)
def test_sqlite_errors_are_sorted_into_environment_or_bug(
    kind: type[sqlite3.Error], code: int | None, expected: type[StoreError], words: str
) -> None:
    exc = _sqlite_error(kind, code, "what SQLite said")
    error = from_sqlite(exc, LIBRARY)
    assert type(error) is expected
    assert is_environmental(exc) == isinstance(error, StoreUnavailableError)
    message = str(error)
    assert words in message and str(LIBRARY) in message and "what SQLite said" in message
    assert error.context == "LibraryError" and error.template.format(**error.params) == message


def test_a_locked_library_is_unavailable_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_setup, "BUSY_TIMEOUT_S", 0.05)  # do not wait 10 s for it
    lib = Library(tmp_path / "lib.sqlite3")
    book = tmp_path / "book.md"
    lib.touch(book, "content", "Book", "")
    other = sqlite3.connect(lib.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with pytest.raises(StoreUnavailableError, match="locked for too long") as raised:
            lib.save_position(book, ReadingPosition(1, 2))
        assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
        with pytest.raises(StoreUnavailableError):
            lib.annotations.add(book, _highlight())
        assert lib.get(book) is not None  # reading goes on (WAL)
    finally:
        other.execute("ROLLBACK")
        other.close()
    lib.save_position(book, ReadingPosition(1, 2))  # and writing once the lock is gone
    lib.close()


def test_a_read_only_library_is_unavailable_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores permission bits: SQLite is made to open the file read-only,
    # as it does by itself for a file it may not write or on a read-only disk.
    path = tmp_path / "lib.sqlite3"
    Library(path).close()

    def read_only(path: Path) -> sqlite3.Connection:
        return sqlite3.connect(
            f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None
        )

    monkeypatch.setattr(sqlite_setup, "connect", read_only)
    with pytest.raises(StoreUnavailableError, match="read-only") as raised:
        Library(path)
    assert not isinstance(raised.value, CorruptLibraryError)  # nothing to recover from
    assert str(path) in str(raised.value)


def test_every_public_store_method_converts_sqlite_errors() -> None:
    for cls in (Library, AnnotationStore):
        for name, member in vars(cls).items():
            if not name.startswith("_") and inspect.isfunction(member):
                assert hasattr(member, "__wrapped__"), f"{cls.__name__}.{name} is not converted"


def test_a_closed_library_is_a_bug_not_a_raw_sqlite_error(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    book = tmp_path / "book.md"
    lib.touch(book, "content", "Book", "")
    lib.close()
    calls: list[Callable[[], object]] = [
        lambda: lib.get(book),
        lambda: lib.recent(),
        lambda: lib.touch(book, "content", "Book", ""),
        lambda: lib.save_position(book, ReadingPosition(0, 0)),
        lambda: lib.annotations.for_book(book),
        lambda: lib.annotations.add(book, _highlight()),
        lambda: lib.annotations.delete("some-id"),
        lambda: lib.annotations.pending(),
    ]
    for call in calls:
        with pytest.raises(StoreBugError, match="bug in Readmark") as raised:
            call()
        assert isinstance(raised.value.__cause__, sqlite3.ProgrammingError)


def _highlight() -> Annotation:
    return Annotation(Kind.HIGHLIGHT, TextTarget.from_text(0, "0123456789abcdefghij", 5, 10))
