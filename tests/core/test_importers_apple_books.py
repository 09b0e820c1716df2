"""Apple Books' annotation database. No real AEAnnotation file is published, so the
test builds one in the shape the public tools that read it agree on (the columns
and their meaning are in core/importers/apple_books.py): dates in seconds since
2001, tombstones of deleted marks, the reading position, titles in BKLibrary."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readmark.core.annotations import Kind, Style
from readmark.core.formats import open_book
from readmark.core.importers import AnnotationImportError, read_marks, records, sniff
from readmark.core.importers.plan import plan_import
from readmark.core.operations.books import record_opening
from readmark.core.store.library import Library

ALICE = Path(__file__).resolve().parents[3] / "shared" / "books" / "11-0.txt"
ASSET = "A1B2C3D4E5F60718293A4B5C6D7E8F90"
SCHEMA = (
    "CREATE TABLE ZAEANNOTATION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
    "ZANNOTATIONDELETED INTEGER, ZANNOTATIONISUNDERLINE INTEGER, ZANNOTATIONSTYLE INTEGER, "
    "ZANNOTATIONTYPE INTEGER, ZANNOTATIONCREATIONDATE TIMESTAMP, "
    "ZANNOTATIONMODIFICATIONDATE TIMESTAMP, ZANNOTATIONASSETID VARCHAR, "
    "ZANNOTATIONLOCATION VARCHAR, ZANNOTATIONNOTE VARCHAR, "
    "ZANNOTATIONREPRESENTATIVETEXT VARCHAR, ZANNOTATIONSELECTEDTEXT VARCHAR, "
    "ZANNOTATIONUUID VARCHAR, ZFUTUREPROOFING5 VARCHAR)"
)
MARCH_2024 = datetime(2024, 3, 5, 9, 30, tzinfo=UTC).timestamp() - 978_307_200


def build(root: Path, with_library: bool = True) -> Path:
    folder = root / "Documents" / "AEAnnotation"
    folder.mkdir(parents=True)
    path = folder / "AEAnnotation_v10312011_1727_local.sqlite"
    db = sqlite3.connect(path)
    db.execute(SCHEMA)
    rows = [
        # deleted, underline, style, type, created, location, note, selected, chapter
        (0, 0, 3, 2, MARCH_2024, "epubcfi(/6/4!/4/4/1:0)", "Her boredom.",
         "Alice was beginning to get very tired of sitting by her sister on the bank", "Chapter I"),
        (0, 1, 0, 2, MARCH_2024 + 60, "epubcfi(/6/4!/4/20/1:0)", None,
         "Down, down, down. Would the fall never come to an end?", "Chapter I"),
        (1, 0, 4, 2, MARCH_2024 + 120, "epubcfi(/6/4!/4/30/1:0)", None, "A deleted highlight", None),
        (0, 0, 0, 3, MARCH_2024 + 180, "epubcfi(/6/8!/4/2/1:0)", None, None, None),
        (0, 0, 0, 1, MARCH_2024 + 240, "epubcfi(/6/10!/4/2/1:0)", None, None, "Chapter III"),
        (0, 0, 2, 2, MARCH_2024 + 300, "epubcfi(/6/12!/4/2/1:0)", None,
         "Not a sentence from this book at all, as it happens.", "Chapter IV"),
    ]  # fmt: skip
    for n, row in enumerate(rows, start=1):
        deleted, underline, style, kind, created, location, note, text, chapter = row
        db.execute(
            "INSERT INTO ZAEANNOTATION (Z_PK, ZANNOTATIONDELETED, ZANNOTATIONISUNDERLINE, "
            "ZANNOTATIONSTYLE, ZANNOTATIONTYPE, ZANNOTATIONCREATIONDATE, "
            "ZANNOTATIONMODIFICATIONDATE, ZANNOTATIONASSETID, ZANNOTATIONLOCATION, "
            "ZANNOTATIONNOTE, ZANNOTATIONSELECTEDTEXT, ZANNOTATIONUUID, ZFUTUREPROOFING5) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (n, deleted, underline, style, kind, created, created, ASSET, location, note, text,
             f"uuid-{n}", chapter),
        )  # fmt: skip
    db.commit()
    db.close()
    if with_library:
        books = root / "Documents" / "BKLibrary"
        books.mkdir()
        lib = sqlite3.connect(books / "BKLibrary-1-091020131601.sqlite")
        lib.execute(
            "CREATE TABLE ZBKLIBRARYASSET (Z_PK INTEGER PRIMARY KEY, ZASSETID VARCHAR, ZTITLE VARCHAR, ZAUTHOR VARCHAR)"
        )
        lib.execute(
            "INSERT INTO ZBKLIBRARYASSET VALUES (1, ?, ?, ?)",
            (ASSET, "Alice's Adventures in Wonderland", "Lewis Carroll"),
        )
        lib.commit()
        lib.close()
    return path


def test_highlights_notes_bookmarks_tombstones_and_dates(tmp_path: Path) -> None:
    path = build(tmp_path)
    assert sniff(path) == "apple-books"
    parsed = read_marks(path)
    assert parsed.format == "apple-books"
    [book] = parsed.books
    assert (book.book.title, book.book.authors) == (
        "Alice's Adventures in Wonderland",
        "Lewis Carroll",
    )
    assert [(m.kind, m.quote[:20], m.note, m.color, m.style) for m in book.marks] == [
        (Kind.HIGHLIGHT, "Alice was beginning ", "Her boredom.", "yellow", Style.HIGHLIGHT),
        (Kind.HIGHLIGHT, "Down, down, down. Wo", "", "yellow", Style.UNDERLINE),
        (Kind.BOOKMARK, "", "", "yellow", Style.HIGHLIGHT),
        (Kind.HIGHLIGHT, "Not a sentence from ", "", "blue", Style.HIGHLIGHT),
    ]
    assert book.marks[2].label == "Chapter III"
    first = book.marks[0]
    assert first.created == datetime(2024, 3, 5, 9, 30, tzinfo=UTC).timestamp()
    assert first.position == "epubcfi(/6/4!/4/4/1:0)" and first.chapter == "Chapter I"
    assert parsed.left_out == {records.DELETED_IN_APPLE_BOOKS: 1}  # the reading position is no mark


def test_placed_in_the_library_book_named_by_bklibrary(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    try:
        copy = tmp_path / "alice.txt"
        shutil.copyfile(ALICE, copy)
        record_opening(library, open_book(copy))
        plan = plan_import(library, read_marks(build(tmp_path / "mac")))
        assert [m.path for m in plan.books] == [copy]
        assert (plan.placed, plan.here, plan.unplaced) == (2, 0, 2)
    finally:
        library.close()


def test_without_the_library_database_the_books_are_found_by_their_quotes(tmp_path: Path) -> None:
    parsed = read_marks(build(tmp_path, with_library=False))
    assert [g.book.title for g in parsed.books] == [""]


@pytest.mark.parametrize(
    "content",
    [
        b"SQLite format 3\x00" + b"\x00" * 100,
        b"SQLite format 3\x00" + bytes(range(256)) * 40,
    ],
)
def test_a_broken_database_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "AEAnnotation.sqlite"
    path.write_bytes(content)
    with pytest.raises(AnnotationImportError, match="not Apple Books' annotations"):
        read_marks(path)


def test_another_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(AnnotationImportError, match="not Apple Books' annotations"):
        read_marks(path)


def test_a_hostile_view_cannot_hang_the_import(tmp_path: Path) -> None:
    """A view named like the table that counts forever is stopped, not waited for."""
    path = tmp_path / "AEAnnotation.sqlite"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIEW ZAEANNOTATION AS WITH RECURSIVE c(ZANNOTATIONSELECTEDTEXT) AS "
        "(SELECT 1 UNION ALL SELECT ZANNOTATIONSELECTEDTEXT + 1 FROM c) "
        "SELECT ZANNOTATIONSELECTEDTEXT FROM c"
    )
    db.commit()
    db.close()
    with pytest.raises(AnnotationImportError):
        read_marks(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, 4095), st.binary(min_size=1, max_size=64))
def test_any_damage_parses_or_is_refused(tmp_path: Path, at: int, garbage: bytes) -> None:
    source = tmp_path / "source"
    if not source.exists():
        build(source, with_library=False)
    original = next(source.rglob("AEAnnotation_*.sqlite")).read_bytes()
    damaged = bytearray(original)
    position = 16 + at % (len(damaged) - 16)
    damaged[position : position + len(garbage)] = garbage
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(bytes(damaged))
    try:
        read_marks(path)
    except AnnotationImportError as error:
        assert str(error)
