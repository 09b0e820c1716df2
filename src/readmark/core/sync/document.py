"""The shared document: what every computer's file holds, as loro containers.

Everything is a *root* container named after what it holds, so two computers
that create the same one concurrently create the same container (a child map
inserted twice would be two, and one would lose):

- `annotations` (map): annotation id → True; the list of every annotation ever synced.
- `a:<id>` (map): its fields, each merged on its own (last writer wins, by the
  CRDT's Lamport clock): `book` (`urn:readmark:book:<content id>`, or the
  source it waits under), kind, target (section, start, end, exact, prefix,
  suffix), colour, style, label, created, modified, orphaned, original_exact,
  and `deleted`.
- `n:<id>` (text): its note. Edits arrive as text operations, so two computers
  editing one note concurrently keep both texts.
- `libraries` (map): device → the library file its last sync was made with, so
  a computer can tell its own last sync from a restored library's.
- `positions` (map): `<content id>|<device>` → {section, offset, snippet, at}.
  Each computer writes only its own key, so the most recent reading (largest
  `at`) wins by comparison, not by whoever wrote last.

A deletion sets `deleted`; it is never removed, so a deleted annotation cannot
come back by another computer's older copy. Only the user re-creating it on a
computer (undoing the deletion after it was synced) clears it again, and sets
`restored` to when: the annotation comes back as the document has it (edits
made meanwhile elsewhere included), and a computer that lost its sync state
keeps its own older deletion from undoing that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import loro

from readmark.core.annotations import Annotation, Kind, Style, TextTarget

INDEX = "annotations"
LIBRARIES = "libraries"
POSITIONS = "positions"
# The fields a person changes after making an annotation; only these travel as
# edits (a target re-placed on one computer is that computer's own business).
EDITABLE = ("color", "style", "label", "modified")


@dataclass(frozen=True)
class Record:
    """One annotation as the document holds it."""

    annotation: Annotation
    book: str
    deleted: bool


@dataclass(frozen=True)
class Position:
    section: int
    offset: int
    snippet: str
    at: float


def new_doc(payload: bytes | None = None) -> loro.LoroDoc:
    doc = loro.LoroDoc()  # type: ignore[no-untyped-call]  # its stub has no annotation
    if payload:
        doc.import_(payload)
    return doc


def import_payloads(doc: loro.LoroDoc, payloads: Sequence[bytes]) -> None:
    """Merge another computer's frames; ValueError if the library refuses them."""
    try:
        # One at a time: import_batch decodes a lazily loaded snapshot whole (15x slower).
        for payload in payloads:
            doc.import_(payload)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # pyo3 reports decode failures as bare BaseException
        raise ValueError(str(exc)) from exc


def export(doc: loro.LoroDoc) -> bytes:
    doc.commit()
    return bytes(doc.export(loro.ExportMode.Snapshot()))


def ids(doc: loro.LoroDoc) -> list[str]:
    return [str(k) for k in doc.get_map(INDEX).keys()]


def read(doc: loro.LoroDoc, annotation_id: str) -> Record | None:
    """The annotation as the document has it; None if it is incomplete or malformed
    (a field another computer has not written yet, or a hostile file)."""
    fields = doc.get_map(f"a:{annotation_id}").get_value()
    if not isinstance(fields, dict):
        return None
    try:
        annotation = Annotation(
            kind=Kind(_str(fields, "kind")),
            target=TextTarget(
                _int(fields, "section"),
                _int(fields, "start"),
                _int(fields, "end"),
                _str(fields, "exact"),
                _str(fields, "prefix"),
                _str(fields, "suffix"),
            ),
            id=annotation_id,
            color=_str(fields, "color"),
            style=Style(_str(fields, "style")),
            note=doc.get_text(f"n:{annotation_id}").to_string(),
            label=_str(fields, "label"),
            created=_float(fields, "created"),
            modified=_float(fields, "modified"),
            orphaned=bool(fields.get("orphaned", False)),
            original_exact=_str(fields, "original_exact"),
        )
        return Record(annotation, _str(fields, "book"), bool(fields.get("deleted", False)))
    except (KeyError, TypeError, ValueError):
        return None


def _str(fields: dict[str, Any], key: str) -> str:
    value = fields[key]
    if not isinstance(value, str):
        raise TypeError(key)
    return value


