"""The faster Markdown splitter cuts every book exactly as the one before it did:
the same section sources, sections (titles, anchors) and contents — what
the reader shows and where annotations anchor.

The reference is the splitter as it was (tests/core/markdown_split_reference.py),
run over every Markdown book we have (../shared/books, the repair corpus, the
fixtures), a 1 MB book made the way bench/repair_open.py makes its 10 MB one,
and hypothesis' texts built from the lines the grammar treats specially.
"""

from __future__ import annotations

from pathlib import Path

import markdown_split_reference as reference
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from readmark.core.book import BookError
from readmark.core.formats.markdown import loader
from readmark.core.formats.markdown.loader import PART_CHARS, split_markdown
from readmark.core.metadata import split_front_matter
from readmark.core.textio import read_text

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures"
# Beside the clone, or beside its parent for a worktree (as tests/conftest.py looks).
SHARED_BOOKS = next(
    (
        p
        for p in (TESTS.parents[1] / "shared" / "books", TESTS.parents[2] / "shared" / "books")
        if p.is_dir()
    ),
    TESTS.parents[1] / "shared" / "books",
)
CORPUS = FIXTURES / "repair_corpus"


def _opens(path: Path) -> bool:
    """Fixtures of files that must not open (a ZIP named .md…) have nothing to split."""
    try:
        read_text(path)
    except BookError:
        return False
    return True


def _markdown_books() -> list[Path]:
    found = sorted(FIXTURES.rglob("*.md")) + sorted(SHARED_BOOKS.glob("*.md"))
    return [p for p in found if (p.name != "README.md" or p.parent != SHARED_BOOKS) and _opens(p)]


def _same_split(text: str, start: int = 0) -> None:
    expected = reference.split_markdown(text, start)
    got = split_markdown(text, start)
    assert got[0] == expected[0]  # the sources, as the renderer converts them
    # Sections: titles and anchors as before; a size is now the length of the book's
    # text the section holds (what reading progress weighs), no longer its source's.
    assert [(s.index, s.title, s.anchors) for s in got[1]] == [
        (s.index, s.title, s.anchors) for s in expected[1]
    ]
    assert all(s.size >= 0 for s in got[1]) and sum(s.size for s in got[1]) <= len(text) - start
    assert got[2] == expected[2]  # the nested contents, anchors included


def test_every_markdown_book_we_have_is_among_them() -> None:
    books = _markdown_books()
    names = {p.name for p in books}
    assert "Enchiridion of Epictetus.md" in names  # ../shared/books
    assert "en_marker_think_python_notes_figures.md" in names  # the repair corpus
    assert len(books) > 50


@pytest.mark.parametrize("path", _markdown_books(), ids=lambda p: p.parent.name + "/" + p.name)
def test_a_real_book_is_split_as_before(path: Path) -> None:
    text = read_text(path).text
    # As build_book does: from where the metadata block ends, and from the top.
    _same_split(text, split_front_matter(text).end)
    _same_split(text)


@pytest.mark.slow
def test_a_big_converted_book_is_split_as_before() -> None:
    """bench/repair_open.py's book, 1 MB of it: thousands of repeated headings."""
    parts = [
        (CORPUS / name).read_text(encoding="utf-8")
        for name in (
            "en_marker_think_python_notes_figures.md",
            "en_nougat_absolute_position_embeddings.md",
            "zh_mineru_research_report.md",
        )
    ]
    chapters, total, n = [], 0, 0
    while total < 1_000_000:
        chapters.append(f"# Chapter {n + 1}\n\n{parts[n % 3]}\n")
        total += len(chapters[-1])
        n += 1
    _same_split("".join(chapters))


# fmt: off
_LINES = [
    "", "", " ", "\u3000", "\x0c", "text", "  indented", "    code", "\tcode", "- item", "> q",
    "# H", "#", "## Sub {#sid}", "#######", "# H #", "# Author: A", "Title", "Title {#t}",
    "===", "---", "=", "--- ", "- - -", "```", "~~~", "````", "```py", "``` ", "  ```",
    "[^1]: note", "   [^a]: note", "    [^c]: code", "[^1]:", "see [^1] and [^a]", "[^x]",
    "   # Indented", "  ## C#", "# T #", "   ~~~", "`````", "```a`b", "~~~ x y",
    "  ---", "   ===", "---\t", "1) x", "2. y", "-", "+ z", "[^]: empty",
    "# C#", "# C\\#", "# a {b", "# a } {c", "# x {: #explicit .cls}", "## H ##  ", "#H",
    "# _edge_", "# __", "# **Bold** and `code`", "# <span>html</span>", "# a &amp; b",
    "# Chapter 1", "# Chapter 1", "## 1.1", "### Deep", "#### Deeper", "第一章", "# 分析",
    "Setext {#s}", "Setext }{", "# H {#dup}", "# H {#dup}", "# section", "# Section",
    "# -_- x", "# ##", "  # x #  ",
    # Headings the scan reads at once (plain titles), and their near misses.
    "#\tTab title", "# 增持 （维持）  ", "# a  b\t c", "## Author: Someone", "# x:y",
    "# \u3000全角", "# 题\u3000", "###### six", "####### seven", "# !?", "#  ", "# a\r",
]
# fmt: on


