"""A book's note in a notes app (Obsidian, Logseq) that Readmark keeps up to date.

The first export writes the note; every later export *updates* it. A note is a
sequence of items, in the order the file has them:

- **blocks**: one per annotation, found by the stable id Readmark gave it
  (`^rm-…` in Obsidian, `id::` in Logseq). A block has a *managed part* that
  Readmark rewrites on every export (the quote, colour, date, note) and a *free
  area* after it where the reader writes their own thoughts; the free area
  travels with the block and is never touched.
- **headings**: one per chapter, written when a chapter's first annotation is.
- **text**: anything else the reader wrote, kept where it is.

An update rewrites each managed part from the library, removes the blocks of
annotations deleted in Readmark (their free area stays, as plain text) or marks
them (`mark_deleted`), drops a second copy of a block, and inserts each new
annotation after the previous one in reading order (else under its chapter's
heading, else with a new heading). The order of the file is the reader's: a
block they moved stays where they put it. Text that is not Readmark's is never
dropped, however the file was edited.

The flavours (`obsidian.OBSIDIAN`, `logseq.LOGSEQ`) say how a note is written
and read; this module is the merge both share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Literal, Protocol

from readmark.core.annotations import Annotation
from readmark.core.export.common import (
    BEGINNING,
    CONTEXT,
    ORPHANS_TITLE,
    ExportedBook,
    Translate,
    chapters,
    untranslated,
)
from readmark.core.links import link_to_annotation

# The link back to an annotation's place in Readmark (`readmark://…`), or None.
# The link scheme is another piece of work: until it lands, `no_link` is passed
# and the notes carry no link; a flavour shows a link wherever this returns one.
Link = Callable[[Annotation], str | None]


def no_link(annotation: Annotation) -> str | None:
    return None


@dataclass(frozen=True)
class NoteOptions:
    tr: Translate = untranslated
    zone: tzinfo | None = None  # the time zone of dates; None = this computer's
    # Each block's way back into Readmark; `no_link` leaves it out.
    link: Link = link_to_annotation
    mark_deleted: bool = False  # keep a deleted annotation's block, marked, instead of removing it


ItemKind = Literal["text", "heading", "block"]


@dataclass(eq=False)
class Item:
    """One piece of a note. `lines` is a block's managed part, or the whole item."""

    kind: ItemKind
    lines: list[str]
    free: list[str] = field(default_factory=list)  # a block's free area
    key: str = ""  # a block: its id as written in the file; a heading: its line
    # A block: False when only its id says it is Readmark's (it is then the reader's
    # text unless that id is an annotation's in the library).
    certain: bool = True


@dataclass
class Parsed:
    front: str | None  # the page's properties as written (YAML or `key:: value`), if any
    items: list[Item]


class Flavour(Protocol):
    name: str
    suffix: str

    def parse(self, text: str) -> Parsed: ...

    def serialise(self, front: str, items: Sequence[Item]) -> str: ...

    def properties(self, book: ExportedBook, old: str | None) -> str: ...

    def title(self, book: ExportedBook) -> list[Item]: ...

    def heading(self, title: str) -> Item: ...

    def key(self, annotation: Annotation) -> str: ...

    def block(self, annotation: Annotation, options: NoteOptions) -> list[str]: ...

    def deleted(self, lines: list[str], options: NoteOptions) -> list[str]: ...

    def unparented(self, free: list[str]) -> list[str]:
        """A removed block's free area as text standing on its own."""
        ...


def chapter_title(title: str, orphans: bool, tr: Translate) -> str:
    if orphans:
        return tr(CONTEXT, ORPHANS_TITLE)
    return title or tr(CONTEXT, BEGINNING)


