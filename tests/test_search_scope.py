"""Which books a library search looks in (core/search/scope.py): a collection, a
language by its tag or a broader one, both, and what a library offers to choose."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.search.scope import Scope, books_in, choices, primary_language
from readmark.core.store.catalog import BookFile
from readmark.core.store.library import Library

TAGS = {"a": "zh-Hans", "b": "zh_TW", "c": "en", "d": "en-GB", "e": "", "f": "la"}


def _library(tmp_path: Path) -> Library:
    library = Library(tmp_path / "library.sqlite3")
    library.catalog.record(
        [
            BookFile(tmp_path / f"{name}.md", f"{n:040x}", name, "", "markdown", tag, 1, 0.0)
            for n, (name, tag) in enumerate(TAGS.items())
        ]
    )
    library.catalog.create_collection("Classics")
    library.catalog.add_to_collection([tmp_path / "a.md", tmp_path / "c.md"], "Classics")
    return library


def _names(paths: list[str] | None) -> set[str] | None:
    return None if paths is None else {Path(p).stem for p in paths}


def test_collection_language_and_both(tmp_path: Path) -> None:
    library = _library(tmp_path)
    assert _names(books_in(library, Scope())) == set(TAGS)
    assert _names(books_in(library, Scope("classics"))) == {"a", "c"}  # any case
    assert _names(books_in(library, Scope(language="zh"))) == {"a", "b"}  # zh_TW too
    assert _names(books_in(library, Scope(language="zh-hant"))) == set()
    assert _names(books_in(library, Scope(language="EN"))) == {"c", "d"}
    assert _names(books_in(library, Scope(language="en-GB"))) == {"d"}
    assert _names(books_in(library, Scope("Classics", "zh"))) == {"a"}
    assert books_in(library, Scope("Gone")) is None  # said, not an empty search
    library.close()


def test_what_a_library_offers(tmp_path: Path) -> None:
    library = _library(tmp_path)
    offered = choices(library)
    assert offered.collections == ("Classics",)
    assert offered.languages == ("en", "la", "zh")  # primary tags, no empty one
    library.close()


@settings(max_examples=200)
@given(st.text(max_size=20))
def test_any_tag_has_a_primary_language(tag: str) -> None:
    primary = primary_language(tag)
    assert "-" not in primary and "_" not in primary and primary == primary.casefold()
    assert primary_language(primary) == primary
