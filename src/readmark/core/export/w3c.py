"""Annotations as JSON in the W3C Web Annotation Data Model.

The document is an AnnotationCollection whose `first` AnnotationPage holds every
annotation. Each target is the book (`urn:readmark:book:<content id>`, the
hash of the file's bytes) with a TextQuoteSelector and, when the annotation is
placed, a TextPositionSelector counting characters of the section's text plus
`readmark:section`. What the model has no word for is kept under `readmark:`
keys (listed in `EXTRA_KEYS`, documented in the README), so any W3C
tool can read the file and Readmark reads back everything it wrote.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from pathlib import Path, PurePath

from readmark.core.annotations import Annotation, Kind
from readmark.core.export.common import ExportedBook, iso_utc, reading_order
from readmark.core.store import annotation_store

CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
BOOK_URN = annotation_store.BOOK_URN  # + content id
COLLECTION_URN = "urn:readmark:annotations:"

MOTIVATIONS = {
    Kind.HIGHLIGHT: "highlighting",
    Kind.NOTE: "commenting",
    Kind.BOOKMARK: "bookmarking",
}

# Readmark's own properties; a reader of the file can ignore them all.
BOOK = "readmark:book"  # collection: {title, authors, contentId, file}
SECTION = "readmark:section"  # target: the section the position counts in
KIND = "readmark:kind"  # highlight | note | bookmark
COLOR = "readmark:color"  # yellow | green | blue | pink | purple
STYLE = "readmark:style"  # highlight | underline
LABEL = "readmark:label"  # a bookmark's name
ORPHANED = "readmark:orphaned"  # true: the quote is no longer in the book
ORIGINAL_EXACT = "readmark:originalExact"  # the quote as first made, when it changed
EXTRA_KEYS = (BOOK, SECTION, KIND, COLOR, STYLE, LABEL, ORPHANED, ORIGINAL_EXACT)


def annotation_iri(annotation_id: str) -> str:
    """`urn:uuid:…` for Readmark's ids (uuid4 hex); other ids as a Readmark URN."""
    try:
        return uuid.UUID(hex=annotation_id).urn
    except ValueError:
        return f"urn:readmark:annotation:{annotation_id}"


def book_urn(content_id: str) -> str:
    return BOOK_URN + content_id


def file_url(path: PurePath) -> str:
    return (path if path.is_absolute() else Path(path).absolute()).as_uri()


def to_w3c(book: ExportedBook, annotations: Sequence[Annotation]) -> dict[str, object]:
    """An AnnotationCollection of the book's annotations, in reading order."""
    items = [to_w3c_annotation(book, a) for a in reading_order(annotations)]
    return {
        "@context": CONTEXT_URL,
        "id": COLLECTION_URN + book.content_id,
        "type": "AnnotationCollection",
        "label": book.title,
        "total": len(items),
        BOOK: {
            "title": book.title,
            "authors": list(book.authors),
            "contentId": book.content_id,
            "file": file_url(book.path),
        },
        "first": {
            "id": COLLECTION_URN + book.content_id + ":page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def to_w3c_annotation(book: ExportedBook, annotation: Annotation) -> dict[str, object]:
    target = annotation.target
    quote: dict[str, object] = {"type": "TextQuoteSelector", "exact": target.exact}
    if target.prefix:
        quote["prefix"] = target.prefix
    if target.suffix:
        quote["suffix"] = target.suffix
    selectors: list[dict[str, object]] = [quote]
    w3c_target: dict[str, object] = {"source": book_urn(book.content_id), "selector": selectors}
    if target.section >= 0 and target.start >= 0:
        selectors.append({"type": "TextPositionSelector", "start": target.start, "end": target.end})
        w3c_target[SECTION] = target.section
    result: dict[str, object] = {
        "id": annotation_iri(annotation.id),
        "type": "Annotation",
        "motivation": MOTIVATIONS[annotation.kind],
        "created": iso_utc(annotation.created),
        "modified": iso_utc(annotation.modified),
    }
    if annotation.note:
        result["body"] = {
            "type": "TextualBody",
            "value": annotation.note,
            "format": "text/markdown",
            "purpose": "commenting",
        }
    result["target"] = w3c_target
    result[KIND] = annotation.kind.value
    result[COLOR] = annotation.color
    result[STYLE] = annotation.style.value
    if annotation.label:
        result[LABEL] = annotation.label
    result[ORPHANED] = annotation.orphaned
    if annotation.original_exact:
        result[ORIGINAL_EXACT] = annotation.original_exact
    return result


def dumps(document: object) -> str:
    """The JSON text Readmark writes: UTF-8 characters as they are, two-space indent."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
