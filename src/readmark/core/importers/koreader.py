"""KOReader's sidecar `metadata.<ext>.lua` (in the book's `.sdr` folder).

Two layouts are read:

- **annotations** (KOReader 2024.07 on): one list; an item with `pos0`/`pos1`
  is a highlight (`text` the quote, `note` the reader's note, `color`,
  `drawer`), one without is a bookmark (`page` only).
- **highlight + bookmarks** (before): `highlight[page][n]` holds the quotes;
  `bookmarks` lists every highlight again (with `highlighted = true`, the quote
  in `notes` and the reader's note, if any, in `text`) and the plain bookmarks.
  A highlight's note is found in the bookmark at the same `pos0`; KOReader's
  own placeholder text ("Page 12 London @ 2023-05-14 23:36:30") is no note.

The book is named by `doc_props` (title, authors), `doc_path`, and the sidecar's
place: `Book.sdr/metadata.epub.lua` sits beside `Book.epub`.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from readmark.core.annotations import Kind, Style
from readmark.core.importers.lua_table import LuaValue, loads
from readmark.core.importers.records import BookMarks, BookRef, Mark, ParsedMarks

SIDECAR_NAME = re.compile(r"^metadata\.([A-Za-z0-9]{1,8})\.lua$")
_FRAGMENT = re.compile(r"DocFragment\[(\d+)\]")
_PLACEHOLDER = re.compile(r"^Page \S+ .* @ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", re.DOTALL)

# KOReader's highlight colours, by what Readmark offers nearest.
COLOURS = {
    "yellow": "yellow", "orange": "yellow", "gray": "yellow", "red": "pink",
    "green": "green", "olive": "green", "cyan": "blue", "blue": "blue",
    "purple": "purple",
}  # fmt: skip


def looks_like(text: str) -> bool:
    head = text.lstrip("\ufeff")[:4096]
    body = re.sub(r"^(\s*--[^\n]*\n)*\s*", "", head)
    return re.match(r"return\b", body) is not None  # what it returns is checked by parsing


def parse(text: str, sidecar: Path | None = None) -> ParsedMarks:
    table = loads(text)
    parsed = ParsedMarks("koreader", [])
    book = BookMarks(_book(table, sidecar))
    annotations = table.get("annotations")
    if isinstance(annotations, dict):
        book.marks = [m for m in (_new_item(v) for v in _listed(annotations)) if m is not None]
    else:
        book.marks = _old_layout(table)
    parsed.books.append(book)
    return parsed


def _book(table: dict[object, LuaValue], sidecar: Path | None) -> BookRef:
    props = table.get("doc_props")
    props = props if isinstance(props, dict) else {}
    stats = table.get("stats")
    stats = stats if isinstance(stats, dict) else {}
    title = _text(props.get("title")) or _text(stats.get("title"))
    authors = _text(props.get("authors")) or _text(stats.get("authors"))
    file = _text(table.get("doc_path"))
    if sidecar is not None:
        match = SIDECAR_NAME.match(sidecar.name)
        folder = sidecar.parent
        if match and folder.name.endswith(".sdr"):
            beside = folder.with_name(folder.name[: -len(".sdr")] + "." + match[1])
            if beside.exists() or not file:
                file = str(beside)
    digest = _text(table.get("partial_md5_checksum")) or _text(stats.get("md5"))
    return BookRef(
        title,
        ", ".join(a for a in authors.split("\n") if a.strip()),
        file,
        digest.lower() if re.fullmatch(r"[0-9A-Fa-f]{32}", digest) else "",
    )


def partial_md5(path: Path) -> str | None:
    """KOReader's digest of a book file (frontend/util.lua, `util.partialMD5`): MD5 of
    1024-byte samples at offsets 1024 << 2i for i = -1…10, stopping at the end of the
    file. LuaJIT's `bit.lshift` takes the shift modulo 32 on 32 bits, so i = -1 reads
    at offset 0 (not 256): 0, 1 KiB, 4 KiB, 16 KiB … 1 GiB. It names the book whatever
    its file is called; None if the file cannot be read."""
    import hashlib

    digest = hashlib.md5(usedforsecurity=False)
    try:
        with open(path, "rb") as stream:
            for offset in [0] + [1024 << (2 * i) for i in range(11)]:
                stream.seek(offset)
                sample = stream.read(1024)
                if not sample:
                    break
                digest.update(sample)
    except OSError:
        return None
    return digest.hexdigest()


def _listed(table: dict[object, LuaValue]) -> list[dict[object, LuaValue]]:
    """A Lua array's tables in index order (sidecars write keys in any order)."""
    keys = sorted((k for k in table if isinstance(k, int | float)), key=float)
    return [v for k in keys if isinstance(v := table[k], dict)]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _when(value: object) -> float | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").timestamp()
    except (ValueError, OverflowError, OSError):
        return None


