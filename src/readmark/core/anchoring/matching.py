"""Finding a quote in one section's text: exactly, or approximately with rapidfuzz.

Why rapidfuzz: it is actively maintained, ships wheels for every platform we
build on, and its `fuzz.partial_ratio_alignment` finds the best approximate
occurrence of a short string inside a long one in C, pruning with a score
cutoff, so searching a whole 3 MB book for a lost quote costs milliseconds,
not a quadratic Python loop. edlib's infix alignment would be a fine
alternative on paper, but its Python binding refuses inputs with more than 256
distinct characters together, which any Chinese chapter exceeds.

Similarity everywhere is rapidfuzz's normalised Indel similarity,
1 - (insertions + deletions) / (len(a) + len(b)): a fixed typo in a 40-character
quote scores 0.975, a quote of which a third was rewritten about 0.67. It counts
characters, so it behaves the same for CJK text (no word boundaries needed).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from readmark.core.annotations import CONTEXT_CHARS

# A quote longer than this is located by three probes of PROBE characters
# (start, middle, end) instead of as a whole: partial alignment of a long
# needle that is absent from a chapter costs up to a second.
LONG_QUOTE = 256
PROBE = 64
# How far a matched span's edges may move to fit the quote better, and to
# reach a word boundary.
SNAP_REACH = 16
# Exact occurrences considered per section, the nearest to the old position
# first (a one-character quote can occur 100,000 times in a long book).
MAX_OCCURRENCES = 2000
# Context counts only where this many characters in a row agree.
CONTEXT_RUN = 4

# Scripts written without spaces between words: every character is a boundary.
_NO_WORD_SPACES = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fff\u3040-\u30ff\u3100-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003ffff]"
)


def similarity(a: str, b: str) -> float:
    """Normalised Indel similarity of two strings, 0.0 to 1.0 (two empty strings: 1.0)."""
    return Indel.normalized_similarity(a, b)


def context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around text[start:end] agrees with the stored context, 0 to 1.

    The mean, over prefix and suffix, of how much of the stored context is
    found again, in order, in runs of at least CONTEXT_RUN characters in the
    CONTEXT_CHARS (or more) now before and after. Counting only runs keeps the
    score of unrelated text near 0 — plain similarity of two unrelated English
    passages is about 0.4, as they share common letters — while text inserted
    next to the quote or a typo in its context costs only what changed.
    Measured on the shared books, unrelated places score 0.3 or less (0.35 in
    English at the very most); one intact side alone scores 0.5.
    """
    before = text[max(0, start - max(len(prefix), CONTEXT_CHARS)) : start]
    after = text[end : end + max(len(suffix), CONTEXT_CHARS)]
    return (_found_again(prefix, before) + _found_again(suffix, after)) / 2


def _found_again(stored: str, now: str) -> float:
    if not stored or not now:
        return float(stored == now)
    shortest = min(CONTEXT_RUN, len(stored))
    blocks = Indel.opcodes(stored, now).as_matching_blocks()
    found = sum(block.size for block in blocks if block.size >= shortest)
    return 2 * found / (len(stored) + len(now))


