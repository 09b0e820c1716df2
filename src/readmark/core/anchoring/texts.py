"""The texts anchoring searches: each section's text, loaded once when first asked for."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readmark.core.book import Book


class SectionTexts:
    """A book's section count and, lazily, the text of each section.

    Offsets in annotation targets count characters of exactly these texts
    (`Book.section_text`). A text is loaded the first time it is asked for and
    kept, so one resolving pass converts each section at most once and only the
    sections it needs: when nothing moved, only the sections annotations sit in.
    """

    def __init__(self, count: int, load: Callable[[int], str]) -> None:
        self._count = count
        self._load = load
        self._cache: dict[int, str] = {}

    @classmethod
    def of_book(cls, book: Book) -> SectionTexts:
        return cls(len(book.sections), book.section_text)

    @classmethod
    def of_strings(cls, texts: Sequence[str]) -> SectionTexts:
        texts = list(texts)
        return cls(len(texts), texts.__getitem__)

    def __len__(self) -> int:
        return self._count

    def text(self, index: int) -> str:
        if not 0 <= index < self._count:
            raise IndexError(index)
        text = self._cache.get(index)
        if text is None:
            text = self._cache[index] = self._load(index)
        return text

    def nearest_first(self, index: int) -> Iterator[int]:
        """Every section index, the nearest to `index` first (of two as near, the earlier).

        Lazy: a search that stops at the next section costs nothing for the rest.
        """
        count = self._count
        if index >= count:
            yield from range(count - 1, -1, -1)
            return
        if index < 0:
            yield from range(count)
            return
        yield index
        for distance in range(1, max(index, count - 1 - index) + 1):
            if index - distance >= 0:
                yield index - distance
            if index + distance < count:
                yield index + distance
