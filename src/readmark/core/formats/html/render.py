"""Rendering one section of an HTML book to display HTML.

The loader has already reduced each section to balanced, allowlisted markup;
rendering passes it through `sanitize_html` once more (one contract for every
format: the views rely on it, e.g. the `remote` class on remote images) and
shapes it for Qt's rich-text engine as `QtRichTextExtension` does for Markdown:
paragraphs holding only images become centred `class="figure"` paragraphs, and
for CJK books the other paragraphs without an alignment get `align="justify"`.

Stateless, so safe from any thread; `clone()` exists for the protocol.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readmark.core.html_sanitize import sanitize_html

# `sanitize_html` writes tags in one shape: `<p a="v" b="v">`, `<img … />`, with
# `"`, `<` and `>` escaped inside values, so these patterns see every paragraph.
_PARAGRAPH = re.compile(r'<p((?: [a-z]+="[^"]*")*)>')
_FIGURE = re.compile(r'<p((?: [a-z]+="[^"]*")*)>((?:\s*<img [^>]*/>)+\s*)</p>')


class HtmlSectionRenderer:
    """`SectionRenderer` for the sections the HTML loader cut."""

    def __init__(self, sources: Sequence[str], justify: bool = False) -> None:
        self._sources = tuple(sources)
        self._justify = justify

    @property
    def section_count(self) -> int:
        return len(self._sources)

    def source(self, index: int) -> str:
        """The section's markup as the loader cut it."""
        return self._sources[index]

    def render(self, index: int) -> str:
        return shape_for_qt(sanitize_html(self._sources[index]), self._justify)

    def clone(self) -> HtmlSectionRenderer:
        return HtmlSectionRenderer(self._sources, self._justify)


def shape_for_qt(markup: str, justify: bool) -> str:
    markup = _FIGURE.sub(_figure, markup)
    if justify:
        markup = _PARAGRAPH.sub(_justified, markup)
    return markup


def _figure(match: re.Match[str]) -> str:
    attributes = re.sub(r' (?:class|align)="[^"]*"', "", match.group(1))
    return f'<p{attributes} class="figure" align="center">{match.group(2)}</p>'


def _justified(match: re.Match[str]) -> str:
    attributes = match.group(1)
    if ' align="' in attributes:
        return match.group(0)
    return f'<p{attributes} align="justify">'
