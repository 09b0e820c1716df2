"""Where each spine file ended up, and the book-wide names of its anchors.

Ids are unique only within one XHTML file, but the Book's anchors must be unique
across the book (`Book.section_of_anchor`). An id `X` of the file shown as section
`N` becomes `iN-X`; the top of that file is `iN`. An element that a
`epub:type="noteref"` link points at becomes `fn-iN-X`: the reader shows a popup
for links to anchors named `fn-…`, as for Markdown footnotes. Headings without an
id get `rm-hK` (K counting h1–h6 in the file) so the headings TOC can point at them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADING_ID = "rm-h{}"


@dataclass(frozen=True)
class BookMap:
    members: tuple[str, ...]  # section index -> member name
    note_targets: frozenset[tuple[int, str]] = frozenset()  # (section, id)
    _sections: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for index, member in enumerate(self.members):
            self._sections.setdefault(member, index)
            self._sections.setdefault(member.casefold(), index)

    def section_of(self, member: str) -> int | None:
        found = self._sections.get(member)
        return found if found is not None else self._sections.get(member.casefold())

    @staticmethod
    def top(section: int) -> str:
        return f"i{section}"

    def anchor(self, section: int, element_id: str) -> str:
        name = f"i{section}-{element_id}"
        return "fn-" + name if (section, element_id) in self.note_targets else name
