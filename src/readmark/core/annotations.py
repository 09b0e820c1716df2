"""Highlights, notes and bookmarks: what the user made, and where it points.

A target follows the W3C Web Annotation Data Model: the section, a
TextPositionSelector (`start`/`end`, character offsets into the section's text
as `readmark text --section N` prints it) and a TextQuoteSelector (`exact` with
~32 characters of `prefix` and `suffix`). The position is a fast path; the quote
is what survives edits to the book (see `anchoring`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TypedDict, Unpack

CONTEXT_CHARS = 32


class Kind(StrEnum):
    HIGHLIGHT = "highlight"  # a marked passage, optionally with a note
    NOTE = "note"  # a note standing on its own at a position
    BOOKMARK = "bookmark"


class Style(StrEnum):
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"


COLOURS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")


@dataclass(frozen=True)
class TextTarget:
    section: int
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, section: int, text: str, start: int, end: int) -> TextTarget:
        """The target of text[start:end] of a section, with its context."""
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        return cls(
            section=section,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )


def new_id() -> str:
    import uuid  # here: uuid imports `platform`, ~3 ms the first screen does not need

    return uuid.uuid4().hex


class AnnotationChanges(TypedDict, total=False):
    """What `Annotation.edited` may change: everything but its id and times."""

    kind: Kind
    target: TextTarget
    color: str
    style: Style
    note: str
    label: str
    orphaned: bool
    original_exact: str


@dataclass(frozen=True)
class Annotation:
    kind: Kind
    target: TextTarget
    id: str = field(default_factory=new_id)
    color: str = "yellow"
    style: Style = Style.HIGHLIGHT
    note: str = ""  # Markdown
    label: str = ""  # a bookmark's name
    created: float = field(default_factory=time.time)
    modified: float = 0.0  # 0 = never modified: same as created
    orphaned: bool = False  # its text could not be found in the book any more
    original_exact: str = ""  # the quote as first made, when re-anchoring changed it

    def __post_init__(self) -> None:
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    def edited(self, **changes: Unpack[AnnotationChanges]) -> Annotation:
        """A copy with `changes` and a new modification time."""
        return replace(self, modified=time.time(), **changes)

    @property
    def quote(self) -> str:
        return self.target.exact
