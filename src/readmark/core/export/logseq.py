"""The Logseq flavour of a book's note: an outline, as Logseq writes its pages.

    title:: Moby-Dick
    author:: Herman Melville
    isbn:: 9780142437247
    readmark-book:: 3f0c…
    tags:: readmark

    - ## Loomings
    - > Call me Ishmael.
      id:: 1f2e3d4c-…
      background-color:: yellow
      readmark:: Highlight · yellow · 2024-03-01 14:05
      the reader's note
        - what the reader wrote under it is theirs (a child block)

Logseq reads a page's properties from its first block and a block's from the
`key:: value` lines after its first line (logseq/docs, "properties"); it links a
block as `((uuid))` through its `id::` property, which must be a UUID. So:

- the page properties are `key:: value` lines, not YAML: Readmark's keys are
  replaced, `tags::` gains `readmark`, every other line stays;
- each annotation is a top-level block: its first line is the quote (what a
  block reference shows), then `id::` (the annotation's id as a UUID),
  `background-color::` (Logseq's own highlight colours share our names), and
  `readmark::` (kind, colour, date; it marks the block as Readmark's), then the
  rest of the quote and the note;
- the managed part is the block up to its first child; the child blocks are the
  free area; a line starting with a list marker in a note is escaped so it does
  not become a child.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from readmark.core.annotations import Annotation, Kind
from readmark.core.export.common import CONTEXT, KIND_LABELS, ExportedBook, describe
from readmark.core.export.notes import Item, NoteOptions, Parsed
from readmark.core.export.obsidian import DELETED, OPEN_IN_READMARK
from readmark.core.export.properties import BOOK_KEY, TAG, managed_values

_TOP = re.compile(r"^-(\s|$)")
_CHILD = re.compile(r"^\s+[-*+](\s|$)")
_PROPERTY = re.compile(r"^\s*([A-Za-z0-9_-]+)::\s?(.*)$")
_HEADING = re.compile(r"^-\s+#{1,6}\s")
_HEAD = re.compile(r"^-\s+(> ?|\*\*.*\*\*\s*$|>$)")  # the first lines Readmark writes
_MARKER = "readmark"
_PROPERTY_LIKE = re.compile(r"^(\s*[A-Za-z0-9_-]+)::")
_LIST_START = re.compile(r"^(\s*)([-*+]|\d+[.)])(\s)")
_NAMESPACE = uuid.UUID("6f0d8c2e-4b1a-4d5e-9a3c-7e2b1f0a9d84")  # for ids that are no UUID
_COLOURS = {"yellow", "red", "pink", "green", "blue", "purple", "gray"}  # Logseq's own


class Logseq:
    name = "logseq"
    suffix = ".md"

    def parse(self, text: str) -> Parsed:
        lines = text.splitlines()
        first = next((i for i, line in enumerate(lines) if _TOP.match(line)), len(lines))
        front = "\n".join(lines[:first]) if first else None
        items: list[Item] = []
        index = first
        while index < len(lines):
            end = index + 1
            while end < len(lines) and not _TOP.match(lines[end]):
                end += 1
            items += _items(lines[index:end])
            index = end
        return Parsed(front, items)

    def serialise(self, front: str, items: Sequence[Item]) -> str:
        lines = front.split("\n") if front.strip() else []
        for item in items:
            lines += item.lines
            if item.kind == "block":
                lines += item.free
        # What comes before the first block is the page's properties (and whatever else the
        # reader put there): one blank line after it, however it was made up.
        first = next((i for i, line in enumerate(lines) if _TOP.match(line)), len(lines))
        head = lines[:first]
        while head and not head[-1].strip():
            head.pop()
        out = [*head, ""] if head else []
        return "\n".join(out + lines[first:]).rstrip("\n") + "\n"

    def properties(self, book: ExportedBook, old: str | None) -> str:
        values = {
            key: ", ".join(value) if isinstance(value, list) else str(value)
            for key, value in managed_values(book).items()
        }
        lines = old.split("\n") if old else []
        seen: set[str] = set()
        out: list[str] = []
        for line in lines:
            match = _PROPERTY.match(line)
            key = match.group(1).lower() if match else ""
            if key in values:
                if key not in seen:
                    out.append(f"{key}:: {_one_line(values[key])}")
                    seen.add(key)
                continue
            if key == "tags" and match:
                tags = [t.strip() for t in match.group(2).split(",") if t.strip()]
                if TAG not in tags:
                    tags.append(TAG)
                out.append(f"{match.group(1)}:: {', '.join(tags)}")
                seen.add("tags")
                continue
            out.append(line)
        while out and not out[-1].strip():
            out.pop()
        missing = [f"{k}:: {_one_line(v)}" for k, v in values.items() if k not in seen]
        if "tags" not in seen:
            missing.append(f"tags:: {TAG}")
        at = next((i for i, line in enumerate(out) if not _PROPERTY.match(line)), len(out))
        return "\n".join(out[:at] + missing + out[at:])

    def title(self, book: ExportedBook) -> list[Item]:
        return []  # Logseq shows the page's title itself

    def heading(self, title: str) -> Item:
        line = f"- ## {_one_line(title)}"
        return Item("heading", [line], key=line)

    def key(self, annotation: Annotation) -> str:
        try:
            return (
                str(uuid.UUID(hex=annotation.id))
                if len(annotation.id) == 32
                else _other(annotation)
            )
        except ValueError:
            return _other(annotation)

    def block(self, annotation: Annotation, options: NoteOptions) -> list[str]:
        tr = options.tr
        quote = [line.rstrip() for line in annotation.quote.strip("\n").split("\n")]
        quote = [f"> {line}".rstrip() for line in quote] if annotation.quote.strip() else []
        # The first line is the quote, else the bookmark's name, else the kind in bold:
        # a shape the parser knows, so a line the reader typed there is never taken
        # for Readmark's (`_HEAD`).
        label = annotation.label.strip() if annotation.kind is Kind.BOOKMARK else ""
        if quote and not label:
            head, body = quote[0], quote[1:]
        else:
            name = _one_line(label) or tr(CONTEXT, KIND_LABELS[annotation.kind])
            head, body = f"**{_escape_bold(name)}**", quote
        note = [_escape_list(line) for line in annotation.note.strip("\n").split("\n")]
        lines = [f"- {head}".rstrip(), f"  id:: {self.key(annotation)}"]
        if annotation.kind is Kind.HIGHLIGHT and annotation.color in _COLOURS:
            lines.append(f"  background-color:: {annotation.color}")
        lines.append(f"  {_MARKER}:: {' · '.join(describe(annotation, tr, options.zone))}")
        lines += [f"  {line}".rstrip() for line in body]
        if annotation.note.strip():
            lines += [f"  {line}".rstrip() for line in note]
        url = options.link(annotation)
        if url:
            lines.append(f"  [{tr(CONTEXT, OPEN_IN_READMARK)}]({url})")
        return lines

    def unparented(self, free: list[str]) -> list[str]:
        # The children of a removed block move up a level: top-level blocks of their own.
        return [re.sub(r"^(\t|  )", "", line) for line in free]

    def deleted(self, lines: list[str], options: NoteOptions) -> list[str]:
        marker = f"  {_MARKER}:: {options.tr(CONTEXT, DELETED)}"
        return [marker if _is_marker(line) else line for line in lines]


def _items(lines: list[str]) -> list[Item]:
    """One top-level block: Readmark's (with `readmark::` and `id::`), a heading, or text.

    Readmark's block is recognised by its `readmark::` property, or by an `id::` of
    an annotation in the library (`Item.certain` False: a block the reader split by
    typing a new `- ` line inside it keeps the id but not the marker). A line at the
    margin inside it is the reader's (Readmark indents all it writes): kept, moved
    to the start of the free area. A first line not of the shape Readmark writes is
    the reader's too, kept as a block of its own before Readmark's.
    """
    child = next((i for i in range(1, len(lines)) if _CHILD.match(lines[i])), len(lines))
    own = lines[1:child]
    ident = next(
        (m.group(2).strip() for m in map(_PROPERTY.match, own) if m and m.group(1) == "id"), ""
    )
    certain = any(_is_marker(line) for line in own)
    if ident and (certain or _HEAD.match(lines[0])):
        foreign = [line for line in own if line.strip() and not line[0].isspace()]
        managed = [lines[0], *(line for line in own if not line.strip() or line[0].isspace())]
        before: list[Item] = []
        if not _HEAD.match(lines[0]):
            before = [Item("text", [lines[0]])]
            managed[0] = "-"
        block = Item("block", managed, free=foreign + lines[child:], key=ident.lower())
        block.certain = certain
        return [*before, block]
    if _HEADING.match(lines[0]):
        return [Item("heading", lines, key=lines[0].rstrip())]
    return [Item("text", lines)]


def _is_marker(line: str) -> bool:
    match = _PROPERTY.match(line)
    return match is not None and match.group(1) == _MARKER


def _other(annotation: Annotation) -> str:
    return str(uuid.uuid5(_NAMESPACE, annotation.id))


def _escape_bold(text: str) -> str:
    return text.replace("*", "\\*")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escape_list(line: str) -> str:
    """A note's line that would start a child block (a list item) or read as a block
    property (`key:: value`) is kept as text."""
    line = _PROPERTY_LIKE.sub(r"\1\\::", line)

    def escaped(match: re.Match[str]) -> str:
        marker = match.group(2)
        marker = f"\\{marker}" if marker in "-*+" else f"{marker[:-1]}\\{marker[-1]}"
        return f"{match.group(1)}{marker}{match.group(3)}"

    return _LIST_START.sub(escaped, line)


LOGSEQ = Logseq()


__all__ = ["BOOK_KEY", "LOGSEQ", "Logseq"]
