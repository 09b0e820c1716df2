"""Start-up: a damaged or newer file is moved aside and the newest good backup restored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.store import recovery, sqlite_setup
from readmark.core.store.backups import BackupManager
from readmark.core.store.library import SCHEMA_VERSION, Library
from readmark.core.store.recovery import LibraryOpening, open_library

TEXT = "Happy families are all alike; every unhappy family is unhappy in its own way."


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(library file, backups folder, book) with nothing in them yet."""
    data = tmp_path / "data"
    return data / "library.sqlite3", data / "backups", tmp_path / "book.md"


def _note(start: int) -> Annotation:
    return Annotation(Kind.NOTE, TextTarget.from_text(0, TEXT, start, start + 4), note="hm")


def _ids(lib: Library, book: Path) -> set[str]:
    return {a.id for a in lib.annotations.for_book(book)}


def _opened(path: Path, backups: Path, **kwargs: float) -> Library:
    opening = open_library(path, backups, **kwargs)
    assert opening.library is not None, [str(m) for m in opening.messages]
    return opening.library


def _with_backup(store: tuple[Path, Path, Path]) -> tuple[set[str], set[str]]:
    """A library with one backed-up annotation and one made after the backup."""
    path, backups, book = store
    lib = _opened(path, backups)
    lib.touch(book, "content", "Anna Karenina", "Tolstoy")
    saved = lib.annotations.add(book, _note(0))
    BackupManager(path, backups).backup_now("manual")
    later = lib.annotations.add(book, _note(20))
    lib.close()
    return {saved.id}, {saved.id, later.id}


def _text(opening: LibraryOpening) -> str:
    return "\n".join(str(m) for m in opening.messages)


def _aside(path: Path, label: str) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.{label}-*"))


def test_a_healthy_library_opens_quietly(store) -> None:
    path, backups, book = store
    _with_backup(store)
    opening = open_library(path, backups)
    assert opening.messages == []
    assert opening.library is not None and opening.library.get(book) is not None
    opening.library.close()


def test_garbage_over_the_file_is_moved_aside_and_the_backup_restored(store) -> None:
    path, backups, book = store
    backed_up, _everything = _with_backup(store)
    garbage = b"this is not a database, it was overwritten " * 200
    path.write_bytes(garbage)

    opening = open_library(path, backups)

    lib = opening.library
    assert lib is not None
    assert _ids(lib, book) == backed_up
    assert lib.integrity_ok()
    [moved] = _aside(path, "corrupt")
    assert moved.read_bytes() == garbage  # kept, byte for byte
    text = _text(opening)
    assert "damaged" in text and str(moved) in text and "was restored" in text
    assert all(m.context == "LibraryError" for m in opening.messages)
    lib.close()


