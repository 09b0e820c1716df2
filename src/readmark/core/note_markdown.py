"""A note's Markdown, rendered the same way wherever it is shown.

The annotations panel, the reader's tooltip over a note mark and the HTML export
all show a note through `note_html`; the panel's text filter and its row heights
use `plain_note_lines`.

Notes are written by the reader, but they travel: an imported annotation file can
carry anything, so a note is untrusted input.

- Raw HTML does not pass: its tags are removed and their text kept, and what raw
  HTML would hide or run (script, style, iframe, form… — the sanitiser's
  `DROP_WITH_CONTENT`) goes together with its content.
- What Markdown itself makes goes through the allowlist of book content
  (`readmark.core.html_sanitize`): a `javascript:` or `file:` link loses its
  target; links with a safe scheme stay links, never followed by showing them.
- Images are left out: a note has no room for them, and nothing is ever fetched.
- A single line break is kept (`nl2br`: a note is typed like a message, not like
  a manuscript); fenced code blocks and sane lists as in books.
- The stages that are quadratic on hostile input are made linear as for books
  (`readmark.core.formats.markdown.linear`).

No Qt here: the panel and the tooltip hand the HTML to Qt's rich text.
"""

from __future__ import annotations

import html
import re
import threading
from functools import lru_cache
from html.parser import HTMLParser
from xml.etree import ElementTree

import markdown
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from readmark.core.formats.markdown.linear import make_linear
from readmark.core.html_defuse import defuse_markup
from readmark.core.html_sanitize import DROP_WITH_CONTENT, VOID_ELEMENTS, sanitize_html

ELLIPSIS = "…"


def note_html(note: str) -> str:
    """The note as safe HTML; "" for an empty (or blank) note."""
    if not note.strip():
        return ""
    return _cached_html(note)


def note_html_excerpt(note: str, limit: int) -> str:
    """`note_html`, its text cut after `limit` characters (the cut marked with an
    ellipsis), its markup kept whole: for a tooltip."""
    return truncate_html(note_html(note), limit)


_MARKUP = re.compile(r"^\s*(?:[#>]+|[-*+]|\d+[.)])\s+|[*_`~]+")


def plain_note_lines(note: str) -> list[str]:
    """A note's non-empty lines without the usual Markdown marks (heading, quote and
    list markers, emphasis and code marks): roughly the lines the note shows as.

    Cheap on purpose — the panel's text filter asks it of every note on every
    keystroke, and its row heights are estimated from it — so it does not render."""
    lines = (_MARKUP.sub("", line).strip() for line in note.splitlines())
    return [line for line in lines if line]


# ------------------------------------------------------------------ rendering


@lru_cache(maxsize=4096)
def _cached_html(note: str) -> str:
    md = _converter()
    try:
        markup = md.convert(note)
    finally:
        md.reset()
    return sanitize_html(markup).strip()


# Python-Markdown keeps state between conversions: one instance per thread (the
# export may run on a worker while the panel renders on the UI thread).
_local = threading.local()


def _converter() -> markdown.Markdown:
    md: markdown.Markdown | None = getattr(_local, "md", None)
    if md is None:
        md = _local.md = _new_markdown()
    return md


def _new_markdown() -> markdown.Markdown:
    # Instances, not names: spares the entry-point lookup (see formats.markdown.render).
    md = markdown.Markdown(
        extensions=[Nl2BrExtension(), SaneListExtension(), FencedCodeExtension()],
        output_format="html",
    )
    make_linear(md)
    # Python-Markdown stashes raw HTML and puts it back verbatim at the end; both of
    # its raw-HTML stages are wrapped to stash it without its tags instead.
    block_stage = md.preprocessors["html_block"]
    md.preprocessors.register(
        _TagFreeHtmlBlocks(md, block_stage), "html_block", _HTML_BLOCK_PRIORITY
    )
    md.inlinePatterns.register(_TagFreeInlineHtml(HTML_RE, md), "html", _INLINE_HTML_PRIORITY)
    # After inline patterns (20) have made the images: they go with their alt text.
    md.treeprocessors.register(_DropImages(md), "readmark_drop_images", 15)
    return md


