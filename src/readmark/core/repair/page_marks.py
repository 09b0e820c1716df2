"""Printed pages, kept: the page numbers the repair drops become invisible marks.

When the repair takes a page-number line out of a book converted from print (`41`,
`- 41 -`, `第 41 页`, a running header that carries the number: `NERVOUS EXHAUSTION. 9`),
it leaves a *page mark* where that page's text starts: a private-use token,
`\\ue004` + label + `\\ue005`, inside the repaired text. The renderers turn each token
into an empty named anchor (`<a name="rm-page-41"></a>`), which neither `html_to_text`
nor the reader shows, so the text and every annotation offset stay exactly as they
were. `printed_pages` reads the anchors back out of the rendered sections as
(section, offset in the section's text, label): the status bar's "p. 41", *Go to
Printed Page…* and the page in a quotation come from that list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readmark.core.lazy_re import lazy
from readmark.core.repair.furniture import HEADER_MAX, PAGE_NUMBER, header_key, is_page_number

if TYPE_CHECKING:
    from readmark.core.book import Book

MARK_START, MARK_END = "\ue004", "\ue005"
MARK = lazy(f"{MARK_START}([0-9a-z]{{1,12}}){MARK_END}")
ANCHOR_PREFIX = "rm-page-"
_ANCHOR = lazy(r'<a name="rm-page-([0-9a-z]{1,12})"></a>')
_ROMAN = lazy(r"^[ivxlcdm]+$")
_NUMBER = lazy(r"\d{1,4}")
_EDGE = lazy(r"^(\d{1,4})\s|\s(\d{1,4})\W?$")


def page_label(line: str) -> str:
    """The printed page number a page-number line holds (`- 41 -` → `41`, `iii`), or a
    running header carries at an edge (`NERVOUS EXHAUSTION. 9` → `9`); "" when none."""
    stripped = line.strip()
    if is_page_number(stripped) and PAGE_NUMBER.match(stripped):
        number = _NUMBER.search(stripped)
        if number:
            return str(int(number.group()))
        letters = re.sub(r"[^a-z]", "", stripped.lower())
        return letters if _ROMAN.match(letters) else ""
    edge = _EDGE.search(stripped)
    if edge:
        return str(int(edge.group(1) or edge.group(2)))
    return ""


def token(label: str) -> str:
    """The invisible mark of the page `label` starts at this place of the text."""
    return f"{MARK_START}{label}{MARK_END}" if label else ""


def strip_marks(text: str) -> str:
    return MARK.sub("", text) if MARK_START in text else text


def marks_to_anchors(markup: str) -> str:
    """Rendered HTML with each page mark an empty named anchor (invisible, no text)."""
    if MARK_START not in markup:
        return markup
    return MARK.sub(lambda m: f'<a name="{ANCHOR_PREFIX}{m[1]}"></a>', markup)


def insert_token(line: str, before_visible: int, label: str) -> str:
    """`line` with the mark of page `label` before its `before_visible`-th non-space
    character (after its indentation when that is 0)."""
    seen = 0
    for index, ch in enumerate(line):
        if not ch.isspace():
            if seen == before_visible:
                return line[:index] + token(label) + line[index:]
            seen += 1
    return line + token(label)


def visible_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


@dataclass(frozen=True, order=True)
class PrintedPage:
    """Where printed page `label` starts: `offset` counts characters of the section's
    text as the reader shows it (`Book.section_text`, the annotations' offsets)."""

    section: int
    offset: int
    label: str


def pages_in_html(section: int, markup: str) -> list[PrintedPage]:
    """The printed pages that start in one rendered section, in order."""
    if ANCHOR_PREFIX not in markup:
        return []
    from readmark.core.html_text import text_and_anchors

    _text, anchors = text_and_anchors(markup, ANCHOR_PREFIX)
    return [PrintedPage(section, offset, name[len(ANCHOR_PREFIX) :]) for name, offset in anchors]


def printed_pages(
    book: Book,
    html_of: Callable[[int], str] | None = None,
    check: Callable[[], None] | None = None,
) -> list[PrintedPage]:
    """Every printed page of `book` that its repair found, in reading order.

    `html_of(index)` gives a section's HTML (the window passes its cache-backed
    provider; by default the book renders it); `check` is called between sections,
    where a background task may stop. Nothing when the repair is off.
    """
    if not book.options.repair or book.format not in ("text", "markdown"):
        return []
    layout = getattr(book.renderer, "layout", None)
    if book.format == "text" and not getattr(layout, "paged", False):
        return []  # a plain-text book not converted from print has no page numbers
    render = html_of or book.section_html
    pages: list[PrintedPage] = []
    for index in range(len(book.sections)):
        if check is not None:
            check()
        if _may_hold_pages(book, index):
            pages.extend(pages_in_html(index, render(index)))
    return plausible(pages)


def _may_hold_pages(book: Book, index: int) -> bool:
    """Whether section `index` can hold a page mark. A Markdown section gets one only
    where its source has a page-number line or a running header with a number (the
    repair turns them into the mark), so
    a section without one is not converted just to look: most Markdown books have
    none, and converting a 10 MB book in the background slows the reader's own
    conversions (they share the interpreter) for seconds after it opens."""
    source = getattr(book.renderer, "source", None)
    if book.format != "markdown" or not callable(source):
        return True
    text = source(index)
    if MARK_START in text:  # marked already where the repair ran on the whole source
        return True
    lines = [line for line in text.splitlines() if len(line) <= HEADER_MAX]
    if any(is_page_number(line) for line in lines if len(line) <= 40):
        return True
    # A running header carrying its page's number (`The Curious Case 12`): a short line
    # with a number at an edge whose letters come back, here or across the book.
    keys = Counter(
        header_key(line)
        for line in lines
        if _EDGE.search(line.strip()) and not line.lstrip().startswith(("#", "|", "!", "<"))
    )
    book_headers = getattr(book.renderer, "headers", None)
    common = book_headers() if callable(book_headers) else frozenset()
    return any(len(key) >= 4 and (n >= 2 or key in common) for key, n in keys.items())


def plausible(pages: list[PrintedPage]) -> list[PrintedPage]:
    """The marks that read as a book's page numbers: OCR misreads a number (`22` as
    `0`, `24` as `i`) and a converter sets a chapter's number where a page number
    stands (`Chapter` / `2`). Kept: a number between its neighbours (9, 2, 12 loses
    the 2), never 0, and roman numbers only before the arabic ones (front matter)."""
    numbers = [int(p.label) if p.label.isdigit() else None for p in pages]
    kept: list[PrintedPage] = []
    arabic_seen = False
    for k, page in enumerate(pages):
        number = numbers[k]
        if number is None:
            if not arabic_seen:
                kept.append(page)
            continue
        arabic_seen = True
        before = next((n for n in reversed(numbers[:k]) if n is not None), None)
        after = next((n for n in numbers[k + 1 :] if n is not None), None)
        out_of_order = (
            before is not None
            and after is not None
            and before < after
            and not before < number < after
        )
        if number > 0 and not out_of_order:
            kept.append(page)
    return kept


class PageIndex:
    """A book's printed pages: which page a place is on, where a page starts."""

    def __init__(self, pages: Iterable[PrintedPage]) -> None:
        self.pages = sorted(pages)
        self._keys = [(p.section, p.offset) for p in self.pages]
        self._first: dict[str, PrintedPage] = {}
        for page in self.pages:
            self._first.setdefault(page.label, page)

    def __len__(self) -> int:
        return len(self.pages)

    def page_at(self, section: int, offset: int) -> str:
        """The label of the printed page `offset` of `section` is on ("" before the
        first page mark, or in a book without any)."""
        k = bisect_right(self._keys, (section, offset))
        return self.pages[k - 1].label if k else ""

    def find(self, label: str) -> PrintedPage | None:
        """Where printed page `label` starts (`41`, `iii`, ` 41 `); None if not in the book."""
        wanted = label.strip().lower()
        if wanted.isdigit():
            wanted = str(int(wanted))
        return self._first.get(wanted)
