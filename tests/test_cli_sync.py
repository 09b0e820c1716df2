"""`readmark sync` as a user runs it: real child processes, two READMARK_HOMEs (two
computers) and one folder between them, some runs at the same time."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from test_cli import run

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "export"


def _home(root: Path, name: str) -> dict[str, str]:
    return {**os.environ, "READMARK_HOME": str(root / name)}


def _count(env: dict[str, str]) -> int:
    listed = run("library", "list", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    (book,) = json.loads(listed.stdout)
    return int(book["annotations"])


def test_two_computers_sync_through_one_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Syncthing" / "Readmark"
    folder.mkdir(parents=True)
    first, second = _home(tmp_path, "laptop"), _home(tmp_path, "desktop")
    # The same book at a different path on each computer.
    for where in ("laptop-books", "desktop-books"):
        (tmp_path / where).mkdir()
        shutil.copyfile(FIXTURES / "book.md", tmp_path / where / "book.md")
    golden = json.loads((FIXTURES / "annotations.json").read_text(encoding="utf-8"))
    golden["readmark:book"]["file"] = (tmp_path / "laptop-books" / "book.md").as_uri()
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(golden), encoding="utf-8")
    assert run("import", str(notes), env=first).returncode == 0  # six annotations
    added = run("library", "add", str(tmp_path / "desktop-books" / "book.md"), env=second)
    assert added.returncode == 0, added.stderr

    out = run("sync", "--folder", str(folder), env=first)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Changes in: 0, out: 6"
    came = run("sync", "--folder", str(folder), env=second)
    assert came.returncode == 0, came.stderr
    assert came.stdout.strip() == "Changes in: 6, out: 0"
    assert _count(second) == 6

    # The folder is remembered; both computers sync at the same moment, twice.
    for _ in range(2):
        both = [
            subprocess.Popen(
                [sys.executable, "-m", "readmark", "sync"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for env in (first, second)
        ]
        for process in both:
            stdout, stderr = process.communicate(timeout=60)
            assert process.returncode == 0, stderr
            assert "Traceback" not in stderr

    # Deleting them on the desktop deletes them on the laptop, for good.
    removed = run(
        "library", "remove", str(tmp_path / "desktop-books" / "book.md"),
        "--delete-annotations", env=second,
    )  # fmt: skip
    assert removed.returncode == 0, removed.stderr
    assert run("sync", env=second).stdout.strip() == "Changes in: 0, out: 6"
    assert run("sync", env=first).stdout.strip() == "Changes in: 6, out: 0"
    assert _count(first) == 0
    assert run("sync", env=first).stdout.strip() == "Changes in: 0, out: 0"

    files = sorted(p.name for p in (folder / "readmark").iterdir())
    assert len(files) == 2 and all(name.endswith(".rmsync") for name in files)


def test_sync_without_a_folder_or_with_a_missing_one_says_so(tmp_path: Path) -> None:
    none = run("sync")
    assert none.returncode == 2 and none.stdout == ""
    assert none.stderr.strip() == (
        "readmark: No sync folder yet: give one with --folder DIR (it is remembered)."
    )
    gone = run("sync", "--folder", str(tmp_path / "unplugged"))
    assert gone.returncode == 2 and "Traceback" not in gone.stderr
    assert "is not there (a drive not connected?)" in gone.stderr
    assert run("sync").returncode == 2  # a folder that was not there is not remembered


def test_a_deletion_stays_deleted_after_a_reinstall_with_the_library_from_a_backup(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    first, second = _home(tmp_path, "laptop"), _home(tmp_path, "desktop")
    for where in ("laptop-books", "desktop-books"):
        (tmp_path / where).mkdir()
        shutil.copyfile(FIXTURES / "book.md", tmp_path / where / "book.md")
    golden = json.loads((FIXTURES / "annotations.json").read_text(encoding="utf-8"))
    golden["readmark:book"]["file"] = (tmp_path / "laptop-books" / "book.md").as_uri()
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(golden), encoding="utf-8")
    assert run("import", str(notes), env=first).returncode == 0
    assert (
        run("library", "add", str(tmp_path / "desktop-books" / "book.md"), env=second).returncode
        == 0
    )
    assert run("sync", "--folder", str(folder), env=first).returncode == 0
    assert run("sync", "--folder", str(folder), env=second).returncode == 0
    assert _count(second) == 6

    # On the laptop one highlight is deleted (as the window does), not synced yet;
    # the library is backed up; then the data folder is lost (a reinstall) and
    # only the library comes back from the backup: no sync state, a new computer id.
    data = tmp_path / "laptop" / "data"
    library = data / "library.sqlite3"
    with sqlite3.connect(library) as db:
        (gone,) = db.execute("SELECT id FROM annotations ORDER BY created LIMIT 1").fetchone()
        db.execute("DELETE FROM annotations WHERE id = ?", (gone,))
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(library) as db:
        db.execute("VACUUM INTO ?", (str(backup),))
    shutil.rmtree(data)
    data.mkdir()
    shutil.copyfile(backup, library)

    out = run("sync", "--folder", str(folder), env=first)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Changes in: 0, out: 1"  # the deletion, for the others
    came = run("sync", env=second)
    assert came.stdout.strip() == "Changes in: 1, out: 0"
    assert _count(first) == _count(second) == 5
    for env in (first, second):
        assert run("sync", env=env).stdout.strip() == "Changes in: 0, out: 0"
