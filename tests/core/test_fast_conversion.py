"""The shortcuts of Markdown conversion give the same HTML and text as the plain way.

`MarkdownSectionRenderer(fast=False)` converts with Python-Markdown's own stages and
`html.parser` alone; the default takes the shortcuts (core/formats/markdown/fast_inline.py,
fast_blocks.py, core/html_simple.py, the screening of cjk_punctuation). Both must
give the same section HTML and text byte for byte: on every book at hand (the shared
real books, the fixtures, the hostile samples, the bench books) and on generated
Markdown that mixes everything the shortcuts must step aside for.
"""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import REPO, SHARED_BOOKS

from readmark.core.book import BookError, LoadOptions
from readmark.core.formats import open_book
from readmark.core.formats.markdown.render import MarkdownSectionRenderer
from readmark.core.html_sanitize import sanitize_html
from readmark.core.html_simple import is_simple_html
from readmark.core.html_text import html_to_text

BOOK_SUFFIXES = {".md", ".markdown", ".txt", ".epub", ".html", ".htm", ".xhtml"}


def _bench_books(folder: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location("bench_books", REPO / "bench" / "books.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    paths = []
    for language in ("zh", "en"):
        path = folder / f"bench-{language}.md"
        path.write_text(module.generate(language, 200_000, 7), encoding="utf-8")
        paths.append(path)
    return paths


def _books_at_hand() -> list[Path]:
    folders = [SHARED_BOOKS, REPO / "tests" / "fixtures", REPO / "tests" / "hostile"]
    found = [
        path
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix.lower() in BOOK_SUFFIXES
    ]
    assert len(found) > 100  # the shared books, the fixtures and the hostile samples
    return found


def _assert_same_both_ways(sources: list[str], what: str) -> int:
    """Renders every section both ways (repair on and off); returns how many."""
    count = 0
    for repair in (True, False):
        options = LoadOptions(repair=repair)
        fast = MarkdownSectionRenderer(sources, options)
        plain = MarkdownSectionRenderer(sources, options, fast=False)
        for index in range(len(sources)):
            html = plain.render(index)
            assert fast.render(index) == html, f"{what} section {index} (repair={repair})"
            text = html_to_text(html, simple=False)
            assert html_to_text(html) == text, f"{what} section {index} text"
            count += 1
    return count


def test_every_book_at_hand_converts_the_same_both_ways(tmp_path: Path) -> None:
    markdown_sections = other_sections = 0
    for path in [*_books_at_hand(), *_bench_books(tmp_path)]:
        try:
            book = open_book(path)
        except BookError:
            continue  # the hostile and broken samples a loader refuses
        renderer = book.renderer
        if isinstance(renderer, MarkdownSectionRenderer):
            sources = [renderer.source(i) for i in range(renderer.section_count)]
            markdown_sections += _assert_same_both_ways(sources, str(path))
        for index in range(len(book.sections)):  # every format's HTML, to text
            html = book.section_html(index)
            assert html_to_text(html) == html_to_text(html, simple=False), f"{path} {index}"
            other_sections += 1
    assert markdown_sections > 300 and other_sections > 500


def test_every_epub_chapter_at_hand_is_sanitised_the_same_both_ways() -> None:
    chapters = 0
    for path in _books_at_hand():
        if path.suffix != ".epub" or not zipfile.is_zipfile(path):
            continue
        try:
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.endswith((".xhtml", ".html", ".htm"))]
                documents = [archive.read(n)[:2_000_000].decode("utf-8", "replace") for n in names]
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError):
            continue  # encrypted, truncated, lying about its sizes
        for document in documents:
            body = document.partition("<body")[2].partition(">")[2] or document
            for markup in (document, body):
                assert sanitize_html(markup) == sanitize_html(markup, simple=False), path
            chapters += 1
    assert chapters > 10


