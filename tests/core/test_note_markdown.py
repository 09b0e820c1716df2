"""core.note_markdown: a note rendered once, the same in the panel, the tooltip and the export."""

from __future__ import annotations

import threading
from pathlib import PurePosixPath

import pytest

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.export.common import ExportedBook
from readmark.core.export.html import export_html
from readmark.core.note_markdown import (
    note_html,
    note_html_excerpt,
    plain_note_lines,
    truncate_html,
    without_tags,
)

HOSTILE = (
    "Look <script>alert(document.cookie)</script> here\n\n"
    '<img src="http://tracker.example.com/pixel.png" onerror="alert(1)">\n\n'
    "![remote](http://tracker.example.com/img.png) "
    "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) "
    '<a href="javascript:alert(2)">raw link</a> <iframe src="http://evil.example"></iframe>\n\n'
    "<style>body { display: none }</style><form action=x><input name=p></form>"
    '<div onclick="alert(3)">kept text</div>'
)


def test_markdown_is_rendered_with_the_panel_extensions() -> None:
    assert note_html("**bold** and *em*") == "<p><strong>bold</strong> and <em>em</em></p>"
    assert note_html("one\ntwo") == "<p>one<br />\ntwo</p>"  # nl2br
    assert note_html("```\n<b>x</b>\n```") == "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>"
    html = note_html("1. one\n2. two\n\n* star")  # sane lists: no mixing
    assert html.count("<ol>") == 1 and html.count("<ul>") == 1
    assert note_html("") == note_html("  \n ") == ""


def test_links_are_kept_and_images_left_out() -> None:
    html = note_html(
        "See [the site](https://example.org) ![pic](https://example.org/p.png) <https://a.b>"
    )
    assert '<a href="https://example.org">the site</a>' in html
    assert '<a href="https://a.b">https://a.b</a>' in html
    assert "<img" not in html and "p.png" not in html and "pic" not in html


def test_a_hostile_note_is_neutralised() -> None:
    html = note_html(HOSTILE)
    for bad in ("<script", "alert", "<img", "tracker", "javascript", "data:", "<iframe", "evil"):
        assert bad not in html, bad
    for bad in ("<style", "display", "<form", "<input", "onclick", "onerror", "<div"):
        assert bad not in html, bad
    # the text around it survives, and the links as links without a target
    assert "Look  here" in html and "kept text" in html
    assert "<a>click</a>" in html and "raw link" in html


def test_raw_html_never_passes_as_markup() -> None:
    assert note_html("a <b>bold</b> <u>u</u> word") == "<p>a bold u word</p>"
    block = note_html("<div>\n<em>block</em>\n</div>")
    assert "block" in block and "<div" not in block and "<em" not in block
    assert note_html("x <!-- hidden --> y") == "<p>x  y</p>"
    # Text that only looks like HTML stays text.
    assert note_html("a < b & c <3") == "<p>a &lt; b &amp; c &lt;3</p>"
    assert note_html("`<b>`") == "<p><code>&lt;b&gt;</code></p>"
    assert without_tags('<a href="x">t</a><script>s</script>') == "t<script>s</script>"


def test_hostile_markup_renders_in_linear_time() -> None:
    for note in ("[" * 200_000, "<a " * 100_000):
        assert note_html(note)  # seconds, not hours


def test_the_export_shows_the_note_exactly_as_the_panel() -> None:
    notes = ["Why **slowly**?\n\n- it is summer\n- the mill is old", "one\ntwo", HOSTILE]
    annotations = [
        Annotation(Kind.HIGHLIGHT, TextTarget(0, i * 10, i * 10 + 4, "quote"), note=note)
        for i, note in enumerate(notes)
    ]
    book = ExportedBook(title="T", authors=(), content_id="0", path=PurePosixPath("/b.md"))
    page = export_html(book, annotations)
    for note in notes:
        assert f'<div class="note">{note_html(note)}</div>' in page


def test_excerpt_cuts_the_text_and_keeps_the_markup_whole() -> None:
    assert note_html_excerpt("short **note**", 800) == note_html("short **note**")
    cut = note_html_excerpt("**bold words** and more words", 8)
    assert cut == "<p><strong>bold wor…</strong></p>"
    cut = note_html_excerpt("- one\n- two three four\n- five", 8)
    assert cut == "<ul>\n<li>one</li>\n<li>two…</li></ul>"
    assert truncate_html("<p>a<br />b</p>", 1) == "<p>a<br />…</p>"


@pytest.mark.parametrize(
    ("note", "lines"),
    [
        ("", []),
        (
            "# Title\n\n> quoted *text*\n- item\n1. first\n2) second",
            ["Title", "quoted text", "item", "first", "second"],
        ),
        ("`code` and __strong__ ~~gone~~", ["code and strong gone"]),
        ("  \n\nplain\n", ["plain"]),
    ],
)
def test_plain_lines_drop_the_usual_marks(note: str, lines: list[str]) -> None:
    assert plain_note_lines(note) == lines


def test_rendering_from_several_threads_at_once() -> None:
    # Every note is new to every thread, so each really converts (none is cached
    # yet); what each must give is the rendering of one sample with its words swapped.
    sample = note_html("**note WORD**\n\n- a\n- b WORD")
    assert sample.count("WORD") == 2

    def note(k: int, i: int) -> str:
        return f"**note w{k}x{i}**\n\n- a\n- b w{k}x{i}"

    results: dict[int, list[str]] = {}

    def render(k: int) -> None:
        results[k] = [note_html(note(k, i)) for i in range(200)]

    threads = [threading.Thread(target=render, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for k in range(4):
        assert results[k] == [sample.replace("WORD", f"w{k}x{i}") for i in range(200)]


@pytest.mark.parametrize("note", ["<!DOCTYPE><![A> hi", "a <![> b", "<![CDATA[x"])
def test_a_note_with_a_broken_marked_section_renders(note: str) -> None:
    # html.parser (3.11) raises AssertionError on `<![` that is not CDATA: a note
    # holding one must still render, with its words.
    assert "hi" in note_html(note) or "b" in note_html(note) or "x" in note_html(note)
