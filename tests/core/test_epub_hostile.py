"""Broken and hostile EPUB files: a clear BookError or a book that opens, never a crash,
never anything read from outside the archive."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from readmark.core.book import BookError
from readmark.core.book_resources import MISSING, OUTSIDE, Refused
from readmark.core.formats import open_book
from readmark.core.formats.epub import archive as archive_module
from readmark.core.formats.epub.archive import EpubArchive, normalise_name
from readmark.core.formats.epub.markup import parse_markup

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "epub"
OPF = """<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata>
<manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c"/></spine></package>"""


def build(
    path: Path, chapter: str | bytes, extra: dict[str, bytes] | None = None, stored: bool = False
) -> Path:
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("content.opf", OPF)
        archive.writestr("c.xhtml", chapter)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def error_of(path: Path) -> str:
    with pytest.raises(BookError) as caught:
        open_book(path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.epub", "is empty"),
        ("truncated.epub", "damaged or incomplete"),
        ("photo.epub", "is a JPEG image, not an EPUB book"),
    ],
)
def test_unreadable_files_give_clear_messages(name: str, words: str) -> None:
    message = error_of(FIXTURES / name)
    assert name in message and words in message


def test_not_a_zip_at_all(tmp_path: Path) -> None:
    (tmp_path / "notes.epub").write_text("just some text, no archive")
    assert "not an EPUB book" in error_of(tmp_path / "notes.epub")
    assert "does not exist" in error_of(tmp_path / "absent.epub")


def test_zip_without_a_package(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "plain.epub", "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "no package document" in error_of(tmp_path / "plain.epub")


def test_zip_bomb_refused_quickly() -> None:
    start = time.perf_counter()
    message = error_of(FIXTURES / "bomb.epub")
    assert time.perf_counter() - start < 1.0
    assert "zip bomb" in message


def test_member_count_and_total_size_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build(tmp_path / "many.epub", "<p>x</p>", {f"f{n}.txt": b"abc" for n in range(20)})
    monkeypatch.setattr(archive_module, "MAX_MEMBERS", 10)
    assert "has 22 files inside" in error_of(path)
    monkeypatch.setattr(archive_module, "MAX_MEMBERS", 10_000)
    monkeypatch.setattr(archive_module, "MAX_TOTAL_BYTES", 100)
    assert "zip bomb" in error_of(path)


def test_oversized_chapter_is_a_note_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_module, "MAX_TEXT_BYTES", 1000)
    path = build(tmp_path / "big.epub", "<p>" + "word " * 400 + "</p>")
    with pytest.raises(BookError, match="none of the 1 parts"):
        open_book(path)


def test_entry_names_are_normalised_and_never_trusted() -> None:
    assert normalise_name("OEBPS\\Text\\./c.xhtml") == "OEBPS/Text/c.xhtml"
    for hostile in ("../../evil.xhtml", "a/../../b", "/etc/passwd", "C:/x", "a\x00b", "", "./"):
        assert normalise_name(hostile) is None, hostile


def test_traversal_absolute_duplicate_and_symlink_entries() -> None:
    book = open_book(FIXTURES / "hostile_entries.epub")
    assert book.section_text(0).startswith("The real chapter.")  # the first duplicate wins
    everything = "".join(book.section_text(i) for i in range(len(book.sections)))
    assert "Escaped" not in everything and "root:x" not in everything
    assert "duplicate" not in everything
    assert book.resource(0, "../../evil.png") == Refused(OUTSIDE)
    assert book.resource(0, "/etc/passwd") == Refused(MISSING)
    assert book.resource(0, "link.xhtml") == Refused(MISSING)  # the symlink entry is ignored
    archive = EpubArchive((FIXTURES / "hostile_entries.epub").read_bytes(), "x.epub")
    assert sorted(archive.members) == [
        "META-INF/container.xml",
        "OEBPS/ch.xhtml",
        "OEBPS/content.opf",
        "mimetype",
    ]


def test_entity_expansion_is_never_performed(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9))
        + ']><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&j;</p></body></html>'
    )
    book = open_book(build(tmp_path / "laughs.epub", laughs))
    start = time.perf_counter()
    assert "aaaaaaaaaa" not in book.section_text(0)
    assert time.perf_counter() - start < 1.0


def test_malformed_xml_falls_back_to_html() -> None:
    root = parse_markup(b"<html><body><p>One &nbsp; <b>two</b><p>three<br>four</body>")
    assert [p.text for p in root.iter("p")] == ["One \u00a0 ", "three"]
    assert [e.tag for e in root.iter()] == ["html", "body", "p", "b", "p", "br"]
    assert parse_markup(b"\xff\xfe\x00garbage\x00<<>>").tag == "html"


def test_deep_nesting_in_xml_and_html(tmp_path: Path) -> None:
    deep = "<div>" * 100_000 + "bottom" + "</div>" * 100_000
    # Stored: so repetitive a text compressed would be refused as a zip bomb.
    xhtml = f"<html><body>{deep}</body></html>"
    book = open_book(build(tmp_path / "deep.epub", xhtml, stored=True))
    assert "bottom" in book.section_text(0)
    html = f"<html><body>{deep}<p>unclosed</body>"
    book = open_book(build(tmp_path / "deep2.epub", html, stored=True))
    assert "bottom" in book.section_text(0)


def test_remote_stylesheets_and_images_are_not_fetched(tmp_path: Path) -> None:
    chapter = (
        '<html><head><link rel="stylesheet" href="https://example.org/s.css"/></head>'
        '<body><p>Text</p><img src="https://example.org/i.png"/>'
        '<object data="https://example.org/x.swf">alt</object></body></html>'
    )
    html = open_book(build(tmp_path / "remote.epub", chapter)).section_html(0)
    assert '<img src="https://example.org/i.png" class="remote" />' in html
    assert "x.swf" not in html and "s.css" not in html


def test_a_chapter_with_a_broken_marked_section_is_read() -> None:
    # Not XML, so it goes to html.parser, which (3.11) raises AssertionError on `<![A>`.
    root = parse_markup("<html><body><p>before<![A>after</p></body></html>")
    assert "after" in "".join(root.itertext())