# Pieces of Markdown that every shortcut must step aside for, and text around them.
_PIECES = [
    "word",
    "Word",
    "words and more",
    "中文",
    "汉字测试",
    "かな",
    "ｶﾅ",
    "한글",
    "1",
    "42",
    ",",
    ":",
    ";",
    "?",
    "!",
    ".",
    "，",
    "。",
    "、",
    "(",
    ")",
    "（注）",
    "(注)",
    "(note)",
    "“",
    "”",
    "‘",
    "’",
    "「",
    "」",
    "《",
    "》",
    "…",
    "⋯",
    "—",
    "\ue004",
    "\ue005",
    "\ue004p. 3\ue005",
    "*",
    "**",
    "***",
    "_",
    "__",
    "`",
    "``",
    "\\",
    "\\*",
    "\\[",
    "[",
    "]",
    "[x]",
    "[^1]",
    "[^1]: the note",
    "[a](http://x.org)",
    "[a]: http://x.org",
    "![i](p.png)",
    "![i][a]",
    "[a][b]",
    "<http://x.org/a>",
    "<a@b.org>",
    "www.x.org",
    "mailto:a@b.org",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    '<div class="x">',
    "<!-- c -->",
    "<p>",
    "<script>alert(1)</script>",
    '<a href="javascript:x">',
    '<img src="http://x/i.png">',
    "&amp;",
    "&copy;",
    "&#123;",
    "&#x4e2d;",
    "&",
    "&nbsp;",
    "<",
    ">",
    '"',
    "'",
    "# ",
    "## ",
    "> ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "    ",
    "\t",
    "|",
    "| a | b |",
    "|---|---|",
    "---",
    "***",
    "===",
    ": ",
    "Term\n: def",
    "{: .c}",
    "{#id}",
    "```",
    "~~~",
    "  \n",
    "\u3000",
    " ",
    "=",
    "~",
    "^",
    "$^{1}$",
    "¹",
    "<sup>①</sup>",
    "①",
    "_word_",
    "*word*",
    "**strong**",
    "__strong__",
    "`code`",
    "a | b\n--|--\nc | d",
    "Term\n:   def",
    "x\n===",
    "x\n---",
    "中文,中文",
    "中文(注)",
    "中文”,",
    "—,",
    "…\ue004p. 3\ue005?",
    "1) one",
    "2. two",
]
_SEPARATORS = ["", " ", "\n", "\n\n", "  \n", "\n\n\n"]

markdown_text = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=40
).map(lambda pairs: "".join(piece + sep for piece, sep in pairs))

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.lists(markdown_text, min_size=1, max_size=3))
def test_generated_markdown_converts_the_same_both_ways(sources: list[str]) -> None:
    _assert_same_both_ways(sources, repr(sources))


_HTML_PIECES = [
    "text",
    "中文",
    " ",
    "\n",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&#8617;",
    "&copy",
    "&",
    "<",
    ">",
    "<p>",
    "</p>",
    '<p align="justify">',
    '<a href="#fn:1" class="footnote-ref">',
    '<a name="x">',
    "</a>",
    "<br>",
    "<br />",
    '<img alt="a &amp; b" src="p.png" />',
    '<img src="https://x/i.png">',
    '<a href="javascript:alert(1)">',
    '<a href="java&#115;cript:x">',
    '<span onclick="x">',
    "</span>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!-- c -->",
    "<!doctype html>",
    "<?xml?>",
    "<P>",
    "</P>",
    "<p class='x'>",
    "<p class=x>",
    '<div id="a" title="t">',
    "</div>",
    "<pre>",
    "</pre>",
    "<li>",
    "</li>",
    "<td>",
    "<tr>",
    "<table>",
    "</table>",
    "<hr>",
    "<iframe>",
    "</iframe>",
    "<sup>",
    "</sup>",
    "</br>",
    '<a href="#x" class="footnote-backref">↩</a>',
    "<textarea>",
    "<title>",
    "\ue004",
    "\x00",
]


@FAST
@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=40).map("".join))
def test_generated_html_is_sanitised_and_read_the_same_both_ways(markup: str) -> None:
    assert sanitize_html(markup) == sanitize_html(markup, simple=False)
    assert html_to_text(markup) == html_to_text(markup, simple=False)
    clean = sanitize_html(markup)
    assert html_to_text(clean) == html_to_text(clean, simple=False)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_bench_chapter_takes_the_shortcuts(tmp_path: Path, language: str) -> None:
    """The generated books are what the shortcuts are for: the same HTML both ways
    (above), and the simple-HTML path taken for all of it (none falls back)."""
    path = _bench_books(tmp_path)[0 if language == "zh" else 1]
    book = open_book(path)
    for index in range(len(book.sections)):
        assert is_simple_html(book.section_html(index))


@FAST
@given(st.text(alphabet="ab \t\n\r\f", max_size=60))
def test_whitespace_in_text_collapses_to_one_space(text: str) -> None:
    # html_to_text replaces only the runs that change (not each single space by itself).
    expected = " ".join(text.split()) + "\n" if text.split() else ""
    assert html_to_text(f"<p>{text}</p>") == expected
    assert html_to_text(f"<p>{text}</p>", simple=False) == expected
