"""The HTML loader: single .html/.htm/.xhtml files as books."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.book import Book, BookError
from readmark.core.book_resources import OUTSIDE, REMOTE, Refused
from readmark.core.formats import SUPPORTED_SUFFIXES, open_book
from readmark.core.formats.html.loader import PART_CHARS, declared_encoding
from readmark.core.formats.html.scan import MAX_DEPTH
from readmark.core.html_defuse import defuse_markup
from readmark.core.html_sanitize import sanitize_html


def write(tmp_path: Path, markup: str | bytes, name: str = "book.html") -> Path:
    path = tmp_path / name
    path.write_bytes(markup.encode("utf-8") if isinstance(markup, str) else markup)
    return path


def texts(book: Book) -> list[str]:
    return [book.section_text(i) for i in range(len(book.sections))]


def toc_flat(book: Book) -> list[tuple[str, int, int, str]]:
    return [(e.title, e.level, e.section, e.anchor) for e in book.toc_entries()]


BOOK = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>  The   Test Book </title>
  <meta name="author" content="Ada Lovelace">
  <meta name="DC.creator" content="Charles Babbage">
  <meta name="description" content="Notes on the engine.">
  <meta name="dc.publisher" content="Analytical Press">
  <meta name="dcterms.date" content="1843-10">
  <meta name="dc.identifier" content="urn:isbn:978-0-306-40615-7">
  <script>document.write("SCRIPT-JUNK")</script>
  <style>p { color: red } /* STYLE-JUNK */</style>
</head>
<body>
  <p>Before the first chapter.</p>
  <div class="chapter" id="c1">
    <h1>One</h1>
    <p>First text.</p>
    <h2>One, part A</h2><p>A.</p>
    <h2 id="own-id">One, part B</h2><p>B.</p>
  </div>
  <div class="chapter" id="c2">
    <h1>Two</h1>
    <p>Second text, <a href="#c1">back to one</a>.</p>
    <h2>One, part A</h2><p>Same sub-heading title.</p>
  </div>
  <h1>One</h1><p>Same chapter title again.</p>
</body>
</html>
"""


# -------------------------------------------------------------- dispatch


def test_html_suffixes_are_supported() -> None:
    assert {".html", ".htm", ".xhtml"} <= set(SUPPORTED_SUFFIXES)


@pytest.mark.parametrize("name", ["book.html", "BOOK.HTM", "book.xhtml"])
def test_open_book_dispatches_html(tmp_path: Path, name: str) -> None:
    book = open_book(write(tmp_path, BOOK, name))
    assert book.format == "html"
    assert book.encoding == "utf-8"
    assert len(book.content_id) == 40
    assert book.repairs == ()


# -------------------------------------------------------------- metadata


def test_metadata_from_head(tmp_path: Path) -> None:
    meta = open_book(write(tmp_path, BOOK)).metadata
    assert meta.title == "The Test Book"
    assert meta.authors == ("Ada Lovelace", "Charles Babbage")
    assert meta.language == "en-GB"
    assert meta.description == "Notes on the engine."
    assert meta.publisher == "Analytical Press"
    assert meta.date == "1843-10"
    assert meta.isbn == "978-0-306-40615-7"


def test_title_falls_back_to_first_h1_then_file_name(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "<h1>Heading Title</h1><p>x</p>"))
    assert book.metadata.title == "Heading Title"
    book = open_book(write(tmp_path, "<p>Just a paragraph.</p>", "my-notes.html"))
    assert book.metadata.title == "my-notes"


def test_language_detected_without_lang(tmp_path: Path) -> None:
    book = open_book(
        write(tmp_path, "<p>话说天下大势，分久必合，合久必分。周末七国分争，并入于秦。</p>")
    )
    assert book.metadata.language == "zh-Hans"
    # CJK paragraphs are justified the way Qt honours it: an align attribute.
    assert '<p align="justify">' in book.section_html(0)
    latin = open_book(write(tmp_path, "<html lang='en'><p>Latin text stays ragged.</p>", "en.html"))
    assert "justify" not in latin.section_html(0)


# -------------------------------------------------------------- sections and TOC


def test_sections_split_at_top_level_headings(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, BOOK))
    assert [s.title for s in book.sections] == ["", "One", "Two", "One"]
    assert texts(book)[0] == "Before the first chapter.\n"
    assert texts(book)[2].startswith("Two\n\nSecond text, back to one.")


