"""Rendering one section of a Markdown book to display HTML.

Per section: print-repair (when `LoadOptions.repair` is on), conversion with one
reused `markdown.Markdown` instance, then the HTML allowlist of
`readmark.core.html_sanitize`. A renderer is not thread-safe (the Markdown
instance keeps state); `clone()` gives an independent one for another thread,
sharing the immutable section sources.

Python-Markdown's raw-HTML block stage runs inside `LinearHtmlBlocks`, which
keeps its parser linear on unterminated tags.
"""

from __future__ import annotations

from collections.abc import Sequence

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from readmark.core.book import LoadOptions
from readmark.core.formats.markdown import fast_blocks, fast_inline, text_path
from readmark.core.formats.markdown.extensions import QtRichTextExtension
from readmark.core.formats.markdown.linear import make_linear
from readmark.core.formats.markdown.sources import SectionSources
from readmark.core.html_sanitize import sanitize_html
from readmark.core.html_text import html_to_text
from readmark.core.repair import repair_markdown
from readmark.core.repair.carried_notes import carry_notes
from readmark.core.repair.contents_links import link_contents
from readmark.core.repair.page_marks import marks_to_anchors
from readmark.core.repair.running_headers import book_headers

DEFAULT_OPTIONS = LoadOptions()


EXTENSIONS = ("tables", "footnotes", "fenced_code", "attr_list", "def_list", "sane_lists")
# The classes Python-Markdown registers under those names. Passing instances
# rather than names spares the lookup of the names among the installed
# packages' entry points (importing importlib.metadata and reading every
# package's metadata: ~25 ms at the first book opened).
_EXTENSION_CLASSES: dict[str, type[Extension]] = {
    "tables": TableExtension,
    "footnotes": FootnoteExtension,
    "fenced_code": FencedCodeExtension,
    "attr_list": AttrListExtension,
    "def_list": DefListExtension,
    "sane_lists": SaneListExtension,
}


def new_markdown(justify: bool = True, fast: bool = True) -> markdown.Markdown:
    """`fast`: with the shortcuts of `fast_inline` and `fast_blocks`, which give the
    same HTML sooner (False: Python-Markdown's own stages, for tests to compare)."""
    md = markdown.Markdown(
        extensions=[
            *(_EXTENSION_CLASSES[name]() for name in EXTENSIONS),
            QtRichTextExtension(justify=justify),
        ],
        output_format="html",
    )
    make_linear(md)
    if fast:
        fast_inline.install(md)
        fast_blocks.install(md)
    return md


class MarkdownSectionRenderer:
    """`SectionRenderer` for Markdown section sources."""

    def __init__(
        self,
        sources: Sequence[str],
        options: LoadOptions = DEFAULT_OPTIONS,
        justify: bool = True,
        fast: bool = True,
    ) -> None:
        """`justify`: CJK text is justified as in print; Latin text without
        hyphenation would open rivers of space, so it stays ragged-right.
        `fast`: the shortcuts that give the same HTML sooner (`new_markdown`,
        `sanitize_html`); False only for tests that compare the two."""
        # Immutable: a list is copied; SectionSources, which cuts each source from
        # the book's text when asked, is kept as it is.
        self._sources: Sequence[str] = (
            sources if isinstance(sources, (tuple, SectionSources)) else tuple(sources)
        )
        self._options = options
        self._justify = justify
        self._fast = fast
        self._md = new_markdown(justify, fast)
        self._headers: frozenset[str] | None = None  # measured at the first repair

    @property
    def section_count(self) -> int:
        return len(self._sources)

    def source(self, index: int) -> str:
        """The section's Markdown as the loader cut it (before repair)."""
        return self._sources[index]

    def render(self, index: int) -> str:
        return self._finish(self._convert(self._repaired(index)))

    def _repaired(self, index: int) -> str:
        source = self._sources[index]
        if self._options.repair:
            source = carry_notes(self._sources, index)  # a page's notes under the next heading
            source = repair_markdown(source, id_prefix=f"s{index}-", headers=self.headers())
        return source

    def _convert(self, source: str) -> str:
        self._md.reset()
        return marks_to_anchors(self._md.convert(source))

    def _finish(self, markup: str) -> str:
        if self._options.repair:
            markup = link_contents(markup)  # a printed contents list, to its pages
        return sanitize_html(markup, simple=self._fast)

    def text(self, index: int) -> str:
        """`html_to_text(self.render(index))`, made sooner where provably the same
        (`text_path`); the HTML way whenever a shortcut's conditions do not hold."""
        source = self._repaired(index)
        shortened, runs = text_path.stand_in(source) if self._fast else (source, [])
        if runs:
            direct = text_path.text_of_stand_ins(shortened, runs)
            if direct is not None:  # nothing but paragraphs, headings, lists and notes
                return direct
        markup = self._convert(shortened)
        text = text_path.converted_text(self._md, markup) if self._fast else None
        if text is None:
            text = html_to_text(self._finish(markup), simple=self._fast)
        whole = text_path.put_back(text, runs)
        if whole is None:  # the placeholders did not come out as planned: the HTML way
            whole = html_to_text(self._finish(self._convert(source)), simple=self._fast)
        return whole

    def headers(self) -> frozenset[str]:
        """The running headers the whole book repeats (measured once, on its start)."""
        if self._headers is None:
            self._headers = book_headers(self._sources)
        return self._headers

    def clone(self) -> MarkdownSectionRenderer:
        return MarkdownSectionRenderer(self._sources, self._options, self._justify, self._fast)
