"""A section's shown text made without all of its HTML (`Book.section_text`; for
Markdown, core/formats/markdown/text_path.py) is `html_to_text(section_html(i))`
byte for byte: on every book at hand in every format, the bench books, and
generated Markdown built to hit every condition the shortcuts step aside for."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.conftest import REPO, SHARED_BOOKS

from readmark.core.book import BookError, LoadOptions
from readmark.core.formats import open_book
from readmark.core.formats.markdown import text_path
from readmark.core.formats.markdown.render import MarkdownSectionRenderer
from readmark.core.html_text import html_to_text

SUFFIXES = {".md", ".markdown", ".txt", ".epub", ".html", ".htm", ".xhtml"}


def _bench_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_books", REPO / "bench" / "books.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _books_at_hand(tmp_path: Path) -> list[Path]:
    folders = [SHARED_BOOKS, REPO / "tests" / "fixtures", REPO / "tests" / "hostile"]
    found = [
        path
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix.lower() in SUFFIXES
    ]
    bench = _bench_module()
    for language in ("zh", "en"):
        path = tmp_path / f"bench-{language}.md"
        path.write_text(bench.generate(language, 1_000_000), encoding="utf-8")
        found.append(path)
    novel = tmp_path / "bench-novel.txt"
    novel.write_bytes(bench.generate_novel(300_000).encode("gb18030"))
    found.append(novel)
    assert len(found) > 100
    return found


def _assert_same(sources: list[str], what: str) -> int:
    """Every section's text both ways, repair on and off; how many took the shortcut."""
    shortened = 0
    for repair in (True, False):
        renderer = MarkdownSectionRenderer(sources, LoadOptions(repair=repair))
        other = renderer.clone()
        for index in range(len(sources)):
            expected = html_to_text(other.render(index))
            assert renderer.text(index) == expected, f"{what} section {index} (repair={repair})"
            shortened += bool(text_path.stand_in(sources[index])[1])
    return shortened


def test_every_book_at_hand_gives_the_same_text_without_its_html(tmp_path: Path) -> None:
    sections = markdown = shortened = 0
    for path in _books_at_hand(tmp_path):
        for repair in (True, False):
            try:
                book = open_book(path, LoadOptions(repair=repair))
                other = open_book(path, LoadOptions(repair=repair))
            except BookError:
                continue  # the hostile and broken samples a loader refuses
            for index in range(len(book.sections)):
                try:
                    expected = html_to_text(other.section_html(index))
                except BookError:
                    continue
                assert book.section_text(index) == expected, f"{path} {index} repair={repair}"
                sections += 1
            renderer = book.renderer
            if isinstance(renderer, MarkdownSectionRenderer):
                markdown += len(book.sections)
                shortened += sum(
                    bool(text_path.stand_in(renderer.source(i))[1])
                    for i in range(len(book.sections))
                )
    assert sections > 1000 and markdown > 300 and shortened > 100


def test_a_bench_chapter_takes_both_shortcuts(tmp_path: Path) -> None:
    bench = _bench_module()
    book_path = tmp_path / "zh.md"
    book_path.write_text(bench.generate("zh", 200_000, 3), encoding="utf-8")
    book = open_book(book_path)
    renderer = book.renderer
    assert isinstance(renderer, MarkdownSectionRenderer)
    source = renderer.source(2)
    shortened, runs = text_path.stand_in(source)
    assert runs and len(shortened) < len(source) / 2  # most paragraphs stood in for
    assert book.section_text(2) == html_to_text(book.section_html(2))


