"""EPUB books open with their metadata, spine, table of contents, notes and images.

Fixtures are made by tests/fixtures/epub/make_fixtures.py; the real books come
from ../shared/books (see its README).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readmark.core.book import Book, BookError
from readmark.core.book_resources import REMOTE, Refused
from readmark.core.formats import open_book
from readmark.core.formats.epub.render import EpubSectionRenderer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "epub"
NAME = re.compile(r'<a name="([^"]+)"')
HREF = re.compile(r'<a href="#([^"]+)"')


def fixture(name: str) -> Book:
    return open_book(FIXTURES / name)


def names_in(book: Book, index: int) -> set[str]:
    return set(NAME.findall(book.section_html(index)))


def assert_toc_lands(book: Book) -> None:
    """Every TOC entry with an anchor lands on an <a name> of its section."""
    for entry in book.toc_entries():
        if entry.anchor:
            assert entry.anchor in book.sections[entry.section].anchors, entry
            assert entry.anchor in names_in(book, entry.section), entry


# -- real books ---------------------------------------------------------------------


def test_liber_esther_epub2_ncx_and_cover(shared_books: Path) -> None:
    book = open_book(shared_books / "Liber_Esther.epub")
    assert book.format == "epub"
    assert book.metadata.title == "Latin Vulgate, Esther: Liber Esther"
    assert book.metadata.authors == ("Anonymous",)
    assert book.metadata.language == "la"
    assert book.metadata.date == "1997-02-01"
    assert len(book.sections) == 4  # cover wrapper + three hashed-name files
    cover = book.resource(0, book.cover)
    assert isinstance(cover, bytes) and cover.startswith(b"\x89PNG")
    assert f'src="{book.cover}"' in book.section_html(0)  # the wrapper page shows it
    top = [e.title for e in book.toc]
    assert top[0].startswith("LIBER ESTHER. PARS PRIOR")
    assert "PARALLELISMUS MEMBRORUM." in top
    first = book.toc[0]
    assert first.children[0].title.startswith("I. PERICULUM IUDAEORUM")
    assert first.children[0].children[0].level == 3
    assert_toc_lands(book)
    assert "REGINA VASTHI EICITUR" in book.section_text(1)
    assert book.sections[1].title == top[0]


def test_wasteland_noterefs_become_popup_notes(shared_books: Path) -> None:
    book = open_book(shared_books / "wasteland.epub")
    assert book.metadata.title == "The Waste Land"
    assert book.metadata.authors == ("T.S. Eliot",)
    assert isinstance(book.resource(0, book.cover), bytes)
    assert [e.title for e in book.toc][0] == "I. THE BURIAL OF THE DEAD"
    assert_toc_lands(book)
    html = book.section_html(0)
    notes = [target for target in HREF.findall(html) if target.startswith("fn")]
    assert len(notes) >= 50
    names = set(NAME.findall(html))
    for target in notes:
        assert target.startswith("fn-")
        assert target in names
        assert book.section_of_anchor(target) == 0
    assert "April is the cruellest month" in book.section_text(0)
    # Its line numbers float right in the publisher's CSS: set apart, not run into the verse.
    text = book.section_text(0)
    assert "peeped out\u200380\n" in text and "out80" not in text
    assert '<span class="aside">\u200380</span>' in html


def test_tiny_bad_gives_a_clear_error(shared_books: Path) -> None:
    with pytest.raises(BookError) as caught:
        open_book(shared_books / "TIny-3-Bad.epub")
    message = str(caught.value)
    assert "TIny-3-Bad.epub" in message
    assert "none of the 4 parts" in message


# -- fixtures -------------------------------------------------------------------------


def test_metadata_and_cover() -> None:
    book = fixture("nav_fragments.epub")
    meta = book.metadata
    assert meta.title == "Fragments"
    assert meta.authors == ("Ada One", "Bo Two")
    assert (meta.language, meta.publisher, meta.date) == ("en", "Test Press", "2021-05-04")
    assert meta.isbn == "978-1-23456-789-7"
    assert meta.description == "A test book."
    assert book.cover == "/OEBPS/images/pic.png"
    for section in range(len(book.sections)):  # the cover URL is the same from anywhere
        cover = book.resource(section, book.cover)
        assert isinstance(cover, bytes) and cover.startswith(b"\x89PNG")


def test_nav_toc_nested_with_fragments_on_the_right_paragraph() -> None:
    book = fixture("nav_fragments.epub")
    assert [(e.title, e.level, e.section, e.anchor) for e in book.toc_entries()] == [
        ("One", 1, 0, ""),
        ("One, third paragraph", 2, 0, "i0-p3"),
        ("One, broken fragment", 2, 0, ""),  # the id does not exist: top of the file
        ("Part Two", 1, 1, "i1-start"),  # a heading without a link: its first child's target
        ("Two", 2, 1, "i1-start"),
    ]  # "Not in the book" (a missing file) and the landmarks nav are left out
    html = book.section_html(0)
    assert re.search(r'<a name="i0-p3"></a>Paragraph 3 of chapter one', html)
    assert_toc_lands(book)


def test_ids_unique_across_files_and_links_become_anchors() -> None:
    book = fixture("nav_fragments.epub")
    assert book.section_of_anchor("i0-p1") == 0
    assert book.section_of_anchor("i1-p1") == 1  # the same id in another file
    links = HREF.findall(book.section_html(0))
    assert "i1-start" in links and "i1" in links
    for target in links:
        assert book.section_of_anchor(target) is not None, target
    assert 'href="https://example.org/"' in book.section_html(0)


def test_noteref_points_at_a_popup_note() -> None:
    book = fixture("nav_fragments.epub")
    assert "fn-i2-n1" in HREF.findall(book.section_html(0))
    assert book.section_of_anchor("fn-i2-n1") == 2
    assert "fn-i2-n1" in names_in(book, 2)


def test_publisher_css_kept_where_it_serves_reading() -> None:
    html = fixture("nav_fragments.epub").section_html(0)
    assert "<i>Italic by class.</i>" in html
    assert '<p align="center">Centred by class.</p>' in html
    assert '<span class="small-caps">Small Caps</span>' in html
    assert "<b>strong</b>" in html and "<i>styled</i>" in html
    assert "style=" not in html and "color" not in html and "Fixed Font" not in html


def test_scripts_forms_and_remote_images() -> None:
    book = fixture("nav_fragments.epub")
    html = book.section_html(0)
    for junk in ("script", "evil", "iframe", "<form", "<input", "button", "Go<"):
        assert junk not in html
    assert 'class="remote"' in html
    assert book.resource(0, "http://example.org/remote.png") == Refused(REMOTE)
    src = re.search(r'<img src="([^"]+)" alt="a picture"', html)
    assert src and isinstance(book.resource(0, src.group(1)), bytes)
    assert isinstance(book.resource(0, "images/pic.png"), bytes)  # relative to the section


def test_sections_render_lazily_and_clone(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: EpubSectionRenderer, index: int) -> str:
        raise AssertionError("rendered while opening")

    with monkeypatch.context() as patch:
        patch.setattr(EpubSectionRenderer, "render", refuse)
        book = fixture("nav_fragments.epub")
    twin = book.renderer.clone()
    assert twin.render(0) == book.section_html(0)
    assert book.section_text(1) == "Chapter Two\n\nSame id as in chapter one.\n"


def test_epub2_ncx_only_without_mimetype_and_wrong_media_types() -> None:
    book = fixture("ncx_only.epub")
    assert [(e.title, e.level, e.section, e.anchor) for e in book.toc_entries()] == [
        ("Book I", 1, 0, ""),
        ("Scene 2", 2, 0, "i0-s2"),
        ("Book II", 1, 1, ""),
    ]
    assert_toc_lands(book)
    assert book.metadata.isbn == "0-306-40615-2"
    assert book.metadata.date == "1901"  # the publication date, not the modification
    assert "The end." in book.section_text(1)  # listed as text/plain


def test_headings_fallback_without_toc() -> None:
    book = fixture("no_toc.epub")
    tree = [(e.title, [c.title for c in e.children]) for e in book.toc]
    assert tree == [("Alpha", ["Alpha, part two", "Alpha, part three"]), ("Beta", [])]
    assert book.toc[0].children[1].anchor == "i0-own"
    assert_toc_lands(book)


def test_non_linear_items_follow_the_flow() -> None:
    book = fixture("linear_no.epub")
    assert [book.section_text(i).split("\n")[0] for i in range(3)] == ["First", "Last", "Extra"]
    assert book.section_of_anchor("i2") == 2
    assert 'href="#i2"' in book.section_html(0)


def test_vertical_japanese_shown_horizontally_with_readable_ruby() -> None:
    book = fixture("vertical_ja.epub")
    assert book.metadata.language == "ja"
    text = book.section_text(0)
    assert "漢字(かんじ)を読（よ）む。" in text  # the book's own <rp> brackets when it has them
    assert "東(とう)京(きょう)へ行く。" in text
    assert "︒" not in text and "︐" not in text
    html = book.section_html(0)
    assert "writing-mode" not in html and "<rt" not in html
    assert '<p align="justify">' in html


def test_missing_spine_file_shows_a_note() -> None:
    book = fixture("missing_file.epub")
    assert len(book.sections) == 3
    assert "gone.xhtml" in book.section_text(1) and "missing" in book.section_text(1)
    assert book.section_text(2) == "Last.\n"


def test_entry_name_in_a_legacy_encoding() -> None:
    book = fixture("non_utf8_name.epub")
    assert book.section_text(0).startswith("第一章")
    assert book.toc[0].title == "第一章"


def test_undeclared_entities_html_as_xhtml_and_deep_nesting() -> None:
    book = fixture("messy_markup.epub")
    assert book.section_text(0) == "A\u00a0B — café & &unknownentity; AT&T\n"
    assert book.section_text(1) == "One\ntwo\n\nThree © pic\n\nFour\n"
    assert book.section_of_anchor("i1-last") == 1
    assert "Deep text." in book.section_text(2)


def test_a_book_with_notes_written_by_readmark_is_cached_per_language() -> None:
    from readmark.core import i18n

    broken, whole = fixture("missing_file.epub"), fixture("nav_fragments.epub")
    assert broken.localized_text and not whole.localized_text
    keys = (broken.cache_key, whole.cache_key)
    i18n.use_translator(lambda context, text: f"«{text}»", "zh_CN")
    try:
        assert broken.section_text(1).startswith("«This part of the book")
        assert broken.cache_key != keys[0]  # the cached chapter in English is not reused
        assert whole.cache_key == keys[1]  # nothing in it depends on the language
    finally:
        i18n.use_translator(None, "en")
