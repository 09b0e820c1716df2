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

import errno
import os
import secrets
import stat
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
    """Write `text` (UTF-8) to `path` atomically: the old file stays whole on failure.

    The file gets the permissions a plain `open(path, "w")` would give it: an
    existing file keeps its mode, a new one gets 0o666 less the umask (a
    temporary file from `mkstemp` would be private, 0o600, whatever the umask).
    """
    path = Path(path)
    fd, tmp = _create_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            _keep_mode(out.fileno(), path)
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _keep_mode(fd: int, path: Path) -> None:
    """Give the open file `fd` the permission bits of the file at `path`, if any."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return  # a new file: the mode os.open gave it is already right
    if os.chmod in os.supports_fd:  # not on Windows, where the mode is only read-only
        os.chmod(fd, mode)


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new, uniquely named file in `path`'s folder, opened for writing, with the
    mode the system gives new files (0o666 less the umask and default ACLs)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No unused temporary file name", str(path.parent))


__all__ = ["FORMATS", "ExportedBook", "format_for", "save_text"]
