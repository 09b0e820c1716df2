"""Annotations as one printable HTML page.

Self-contained: the style sheet is inline, there are no scripts and nothing is
fetched (images in notes are left out; links stay links). Every piece of text
from the book or the reader is escaped; notes are Markdown, rendered as the
annotations panel and the reader show them (`readmark.core.note_markdown`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import tzinfo

from readmark.core.annotations import COLOURS, Annotation, Kind
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
    iso_utc,
    local_time,
    untranslated,
)
from readmark.core.links import annotation_link
from readmark.core.note_markdown import note_html

# Mark colours as on screen; on paper the border carries the colour, the tint is light.
_COLOUR_CSS = {
    "yellow": "#f5c400",
    "green": "#4caf50",
    "blue": "#3f87e0",
    "pink": "#e8639a",
    "purple": "#9b6ad6",
}

STYLE = """
:root { color-scheme: light; }
body { font-family: Georgia, "Noto Serif", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  line-height: 1.55; color: #1d1d1d; background: #fff; max-width: 44em; margin: 2em auto;
  padding: 0 1.5em; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
.authors { margin-top: 0; color: #555; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em;
  break-after: avoid; page-break-after: avoid; }
article { margin: 1.2em 0; break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 0; padding: 0.4em 0.9em; border-left: 0.3em solid var(--mark, #f5c400);
  background: color-mix(in srgb, var(--mark, #f5c400) 10%, white); white-space: pre-wrap; }
article.s-underline blockquote { background: none; text-decoration: underline;
  text-decoration-color: var(--mark, #f5c400); }
.label { font-weight: bold; margin: 0 0 0.3em; }
.note { margin: 0.4em 0 0 1.2em; }
.note p { margin: 0.3em 0; }
.meta { margin: 0.3em 0 0 1.2em; font-size: 0.85em; color: #666; font-style: italic; }
article.orphaned blockquote { border-left-style: dashed; background: none; color: #555; }
.explained { color: #555; }
""" + "".join(f".c-{name} {{ --mark: {value}; }}\n" for name, value in _COLOUR_CSS.items())
STYLE += """@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; }
}
@page { margin: 2cm; }
"""


def export_html(
    book: ExportedBook,
    annotations: Sequence[Annotation],
    tr: Translate = untranslated,
    zone: tzinfo | None = None,
) -> str:
    """The whole page; `zone` is the time zone of the dates (None = local)."""
    e = html.escape
    title = tr(CONTEXT, DOCUMENT_TITLE).format(title=book.title)
    lang = f' lang="{e(book.language)}"' if book.language else ""
    out = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="generator" content="Readmark">',
        f"<title>{e(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(title)}</h1>",
    ]
    if book.authors:
        out.append(f'<p class="authors">{e(", ".join(book.authors))}</p>')
    out.append("</header>")
    groups = chapters(book, annotations)
    if not groups:
        out.append(f'<p class="empty">{e(tr(CONTEXT, NO_ANNOTATIONS))}</p>')
    for chapter in groups:
        out.append('<section class="orphans">' if chapter.orphans else "<section>")
        if chapter.orphans:
            out.append(f"<h2>{e(tr(CONTEXT, ORPHANS_TITLE))}</h2>")
            out.append(f'<p class="explained">{e(tr(CONTEXT, ORPHANS_EXPLAINED))}</p>')
        else:
            out.append(f"<h2>{e(chapter.title or tr(CONTEXT, BEGINNING))}</h2>")
        for annotation in chapter.annotations:
            out += _entry(annotation, tr, zone, annotation_link(book.content_id, annotation))
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _entry(annotation: Annotation, tr: Translate, zone: tzinfo | None, link: str) -> list[str]:
    e = html.escape
    colour = annotation.color if annotation.color in COLOURS else "yellow"
    classes = [annotation.kind.value, f"c-{colour}", f"s-{annotation.style.value}"]
    if annotation.orphaned:
        classes.append("orphaned")
    out = [f'<article id="a-{e(annotation.id)}" class="{" ".join(classes)}">']
    if annotation.kind is Kind.BOOKMARK and annotation.label.strip():
        out.append(f'<p class="label">{e(annotation.label.strip())}</p>')
    if annotation.quote.strip():
        out.append(f"<blockquote>{e(annotation.quote.strip(chr(10)))}</blockquote>")
    if annotation.note.strip():
        out.append(f'<div class="note">{note_html(annotation.note)}</div>')
    parts = describe(annotation, tr, zone)
    date = local_time(annotation.created, zone)
    stamped = [
        f'<time datetime="{iso_utc(annotation.created)}">{e(p)}</time>' if p == date else e(p)
        for p in parts
    ]
    stamped.append(f'<a class="open" href="{e(link)}">{e(tr(CONTEXT, OPEN_IN_READMARK))}</a>')
    out.append(f'<p class="meta">{" · ".join(stamped)}</p>')
    out.append("</article>")
    return out
