"""Reading W3C Web Annotations: Readmark's own export and other tools' files.

`read_json_file` loads a file within limits; `parse_w3c` turns any JSON value
into annotations or raises `AnnotationImportError`. Both are pure (no library,
no book): which book a target means, and where a quote stands in it, is the
importer's business (`importer.import_annotations`).

Accepted: a single Annotation, an array of them, an AnnotationPage, or an
AnnotationCollection with embedded pages (`first`, then `next`). A target is
`{source, selector}`, the selector a TextQuoteSelector alone or with a
TextPositionSelector. The line between an error and a skip: a file that breaks
the model (no target, a selector that is not an object, a start that is not a
number, an unreadable date) is refused whole; a well-formed annotation Readmark
cannot keep (one on a web page or an image, with no quote, or for tagging) is
skipped with its reason and the rest imported.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeGuard, TypeVar

from readmark.core.annotations import COLOURS, Annotation, Kind, Style, TextTarget
from readmark.core.export import w3c
from readmark.core.html_text import html_to_text
from readmark.core.i18n import QT_TRANSLATE_NOOP

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64  # Readmark's own export nests 6 deep
UNPLACED = -1  # section/start/end of a quote-only import until it is found in the book

_NOTE_MOTIVATIONS = frozenset({"commenting", "describing", "questioning", "replying"})
_KNOWN_MOTIVATIONS = _NOTE_MOTIVATIONS | {"highlighting", "bookmarking"}


class AnnotationImportError(Exception):
    """An import file Readmark refuses as a whole; the message is for the person importing.

    `template` is marked with `QT_TRANSLATE_NOOP("ImportError", ...)` and filled
    from `params`, like `BookError` (see `readmark.i18n.translate_error`).
    """

    context = "ImportError"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


@dataclass(frozen=True)
class Skipped:
    """One annotation left out of an import, and why (translatable like the error)."""

    where: str  # its id, or "#n": its place in the file
    template: str
    params: dict[str, object]
    context = "ImportError"

    def __str__(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class ImportedAnnotation:
    annotation: Annotation
    source: str  # target.source as the file gives it: a book URN, file:// URL or path
    book_file: str  # the collection's readmark:book file URL, a second way to find the book
    has_position: bool  # False: section/start/end are UNPLACED, the quote must be searched


@dataclass(frozen=True)
class ParsedImport:
    annotations: list[ImportedAnnotation]
    skipped: list[Skipped]


def _not_a_file(name: str) -> AnnotationImportError:
    return AnnotationImportError(
        QT_TRANSLATE_NOOP(
            "ImportError",
            "{path} is not a file that can be imported: it is a folder, a pipe or a device.",
        ),
        path=name,
    )


def read_limited(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES, or AnnotationImportError saying
    plainly what is wrong: the one way every import (W3C JSON, other readers' files)
    reads its file."""
    name = str(path)
    try:
        # Never open a pipe, device or folder for reading: a pipe would block the
        # import until something wrote to it. Opened without blocking, and the
        # opened file checked again, in case the path changed in between.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _not_a_file(name)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise _not_a_file(name)
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP("ImportError", "{path} cannot be read: {reason}"),
            path=name,
            reason=exc.strerror or str(exc),
        ) from exc
    if len(raw) > MAX_BYTES:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "{path} is larger than {limit} MB; Readmark does not import files that large.",
            ),
            path=name,
            limit=MAX_BYTES // (1024 * 1024),
        )
    return raw


def read_json_file(path: Path) -> object:
    """The JSON value in `path`, or AnnotationImportError saying plainly what is wrong."""
    name = str(path)
    raw = read_limited(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP("ImportError", "{path} is not JSON: it is not UTF-8 text."),
            path=name,
        ) from exc
    return loads(text, name)


def loads(text: str, name: str = "") -> object:
    """Parse JSON text strictly: no NaN or Infinity, bounded nesting."""

    def refuse_constant(constant: str) -> object:
        raise ValueError(f"{constant} is not JSON")

    try:
        value = json.loads(text, parse_constant=refuse_constant)
    except RecursionError as exc:
        raise _too_deep(name) from exc
    except ValueError as exc:  # a JSONDecodeError, or a constant refused above
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP("ImportError", "{path} is not valid JSON: {reason}"),
            path=name,
            reason=f"{exc.msg} (line {exc.lineno}, column {exc.colno})"
            if isinstance(exc, json.JSONDecodeError)
            else str(exc),
        ) from exc
    _check_tree(value, name)
    return value


