"""A Markdown book's headings and the ids the contents point at.

Heading ids are Unicode slugs of the heading text (Python-Markdown's
`slugify_unicode`), unique across the book, or the heading's own `{#id}`; each
heading line is written into its section's source with an attr_list `{#id}` (its
patch), so the rendered HTML carries exactly the ids the contents point at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from readmark.core.formats.markdown.sources import Patch

ATTR_BLOCK = re.compile(r"[ \t]*\{:?[ \t]*([^}\n]*)\}[ \t]*$")
_EDGE_UNDERSCORES = re.compile(r"(?:^|(?<=-))_+|_+(?=-|$)")


@dataclass(slots=True)
class Heading:
    start: int  # offset of the heading's (first) line in the text
    end: int  # offset where that line's text ends (its newline or the end of the text)
    level: int
    title: str  # plain text
    anchor: str = ""
    explicit: bool = False
    label: bool = False  # `# Author: …` on a title page: metadata, not a chapter
    setext: bool = False
    indent: int = 0  # spaces before an ATX heading's `#`s
    content: str = ""  # an ATX heading's text after its `#`s (`AtxHeading.content`)


def heading_patches(body: str, headings: Sequence[Heading]) -> list[Patch]:
    """Each heading's line with its `{#id}` (`with_anchor`). The usual heading's
    patch is made here as `with_anchor` makes it: 7,777 calls cost a 10 MB book
    more than the f-string."""
    return [
        (h.start, h.end, f"{'#' * h.level}{h.content} {{#{h.anchor}}}")
        if not (h.explicit or h.setext or "{" in h.content or h.content.endswith("#"))
        else (h.start, h.end, with_anchor(body[h.start : h.end], h))
        for h in headings
    ]


class HeadingPatches(Sequence[Patch]):
    """The headings' patches (`heading_patches`), each made when a section holding it
    is cut: a book opens showing one section, and a 10 MB book has 7,777 headings
    (~2 ms of patches before its first screen). Made again at each cut: a few
    microseconds a heading, as cutting a source costs anyway."""

    __slots__ = ("_body", "_headings")

    def __init__(self, body: str, headings: Sequence[Heading]) -> None:
        self._body = body
        self._headings = headings

    def __len__(self) -> int:
        return len(self._headings)

    @overload
    def __getitem__(self, index: int) -> Patch: ...

    @overload
    def __getitem__(self, index: slice) -> list[Patch]: ...

    def __getitem__(self, index: int | slice) -> Patch | list[Patch]:
        if isinstance(index, slice):
            return heading_patches(self._body, self._headings[index])
        return heading_patches(self._body, [self._headings[index]])[0]


def assign_anchors(headings: list[Heading]) -> None:
    used = {h.anchor for h in headings if h.explicit}
    last: dict[str, int] = {}  # the last suffix given per slug: linear with many repeats
    slugs: dict[str, str] = {}  # by title: books repeat "Exercises", "Notes", "注释"…
    for h in headings:
        if h.explicit:
            continue
        # Underscores at the edges of the slug could close an emphasis opened
        # by a stray `_` in the heading text and swallow the injected `{#id}`.
        base = slugs.get(h.title)
        if base is None:
            base = slugs[h.title] = slug(h.title)
        counter = last.get(base, -1)
        if counter < 0:  # a new slug
            anchor, counter = base, 0
        else:  # the last one given it (`base` or `base-counter`) is taken: the next
            counter += 1
            anchor = f"{base}-{counter}"
        while anchor in used:
            counter += 1
            anchor = f"{base}-{counter}"
        last[base] = counter
        used.add(anchor)
        h.anchor = anchor


# Python-Markdown's `slugify_unicode(value, "-")`, its patterns compiled once
# (the equivalence is tested): a 10 MB book has thousands of headings.
_SLUG_DROP = re.compile(r"[^\w\s-]")
_SLUG_RUNS = re.compile(r"[-\s]+")


def slug(title: str) -> str:
    if title.replace(" ", "").isalnum():  # `\w` less `_`: nothing to drop, no edges
        return "-".join(title.lower().split()) or "section"
    slug = _SLUG_RUNS.sub("-", _SLUG_DROP.sub("", title).strip().lower())
    if "_" in slug:
        slug = _EDGE_UNDERSCORES.sub("", slug)
    return slug or "section"


def with_anchor(line: str, h: Heading) -> str:
    """The heading line with an attr_list `{#id}` the renderer will honour (and an
    ATX heading at the margin, where Python-Markdown looks for it)."""
    if h.explicit and not _ends_in_hash(h):
        return line[h.indent :]
    if h.setext:
        stripped = line.rstrip()
        attrs = ATTR_BLOCK.search(stripped)
        if attrs:
            return f"{stripped[: attrs.start()]} {{#{h.anchor} {attrs.group(1).strip()}}}"
        return f"{_protect_braces(stripped)} {{#{h.anchor}}}"
    hashes = "#" * h.level
    content = h.content
    if "{" not in content and not content.endswith("#"):  # most: nothing to escape
        return f"{hashes}{content} {{#{h.anchor}}}"
    attrs = ATTR_BLOCK.search(content)
    if attrs:
        text = _escape_final_hashes(content[: attrs.start()])
        return f"{hashes}{text} {{#{h.anchor} {attrs.group(1).strip()}}}"
    # The closing run is gone, and `{#id}` ends the line.
    return f"{hashes}{_escape_final_hashes(_protect_braces(content))} {{#{h.anchor}}}"


def _ends_in_hash(h: Heading) -> bool:
    """Whether the heading's text (before its attribute list) ends with a `#`."""
    if h.setext:
        return False
    attrs = ATTR_BLOCK.search(h.content)
    return (h.content[: attrs.start()] if attrs else h.content).endswith("#")


def _escape_final_hashes(text: str) -> str:
    """`# C#` keeps its `#` (it follows no space, so it closes nothing), but
    Python-Markdown would drop it, attribute list or not: escaped, it stays."""
    bare = text.rstrip("#")
    if bare.endswith("\\"):  # written `\#` already: Python-Markdown keeps it
        return text
    return bare + "\\#" * (len(text) - len(bare))


def _protect_braces(content: str) -> str:
    """Escape a `{` that attr_list would read as the start of our `{#id}` block."""
    cut = content.rfind("}") + 1
    tail = content[cut:]
    if "{" not in tail:
        return content
    return content[:cut] + re.sub(r"(?<!\\)\{", r"\\{", tail)
