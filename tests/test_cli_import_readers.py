"""`readmark import FILE` for other readers' files, run as a user runs it: the
format recognised from the content, `--dry-run` writes nothing, a second import
adds nothing, a folder of KOReader sidecars at once, bad files one line and exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

from readmark import paths
from readmark.core.formats import open_book
from readmark.core.operations.books import record_opening
from readmark.core.store.library import Library
from test_cli import run

ALICE = Path(__file__).resolve().parents[2] / "shared" / "books" / "11-0.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importers"
CLIPPINGS = """Alice's Adventures in Wonderland (Lewis Carroll)
- Your Highlight on page 1 | Location 12-13 | Added on Monday, March 2, 2020 11:48:08 PM

once or twice she had peeped into the book her sister was reading
==========
Alice's Adventures in Wonderland (Lewis Carroll)
- Your Highlight on page 3 | Location 40-41 | Added on Monday, March 2, 2020 11:50:08 PM

Not in the book.
==========
"""


def alice_in_library(tmp_path: Path) -> Path:
    copy = tmp_path / "alice.txt"
    shutil.copyfile(ALICE, copy)
    library = Library(paths.library_db())
    try:
        record_opening(library, open_book(copy))
    finally:
        library.close()
    return copy


def stored(book: Path) -> int:
    library = Library(paths.library_db())
    try:
        return len(library.annotations.for_book(book))
    finally:
        library.close()


def test_dry_run_then_import_then_nothing_twice(tmp_path: Path) -> None:
    book = alice_in_library(tmp_path)
    clippings = tmp_path / "clips.data"  # the name says nothing: the content does
    clippings.write_text(CLIPPINGS, encoding="utf-8")
    preview = run("import", str(clippings), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "Format: Kindle" in preview.stdout
    assert "Will be placed: 1" in preview.stdout
    assert "Cannot be found (kept with their quote): 1" in preview.stdout
    assert "Nothing was written" in preview.stdout and stored(book) == 0
    done = run("import", str(clippings))
    assert done.returncode == 0 and "Imported: 2" in done.stdout
    assert stored(book) == 2
    again = run("import", str(clippings))
    assert "Already here: 2" in again.stdout and "Imported: 0" in again.stdout
    assert stored(book) == 2


def test_a_folder_of_koreader_sidecars(tmp_path: Path) -> None:
    result = run("import", str(FIXTURES / "koreader"), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Format: KOReader" in result.stdout
    assert "1984 — not in the library (3)" in result.stdout
    assert "Cannot be found (kept with their quote): 9" in result.stdout


def test_calibre_export_into_the_book_named(tmp_path: Path) -> None:
    book = alice_in_library(tmp_path)
    result = run("import", str(FIXTURES / "calibre_highlights.json"), "--book", str(book))
    assert result.returncode == 0, result.stderr
    assert "Will be placed: 2" in result.stdout and stored(book) == 2


def test_bad_files_are_one_line_and_exit_2(tmp_path: Path) -> None:
    code = tmp_path / "metadata.epub.lua"
    code.write_text('return os.execute("touch /tmp/pwned")', encoding="utf-8")
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)))
    unknown = tmp_path / "y.txt"
    unknown.write_text("just some text\n", encoding="utf-8")
    for bad in (code, binary, unknown):
        result = run("import", str(bad))
        assert result.returncode == 2, bad
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_a_book_only_added_to_the_library_takes_its_clippings(tmp_path: Path) -> None:
    # `library add`, never opened: the import still finds it by its title, and
    # Export All Books then includes it.
    copy = tmp_path / "alice.txt"
    shutil.copyfile(ALICE, copy)
    added = run("library", "add", str(copy))
    assert added.returncode == 0, added.stderr
    clippings = tmp_path / "My Clippings.txt"
    clippings.write_text(CLIPPINGS, encoding="utf-8")
    done = run("import", str(clippings))
    assert done.returncode == 0, done.stderr
    assert "Imported: 2" in done.stdout
    assert stored(copy) == 2
    notes = tmp_path / "notes"
    exported = run("export", "--all", "--folder", str(notes))
    assert exported.returncode == 0, exported.stderr
    assert any(
        "once or twice she had peeped" in p.read_text(encoding="utf-8") for p in notes.glob("*.md")
    )