@given(
    lines=st.lists(st.sampled_from(_LINES), max_size=60),
    final_newline=st.booleans(),
    skip=st.integers(min_value=0, max_value=5),
)
@example(lines=["# A", "[^1]: note", "# B", "see [^1]"], final_newline=True, skip=0)
@example(
    lines=["Title", "===", "# B", "```", "# hidden", "```", "# B"], final_newline=False, skip=1
)
@example(lines=["# x {: #explicit .cls}", "# C#", "# C#"], final_newline=True, skip=0)
def test_any_text_is_split_as_before(lines: list[str], final_newline: bool, skip: int) -> None:
    body = "\n".join(lines) + ("\n" if final_newline else "")
    _same_split(body)
    # From the start of a later line, as after a metadata block.
    start = 0
    for line in lines[:skip]:
        start = min(start + len(line) + 1, len(body))
    _same_split(body, start)


@given(st.text(alphabet=st.sampled_from(list("#=-`~[]^:{}_* \n\tab中\u3000")), max_size=300))
def test_any_characters_are_split_as_before(text: str) -> None:
    _same_split(text)


def test_a_section_longer_than_a_part_is_cut_as_before() -> None:
    paragraph = "word " * 200 + "\n\n"
    text = "# One\n\n" + paragraph * 800 + "```\n# not a heading\n" + "code\n" * 3000 + "```\n"
    text += "# Two\n\n" + "x" * 300_000 + "\n"
    _same_split(text)


@pytest.mark.slow
def test_a_big_converted_book_without_chapters_is_cut_as_before() -> None:
    """A converted book whose headings were lost: one section of 1 MB, cut into parts
    at blank lines outside its fenced code."""
    parts = [
        (CORPUS / name).read_text(encoding="utf-8")
        for name in ("en_marker_think_python_notes_figures.md", "zh_mineru_research_report.md")
    ]
    text = "".join(parts * 80).replace("\n#", "\nHeading ")
    assert len(text) > 16 * PART_CHARS
    _same_split(text)


# Lines to cut at and not to: blank ones (white space of any kind), fences, long text.
_PART_LINES = ["", " ", "\u3000", "\t\x0c", "word " * 4, "x" * 50, "```", "~~~", "# H", "- - -"]


@given(
    lines=st.lists(st.sampled_from(_PART_LINES), max_size=120),
    final_newline=st.booleans(),
    part=st.integers(min_value=8, max_value=90),
)
def test_any_long_section_is_cut_as_before(
    lines: list[str], final_newline: bool, part: int
) -> None:
    """With parts a few lines long, so that hypothesis' texts are cut many times."""
    body = "\n".join(lines) + ("\n" if final_newline else "")
    with pytest.MonkeyPatch.context() as patch:
        for module in (loader, reference):
            patch.setattr(module, "PART_CHARS", part)
            patch.setattr(module, "HARD_PART_CHARS", 2 * part)
        _same_split(body)


def test_opening_a_book_leaves_the_cycle_collector_as_it_was(tmp_path: Path) -> None:
    """The split pauses the collector (it makes no garbage); it must come back on,
    and stay off for a program that had turned it off."""
    import gc

    from readmark.core.formats import open_book

    path = tmp_path / "book.md"
    path.write_text("# One\n\nText.\n\n# Two\n\nMore.\n", encoding="utf-8")
    assert gc.isenabled()
    assert len(open_book(path).sections) == 2
    assert gc.isenabled()
    gc.disable()
    try:
        open_book(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


@given(
    st.one_of(
        st.text(),
        st.text(alphabet=st.sampled_from(list("aZ9 _-\t\u3000中İßǅ١\u0307é.#")), max_size=30),
    )
)
@example("Chapter 1")
@example("  two  spaces ")
@example("İstanbul")
@example("_edge_")
@example("")
def test_a_slug_is_python_markdowns(title: str) -> None:
    """Heading ids are Python-Markdown's unicode slugs (less edge underscores)."""
    import re

    from markdown.extensions.toc import slugify_unicode

    from readmark.core.formats.markdown.heading_ids import slug as _slug

    expected = re.sub(r"(?:^|(?<=-))_+|_+(?=-|$)", "", slugify_unicode(title, "-"))
    assert _slug(title) == (expected or "section")


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Intro", "intro", "Intro 1", "Notes", "注释", "a_b", "A-b", "x"]),
            st.sampled_from(["", "intro", "intro-1", "intro-2", "notes-1", "a-b", "x"]),
        ),
        max_size=40,
    )
)
def test_heading_ids_are_given_as_before(headings: list[tuple[str, str]]) -> None:
    """Repeated titles (`Notes`, `注释` in every chapter) and ids written in the book:
    the same ids as the reference gives, the plain-text loader's headings too."""
    from readmark.core.formats.markdown.heading_ids import Heading
    from readmark.core.formats.markdown.heading_ids import assign_anchors as _assign_anchors

    ours = [Heading(k, k, 1, title, own, bool(own)) for k, (title, own) in enumerate(headings)]
    theirs = [
        reference.Heading(k, k, 1, title, own, bool(own)) for k, (title, own) in enumerate(headings)
    ]
    _assign_anchors(ours)
    reference._assign_anchors(theirs)
    assert [h.anchor for h in ours] == [h.anchor for h in theirs]
