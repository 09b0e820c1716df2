"""Exports of a fixed set of annotations, compared with golden files.

Run with READMARK_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
change, and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import UTC
from pathlib import Path, PurePosixPath

import pytest

from readmark.core.annotations import Annotation, Kind, Style, TextTarget
from readmark.core.book import Book
from readmark.core.export import FORMATS, format_for, save_text
from readmark.core.export.common import ExportedBook, chapters, iso_utc
from readmark.core.export.html import export_html, note_html
from readmark.core.export.markdown import blockquote, escape_line, export_markdown
from readmark.core.export.w3c import EXTRA_KEYS, to_w3c
from readmark.core.formats import open_book

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "export"
BOOK = FIXTURES / "book.md"
UPDATE = os.environ.get("READMARK_UPDATE_GOLDEN") == "1"


def target(book: Book, section: int, quote: str, occurrence: int = 0) -> TextTarget:
    text = book.section_text(section)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return TextTarget.from_text(section, text, start, start + len(quote))


def position(book: Book, section: int, before: str) -> TextTarget:
    """An empty target (a note standing alone) just before the text `before`."""
    text = book.section_text(section)
    start = text.index(before)
    return TextTarget.from_text(section, text, start, start)


def fixed_annotations(book: Book) -> list[Annotation]:
    """One of each kind and state, with fixed ids and times (2023-11-14 22:13:20 UTC on)."""
    t0 = 1_700_000_000.0
    return [
        Annotation(
            Kind.HIGHLIGHT,
            target(book, 1, "The river ran slowly past the mill."),
            id="00000000000040008000000000000001",
            note="Why **slowly**?\n\n- it is summer\n- the mill is old",
            created=t0,
        ),
        Annotation(
            Kind.HIGHLIGHT,
            target(book, 2, "A last line with # hash, [brackets] and * stars."),
            id="00000000000040008000000000000002",
            color="green",
            style=Style.UNDERLINE,
            created=t0 + 60,
            modified=t0 + 3600.5,
        ),
        Annotation(
            Kind.BOOKMARK,
            target(book, 0, "A word"),
            id="00000000000040008000000000000003",
            label="Start <here> & now",
            created=t0 + 120.25,
        ),
        Annotation(
            Kind.NOTE,
            position(book, 1, "Everyone"),
            id="00000000000040008000000000000004",
            note="A note & <script>alert(1)</script> ![x](https://example.com/x.png)",
            created=t0 + 180,
        ),
        Annotation(
            Kind.HIGHLIGHT,
            TextTarget(2, 5, 30, "a sentence that was removed", "before ", " after"),
            id="00000000000040008000000000000005",
            color="pink",
            created=t0 + 240,
            orphaned=True,
            original_exact="a sentence that was once here",
        ),
        Annotation(
            Kind.HIGHLIGHT,
            target(book, 2, "the river ran slowly past the mill"),
            id="00000000000040008000000000000006",
            color="blue",
            note="Again.",
            created=t0 + 300.456,
            modified=t0 + 400,
        ),
    ]


@pytest.fixture(scope="module")
def book() -> Book:
    return open_book(BOOK)


@pytest.fixture(scope="module")
def exported(book: Book) -> ExportedBook:
    # A fixed path, so the golden JSON names the same file on every machine.
    return replace(ExportedBook.from_book(book), path=PurePosixPath("/books/book.md"))


def check_golden(name: str, text: str) -> None:
    golden = FIXTURES / name
    if UPDATE:
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"{golden} is missing: run with READMARK_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_markdown_matches_golden(book: Book, exported: ExportedBook) -> None:
    text = export_markdown(exported, fixed_annotations(book), zone=UTC)
    check_golden("annotations.md", text)


def test_html_matches_golden(book: Book, exported: ExportedBook) -> None:
    text = export_html(exported, fixed_annotations(book), zone=UTC)
    check_golden("annotations.html", text)


def test_json_matches_golden(book: Book, exported: ExportedBook) -> None:
    text = json.dumps(to_w3c(exported, fixed_annotations(book)), ensure_ascii=False, indent=2)
    check_golden("annotations.json", text + "\n")


def test_markdown_reads_as_chapters_in_order(book: Book, exported: ExportedBook) -> None:
    text = export_markdown(exported, list(reversed(fixed_annotations(book))), zone=UTC)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Annotations: A Small Book of \\<Marks\\> & Notes",
        "## Beginning",
        "## The First Chapter",
        "## The Second Chapter",
        "## Not found in the book as it is now",
    ]
    assert "> The river ran slowly past the mill." in text
    assert "*Highlight · yellow · 2023-11-14 22:13*" in text
    assert "not found in the book as it is now*" in text  # the orphan says so itself
    assert "> A last line with \\# hash, \\[brackets\\] and \\* stars." in text


def test_markdown_quote_escaping() -> None:
    assert escape_line("1. not a list") == "1\\. not a list"
    assert escape_line("- not an item") == "\\- not an item"
    assert escape_line("a <b> c") == "a \\<b\\> c"
    assert blockquote("one\n\ntwo") == "> one\n>\n> two"


def test_html_is_self_contained_and_escaped(book: Book, exported: ExportedBook) -> None:
    text = export_html(exported, fixed_annotations(book), zone=UTC)
    lowered = text.lower()
    assert "<script" not in lowered
    assert "https://" not in lowered and "http://" not in lowered  # nothing to fetch
    assert "<img" not in lowered and "<link" not in lowered and "@import" not in lowered
    assert "<title>Annotations: A Small Book of &lt;Marks&gt; &amp; Notes</title>" in text
    assert "Start &lt;here&gt; &amp; now" in text
    assert "@media print" in text
    assert 'class="highlight c-pink s-highlight orphaned"' in text
    assert '<time datetime="2023-11-14T22:13:20Z">2023-11-14 22:13</time>' in text


def test_note_html_renders_markdown_safely() -> None:
    assert note_html("**bold**") == "<p><strong>bold</strong></p>"
    assert "onerror" not in note_html('<img src=x onerror="alert(1)">')
    assert "javascript:" not in note_html("[x](javascript:alert(1))")


def test_json_marks_orphans_and_keeps_extras(book: Book, exported: ExportedBook) -> None:
    document = to_w3c(exported, fixed_annotations(book))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    items = document["first"]["items"]
    assert document["total"] == len(items) == 6
    by_id = {item["id"]: item for item in items}
    orphan = by_id["urn:uuid:00000000-0000-4000-8000-000000000005"]
    assert orphan["readmark:orphaned"] is True
    assert orphan["readmark:originalExact"] == "a sentence that was once here"
    placed = by_id["urn:uuid:00000000-0000-4000-8000-000000000001"]
    assert placed["readmark:orphaned"] is False
    assert placed["motivation"] == "highlighting"
    assert placed["body"]["type"] == "TextualBody"
    assert placed["body"]["format"] == "text/markdown"
    assert placed["target"]["source"] == f"urn:readmark:book:{book.content_id}"
    selectors = {s["type"]: s for s in placed["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "The river ran slowly past the mill."
    text = book.section_text(placed["target"]["readmark:section"])
    position = selectors["TextPositionSelector"]
    assert text[position["start"] : position["end"]] == "The river ran slowly past the mill."
    assert by_id["urn:uuid:00000000-0000-4000-8000-000000000003"]["motivation"] == "bookmarking"
    assert by_id["urn:uuid:00000000-0000-4000-8000-000000000004"]["motivation"] == "commenting"
    assert document["readmark:book"]["file"] == "file:///books/book.md"
    used = {key for item in items for key in item if key.startswith("readmark:")}
    used |= {key for item in items for key in item["target"] if key.startswith("readmark:")}
    assert used <= set(EXTRA_KEYS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_annotations_is_an_empty_but_valid_document(exported: ExportedBook, name: str) -> None:
    exporter, _suffix = FORMATS[name]
    text = exporter(exported, [], lambda context, source: source)
    if name == "json":
        document = json.loads(text)
        assert document["total"] == 0 and document["first"]["items"] == []
    elif name == "html":
        assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
        assert "no annotations yet" in text
    elif name == "md-plain":
        assert text.startswith("# Annotations: ") and "no annotations yet" in text
    elif name == "readwise":
        assert text == "Highlight,Title,Author,URL,Note,Location,Date\r\n"
    else:  # a note for Obsidian or Logseq: the book's properties, no blocks yet
        assert "readmark-book" in text and "A Small Book" in text
        assert "^rm-" not in text and "id::" not in text


def test_unplaced_imports_are_grouped_with_the_orphans(exported: ExportedBook) -> None:
    unplaced = Annotation(Kind.HIGHLIGHT, TextTarget(-1, -1, -1, "somewhere"), id="u")
    placed = Annotation(Kind.HIGHLIGHT, TextTarget(1, 0, 3, "The"), id="p")
    groups = chapters(exported, [unplaced, placed])
    assert [(g.title, g.orphans) for g in groups] == [("The First Chapter", False), ("", True)]
    item = to_w3c(exported, [unplaced])["first"]["items"][0]
    assert [s["type"] for s in item["target"]["selector"]] == ["TextQuoteSelector"]
    assert "readmark:section" not in item["target"]


def test_times_round_to_the_millisecond() -> None:
    assert iso_utc(1_700_000_000.0) == "2023-11-14T22:13:20Z"
    assert iso_utc(1_700_000_000.1234) == "2023-11-14T22:13:20.123Z"
    assert iso_utc(1_700_000_000.9999) == "2023-11-14T22:13:21Z"


def test_format_for_suffix_and_atomic_save(tmp_path: Path) -> None:
    assert [format_for(Path(n)) for n in ("a.html", "a.JSON", "a.md", "a")] == [
        "html",
        "json",
        "md",
        "md",
    ]
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    save_text(target, "new ✓\n")
    assert target.read_text(encoding="utf-8") == "new ✓\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_export_gets_the_mode_a_normal_create_gives(
    tmp_path: Path, umask: int, mode: int
) -> None:
    target = tmp_path / "notes.md"
    old = os.umask(umask)
    try:
        save_text(target, "notes\n")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o7777 == mode


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
def test_overwriting_an_export_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    old = os.umask(0o022)
    try:
        save_text(target, "new\n")
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o7777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def test_a_failed_export_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old", encoding="utf-8")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        save_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


@pytest.mark.parametrize("name", ["md", "html"])
def test_an_export_stopped_before_writing_leaves_the_file_as_it_was(
    book: Book, exported: ExportedBook, tmp_path: Path, name: str
) -> None:
    from readmark.core.export import write_export

    class StopError(Exception):
        pass

    def stop() -> None:
        raise StopError

    path = tmp_path / f"notes.{name}"
    with pytest.raises(StopError):
        write_export(path, name, exported, fixed_annotations(book), before_writing=stop)
    assert not path.exists()
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(StopError):
        write_export(path, name, exported, fixed_annotations(book), before_writing=stop)
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