def _too_deep(name: str) -> AnnotationImportError:
    if not name:
        return AnnotationImportError(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "The file is nested more than {limit} levels deep; it is not an annotation file.",
            ),
            limit=MAX_DEPTH,
        )
    return AnnotationImportError(
        QT_TRANSLATE_NOOP(
            "ImportError",
            "{path} is nested more than {limit} levels deep; it is not an annotation file.",
        ),
        path=name,
        limit=MAX_DEPTH,
    )


def _check_tree(value: object, name: str) -> None:
    """Refuse what JSON allows but no annotation file has: deep nesting, broken text."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(name)
        if isinstance(node, dict):
            stack += [(key, depth) for key in node]
            stack += [(child, depth + 1) for child in node.values()]
        elif isinstance(node, list):
            stack += [(child, depth + 1) for child in node]
        elif isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError as exc:  # a lone surrogate escape such as "\\ud800"
                raise AnnotationImportError(
                    QT_TRANSLATE_NOOP(
                        "ImportError", "The file holds text that is not valid Unicode."
                    )
                ) from exc


def _shape_error(where: str, template: str, **params: object) -> AnnotationImportError:
    return AnnotationImportError(template, where=where, **params)


def parse_w3c(data: object, now: float | None = None) -> ParsedImport:
    """Annotations from a W3C JSON value, or AnnotationImportError; never anything else.

    `now` stands in for a missing `created` (default: the current time).
    """
    _check_tree(data, "")
    book_file = ""
    if isinstance(data, dict):
        described = data.get(w3c.BOOK)
        if isinstance(described, dict) and isinstance(described.get("file"), str):
            book_file = described["file"]
    now = time.time() if now is None else now
    found: list[ImportedAnnotation] = []
    skipped: list[Skipped] = []
    for number, item in enumerate(_items(data), start=1):
        result = _annotation(item, number, book_file, now)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            found.append(result)
    # The same id twice in one file: the later one wins, as a second import would.
    last = {imported.annotation.id: i for i, imported in enumerate(found)}
    kept = []
    for i, imported in enumerate(found):
        if last[imported.annotation.id] == i:
            kept.append(imported)
        else:
            skipped.append(
                Skipped(
                    imported.annotation.id,
                    QT_TRANSLATE_NOOP("ImportError", "the file holds this annotation again later"),
                    {},
                )
            )
    return ParsedImport(kept, skipped)


def _items(data: object) -> Iterator[object]:
    not_annotations = AnnotationImportError(
        QT_TRANSLATE_NOOP(
            "ImportError",
            "The file does not hold W3C annotations: expected an Annotation, an array of "
            "them, an AnnotationPage or an AnnotationCollection.",
        )
    )
    if isinstance(data, list):
        yield from data
        return
    if not isinstance(data, dict):
        raise not_annotations
    types = _types(data.get("type"))
    if "Annotation" in types:
        yield data
    elif "AnnotationPage" in types:
        yield from _page_items(data)
    elif "AnnotationCollection" in types:
        page = data.get("first")
        if page is None and isinstance(data.get("items"), list):
            yield from data["items"]
            return
        if page is None:
            if data.get("total") in (0, None):
                return  # an empty collection
            raise not_annotations
        while page is not None:
            if not isinstance(page, dict):
                raise AnnotationImportError(
                    QT_TRANSLATE_NOOP(
                        "ImportError",
                        "The collection's pages are not in the file (only a link to them is); "
                        "save the pages themselves and import those.",
                    )
                )
            yield from _page_items(page)
            page = page.get("next")
    else:
        raise not_annotations


def _page_items(page: dict[str, object]) -> list[object]:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP("ImportError", "An AnnotationPage's items are not an array.")
        )
    return items


def _types(value: object) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {v.removeprefix("oa:") for v in values if isinstance(v, str)}


def _annotation(
    item: object, number: int, book_file: str, now: float
) -> ImportedAnnotation | Skipped:
    where = f"#{number}"
    if not isinstance(item, dict):
        raise _shape_error(
            where, QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: it is not a JSON object")
        )
    raw_id = item.get("id", item.get("@id"))
    if raw_id is not None:
        if not isinstance(raw_id, str):
            raise _shape_error(
                where,
                QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: its id is not a string"),
            )
        where = raw_id
    if "Annotation" not in _types(item.get("type")):
        raise _shape_error(
            where,
            QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: its type is not Annotation"),
        )

    def skip(template: str, **params: object) -> Skipped:
        return Skipped(where, template, params)

    motivations = _motivations(item, where)
    if motivations and not motivations & _KNOWN_MOTIVATIONS:
        return skip(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "its motivation ({motivation}) is not highlighting, commenting or bookmarking",
            ),
            motivation=", ".join(sorted(motivations)),
        )
    target = _target(item, where)
    if target is None:
        return skip(
            QT_TRANSLATE_NOOP(
                "ImportError", "it does not point at text by a quote (TextQuoteSelector)"
            )
        )
    source, quote, position, section = target
    exact, prefix, suffix = quote
    if position is None or section is None:
        if not exact.strip():
            return skip(QT_TRANSLATE_NOOP("ImportError", "its quote is empty"))
        text_target = TextTarget(UNPLACED, UNPLACED, UNPLACED, exact, prefix, suffix)
    else:
        text_target = TextTarget(section, position[0], position[1], exact, prefix, suffix)
    note = _note(item, where)
    kind = _kind(item, motivations, exact, note, where)
    created = _time(item, "created", where)
    modified = _time(item, "modified", where)
    created = created if created is not None else (modified if modified is not None else now)
    color = _extra(item, w3c.COLOR, str, where, "yellow")
    style = _extra(item, w3c.STYLE, str, where, Style.HIGHLIGHT.value)
    annotation = Annotation(
        kind=kind,
        target=text_target,
        id=_local_id(raw_id, item),
        color=color if color in COLOURS else "yellow",
        style=Style(style) if style in Style._value2member_map_ else Style.HIGHLIGHT,
        note=note,
        label=_extra(item, w3c.LABEL, str, where, ""),
        created=created,
        modified=modified if modified is not None else created,
        orphaned=_extra(item, w3c.ORPHANED, bool, where, False),
        original_exact=_extra(item, w3c.ORIGINAL_EXACT, str, where, ""),
    )
    return ImportedAnnotation(
        annotation, source, book_file, position is not None and section is not None
    )


def _motivations(item: dict[str, object], where: str) -> set[str]:
    value = item.get("motivation")
    if value is None:
        return set()
    values = value if isinstance(value, list) else [value]
    strings = [v for v in values if isinstance(v, str)]
    if len(strings) != len(values):
        raise _shape_error(
            where,
            QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: its motivation is not a string"),
        )
    return {v.removeprefix("oa:") for v in strings}


Quote = tuple[str, str, str]


def _target(
    item: dict[str, object], where: str
) -> tuple[str, Quote, tuple[int, int] | None, int | None] | None:
    """(source, quote, position, section) of the first target with a quote, None if none has."""
    if "target" not in item or item["target"] is None:
        raise _shape_error(
            where, QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: it has no target")
        )
    targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
    if not targets:
        raise _shape_error(
            where, QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: it has no target")
        )
    for target in targets:
        if isinstance(target, str):
            continue  # a whole resource: nothing to place in a book
        if not isinstance(target, dict):
            raise _shape_error(
                where,
                QT_TRANSLATE_NOOP(
                    "ImportError", "Annotation {where}: its target is neither an object nor a link"
                ),
            )
        source = target.get("source")
        if not isinstance(source, str) or not source.strip():
            raise _shape_error(
                where,
                QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: its target has no source"),
            )
        selectors = target.get("selector", [])
        selectors = selectors if isinstance(selectors, list) else [selectors]
        quote: Quote | None = None
        position: tuple[int, int] | None = None
        for selector in selectors:
            if isinstance(selector, str):
                continue  # a link to a selector elsewhere
            if not isinstance(selector, dict):
                raise _shape_error(
                    where,
                    QT_TRANSLATE_NOOP(
                        "ImportError", "Annotation {where}: a selector is not an object"
                    ),
                )
            kind = _types(selector.get("type"))
            if "TextQuoteSelector" in kind and quote is None:
                quote = (
                    _string(selector, "exact", where, required=True),
                    _string(selector, "prefix", where),
                    _string(selector, "suffix", where),
                )
            elif "TextPositionSelector" in kind and position is None:
                start = _offset(selector, "start", where)
                end = _offset(selector, "end", where)
                if end < start:
                    raise _shape_error(
                        where,
                        QT_TRANSLATE_NOOP(
                            "ImportError",
                            "Annotation {where}: its TextPositionSelector ends before it starts",
                        ),
                    )
                position = (start, end)
        if quote is None:
            continue
        section = target.get(w3c.SECTION)
        if section is not None and (not _is_int(section) or section < 0):
            raise _shape_error(
                where,
                QT_TRANSLATE_NOOP(
                    "ImportError", "Annotation {where}: {name} is not a section number"
                ),
                name=w3c.SECTION,
            )
        return source.strip(), quote, position, section
    return None


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _string(obj: dict[str, object], key: str, where: str, required: bool = False) -> str:
    value = obj.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _shape_error(
            where,
            QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: its {name} is not text"),
            name=key,
        )
    return value


def _offset(obj: dict[str, object], key: str, where: str) -> int:
    value = obj.get(key)
    if not _is_int(value) or value < 0 or value > 2**53:
        raise _shape_error(
            where,
            QT_TRANSLATE_NOOP(
                "ImportError", "Annotation {where}: its {name} is not a character offset"
            ),
            name=key,
        )
    return value


def _note(item: dict[str, object], where: str) -> str:
    """The text of its TextualBody bodies (and bodyValue), tags left out."""
    texts = []
    if "bodyValue" in item:
        if not isinstance(item["bodyValue"], str):
            raise _shape_error(
                where,
                QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: its bodyValue is not text"),
            )
        texts.append(item["bodyValue"])
    body = item.get("body")
    bodies = body if isinstance(body, list) else [] if body is None else [body]
    for part in bodies:
        if isinstance(part, str):
            continue  # a linked resource: nothing to show as a note
        if not isinstance(part, dict):
            raise _shape_error(
                where,
                QT_TRANSLATE_NOOP(
                    "ImportError", "Annotation {where}: a body is neither an object nor a link"
                ),
            )
        if "TextualBody" not in _types(part.get("type")) and "value" not in part:
            continue
        if part.get("purpose") == "tagging":
            continue
        value = part.get("value")
        if not isinstance(value, str):
            raise _shape_error(
                where,
                QT_TRANSLATE_NOOP(
                    "ImportError", "Annotation {where}: a TextualBody has no text value"
                ),
            )
        if part.get("format") == "text/html":
            value = html_to_text(value).strip()
        texts.append(value)
    return "\n\n".join(t for t in texts if t.strip())


def _kind(
    item: dict[str, object], motivations: set[str], exact: str, note: str, where: str
) -> Kind:
    stated = _extra(item, w3c.KIND, str, where, "")
    if stated in Kind._value2member_map_:
        return Kind(stated)
    if "bookmarking" in motivations:
        return Kind.BOOKMARK
    if "highlighting" in motivations:
        return Kind.HIGHLIGHT
    if motivations & _NOTE_MOTIVATIONS or note:
        # A comment on a passage marks the passage; one on no text stands alone.
        return Kind.HIGHLIGHT if exact.strip() else Kind.NOTE
    return Kind.HIGHLIGHT


def _time(item: dict[str, object], key: str, where: str) -> float | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _shape_error(
            where,
            QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: its {name} time is not text"),
            name=key,
        )
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return round(moment.timestamp() * 1000) / 1000
    except (ValueError, OverflowError, OSError) as exc:
        raise _shape_error(
            where,
            QT_TRANSLATE_NOOP(
                "ImportError",
                "Annotation {where}: its {name} time ({value}) is not an ISO 8601 date",
            ),
            name=key,
            value=value,
        ) from exc


_T = TypeVar("_T")


def _extra(item: dict[str, object], key: str, kind: type[_T], where: str, default: _T) -> _T:
    value = item.get(key, default)
    if not isinstance(value, kind):
        raise _shape_error(
            where,
            QT_TRANSLATE_NOOP("ImportError", "Annotation {where}: {name} has the wrong type"),
            name=key,
        )
    return value


def _local_id(raw_id: str | None, item: dict[str, object]) -> str:
    """Readmark's id for an annotation: stable, so importing again updates it.

    `urn:uuid:` ids keep their uuid; other ids (a web address) map to a uuid
    derived from them; an annotation without id gets one derived from its content.
    """
    if raw_id is not None:
        if raw_id.lower().startswith("urn:uuid:"):
            try:
                return uuid.UUID(raw_id[9:]).hex
            except ValueError:
                pass
        local = raw_id.removeprefix("urn:readmark:annotation:")
        if local != raw_id and local and len(local) <= 64 and local.isascii() and local.isalnum():
            return local
        return uuid.uuid5(uuid.NAMESPACE_URL, raw_id).hex
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=True)
    digest = hashlib.blake2b(canonical.encode(), digest_size=16).digest()
    return uuid.UUID(bytes=digest, version=5).hex