# Plain paragraphs (the shortcut's material) and everything it must step aside for.
_PLAIN = [
    "天下大势，分久必合，合久必分。",
    "Word and more words, then a stop.",
    "“引号”开头的段落。",
    "《书名》开头。",
    "第一章 …… 12",
    "A line\nand another line",
    "中文\n两行",
    "Trailing space \nthen more",
    "Spaced  out   words",
    "Full\u3000width\u3000spaces\u3000",
    "Ends with full width\u3000",
    "rmplainrun0x",
    "rmplainrun0x and more",
    # Emphasis alone: plain material too (its text is the block without asterisks).
    "Words *em* and more.",
    "中文*强调*中文。",
    "intra*word*emphasis and *two* *pairs*",
    "“*quoted*” and *中*",
    "Words _em_ and _two_ more.",
    "“_引_”，_中文_。",
    # Footnote references (numbered by their definitions, or kept as written where
    # none is defined) and strong emphasis: plain material too.
    "天下[^1]大势。",
    "Two[^1] refs[^2] here[^1].",
    "Undefined[^zz] reference.",
    "Adjacent[^1][^2] and[^2] [^zz] spaced.",
    "Bang![^1] and[^n-3]。",
    "中文**强调**中文。",
    "a **b** c **d**\nand **e** f",
    "*em*[^1] and *more*",
    "**强[^2]调**",
    "_em_[^1]",
    "Words**[^1]** around",
    "Words (in parentheses) and (more",
    "中文（全角）和(半角)。",
    "Unclosed ( and ) closed",
    # One-line headings and tight lists of plain content: plain material when the
    # blocks around them let them be (a list only after a plain block).
    "# 第一章 标题 {#第一章-标题}",
    "## Title[^1] {#t}",
    "### Title *em*",
    "# Trailing ",
    "## 1.1 Very Sense {#11-very-sense}",
    "# 1. Not a list",
    "### 2) *em* [^1]",
    "- item one\n- item two",
    "- 项目[^2]",
    "1. 一\n2. 二",
    "3. 三[^1] **强**",
]
_SPECIAL = [
    "*em*",
    "**strong**",
    "a * b * c",
    "a *b * c",
    "a * b* c",
    "2 * 3",
    "a ** b",
    "a *b\nc* d",
    "a ***b*** c",
    "a **b* c*",
    "a *b**c* d",
    "a *\u3000b* c",
    "a *b\u3000* c",
    "a *b*",
    "lone *star",
    "a _ b _ c",
    "a _b _ c",
    "snake_case_name",
    "中_文_字",
    "a __b__ c",
    "a _b\nc_ d",
    "x_y_ z",
    "a _b_c",
    "a *b* _c_",
    "lone _under",
    "_u_",
    "`code`",
    "[link](http://x.org)",
    "[^1]",
    "[^1]: the note",
    "[^2]: another note[^1]",
    "[^n-3]: a third",
    "[^zz x]",
    "a **b*",
    "a **b **c** d",
    "a ** b**",
    "**b** and *c*",
    "<b>raw</b>",
    # Inline tags that may stand beside the shortcut, and what may not.
    '<span id="page-3-0"></span>Figure 2: a plot',
    "note<sup>1</sup> here",
    "H<sub>2</sub>O",
    "<span>",
    "</sup>",
    "a < b and c<5",
    "<pre>",
    "</pre>",
    "<script>",
    "<type 'int'>",
    "<!-- comment -->",
    "<http://x.org>",
    '<span title="a>b">x</span>',
    "<span\nid=x>",
    "<spanner>",
    "<sup",
    "<div>",
    "</div>",
    "&amp;",
    "&copy;",
    "a & b",
    "(paren)",
    "Text[^1](x) more",
    "Text[^zz](http://x.org) more",
    "Ref[^1] (x) apart",
    "x](y",
    "[text](",
    "{: .c}",
    "# Heading",
    "- a\n  continued",
    "- a\nlazy line",
    "- a\n\n- b",
    "* star item",
    "+ plus item",
    "1) paren item",
    "1.  two spaces",
    "-  two spaces",
    "- ",
    "# Title #",
    "#NoSpace",
    "#  two spaces",
    "# a {#a_b}",
    "# a {.cls}",
    "# a {#x} {#y}",
    "####### seven",
    "- `code`",
    "- [link](x)",
    "# a\n- b",
    "text\n# a\n- b",
    "    indented after",
    "## 第二节",
    "> quote",
    "- item",
    "1. item",
    "    code",
    "```",
    "~~~",
    "| a | b |\n|---|---|\n| c | d |",
    ": definition",
    "   : definition",
    "\n: definition",
    "Term\n: definition",
    "---",
    "x\n===",
    "\ue004p3\ue005",
    "中文\ue0044\ue005中文",
    "line  \nbreak",
    "///Footnotes Go Here///",
    "\\*",
    "![i](p.png)",
    "<http://x.org>",
    "\t tab",
    "\x02stx\x03",
]
_SEPARATORS = ["\n\n", "\n\n", "\n\n\n", "\n", "\n\n\n\n", " "]

