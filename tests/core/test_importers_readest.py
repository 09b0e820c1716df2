"""Readest's per-book config.json. No real file of it is published; the test builds
one in the shape of Readest's own types (see core/importers/readest.py): notes of
three kinds, a tombstone, times in milliseconds, the title in Books/library.json."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from readmark.core.annotations import Kind, Style
from readmark.core.formats import open_book
from readmark.core.importers import AnnotationImportError, format_of, read_marks, records
from readmark.core.importers.plan import plan_import
from readmark.core.operations.books import record_opening
from readmark.core.store.library import Library

ALICE = Path(__file__).resolve().parents[3] / "shared" / "books" / "11-0.txt"
HASH = "3c7a2f1e9b8d4c6a5e0f1d2c3b4a5968"
MS = int(datetime(2025, 6, 1, 12, 0, tzinfo=UTC).timestamp() * 1000)


def build(root: Path, with_library: bool = True) -> Path:
    folder = root / "Readest" / "Books" / HASH
    folder.mkdir(parents=True)
    notes = [
        {"id": "n1", "type": "annotation", "cfi": "epubcfi(/6/4!/4/4,/1:0,/1:74)",
         "text": "Alice was beginning to get very tired of sitting by her sister on the bank",
         "style": "highlight", "color": "violet", "note": "", "createdAt": MS, "updatedAt": MS},
        {"id": "n2", "type": "annotation", "cfi": "epubcfi(/6/4!/4/20,/1:0,/1:17)",
         "text": "Down, down, down.", "style": "squiggly", "color": "red",
         "note": "She keeps falling.", "createdAt": MS + 1000, "updatedAt": MS + 5000},
        {"id": "n3", "type": "excerpt", "cfi": "epubcfi(/6/6!/4/2,/1:0,/1:10)",
         "text": "“Curiouser and curiouser!” cried Alice", "note": "", "createdAt": MS + 2000,
         "updatedAt": MS + 2000},
        {"id": "n4", "type": "bookmark", "cfi": "epubcfi(/6/8!/4/2/1:0)", "text": "CHAPTER III",
         "note": "", "createdAt": MS + 3000, "updatedAt": MS + 3000},
        {"id": "n5", "type": "annotation", "cfi": "epubcfi(/6/8!/4/6,/1:0,/1:9)",
         "text": "deleted one", "note": "", "createdAt": MS, "updatedAt": MS + 9000,
         "deletedAt": MS + 9000},
        {"id": "n6", "type": "annotation", "cfi": "epubcfi(/6/10!/4/2,/1:0,/1:9)",
         "text": "Not in Alice at all, this one.", "color": "#ff8800", "note": "",
         "createdAt": MS + 4000, "updatedAt": MS + 4000},
    ]  # fmt: skip
    config = {"bookHash": HASH, "progress": [12, 200], "location": "epubcfi(/6/8!/4/2/1:0)",
              "booknotes": notes, "updatedAt": MS + 9000}  # fmt: skip
    path = folder / "config.json"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    if with_library:
        books = [{"hash": HASH, "format": "EPUB", "title": "Alice's Adventures in Wonderland",
                  "author": "Lewis Carroll", "createdAt": MS, "updatedAt": MS}]  # fmt: skip
        (folder.parent / "library.json").write_text(json.dumps(books), encoding="utf-8")
    return path


def test_notes_of_every_kind_tombstones_and_times(tmp_path: Path) -> None:
    path = build(tmp_path)
    assert format_of(path.read_text(encoding="utf-8")) == "readest"
    parsed = read_marks(path)
    [book] = parsed.books
    assert (book.book.title, book.book.authors) == (
        "Alice's Adventures in Wonderland",
        "Lewis Carroll",
    )
    assert [(m.kind, m.quote[:17], m.note, m.color, m.style) for m in book.marks] == [
        (Kind.HIGHLIGHT, "Alice was beginni", "", "purple", Style.HIGHLIGHT),
        (Kind.HIGHLIGHT, "Down, down, down.", "She keeps falling.", "pink", Style.UNDERLINE),
        (Kind.HIGHLIGHT, "“Curiouser and cu", "", "yellow", Style.HIGHLIGHT),
        (Kind.BOOKMARK, "", "", "yellow", Style.HIGHLIGHT),
        (Kind.HIGHLIGHT, "Not in Alice at a", "", "yellow", Style.HIGHLIGHT),
    ]
    assert book.marks[3].label == "CHAPTER III"
    assert book.marks[1].created == MS / 1000 + 1 and book.marks[1].modified == MS / 1000 + 5
    assert parsed.left_out == {records.DELETED_IN_READEST: 1}


def test_placed_in_the_library_book(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    try:
        copy = tmp_path / "alice.txt"
        shutil.copyfile(ALICE, copy)
        record_opening(library, open_book(copy))
        plan = plan_import(library, read_marks(build(tmp_path / "home")))
        assert [m.path for m in plan.books] == [copy]
        assert (plan.placed, plan.unplaced) == (3, 2)  # the bookmark has no text to find
    finally:
        library.close()


def test_without_library_json_the_book_is_found_by_its_quotes(tmp_path: Path) -> None:
    [book] = read_marks(build(tmp_path, with_library=False)).books
    assert book.book.title == ""


@pytest.mark.parametrize(
    "content",
    ['{"booknotes": 3}', '{"booknotes": [1, {"type": "other"}]}', '{"booknotes": [' * 500],
)
def test_broken_configs_are_refused_or_left_out(tmp_path: Path, content: str) -> None:
    path = tmp_path / "config.json"
    path.write_text(content, encoding="utf-8")
    try:
        parsed = read_marks(path)
    except AnnotationImportError as error:
        assert str(error)
    else:
        assert parsed.mark_count == 0
