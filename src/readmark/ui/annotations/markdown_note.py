"""A note's Markdown as safe HTML for Qt's rich text.

Notes are written by the user, but they travel: an imported annotation file
can carry any HTML inside its Markdown, so the result always goes through the
same allowlist as book content (`readmark.core.html_sanitize`). Single line
breaks are kept (a note is typed like a message, not like a manuscript), and
images are dropped: a note in a list has no room for them, and Readmark never
fetches remote ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneListExtension

from readmark.core.html_sanitize import sanitize_html

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)

# One instance for the UI thread; Python-Markdown keeps state between calls
# (reset below), so it must not be shared with a worker thread.
_md: markdown.Markdown | None = None


def _converter() -> markdown.Markdown:
    global _md
    if _md is None:
        # Instances, not names: spares the entry-point lookup (see markdown_render).
        _md = markdown.Markdown(
            extensions=[Nl2BrExtension(), SaneListExtension(), FencedCodeExtension()],
            output_format="html",
        )
    return _md


@lru_cache(maxsize=4096)
def note_html(note: str) -> str:
    """The note rendered and sanitised; "" for an empty note."""
    if not note.strip():
        return ""
    md = _converter()
    try:
        markup = md.convert(note)
    finally:
        md.reset()
    return _IMG.sub("", sanitize_html(markup))
