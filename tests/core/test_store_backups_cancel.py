"""Backups and restores can be stopped between steps (the window's Cancel): a backup
stopped leaves no file; a restore stopped before its commit leaves the library
wholly as it was, also for a connection that kept it open; after the commit it
cannot be stopped, and says so once."""

from __future__ import annotations

from pathlib import Path

import pytest

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.store.backups import STEP_PAGES, BackupManager
from readmark.core.store.library import Library

TEXT = "It was the best of times, it was the worst of times."


class Stop(Exception):  # noqa: N818 - the Cancel, not an error
    pass


def _big_library(tmp_path: Path, count: int) -> tuple[Library, Path, set[str]]:
    """A library of several copy steps (each note ~7 KB; a step is STEP_PAGES pages)."""
    lib = Library(tmp_path / "data" / "library.sqlite3")
    book = tmp_path / "book.md"
    lib.touch(book, "content", "Book", "")
    ids = set()
    for n in range(count):
        target = TextTarget.from_text(0, TEXT, n % 40, n % 40 + 5)
        note = Annotation(Kind.HIGHLIGHT, target).edited(note=f"{n} " + "words " * 1200)
        ids.add(lib.annotations.add(book, note).id)
    return lib, book, ids


def _ids(lib: Library, book: Path) -> set[str]:
    return {a.id for a in lib.annotations.for_book(book)}


@pytest.fixture
def library(tmp_path: Path):
    lib, book, ids = _big_library(tmp_path, 300)  # ~2 MB: 2 steps at least
    yield lib, book, ids
    lib.close()


def test_a_backup_reports_its_steps_and_stopped_leaves_no_file(tmp_path: Path, library) -> None:
    lib, _book, _ids_ = library
    folder = tmp_path / "backups"
    manager = BackupManager(lib.path, folder)
    seen: list[tuple[str, int, int]] = []

    def stop_at_second(stage: str, done: int, total: int) -> None:
        seen.append((stage, done, total))
        if len(seen) == 2:
            raise Stop

    with pytest.raises(Stop):
        manager.backup_now("manual", stop_at_second)
    assert list(folder.iterdir()) == []  # neither a backup nor a temporary file
    stage, done, total = seen[0]
    assert stage == "backup" and done == STEP_PAGES and total > 2 * STEP_PAGES

    steps: list[tuple[str, int, int]] = []
    made = manager.backup_now("manual", lambda *step: steps.append(step))
    assert [path.name for path in folder.iterdir()] == [made.name]
    assert steps[-1] == ("backup", total, total) and len(steps) == -(-total // STEP_PAGES)


@pytest.mark.parametrize("stop_in", ["check", "before-restore", "copy"])
def test_a_restore_stopped_before_its_commit_changes_nothing(
    tmp_path: Path, library, stop_in: str
) -> None:
    lib, book, ids = library
    manager = BackupManager(lib.path, tmp_path / "backups")
    backup = manager.backup_now("manual")  # without the bookmark added next
    lib.annotations.add(book, Annotation(Kind.BOOKMARK, TextTarget.from_text(0, TEXT, 0, 0)))
    now = _ids(lib, book)
    assert now != ids
    committed: list[bool] = []
    stages: list[str] = []

    def stop(stage: str, done: int, total: int) -> None:
        stages.append(stage)
        if stage == stop_in and (stage != "copy" or done >= STEP_PAGES):
            raise Stop

    with pytest.raises(Stop):
        manager.restore(backup, stop, lambda: committed.append(True))

    assert committed == []
    assert _ids(lib, book) == now  # the connection kept open sees the library as it was
    assert lib.integrity_ok()
    reasons = [info.reason for info in manager.backups()]
    # The copy of the library as it was is whole or absent, never a partial file.
    assert reasons.count("before-restore") == (1 if stop_in == "copy" else 0)
    assert not [p for p in (tmp_path / "backups").iterdir() if p.suffix == ".tmp"]


def test_a_restore_commits_once_and_hears_no_stop_after(tmp_path: Path, library) -> None:
    lib, book, _ids_ = library
    manager = BackupManager(lib.path, tmp_path / "backups")
    backup = manager.backup_now("manual")
    lib.annotations.add(book, Annotation(Kind.BOOKMARK, TextTarget.from_text(0, TEXT, 0, 0)))
    events: list[str] = []

    manager.restore(backup, lambda stage, *_: events.append(stage), lambda: events.append("commit"))

    assert events[-1] == "commit" and events.count("commit") == 1
    assert events[0] == "check" and "before-restore" in events and "copy" in events
    lib.close()
    reopened = Library(lib.path)  # the owner's contract: opened again afterwards
    assert Kind.BOOKMARK not in {a.kind for a in reopened.annotations.for_book(book)}
    reopened.close()


def test_leftovers_of_a_killed_copy_are_removed_once_stale_never_a_fresh_one(
    tmp_path: Path, library
) -> None:
    import os
    import time

    from readmark.core.store.backups import LEFTOVER_AGE_S

    lib, _book, _ids_ = library
    folder = tmp_path / "backups"
    manager = BackupManager(lib.path, folder)
    made = manager.backup_now("startup")
    folder.joinpath(".library-stale.tmp").write_bytes(b"SQLite format 3\0half")
    folder.joinpath(".library-stale.tmp-journal").write_bytes(b"journal")
    folder.joinpath(".library-fresh.tmp").write_bytes(b"SQLite format 3\0being written")
    aged = time.time() - LEFTOVER_AGE_S - 1
    for name in (".library-stale.tmp", ".library-stale.tmp-journal"):
        os.utime(folder / name, (aged, aged))
    removed = manager.remove_leftovers()
    assert sorted(p.name for p in removed) == [".library-stale.tmp", ".library-stale.tmp-journal"]
    # A copy being written now (here or by another Readmark) and every backup stay.
    assert sorted(p.name for p in folder.iterdir()) == [".library-fresh.tmp", made.name]
