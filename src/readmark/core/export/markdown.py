"""Annotations as Markdown: pleasant to read in Obsidian, Typora or a plain editor.

    # Title
    Author

    ## Chapter
    > the quoted passage

    the note, as the reader wrote it (Markdown)

    *Highlight · yellow · 2024-03-01 14:05* · [Open in Readmark](readmark://annotation/…)

Quotes are the book's plain text, so characters Markdown would read as markup
are escaped; notes are Markdown already and go in as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import tzinfo

from readmark.core.annotations import Annotation, Kind
from readmark.core.export.common import (
    BEGINNING,
    CONTEXT,
    DOCUMENT_TITLE,
    NO_ANNOTATIONS,
    OPEN_IN_READMARK,
    ORPHANS_EXPLAINED,
    ORPHANS_TITLE,
    ExportedBook,
    Translate,
    chapters,
    describe,
    untranslated,
)
from readmark.core.links import annotation_link

_INLINE = re.compile(r"([\\`*_\[\]<>#|~$])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)")


def export_markdown(
    book: ExportedBook,
    annotations: Sequence[Annotation],
    tr: Translate = untranslated,
    zone: tzinfo | None = None,
) -> str:
    """The whole document; `zone` is the time zone of the dates (None = local)."""
    out = [f"# {escape(tr(CONTEXT, DOCUMENT_TITLE).format(title=book.title))}", ""]
    if book.authors:
        out += [escape(", ".join(book.authors)), ""]
    groups = chapters(book, annotations)
    if not groups:
        out += [f"*{tr(CONTEXT, NO_ANNOTATIONS)}*", ""]
    for chapter in groups:
        if chapter.orphans:
            out += [f"## {escape(tr(CONTEXT, ORPHANS_TITLE))}", "", tr(CONTEXT, ORPHANS_EXPLAINED)]
        else:
            out.append(f"## {escape(chapter.title or tr(CONTEXT, BEGINNING))}")
        out.append("")
        for annotation in chapter.annotations:
            out += _entry(annotation, tr, zone, annotation_link(book.content_id, annotation))
    return "\n".join(out).rstrip("\n") + "\n"


def _entry(annotation: Annotation, tr: Translate, zone: tzinfo | None, link: str) -> list[str]:
    lines: list[str] = []
    if annotation.kind is Kind.BOOKMARK and annotation.label.strip():
        lines += [f"**{escape(annotation.label.strip())}**", ""]
    if annotation.quote.strip():
        lines += [blockquote(annotation.quote), ""]
    if annotation.note.strip():
        lines += [annotation.note.strip("\n"), ""]
    meta = " · ".join(escape(part) for part in describe(annotation, tr, zone))
    lines += [f"*{meta}* · [{escape(tr(CONTEXT, OPEN_IN_READMARK))}]({link})", ""]
    return lines


def blockquote(text: str) -> str:
    """Plain text as a Markdown block quote, its line breaks kept."""
    rows = []
    for line in text.strip("\n").split("\n"):
        line = line.rstrip()
        rows.append(f"> {escape_line(line)}" if line else ">")
    return "\n".join(rows)


def escape(text: str) -> str:
    """Plain text that Markdown shows as it is, on one line."""
    return _INLINE.sub(r"\\\1", " ".join(text.split()))


def escape_line(line: str) -> str:
    """One line of plain text, including what would start a list or heading."""
    escaped = _INLINE.sub(r"\\\1", line)
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], escaped)
