"""An import from another reader into a real library with a real book: the
preview, a second import that adds nothing, orphans kept, one undo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readmark.core.formats import open_book
from readmark.core.importers import parse_text, read_marks
from readmark.core.importers.plan import Status, plan_import
from readmark.core.operations import OperationError, commit_import, replay
from readmark.core.operations.books import record_opening
from readmark.core.store.library import Library

ALICE = Path(__file__).resolve().parents[3] / "shared" / "books" / "11-0.txt"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importers"

CLIPPINGS = """\ufeffAlice's Adventures in Wonderland (Lewis Carroll)
- Your Highlight on page 1 | Location 12-13 | Added on Monday, March 2, 2020 11:48:08 PM

once or twice she had peeped into the book her sister was reading
==========
Alice's Adventures in Wonderland (Lewis Carroll)
- Your Note on page 1 | Location 13 | Added on Monday, March 2, 2020 11:49:08 PM

no pictures!
==========
Alice's Adventures in Wonderland (Lewis Carroll)
- Your Highlight on page 3 | Location 40-41 | Added on Monday, March 2, 2020 11:50:08 PM

This sentence is not in the book at all, whatever you try.
==========
Alice's Adventures in Wonderland (Lewis Carroll)
- 您在位置 #520-521的标注 | 添加于 2020年3月3日星期二 下午8:26:01

“Curiouser and curiouser!” cried Alice
==========
Through the Looking-Glass (Lewis Carroll)
- Your Highlight on page 3 | Location 40-41 | Added on Monday, March 2, 2020 11:50:08 PM