markdown_text = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(_PLAIN), st.sampled_from(_PLAIN), st.sampled_from(_SPECIAL)),
        st.sampled_from(_SEPARATORS),
    ),
    max_size=30,
).map(lambda pairs: "".join(piece + separator for piece, separator in pairs))

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(markdown_text, min_size=1, max_size=3))
def test_generated_markdown_gives_the_same_text_without_its_html(sources: list[str]) -> None:
    _assert_same(sources, repr(sources))


# Whole blocks, a blank line apart: what stands next to a heading or a list that
# stands in decides whether it may (a list beside a list, an indented block or a
# definition after one, a definition list's term).
_BLOCKS = [
    "天下大势，分久必合。",
    "Plain words[^1] here.",
    "中文**强调**。",
    "Words (aside) here[^2].",
    "See[^1](x).",
    "# 标题 {#标题}",
    "## Title[^2]",
    "## 1.2 Digits first {#12-digits}",
    "- one\n- two",
    "- 三[^1]",
    "1. 一\n2. 二",
    "7. seven",
    "- a\n  continued",
    "* star",
    "1) paren",
    "    indented",
    '<span id="page-9-1"></span>Figure 3: Caption.',
    "Text<sup>2</sup> more.",
    "<sup>3</sup> A note body.",
    "<pre>",
    "</pre>",
    "<div>",
    "</div>",
    "<style>",
    "</style>",
    "  two spaces",
    "[^1]: the note",
    "[^2]: a note\n\n    its second paragraph",
    "[x]: http://x.org",
    ": definition",
    "> quote",
    "---",
    "Term\n: definition",
    "",
    "**粗体**开头的段落。",
    "*斜体*开头，**再**。",
    "***三星***开头",
    "** 空格**",
    "**\n**",
    "*a\n* b",
    "**a**\n***",
    "text\n# h\n- item",
    "text\n---\n- x",
    "> quote\n- lazy",
    "\t- tabbed",
    "- a\n\n    indented item paragraph",
    "1.",
    "-",
]
block_sequences = st.lists(
    st.tuples(st.sampled_from(_BLOCKS), st.sampled_from(["\n\n", "\n\n", "\n\n\n", "\n"])),
    max_size=12,
).map(lambda pairs: "".join(block + separator for block, separator in pairs))


@SETTINGS
@given(st.lists(block_sequences, min_size=1, max_size=2))
@example(["a\n\n- item one\n- item two\n\n- b\n- c"])
@example(["a\n\n- x\n\n    indented after"])
@example(["a\n\n- x\n\n[^1]: n\n\n- y"])
@example(["# h\n\n- x\n\n* y"])
@example(["中文\n两行\n\n[^2]: note.\n\n\n: definition"])  # the note goes: a term a line
@example(["a\nb\n\n[^1]: n\n\n    more\n\n[x]: http://u\n\n: def"])
def test_headings_and_lists_beside_any_block_give_the_same_text(sources: list[str]) -> None:
    _assert_same(sources, repr(sources))


