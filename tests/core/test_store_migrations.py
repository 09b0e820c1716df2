"""Every released schema upgrades to the current one, keeping its rows, backed up first.

tests/fixtures/store/library-v<N>.sqlite3 are libraries as each release left
them (made by make_fixtures.py there); tests open a copy, never the original.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from readmark.core.store.backups import BackupManager
from readmark.core.store.errors import StoreError, StoreUnavailableError
from readmark.core.store.library import SCHEMA_VERSION, Library, ReadingPosition
from readmark.core.store.recovery import open_library

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "store"
RELEASED = sorted(FIXTURES.glob("library-v*.sqlite3"))


def _copy(fixture: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(fixture, folder / "library.sqlite3"))


def test_there_is_a_fixture_for_every_released_schema_but_the_current() -> None:
    versions = {int(p.stem.removeprefix("library-v")) for p in RELEASED}
    assert versions == set(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_released_library_upgrades_and_keeps_its_books(fixture: Path, tmp_path: Path) -> None:
    original = fixture.read_bytes()
    path = _copy(fixture, tmp_path / "data")
    backups = tmp_path / "data" / "backups"

    opening = open_library(path, backups)

    lib = opening.library
    assert lib is not None and opening.messages == []
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    moby = lib.get(Path("/home/reader/Books/moby-dick.md"))
    assert moby is not None
    assert (moby.title, moby.authors) == ("Moby-Dick", "Herman Melville")
    assert moby.position == ReadingPosition(12, 3456, "Call me Ishmael")
    assert [r.title for r in lib.recent()] == ["紅樓夢", "Moby-Dick"]
    assert lib.get(Path("/home/reader/Books/紅樓夢.md")).repair is False
    notes = lib.annotations.for_book(Path("/home/reader/Books/moby-dick.md"))
    if int(fixture.stem.removeprefix("library-v")) >= 2:  # annotations came with schema 2
        assert [(a.quote, a.note, a.color) for a in notes] == [
            ("Call me Ishmael", "the opening line", "yellow")
        ]
    else:
        assert notes == []
    # Schema 5 numbers the annotations already there, so a sync reads them once.
    assert lib.annotations.change_count() == len(notes)
    assert moby.encoding == "" and moby.detect_chapters  # schema 3's defaults
    assert lib.integrity_ok()
    lib.close()

    before = [i for i in BackupManager(path, backups).backups() if i.reason == "before-migration"]
    assert len(before) == 1
    assert before[0].schema_version == int(fixture.stem.removeprefix("library-v"))
    assert before[0].path.read_bytes()[:16] == b"SQLite format 3\0"
    assert fixture.read_bytes() == original  # the committed file was not touched


def test_migration_backup_goes_beside_the_file_by_default(tmp_path: Path) -> None:
    path = _copy(FIXTURES / "library-v1.sqlite3", tmp_path)
    Library(path).close()
    [backup] = (tmp_path / "backups").iterdir()
    assert backup.name.endswith("-before-migration.sqlite3")


def test_no_upgrade_without_a_backup(tmp_path: Path) -> None:
    path = _copy(FIXTURES / "library-v1.sqlite3", tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailableError, match="could not be backed up first"):
        Library(path, blocker / "backups")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1  # left as it was
    db.close()


def test_a_new_library_needs_no_backup(tmp_path: Path) -> None:
    Library(tmp_path / "library.sqlite3").close()
    assert not (tmp_path / "backups").exists()


def test_libraries_opened_at_once_migrate_once(tmp_path: Path) -> None:
    """Connections racing to create (or upgrade) the same file take turns."""
    for name, source in [("new", None), ("old", FIXTURES / "library-v1.sqlite3")]:
        path = tmp_path / name / "library.sqlite3"
        if source is not None:
            _copy(source, path.parent)
        errors: list[BaseException] = []
        start = threading.Barrier(8)

        def open_close(
            path: Path = path, errors: list[BaseException] = errors, start=start
        ) -> None:
            start.wait()
            try:
                Library(path).close()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=open_close) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        lib = Library(path)
        assert lib.integrity_ok()
        assert len(lib.recent()) == (2 if source else 0)
        lib.close()


def test_an_upgrade_that_fails_part_way_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The migrations due run in one transaction: a failure in the last one keeps
    none of the others (a released v1 library stays v1, with its books)."""
    from readmark.core.store import library as library_module

    path = _copy(FIXTURES / "library-v1.sqlite3", tmp_path)

    def broken(db: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    steps = list(library_module.MIGRATIONS)
    monkeypatch.setattr(library_module, "MIGRATIONS", [*steps[:-1], broken])
    with pytest.raises(StoreError):
        Library(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "annotations" not in tables  # the second step's table went with the failure
    monkeypatch.undo()
    lib = Library(path)  # and the next opening upgrades it whole
    assert len(lib.recent()) == 2
    lib.close()
