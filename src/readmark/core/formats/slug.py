"""Heading anchors made the way Python-Markdown's toc extension makes them.

`slug(title)` is `markdown.extensions.toc.slugify_unicode(title, "-")` (Python-
Markdown, BSD licence) with underscores trimmed at the edges of its words. It
lives here so that the plain-text loader, which converts no Markdown, does not
import Python-Markdown (~12 ms before a .txt book's first screen) only for it;
the anchors must stay exactly the same, since annotations and links point at
them (tests/core/test_slug.py holds it to Python-Markdown's function).
"""

from __future__ import annotations

import re

_DROP = re.compile(r"[^\w\s-]")
_RUNS = re.compile(r"[-\s]+")
_EDGE_UNDERSCORES = re.compile(r"(?:^|(?<=-))_+|_+(?=-|$)")


def slug(title: str) -> str:
    """The title's anchor: words lower-cased and joined by "-", punctuation dropped."""
    return _EDGE_UNDERSCORES.sub("", _RUNS.sub("-", _DROP.sub("", title).strip().lower()))
