"""`readmark export` into notes, run as a user runs it: a note that exists is
updated (the reader's text kept), never overwritten unless asked; `--all` writes
every book's note into a folder."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from test_cli import run
from test_cli_annotations import FIXTURES, golden_file, open_in_reader


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    copy = tmp_path / "books" / "book.md"
    copy.parent.mkdir()
    shutil.copyfile(FIXTURES / "book.md", copy)
    return copy.resolve()


def imported(tmp_path: Path, book_file: Path) -> None:
    open_in_reader(book_file)
    result = run("import", str(golden_file(tmp_path, book_file)))
    assert result.returncode == 0, result.stderr


def test_export_md_into_an_existing_note_updates_it(tmp_path: Path, book_file: Path) -> None:
    imported(tmp_path, book_file)
    note = tmp_path / "vault" / "book.md"
    note.parent.mkdir()
    assert run("export", str(book_file), "--format", "md", "-o", str(note)).returncode == 0
    first = note.read_text(encoding="utf-8")
    assert first.count("^rm-") == 6 and "[!quote]" in first
    # The reader writes in the note, then exports again.
    note.write_text(first.replace("## The Second Chapter\n", "## The Second Chapter\n\nMine.\n"))
    assert run("export", str(book_file), "-o", str(note)).returncode == 0  # md from .md
    again = note.read_text(encoding="utf-8")
    assert "## The Second Chapter\n\nMine.\n" in again and again.count("^rm-") == 6
    # --overwrite is the one way to replace it.
    assert run("export", str(book_file), "-o", str(note), "--overwrite").returncode == 0
    assert note.read_text(encoding="utf-8") == first


def test_logseq_and_readwise_formats(tmp_path: Path, book_file: Path) -> None:
    imported(tmp_path, book_file)
    logseq = run("export", str(book_file), "--format", "logseq")
    assert logseq.returncode == 0, logseq.stderr
    assert "tags:: readmark" in logseq.stdout and logseq.stdout.count("  readmark:: ") == 6
    out = tmp_path / "highlights.csv"
    assert run("export", str(book_file), "-o", str(out)).returncode == 0  # readwise from .csv
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [row["Location"] for row in rows] == ["1", "2", "3", "4", "5"]
    assert {row["Title"] for row in rows} == {"A Small Book of <Marks> & Notes"}


def test_a_note_that_cannot_be_updated_is_left_alone(tmp_path: Path, book_file: Path) -> None:
    imported(tmp_path, book_file)
    note = tmp_path / "binary.md"
    note.write_bytes(b"\xff\xfe\x00\x01 not text")
    result = run("export", str(book_file), "-o", str(note))
    assert result.returncode == 2
    assert "not UTF-8 text" in result.stderr and "Traceback" not in result.stderr
    assert note.read_bytes() == b"\xff\xfe\x00\x01 not text"


def test_export_all_into_a_folder_then_again(tmp_path: Path, book_file: Path) -> None:
    imported(tmp_path, book_file)
    other = book_file.with_name("other.md")
    other.write_text("# Other\n\nNothing marked here.\n", encoding="utf-8")
    open_in_reader(other)  # a book with no annotations gets no note
    vault = tmp_path / "vault"
    result = run("export", "--all", "--folder", str(vault))
    assert result.returncode == 0, result.stderr
    assert "New notes: 1, updated: 0, failed: 0" in result.stdout
    [note] = vault.iterdir()
    assert note.name == "A Small Book of Marks & Notes.md"
    # Renamed and written in by the reader: found again by its properties, updated.
    renamed = vault / "Reading notes.md"
    note.rename(renamed)
    renamed.write_text(renamed.read_text(encoding="utf-8") + "\nMy closing words.\n")
    result = run("export", "--all", "--folder", str(vault), "--format", "obsidian")
    assert "New notes: 0, updated: 1, failed: 0" in result.stdout
    assert [p.name for p in vault.iterdir()] == ["Reading notes.md"]
    assert renamed.read_text(encoding="utf-8").endswith("My closing words.\n")


def test_export_all_says_what_is_wrong(tmp_path: Path, book_file: Path) -> None:
    imported(tmp_path, book_file)
    missing = run("export", "--all")
    assert missing.returncode == 2 and "--folder" in missing.stderr
    wrong = run("export", "--all", "--folder", str(tmp_path), "--format", "html")
    assert wrong.returncode == 2 and "obsidian or logseq" in wrong.stderr
    nothing = run("export")
    assert nothing.returncode == 2 and "BOOK" in nothing.stderr
    book_file.unlink()  # the book is gone from disk: one line on it, the rest go on
    gone = run("export", "--all", "--folder", str(tmp_path / "vault"))
    assert gone.returncode == 2 and "Traceback" not in gone.stderr
    assert "A Small Book" in gone.stderr and "failed: 1" in gone.stdout
