"""Library.recent: the books to offer again, newest first, without the bundled guide."""

from __future__ import annotations

from pathlib import Path

from readmark import resources
from readmark.core.store.library import Library, ReadingPosition


def test_the_guides_in_both_languages_are_bundled() -> None:
    guides = resources.guide_books()
    assert {p.name for p in guides} == {"guide.en.md", "guide.zh.md"}
    assert all(p.is_absolute() and p.is_file() for p in guides)
    # As the window opens them: by resources.guide_book, then resolved.
    assert resources.guide_book("en").resolve() in guides
    assert resources.guide_book("zh_CN").resolve() in guides


def test_the_guide_is_remembered_but_not_listed_as_recent(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    guide = resources.guide_book("zh_CN").resolve()
    lib.touch(guide, "guide", "Readmark 指南", "")
    lib.save_position(guide, ReadingPosition(2, 40, "书签"))
    book = tmp_path / "book.md"
    lib.touch(book, "book", "A Book", "")
    lib.touch(resources.guide_book("en").resolve(), "guide-en", "The Readmark Guide", "")

    assert [r.title for r in lib.recent()] == ["A Book"]
    assert [r.title for r in lib.recent(1)] == ["A Book"]  # the limit counts listed books
    record = lib.get(guide)
    assert record is not None and record.position == ReadingPosition(2, 40, "书签")
    # A caller may still ask for everything, or leave out paths of its own.
    assert len(lib.recent(exclude=())) == 3
    assert [r.title for r in lib.recent(exclude=[book])] == [
        "The Readmark Guide",
        "Readmark 指南",
    ]
