"""Page furniture: what a conversion from print leaves of each page around the text.

Found by measuring the book, not by a list of its titles:

- a page-number line holds only a page number, in its many printed forms: `41`,
  `- 41 -`, `— 41 —`, `[41]`, `iii`, `第 41 页`, `Page 41`, `p. 41`;
- a running header or footer is a short line repeated across the book (the book's
  title, a chapter title at page tops), with or without its page number:
  `NERVOUS EXHAUSTION. 9`, `20 THE SILENT FRIEND.`. OCR garbles them page after page
  (`THX nLXKT rilZND. 18`), so a short line next to a page break also counts when it
  is close enough to one of the book's repeated headers;
- a stray mark (`•`, `I`, `■`) alone on a line beside a page break is OCR dust.

Which lines sit next to a page break is the caller's to say (a plain-text book's
runs of blank lines, a Markdown book's page rules); this module only names lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from readmark.core.lazy_re import lazy

HEADER_MAX = 60  # characters: a running header is a short line
HEADER_REPEATS = 3  # seen this often, a short line is the book's, not the text's
HEADER_LIKENESS = 0.6  # difflib ratio from which a garbled line is that header
NUMBERED_LIKENESS = 0.5  # ... when the line also carries a page number at an edge
_EDGE_NUMBER = lazy(r"^\d{1,4}\s|\s\d{1,4}\W?$")
_ROMAN = r"(?=[ivxlcdm]+$)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
PAGE_NUMBER = lazy(
    r"^(?:"
    rf"[-–—~_.·•(\[<\s]*(?:\d{{1,4}}|{_ROMAN})[-–—~_.·•)\]>^*'\s]*"
    r"|第\s*\d{1,4}\s*[页頁]"
    r"|(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r")$",
    re.IGNORECASE,
)
_STRAY = lazy(r"^[^\w\s]{1,3}$|^[IlJ|]$")
# A printer's signature mark at a page foot: `B`, `C 2`, `c 2`.
_SIGNATURE = lazy(r"^[A-Za-z](?:\s?\d{1,2})?$")
# A heading that can sit at a page top: never furniture.
_HEADING = lazy(
    r"^(?:chapter|part|book|section|canto|letter|appendix|preface|introduction|contents"
    r"|第.{1,8}[章节節回卷部篇条])",
    re.IGNORECASE,
)
_CHAPTER = lazy(r"\bchapter\b", re.IGNORECASE)
_NOT_LETTER = lazy(r"[^a-z\u00c0-\u024f\u4e00-\u9fff\u3040-\u30ff]+")


def is_page_number(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= 16 and bool(PAGE_NUMBER.match(stripped))


def is_stray_mark(line: str) -> bool:
    return bool(_STRAY.match(line.strip()))


def header_key(line: str) -> str:
    """A line as a running header is recognised: its letters, without the page number."""
    return _NOT_LETTER.sub("", line.lower())


def repeated_headers(lines: Iterable[str]) -> frozenset[str]:
    """Keys of the short lines repeated across the book: its running headers."""
    counts: Counter[str] = Counter()
    for line in lines:
        stripped = line.strip()
        if 0 < len(stripped) <= HEADER_MAX:
            key = header_key(stripped)
            if len(key) >= 4:
                counts[key] += 1
    return frozenset(key for key, n in counts.items() if n >= HEADER_REPEATS)


@lru_cache(maxsize=4096)
def is_running_header(line: str, headers: frozenset[str]) -> bool:
    """A short line that is one of the book's repeated headers, or a garbled copy."""
    stripped = line.strip()
    if not stripped or len(stripped) > HEADER_MAX:
        return False
    key = header_key(stripped)
    if len(key) < 4:
        return False
    if key in headers:
        return True
    likeness = NUMBERED_LIKENESS if _EDGE_NUMBER.search(stripped) else HEADER_LIKENESS
    # Imported here: most books never compare a line with their headers (~2 ms, at start-up).
    from difflib import SequenceMatcher

    return any(
        SequenceMatcher(None, key, header).ratio() >= likeness
        or (len(header) >= 8 and header in key and len(key) <= len(header) + 8)
        for header in headers
    )


def is_furniture(line: str, headers: frozenset[str]) -> bool:
    """A line beside a page break that is not text: a page number, a header, a stray mark."""
    return is_page_number(line) or is_stray_mark(line) or is_running_header(line, headers)


def is_short_line(line: str) -> bool:
    """Short enough to be furniture: a header, a page number, a mark."""
    return len(line.strip()) <= HEADER_MAX


def furniture_at_break(
    lines: list[str], headers: frozenset[str], top: list[bool] | None = None
) -> list[bool]:
    """Which of the short lines around one page break are furniture.

    Beside a page break, besides what `is_furniture` names, a printer's signature
    mark (`B`, `c 2`) is furniture, and so is a short line with a page number at an
    edge (`BONES, MUSCLES, AND HEART. 27`) or sharing the break with a page-number
    line (`OUTLINE.` above `5`): a running header that changes with the chapter.
    Headings (`CHAPTER VII`, `第三回`) never are. `top` tells which lines stand after
    the break, at the top of the next page.
    """
    numbers = [is_page_number(line) for line in lines]
    repeated = [header_key(line) in headers for line in lines]
    headings = [is_heading(line) and not repeated[k] for k, line in enumerate(lines)]
    first = next((n for n in range(len(lines)) if top is None or top[n]), len(lines))
    verdicts = []
    for k, line in enumerate(lines):
        stripped = line.strip()
        if numbers[k] or is_stray_mark(stripped):
            verdicts.append(True)
            continue
        # A heading, and the title or part name set right above or below it
        # (`SYPHILIS.` / `CHAPTER I.` / `OUTLINE.`), even one that repeats as a header.
        beside_heading = (k > 0 and headings[k - 1]) or (k + 1 < len(lines) and headings[k + 1])
        if headings[k] or beside_heading:
            verdicts.append(False)
            continue
        if (top is None or k in (first, first + 1)) and is_running_header(stripped, headers):
            verdicts.append(True)  # a header heads the page: its first line or second
            continue
        # pdftotext sets a page's header and its number on lines of their own, the
        # first two of the page: `1.3. The first program` / `3`, or `4` / `Chapter 1.
        # The way of the program`. A third line is the page's text (a heading).
        beside_number = (k == first and k + 1 < len(lines) and numbers[k + 1]) or (
            k == first + 1 and numbers[first]
        )
        verdicts.append(
            bool(_SIGNATURE.match(stripped))
            or (
                (looks_like_header(stripped) or beside_number)
                and (any(numbers) or bool(_EDGE_NUMBER.search(stripped)))
            )
        )
    return verdicts


def is_heading(line: str) -> bool:
    """A heading that can stand at a page top: `CHAPTER VII`, `第三回`, `第十条`."""
    stripped = line.strip()
    return bool(_HEADING.match(stripped) or _CHAPTER.search(stripped))


def looks_like_header(line: str) -> bool:
    """Set like a running header: short, its letters (four or more) mostly capitals."""
    if len(line.strip()) > HEADER_MAX:  # before counting letters: most lines are long
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) < 4:
        return False
    return sum(ch.isupper() for ch in letters) >= 0.7 * len(letters)