# Sections of nothing but paragraphs, headings, lists and notes of one line: their
# text is made without Python-Markdown (`text_path.text_of_stand_ins`), the notes
# numbered by their definitions.
_NOTES_AND_PROSE = [
    "天下[^1]大势，分久必合。",
    "Words[^2] and[^1] more[^zz].",
    "Plain words (aside).",
    "# 第一章 {#第一章}",
    "## 1.1 Title[^3]",
    "- one[^2]\n- two",
    "1. 一\n2. 二[^1]",
    "[^1]: The first note.",
    "[^2]: A second note[^1] citing the first.",
    "[^3]: **Strong** note.",
    "[^1]: The first note again.",
    "[^n-4]: 第四条注释。",
    "[^2]:  two spaces",
    "[^5]: 1997 opens with a digit",
    "**粗体**开头[^1]。",
    "*斜体*开头。",
    "**a** b\n**c** d",
    "- a\n- b",
    "3. c",
]
notes_and_prose = st.lists(st.sampled_from(_NOTES_AND_PROSE), min_size=1, max_size=10).map(
    "\n\n".join
)


@SETTINGS
@given(st.lists(notes_and_prose, min_size=1, max_size=2))
@example(["Words[^2] and[^1] more[^zz].\n\n[^2]: Two.\n\n[^1]: One."])
@example(["A[^1].\n\n[^1]: One.\n\n[^1]: Again."])
def test_notes_and_prose_give_the_same_text_without_python_markdown(sources: list[str]) -> None:
    _assert_same(sources, repr(sources))


def test_a_chapter_of_prose_and_notes_is_made_without_python_markdown() -> None:
    source = "# 标题 {#标题}\n\n天下[^b]大势[^a]。\n\n- 一\n- 二\n\n[^a]: 甲。\n\n[^b]: 乙[^a]。"
    shortened, runs = text_path.stand_in(source)
    text = text_path.text_of_stand_ins(shortened, runs)
    assert text == "标题\n\n天下2大势1。\n\n一\n二\n\n甲。\n\n乙1。\n"
    _assert_same([source], "prose and notes")


@SETTINGS
@given(st.lists(st.text(max_size=80), min_size=1, max_size=2))
def test_any_text_gives_the_same_text_without_its_html(sources: list[str]) -> None:
    _assert_same(sources, repr(sources))


def test_the_generated_markdown_reaches_the_shortcut() -> None:
    sources = ["天下大势。\n\n`code`\n\nWord and more.\n\nMore words.\n\n: definition"]
    shortened, runs = text_path.stand_in(sources[0])
    # Each run stands in, but the paragraph before a definition (its term) stays.
    assert runs == ["天下大势。", "Word and more."]
    assert shortened.endswith("rmplainrun1x\n\nMore words.\n\n: definition")
    _assert_same(sources, "definition after a run")


# Plain-text books: chapters, paragraphs, verse, scene breaks, and what makes the
# renderer write more (italics, footnote markers, page marks, control characters).
_TEXT_LINES = [
    "第一章 天下大势",
    "第二章",
    "CHAPTER I",
    "Chapter 2. The Return",
    "\u3000\u3000天下大势，分久必合，合久必分。",
    "天下大势，分久必合，",
    "合久必分。",
    "A line of running prose that goes on for a while and then stops.",
    "    indented verse line",
    "short",
    "* * *",
    "***",
    "",
    "",
    "_italic_ words",
    "a_b",
    "①",
    "[1] a note",
    "注①：说明",
    "- 41 -",
    "第 41 页",
    "\f",
    "\t tabbed",
    "\x01control",
    "a & b < c > d",
    "   ",
    "\u3000",
    "\ue004x\ue005",
]

text_book = st.lists(st.sampled_from(_TEXT_LINES), min_size=1, max_size=60).map("\n".join)


@SETTINGS
@given(text_book, st.booleans())
def test_generated_plain_text_gives_the_same_text_without_its_html(
    tmp_path_factory: pytest.TempPathFactory, content: str, repair: bool
) -> None:
    path = tmp_path_factory.mktemp("txt") / "book.txt"
    path.write_text(content, encoding="utf-8")
    try:
        book = open_book(path, LoadOptions(repair=repair))
    except BookError:
        return  # an empty book, refused
    other = open_book(path, LoadOptions(repair=repair))
    for index in range(len(book.sections)):
        assert book.section_text(index) == html_to_text(other.section_html(index)), index