def _section(pos: str) -> int | None:
    match = _FRAGMENT.search(pos)
    return int(match[1]) - 1 if match else None


def _style(item: dict[object, LuaValue]) -> Style:
    return Style.UNDERLINE if _text(item.get("drawer")) == "underscore" else Style.HIGHLIGHT


def _new_item(item: dict[object, LuaValue]) -> Mark | None:
    pos0 = _text(item.get("pos0"))
    created = _when(item.get("datetime"))
    modified = _when(item.get("datetime_updated")) or created
    chapter = _text(item.get("chapter"))
    if not pos0 and not isinstance(item.get("pos0"), dict):
        page = _text(item.get("page"))
        return Mark(
            Kind.BOOKMARK,
            quote="",
            label=_text(item.get("text")).strip() or chapter or page or "KOReader",
            chapter=chapter,
            position=page or str(item.get("page", "")),
            section_hint=_section(page),
            created=created,
            modified=modified,
        )
    quote = _text(item.get("text")).strip()
    note = _text(item.get("note")).strip()
    if not quote and not note:
        return None
    return Mark(
        Kind.HIGHLIGHT if quote else Kind.NOTE,
        quote=quote,
        note=note,
        color=COLOURS.get(_text(item.get("color")), "yellow"),
        style=_style(item),
        chapter=chapter,
        position=pos0,
        section_hint=_section(pos0),
        created=created,
        modified=modified,
    )


def _old_layout(table: dict[object, LuaValue]) -> list[Mark]:
    bookmarks = table.get("bookmarks")
    listed = _listed(bookmarks) if isinstance(bookmarks, dict) else []
    notes_at: dict[str, str] = {}
    for bookmark in listed:
        pos0 = _text(bookmark.get("pos0"))
        note = _text(bookmark.get("text")).strip()
        if pos0 and bookmark.get("highlighted") and note and not _PLACEHOLDER.match(note):
            notes_at[pos0] = note
    marks: list[Mark] = []
    seen: set[str] = set()
    highlight = table.get("highlight")
    pages = highlight if isinstance(highlight, dict) else {}
    for page in sorted((k for k in pages if isinstance(k, int | float)), key=float):
        on_page = pages[page]
        if not isinstance(on_page, dict):
            continue
        for item in _listed(on_page):
            quote = _text(item.get("text")).strip()
            pos0 = _text(item.get("pos0"))
            if not quote:
                continue
            seen.add(pos0)
            created = _when(item.get("datetime"))
            marks.append(
                Mark(
                    Kind.HIGHLIGHT,
                    quote=quote,
                    note=notes_at.get(pos0, ""),
                    color=COLOURS.get(_text(item.get("color")), "yellow"),
                    style=_style(item),
                    chapter=_text(item.get("chapter")),
                    position=pos0,
                    section_hint=_section(pos0),
                    created=created,
                    modified=created,
                )
            )
    for bookmark in listed:
        pos0 = _text(bookmark.get("pos0"))
        if bookmark.get("highlighted") or pos0 in seen and pos0:
            continue  # a highlight's own entry, read above
        place = _text(bookmark.get("page"))
        created = _when(bookmark.get("datetime"))
        label = (
            _text(bookmark.get("notes")).strip()
            or _text(bookmark.get("text")).strip()
            or place
            or "KOReader"
        )
        marks.append(
            Mark(
                Kind.BOOKMARK,
                label=label,
                chapter=_text(bookmark.get("chapter")),
                position=place,
                section_hint=_section(place),
                created=created,
                modified=created,
            )
        )
    return marks