def occurrences(needle: str, text: str, near: int, limit: int = MAX_OCCURRENCES) -> list[int]:
    """Start offsets of `needle` in `text`: at most `limit`, the nearest to `near` kept."""
    near = max(0, min(near, len(text)))
    found: list[int] = []
    half = max(1, limit // 2)
    i = text.find(needle, near)
    while i >= 0 and len(found) < half:
        found.append(i)
        i = text.find(needle, i + 1)
    j = text.rfind(needle, 0, near + len(needle) - 1)
    while j >= 0 and len(found) < limit:
        found.append(j)
        j = text.rfind(needle, 0, j + len(needle) - 1) if j > 0 else -1
    return found


def locate(quote: str, text: str, cutoff: float) -> tuple[float, int, int] | None:
    """(score, start, end) of the span of `text` most like `quote`, if the score reaches `cutoff`.

    Scores are 0 to 1. The span's edges are rough: `refine` fits them.
    """
    if len(quote) <= LONG_QUOTE:
        found = fuzz.partial_ratio_alignment(quote, text, score_cutoff=cutoff * 100)
        return (found.score / 100, found.dest_start, found.dest_end) if found else None
    return _locate_long(quote, text, cutoff)


def _locate_long(quote: str, text: str, cutoff: float) -> tuple[float, int, int] | None:
    m = len(quote)
    middle = m // 2 - PROBE // 2
    starts: list[int] = []
    ends: list[int] = []
    for offset in (0, middle, m - PROBE):
        found = fuzz.partial_ratio_alignment(
            quote[offset : offset + PROBE], text, score_cutoff=cutoff * 100
        )
        if found is None:
            continue
        start = found.dest_start - found.src_start - offset
        end = found.dest_end + (PROBE - found.src_end) + (m - offset - PROBE)
        starts.append(start)
        ends.append(end)
    if not starts:
        return None
    spans = {(s, s + m) for s in starts} | {(e - m, e) for e in ends}
    spans |= {(s, e) for s in starts for e in ends if e > s}
    clamped = {(max(0, s), min(len(text), e)) for s, e in spans}
    scored = [(similarity(quote, text[s:e]), s, e) for s, e in clamped if e > s]
    return max(scored, default=None)


def refine(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move the edges of text[start:end] to where `quote` fits best.

    Hill-climbing on similarity, one edge at a time, so an insertion inside the
    quote (which `partial_ratio_alignment`, aligning a window of the quote's own
    length, leaves out) is taken in. Long quotes fit their first and last PROBE
    characters instead, a bounded amount of work.
    """
    if len(quote) > LONG_QUOTE:
        return _refine_long(quote, text, start, end)
    reach = max(4, len(quote) // 4)
    best = similarity(quote, text[start:end])
    for _ in range(4):
        before = (start, end)
        for s in range(max(0, start - reach), min(end - 1, start + reach) + 1):
            score = similarity(quote, text[s:end])
            if score > best:
                best, start = score, s
        for e in range(max(start + 1, end - reach), min(len(text), end + reach) + 1):
            score = similarity(quote, text[start:e])
            if score > best:
                best, end = score, e
        if (start, end) == before:
            break
    return start, end


def _refine_long(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    head, tail = quote[:PROBE], quote[-PROBE:]
    lo = max(0, start - SNAP_REACH)
    start = max(
        range(lo, min(len(text), start + SNAP_REACH) + 1),
        key=lambda s: (similarity(head, text[s : s + PROBE]), -abs(s - start)),
    )
    end = max(
        range(max(start + 1, end - SNAP_REACH), min(len(text), end + SNAP_REACH) + 1),
        key=lambda e: (similarity(tail, text[max(0, e - PROBE) : e]), -abs(e - end)),
        default=end,
    )
    return start, max(start + 1, end)


def snap(text: str, start: int, end: int, quote: str, prefix: str, suffix: str) -> tuple[int, int]:
    """Give a matched span the kind of edges the quote had.

    A quote that began at a word's start does not come back starting mid-word
    (the nearer whole-word edge within SNAP_REACH is taken); likewise its end.
    Spaces the quote did not have at its edges are trimmed. Characters of
    scripts without spaces (CJK, Thai…) are each a word, so nothing moves there.
    """
    s, e = start, end
    if _is_word(quote[0]) and not (prefix and _is_word(prefix[-1])):
        s = _word_start(text, s, e)
    if _is_word(quote[-1]) and not (suffix and _is_word(suffix[0])):
        e = _word_end(text, e, s)
    if not quote[0].isspace():
        while s < e and text[s].isspace():
            s += 1
    if not quote[-1].isspace():
        while e > s and text[e - 1].isspace():
            e -= 1
    return (s, e) if s < e else (start, end)


def _is_word(char: str) -> bool:
    return (char.isalnum() or char == "_") and not _NO_WORD_SPACES.match(char)


def _word_start(text: str, i: int, limit: int) -> int:
    """`i`, or the nearest word start when `i` is inside a word (ties: extend left)."""
    if not (0 < i < len(text) and _is_word(text[i - 1]) and _is_word(text[i])):
        return i
    left = i
    while left > 0 and _is_word(text[left - 1]) and i - left < SNAP_REACH:
        left -= 1
    if left > 0 and _is_word(text[left - 1]):
        left = -1  # a "word" longer than SNAP_REACH: not a word to snap to
    right = i
    while right < limit and _is_word(text[right]):
        right += 1
    while right < limit and not _is_word(text[right]):
        right += 1
    if right >= limit or right - i > SNAP_REACH:
        right = -1
    candidates = [c for c in (left, right) if c >= 0]
    return min(candidates, key=lambda c: (abs(c - i), c)) if candidates else i


def _word_end(text: str, i: int, limit: int) -> int:
    """`i`, or the nearest word end when `i` is inside a word (ties: extend right)."""
    if not (0 < i < len(text) and _is_word(text[i - 1]) and _is_word(text[i])):
        return i
    right = i
    while right < len(text) and _is_word(text[right]) and right - i < SNAP_REACH:
        right += 1
    if right < len(text) and _is_word(text[right]):
        right = -1
    left = i
    while left > limit and _is_word(text[left - 1]):
        left -= 1
    while left > limit and not _is_word(text[left - 1]):
        left -= 1
    if left <= limit or i - left > SNAP_REACH:
        left = -1
    candidates = [c for c in (right, left) if c >= 0]
    return min(candidates, key=lambda c: (abs(c - i), -c)) if candidates else i
