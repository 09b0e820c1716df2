"""calibre's annotation exports: `calibre_highlights` (the viewer's Export of one
book's highlights) and `calibre_annotation_collection` (the library's
annotations browser). Both are JSON written by calibre's own code
(src/calibre/gui2/viewer/highlights.py and gui2/library/annotations.py):

    {"version": 1, "type": "calibre_highlights", "highlights": [ANNOT, ...]}
    {"version": 1, "type": "calibre_annotation_collection", "annotations": [ANNOT, ...]}

An ANNOT is `{"type": "highlight", "uuid", "highlighted_text", "notes",
"style": {"kind": "color", "which": "yellow"}, "timestamp": ISO 8601,
"toc_family_titles": [...], "spine_index", "start_cfi", "removed"?}` or a
bookmark (`"type": "bookmark", "title", "pos"`); the collection may wrap each in
`{"annotation": ANNOT, "book_id": …}`. A `removed` annotation is calibre's
tombstone of a deleted highlight: left out. Neither file names the book by
title, so its marks are found in the library by their quotes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from readmark.core.annotations import Kind, Style
from readmark.core.export.w3c_import import AnnotationImportError, loads
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.importers import records
from readmark.core.importers.records import BookMarks, BookRef, Mark, ParsedMarks

TYPES = {"calibre_highlights": "highlights", "calibre_annotation_collection": "annotations"}
COLOURS = {"yellow": "yellow", "green": "green", "blue": "blue", "red": "pink", "purple": "purple"}


def looks_like(text: str) -> bool:
    head = text.lstrip("\ufeff")[:4096]
    return head.lstrip().startswith("{") and any(f'"{t}"' in text for t in TYPES)


def parse(text: str) -> ParsedMarks:
    data = loads(text.lstrip("\ufeff"))
    if not isinstance(data, dict) or data.get("type") not in TYPES:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP("ImportError", "The file is not a calibre annotations export.")
        )
    items = data.get(TYPES[str(data["type"])])
    if not isinstance(items, list):
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP("ImportError", "The calibre export holds no list of annotations.")
        )
    parsed = ParsedMarks("calibre", [])
    by_book: dict[object, BookMarks] = {}
    for item in items:
        book_id: object = None
        if isinstance(item, dict) and isinstance(item.get("annotation"), dict):
            book_id = item.get("book_id")
            item = item["annotation"]
        if not isinstance(item, dict):
            parsed.leave_out(records.NOT_AN_ANNOTATION)
            continue
        if item.get("removed"):
            parsed.leave_out(records.DELETED_IN_CALIBRE)
            continue
        mark = _mark(item)
        if mark is None:
            parsed.leave_out(records.NOT_AN_ANNOTATION)
            continue
        key = book_id if isinstance(book_id, int | str) else None
        by_book.setdefault(key, BookMarks(BookRef())).marks.append(mark)
    parsed.books = list(by_book.values())
    return parsed


def _mark(item: dict[str, object]) -> Mark | None:
    kind = item.get("type")
    created = _when(item.get("timestamp"))
    titles = item.get("toc_family_titles")
    chapter = (
        " › ".join(t for t in titles if isinstance(t, str)) if isinstance(titles, list) else ""
    )
    spine = item.get("spine_index")
    hint = spine if isinstance(spine, int) and not isinstance(spine, bool) and spine >= 0 else None
    if kind == "bookmark":
        title = item.get("title")
        pos = item.get("pos")
        return Mark(
            Kind.BOOKMARK,
            label=title if isinstance(title, str) else "",
            position=pos if isinstance(pos, str) else "",
            created=created,
            modified=created,
        )
    if kind != "highlight":
        return None
    quote = item.get("highlighted_text")
    notes = item.get("notes")
    quote = quote.strip() if isinstance(quote, str) else ""
    note = notes.strip() if isinstance(notes, str) else ""
    if not quote and not note:
        return None
    style = item.get("style")
    style = style if isinstance(style, dict) else {}
    which = style.get("which")
    colour = COLOURS.get(which, "yellow") if isinstance(which, str) else "yellow"
    decoration = style.get("kind") == "decoration"
    start = item.get("start_cfi")
    return Mark(
        Kind.HIGHLIGHT if quote else Kind.NOTE,
        quote=quote,
        note=note,
        color=colour,
        style=Style.UNDERLINE if decoration else Style.HIGHLIGHT,
        chapter=chapter,
        position=start if isinstance(start, str) else "",
        section_hint=hint,
        created=created,
        modified=created,
    )


def _when(value: object) -> float | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()
    except (ValueError, OverflowError, OSError):
        return None
