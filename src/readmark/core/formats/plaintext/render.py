"""Rendering one section of a plain-text book to display HTML.

The heading becomes `<h1>`–`<h3>` (by its TOC level) with the id the TOC points
at, its subtitle after a line break; every paragraph a `<p>` (justified for
Chinese and Japanese, as in print), a block of kept lines one `<p>` with `<br />`
between them, a scene break `<hr />`. Text is HTML-escaped; Project Gutenberg's
`_italics_` become `<em>`. The result goes through the sanitiser like every
format's. The renderer holds only immutable data, so it is thread-safe; `clone`
gives another all the same, as `SectionRenderer` asks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from readmark.core.formats.plaintext.chapters import Heading
from readmark.core.formats.plaintext.layout import Block, Layout
from readmark.core.formats.plaintext.page_notes import NOTE_BODY, NOTE_REF
from readmark.core.formats.plaintext.reflow import paragraphs
from readmark.core.html_sanitize import sanitize_html
from readmark.core.html_text import DATA, EMPTY, END, START, html_to_text, text_of_events
from readmark.core.repair.page_marks import marks_to_anchors

# Control characters other than tab and newline: invisible at best.
# Not the form feed: pdftotext's page break, which the reflow reads.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What makes `render` write more than paragraphs, line breaks and rules: italics,
# a footnote's marker or body, a printed page's mark (private-use characters).
_NOT_PLAIN_TEXT = re.compile("[_\ue000-\uf8ff]")
_ITALICS = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")


@dataclass(frozen=True)
class SectionSpan:
    start: int  # offset of the section's text (its heading line, if it has one)
    end: int
    heading: Heading | None = None  # the heading this section starts with


class PlainTextSectionRenderer:
    """`SectionRenderer` for spans of a plain text."""

    def __init__(
        self, text: str, spans: Sequence[SectionSpan], layout: Layout, justify: bool = False
    ) -> None:
        self._text = text
        self._spans = tuple(spans)
        self._layout = layout
        self._justify = justify

    @property
    def section_count(self) -> int:
        return len(self._spans)

    @property
    def layout(self) -> Layout:
        return self._layout

    def source(self, index: int) -> str:
        """The section's text as it stands in the file (newlines normalised)."""
        span = self._spans[index]
        return self._text[span.start : span.end]

    def render(self, index: int) -> str:
        return self._render(index, None)

    def _render(self, index: int, blocks: list[Block] | None) -> str:
        """`render`, told the body's blocks when `text` has made them already (the
        reflow is most of the work, and the same body gives the same blocks)."""
        span = self._spans[index]
        out: list[str] = []
        body_start = span.start
        if span.heading is not None:
            out.append(_heading_html(span.heading))
            body_start = span.heading.end
        body = self._text[body_start : span.end]
        if _CONTROLS.search(body):
            body = _CONTROLS.sub("", body)
        paragraph_tag = '<p align="justify">' if self._justify else "<p>"
        for block in paragraphs(body, self._layout) if blocks is None else blocks:
            if block.kind == "break":
                out.append("<hr />")
            elif block.kind == "lines":
                out.append(paragraph_tag + "<br />".join(map(_inline, block.lines)) + "</p>")
            else:
                out.append(paragraph_tag + _inline(block.lines[0]) + "</p>")
        return sanitize_html(marks_to_anchors(_note_links("\n".join(out), f"fn-p{index}-")))

    def text(self, index: int) -> str:
        """`html_to_text(self.render(index))` without writing the HTML, where that is
        provably the same: the markup `render` writes is then only `<hN>`, `<p>`,
        `<br />`, `<hr />` (all kept by the sanitiser, which re-escapes the text it
        unescaped) around escaped text, so `html_to_text` gets these tokens, fed to
        it here as they are. Not where the markup holds more than that: italics
        (`_`), a footnote's marker or body, a printed page's mark (private-use
        characters) — then the HTML way."""
        span = self._spans[index]
        heading = span.heading
        body_start = span.start if heading is None else heading.end
        body = self._text[body_start : span.end]
        if _CONTROLS.search(body):
            body = _CONTROLS.sub("", body)
        if heading is not None and _NOT_PLAIN_TEXT.search(f"{heading.label}{heading.subtitle}"):
            return html_to_text(self.render(index))
        events: list[tuple[int, str]] = []
        if heading is not None:
            tag = f"h{min(max(heading.level, 1), 6)}"
            events.append((START, tag))
            if heading.label:
                events.append((DATA, heading.label))
            if heading.subtitle:
                events += [(EMPTY, "br"), (DATA, heading.subtitle)]
            events.append((END, tag))
        blocks = paragraphs(body, self._layout)
        for block in blocks:
            if events:
                events.append((DATA, "\n"))  # the blocks' markup is joined by line breaks
            if block.kind == "break":
                events.append((EMPTY, "hr"))
                continue
            events.append((START, "p"))
            for number, line in enumerate(
                block.lines if block.kind == "lines" else block.lines[:1]
            ):
                if number:
                    events.append((EMPTY, "br"))
                if _NOT_PLAIN_TEXT.search(line):  # the layout put a page's mark or a note here
                    return html_to_text(self._render(index, blocks))
                if line:
                    events.append((DATA, line))
            events.append((END, "p"))
        return text_of_events(events)

    def clone(self) -> PlainTextSectionRenderer:
        return PlainTextSectionRenderer(self._text, self._spans, self._layout, self._justify)


def _note_links(markup: str, prefix: str) -> str:
    """A footnote taken out of a page (`page_splits.close_pages`) as a link from its marker
    to its body, the way the reader shows Markdown's footnotes (a popup on hover)."""
    if "\ue000" not in markup and "\ue002" not in markup:
        return markup
    markup = NOTE_REF.sub(lambda m: f'<sup><a href="#{prefix}{m[1]}">{m[1]}</a></sup>', markup)
    return NOTE_BODY.sub(lambda m: f'<a name="{prefix}{m[1]}"></a>{m[1]} ', markup)


def _heading_html(heading: Heading) -> str:
    tag = f"h{min(max(heading.level, 1), 6)}"
    inner = html.escape(heading.label, quote=False)
    if heading.subtitle:
        inner += "<br />" + html.escape(heading.subtitle, quote=False)
    return f'<{tag} id="{html.escape(heading.anchor)}">{inner}</{tag}>'


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    if "_" in escaped:
        escaped = _ITALICS.sub(r"<em>\1</em>", escaped)
    return escaped