def test_toc_nested_with_unique_ids(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, BOOK))
    assert toc_flat(book) == [
        ("One", 1, 1, "one"),
        ("One, part A", 2, 1, "one-part-a"),
        ("One, part B", 2, 1, "own-id"),
        ("Two", 1, 2, "two"),
        ("One, part A", 2, 2, "one-part-a-1"),
        ("One", 1, 3, "one-1"),
    ]
    assert [len(e.children) for e in book.toc] == [2, 1, 0]
    for entry in book.toc_entries():
        html = book.section_html(entry.section)
        assert entry.anchor in book.sections[entry.section].anchors
        assert f'id="{entry.anchor}"' in html
        # Qt follows links to <a name> anchors only.
        assert f'<a name="{entry.anchor}"></a>' in html
    assert book.section_of_anchor("c1") == 1  # an id on a wrapper, not a heading
    assert book.section_of_anchor("c2") == 2


def test_wrapped_chapters_make_balanced_sections(tmp_path: Path) -> None:
    markup = (
        '<div class="book" id="all"><section id="s1"><h2>A</h2><p>a</p></section>'
        '<section id="s2"><h2>B</h2><p>b <em>open <h2>C</h2> c</em></p></section></div>'
    )
    book = open_book(write(tmp_path, markup))
    assert [s.title for s in book.sections] == ["A", "B", "C"]
    for i in range(len(book.sections)):
        html = book.section_html(i)
        assert sanitize_html(html) == html  # balanced and within the allowlist
        if i:
            assert html.startswith('<div class="book">')  # reopened, without its id
    ids = [html.count('id="all"') for html in (book.section_html(i) for i in range(3))]
    assert ids == [1, 0, 0]  # an id appears once in the whole book


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, '<h1 id="x">A</h1><p id="x">p</p><h1 id="x">B</h1>'))
    assert toc_flat(book) == [("A", 1, 0, "x"), ("B", 1, 1, "b")]
    assert 'id="x"' not in book.section_html(1)


def test_slugs_avoid_ids_defined_later(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, '<h1>Notes</h1><p>x</p><h1>Other</h1><p id="notes">y</p>'))
    assert toc_flat(book)[0][3] == "notes-1"
    assert book.section_of_anchor("notes") == 1


def test_blank_front_is_not_a_section(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "<body>\n  <div>\n <h1>A</h1>x<h1>B</h1>y</div>"))
    assert [s.title for s in book.sections] == ["A", "B"]


def test_no_headings_is_one_section(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "<p>one</p><p>two</p>"))
    assert len(book.sections) == 1 and book.toc == []
    assert texts(book) == ["one\n\ntwo\n"]


def test_long_chapter_is_cut_into_parts_at_block_ends(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>Paragraph {i} " + "word " * 60 + "</p>\n" for i in range(1500))
    book = open_book(
        write(tmp_path, f"<h1>Only</h1><div><blockquote>{paragraphs}</blockquote></div>")
    )
    assert len(book.sections) > 3
    assert {s.title for s in book.sections} == {"Only"}
    for i, section in enumerate(book.sections):
        html = book.section_html(i)
        assert sanitize_html(html) == html
        assert section.size <= 2 * PART_CHARS
        if i:  # every later part starts at a paragraph, inside its reopened wrappers
            assert re.match(r"<div><blockquote>\s*<p>Paragraph ", html)
    joined = "".join(texts(book))
    assert all(f"Paragraph {i} " in joined for i in (0, 700, 1499))


def test_renderer_clone_renders_the_same(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, BOOK))
    clone = book.renderer.clone()
    assert [clone.render(i) for i in range(len(book.sections))] == [
        book.section_html(i) for i in range(len(book.sections))
    ]


def test_figure_paragraphs_are_centred(tmp_path: Path) -> None:
    book = open_book(
        write(tmp_path, '<p> <img src="a.png" alt="A"> </p><p>text <img src="b.png"></p>')
    )
    html = book.section_html(0)
    assert '<p class="figure" align="center"> <img src="a.png" alt="A" /> </p>' in html
    assert "<p>text <img" in html


# -------------------------------------------------------------- stripping


def test_scripts_forms_frames_and_objects_are_stripped(tmp_path: Path) -> None:
    markup = """<body onload="steal()">
    <h1>Safe</h1>
    <script>alert("SCRIPT")</script><noscript>NOSCRIPT</noscript>
    <iframe src="https://evil.example/">IFRAME</iframe>
    <form action="https://evil.example/"><input value="INPUT"><textarea>TEXTAREA</textarea>
      <select><option>OPTION</option></select><button>BUTTON</button></form>
    <object data="x.swf">OBJECT</object><embed src="x.swf"><applet>APPLET</applet>
    <template>TEMPLATE</template><svg><script>SVG</script><title>SVGTITLE</title></svg>
    <p onclick="x()" style="display:none">kept <a href="javascript:alert(1)">link</a>
       <a href=" JaVaScRiPt:alert(2)">two</a> <a href="https://example.org/">ok</a></p>
    <base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">
    </body>"""
    book = open_book(write(tmp_path, markup))
    html = book.section_html(0)
    text = book.section_text(0)
    for junk in (
        "SCRIPT", "NOSCRIPT", "IFRAME", "INPUT", "TEXTAREA", "OPTION", "BUTTON", "OBJECT",
        "APPLET", "TEMPLATE", "SVG", "evil.example", "javascript", "JaVaScRiPt", "onclick",
        "onload", "style=", "<script", "<iframe", "<form", "<object", "<embed", "<base", "<link",
    ):  # fmt: skip
        assert junk not in html, junk
    assert text == "Safe\n\nkept link two ok\n"
    assert '<a href="https://example.org/">ok</a>' in html


