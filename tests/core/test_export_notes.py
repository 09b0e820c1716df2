"""Notes for Obsidian and Logseq: the first export, and a re-export into a note the
reader has edited, compared with golden files; Readwise CSV likewise.

Run with READMARK_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
change, and read the diff before committing it. The *edited* notes
(`notes/*_edited.md`) were written by hand as a reader would edit the first
export; they are inputs, never rewritten.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest
from test_export import FIXTURES, UPDATE, check_golden, fixed_annotations, target

from readmark.core.annotations import Annotation, Kind
from readmark.core.book import Book
from readmark.core.export import ExportError, read_note, write_export
from readmark.core.export.common import ExportedBook
from readmark.core.export.logseq import LOGSEQ
from readmark.core.export.notes import NoteOptions, update_note
from readmark.core.export.obsidian import OBSIDIAN
from readmark.core.export.readwise import export_readwise
from readmark.core.formats import open_book

NOTES = FIXTURES / "notes"
OPTIONS = NoteOptions(zone=UTC)


@pytest.fixture(scope="module")
def book() -> Book:
    return open_book(FIXTURES / "book.md")


@pytest.fixture(scope="module")
def exported(book: Book) -> ExportedBook:
    return replace(ExportedBook.from_book(book), isbn="9780000000002")


def changed_annotations(book: Book) -> list[Annotation]:
    """What the library holds at the re-export: #6 deleted, #1's note as in
    `fixed_annotations` (the edited note has an older one), a new #7 after #1."""
    kept = [a for a in fixed_annotations(book) if not a.id.endswith("6")]
    new = Annotation(
        Kind.HIGHLIGHT,
        target(book, 1, "past the school as well"),
        id="00000000000040008000000000000007",
        color="purple",
        note="New since the last export.",
        created=1_700_100_000.0,
    )
    return [*kept, new]


@pytest.mark.parametrize("flavour", [OBSIDIAN, LOGSEQ], ids=["obsidian", "logseq"])
def test_first_export_matches_golden(book: Book, exported: ExportedBook, flavour) -> None:
    text = update_note(flavour, None, exported, fixed_annotations(book), OPTIONS)
    check_golden(f"notes/{flavour.name}_first.md", text)
    assert update_note(flavour, text, exported, fixed_annotations(book), OPTIONS) == text


@pytest.mark.parametrize("flavour", [OBSIDIAN, LOGSEQ], ids=["obsidian", "logseq"])
def test_reexport_into_an_edited_note_matches_golden(
    book: Book, exported: ExportedBook, flavour
) -> None:
    edited = (NOTES / f"{flavour.name}_edited.md").read_text(encoding="utf-8")
    text = update_note(flavour, edited, exported, changed_annotations(book), OPTIONS)
    check_golden(f"notes/{flavour.name}_updated.md", text)
    # Every line the reader wrote is still there.
    own = "My own first block" if flavour is LOGSEQ else "My own introduction"
    for line in (
        own,
        "I moved this note above the highlight",
        "My words under a highlight that Readmark has since deleted.",
    ):
        assert any(line in kept for kept in text.splitlines()), line
    # Each annotation that is still there, once; the deleted one gone.
    items = flavour.parse(text).items
    blocks = [item.key for item in items if item.kind == "block" and item.certain]
    assert sorted(blocks) == sorted(flavour.key(a) for a in changed_annotations(book))
    assert "00000000000040008000000000000006" not in text.replace("-", "")
    assert update_note(flavour, text, exported, changed_annotations(book), OPTIONS) == text


def test_obsidian_update_keeps_the_readers_properties_and_order(
    book: Book, exported: ExportedBook
) -> None:
    edited = (NOTES / "obsidian_edited.md").read_text(encoding="utf-8")
    text = update_note(OBSIDIAN, edited, exported, changed_annotations(book), OPTIONS)
    front = text.split("---\n")[1]
    assert "# my reading list keeps these:" in front and "status: reading   # since March" in front
    assert "title: A Small Book of <Marks> & Notes" in front  # Readmark's keys brought up to date
    assert "author: Ada Example" in front and "isbn: '9780000000002'" in front
    assert front.count("readmark\n") == 1 and "- books" in front
    body = text.split("---\n", 2)[2]
    # The reader put the note (#4) before the highlight (#1): it stays so, and the new
    # highlight (#7) follows #1, its predecessor in reading order, after its free area.
    positions = [body.index(f"^rm-0000000000004000800000000000000{n}") for n in (4, 1, 7)]
    assert positions == sorted(positions)
    assert body.index("- and another, linked: [[Rivers]]") < positions[2]
    assert "> > Why **slowly**?" in body and "an old version of the note" not in body
    # The id line inside the reader's code block is theirs, and stays.
    assert "```\n^rm-00000000000040008000000000000002\na code block" in body


def test_deleted_annotations_can_be_marked_instead(book: Book, exported: ExportedBook) -> None:
    first = update_note(OBSIDIAN, None, exported, fixed_annotations(book), OPTIONS)
    marking = replace(OPTIONS, mark_deleted=True)
    kept = fixed_annotations(book)[1:]
    text = update_note(OBSIDIAN, first, exported, kept, marking)
    assert "> [!missing] Deleted in Readmark · Highlight · yellow" in text
    assert text.count("^rm-00000000000040008000000000000001") == 1
    assert update_note(OBSIDIAN, text, exported, kept, marking) == text
    logseq = update_note(LOGSEQ, None, exported, fixed_annotations(book), OPTIONS)
    logseq = update_note(LOGSEQ, logseq, exported, kept, marking)
    assert "  readmark:: Deleted in Readmark" in logseq
    assert logseq.count("id:: 00000000-0000-4000-8000-000000000001") == 1


