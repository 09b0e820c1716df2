"""Kindle's `My Clippings.txt`.

Each clipping is a title line ("Title (Author)"), a line describing it, a
blank line, its text, and a line of ten `=`. The description names its kind
and place in the device's language; English and Chinese (both the older
"我的标注 位置 #465-466 | 添加于…" and the newer "您在位置 #469-471的标注 | 添加于 …")
are read, and the kind alone in German, French, Spanish, Italian, Portuguese
and Japanese.

Kindle appends rather than edits, so the file needs reading as a history:

- a highlight extended (or trimmed) is written again at an overlapping
  location: the two are one highlight, the longer text kept (the issue's rule;
  a trim by a few characters keeps the longer, which still anchors);
- the same clipping twice (a highlight re-saved) is one;
- a note is written as a clipping of its own at the location where its
  highlight ends: it is attached to that highlight; a note with no highlight
  there stays a note on its own;
- a publisher's clipping limit replaces the text by "<You have reached the
  clipping limit for this item>" (Chinese: 您已达到本内容的剪贴上限): a text
  cut short keeps its part, one left empty is counted and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from readmark.core.annotations import Kind
from readmark.core.importers import records
from readmark.core.importers.records import BookMarks, BookRef, Mark, ParsedMarks, normalized

SEPARATOR = "=========="
LIMIT_TEXTS = (
    "<You have reached the clipping limit for this item>",
    "<您已达到本内容的剪贴上限>",
    "您已达到本内容的剪贴上限",
)
_KINDS = (
    (Kind.BOOKMARK, ("bookmark", "书签", "書籤", "lesezeichen", "signet", "marcador", "segnalibro", "ブックマーク")),
    (Kind.NOTE, ("note", "笔记", "筆記", "notiz", "nota", "メモ")),
    (Kind.HIGHLIGHT, ("highlight", "标注", "標註", "markierung", "surlignement", "subrayado", "evidenziazione", "destaque", "ハイライト")),
)  # fmt: skip
_LOCATION = re.compile(
    r"(?:location|Location|Position|emplacement|posición|posizione|posição|位置|位置No\.)\s*#?\s*(\d+)(?:\s*-\s*(\d+))?"
)
_PAGE = re.compile(r"(?:page|Page|Seite|página|pagina)\s+(\d+)|第\s*(\d+)\s*页|(\d+)\s*ページ")
_ZH_DATE = re.compile(
    r"(\d{4})年(\d{1,2})月(\d{1,2})日.*?(上午|下午)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?"
)
_EN_DATES = (
    "%A, %B %d, %Y %I:%M:%S %p",
    "%A, %d %B %Y %H:%M:%S",
    "%A, %B %d, %Y, %I:%M %p",
    "%A, %d %B %y %H:%M:%S",
    "%A, %B %d, %Y %H:%M:%S",
)
_TITLE_AUTHOR = re.compile(r"^(.*\S)\s*[(（]([^()（）]*)[)）]\s*$")


@dataclass(frozen=True)
class _Clipping:
    title: str
    authors: str
    mark: Mark
    first: int | None  # location range, or the note's location
    last: int | None


def looks_like(text: str) -> bool:
    """A clipping's shape near the start: a title line, a "- …" line, then the separator."""
    lines = [line.strip() for line in text.lstrip("\ufeff")[:8192].splitlines()]
    if SEPARATOR not in lines:
        return False
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line == SEPARATOR:
            blocks.append([])
        else:
            blocks[-1].append(line)
    for block in blocks[:-1]:
        filled = [line for line in block if line]
        if len(filled) >= 2 and filled[1].startswith("-"):
            return True
    return False


def parse(text: str) -> ParsedMarks:
    parsed = ParsedMarks("kindle", [])
    clippings: list[_Clipping] = []
    for block in _blocks(text):
        clipping = _clipping(block, parsed)
        if clipping is not None:
            clippings.append(clipping)
    books: dict[tuple[str, str], BookMarks] = {}
    per_book: dict[tuple[str, str], list[_Clipping]] = {}
    for clipping in clippings:
        key = (clipping.title, clipping.authors)
        books.setdefault(key, BookMarks(BookRef(clipping.title, clipping.authors)))
        per_book.setdefault(key, []).append(clipping)
    for key, found in per_book.items():
        books[key].marks = _history(found, parsed)
    parsed.books = list(books.values())
    return parsed


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip() == SEPARATOR:
            blocks.append(current)
            current = []
        else:
            current.append(line.lstrip("\ufeff"))
    if any(line.strip() for line in current):
        blocks.append(current)
    return blocks


