from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest

from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
from readmark.core.formats.markdown import render as markdown_render
from readmark.core.formats.markdown.render import MarkdownSectionRenderer
from readmark.core.html_text import html_to_text


def render(source: str, repair: bool = False) -> str:
    return MarkdownSectionRenderer([source], LoadOptions(repair=repair)).render(0)


def test_extensions_are_enabled() -> None:
    html = render(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "```python\ncode()\n```\n\n"
        "Term\n:   Definition\n\n"
        "Text[^n].\n\n[^n]: The note.\n\n"
        "{: .lead }\nAttr para.\n"
    )
    assert "<table>" in html and "<td>1</td>" in html
    assert "<pre><code" in html and "code()" in html
    assert "<dl>" in html and "<dd>" in html
    assert 'class="footnote"' in html and "The note." in html


def test_sane_lists_do_not_mix_list_types() -> None:
    html = render("1. one\n2. two\n\n* star\n")
    assert html.count("<ol>") == 1 and html.count("<ul>") == 1


def test_paragraphs_are_justified_for_qt() -> None:
    html = render("One.\n\nTwo.\n")
    assert html.count('<p align="justify">') == 2


def test_cjk_books_are_justified_latin_books_ragged(tmp_path: Path) -> None:
    chinese = tmp_path / "zh.md"
    chinese.write_text("# 第一章\n\n这是一个中文段落，用来检查两端对齐。\n", encoding="utf-8")
    english = tmp_path / "en.md"
    english.write_text("# One\n\nAn English paragraph, left ragged.\n", encoding="utf-8")
    assert '<p align="justify">' in open_book(chinese).section_html(0)
    html = open_book(english).section_html(0)
    assert "<p>An English paragraph" in html and "justify" not in html


def test_every_id_gets_a_named_anchor() -> None:
    html = render("# Title {#t}\n\nText[^1].\n\n[^1]: Note.\n")
    assert '<h1 id="t"><a name="t"></a>Title</h1>' in html
    assert '<a name="fnref:1"></a>' in html
    assert '<li id="fn:1"><a name="fn:1"></a>' in html
    # no <a name> nested inside an <a>
    assert '<a class="footnote-ref" href="#fn:1"><a' not in html


