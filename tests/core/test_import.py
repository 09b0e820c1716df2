"""Importing W3C Web Annotations into a real library: merge, pending, refusal.

The round trip (export, import into a fresh library, export again) must give
the same document; standard W3C files from other tools must import too; a bad
file must change nothing at all.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readmark.core.annotations import Kind, Style
from readmark.core.book import Book
from readmark.core.export.collect import annotations_to_export, find_record
from readmark.core.export.common import ExportedBook
from readmark.core.export.importer import import_annotations, source_path
from readmark.core.export.w3c import dumps, to_w3c
from readmark.core.export.w3c_import import (
    MAX_BYTES,
    UNPLACED,
    AnnotationImportError,
    ParsedImport,
    parse_w3c,
)
from readmark.core.formats import open_book
from readmark.core.store.library import Library

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "export"
ANNO = "http://www.w3.org/ns/anno.jsonld"


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    copy = tmp_path / "books" / "book.md"
    copy.parent.mkdir()
    shutil.copyfile(FIXTURES / "book.md", copy)
    return copy.resolve()


@pytest.fixture
def book(book_file: Path) -> Book:
    return open_book(book_file)


def _library(path: Path) -> Library:
    return Library(path)


@pytest.fixture
def library(tmp_path: Path):
    lib = _library(tmp_path / "lib.sqlite3")
    yield lib
    lib.close()


def opened(library: Library, book: Book) -> None:
    """What the reader does on opening a book: record it, then claim its imports."""
    library.touch(book.path, book.content_id, book.metadata.title, "")
    library.annotations.claim_pending(book.path, book.content_id)


def export_json(library: Library, book: Book) -> str:
    record = find_record(library, book)
    assert record is not None
    return dumps(to_w3c(ExportedBook.from_book(book), annotations_to_export(library, record, book)))


def dump(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return list(db.iterdump())
    finally:
        db.close()


def write_json(folder: Path, value: object, name: str = "in.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def quote_annotation(source: str, exact: str, **extra: object) -> dict[str, object]:
    selector: list[dict[str, object]] = [{"type": "TextQuoteSelector", "exact": exact}]
    selector[0].update(extra.pop("quote", {}))  # type: ignore[arg-type]
    return {
        "@context": ANNO,
        "type": "Annotation",
        "target": {"source": source, "selector": selector},
        **extra,
    }


def golden_for(book: Book) -> dict[str, object]:
    """The golden export, naming the copy of the book this test uses."""
    document = json.loads((FIXTURES / "annotations.json").read_text(encoding="utf-8"))
    document["readmark:book"]["file"] = book.path.as_uri()
    return document


# -- round trip and merge ----------------------------------------------------


def test_round_trip_export_import_export_is_identical(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    first_import = import_annotations(library, write_json(tmp_path, golden_for(book)))
    assert (first_import.added, first_import.skipped) == (6, [])
    first = export_json(library, book)

    fresh = _library(tmp_path / "fresh.sqlite3")
    try:
        opened(fresh, book)
        exported = tmp_path / "exported.json"
        exported.write_text(first, encoding="utf-8")
        report = import_annotations(fresh, exported)
        assert (report.added, report.updated, report.pending, report.skipped) == (6, 0, 0, [])
        second = export_json(fresh, book)
    finally:
        fresh.close()
    assert second == first
    items = json.loads(second)["first"]["items"]
    by_id = {item["id"]: item for item in items}
    orphan = by_id["urn:uuid:00000000-0000-4000-8000-000000000005"]
    assert orphan["readmark:orphaned"] is True  # its text is not in the book
    underlined = by_id["urn:uuid:00000000-0000-4000-8000-000000000002"]
    assert (underlined["readmark:color"], underlined["readmark:style"]) == ("green", "underline")
    assert underlined["modified"] == "2023-11-14T23:13:20.500Z"


def test_importing_twice_updates_instead_of_duplicating(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    document = golden_for(book)
    path = write_json(tmp_path, document)
    import_annotations(library, path)
    again = import_annotations(library, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 6)
    item = document["first"]["items"][1]
    item["body"]["value"] = "Changed my mind."
    item["modified"] = "2024-01-01T00:00:00Z"
    changed = import_annotations(library, write_json(tmp_path, document))
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 5)
    stored = library.annotations.for_book(book.path)
    assert len(stored) == 6
    assert library.annotations.get("00000000000040008000000000000001").note == "Changed my mind."


def test_an_older_import_does_not_overwrite_a_later_edit(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    path = write_json(tmp_path, golden_for(book))
    import_annotations(library, path)
    mine = library.annotations.get("00000000000040008000000000000001")
    library.annotations.update(mine.edited(note="edited here, later"))
    report = import_annotations(library, path)
    assert report.updated == 0 and len(report.skipped) == 1
    assert "modified later" in str(report.skipped[0])
    assert library.annotations.get(mine.id).note == "edited here, later"


# -- what other tools write ----------------------------------------------------


def test_single_quote_only_annotation_is_found_by_its_context(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    # "The river ran slowly past the" occurs twice in chapter one: the suffix decides.
    value = quote_annotation(
        f"urn:readmark:book:{book.content_id}",
        "The river ran slowly past the",
        quote={"suffix": " school as well."},
        id="https://example.org/annotations/1",
        motivation="highlighting",
    )
    report = import_annotations(library, write_json(tmp_path, value))
    assert report.added == 1
    (stored,) = library.annotations.for_book(book.path)
    text = book.section_text(stored.target.section)
    assert stored.target.section == 1
    assert text[stored.target.end :].startswith(" school")
    assert not stored.orphaned and stored.kind is Kind.HIGHLIGHT


def test_a_unique_quote_without_context_is_found(
    tmp_path: Path, library: Library, book: Book
) -> None:
    """Many tools write a TextQuoteSelector with `exact` only; a unique quote suffices."""
    opened(library, book)
    value = quote_annotation(str(book.path), "Everyone said the river was the heart of the town.")
    import_annotations(library, write_json(tmp_path, value))
    (stored,) = library.annotations.for_book(book.path)
    assert stored.target.section == 1 and not stored.orphaned


def test_array_with_file_url_and_plain_path_sources(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    relative = Path("books") / "book.md"  # relative to the JSON file's folder
    values = [
        quote_annotation(book.path.as_uri(), "It was a quiet morning.", motivation="commenting",
                         quote={"suffix": " The river ran"},
                         body={"type": "TextualBody", "value": "<b>calm</b>",
                               "format": "text/html"}),
        quote_annotation(str(relative), "heart of the town", motivation="bookmarking",
                         quote={"prefix": "said the river was the "}),
        quote_annotation(str(book.path), "Nothing in the second chapter",
                         quote={"suffix": " is marked twice"}, bodyValue="plain note"),
    ]  # fmt: skip
    report = import_annotations(library, write_json(tmp_path, values))
    assert (report.added, report.pending, report.skipped) == (3, 0, [])
    stored = {a.quote: a for a in library.annotations.for_book(book.path)}
    assert stored["It was a quiet morning."].kind is Kind.HIGHLIGHT  # a comment on a passage
    assert stored["It was a quiet morning."].note == "calm"
    assert stored["heart of the town"].kind is Kind.BOOKMARK
    assert stored["Nothing in the second chapter"].note == "plain note"
    assert all(a.target.section >= 0 and not a.orphaned for a in stored.values())


def test_collection_with_first_page_and_page_alone(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    source = f"urn:readmark:book:{book.content_id}"
    page = {
        "@context": ANNO,
        "type": "AnnotationPage",
        "items": [quote_annotation(source, "quiet morning", id="urn:uuid:" + "1" * 32)],
    }
    collection = {
        "@context": ANNO,
        "type": "AnnotationCollection",
        "first": {
            "type": "AnnotationPage",
            "items": [quote_annotation(source, "heart of the town")],
            "next": {
                "type": "AnnotationPage",
                "items": [quote_annotation(source, "A word before")],
            },
        },
    }
    assert import_annotations(library, write_json(tmp_path, page)).added == 1
    assert import_annotations(library, write_json(tmp_path, collection)).added == 2
    assert library.annotations.get("1" * 32) is not None
    assert len(library.annotations.for_book(book.path)) == 3


def test_position_selector_with_readmark_section_is_checked_against_the_book(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    text = book.section_text(2)
    start = text.index("A last line")
    value = {
        "type": "Annotation",
        "target": {
            "source": f"urn:readmark:book:{book.content_id}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "A last line"},
                {"type": "TextPositionSelector", "start": start, "end": start + 11},
            ],
            "readmark:section": 2,
        },
        "readmark:color": "purple",
        "readmark:style": "underline",
    }
    import_annotations(library, write_json(tmp_path, value))
    (stored,) = library.annotations.for_book(book.path)
    assert (stored.target.section, stored.target.start) == (2, start)
    assert (stored.color, stored.style) == ("purple", Style.UNDERLINE)


def test_unknown_book_waits_until_it_is_in_the_library(
    tmp_path: Path, library: Library, book: Book
) -> None:
    value = quote_annotation(
        f"urn:readmark:book:{book.content_id}",
        "heart of the town",
        quote={"prefix": "said the river was the ", "suffix": "."},
        id="urn:uuid:" + "2" * 32,
    )
    report = import_annotations(library, write_json(tmp_path, value))
    assert (report.added, report.pending) == (1, 1)
    ((source, waiting),) = library.annotations.pending()
    assert source == f"urn:readmark:book:{book.content_id}"
    assert waiting.target.section == UNPLACED  # placed once the book is there
    by_path = quote_annotation(
        str(book.path),
        "It was a quiet morning.",
        quote={"suffix": " The river ran slowly"},
        id="urn:uuid:" + "3" * 32,
    )
    # A target naming a file on disk adds that book to the library (issue 11): both
    # annotations are the book's at once, the waiting one included, unopened.
    report = import_annotations(library, write_json(tmp_path, by_path))
    assert (report.added, report.pending, report.books_added) == (1, 0, [book.path])
    assert library.annotations.pending() == []
    assert {a.id for a in library.annotations.for_book(book.path)} == {"2" * 32, "3" * 32}

    opened(library, book)
    assert library.annotations.pending() == []
    assert {a.id for a in library.annotations.for_book(book.path)} == {"2" * 32, "3" * 32}
    placed = json.loads(export_json(library, book))["first"]["items"]
    assert all(item["readmark:orphaned"] is False for item in placed)
    assert all("readmark:section" in item["target"] for item in placed)


def test_what_readmark_cannot_keep_is_skipped_with_a_reason(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    source = f"urn:readmark:book:{book.content_id}"
    values = [
        quote_annotation("https://example.org/page.html", "a web page"),
        quote_annotation(source, "quiet morning", motivation="tagging"),
        {"type": "Annotation", "target": "https://example.org/image.png"},
        {
            "type": "Annotation",
            "target": {"source": source, "selector": {"type": "FragmentSelector", "value": "x"}},
        },
        quote_annotation(source, "quiet morning"),
    ]
    report = import_annotations(library, write_json(tmp_path, values))
    assert report.added == 1
    reasons = [str(s) for s in report.skipped]
    assert len(reasons) == 4
    assert "not a book Readmark can find" in reasons[-1]  # found after parsing: listed last
    assert any("motivation (tagging)" in r for r in reasons)
    assert sum("TextQuoteSelector" in r for r in reasons) == 2


def test_source_paths() -> None:
    base = Path("/data/exports")
    assert source_path("file:///books/a%20b.md", base) == Path("/books/a b.md").resolve()
    assert source_path("file://localhost/books/a.md", base) == Path("/books/a.md").resolve()
    assert source_path("file://elsewhere/books/a.md", base) is None
    assert source_path("https://example.org/a.md", base) is None
    assert source_path("book.md", base) == (base / "book.md").resolve()


# -- refusal -------------------------------------------------------------------


BAD_FILES = {
    "invalid JSON": (b'{"type": "Annotation", ', "is not valid JSON"),
    "a number": (b"42", "does not hold W3C annotations"),
    "NaN": (b'[{"type": "Annotation", "x": NaN}]', "is not valid JSON"),
    "not UTF-8": (b'"\xff\xfe"', "not UTF-8"),
    "missing target": (b'{"type": "Annotation", "id": "urn:x:1"}', "urn:x:1: it has no target"),
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "nested more than"),
    "lone surrogate": (b'["\\ud800"]', "not valid Unicode"),
    "start is text": (
        b'{"type":"Annotation","target":{"source":"a.md","selector":[{"type":'
        b'"TextQuoteSelector","exact":"x"},{"type":"TextPositionSelector","start":"1",'
        b'"end":2}]}}',
        "start is not a character offset",
    ),
    "bad date": (
        b'{"type":"Annotation","created":"yesterday","target":{"source":"a.md","selector":'
        b'{"type":"TextQuoteSelector","exact":"x"}}}',
        "(yesterday) is not an ISO 8601 date",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_change_nothing(tmp_path: Path, library: Library, book: Book, name: str) -> None:
    opened(library, book)
    import_annotations(library, write_json(tmp_path, golden_for(book), "good.json"))
    before = dump(library.path)
    content, message = BAD_FILES[name]
    # A good annotation first: refusal is all or nothing, not up to the bad one.
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(AnnotationImportError) as caught:
        import_annotations(library, bad)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert dump(library.path) == before


def test_a_good_annotation_before_a_bad_one_is_not_imported(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    before = dump(library.path)
    values = [quote_annotation(str(book.path), "quiet morning"), {"type": "Annotation"}]
    with pytest.raises(AnnotationImportError, match="#2: it has no target"):
        import_annotations(library, write_json(tmp_path, values))
    assert dump(library.path) == before


def test_huge_file_is_refused_without_reading_it_all(
    tmp_path: Path, library: Library, book: Book
) -> None:
    opened(library, book)
    before = dump(library.path)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as out:
        out.write(b"[")
        out.write(b" " * (60 * 1024 * 1024))
        out.write(b"]")
    assert huge.stat().st_size > MAX_BYTES
    with pytest.raises(AnnotationImportError, match="larger than 50 MB"):
        import_annotations(library, huge)
    assert dump(library.path) == before


def test_missing_file_is_a_clear_error(tmp_path: Path, library: Library) -> None:
    with pytest.raises(AnnotationImportError, match="cannot be read"):
        import_annotations(library, tmp_path / "nowhere.json")


# -- any JSON value ------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(
            ["type", "target", "source", "selector", "exact", "start", "end", "body", "value",
             "motivation", "id", "items", "first", "next", "created", "readmark:section",
             "readmark:color", "readmark:orphaned", "prefix", "bodyValue", "x"]
        ) | st.text(max_size=4),
        children,
        max_size=5,
    ),
    max_leaves=30,
)  # fmt: skip
_type_names = st.sampled_from(
    ["Annotation", "AnnotationPage", "AnnotationCollection", "TextQuoteSelector",
     "TextPositionSelector", "TextualBody"]
)  # fmt: skip


def _with_types(value: object, draw_type: str) -> object:
    """Put plausible `type`s into the value so parsing gets past the first check."""
    if isinstance(value, dict):
        return {
            k: (draw_type if k == "type" else _with_types(v, draw_type)) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_with_types(v, draw_type) for v in value]
    return value


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_json_values, type_name=_type_names)
def test_any_json_value_parses_or_is_refused_plainly(value: object, type_name: str) -> None:
    for candidate in (value, _with_types(value, type_name)):
        try:
            result = parse_w3c(candidate, now=0.0)
        except AnnotationImportError as error:
            assert str(error) and "\n" not in str(error)
        else:
            assert isinstance(result, ParsedImport)