’Twas brillig, and the slithy toves
==========
"""


@pytest.fixture
def library(tmp_path: Path):
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def alice(tmp_path: Path, library: Library) -> Path:
    copy = tmp_path / "alice.txt"
    shutil.copyfile(ALICE, copy)
    record_opening(library, open_book(copy))
    return copy


def test_preview_then_one_transaction_then_nothing_twice(library: Library, alice: Path) -> None:
    parsed = parse_text(CLIPPINGS)
    before = library.annotations.for_book(alice)
    plan = plan_import(library, parsed)
    assert library.annotations.for_book(alice) == before  # the preview wrote nothing
    assert (plan.placed, plan.here, plan.unplaced) == (2, 0, 2)
    [found, missing] = plan.books
    assert found.path == alice and found.title == "Alice’s Adventures in Wonderland"
    assert missing.path is None and missing.title == "Through the Looking-Glass"
    commit_import(library.annotations, plan.changes())
    stored = {a.target.exact: a for a in library.annotations.for_book(alice)}
    placed = stored["once or twice she had peeped into the book her sister was reading"]
    assert placed.note == "no pictures!" and not placed.orphaned
    book = open_book(alice)
    section = book.section_text(placed.target.section)
    assert section[placed.target.start : placed.target.end] == placed.target.exact
    lost = stored["This sentence is not in the book at all, whatever you try."]
    assert lost.orphaned and lost.target.section == -1  # kept with its quote
    waiting = library.annotations.pending()
    assert [a.target.exact for _, a in waiting] == ["’Twas brillig, and the slithy toves"]
    again = plan_import(library, parsed)
    assert (again.placed, again.here, again.unplaced) == (0, 4, 0)
    assert not again.changes().changes


def test_a_highlight_made_in_readmark_counts_as_already_here(library: Library, alice: Path) -> None:
    first = plan_import(library, parse_text(CLIPPINGS))
    placed = [i for i in first.items if i.status is Status.PLACED][0].annotation
    library.annotations.add(alice, placed.edited(color="green"))  # as if made by hand
    second = plan_import(library, parse_text(CLIPPINGS))
    assert (second.placed, second.here) == (1, 1)


def test_undo_removes_the_whole_import_and_refuses_after_an_edit(
    library: Library, alice: Path
) -> None:
    plan = plan_import(library, parse_text(CLIPPINGS))
    done = commit_import(library.annotations, plan.changes())
    assert len(done) == 4 and done.books == {alice}
    undone = replay(library.annotations, done.inverse())
    assert library.annotations.for_book(alice) == [] and library.annotations.pending() == []
    replay(library.annotations, undone.inverse())  # redo
    assert len(library.annotations.for_book(alice)) == 3
    one = library.annotations.for_book(alice)[0]
    library.annotations.update(one.edited(note="changed since"))
    with pytest.raises(OperationError):
        replay(library.annotations, done.inverse())
    assert len(library.annotations.for_book(alice)) == 3  # nothing was undone


def test_a_book_opened_later_claims_what_waited_under_its_title(
    tmp_path: Path, library: Library
) -> None:
    plan = plan_import(library, parse_text(CLIPPINGS))
    assert plan.placed == 0 and plan.unplaced == 4
    commit_import(library.annotations, plan.changes())
    copy = tmp_path / "alice.txt"
    shutil.copyfile(ALICE, copy)
    opened = record_opening(library, open_book(copy))
    assert opened.claimed == 3


def test_calibre_marks_find_their_book_by_their_quotes(library: Library, alice: Path) -> None:
    plan = plan_import(library, read_marks(FIXTURES / "calibre_highlights.json"))
    assert [m.path for m in plan.books] == [alice]
    assert (plan.placed, plan.unplaced) == (2, 0)


def test_marks_wait_under_a_title_with_a_subtitle_and_an_edition(
    tmp_path: Path, library: Library
) -> None:
    clippings = CLIPPINGS.replace(
        "Alice's Adventures in Wonderland (Lewis Carroll)",
        "Alice's Adventures in Wonderland: The Millennium Fulcrum Edition (Kindle Edition) (Lewis Carroll)",
    )
    commit_import(library.annotations, plan_import(library, parse_text(clippings)).changes())
    copy = tmp_path / "alice.txt"
    shutil.copyfile(ALICE, copy)
    assert record_opening(library, open_book(copy)).claimed == 3
    assert [a.target.exact for _, a in library.annotations.pending()] == [
        "’Twas brillig, and the slithy toves"
    ]


def test_two_books_of_one_title_are_told_apart_by_author(tmp_path: Path, library: Library) -> None:
    for name, author in (("a.md", "Somebody Else"), ("b.md", "Lewis Carroll")):
        path = tmp_path / name
        path.write_text("# Alice's Adventures in Wonderland\n\nText.\n", encoding="utf-8")
        book = open_book(path)
        library.touch(book.path, book.content_id + name, "Alice's Adventures in Wonderland", author)
    plan = plan_import(library, parse_text(CLIPPINGS))
    assert plan.books[0].path == (tmp_path / "b.md").resolve()


def test_a_file_naming_no_book_is_not_written_without_its_book(library: Library) -> None:
    plan = plan_import(library, read_marks(FIXTURES / "calibre_highlights.json"))
    assert (plan.placed, plan.unplaced, plan.no_book) == (0, 0, 2)
    assert plan.changes().changes == ()


def test_the_open_book_takes_a_calibre_file_only_if_it_holds_its_quotes(
    tmp_path: Path, library: Library, alice: Path
) -> None:
    other = tmp_path / "other.md"
    other.write_text("# Another book\n\nNothing of Alice here.\n", encoding="utf-8")
    record_opening(library, open_book(other))
    marks = read_marks(FIXTURES / "calibre_highlights.json")
    assert [m.path for m in plan_import(library, marks, book_hint=other).books] == [alice]
    assert [m.path for m in plan_import(library, marks, book_hint=alice).books] == [alice]


def test_a_koreader_sidecar_finds_its_book_by_koreader_s_digest(
    tmp_path: Path, library: Library, alice: Path
) -> None:
    """The book is called something else here, and its title differs: the digest
    KOReader keeps of the file (`partial_md5_checksum`) still finds it."""
    from readmark.core.importers.koreader import partial_md5

    data = alice.read_bytes()
    samples = b"".join(data[at : at + 1024] for at in [0] + [1024 << (2 * i) for i in range(11)])
    import hashlib

    assert partial_md5(alice) == hashlib.md5(samples).hexdigest()
    sidecar = tmp_path / "renamed.sdr" / "metadata.txt.lua"
    sidecar.parent.mkdir()
    sidecar.write_text(
        "return {\n"
        '    ["annotations"] = {\n'
        '        [1] = { ["pos0"] = "/body/DocFragment[2]/body/p[1]/text().0",'
        ' ["pos1"] = "/body/DocFragment[2]/body/p[1]/text().40",'
        ' ["text"] = "Alice was beginning to get very tired", ["datetime"] = "2024-01-02 03:04:05" },\n'
        "    },\n"
        '    ["doc_props"] = { ["title"] = "Wonderland (my copy)" },\n'
        f'    ["partial_md5_checksum"] = "{partial_md5(alice)}",\n'
        "}\n",
        encoding="utf-8",
    )
    plan = plan_import(library, read_marks(sidecar))
    assert [m.path for m in plan.books] == [alice]
    assert plan.placed == 1