def test_a_file_truncated_mid_page_is_moved_aside_and_the_backup_restored(store) -> None:
    path, backups, book = store
    lib = _opened(path, backups)
    lib.touch(book, "content", "Anna Karenina", "Tolstoy")
    for start in range(0, 60):
        lib.annotations.add(book, _note(start).edited(note="a longer note " * 30))
    BackupManager(path, backups).backup_now("manual")
    backed_up = _ids(lib, book)
    lib.close()
    size = path.stat().st_size
    assert size > 5 * 4096
    with path.open("r+b") as f:
        f.truncate(size // 2 + 1000)  # in the middle of a page

    opening = open_library(path, backups)

    assert opening.library is not None
    assert _ids(opening.library, book) == backed_up
    [moved] = _aside(path, "corrupt")
    assert moved.stat().st_size == size // 2 + 1000
    assert "was restored" in _text(opening)
    opening.library.close()


def test_the_side_files_go_aside_with_their_database(tmp_path) -> None:
    path = tmp_path / "library.sqlite3"
    for suffix, content in [("", "db"), ("-wal", "wal"), ("-shm", "shm")]:
        Path(f"{path}{suffix}").write_text(content)

    moved = recovery.move_aside(path, "corrupt")

    assert moved.name.startswith("library.sqlite3.corrupt-")
    # Named so that SQLite still pairs them, should someone open the moved file.
    assert Path(f"{moved}-wal").read_text() == "wal"
    assert Path(f"{moved}-shm").read_text() == "shm"
    assert moved.read_text() == "db"
    assert list(tmp_path.glob("library.sqlite3-*")) == []


def test_damage_without_a_backup_starts_an_empty_library(store) -> None:
    path, backups, book = store
    lib = _opened(path, backups)
    lib.touch(book, "content", "Book", "")
    lib.close()
    path.write_bytes(b"garbage" * 1000)

    opening = open_library(path, backups)

    assert opening.library is not None
    assert opening.library.recent() == []
    assert len(_aside(path, "corrupt")) == 1
    assert "no usable backup" in _text(opening)
    opening.library.close()


def test_damage_found_only_by_the_integrity_check(store, monkeypatch) -> None:
    path, backups, book = store
    backed_up, _ = _with_backup(store)
    verdicts = iter([False, True])  # the damaged file, then the restored one
    monkeypatch.setattr(Library, "integrity_ok", lambda self: next(verdicts))

    opening = open_library(path, backups)

    assert opening.library is not None
    assert _ids(opening.library, book) == backed_up
    assert len(_aside(path, "corrupt")) == 1
    assert "integrity check failed" in _text(opening)
    opening.library.close()


def test_a_library_checked_whole_elsewhere_is_not_checked_again(store, monkeypatch) -> None:
    """After a restore the window's owner checks the file on a worker thread
    (`is_whole`) and opens it `checked`: the integrity check is not run twice."""
    path, backups, book = store
    backed_up, _ = _with_backup(store)
    assert recovery.is_whole(path)
    monkeypatch.setattr(Library, "integrity_ok", lambda self: pytest.fail("checked again"))

    opening = open_library(path, backups, checked=True)

    assert opening.library is not None and _ids(opening.library, book) >= backed_up
    opening.library.close()


def test_is_whole_says_no_for_garbage_and_for_no_file(tmp_path) -> None:
    garbage = tmp_path / "library.sqlite3"
    garbage.write_bytes(b"SQLite format 3\0" + b"\xee" * 8192)
    assert not recovery.is_whole(garbage)
    assert not recovery.is_whole(tmp_path / "absent.sqlite3")
    assert not (tmp_path / "absent.sqlite3").exists()  # read-only: never created


def test_a_newer_schema_is_moved_aside_and_the_backup_restored(store) -> None:
    path, backups, book = store
    backed_up, _ = _with_backup(store)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()

    opening = open_library(path, backups)

    assert opening.library is not None
    assert _ids(opening.library, book) == backed_up
    [moved] = _aside(path, "newer")
    check = sqlite3.connect(moved)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    check.close()
    text = _text(opening)
    assert "newer Readmark" in text and str(moved) in text
    opening.library.close()


def test_a_folder_under_a_file_means_no_library_and_a_clear_message(tmp_path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")

    opening = open_library(blocker / "library.sqlite3", blocker / "backups")

    assert opening.library is None
    [message] = opening.messages
    assert "cannot be written" in str(message) and str(blocker) in str(message)
    assert blocker.read_text() == "a file where the data folder should be"


def test_an_unwritable_folder_leaves_a_good_library_untouched(store, monkeypatch) -> None:
    # Root ignores permission bits, so the refusal a read-only folder gives is simulated.
    path, backups, _book = store
    _with_backup(store)
    before = sorted(p.name for p in path.parent.iterdir())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(recovery.tempfile, "mkstemp", refuse)
    opening = open_library(path, backups)

    assert opening.library is None
    assert "Permission denied" in _text(opening)
    assert sorted(p.name for p in path.parent.iterdir()) == before


def test_a_read_only_database_is_not_mistaken_for_a_damaged_one(store, monkeypatch) -> None:
    # SQLite itself refuses to write (as on a read-only disk): an environment
    # problem, so the file stays where it is and nothing is restored over it.
    path, backups, book = store
    _with_backup(store)

    def read_only(path: Path) -> sqlite3.Connection:
        return sqlite3.connect(
            f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None
        )

    monkeypatch.setattr(sqlite_setup, "connect", read_only)
    opening = open_library(path, backups)

    assert opening.library is None
    assert "readonly" in _text(opening) or "read-only" in _text(opening)
    assert _aside(path, "corrupt") == []
    monkeypatch.undo()
    lib = _opened(path, backups)
    assert len(_ids(lib, book)) == 2
    lib.close()


def test_startup_backup_at_most_once_per_interval(store) -> None:
    path, backups, book = store
    _opened(path, backups).close()
    assert BackupManager(path, backups).backups() == []  # an empty library: nothing to keep

    lib = _opened(path, backups)
    lib.touch(book, "content", "Book", "")
    lib.close()
    _opened(path, backups).close()
    _opened(path, backups).close()
    assert [i.reason for i in BackupManager(path, backups).backups()] == ["startup"]

    _opened(path, backups, backup_interval=0).close()
    assert len(BackupManager(path, backups).backups()) == 2


def test_a_failed_startup_backup_is_reported_and_the_library_still_opens(store) -> None:
    path, _backups, book = store
    lib = _opened(path, path.parent / "b")
    lib.touch(book, "content", "Book", "")
    lib.close()
    blocker = path.parent / "blocked"
    blocker.write_text("x")

    opening = open_library(path, blocker / "backups")

    assert opening.library is not None
    assert "could not be backed up" in _text(opening)
    opening.library.close()


def test_move_aside_never_overwrites(tmp_path) -> None:
    path = tmp_path / "library.sqlite3"
    names = set()
    for n in range(3):
        path.write_text(str(n))
        names.add(recovery.move_aside(path, "corrupt"))
    assert len(names) == 3
    assert sorted(p.read_text() for p in names) == ["0", "1", "2"]
    assert not path.exists()
