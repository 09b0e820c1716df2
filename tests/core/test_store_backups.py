"""Backups of the library: made with the backup API, verified, rotated, restored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.store.backups import BackupManager
from readmark.core.store.errors import BackupError
from readmark.core.store.library import SCHEMA_VERSION, Library

TEXT = "It was the best of times, it was the worst of times."


def _library(tmp_path: Path) -> tuple[Library, Path]:
    lib = Library(tmp_path / "data" / "library.sqlite3")
    book = tmp_path / "book.md"
    lib.touch(book, "content", "Book", "")
    return lib, book


def _note(start: int) -> Annotation:
    return Annotation(Kind.HIGHLIGHT, TextTarget.from_text(0, TEXT, start, start + 5))


def _ids(lib: Library, book: Path) -> set[str]:
    return {a.id for a in lib.annotations.for_book(book)}


def test_backup_includes_what_is_still_in_the_wal(tmp_path: Path) -> None:
    lib, book = _library(tmp_path)
    added = lib.annotations.add(book, _note(3))
    assert Path(f"{lib.path}-wal").stat().st_size > 0  # not checkpointed yet
    manager = BackupManager(lib.path, tmp_path / "backups")

    made = manager.backup_now("manual")

    assert made.parent == tmp_path / "backups"
    assert made.name.startswith("library-") and made.name.endswith("-manual.sqlite3")
    assert not Path(f"{made}-wal").exists()  # a self-contained file
    copy = Library(made)
    assert _ids(copy, book) == {added.id}
    copy.close()
    lib.close()


def test_backups_lists_newest_first_with_schema_and_count(tmp_path: Path) -> None:
    lib, book = _library(tmp_path)
    manager = BackupManager(lib.path, tmp_path / "backups")
    first = manager.backup_now("startup")
    lib.annotations.add(book, _note(1))
    lib.annotations.add(book, _note(8))
    second = manager.backup_now("startup")  # same second: a distinct name

    infos = manager.backups()

    assert [i.path for i in infos] == [second, first]
    assert [i.annotation_count for i in infos] == [2, 0]
    assert {i.schema_version for i in infos} == {SCHEMA_VERSION}
    assert {i.reason for i in infos} == {"startup"}
    assert infos[0].created >= infos[1].created
    lib.close()


def test_backup_times_come_from_their_names_in_utc_and_impossible_names_are_ignored(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    good = sqlite3.connect(folder / "library-20240229-235960-manual.sqlite3")
    good.close()
    for bad in (
        "library-20231301-000000-manual",
        "library-20230229-120000-manual",
        "library-20230101-246000-manual",
    ):
        (folder / f"{bad}.sqlite3").write_bytes(b"")
    manager = BackupManager(tmp_path / "library.sqlite3", folder)

    # 2024-02-29 23:59:60 UTC (a leap second's spelling) is 2024-03-01 00:00:00.
    assert manager.newest_created() == 1709251200.0
    assert [i.path.name for i in manager.backups()] == ["library-20240229-235960-manual.sqlite3"]


def test_rotation_keeps_the_newest(tmp_path: Path) -> None:
    lib, book = _library(tmp_path)
    manager = BackupManager(lib.path, tmp_path / "backups", keep=3)
    made = []
    for start in range(6):
        lib.annotations.add(book, _note(start))
        made.append(manager.backup_now("manual"))

    assert [i.path for i in manager.backups()] == made[:-4:-1]
    assert [i.annotation_count for i in manager.backups()] == [6, 5, 4]
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == sorted(
        p.name for p in made[3:]
    )  # no temporary files left behind
    lib.close()


def test_restore_round_trip_keeps_a_copy_of_what_it_replaced(tmp_path: Path) -> None:
    lib, book = _library(tmp_path)
    kept = lib.annotations.add(book, _note(0))
    manager = BackupManager(lib.path, tmp_path / "backups")
    backup = manager.backup_now("manual")
    later = lib.annotations.add(book, _note(10))
    lib.close()  # the contract: close, restore, reopen

    manager.restore(backup)

    lib = Library(lib.path)
    assert _ids(lib, book) == {kept.id}
    assert lib.integrity_ok()
    before = [i for i in manager.backups() if i.reason == "before-restore"]
    assert len(before) == 1 and before[0].annotation_count == 2
    lib.close()

    manager.restore(before[0].path)  # and the restore can be undone
    lib = Library(lib.path)
    assert _ids(lib, book) == {kept.id, later.id}
    lib.close()


def test_restore_is_seen_by_a_library_open_in_another_connection(tmp_path: Path) -> None:
    lib, book = _library(tmp_path)
    manager = BackupManager(lib.path, tmp_path / "backups")
    backup = manager.backup_now("manual")
    lib.annotations.add(book, _note(0))
    other = Library(lib.path)  # e.g. a second Readmark process
    lib.close()

    manager.restore(backup)

    assert _ids(other, book) == set()
    assert other.integrity_ok()
    other.close()


def test_restoring_the_oldest_backup_when_full_does_not_rotate_it_away(tmp_path: Path) -> None:
    lib, book = _library(tmp_path)
    manager = BackupManager(lib.path, tmp_path / "backups", keep=2)
    oldest = manager.backup_now("manual")
    lib.annotations.add(book, _note(0))
    manager.backup_now("manual")
    lib.close()

    manager.restore(oldest)  # makes a third backup (before-restore) first

    lib = Library(lib.path)
    assert _ids(lib, book) == set()
    lib.close()
    assert oldest.exists()
    assert "before-restore" in {i.reason for i in manager.backups()}


def test_restore_into_a_missing_file_creates_a_wal_library(tmp_path: Path) -> None:
    lib, book = _library(tmp_path)
    added = lib.annotations.add(book, _note(0))
    manager = BackupManager(lib.path, tmp_path / "backups")
    backup = manager.backup_now("manual")
    lib.close()
    lib.path.unlink()

    manager.restore(backup)

    assert [i.reason for i in manager.backups()] == ["manual"]  # nothing to keep first
    db = sqlite3.connect(lib.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    lib = Library(lib.path)
    assert _ids(lib, book) == {added.id}
    lib.close()


def test_newest_good_skips_damaged_and_newer_backups(tmp_path: Path) -> None:
    lib, _book = _library(tmp_path)
    manager = BackupManager(lib.path, tmp_path / "backups")
    good = manager.backup_now("manual")
    newer = manager.backup_now("manual")
    damaged = manager.backup_now("manual")
    lib.close()
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    damaged.write_bytes(b"\0garbage" * 1000)

    assert manager.newest_good() == good
    assert manager.backups()[0].schema_version is None
    with pytest.raises(BackupError):
        manager.restore(newer)
    with pytest.raises(BackupError):
        manager.restore(damaged)


def test_no_library_no_backup(tmp_path: Path) -> None:
    manager = BackupManager(tmp_path / "absent.sqlite3", tmp_path / "backups")
    with pytest.raises(BackupError, match="no library"):
        manager.backup_now("manual")
    assert not (tmp_path / "absent.sqlite3").exists()  # not created by trying
    assert manager.backups() == [] and manager.newest_good() is None


def test_backup_of_a_damaged_library_fails_and_leaves_no_file(tmp_path: Path) -> None:
    lib, book = _library(tmp_path)
    for start in range(40):
        lib.annotations.add(book, _note(start % 40).edited(note="n" * 500))
    lib.close()
    _scribble_over_page_headers(lib.path)
    manager = BackupManager(lib.path, tmp_path / "backups")

    with pytest.raises(BackupError):
        manager.backup_now("manual")
    assert list((tmp_path / "backups").iterdir()) == []


def test_backup_into_an_unwritable_folder_is_a_backup_error(tmp_path: Path) -> None:
    lib, _book = _library(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="could not be backed up"):
        BackupManager(lib.path, blocker / "backups").backup_now("manual")
    lib.close()


def _scribble_over_page_headers(path: Path) -> None:
    """Damage every b-tree page after the first (the header still says "SQLite")."""
    data = bytearray(path.read_bytes())
    for page in range(4096, len(data), 4096):
        data[page : page + 12] = b"\xee" * 12
    path.write_bytes(bytes(data))