def update_note(
    flavour: Flavour,
    existing: str | None,
    book: ExportedBook,
    annotations: Sequence[Annotation],
    options: NoteOptions | None = None,
) -> str:
    """The note for `book` with `annotations`: new (`existing` None) or `existing` updated."""
    options = options or NoteOptions()
    parsed = flavour.parse(existing) if existing is not None else Parsed(None, [])
    items = list(parsed.items)
    if existing is None or not existing.strip():  # a new note starts with the book's title
        items = flavour.title(book)

    # Reading order and each annotation's chapter heading.
    order: list[Annotation] = []
    heading_of: dict[str, str] = {}  # annotation id -> its heading's key
    titles: dict[str, str] = {}  # a heading's key -> its chapter's title
    for chapter in chapters(book, annotations):
        title = chapter_title(chapter.title, chapter.orphans, options.tr)
        line_key = flavour.heading(title).key
        titles[line_key] = title
        for annotation in chapter.annotations:
            order.append(annotation)
            heading_of[annotation.id] = line_key
    live = {flavour.key(a): a for a in order}

    # Rewrite what is Readmark's; note what was removed under which heading.
    placed: dict[str, Item] = {}  # annotation id -> its block
    headings: dict[str, Item] = {}
    emptied: set[int] = set()  # id() of headings a removed block stood under
    kept: list[Item] = []
    current_heading: Item | None = None
    for item in items:
        if item.kind == "heading":
            current_heading = item
            headings.setdefault(item.key, item)
            kept.append(item)
        elif item.kind == "text":
            kept.append(item)
        elif not item.certain and item.key not in live:
            kept.append(Item("text", [*item.lines, *item.free]))
        else:
            found = live.get(item.key)
            if found is not None and found.id not in placed:
                item.lines = flavour.block(found, options)
                placed[found.id] = item
                kept.append(item)
            elif found is None and options.mark_deleted:
                item.lines = flavour.deleted(item.lines, options)
                kept.append(item)
            else:  # deleted in Readmark, or a second copy: the reader's words stay
                if item.free:
                    kept.append(Item("text", flavour.unparented(item.free)))
                if current_heading is not None:
                    emptied.add(id(current_heading))

    # New annotations go after the previous one in reading order.
    position = {id(item): index for index, item in enumerate(kept)}
    after: dict[int, list[Item]] = {}
    first: list[Item] = []
    previous: Annotation | None = None
    for annotation in order:
        if annotation.id in placed:
            previous = annotation
            continue
        block = Item("block", flavour.block(annotation, options), key=flavour.key(annotation))
        heading_key = heading_of[annotation.id]
        same_chapter = previous is not None and heading_of[previous.id] == heading_key
        if previous is not None and same_chapter:
            after.setdefault(id(placed[previous.id]), []).append(block)
        elif heading_key in headings:
            after.setdefault(id(headings[heading_key]), []).append(block)
        else:
            heading = flavour.heading(titles[heading_key])
            headings[heading_key] = heading
            if previous is not None:
                # After the previous block and what the reader wrote below it (their
                # own headings too), so their text stays in the chapter it was in.
                anchor = _end_of_section(kept, position, placed[previous.id], titles)
                after.setdefault(id(anchor), []).append(heading)
            else:
                first.append(heading)
            after.setdefault(id(heading), []).append(block)
        placed[annotation.id] = block
        previous = annotation

    result = _with_insertions(kept, after, first)
    result = _without_emptied_headings(result, emptied)
    front = flavour.properties(book, parsed.front)
    return flavour.serialise(front, result)


def _end_of_section(
    kept: list[Item], position: dict[int, int], item: Item, chapter_keys: dict[str, str]
) -> Item:
    """The last item from `item` on before the next block or chapter heading."""
    index = position.get(id(item))
    if index is None:  # inserted by this export: nothing of the reader's follows it
        return item
    while index + 1 < len(kept):
        following = kept[index + 1]
        if following.kind == "block" or following.key in chapter_keys:
            break
        index += 1
    return kept[index]


def _with_insertions(
    kept: list[Item], after: dict[int, list[Item]], first: list[Item]
) -> list[Item]:
    """`kept` with each inserted item after its anchor, `first` before the first
    block or heading (a chain of thousands of insertions: no recursion)."""
    out: list[Item] = []

    def emit(item: Item) -> None:
        stack = [item]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(after.get(id(current), [])))

    start = next((i for i, item in enumerate(kept) if item.kind != "text"), len(kept))
    for item in kept[:start]:
        emit(item)
    for item in first:
        emit(item)
    for item in kept[start:]:
        emit(item)
    return out


def _without_emptied_headings(items: list[Item], emptied: set[int]) -> list[Item]:
    """Drop a chapter heading left with nothing under it by this export's removals."""
    out: list[Item] = []
    for index, item in enumerate(items):
        if item.kind == "heading" and id(item) in emptied:
            following = items[index + 1] if index + 1 < len(items) else None
            if following is None or following.kind == "heading":
                continue
        out.append(item)
    return out