def _int(fields: dict[str, Any], key: str) -> int:
    value = fields[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(key)
    return value


def _float(fields: dict[str, Any], key: str) -> float:
    value = fields[key]
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(key)
    return float(value)


def write_new(doc: loro.LoroDoc, book: str, a: Annotation) -> None:
    """Every field of an annotation this document has not seen (or has seen deleted)."""
    fields = doc.get_map(f"a:{a.id}")
    t = a.target
    values: dict[str, Any] = {
        "book": book,
        "kind": a.kind.value,
        "section": t.section,
        "start": t.start,
        "end": t.end,
        "exact": t.exact,
        "prefix": t.prefix,
        "suffix": t.suffix,
        "color": a.color,
        "style": a.style.value,
        "label": a.label,
        "created": a.created,
        "modified": a.modified,
        "orphaned": a.orphaned,
        "original_exact": a.original_exact,
        "deleted": False,
    }
    current = fields.get_value()
    current = current if isinstance(current, dict) else {}
    for key, value in values.items():
        if current.get(key) != value or type(current.get(key)) is not type(value):
            fields.insert(key, value)
    write_note(doc, a.id, a.note)
    doc.get_map(INDEX).insert(a.id, True)


def write_edits(doc: loro.LoroDoc, known: Annotation, now: Annotation) -> None:
    """What the user changed since `known` (the document's copy): only those fields."""
    fields = doc.get_map(f"a:{now.id}")
    for key in EDITABLE:
        value = getattr(now, key)
        value = value.value if isinstance(value, Style) else value
        before = getattr(known, key)
        if value != (before.value if isinstance(before, Style) else before):
            fields.insert(key, value)
    if now.note != known.note:
        write_note(doc, now.id, now.note)


def write_note(doc: loro.LoroDoc, annotation_id: str, note: str) -> None:
    text = doc.get_text(f"n:{annotation_id}")
    if text.to_string() != note:
        text.update(note)  # a diff: the other computers' concurrent edits stay


def mark_deleted(doc: loro.LoroDoc, annotation_id: str) -> None:
    doc.get_map(f"a:{annotation_id}").insert("deleted", True)


def restore(doc: loro.LoroDoc, annotation_id: str, at: float) -> None:
    """Undelete: only the flag changes, so every field keeps its merged value."""
    fields = doc.get_map(f"a:{annotation_id}")
    fields.insert("deleted", False)
    fields.insert("restored", at)


def standing(doc: loro.LoroDoc, annotation_id: str) -> tuple[bool, float] | None:
    """(deleted, when last restored) without reading the whole annotation; None if
    the document does not hold it (every annotation written has `deleted`)."""
    fields = doc.get_map(f"a:{annotation_id}")
    deleted, restored = _plain(fields.get("deleted")), _plain(fields.get("restored"))
    if deleted is None:
        return None
    if not isinstance(restored, int | float) or isinstance(restored, bool):
        restored = 0.0
    return deleted is True, float(restored)


def _plain(found: object) -> object:
    return getattr(found, "value", found)  # loro wraps a map's values


def positions(doc: loro.LoroDoc) -> dict[tuple[str, str], Position]:
    """(content id, device) → the position that computer last read at."""
    found: dict[tuple[str, str], Position] = {}
    value = doc.get_map(POSITIONS).get_value()
    for key, entry in value.items() if isinstance(value, dict) else ():
        content_id, _, device = str(key).partition("|")
        if not isinstance(entry, dict):
            continue
        try:
            found[(content_id, device)] = Position(
                _int(entry, "section"), _int(entry, "offset"), _str(entry, "snippet"),
                _float(entry, "at"),
            )  # fmt: skip
        except (KeyError, TypeError):
            continue
    return found


def write_position(doc: loro.LoroDoc, content_id: str, device: str, position: Position) -> None:
    doc.get_map(POSITIONS).insert(
        f"{content_id}|{device}",
        {
            "section": position.section,
            "offset": position.offset,
            "snippet": position.snippet,
            "at": position.at,
        },
    )


def library_of(doc: loro.LoroDoc, device: str) -> str:
    value = doc.get_map(LIBRARIES).get_value()
    found = value.get(device, "") if isinstance(value, dict) else ""
    return found if isinstance(found, str) else ""


def set_library(doc: loro.LoroDoc, device: str, identity: str) -> None:
    if library_of(doc, device) != identity:
        doc.get_map(LIBRARIES).insert(device, identity)