def count_markdowns_made(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """One entry per Markdown instance the renderers build (`new_markdown` calls)."""
    made: list[bool] = []
    real = markdown_render.new_markdown

    def counting(justify: bool = True, fast: bool = True) -> markdown.Markdown:
        made.append(justify)
        return real(justify, fast)

    monkeypatch.setattr(markdown_render, "new_markdown", counting)
    return made


def test_renderer_is_reused_and_reset(monkeypatch: pytest.MonkeyPatch) -> None:
    made = count_markdowns_made(monkeypatch)
    renderer = MarkdownSectionRenderer(
        ["A[^x].\n\n[^x]: first note\n", "B[^x].\n\n[^x]: second note\n"],
        LoadOptions(repair=False),
    )
    first, second = renderer.render(0), renderer.render(1)
    assert len(made) == 1  # one Markdown instance for every section: building one is costly
    assert "first note" in first and "first note" not in second
    assert renderer.render(0) == first
    assert len(made) == 1


def test_clone_is_independent_and_equivalent(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [f"# Chapter {i}\n\n" + "word " * 500 for i in range(20)]
    renderer = MarkdownSectionRenderer(sources, LoadOptions(repair=False))
    expected = [renderer.render(i) for i in range(20)]
    results: dict[int, list[str]] = {}

    def work(n: int) -> None:
        clone = renderer.clone()
        results[n] = [clone.render(i) for i in range(20)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[n] == expected for n in range(4))
    made = count_markdowns_made(monkeypatch)
    clone = renderer.clone()
    assert len(made) == 1  # a Markdown instance of its own, not the original's
    assert [clone.render(i) for i in range(20)] == expected


def test_repair_option_decides_whether_repair_runs(shared_books: Path) -> None:
    path = shared_books / "000_25b2869f1a30fd56.txt"
    repaired = open_book(path, LoadOptions(repair=True)).section_html(2)
    raw = open_book(path, LoadOptions(repair=False)).section_html(2)
    assert "<sup>①</sup>" in raw  # the stranded print footnote, as printed
    assert repaired != raw


def test_hostile_markdown_is_sanitised(md_fixtures: Path) -> None:
    book = open_book(md_fixtures / "hostile.md", LoadOptions(repair=False))
    html = book.section_html(0)
    lowered = html.lower()
    for bad in (
        "<script",
        "alert(",
        "<iframe",
        "inside iframe",
        "onerror",
        "onclick",
        "onmouseover",
        "javascript:",
        "<form",
        "<input",
        "<button",
        "<style",
        "display: none",
        "<object",
        "<embed",
        "style=",
    ):
        assert bad not in lowered, bad
    assert 'src="https://example.com/track.png"' in html and 'class="remote"' in html
    assert '<img src="images/local.png" alt="local" />' in html
    assert "<div>styled <b>bold</b></div>" in html
    before_text = html.split("</h1>")[1].split("<p>Text with")[0]
    assert before_text.strip() == ""  # raw HTML blocks are not wrapped in paragraphs
    assert 'href="https://example.org/"' in html
    assert "<b>bold</b>" in html and "fallback" not in html


def test_html_text_of_rendered_section(shared_books: Path) -> None:
    book = open_book(shared_books / "000_25b2869f1a30fd56.txt")
    text = html_to_text(book.section_html(2))
    assert text.startswith("前 言\n\n党的十八大报告指出")
    assert "↩" not in text and "<" not in text


def stages(md: markdown.Markdown) -> dict[str, list[type]]:
    """The processors a Markdown instance runs, by kind, in order."""
    return {
        "extensions": [type(e) for e in md.registeredExtensions],
        "preprocessors": [type(p) for p in md.preprocessors],
        "block": [type(p) for p in md.parser.blockprocessors],
        "inline": [type(p) for p in md.inlinePatterns],
        "tree": [type(p) for p in md.treeprocessors],
        "postprocessors": [type(p) for p in md.postprocessors],
    }


@pytest.mark.parametrize("justify", [True, False])
def test_extension_classes_are_the_registered_ones(justify: bool) -> None:
    # new_markdown passes instances instead of names (sparing the entry point
    # lookup); they must make the Markdown that Python-Markdown makes of the names.
    from readmark.core.formats.markdown.extensions import QtRichTextExtension
    from readmark.core.formats.markdown.linear import make_linear

    by_name = markdown.Markdown(
        extensions=[*markdown_render.EXTENSIONS, QtRichTextExtension(justify=justify)],
        output_format="html",
    )
    make_linear(by_name)
    # The shortcuts (fast=True) are held to the plain stages by tests/core/test_fast_conversion.py.
    assert stages(markdown_render.new_markdown(justify, fast=False)) == stages(by_name)


def test_image_only_paragraph_is_a_centred_figure() -> None:
    html = render("![a picture](pic.png)\n\nText with ![inline](x.png) image.\n")
    assert '<p align="center" class="figure"><img' in html or (
        '<p class="figure" align="center"><img' in html
    )
    assert '<p align="justify">Text with <img' in html


def render_with(source: str, change: Callable[[markdown.Markdown], None]) -> str:
    """`render(source)` by a renderer whose Markdown instance was changed by `change`."""
    real = markdown_render.new_markdown

    def changed(justify: bool = True, fast: bool = True) -> markdown.Markdown:
        md = real(justify, fast)
        change(md)
        return md

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown_render, "new_markdown", changed)
        return render(source)


def render_with_markdowns_own_html_stage(source: str) -> str:
    def own_stage(md: markdown.Markdown) -> None:
        preprocessors = md.preprocessors
        preprocessors.register(preprocessors["html_block"].stage, "html_block", 20)

    return render_with(source, own_stage)


def test_unterminated_tags_show_as_written_and_code_is_untouched() -> None:
    # Everything after `<https://e.org>` lies past the last `>`: the raw-HTML stage
    # hides those `<` from its parser, and must hand every one back as written,
    # since a code span or block shows an escape literally. (The hostile samples'
    # 200,000 `<a ` catch a return of the quadratic parser path.)
    source = (
        "<b>Bold</b> and <https://e.org> first.\n\n"
        "Then `<a href` and ``<i ` `` in code, a < b, x <y, </p.\n\n"
        "```\n<pre <b\n```\n\n"
        "    <c </d\n\n" + "<a " * 2000 + "\n"
    )
    html = render(source)
    assert "<b>Bold</b>" in html and html.count("<a ") == 1  # the autolink
    assert "<code>&lt;a href</code>" in html and "<code>&lt;i `</code>" in html
    assert "<pre><code>&lt;pre &lt;b\n</code></pre>" in html
    assert "<pre><code>&lt;c &lt;/d\n</code></pre>" in html
    text = html_to_text(html)
    assert "in code, a < b, x <y, </p." in text
    assert text.endswith(("<a " * 2000).strip() + "\n")
    assert html == render_with_markdowns_own_html_stage(source)


@pytest.mark.parametrize(
    "source",
    [
        "a < b and x <y, `<a ` in code\n",
        "```\n<a <b\n```\n\n    <c </d\n",
        "<div>\nclosed <i>raw</i> block\n</div>\n\nthen <a <b\n",
        "<!-- note --> <? <!x </ <![ <!--\n",
        "<hr>\ntext <a\n\n* item <b\n",
        "Text[^1] <x\n\n[^1]: A note <a\n",
        "<https://e.org> `</a` <a\n",
    ],
)
def test_raw_html_stage_gives_what_markdowns_own_gives(source: str) -> None:
    assert render(source) == render_with_markdowns_own_html_stage(source)


def test_raw_html_block_open_to_the_end_shows_its_unterminated_tags() -> None:
    # Such a block goes to the output verbatim, here before the footnotes: a bare
    # `<a <b` there would make the sanitiser read `<a <b … <div class="footnote">`
    # as one tag (hiding the text), and 200,000 of them would make its
    # html.parser quadratic in turn. They come back as `&lt;` instead.
    html = render("Text[^1].\n\n[^1]: The note.\n\n<div>\nopen <a <b")
    assert "open &lt;a &lt;b" in html and '<div class="footnote">' in html
    assert html_to_text(html) == "Text1.\n\nopen <a <b\n\nThe note.\n"
    many = render("<div>\n" + "<a " * 2000)
    assert html_to_text(many).strip() == ("<a " * 2000).strip()


def render_without_bracket_guard(source: str) -> str:
    return render_with(source, lambda md: md.treeprocessors.deregister("readmark_bracket_guard"))


@pytest.mark.parametrize(
    "source",
    [
        # Past BRACKET_SCAN_LIMIT: the unclosed brackets are hidden from the link
        # patterns and come back as written; links that close still work.
        "[a link](https://e.org) and " + "[ " * 1600 + "\n",
        "![an image](pic.png) " + "[a](" * 1500 + "\n",
        # Brackets in code spans and escaped ones do not close anything.
        "[x](y) " + "[ `]` " * 1000 + "\n",
        "[x][] " + "\\] [" * 1200 + "\n\n[x]: https://e.org\n",
        # Below the limit nothing is touched.
        "[a [b] c](u) [ ( `[` \\[\n",
    ],
)
def test_unclosed_brackets_show_as_python_markdown_shows_them(source: str) -> None:
    assert render(source) == render_without_bracket_guard(source)
