"""Annotations out of Readmark and back in.

Each format is a pure function of the book's description and its annotations
(anchored by the caller against the book as it is now):

- `obsidian` / `logseq` (`notes.update_note`): the book's note for a notes app,
  which a later export *updates* rather than replaces (`write_export`): the
  reader's own text and order stay. `md` is the Obsidian flavour.
- `readwise.export_readwise`: the CSV Readwise's importer reads.
- `markdown.export_markdown` (`md-plain`): per chapter, each quote as a block
  quote with its note, colour and date, written anew each time.
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
from typing import TYPE_CHECKING

from readmark.core.annotations import Annotation
from readmark.core.book import BookError
from readmark.core.export.common import ExportedBook, Translate
from readmark.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from readmark.core.export.notes import Flavour, NoteOptions


def _markdown(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.markdown import export_markdown

    return export_markdown(book, annotations, tr)


def _html(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.html import export_html

    return export_html(book, annotations, tr)


def _json(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.w3c import dumps, to_w3c

    return dumps(to_w3c(book, annotations))


def _obsidian(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.notes import NoteOptions, update_note
    from readmark.core.export.obsidian import OBSIDIAN

    return update_note(OBSIDIAN, None, book, annotations, NoteOptions(tr=tr))


def _logseq(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.logseq import LOGSEQ
    from readmark.core.export.notes import NoteOptions, update_note

    return update_note(LOGSEQ, None, book, annotations, NoteOptions(tr=tr))


def _readwise(book: ExportedBook, annotations: Sequence[Annotation], tr: Translate) -> str:
    from readmark.core.export.readwise import export_readwise

    return export_readwise(book, annotations)


Exporter = Callable[[ExportedBook, Sequence[Annotation], Translate], str]

# name -> (exporter, file suffix); dates are in this computer's time zone.
FORMATS: dict[str, tuple[Exporter, str]] = {
    "md": (_obsidian, ".md"),
    "obsidian": (_obsidian, ".md"),
    "logseq": (_logseq, ".md"),
    "md-plain": (_markdown, ".md"),
    "readwise": (_readwise, ".csv"),
    "html": (_html, ".html"),
    "json": (_json, ".json"),
}


def format_for(path: Path) -> str:
    """The export format a file name asks for by its suffix (Markdown by default)."""
    suffix = path.suffix.lower()
    known = {
        ".html": "html",
        ".htm": "html",
        ".json": "json",
        ".jsonld": "json",
        ".csv": "readwise",
    }
    return known.get(suffix, "md")


# The formats a later export updates in place instead of replacing.
NOTE_FORMATS = ("md", "obsidian", "logseq")


class ExportError(BookError):
    """An export could not be written; the message is for the reader (see BookError)."""

    context = "ExportError"


def write_export(
    path: Path,
    name: str,
    book: ExportedBook,
    annotations: Sequence[Annotation],
    options: NoteOptions | None = None,
    overwrite: bool = False,
    before_writing: Callable[[], None] = lambda: None,
) -> bool:
    """Write the export `name` to `path`; True when an existing note was updated.
    `before_writing()` is called once the text is made, just before the file is
    touched (the window's Cancel raises there: nothing is written).

    A note (`NOTE_FORMATS`) that already exists is updated: what Readmark wrote is
    brought up to date and everything else in it is kept (`notes.update_note`),
    unless `overwrite`. Other formats are written anew. The write is atomic.
    Raises ExportError (the existing note cannot be read as text) or OSError.
    """
    from readmark.core.export.notes import NoteOptions, update_note

    options = options or NoteOptions()
    path = Path(path)
    if name not in NOTE_FORMATS:
        exporter, _suffix = FORMATS[name]
        text = exporter(book, annotations, options.tr)
        before_writing()
        save_text(path, text)
        return False
    existing = None if overwrite else read_note(path)
    text = update_note(flavour(name), existing, book, annotations, options)
    before_writing()
    save_text(path, text)
    return existing is not None


def flavour(name: str) -> Flavour:
    from readmark.core.export.logseq import LOGSEQ
    from readmark.core.export.obsidian import OBSIDIAN

    return LOGSEQ if name == "logseq" else OBSIDIAN


def read_note(path: Path) -> str | None:
    """The text of the note at `path`, None if there is none; ExportError if it is
    there but is no text Readmark may update (it is then left alone)."""
    from readmark.core.textio import read_bytes

    if not os.path.lexists(path):
        return None
    try:
        raw = read_bytes(path)
    except BookError as error:
        raise ExportError(
            QT_TRANSLATE_NOOP("ExportError", "“{name}” cannot be updated: {reason}"),
            name=path.name,
            reason=str(error),
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "ExportError",
                "“{name}” is not UTF-8 text, so Readmark leaves it alone: "
                "export to another file, or replace it.",
            ),
            name=path.name,
        ) from None


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


__all__ = [
    "FORMATS",
    "NOTE_FORMATS",
    "ExportError",
    "ExportedBook",
    "format_for",
    "read_note",
    "save_text",
    "write_export",
]
