"""Python-Markdown's inline stage, skipping the patterns a text cannot match.

Python-Markdown tries every inline pattern (code spans, escapes, links, images,
autolinks, raw HTML, entities, emphasis…) on every text of the tree, one regex
search each: ~15 searches of every paragraph, most of which hold none of the
characters those patterns start with (a bench book's inline stage was half of
its conversion time).

Each pattern below needs one of its listed strings somewhere in a text to match
it. What a matched pattern puts in its place is a placeholder made of STX, ETX,
letters and digits, so a string absent from a text before the stage stays absent
after each replacement: a pattern skipped for want of its strings is one whose
search would have found nothing. Skipping it does what Python-Markdown does on a
failed search (next pattern, searching from the start), so the output is the
same byte for byte (tests/core/test_fast_conversion.py compares the two
on every book at hand and on generated Markdown). A pattern not named here
(another extension's) is always tried.
"""

from __future__ import annotations

from xml.etree import ElementTree

from markdown import Markdown
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.treeprocessors import InlineProcessor, UnescapeTreeprocessor
from markdown.util import STX, AtomicString

from readmark.core.lazy_re import lazy

# Pattern name -> strings one of which every match contains (from each
# pattern's regex in markdown.inlinepatterns and markdown.extensions.footnotes).
TRIGGERS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[^",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_reference": ("[",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "html": ("<",),
    "entity": ("&",),
    "em_strong": ("*", "_"),
    "em_strong2": ("_",),
    "strong_em": ("*",),
    "not_strong": ("*", "_"),
}


# One of the strings of TRIGGERS; kept in step with it by a test.
_ANY_TRIGGER = lazy(r"[`\\\[<&*_]|  \n")


class FastInlineProcessor(InlineProcessor):
    """`InlineProcessor` that tries only the patterns whose strings a text holds."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self._triggers: list[tuple[str, ...] | None] | None = None
        self._all_known = False  # every pattern has its strings in TRIGGERS

    def _pattern_triggers(self) -> list[tuple[str, ...] | None]:
        # Measured once: the patterns are all registered before the first conversion.
        if self._triggers is None:
            patterns = self.inlinePatterns
            triggers: list[tuple[str, ...] | None] = [None] * len(patterns)
            for name, needed in TRIGGERS.items():
                if name in patterns:
                    triggers[patterns.get_index_for_name(name)] = needed
            self._triggers = triggers
            self._all_known = None not in triggers
        return self._triggers

    def _InlineProcessor__handleInline(  # noqa: N802 - overrides the name-mangled method
        self, data: str, pattern_index: int = 0
    ) -> str:
        if isinstance(data, AtomicString):
            return data
        triggers = self._pattern_triggers()
        if self._all_known and _ANY_TRIGGER.search(data) is None:
            return data  # what every pattern would leave as it is (most paragraphs)
        apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        start = 0
        count = len(self.inlinePatterns)
        while pattern_index < count:
            needed = triggers[pattern_index]
            if needed is not None and not any(s in data for s in needed):
                pattern_index += 1  # its search could find nothing
                start = 0
                continue
            data, matched, start = apply(
                self.inlinePatterns[pattern_index], data, pattern_index, start
            )
            if not matched:
                pattern_index += 1
        return data


class FastUnescape(UnescapeTreeprocessor):
    """Python-Markdown's last tree step, which puts back the characters the inline
    stage's escapes hid as STX, digits, ETX: a text without STX has none to put back,
    and is given back as it is instead of through a regex substitution."""

    def unescape(self, text: str) -> str:
        return super().unescape(text) if STX in text else text


class FastAttrList(AttrListTreeprocessor):
    """The attr_list extension's tree step, which looks for `{: .class #id}` in texts
    and tails: every one of its patterns holds `{`, so a tree with no `{` in any text
    or tail (most chapters) is left as it is without testing each element."""

    def run(self, doc: ElementTree.Element) -> None:
        for element in doc.iter():
            text, tail = element.text, element.tail
            if (text and "{" in text) or (tail and "{" in tail):
                super().run(doc)
                return


def install(md: Markdown) -> None:
    """Put `FastInlineProcessor`, `FastUnescape` and (when the attr_list extension is
    on) `FastAttrList` where Python-Markdown's own are."""
    md.treeprocessors.register(FastInlineProcessor(md), "inline", 20)
    md.treeprocessors.register(FastUnescape(md), "unescape", 0)
    if "attr_list" in md.treeprocessors:
        md.treeprocessors.register(FastAttrList(md), "attr_list", 8)