def test_unclosed_script_hides_only_itself_and_what_follows(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "<p>before</p><script>var x = '<p>never shown</p>';"))
    assert texts(book) == ["before\n"]


# -------------------------------------------------------------- resources


def test_remote_and_outside_resources_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "in.png").write_bytes(b"inside")
    (tmp_path / "secret.png").write_bytes(b"secret")
    markup = f"""<h1>Images</h1>
    <p><img src="https://tracker.example/p.png" alt="remote">
    <img src="//tracker.example/q.png"><img src="img/in.png" alt="inside">
    <img src="../secret.png"><img src="{(tmp_path / "secret.png").as_uri()}">
    <img src="{tmp_path / "secret.png"}"></p>"""
    book = open_book(write(folder, markup))
    html = book.section_html(0)
    assert '<img src="https://tracker.example/p.png" alt="remote" class="remote" />' in html
    assert '<img src="//tracker.example/q.png" class="remote" />' in html
    assert book.resource(0, "https://tracker.example/p.png") == Refused(REMOTE)
    assert book.resource(0, "//tracker.example/q.png") == Refused(REMOTE)
    assert book.resource(0, "img/in.png") == b"inside"
    assert book.resource(0, "../secret.png") == Refused(OUTSIDE)
    assert book.resource(0, (tmp_path / "secret.png").as_uri()) == Refused(OUTSIDE)
    assert book.resource(0, str(tmp_path / "secret.png")) == Refused(OUTSIDE)


# -------------------------------------------------------------- decoding


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    legacy = '<meta charset="windows-1252"><p>caf\xe9 \u201cquoted\u201d</p>'.encode("cp1252")
    book = open_book(write(tmp_path, legacy))
    assert book.encoding == "cp1252"
    assert texts(book) == ["caf\xe9 \u201cquoted\u201d\n"]
    gbk = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>中文</p>'
    book = open_book(write(tmp_path, gbk.encode("gbk"), "gbk.html"))
    assert book.encoding == "gb18030" and texts(book) == ["中文\n"]


def test_xml_declaration_encoding(tmp_path: Path) -> None:
    markup = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<html><p>na\xefve</p></html>'
    book = open_book(write(tmp_path, markup.encode("latin-1"), "book.xhtml"))
    assert texts(book) == ["na\xefve\n"]


def test_utf8_wins_over_a_wrong_legacy_declaration(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, '<meta charset="iso-8859-1"><p>café 中文</p>'))
    assert book.encoding == "utf-8" and texts(book) == ["café 中文\n"]


def test_bom_wins(tmp_path: Path) -> None:
    markup = '<meta charset="windows-1252"><h1>Ünïcödé</h1><p>x</p>'
    book = open_book(write(tmp_path, markup.encode("utf-16")))
    assert book.encoding.startswith("utf-16") and book.metadata.title == "Ünïcödé"


def test_undeclared_encoding_is_detected(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "<p>话说天下大势，分久必合。</p>".encode("gb18030")))
    assert book.encoding == "gb18030" and "话说天下大势" in texts(book)[0]


@pytest.mark.parametrize(
    "label", ["base64", "zlib_codec", "rot13", "utf-7", "unicode_escape", "no-such-thing", "hex"]
)
def test_codecs_that_are_not_document_encodings_are_ignored(tmp_path: Path, label: str) -> None:
    assert declared_encoding(f'<meta charset="{label}">'.encode()) is None
    book = open_book(write(tmp_path, f'<meta charset="{label}"><p>plain</p>'))
    assert texts(book) == ["plain\n"]


def test_declared_utf16_in_ascii_bytes_means_utf8() -> None:
    assert declared_encoding(b'<meta charset="utf-16">') == "utf-8"


# -------------------------------------------------------------- broken and hostile


def test_broken_html_is_tolerated(tmp_path: Path) -> None:
    markup = (
        "stray text <html><head><title>Broken</title><meta charset=utf-8>"
        "<h1>No body tag, head never closed</h1><p>unclosed <b>bold <i>both</p>"
        "<h1>Second</h1><table><tr><td>cell<td>cell2</table></span></div></p>"
        "<p>text & more &amp; &unknown; &#x4e2d; &#99999999;</p><a"
    )
    book = open_book(write(tmp_path, markup))
    assert book.metadata.title == "Broken"
    assert [s.title for s in book.sections] == ["", "No body tag, head never closed", "Second"]
    for i in range(len(book.sections)):
        assert sanitize_html(book.section_html(i)) == book.section_html(i)
    assert "text & more & &unknown; 中" in texts(book)[2]


