"""`readmark://` links: a place in a book, or an annotation, as a URL a notes app keeps.

    readmark://open?book=<content id>&section=3&start=120&quote=…&prefix=…&suffix=…
    readmark://annotation/<annotation id>

A place names the book by its content id (`Book.content_id`, the hash of the
file's bytes: the same on every computer that has the same file) and the
passage as a W3C TextQuoteSelector — `quote` (the selector's `exact`) with
`prefix` and `suffix` context — plus a position hint (`section`, `start`:
characters into the section's text, as `readmark text --section N` prints it).
An empty quote names a position (found again by its context), as a bookmark
does. Opening a link anchors it with `core.anchoring` against the book as it
is now, so a link made before the book was re-rendered or re-converted still
finds its passage. An annotation link names one of the library's annotations;
exports carry one per annotation (`annotation_link`).

Every value is percent-encoded as UTF-8 with nothing left unescaped but
RFC 3986's unreserved characters, so any text (newlines, `&`, `#`, `+`, CJK)
survives a round trip; parsing never treats `+` as a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from readmark.core.annotations import CONTEXT_CHARS, Annotation, TextTarget
from readmark.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from readmark.core.store.library import Library

SCHEME = "readmark"
MAX_QUOTE = 300  # characters of a selection a link carries: enough to find it
MAX_LINK = 64 * 1024  # a longer "link" is not one of ours
_ID = re.compile(r"^[0-9A-Za-z_.:-]{1,200}$")


class LinkError(ValueError):
    """Not a readmark:// link Readmark can follow; `template` is the message to
    translate (context "Links") and `detail` fills its {detail}."""

    def __init__(self, template: str, detail: str = "") -> None:
        super().__init__(template.format(detail=detail))
        self.template = template
        self.detail = detail


NOT_A_LINK = QT_TRANSLATE_NOOP("Links", "This is not a Readmark link: {detail}")
BAD_LINK = QT_TRANSLATE_NOOP("Links", "This Readmark link is damaged: {detail}")


@dataclass(frozen=True)
class PlaceLink:
    """A place in a book: its content id and a target (quote, context, position hint)."""

    book: str
    target: TextTarget


@dataclass(frozen=True)
class AnnotationLink:
    annotation_id: str


ReadmarkLink = PlaceLink | AnnotationLink


def _enc(text: str) -> str:
    return quote(text, safe="", encoding="utf-8", errors="strict")


def place_link(book_id: str, target: TextTarget) -> str:
    """The link to `target` in the book with content id `book_id`.

    A quote longer than MAX_QUOTE is cut (the link then names where it starts,
    with the text that follows the cut as its suffix context)."""
    exact, suffix = target.exact, target.suffix
    if len(exact) > MAX_QUOTE:
        suffix = (exact[MAX_QUOTE:] + suffix)[:CONTEXT_CHARS]
        exact = exact[:MAX_QUOTE]
    parts = [("book", book_id)]
    if target.section >= 0:
        parts += [("section", str(target.section)), ("start", str(max(0, target.start)))]
    parts += [("quote", exact), ("prefix", target.prefix), ("suffix", suffix)]
    query = "&".join(f"{key}={_enc(value)}" for key, value in parts if value or key == "quote")
    return f"{SCHEME}://open?{query}"


def annotation_link(book_id: str, annotation: Annotation) -> str:
    """The link to one of the library's annotations, for exports.

    `book_id` (the book's content id) is not part of the link today, which stays
    short in a note; it is taken so that exporters need not change if a link
    ever carries the place as well."""
    del book_id
    return link_to_annotation(annotation)


def link_to_annotation(annotation: Annotation) -> str:
    """`readmark://annotation/<id>`: opens the annotation's book at it, wherever the
    book is on this computer (the notes exports' default link)."""
    return f"{SCHEME}://annotation/{_enc(annotation.id)}"


def is_link(text: str) -> bool:
    """Whether `text` claims to be a readmark:// link (its scheme, in any case)."""
    return text[: len(SCHEME) + 1].lower() == SCHEME + ":"


def parse(text: str) -> ReadmarkLink:
    """The link `text` names; LinkError when it is not a well-formed readmark:// link."""
    if not is_link(text):
        raise LinkError(NOT_A_LINK, text[:80])
    if len(text) > MAX_LINK:
        raise LinkError(BAD_LINK, f"{len(text)} characters")
    rest = text[len(SCHEME) + 1 :]
    if not rest.startswith("//"):
        raise LinkError(BAD_LINK, text[:80])
    rest = rest[2:]
    rest, _, _fragment = rest.partition("#")  # a fragment is not ours; ignored
    where, _, query = rest.partition("?")
    host, _, path = where.partition("/")
    host = host.lower()
    if host == "annotation":
        identifier = _dec(path.rstrip("/"))
        if not _ID.match(identifier):
            raise LinkError(BAD_LINK, "annotation id")
        return AnnotationLink(identifier)
    if host != "open" or path.strip("/"):
        raise LinkError(BAD_LINK, where[:80])
    fields: dict[str, str] = {}
    for pair in query.split("&"):
        if not pair:
            continue
        key, _, value = pair.partition("=")
        fields.setdefault(_dec(key), _dec(value))  # the first of a repeated key counts
    book = fields.get("book", "")
    if not _ID.match(book):
        raise LinkError(BAD_LINK, "book")
    section = _number(fields.get("section"), "section")
    start = _number(fields.get("start"), "start") if section >= 0 else -1
    exact = fields.get("quote", "")
    if len(exact) > MAX_QUOTE * 4:
        raise LinkError(BAD_LINK, "quote")
    target = TextTarget(
        section=section,
        start=start,
        end=start + len(exact) if start >= 0 else -1,
        exact=exact,
        prefix=fields.get("prefix", "")[: CONTEXT_CHARS * 4],
        suffix=fields.get("suffix", "")[: CONTEXT_CHARS * 4],
    )
    return PlaceLink(book, target)


def _dec(text: str) -> str:
    try:
        return unquote(text, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise LinkError(BAD_LINK, "not UTF-8") from error


def _number(text: str | None, name: str) -> int:
    """A non-negative position hint; -1 when absent (no hint: the quote is searched for)."""
    if text is None or text == "":
        return -1
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        raise LinkError(BAD_LINK, name)
    return int(text)


def locate(library: Library, link: ReadmarkLink) -> tuple[Path, TextTarget] | None:
    """The book file a link points to and the target in it; None when the library
    has no such book or annotation. Raises StoreError when the library fails.

    A place link finds the book whose file has the link's content id (the one
    opened last, if there are copies): a book edited since the link was made
    has another content id and is not found by it."""
    if isinstance(link, AnnotationLink):
        annotation = library.annotations.get(link.annotation_id)
        if annotation is None:
            return None
        path = library.annotations.book_of(link.annotation_id)
        return (path, annotation.target) if path is not None else None
    path = library.annotations.book_with_content(link.book)
    return (path, link.target) if path is not None else None