# Python-Markdown's own priorities for the two stages replaced.
_HTML_BLOCK_PRIORITY = 20
_INLINE_HTML_PRIORITY = 90


def without_tags(raw: str) -> str:
    """Raw HTML as text: every tag and comment removed, the text kept (escaped).

    Elements the sanitiser drops with their content keep bare tags (`<script>`),
    so that `sanitize_html`, run over the whole note, removes them with what is
    inside: inline raw HTML reaches the stash one tag at a time, and a `<script>`
    and its `</script>` may come from two different calls."""
    stripper = _TagStripper()
    stripper.feed(defuse_markup(raw))  # a note's own raw HTML: never raise (`<![A>`)
    stripper.close()
    return "".join(stripper.out)


class _TagStripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_WITH_CONTENT and tag not in VOID_ELEMENTS:
            self.out.append(f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <x/> has no content to drop

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_WITH_CONTENT and tag not in VOID_ELEMENTS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))


class _TagFreeHtmlBlocks(Preprocessor):
    """The raw-HTML block stage (`stage`), its blocks stashed `without_tags`."""

    def __init__(self, md: markdown.Markdown, stage: Preprocessor) -> None:
        super().__init__(md)
        self.stage = stage

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash.rawHtmlBlocks
        stashed = len(stash)
        result = self.stage.run(lines)
        for k in range(stashed, len(stash)):
            block = stash[k]
            if isinstance(block, str):
                stash[k] = without_tags(block)
        return result


class _TagFreeInlineHtml(HtmlInlineProcessor):
    """Inline raw HTML (a tag or a comment), stashed `without_tags`."""

    # InlineProcessor's handleMatch takes and returns more than Pattern's, which it
    # subclasses: Python-Markdown's design (its stubs ignore the same mismatch).
    def handleMatch(  # type: ignore[override]  # noqa: N802  # Python-Markdown's name
        self, m: re.Match[str], data: str
    ) -> tuple[ElementTree.Element | str | None, int | None, int | None]:
        placeholder, start, end = super().handleMatch(m, data)
        stash = self.md.htmlStash.rawHtmlBlocks
        stash[-1] = without_tags(str(stash[-1]))  # what super() just stored
        return placeholder, start, end


class _DropImages(Treeprocessor):
    """Removes every `<img>`, keeping the text after it."""

    def run(self, root: ElementTree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "img":
                    _remove_keeping_tail(parent, child)


def _remove_keeping_tail(parent: ElementTree.Element, child: ElementTree.Element) -> None:
    tail = child.tail or ""
    index = list(parent).index(child)
    if tail:
        if index == 0:
            parent.text = (parent.text or "") + tail
        else:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + tail
    parent.remove(child)


# ------------------------------------------------------------------ excerpts


def truncate_html(markup: str, limit: int) -> str:
    """Well-formed `markup` with its text cut after `limit` characters: the cut is
    marked with an ellipsis and the elements open there are closed."""
    cutter = _Cutter(limit)
    cutter.feed(markup)
    cutter.close()
    return cutter.result()


class _Cutter(HTMLParser):
    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=True)
        self._room = limit
        self._out: list[str] = []
        self._open: list[str] = []
        self._cut = False

    def result(self) -> str:
        return "".join(self._out) + "".join(f"</{tag}>" for tag in reversed(self._open))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._cut:
            return
        text = "".join(f' {n}="{html.escape(v or "", quote=True)}"' for n, v in attrs)
        if tag in VOID_ELEMENTS:
            self._out.append(f"<{tag}{text} />")
        else:
            self._out.append(f"<{tag}{text}>")
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._cut or tag not in self._open:
            return
        while self._open:
            current = self._open.pop()
            self._out.append(f"</{current}>")
            if current == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._cut:
            return
        if len(data) > self._room:
            data = data[: self._room].rstrip() + ELLIPSIS
            self._cut = True
        self._room -= len(data)
        self._out.append(html.escape(data, quote=False))
