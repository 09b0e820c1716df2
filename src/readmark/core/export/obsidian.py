"""The Obsidian flavour of a book's note (plain Markdown with Obsidian's extensions).

    ---
    title: Moby-Dick
    author: Herman Melville
    readmark-book: 3f0c…
    tags:
      - readmark
    ---

    # Moby-Dick

    ## Loomings

    > [!quote] Highlight · yellow · 2024-03-01 14:05 #highlight/yellow
    > Call me Ishmael.
    >
    > > [!note] Note
    > > the reader's note, as Markdown

    ^rm-1f2e…

    what the reader wrote here is theirs: it stays, and moves with the block

- Each annotation is a callout (`[!quote]` for a highlight, `[!note]` for a note
  on its own, `[!bookmark]` for a bookmark); the colour is a tag in its title
  (`#highlight/yellow`), so the reader can search by colour.
- Its block id (`^rm-` and the annotation's id) stands on its own line after the
  callout with a blank line around it: Obsidian's help asks that of a quote or
  callout, so `[[Moby-Dick#^rm-1f2e…]]` links and embeds the whole callout.
- The managed part of a block is the callout and the id line; the free area is
  everything after it up to the next block or heading.
- A first-level heading is the note's title and is the reader's text; other
  headings separate chapters (Readmark writes `##` ones).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from readmark.core.annotations import Annotation, Kind
from readmark.core.export.common import (
    CONTEXT,
    KIND_LABELS,
    ExportedBook,
    describe,
)
from readmark.core.export.markdown import escape, escape_line
from readmark.core.export.notes import Item, NoteOptions, Parsed
from readmark.core.export.properties import merge_front_matter
from readmark.core.i18n import QT_TRANSLATE_NOOP

DELETED = QT_TRANSLATE_NOOP("Export", "Deleted in Readmark")
OPEN_IN_READMARK = QT_TRANSLATE_NOOP("Export", "Open in Readmark")

_ID_LINE = re.compile(r"^\^(rm-[A-Za-z0-9-]+)\s*$")
_HEADING = re.compile(r"^#{2,6}\s")  # a first-level heading is the title: text
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CALLOUT = re.compile(r"^>\s*\[!")
_SAFE_ID = re.compile(r"^[A-Za-z0-9-]+$")
_CALLOUT_TYPES = {Kind.HIGHLIGHT: "quote", Kind.NOTE: "note", Kind.BOOKMARK: "bookmark"}
_DELETED_TYPE = "missing"  # an alias of Obsidian's `failure` callout: red, with a cross


class Obsidian:
    name = "obsidian"
    suffix = ".md"

    # -- reading -------------------------------------------------------------------------

    def parse(self, text: str) -> Parsed:
        lines = text.splitlines()
        front: str | None = None
        if lines and lines[0].rstrip() == "---":
            end = next(
                (i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None
            )
            if end is not None:
                front = "\n".join(lines[1:end])
                lines = lines[end + 1 :]
        return Parsed(front, _items(lines))

    def serialise(self, front: str, items: Sequence[Item]) -> str:
        parts = []
        for item in items:
            lines = list(item.lines)
            if item.kind == "block" and item.free:
                lines += ["", *item.free]
            if lines:
                parts.append("\n".join(lines))
        body = "\n\n".join(parts)
        return f"---\n{front}\n---\n\n{body}\n" if body else f"---\n{front}\n---\n"

    # -- writing -------------------------------------------------------------------------

    def properties(self, book: ExportedBook, old: str | None) -> str:
        return merge_front_matter(book, old)

    def title(self, book: ExportedBook) -> list[Item]:
        return [Item("text", [f"# {escape(book.title)}"])]

    def heading(self, title: str) -> Item:
        line = f"## {escape(title)}"
        return Item("heading", [line], key=line)

    def key(self, annotation: Annotation) -> str:
        if _SAFE_ID.match(annotation.id):
            return f"rm-{annotation.id}"
        # Ids from other programs may hold what a block id may not (letters, digits, dashes).
        return "rm-x" + hashlib.sha1(annotation.id.encode("utf-8")).hexdigest()[:32]

    def block(self, annotation: Annotation, options: NoteOptions) -> list[str]:
        tr = options.tr
        title = " · ".join(escape(part) for part in describe(annotation, tr, options.zone))
        if annotation.kind is Kind.HIGHLIGHT:
            title += f" #highlight/{re.sub(r'[^A-Za-z0-9_-]', '', annotation.color) or 'colour'}"
        lines = [f"> [!{_CALLOUT_TYPES[annotation.kind]}] {title}"]
        body: list[str] = []
        if annotation.kind is Kind.BOOKMARK and annotation.label.strip():
            body.append(f"**{escape(annotation.label.strip())}**")
        if annotation.quote.strip():
            if body:
                body.append("")
            body += [
                escape_line(line.rstrip()) for line in annotation.quote.strip("\n").split("\n")
            ]
        if annotation.note.strip():
            note = annotation.note.strip("\n").split("\n")
            if annotation.kind is Kind.NOTE and not annotation.quote.strip():
                body += note  # a note on its own: the callout is the note
            else:
                if body:
                    body.append("")
                body.append(f"> [!note] {escape(tr(CONTEXT, KIND_LABELS[Kind.NOTE]))}")
                body += [f"> {line}".rstrip() for line in note]
        url = options.link(annotation)
        if url:
            if body:
                body.append("")
            body.append(f"[{escape(tr(CONTEXT, OPEN_IN_READMARK))}](<{url}>)")
        lines += [f"> {line}".rstrip() for line in body]
        return [*lines, "", f"^{self.key(annotation)}"]

    def unparented(self, free: list[str]) -> list[str]:
        return free

    def deleted(self, lines: list[str], options: NoteOptions) -> list[str]:
        if not lines or not _CALLOUT.match(lines[0]):
            return lines
        header = re.match(r"^>\s*\[!([^\]]*)\][+-]?\s?(.*)$", lines[0])
        if header is None or header.group(1) == _DELETED_TYPE:
            return lines
        marked = f"> [!{_DELETED_TYPE}] {escape(options.tr(CONTEXT, DELETED))}"
        rest = header.group(2).strip()
        return [f"{marked} · {rest}" if rest else marked, *lines[1:]]


def _items(lines: list[str]) -> list[Item]:
    """The note's body as items; see the module's description of a block."""
    ids: dict[int, str] = {}
    headings: set[int] = set()
    fences = [i for i, line in enumerate(lines) if _FENCE.match(line)]
    if len(fences) % 2:
        fences.pop()  # a fence never closed hides nothing (else it would hide our blocks)
    fenced_lines = {
        i for a, b in zip(fences[::2], fences[1::2], strict=True) for i in range(a, b + 1)
    }
    for index, line in enumerate(lines):
        if index in fenced_lines:
            continue
        match = _ID_LINE.match(line)
        if match:
            ids[index] = match.group(1)
        elif _HEADING.match(line):
            headings.add(index)

    starts: dict[int, int] = {}  # first line of a block's managed part -> its id line
    for index in ids:
        above = index - 1
        while above >= 0 and not lines[above].strip():
            above -= 1
        top = above
        while top >= 0 and lines[top].startswith(">"):
            top -= 1
        header = next(
            (i for i in range(above, top, -1) if _CALLOUT.match(lines[i]) and i not in starts),
            None,
        )
        starts[header if header is not None else index] = index

    items: list[Item] = []
    pending: list[str] = []
    block: Item | None = None

    def flush() -> None:
        text = _trimmed(pending)
        pending.clear()
        if block is not None:
            block.free = text
        elif text:
            items.append(Item("text", text))

    index = 0
    while index < len(lines):
        if index in starts:
            flush()
            end = starts[index]
            block = Item("block", lines[index : end + 1], key=ids[end])
            items.append(block)
            index = end + 1
        elif index in headings:
            flush()
            block = None
            items.append(Item("heading", [lines[index]], key=lines[index].rstrip()))
            index += 1
        else:
            pending.append(lines[index])
            index += 1
    flush()
    return items


def _trimmed(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


OBSIDIAN = Obsidian()
