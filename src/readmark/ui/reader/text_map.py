"""Offsets in a section's canonical text ↔ positions in the QTextDocument showing it.

Annotations count characters of `html_to_text(section_html)` (what `readmark text`
prints); the view works in QTextDocument positions. Both come from the same
HTML, so their non-whitespace characters are the same sequence — except where
the two disagree about a construct: Qt keeps footnote back-links (↩), puts an
object character where html_to_text writes an image's alt text, and marks
table frames with private-use characters. The map pairs the characters the two
share, walking both in step and re-synchronising with difflib over a bounded
window wherever they differ, so a stretch one side lacks maps to nothing
instead of shifting everything after it.

Built once per shown section: O(n) to build, O(log n) per lookup.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_VISIBLE = re.compile(r"\S")
# Qt's frame markers (tables) and the paragraph/line separators are never text.
_NOT_TEXT = frozenset("\ufdd0\ufdd1\ufdd2")
# Nor are zero-width spaces, on either side: the view draws some spaces of
# Chinese text as them (ui/reader/cjk_spacing), one for one.
_ZERO_WIDTH = frozenset("\u200b")
_WINDOW = 3000  # non-whitespace characters compared at once when the texts differ
_ANCHOR = 24  # a shared run this long is trusted as the two texts back in step


def _visible(text: str, skip: frozenset[str] = frozenset()) -> tuple[list[int], str]:
    """Indices and characters of the non-whitespace characters of `text`."""
    if skip and any(ch in text for ch in skip):
        indices = [m.start() for m in _VISIBLE.finditer(text) if m.group() not in skip]
    else:
        indices = [m.start() for m in _VISIBLE.finditer(text)]
    return indices, "".join([text[i] for i in indices])


def _align(a: str, b: str) -> tuple[list[int], list[int]]:
    """Pairs (i in a, j in b) of characters the two strings share, in order."""
    pairs_a: list[int] = []
    pairs_b: list[int] = []
    i = j = 0
    n, m = len(a), len(b)
    while i < n and j < m:
        if a[i] == b[j]:
            pairs_a.append(i)
            pairs_b.append(j)
            i += 1
            j += 1
            continue
        # Out of step: match a window of each and take the blocks difflib finds
        # up to the first long one (beyond which the texts are in step again).
        wa, wb = a[i : i + _WINDOW], b[j : j + _WINDOW]
        from difflib import SequenceMatcher  # rarely out of step: not on the first screen

        blocks = [blk for blk in SequenceMatcher(None, wa, wb, autojunk=False)
                  .get_matching_blocks() if blk.size]  # fmt: skip
        at_end = i + len(wa) >= n and j + len(wb) >= m
        accepted = []
        for blk in blocks:
            accepted.append(blk)
            if blk.size >= _ANCHOR:
                break
        else:
            if not at_end and len(accepted) > 1:
                accepted.pop()  # may continue past the window: let the next round decide
        if not accepted:
            if at_end:
                break
            i += max(1, len(wa) // 2)  # nothing shared at all in a window: skip ahead
            j += max(1, len(wb) // 2)
            continue
        for blk in accepted:
            for k in range(blk.size):
                pairs_a.append(i + blk.a + k)
                pairs_b.append(j + blk.b + k)
        last = accepted[-1]
        i, j = i + last.a + last.size, j + last.b + last.size
    return pairs_a, pairs_b


class TextMap:
    """Maps between canonical offsets and document positions of one section."""

    def __init__(self, canonical: str, document_text: str) -> None:
        """`document_text` is QTextDocument.toRawText(): index = document position."""
        self.canonical = canonical
        self._canonical_length = len(canonical)
        self._document_length = len(document_text)
        c_index, c_chars = _visible(canonical, _ZERO_WIDTH)
        d_index, d_chars = _visible(document_text, _NOT_TEXT | _ZERO_WIDTH)
        self.exact = c_chars == d_chars
        if self.exact:
            self._c, self._d = c_index, d_index
        else:
            pairs_c, pairs_d = _align(c_chars, d_chars)
            self._c = [c_index[k] for k in pairs_c]  # increasing canonical offsets …
            self._d = [d_index[k] for k in pairs_d]  # … and where the document shows them

    # canonical -> document

    def to_document(self, offset: int) -> int:
        """The document position of the first shared character at or after `offset`."""
        k = bisect_left(self._c, offset)
        return self._d[k] if k < len(self._d) else self._document_length

    def to_document_range(self, start: int, end: int) -> tuple[int, int]:
        """Document [start, end) covering the text of canonical [start, end).

        Whitespace at either edge is dropped; an empty or all-blank range gives
        an empty range at the next character.
        """
        first = self.to_document(start)
        k = bisect_left(self._c, end) - 1
        last = self._d[k] + 1 if k >= 0 else 0
        return (first, last) if last > first else (first, first)

    # document -> canonical

    def to_canonical(self, position: int) -> int:
        k = bisect_left(self._d, position)
        return self._c[k] if k < len(self._c) else self._canonical_length

    def to_canonical_range(self, start: int, end: int) -> tuple[int, int]:
        first = self.to_canonical(start)
        k = bisect_left(self._d, end) - 1
        last = self._c[k] + 1 if k >= 0 else 0
        return (first, last) if last > first else (first, first)
