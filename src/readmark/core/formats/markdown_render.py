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

import itertools
from collections.abc import Sequence

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.preprocessors import Preprocessor

from readmark.core.book import LoadOptions
from readmark.core.formats.markdown_extensions import QtRichTextExtension
from readmark.core.html_sanitize import sanitize_html
from readmark.core.repair import repair_markdown

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


def new_markdown(justify: bool = True) -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=[
            *(_EXTENSION_CLASSES[name]() for name in EXTENSIONS),
            QtRichTextExtension(justify=justify),
        ],
        output_format="html",
    )
    stage = md.preprocessors["html_block"]
    md.preprocessors.register(LinearHtmlBlocks(md, stage), "html_block", _HTML_BLOCK_PRIORITY)
    return md


# Python-Markdown's own: after fenced code is stashed (25), so the parser never
# sees what is inside fences.
_HTML_BLOCK_PRIORITY = 20
# Candidates for the stand-in of `<`: private-use characters, then lone
# surrogates, which the text decoders readmark uses do not produce.
_STAND_INS = (range(0xE000, 0xF900), range(0xD800, 0xE000))


class LinearHtmlBlocks(Preprocessor):
    """Python-Markdown's raw-HTML block stage (`stage`), in linear time.

    Its parser (`markdown.htmlparser`, on `html.parser`) reads `<` and a letter
    as a start tag and searches for the tag's end; attribute names may start
    with `<`, so from `<a <a <a …` with no `>` after it the search runs to the
    end of the text, fails, and the parser moves on by one character, only to
    search again from the next `<a`: quadratic (200,000 `<a ` take over 50 minutes).

    Every construct that parser recognises ends with `>`, so a `<` after the
    last `>` is text to it whatever follows. Such `<` are hidden behind a
    stand-in character the parser passes on as text, and put back in what it
    returns: later stages see the text they always saw, so a `<` in a code
    span or code block still shows as written. A raw-HTML block left open to
    the end of the section goes to the output verbatim: there they come back
    as `&lt;`, since a bare `<a` would make the sanitiser's `html.parser`
    quadratic in turn, or take it for a tag ending at a `>` Markdown appends
    (the footnotes' `<div>`) and hide the text up to it.
    """

    def __init__(self, md: markdown.Markdown, stage: Preprocessor) -> None:
        super().__init__(md)
        self.stage = stage

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        tail = text.rfind(">") + 1
        if text.find("<", tail) < 0:
            return self.stage.run(lines)
        stand_in = _stand_in(text)
        if stand_in is None:  # the text holds all 8,448 candidates: no book does
            return self.stage.run(lines)
        stash = self.md.htmlStash.rawHtmlBlocks
        stashed = len(stash)
        hidden = text[:tail] + text[tail:].replace("<", stand_in)
        result = "\n".join(self.stage.run(hidden.split("\n")))
        for k in range(stashed, len(stash)):
            block = stash[k]
            if isinstance(block, str) and stand_in in block:
                stash[k] = block.replace(stand_in, "&lt;")
        return result.replace(stand_in, "<").split("\n")


def _stand_in(text: str) -> str | None:
    """A character that does not occur in `text`, preferably a private-use one."""
    if "\ue000" not in text:
        return "\ue000"
    used = set(text)
    codes = itertools.chain.from_iterable(_STAND_INS)
    return next((chr(c) for c in codes if chr(c) not in used), None)


class MarkdownSectionRenderer:
    """`SectionRenderer` for Markdown section sources."""

    def __init__(
        self, sources: Sequence[str], options: LoadOptions = DEFAULT_OPTIONS, justify: bool = True
    ) -> None:
        """`justify`: CJK text is justified as in print; Latin text without
        hyphenation would open rivers of space, so it stays ragged-right."""
        self._sources = tuple(sources)
        self._options = options
        self._justify = justify
        self._md = new_markdown(justify)

    @property
    def section_count(self) -> int:
        return len(self._sources)

    def source(self, index: int) -> str:
        """The section's Markdown as the loader cut it (before repair)."""
        return self._sources[index]

    def render(self, index: int) -> str:
        source = self._sources[index]
        if self._options.repair:
            source = repair_markdown(source, id_prefix=f"s{index}-")
        self._md.reset()
        return sanitize_html(self._md.convert(source))

    def clone(self) -> MarkdownSectionRenderer:
        return MarkdownSectionRenderer(self._sources, self._options, self._justify)