def _clipping(block: list[str], parsed: ParsedMarks) -> _Clipping | None:
    while block and not block[0].strip():
        block = block[1:]
    if len(block) < 2 or not block[1].lstrip().startswith("-"):
        if any(line.strip() for line in block):
            parsed.leave_out(records.UNREADABLE_CLIPPING)
        return None
    title, authors = _title(block[0])
    meta = block[1].strip()
    kind = _kind(meta)
    if kind is None:
        parsed.leave_out(records.UNKNOWN_KIND)
        return None
    body = "\n".join(block[2:]).strip()
    limited = False
    for limit in LIMIT_TEXTS:
        if limit in body:
            body, limited = body.replace(limit, "").strip(), True
    first, last = _location(meta)
    page = _PAGE.search(meta)
    page_number = next((g for g in page.groups() if g), "") if page else ""
    where = " | ".join(p.strip() for p in meta.lstrip("- ").split("|")[:-1])
    position = ", ".join(
        part
        for part in (
            f"page {page_number}" if page_number else "",
            f"location {first}" + (f"-{last}" if last not in (None, first) else "")
            if _LOCATION.search(meta)
            else "",
        )
        if part
    )
    created = _date(meta)
    if kind is Kind.HIGHLIGHT and not body:
        parsed.leave_out(records.CLIPPING_LIMIT if limited else records.EMPTY_HIGHLIGHT)
        return None
    if kind is Kind.NOTE and not body:
        parsed.leave_out(records.EMPTY_NOTE)
        return None
    label = ""
    if kind is Kind.BOOKMARK:
        label = where or meta
        body = ""
    mark = Mark(
        kind,
        quote=body if kind is Kind.HIGHLIGHT else "",
        note=body if kind is Kind.NOTE else "",
        position=position,
        created=created,
        modified=created,
        label=label,
    )
    return _Clipping(title, authors, mark, first, last if last is not None else first)


def _title(line: str) -> tuple[str, str]:
    line = line.strip().lstrip("\ufeff").strip()
    match = _TITLE_AUTHOR.match(line)
    if match:
        return match[1].strip(), match[2].strip()
    if " - " in line:  # older firmware: "Title - Author"
        title, _, author = line.rpartition(" - ")
        return title.strip(), author.strip()
    return line, ""


def _kind(meta: str) -> Kind | None:
    lowered = meta.casefold()
    head = lowered.split("|")[0]
    for kind, words in _KINDS:
        if any(word in head for word in words):
            return kind
    return None


def _location(meta: str) -> tuple[int | None, int | None]:
    match = _LOCATION.search(meta)
    if not match:
        page = _PAGE.search(meta)
        if page:
            number = int(next(g for g in page.groups() if g))
            return number, number
        return None, None
    first = int(match[1])
    return first, int(match[2]) if match[2] else first


def _date(meta: str) -> float | None:
    """The clipping's local time (the Kindle's clock) as a timestamp."""
    part = meta.rsplit("|", 1)[-1].strip()
    zh = _ZH_DATE.search(part)
    try:
        if zh:
            year, month, day, half, hour, minute, second = zh.groups()
            h = int(hour)
            if half == "下午" and h < 12:
                h += 12
            elif half == "上午" and h == 12:
                h = 0
            return datetime(
                int(year), int(month), int(day), h, int(minute), int(second or 0)
            ).timestamp()
        words = part.split(" ", 2)
        if len(words) == 3 and words[0] == "Added" and words[1] == "on":
            for pattern in _EN_DATES:
                try:
                    return datetime.strptime(words[2].strip(), pattern).timestamp()
                except ValueError:
                    continue
    except (ValueError, OverflowError, OSError):
        return None
    return None


def _overlaps(a: _Clipping, b: _Clipping) -> bool:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return False
    return a.first <= b.last and b.first <= a.last


