"""Annotations as the CSV that Readwise's importer reads.

Readwise's CSV upload takes the columns `Highlight` (the only one required),
`Title`, `Author`, `URL`, `Note`, `Location` and `Date`, quotes doubled inside a
quoted field (RFC 4180, which Python's csv module writes). Here:

- `Location` is the annotation's place in reading order (1, 2, 3…), so Readwise
  sorts them as the book has them;
- `Date` is when it was made, `YYYY-MM-DD HH:MM:SS` in UTC;
- `URL` is the `readmark://` link back to the annotation in Readmark;
- a note on its own (no quoted text) goes in as its own highlight; bookmarks,
  which quote nothing, are left out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import UTC, datetime

from readmark.core.annotations import Annotation, Kind
from readmark.core.export.common import ExportedBook, reading_order
from readmark.core.export.notes import Link
from readmark.core.links import link_to_annotation

COLUMNS = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")


def export_readwise(
    book: ExportedBook, annotations: Sequence[Annotation], link: Link = link_to_annotation
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    author = ", ".join(book.authors)
    location = 0
    for annotation in reading_order(annotations):
        quote, note = annotation.quote.strip(), annotation.note.strip()
        if annotation.kind is Kind.BOOKMARK or not (quote or note):
            continue
        if not quote:
            quote, note = note, ""
        location += 1
        moment = datetime.fromtimestamp(annotation.created, UTC)
        writer.writerow(
            (
                quote,
                book.title,
                author,
                link(annotation) or "",
                note,
                location,
                moment.strftime("%Y-%m-%d %H:%M:%S"),
            )
        )
    return out.getvalue()
