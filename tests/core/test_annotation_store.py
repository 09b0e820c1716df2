"""Annotations in a real SQLite file: committed, read back, updated, deleted."""

from pathlib import Path

import pytest

from readmark.core.annotations import Annotation, Kind, Style, TextTarget
from readmark.core.store.errors import AnnotationNotFoundError, NotInLibraryError
from readmark.core.store.library import Library


@pytest.fixture
def library(tmp_path: Path):
    lib = Library(tmp_path / "lib.sqlite3")
    lib.touch(tmp_path / "book.md", "content", "Book", "")
    yield lib
    lib.close()


def _highlight(section: int = 0, start: int = 5, text: str = "0123456789abcdefghij") -> Annotation:
    return Annotation(Kind.HIGHLIGHT, TextTarget.from_text(section, text, start, start + 5))


def test_target_from_text_keeps_context() -> None:
    text = "x" * 40 + "QUOTE" + "y" * 40
    target = TextTarget.from_text(2, text, 40, 45)
    assert (target.exact, target.prefix, target.suffix) == ("QUOTE", "x" * 32, "y" * 32)


def test_add_is_committed_and_read_back(library: Library, tmp_path: Path) -> None:
    note = Annotation(Kind.NOTE, TextTarget(1, 3, 3, "", "ab", "cd"), note="**why** this")
    added = library.annotations.add(tmp_path / "book.md", _highlight())
    library.annotations.add(tmp_path / "book.md", note)
    again = Library(tmp_path / "lib.sqlite3")  # a second connection sees committed rows
    stored = again.annotations.for_book(tmp_path / "book.md")
    assert [a.id for a in stored] == [added.id, note.id]  # reading order
    assert stored[1] == note
    again.close()


def test_update_and_delete_return_what_changed(library: Library, tmp_path: Path) -> None:
    book = tmp_path / "book.md"
    added = library.annotations.add(book, _highlight())
    changed = added.edited(color="blue", style=Style.UNDERLINE, note="n")
    library.annotations.update(changed)
    assert library.annotations.get(added.id).color == "blue"
    assert changed.modified >= added.modified
    removed = library.annotations.delete(added.id)
    assert removed == changed
    assert library.annotations.for_book(book) == []
    library.annotations.add(book, removed)  # undo puts back the same annotation
    assert library.annotations.for_book(book) == [removed]


def test_unknown_book_is_an_error_not_a_silent_drop(library: Library, tmp_path: Path) -> None:
    never_opened = tmp_path / "never-opened.md"
    with pytest.raises(NotInLibraryError, match="not in the library") as raised:
        library.annotations.add(never_opened, _highlight())
    assert raised.value.book_path == never_opened
    for read in (library.annotations.for_book, library.annotations.anchored_to):
        with pytest.raises(NotInLibraryError):
            read(never_opened)


def test_unknown_annotation_is_an_error(library: Library, tmp_path: Path) -> None:
    ghost = _highlight()  # never added
    with pytest.raises(AnnotationNotFoundError) as raised:
        library.annotations.update(ghost)
    assert raised.value.annotation_id == ghost.id
    with pytest.raises(AnnotationNotFoundError, match=ghost.id):
        library.annotations.delete(ghost.id)
    assert library.annotations.get(ghost.id) is None  # a lookup, not an error


def test_moved_book_keeps_its_annotations(library: Library, tmp_path: Path) -> None:
    added = library.annotations.add(tmp_path / "book.md", _highlight())
    moved = tmp_path / "elsewhere" / "renamed.md"  # book.md itself no longer exists
    library.touch(moved, "content", "Book", "")
    assert library.annotations.for_book(moved) == [added]


def test_every_change_is_numbered_and_deletions_are_remembered(
    library: Library, tmp_path: Path
) -> None:
    book = tmp_path / "book.md"
    store = library.annotations
    first, second = _highlight(start=1), _highlight(start=9)
    store.apply(book, [(None, first), (None, second)])
    start = store.change_count()
    assert start >= 2
    assert store.changed_since(start) == ([], {})
    store.update(first.edited(note="again"))
    store.delete(second.id)
    changed, deleted = store.changed_since(start)
    assert [(s.annotation.id, s.annotation.note, s.book_path) for s in changed] == [
        (first.id, "again", book)
    ]
    assert list(deleted) == [second.id] and list(store.deletions()) == [second.id]
    # Another connection (the window while `readmark sync` runs) sees the same.
    other = Library(tmp_path / "lib.sqlite3")
    assert other.annotations.change_count() == store.change_count() > start
    other.close()
    # Made again (an undo): no longer deleted, and changed once more.
    store.add(book, second)
    assert store.deletions() == {}
    assert {s.annotation.id for s in store.changed_since(start)[0]} == {first.id, second.id}
    assert [s.annotation.id for s in store.stored([second.id, "unknown"])] == [second.id]