def _same_text(a: str, b: str) -> bool:
    """One is the other extended or trimmed: one holds the other, or they share
    a start covering most of the shorter."""
    na, nb = normalized(a), normalized(b)
    short, long = sorted((na, nb), key=len)
    if short in long:
        return True
    common = 0
    for x, y in zip(na, nb, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(8, int(len(short) * 0.8))


_SPAN_INDEXED = 256  # locations a range is indexed at, at most (a hostile range is not a loop)


def _spots(first: int | None, last: int | None) -> list[int]:
    """The locations a clipping is indexed under: its range, or its ends if vast."""
    if first is None or last is None:
        return []
    if last - first > _SPAN_INDEXED or last < first:
        return [first, last]
    return list(range(first, last + 1))


def _history(found: list[_Clipping], parsed: ParsedMarks) -> list[Mark]:
    """Kindle's append-only history of one book folded into its marks (see the module).

    Highlights are indexed by location, so each clipping is compared only with those
    that share a location with it: linear in the file, not quadratic."""
    highlights: list[_Clipping] = []
    at: dict[int, list[int]] = {}  # location -> indexes into `highlights`
    for clipping in (c for c in found if c.mark.kind is Kind.HIGHLIGHT):
        near = sorted(
            {i for spot in _spots(clipping.first, clipping.last) for i in at.get(spot, [])}
        )
        for i in near:
            kept = highlights[i]
            if _overlaps(kept, clipping) and _same_text(kept.mark.quote, clipping.mark.quote):
                longer = clipping if len(clipping.mark.quote) > len(kept.mark.quote) else kept
                merged = replace(
                    longer,
                    first=min(kept.first or 0, clipping.first or 0),
                    last=max(kept.last or 0, clipping.last or 0),
                    mark=replace(
                        longer.mark,
                        created=_earliest(kept.mark.created, clipping.mark.created),
                        modified=_latest(kept.mark.modified, clipping.mark.modified),
                    ),
                )
                highlights[i] = merged
                for spot in _spots(merged.first, merged.last):
                    if i not in at.setdefault(spot, []):
                        at[spot].append(i)
                parsed.leave_out(records.EARLIER_VERSION)
                break
        else:
            highlights.append(clipping)
            for spot in _spots(clipping.first, clipping.last):
                at.setdefault(spot, []).append(len(highlights) - 1)
    ending: dict[int, list[int]] = {}
    for i, highlight in enumerate(highlights):
        if highlight.last is not None:
            ending.setdefault(highlight.last, []).append(i)
    notes: list[Mark] = []
    seen_notes: set[str] = set()
    attached: dict[int, list[str]] = {}
    for clipping in (c for c in found if c.mark.kind is Kind.NOTE):
        target = _highlight_for(clipping, highlights, ending, at)
        text = normalized(clipping.mark.note)
        if target is None:
            if text in seen_notes:
                parsed.leave_out(records.SAME_NOTE)
                continue
            seen_notes.add(text)
            notes.append(clipping.mark)
            continue
        texts = attached.setdefault(target, [])
        if text in {normalized(t) for t in texts}:
            parsed.leave_out(records.SAME_NOTE)
        else:
            texts.append(clipping.mark.note)
    marks: list[Mark] = []
    for i, clipping in enumerate(highlights):
        note = "\n\n".join(attached.get(i, []))
        marks.append(replace(clipping.mark, note=note) if note else clipping.mark)
    marks += notes
    marks += [c.mark for c in found if c.mark.kind is Kind.BOOKMARK]
    return marks


def _highlight_for(
    note: _Clipping,
    highlights: list[_Clipping],
    ending: dict[int, list[int]],
    at: dict[int, list[int]],
) -> int | None:
    """The highlight a note belongs to: the one ending at its location, else one
    covering it; among several, the one made nearest in time."""
    if note.first is None:
        return None
    candidates = ending.get(note.first) or [
        i
        for i in at.get(note.first, [])
        if (h := highlights[i]).first is not None
        and h.last is not None
        and h.first <= note.first <= h.last
    ]
    if not candidates:
        return None
    when = note.mark.created or 0.0
    return min(candidates, key=lambda i: abs((highlights[i].mark.created or 0.0) - when))


def _earliest(a: float | None, b: float | None) -> float | None:
    values = [v for v in (a, b) if v is not None]
    return min(values) if values else None


def _latest(a: float | None, b: float | None) -> float | None:
    values = [v for v in (a, b) if v is not None]
    return max(values) if values else None