def test_empty_and_binary_files_are_book_errors(tmp_path: Path) -> None:
    for name, data, template in [
        ("empty.html", b"", "“{name}” is empty."),
        ("blank.html", b" \n\t\r\n", "“{name}” is empty."),
        ("png.html", b"\x89PNG\r\n\x1a\n" + bytes(200), "“{name}” is {kind}, not a text book."),
        ("nul.html", b"<p>x</p>" + bytes(400), "“{name}” is a binary file, not a text book."),
    ]:
        with pytest.raises(BookError) as info:
            open_book(write(tmp_path, data, name))
        assert info.value.template == template, name


def test_only_hidden_content_opens_empty(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "<title>T</title><script>x()</script>"))
    assert book.metadata.title == "T"
    assert texts(book) == [""]


def test_nul_bytes_are_dropped(tmp_path: Path) -> None:
    markup = b"<h1>Ti\x00tle</h1><p>a\x00b\x01c " + b"and a longer paragraph " * 4 + b"</p>"
    book = open_book(write(tmp_path, markup))
    assert book.metadata.title == "Title"
    assert texts(book)[0].startswith("Title\n\nabc and a longer")


def test_deep_nesting_opens_fast_without_recursion(tmp_path: Path) -> None:
    depth = 100_000
    markup = "<html><body>" + "<div>" * depth + "<h1>Deep</h1>deep text" + "</div>" * depth
    markup += "<p>after</p>"
    start = time.monotonic()
    book = open_book(write(tmp_path, markup))
    html = book.section_html(0)
    assert time.monotonic() - start < 20  # generous: ~1 s on a laptop
    assert html.count("<div>") == MAX_DEPTH  # deeper tags dropped, text kept
    assert "deep text" in texts(book)[0] and texts(book)[0].endswith("\n\nafter\n")


def test_five_megabyte_single_line_opens_in_parts(tmp_path: Path) -> None:
    line = "<p>" + "word " * 1_000_000 + "</p>"
    assert "\n" not in line and len(line) > 5_000_000
    start = time.monotonic()
    book = open_book(write(tmp_path, line))
    sizes = [s.size for s in book.sections]
    assert len(sizes) > 10 and max(sizes) < 4 * PART_CHARS
    assert sum(t.count("word") for t in texts(book)) == 1_000_000
    assert time.monotonic() - start < 30  # generous: ~0.5 s on a laptop


@pytest.mark.parametrize(
    "unit", ["</", "<a ", "<a b='", "<!--", "<?x", "<![", "<![CDATA[", "<!--x>", "<p a=1"]
)
def test_parser_pathologies_stay_linear(tmp_path: Path, unit: str) -> None:
    """Unterminated constructs make html.parser quadratic; `defuse_markup` prevents it."""
    start = time.monotonic()
    book = open_book(write(tmp_path, "<p>x</p>" + unit * 200_000))
    texts(book)
    assert time.monotonic() - start < 20  # unprotected: minutes


def test_xhtml_entities_are_not_expanded(tmp_path: Path) -> None:
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    markup = f"""<?xml version="1.0"?>
<!DOCTYPE html [{lol}<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol9; &ext;</p>
<p><![CDATA[a < b]]></p><div/><p>after</p></body></html>"""
    book = open_book(write(tmp_path, markup, "bomb.xhtml"))
    text = book.section_text(0)
    assert len(text) < 200 and "root:" not in text
    assert "a < b" in text and "after" in text


# -------------------------------------------------------------- defuse_markup


class _Events(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[object, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", str(self.events[-1][1]) + data)
        else:
            self.events.append(("data", data))


def _events(markup: str) -> list[tuple[object, ...]]:
    parser = _Events()
    parser.feed(markup)
    parser.close()
    return parser.events


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("<>/!-?[]CDAT ab=\"'&;#x\n")), max_size=80).filter(
        lambda s: "<![" not in s
    )
)
def test_defuse_keeps_what_the_parser_sees(markup: str) -> None:
    """Outside marked sections (which crash the parser), defusing changes nothing visible."""
    assert _events(defuse_markup(markup)) == _events(markup)


def test_defuse_marked_sections() -> None:
    assert defuse_markup("<p><![CDATA[a<b]]></p>") == "<p>a&lt;b</p>"
    assert defuse_markup("<p><![if x]>y<![endif]></p>") == "<p>&lt;![if x]>y&lt;![endif]></p>"
    _events(defuse_markup("<![<![<![ x"))  # would raise AssertionError undefused
