"""What the heading-based loaders (Markdown, HTML, plain text) share about contents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from readmark.core.book import TocEntry


def chapter_level(levels: Iterable[int]) -> int | None:
    """The level sections start at: the smallest heading level that occurs at
    least twice (a lone `#` title over `##` chapters is not the chapter level),
    else the smallest there is; None without headings."""
    counts = Counter(levels)
    if not counts:
        return None
    repeated = [level for level, count in counts.items() if count >= 2]
    return min(repeated) if repeated else min(counts)


def nest_toc(entries: Iterable[TocEntry]) -> list[TocEntry]:
    """Flat entries in reading order, nested by level: each under the nearest
    earlier entry of a smaller level."""
    roots: list[TocEntry] = []
    stack: list[TocEntry] = []
    for entry in entries:
        while stack and stack[-1].level >= entry.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return roots
