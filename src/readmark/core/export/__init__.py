"""Annotations out of Readmark and back in.

Three formats, each one pure function of the book's description and its
annotations (anchored by the caller against the book as it is now):

- `markdown.export_markdown`: per chapter, each quote as a block quote with its
  note, colour and date; for reading in Obsidian, Typora or any editor.
- `html.export_html`: one self-contained, printable page (no scripts, no
  remote resources).
- `w3c.to_w3c`: JSON in the W3C Web Annotation Data Model, which
  `w3c_import.parse_w3c` and `importer.import_annotations` read back.

`FORMATS` maps the names the CLI and the export dialog offer to a function
`(ExportedBook, annotations, translate) -> str` and the usual file suffix.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from readmark.core.annotations import Annotation
from readmark.core.export.common import ExportedBook, Translate


def _markdown(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.markdown import export_markdown

    return export_markdown(book, annotations, tr)


def _html(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.html import export_html

    return export_html(book, annotations, tr)


def _json(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.w3c import dumps, to_w3c

    return dumps(to_w3c(book, annotations))


Exporter = Callable[[ExportedBook, Sequence[Annotation], Translate], str]

# name -> (exporter, file suffix); dates are in this computer's time zone.
FORMATS: dict[str, tuple[Exporter, str]] = {
    "md": (_markdown, ".md"),
    "html": (_html, ".html"),
    "json": (_json, ".json"),
}


def format_for(path: Path) -> str:
    """The export format a file name asks for by its suffix (Markdown by default)."""
    suffix = path.suffix.lower()
    return {".html": "html", ".htm": "html", ".json": "json", ".jsonld": "json"}.get(suffix, "md")


def save_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` atomically: the old file stays whole on failure."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["FORMATS", "ExportedBook", "format_for", "save_text"]
