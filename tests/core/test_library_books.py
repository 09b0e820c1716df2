"""The library of books (issue 11 §2): adding files and folders, listing, taking
out without losing annotations, moved books, reading progress, watched folders.
All on real SQLite files and real book files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.book import Section
from readmark.core.formats import open_book
from readmark.core.operations.books import record_opening
from readmark.core.operations.library_books import (
    add_books,
    find_book_files,
    find_in_library,
    new_or_changed_in,
    reading_progress,
    remove_book,
)
from readmark.core.store.backups import BackupManager
from readmark.core.store.errors import NotInLibraryError
from readmark.core.store.library import Library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "data" / "library.sqlite3")
    yield lib
    lib.close()


def _book(folder: Path, name: str, title: str, text: str = "Some text.") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\ntitle: {title}\nauthor: Ada\nlanguage: en\n---\n\n# One\n\n{text}\n")
    return path


def test_adding_the_real_books_lists_them_with_their_facts(
    library: Library, shared_books: Path
) -> None:
    seen = []
    report = add_books(library, [shared_books], lambda done, total, name: seen.append(name))
    # Every supported file is read; the damaged EPUB is reported, not fatal.
    assert [u.path.name for u in report.unreadable] == ["TIny-3-Bad.epub"]
    assert "damaged" in str(report.unreadable[0].error)
    assert len(report.added) == 8 and seen[-1] == ""
    entries = {Path(e.path).name: e for e in library.catalog.entries()}
    sanguo = entries["三国演义.txt"]
    assert (sanguo.title, sanguo.authors, sanguo.format) == ("三国演义", "罗贯中", "text")
    assert sanguo.language == "zh-Hans"
    assert sanguo.size == (shared_books / "三国演义.txt").stat().st_size
    assert sanguo.last_opened == 0 and sanguo.progress is None and sanguo.added > 0
    assert entries["wasteland.epub"].format == "epub"
    # Added but never read: not a recent book.
    assert library.recent() == []
    again = add_books(library, [shared_books])
    assert len(again.already) == 8 and again.added == []


def test_a_folder_is_searched_recursively_for_book_files_only(tmp_path: Path) -> None:
    _book(tmp_path / "a" / "b" / "c", "deep.md", "Deep")
    _book(tmp_path / "a", "top.md", "Top")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "a" / "picture.png").write_bytes(b"\x89PNG")
    _book(tmp_path / "a" / ".hidden", "secret.md", "Hidden")
    found, problems = find_book_files([tmp_path / "a"])
    assert [p.name for p in found] == ["top.md", "deep.md"]
    assert problems == []


def test_unreadable_files_are_reported_and_the_rest_added(library: Library, tmp_path: Path) -> None:
    import os

    good = _book(tmp_path / "books", "good.md", "Good")
    os.mkfifo(tmp_path / "books" / "pipe.md")  # never opened: nothing hangs on it
    (tmp_path / "books" / "broken.epub").write_bytes(b"PK\x03\x04 not really a zip")
    report = add_books(library, [tmp_path / "books", tmp_path / "missing.md"])
    assert report.added == [good.resolve()]
    reasons = {u.path.name: str(u.error) for u in report.unreadable}
    assert set(reasons) == {"pipe.md", "broken.epub", "missing.md"}
    assert "named pipe" in reasons["pipe.md"]
    assert "does not exist" in reasons["missing.md"]
    assert [e.title for e in library.catalog.entries()] == ["Good"]


def test_a_moved_and_renamed_book_keeps_its_annotations_and_place(
    library: Library, tmp_path: Path
) -> None:
    path = _book(tmp_path / "old", "book.md", "Moving Book", "The quiet morning.")
    book = open_book(path)
    record_opening(library, book)
    note = Annotation(kind=Kind.HIGHLIGHT, target=TextTarget(0, 4, 9, "quiet"))
    library.annotations.add(path, note)
    from readmark.core.store.library import ReadingPosition

    library.save_position(path, ReadingPosition(0, 4, "quiet"))
    moved = tmp_path / "new" / "renamed.md"
    moved.parent.mkdir()
    shutil.move(path, moved)

    report = add_books(library, [moved.parent])
    assert report.moved == [moved.resolve()] and report.added == []
    [entry] = library.catalog.entries()
    assert entry.path == str(moved.resolve()) and entry.annotations == 1
    record = library.get(moved.resolve())
    assert record is not None and record.position == ReadingPosition(0, 4, "quiet")
    assert [a.id for a in library.annotations.for_book(moved.resolve())] == [note.id]


def test_a_copy_beside_the_original_is_another_book(library: Library, tmp_path: Path) -> None:
    path = _book(tmp_path, "one.md", "Same")
    shutil.copyfile(path, tmp_path / "two.md")
    report = add_books(library, [tmp_path])
    assert len(report.added) == 2


def test_removing_keeps_the_annotations_for_the_books_return(
    library: Library, tmp_path: Path
) -> None:
    path = _book(tmp_path, "book.md", "Kept", "The quiet morning.")
    record_opening(library, open_book(path))
    library.annotations.add(
        path, Annotation(kind=Kind.HIGHLIGHT, target=TextTarget(0, 4, 9, "quiet"))
    )
    removal = remove_book(library, path)
    assert (removal.annotations, removal.deleted, removal.backup) == (1, False, None)
    assert library.catalog.entries() == [] and library.recent() == []
    # A rescan of a watched folder does not bring it back…
    known = library.catalog.known_files()
    assert new_or_changed_in(known, [path]) == []
    # …adding it again does, with its annotation.
    report = add_books(library, [path])
    assert report.restored == [path]
    [entry] = library.catalog.entries()
    assert entry.annotations == 1


def test_removing_with_its_annotations_backs_up_first(library: Library, tmp_path: Path) -> None:
    path = _book(tmp_path, "book.md", "Gone", "The quiet morning.")
    record_opening(library, open_book(path))
    library.annotations.add(
        path, Annotation(kind=Kind.HIGHLIGHT, target=TextTarget(0, 4, 9, "quiet"))
    )
    backups = BackupManager(library.path, tmp_path / "backups")
    removal = remove_book(library, path, delete_annotations=True, backups=backups)
    assert removal.deleted and removal.annotations == 1 and removal.backup is not None
    db = sqlite3.connect(library.path)
    assert db.execute("SELECT COUNT(*) FROM annotations").fetchone() == (0,)
    assert db.execute("SELECT COUNT(*) FROM books").fetchone() == (0,)
    db.close()
    saved = sqlite3.connect(removal.backup)
    assert saved.execute("SELECT exact FROM annotations").fetchall() == [("quiet",)]
    saved.close()
    with pytest.raises(NotInLibraryError):
        remove_book(library, path)


def test_a_book_is_found_by_path_or_unique_title(library: Library, tmp_path: Path) -> None:
    one = _book(tmp_path, "one.md", "Walden")
    _book(tmp_path, "two.md", "Twice")
    _book(tmp_path, "three.md", "twice")
    add_books(library, [tmp_path])
    assert find_in_library(library, str(one)) == one
    assert find_in_library(library, "WALDEN") == one
    assert find_in_library(library, "twice") is None  # two books have it
    assert find_in_library(library, "nothing") is None


def test_reading_progress_follows_the_position_and_is_stored(
    library: Library, tmp_path: Path
) -> None:
    sections = [Section(0, "One", size=100), Section(1, "Two", size=300)]
    assert reading_progress(sections, 0, 0.0) == 0.0
    assert reading_progress(sections, 0, 1.0) == 0.25
    assert reading_progress(sections, 1, 0.5) == pytest.approx(0.625)
    assert reading_progress(sections, 1, 1.0) == 1.0
    assert reading_progress([Section(0, ""), Section(1, "")], 1, 0.0) == 0.5  # sizes unknown
    assert reading_progress([], 0, 0.5) == 0.0
    path = _book(tmp_path, "book.md", "Read")
    record_opening(library, open_book(path))
    library.catalog.set_progress(path, 0.625, "Two")
    [entry] = library.catalog.entries()
    assert (entry.progress, entry.chapter) == (0.625, "Two")
    assert entry.format == "markdown" and entry.size > 0  # filled in at opening


def test_watched_folders_are_remembered(library: Library, tmp_path: Path) -> None:
    library.catalog.watch_folder(tmp_path / "b")
    library.catalog.watch_folder(tmp_path / "a")
    library.catalog.watch_folder(tmp_path / "a")
    assert library.catalog.watched_folders() == [tmp_path / "a", tmp_path / "b"]
    library.catalog.unwatch_folder(tmp_path / "a")
    assert library.catalog.watched_folders() == [tmp_path / "b"]


def test_a_changed_file_is_read_again_an_unchanged_one_is_not(
    library: Library, tmp_path: Path
) -> None:
    path = _book(tmp_path, "book.md", "Changing")
    add_books(library, [path])
    known = library.catalog.known_files()
    assert new_or_changed_in(known, [path, tmp_path / "new.md"]) == [tmp_path / "new.md"]
    path.write_text(path.read_text() + "\nMore text added later.\n")
    assert new_or_changed_in(known, [path]) == [path]


def test_a_folder_of_hostile_files_is_added_or_reported_never_fatal(library: Library) -> None:
    hostile = Path(__file__).resolve().parents[1] / "hostile"
    books = [p for p in hostile.iterdir() if p.name != "make_samples.py"]
    report = add_books(library, [hostile])
    assert len(report.added) + len(report.unreadable) == len(books)
    assert all(str(u.error) for u in report.unreadable)  # each with its reason
    reasons = {u.path.name: str(u.error) for u in report.unreadable}
    assert "zip bomb" in reasons["zip_bomb.epub"]
    assert "binary file" in reasons["nul_bytes.md"]
    assert len(library.catalog.entries()) == len(report.added)


def test_collections_hold_books_and_a_book_may_be_in_several(
    library: Library, tmp_path: Path
) -> None:
    from readmark.core.store.errors import InvalidNameError

    one, two = _book(tmp_path, "one.md", "One"), _book(tmp_path, "two.md", "Two")
    add_books(library, [tmp_path])
    assert library.catalog.create_collection("  To  read ") == "To read"
    assert library.catalog.create_collection("to READ") == "To read"  # the same one
    library.catalog.add_to_collection([one, two], "To read")
    library.catalog.add_to_collection([one], "古典")
    library.catalog.add_to_collection([one], "古典")  # twice: once
    assert library.catalog.collections() == [("To read", 2), ("古典", 1)]
    entries = {e.title: e for e in library.catalog.entries()}
    assert entries["One"].collections == ("To read", "古典")
    assert entries["Two"].collections == ("To read",)

    library.catalog.rename_collection("To read", "Reading")
    with pytest.raises(InvalidNameError, match="already a collection"):
        library.catalog.rename_collection("Reading", "古典")
    with pytest.raises(InvalidNameError, match="needs a name"):
        library.catalog.create_collection("   ")
    library.catalog.remove_from_collection([two], "Reading")
    assert library.catalog.collections() == [("Reading", 1), ("古典", 1)]
    remove_book(library, one)  # taken out: not counted, but kept in its collections
    assert library.catalog.collections() == [("Reading", 0), ("古典", 0)]
    add_books(library, [one])
    assert library.catalog.entry(one).collections == ("Reading", "古典")
    library.catalog.delete_collection("古典")
    assert library.catalog.collections() == [("Reading", 1)]
    assert len(library.catalog.entries()) == 2  # the books stay
    with pytest.raises(NotInLibraryError):
        library.catalog.add_to_collection([tmp_path / "nowhere.md"], "Reading")


def test_edited_details_are_kept_and_the_file_is_never_changed(
    library: Library, tmp_path: Path
) -> None:
    from readmark.core.store.errors import InvalidNameError

    path = _book(tmp_path, "book.md", "Printed Title")
    before = path.read_bytes()
    add_books(library, [path])
    library.catalog.set_details(path, "My Title", "Me, You", "Studies", ["one", " two ", "one"])
    entry = library.catalog.entry(path)
    assert (entry.title, entry.authors, entry.series, entry.tags) == (
        "My Title", "Me, You", "Studies", ("one", "two"),
    )  # fmt: skip
    record_opening(library, open_book(path))  # opening the book does not undo them
    assert library.catalog.entry(path).title == "My Title"
    add_books(library, [path])
    assert library.catalog.entry(path).title == "My Title"
    assert path.read_bytes() == before
    with pytest.raises(InvalidNameError, match="needs a title"):
        library.catalog.set_details(path, "  ", "", "", [])
    with pytest.raises(NotInLibraryError):
        library.catalog.set_details(tmp_path / "nowhere.md", "T", "", "", [])
