"""Which books a library search looks in: those of a collection, those in a
language, or both — the same narrowing for the window's library search panel and
for `readmark search --collection/--language`.

A language takes the books tagged with it or with a narrower tag: "zh" takes
books tagged zh, zh-Hans, zh-CN and zh_TW alike, "zh-Hant" only zh-Hant and
zh-Hant-TW; the window offers the primary tags its books have."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readmark.core.store.library import Library


@dataclass(frozen=True)
class Scope:
    """A collection's name ("" = every book) and a primary language tag ("" = any)."""

    collection: str = ""
    language: str = ""

    @property
    def everything(self) -> bool:
        return not self.collection and not self.language


def _tag(tag: str) -> str:
    return tag.strip().replace("_", "-").casefold()


def primary_language(tag: str) -> str:
    """ "zh" for "zh-Hans", "zh_CN" or "ZH"; "" for no tag."""
    return _tag(tag).split("-", 1)[0].strip()


def books_in(library: Library, scope: Scope) -> list[str] | None:
    """The paths of the library's books in `scope`'s collection (by name, any case)
    and language; None when there is no such collection (it was deleted or never
    made), so a caller can say so instead of finding nothing."""
    collection = scope.collection.casefold()
    if collection and collection not in {
        name.casefold() for name, _count in library.catalog.collections()
    }:
        return None
    wanted = _tag(scope.language)
    paths = []
    for entry in library.catalog.entries():
        if collection and collection not in {c.casefold() for c in entry.collections}:
            continue
        tag = _tag(entry.language)
        if wanted and not (tag == wanted or tag.startswith(wanted + "-")):
            continue
        paths.append(entry.path)
    return paths


@dataclass(frozen=True)
class Choices:
    """What a search can be narrowed to in this library: its collections (in the
    library's order) and the primary language tags of its books (sorted)."""

    collections: tuple[str, ...]
    languages: tuple[str, ...]


def choices(library: Library) -> Choices:
    languages = {primary_language(e.language) for e in library.catalog.entries()}
    return Choices(
        tuple(name for name, _count in library.catalog.collections()),
        tuple(sorted(language for language in languages if language)),
    )
