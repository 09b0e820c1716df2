"""A printed contents list links each entry to its page: `(一)党的群众工作的优良传统 /1`.

A book converted from print keeps its contents list as text, each entry ending with
the page it starts on (`/1`, `…… 12`, `.... 12`). Where a section holds three such
entries or more, their page numbers rising, each entry becomes a link to
`#rm-page-<page>`: the invisible mark the repair left where that printed page starts
(`core/repair/page_marks`), which the reader finds in its page index. Only the
markup changes: the entry's text, and so every offset, stays as it was.
"""

from __future__ import annotations

import html

from readmark.core.lazy_re import lazy
from readmark.core.repair.page_marks import ANCHOR_PREFIX

MIN_ENTRIES = 3  # fewer page references than this are not a contents list
# An entry: a title, then a slash, leader dots or a run of spaces, then the page.
_ENTRY = lazy(r"^(?P<title>\S.{0,100}?)\s*(?:/|[.·…．]{2,}|\s{2,})\s*(?P<page>\d{1,4})$")
# A list item or paragraph holding only text (no markup inside).
_ENDS_IN_NUMBER = lazy(r"\d\s*</(?:li|p)>")
_ITEM = lazy(r"<(li|p)((?: [^<>]*)?)>([^<>]{2,160})</\1>")


def link_contents(markup: str) -> str:
    """`markup` (one section's HTML) with a printed contents list's entries linked."""
    if not _ENDS_IN_NUMBER.search(markup):  # most sections: no entry ends with a page
        return markup
    entries = []
    for match in _ITEM.finditer(markup):
        entry = _ENTRY.match(html.unescape(match[3]).strip())
        if entry:
            entries.append((match, int(entry["page"])))
    pages = [page for _match, page in entries]
    if len(entries) < MIN_ENTRIES or pages != sorted(pages):
        return markup
    out: list[str] = []
    done = 0
    for match, page in entries:
        tag, attributes, text = match[1], match[2], match[3]
        out.append(markup[done : match.start()])
        out.append(f'<{tag}{attributes}><a href="#{ANCHOR_PREFIX}{page}">{text}</a></{tag}>')
        done = match.end()
    out.append(markup[done:])
    return "".join(out)
