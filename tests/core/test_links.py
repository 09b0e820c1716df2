"""readmark:// links: built and parsed back unchanged, whatever the text; damaged
links refused with a reason; found in a real library by content id or annotation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from readmark.core import links
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.store.library import Library

CONTENT_ID = "e052944652c702a5d4b49045b30ef25f77801195"

# Any text: CJK, emoji, newlines, NULs, the URL's own characters (& # = + % ? /).
any_text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list("&#=+%?/ \n\r\t:;'\"<>[]()")),
        st.sampled_from(list("春秋左传第一章「」、。")),
    ),
    max_size=120,
)


@given(
    quote=any_text,
    prefix=any_text,
    suffix=any_text,
    section=st.integers(0, 10_000),
    start=st.integers(0, 10**9),
)
@example(quote="a & b # c + d = e %20 f", prefix="\n\n", suffix="?x=1&y=2", section=0, start=0)
@example(quote="春秋左传\n第一章「子曰」", prefix="", suffix="", section=3, start=17)
@example(quote="", prefix="before ", suffix=" after", section=1, start=5)
@settings(max_examples=300, deadline=None)
def test_place_links_round_trip(
    quote: str, prefix: str, suffix: str, section: int, start: int
) -> None:
    target = TextTarget(section, start, start + len(quote), quote, prefix, suffix)
    link = links.place_link(CONTENT_ID, target)
    assert link.startswith("readmark://open?")
    assert link.isascii() and not any(c in link for c in " \n\r\t#")  # one token, no fragment
    assert links.parse(link) == links.PlaceLink(CONTENT_ID, target)


def test_a_long_selection_is_cut_and_names_where_it_starts() -> None:
    text = "x" * 10 + "word " * 200
    target = TextTarget.from_text(2, text, 10, len(text))
    parsed = links.parse(links.place_link(CONTENT_ID, target))
    assert isinstance(parsed, links.PlaceLink)
    assert parsed.target.exact == target.exact[: links.MAX_QUOTE]
    assert parsed.target.start == 10 and parsed.target.section == 2
    assert parsed.target.prefix == target.prefix
    assert parsed.target.suffix == target.exact[links.MAX_QUOTE :][:32]


def test_a_link_without_a_position_is_found_by_its_quote_alone() -> None:
    parsed = links.parse(f"readmark://open?book={CONTENT_ID}&quote=deliberately")
    assert parsed == links.PlaceLink(CONTENT_ID, TextTarget(-1, -1, -1, "deliberately"))


def test_plus_is_a_plus_and_the_scheme_any_case() -> None:
    parsed = links.parse(f"ReadMark://OPEN?book={CONTENT_ID}&quote=1+1%3D2")
    assert isinstance(parsed, links.PlaceLink)
    assert parsed.target.exact == "1+1=2"


@given(identifier=st.from_regex(r"[0-9a-f]{32}", fullmatch=True))
def test_annotation_links_round_trip(identifier: str) -> None:
    annotation = Annotation(Kind.HIGHLIGHT, TextTarget(0, 0, 1, "a"), id=identifier)
    link = links.annotation_link(CONTENT_ID, annotation)
    assert link == f"readmark://annotation/{identifier}"
    assert links.parse(link) == links.AnnotationLink(identifier)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/",
        "readmark:open?book=abc",  # no //
        "readmark://elsewhere?book=abc",
        "readmark://open?quote=x",  # no book
        "readmark://open?book=a%20b",  # not an id
        f"readmark://open?book={CONTENT_ID}&section=-1&start=0",
        f"readmark://open?book={CONTENT_ID}&section=1&start=12e3",
        f"readmark://open?book={CONTENT_ID}&section=%EF%BC%91&start=0",  # a full-width digit
        f"readmark://open?book={CONTENT_ID}&quote=%FF%FE",  # not UTF-8
        "readmark://annotation/",
        "readmark://annotation/a%2Fb",
        "readmark://open?book=" + "a" * 70_000,
    ],
)
def test_damaged_links_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(links.LinkError) as caught:
        links.parse(text)
    assert caught.value.template in (links.NOT_A_LINK, links.BAD_LINK)


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_parsing_anything_either_works_or_says_why(text: str) -> None:
    for candidate in (text, "readmark://open?" + text, "readmark://annotation/" + text):
        try:
            links.parse(candidate)
        except links.LinkError:
            pass


def test_links_are_found_in_a_real_library(tmp_path: Path) -> None:
    book = tmp_path / "walden.md"
    book.write_text("# Walden\n\nI went to the woods.\n", encoding="utf-8")
    library = Library(tmp_path / "library.sqlite3")
    try:
        library.touch(book, CONTENT_ID, "Walden", "Thoreau")
        highlight = Annotation(Kind.HIGHLIGHT, TextTarget(0, 0, 6, "I went", "", " to"))
        library.annotations.add(book, highlight)

        place = links.parse(links.place_link(CONTENT_ID, highlight.target))
        assert links.locate(library, place) == (book, highlight.target)
        by_id = links.parse(links.annotation_link(CONTENT_ID, highlight))
        assert links.locate(library, by_id) == (book, highlight.target)

        assert links.locate(library, links.PlaceLink("0" * 40, highlight.target)) is None
        assert links.locate(library, links.AnnotationLink("f" * 32)) is None
    finally:
        library.close()
