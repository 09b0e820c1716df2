"""Python-Markdown's block stage, taking plain paragraphs straight to the paragraph step.

Python-Markdown offers every block to each block processor in turn (empty, list
indent, code, table, headings, rules, lists, definitions, quotes, footnote and
link definitions) before the paragraph processor takes it: a dozen tests, several
of them regex searches of the whole block, for every paragraph of a book.

Every one of those tests needs a line of the block to start with a space, a tab,
a digit or one of ``# > * + - = _ : [ < ` ~``, or needs a ``|`` in the block (a
table). A block all of whose lines start with a letter or an opening quote or
bracket of running text, and that holds no ``|``, fails them all (the footnote
and link-definition steps take any block but give back one without a line
starting with ``[``, untouched), so the paragraph step gets it. `PlainParagraphs`
stands first and hands such a block to that same paragraph step: the tree built
is the same (tests/core/test_fast_conversion.py compares the two on every
book at hand and on generated Markdown).
"""

from __future__ import annotations

from xml.etree import ElementTree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor

from readmark.core.lazy_re import lazy

# A line starts with a letter (any script; not a digit or `_`) or an opening
# quote or bracket of running text; no line is empty; no `|` anywhere.
_LINE = r"(?:[^\W\d_]|[“‘「『《〈【（])[^\n|]*"
PLAIN_BLOCK = lazy(f"{_LINE}(?:\\n{_LINE})*")


class PlainParagraphs(BlockProcessor):
    """Gives a block no other block processor would take to the paragraph processor."""

    def test(self, parent: ElementTree.Element, block: str) -> bool:
        return PLAIN_BLOCK.fullmatch(block) is not None

    def run(self, parent: ElementTree.Element, blocks: list[str]) -> bool | None:
        return self.parser.blockprocessors["paragraph"].run(parent, blocks)


def install(md: Markdown) -> None:
    """Put `PlainParagraphs` before every other block processor."""
    md.parser.blockprocessors.register(PlainParagraphs(md.parser), "readmark_plain_paragraph", 1000)
