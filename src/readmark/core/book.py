"""The Book model every format loader produces and every view consumes.

A book is split into *sections* (chapters, or parts of an over-long chapter) so
that a view converts and lays out only what it shows. The table of contents for
the whole book is built up front from a cheap scan; a section's HTML is produced
lazily by the loader's `SectionRenderer` and cached by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from readmark.core.book_resources import BookResources, Refused


class BookError(Exception):
    """A book could not be opened; the message is meant for the person reading.

    `template` is an English sentence with `{name}` placeholders, marked with
    `QT_TRANSLATE_NOOP("BookError", ...)`; `params` fill it. Whoever shows the
    error translates the template in context "BookError" before formatting.
    """

    context = "BookError"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(self.format())

    def format(self, template: str | None = None) -> str:
        return (template or self.template).format(**self.params)


@dataclass(frozen=True)
class Metadata:
    title: str
    authors: tuple[str, ...] = ()
    language: str = ""  # BCP 47: "zh-Hans", "zh-Hant", "ja", "ko", "en", ...
    publisher: str = ""
    date: str = ""
    isbn: str = ""
    description: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "authors": list(self.authors),
            "language": self.language,
            "publisher": self.publisher,
            "date": self.date,
            "isbn": self.isbn,
            "description": self.description,
        }


@dataclass
class TocEntry:
    title: str
    level: int  # 1 = top level, as the book's headings give it
    section: int  # index into Book.sections
    anchor: str  # element id inside the section's HTML; "" = top of section
    children: list[TocEntry] = field(default_factory=list)

    def walk(self) -> Iterator[TocEntry]:
        yield self
        for child in self.children:
            yield from child.walk()

    def as_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "level": self.level,
            "section": self.section,
            "anchor": self.anchor,
            "children": [c.as_dict() for c in self.children],
        }


@dataclass(frozen=True)
class Section:
    index: int
    title: str  # the chapter heading this section belongs to ("" for front matter)
    anchors: frozenset[str] = frozenset()  # ids defined in this section
    size: int = 0  # the length of the book's text it holds, which reading progress weighs

    def __init__(
        self, index: int, title: str, anchors: frozenset[str] = frozenset(), size: int = 0
    ) -> None:
        # The fields written straight into the instance, as the frozen class's own
        # __init__ does one `object.__setattr__` call at a time: half the time, and a
        # 10 MB book has thousands of sections (4,291: ~1 ms before its first screen).
        # Frozen all the same: setting a field afterwards raises FrozenInstanceError.
        fields = self.__dict__
        fields["index"] = index
        fields["title"] = title
        fields["anchors"] = anchors
        fields["size"] = size


class SectionRenderer(Protocol):
    """Turns one section into display HTML; implemented once per format.

    Must be safe to call from a worker thread (one renderer per thread is fine:
    `clone()` gives an independent one).
    """

    def render(self, index: int) -> str: ...

    def clone(self) -> SectionRenderer: ...


@dataclass(frozen=True)
class LoadOptions:
    repair: bool = True  # undo print-conversion damage on display
    encoding: str = ""  # plain text: the user's choice of encoding; "" = detect
    detect_chapters: bool = True  # plain text: find chapter headings


@dataclass
class Book:
    path: Path
    content_id: str  # hash of the file's bytes: identity of the content
    format: str  # "markdown", ...
    encoding: str
    metadata: Metadata
    toc: list[TocEntry]
    sections: list[Section]
    renderer: SectionRenderer
    options: LoadOptions = LoadOptions()
    repairs: tuple[str, ...] = ()  # names of the repair rules available for this book
    resources: BookResources | None = None  # images the book refers to; None = its folder
    cover: str = ""  # the cover image's URL for `resource`, if the book names one
    # Its text holds sentences Readmark wrote (`core.i18n.localize`), in the reader's language.
    localized_text: bool = False
    # Plain text: chapter headings found, by the name of the rule that found them.
    chapter_rules: dict[str, int] = field(default_factory=dict)

    def resource(self, section: int, url: str) -> bytes | Refused:
        """An image (or other file) the book refers to from `section`, never from
        outside the book or the network."""
        from readmark.core.book_resources import FolderResources

        source = self.resources or FolderResources(self.path.parent)
        return source.load(section, url)

    # The section rendered last: `section_text` right after `section_html` of the same
    # section (search, indexing, export, `readmark text`) would convert it twice. One
    # tuple, replaced whole, so a thread never sees half of it.
    _last: tuple[int, str] | None = field(default=None, init=False, repr=False, compare=False)
    _entries_by_section: dict[int, list[TocEntry]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def section_html(self, index: int) -> str:
        if not 0 <= index < len(self.sections):
            raise IndexError(index)
        last = self._last
        if last is not None and last[0] == index:
            return last[1]
        html = self.renderer.render(index)
        self._last = (index, html)
        return html

    def section_text(self, index: int) -> str:
        """The section's text as a reader sees it (`readmark text --section`).

        Annotation positions (TextPositionSelector offsets) count characters of
        exactly this text.
        """
        from readmark.core.html_text import html_to_text

        last = self._last
        if last is not None and last[0] == index:
            return html_to_text(last[1])
        # A renderer that makes the text without all of the HTML, where provably the
        # same (Markdown: formats/markdown/text_path.py), is asked for the text alone.
        text_of = getattr(self.renderer, "text", None)
        if callable(text_of):
            if not 0 <= index < len(self.sections):
                raise IndexError(index)
            return str(text_of(index))
        return html_to_text(self.section_html(index))

    def section_of_anchor(self, anchor: str) -> int | None:
        for section in self.sections:
            if anchor in section.anchors:
                return section.index
        return None

    def toc_entries(self) -> Iterator[TocEntry]:
        """Every contents entry, nested ones after their parent, in reading order."""
        stack = self.toc[::-1]  # a stack, not nested generators: 7,777 entries in a big book
        while stack:
            entry = stack.pop()
            yield entry
            if entry.children:
                stack.extend(reversed(entry.children))

    def toc_entries_in(self, section: int) -> list[TocEntry]:
        """The contents entries that point into `section`, in reading order (the
        reader asks at every chapter it shows; the book's contents are fixed)."""
        by_section = self._entries_by_section
        if by_section is None:
            by_section = {}
            for entry in self.toc_entries():
                by_section.setdefault(entry.section, []).append(entry)
            self._entries_by_section = by_section
        return by_section.get(section, [])

    @property
    def cache_key(self) -> str:
        """Identifies the rendered output: content, rendering code and options.

        Cached chapters and stored annotation positions are valid exactly as
        long as this key is unchanged.
        """
        from readmark.core.i18n import text_language
        from readmark.core.render_cache import renderer_version

        o = self.options
        choices = f"r{int(o.repair)}-e{o.encoding or 'auto'}-c{int(o.detect_chapters)}"
        if self.localized_text:
            choices += f"-l{text_language()}"
        return f"{self.content_id}-{self.format}-{choices}-{renderer_version()}"