def test_a_chapter_left_empty_loses_its_heading(book: Book, exported: ExportedBook) -> None:
    first = update_note(OBSIDIAN, None, exported, fixed_annotations(book), OPTIONS)
    without_beginning = [a for a in fixed_annotations(book) if a.kind is not Kind.BOOKMARK]
    text = update_note(OBSIDIAN, first, exported, without_beginning, OPTIONS)
    assert "## Beginning" not in text
    # …but not when the reader wrote under it.
    with_words = first.replace("## Beginning\n", "## Beginning\n\nMy words.\n")
    text = update_note(OBSIDIAN, with_words, exported, without_beginning, OPTIONS)
    assert "## Beginning\n\nMy words." in text


def test_a_link_back_is_added_in_one_place(book: Book, exported: ExportedBook) -> None:
    linked = replace(OPTIONS, link=lambda a: f"readmark://test/{a.id}")
    text = update_note(OBSIDIAN, None, exported, fixed_annotations(book)[:1], linked)
    assert "> [Open in Readmark](<readmark://test/00000000000040008000000000000001>)" in text
    text = update_note(LOGSEQ, None, exported, fixed_annotations(book)[:1], linked)
    assert "[Open in Readmark](readmark://test/00000000000040008000000000000001)" in text
    csv_text = export_readwise(exported, fixed_annotations(book)[:1], linked.link)
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[1][3] == "readmark://test/00000000000040008000000000000001"


def test_unparseable_front_matter_is_kept_as_written(book: Book, exported: ExportedBook) -> None:
    broken = "---\ntitle: [unclosed\n  : : :\n---\n\nMy text.\n"
    text = update_note(OBSIDIAN, broken, exported, fixed_annotations(book)[:1], OPTIONS)
    assert text.startswith("---\ntitle: [unclosed\n  : : :\n---\n\nMy text.\n")
    assert "^rm-00000000000040008000000000000001" in text


def test_readwise_csv_matches_golden(book: Book, exported: ExportedBook) -> None:
    text = export_readwise(exported, fixed_annotations(book))
    golden = NOTES / "readwise.csv"  # compared as bytes: rows end in CRLF, as RFC 4180 has it
    if UPDATE:
        golden.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == golden.read_bytes()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]
    assert [row["Location"] for row in rows] == ["1", "2", "3", "4", "5"]  # no bookmark
    assert rows[0]["Highlight"] == "The river ran slowly past the mill."
    assert rows[0]["Note"].startswith("Why **slowly**?")
    assert rows[1]["Highlight"].startswith("A note & ") and rows[1]["Note"] == ""
    assert rows[0]["Date"] == "2023-11-14 22:13:20"


def test_write_export_updates_an_existing_note(tmp_path: Path, book: Book, exported) -> None:
    path = tmp_path / "book.md"
    assert write_export(path, "md", exported, fixed_annotations(book), OPTIONS) is False
    path.write_text(path.read_text(encoding="utf-8") + "\nMy closing words.\n", encoding="utf-8")
    path.chmod(0o640)
    assert write_export(path, "md", exported, fixed_annotations(book), OPTIONS) is True
    assert path.read_text(encoding="utf-8").endswith("My closing words.\n")
    assert path.stat().st_mode & 0o777 == 0o640
    write_export(path, "md", exported, fixed_annotations(book), OPTIONS, overwrite=True)
    assert "My closing words." not in path.read_text(encoding="utf-8")


def test_a_note_that_is_not_text_is_left_alone(tmp_path: Path, book: Book, exported) -> None:
    path = tmp_path / "book.md"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(ExportError, match="not UTF-8"):
        write_export(path, "obsidian", exported, fixed_annotations(book), OPTIONS)
    assert path.read_bytes() == b"\xff\xfe\x00binary"
    folder = tmp_path / "folder.md"
    folder.mkdir()
    with pytest.raises(ExportError, match="cannot be updated"):
        read_note(folder)


def test_a_logseq_note_line_never_becomes_a_property_or_a_child(book: Book, exported) -> None:
    annotation = replace(
        fixed_annotations(book)[0], note="id:: not mine\n- a list item\n2. second\nplain"
    )
    text = update_note(LOGSEQ, None, exported, [annotation], OPTIONS)
    assert "  id\\:: not mine\n  \\- a list item\n  2\\. second\n  plain\n" in text
    [block] = [item for item in LOGSEQ.parse(text).items if item.kind == "block"]
    assert block.key == LOGSEQ.key(annotation) and block.free == []


def test_export_all_never_makes_a_folder_set_once(tmp_path: Path) -> None:
    from readmark.core.export.all_books import export_all

    gone = tmp_path / "unmounted" / "vault"
    with pytest.raises(ExportError, match="is not there"):
        export_all([], gone, "obsidian", OPTIONS, create=False)
    assert not gone.exists()
    assert export_all([], gone, "obsidian", OPTIONS).written == []  # the CLI's --folder: made
    assert gone.is_dir()
