"""`readmark export` and `readmark import`, run as a user runs them: real child processes
on the test's own READMARK_HOME (set by tests/conftest.py and inherited)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from readmark import paths
from readmark.core.formats import open_book
from readmark.core.store.library import Library
from test_cli import run

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "export"


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    copy = tmp_path / "book.md"
    shutil.copyfile(FIXTURES / "book.md", copy)
    return copy.resolve()


def open_in_reader(book_file: Path) -> None:
    """Record the book in the library as the reader does when it opens it."""
    book = open_book(book_file)
    library = Library(paths.library_db())
    try:
        library.touch(book.path, book.content_id, book.metadata.title, "")
        library.annotations.claim_pending(book.path, book.content_id)
    finally:
        library.close()


def golden_file(tmp_path: Path, book_file: Path) -> Path:
    document = json.loads((FIXTURES / "annotations.json").read_text(encoding="utf-8"))
    document["readmark:book"]["file"] = book_file.as_uri()
    path = tmp_path / "golden.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def dump() -> list[str]:
    db = sqlite3.connect(paths.library_db())
    try:
        return list(db.iterdump())
    finally:
        db.close()


def test_import_then_export_every_format(tmp_path: Path, book_file: Path) -> None:
    open_in_reader(book_file)
    result = run("import", str(golden_file(tmp_path, book_file)))
    assert result.returncode == 0, result.stderr
    assert "Added: 6" in result.stdout and "Skipped: 0" in result.stdout

    exported = run("export", str(book_file), "--format", "json")
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    expected = json.loads((FIXTURES / "annotations.json").read_text(encoding="utf-8"))
    expected["readmark:book"]["file"] = book_file.as_uri()
    assert document == expected  # the same annotations, placed where they were

    out = tmp_path / "notes.html"
    assert run("export", str(book_file), "-o", str(out)).returncode == 0  # format from suffix
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    markdown = run("export", "--format", "md", str(book_file))
    assert markdown.returncode == 0
    assert "> The river ran slowly past the mill." in markdown.stdout
    assert "## Not found in the book as it is now" in markdown.stdout

    again = run("import", str(golden_file(tmp_path, book_file)))
    assert "Added: 0" in again.stdout and "Unchanged: 6" in again.stdout


def test_export_anchors_against_the_book_as_it_is_on_disk(tmp_path: Path, book_file: Path) -> None:
    open_in_reader(book_file)
    assert run("import", str(golden_file(tmp_path, book_file))).returncode == 0
    # The book is edited after the annotations were made: one quote is gone,
    # another moved (a new paragraph before it).
    text = book_file.read_text(encoding="utf-8")
    text = text.replace("A last line with # hash, [brackets] and * stars.", "Rewritten entirely.")
    text = text.replace("# The First Chapter\n", "# The First Chapter\n\nA new opening.\n")
    book_file.write_text(text, encoding="utf-8")

    result = run("export", str(book_file), "--format", "json")
    assert result.returncode == 0, result.stderr
    items = {item["id"][-2:]: item for item in json.loads(result.stdout)["first"]["items"]}
    assert items["02"]["readmark:orphaned"] is True  # "A last line…" is gone
    assert items["01"]["readmark:orphaned"] is False  # moved, found again
    quote, position = items["01"]["target"]["selector"]
    assert quote["exact"] == "The river ran slowly past the mill."
    assert position["start"] > 20  # after the new opening
    markdown = run("export", str(book_file)).stdout
    orphans = markdown.split("## Not found in the book as it is now")[1]
    assert "A last line with" in orphans


def test_import_adds_the_book_its_targets_name_on_disk_so_export_works_unopened(
    tmp_path: Path, book_file: Path
) -> None:
    result = run("import", str(golden_file(tmp_path, book_file)))
    assert result.returncode == 0, result.stderr
    assert "Added: 6" in result.stdout
    assert "Waiting for their book to be opened: 0" in result.stdout
    assert f"Added to the library: {book_file}" in result.stdout
    listed = json.loads(run("library", "list", "--json").stdout)
    assert [(b["path"], b["annotations"], b["last_read"]) for b in listed] == [
        (str(book_file), 6, None)  # in the library, never opened
    ]
    exported = run("export", str(book_file), "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["total"] == 6


def test_import_for_a_book_not_on_disk_waits_until_it_is_added(
    tmp_path: Path, book_file: Path
) -> None:
    json_file = golden_file(tmp_path, book_file)
    kept = book_file.read_bytes()
    book_file.unlink()  # the book the targets name is not there (yet)
    result = run("import", str(json_file))
    assert result.returncode == 0, result.stderr
    assert "Waiting for their book to be opened: 6" in result.stdout
    book_file.write_bytes(kept)
    not_yet = run("export", str(book_file))
    assert not_yet.returncode == 2 and "not in the library" in not_yet.stderr
    added = run("library", "add", str(book_file))
    assert added.returncode == 0 and "Added: 1" in added.stdout
    exported = run("export", str(book_file), "--format", "json")
    assert json.loads(exported.stdout)["total"] == 6  # the waiting ones are the book's now


def test_book_without_annotations_exports_an_empty_document(book_file: Path) -> None:
    open_in_reader(book_file)
    result = run("export", str(book_file), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "is not valid JSON"),
        (b"12", "does not hold W3C annotations"),
        (b'{"type": "Annotation"}', "it has no target"),
    ],
)
def test_bad_import_is_one_line_status_2_and_changes_nothing(
    tmp_path: Path, book_file: Path, content: bytes, message: str
) -> None:
    open_in_reader(book_file)
    assert run("import", str(golden_file(tmp_path, book_file))).returncode == 0
    before = dump()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run("import", str(bad))
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert dump() == before


def test_export_errors_are_one_line(tmp_path: Path, book_file: Path) -> None:
    missing = run("export", str(tmp_path / "missing.md"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    open_in_reader(book_file)
    unwritable = run("export", str(book_file), "-o", str(tmp_path / "no" / "such" / "dir.md"))
    assert unwritable.returncode == 2 and "cannot be written" in unwritable.stderr
    assert unwritable.stderr.count("\n") == 1
    missing_json = run("import", str(tmp_path / "nowhere.json"))
    assert missing_json.returncode == 2 and "cannot be read" in missing_json.stderr


@pytest.mark.parametrize(
    ("spoil", "message", "chinese"),
    [
        ("garbage", "is damaged", "已损坏"),
        ("folder", "cannot be opened", "无法打开"),
        ("newer", "newer Readmark", "更新版本"),
    ],
)
def test_an_unusable_library_is_one_line_status_2(
    tmp_path: Path, book_file: Path, spoil: str, message: str, chinese: str
) -> None:
    library = paths.library_db()
    library.parent.mkdir(parents=True, exist_ok=True)
    if spoil == "garbage":
        library.write_bytes(b"not a database " * 1000)
    elif spoil == "folder":
        library.mkdir()  # SQLite cannot open a folder as its file
    else:
        Library(library).close()
        db = sqlite3.connect(library)
        db.execute("PRAGMA user_version = 999")
        db.close()
    for args in (["export", str(book_file)], ["import", str(golden_file(tmp_path, book_file))]):
        result = run(*args)
        assert result.returncode == 2, result.stderr
        assert message in result.stderr and str(library) in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stdout == ""
    translated = run("--lang", "zh_CN", "export", str(book_file))
    assert translated.returncode == 2 and chinese in translated.stderr


@pytest.mark.parametrize("kind", ["pipe", "folder", "device"])
def test_importing_a_pipe_a_folder_or_a_device_is_refused_at_once(
    tmp_path: Path, kind: str
) -> None:
    """A named pipe would block the import until something wrote to it."""
    import os

    if kind == "pipe":
        target = tmp_path / "marks.json"
        os.mkfifo(target)
    elif kind == "folder":
        target = tmp_path / "marks.json"
        target.mkdir()
    else:
        target = Path("/dev/null")
    result = run("import", str(target), timeout=30)
    assert result.returncode == 2
    assert "is not a file that can be imported" in result.stderr
    assert "Traceback" not in result.stderr
