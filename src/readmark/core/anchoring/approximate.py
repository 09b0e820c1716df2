"""Stage 3: the quote as it approximately reads now, located with rapidfuzz.

In the old section every candidate is judged: where the quote aligns best,
where it aligns best with some of its context, and its old place. In the rest
of the book each section offers its best-aligned span and only the best few
of those are judged, so a search of a 3 MB book is one partial alignment per
section (a few milliseconds in all), not a quadratic scan.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from readmark.core.anchoring.candidates import Match, better
from readmark.core.anchoring.matching import context_score, locate, refine, similarity, snap
from readmark.core.anchoring.texts import SectionTexts
from readmark.core.anchoring.thresholds import (
    LOCATE_CUTOFF,
    MEDIUM_QUOTE,
    POSITION_THRESHOLD,
    SMALL_QUOTE,
    acceptable,
    combined,
)
from readmark.core.annotations import TextTarget

JUDGED_ELSEWHERE = 3  # spans of other sections fitted and judged, the best-aligned first

Span = tuple[float, int, int]  # (alignment score, start, end)


def approximately(
    target: TextTarget, texts: SectionTexts, old: int | None, others: list[int]
) -> Match | None:
    """The best acceptable approximate match: in the old section, else anywhere else."""
    if old is not None:
        text = texts.text(old)
        best = None
        for span in _spans(text, target, near=target.start, everywhere=False):
            best = better(target, best, _judged(old, text, span, target))
        if best:
            return best
    located = [
        (span, section)
        for section in others
        for span in _spans(texts.text(section), target, near=None, everywhere=True)
    ]
    # Best alignment first; among equals the nearest section (`others` is nearest first).
    located.sort(key=lambda found: -found[0][0])
    best = None
    for span, section in located[:JUDGED_ELSEWHERE]:
        best = better(target, best, _judged(section, texts.text(section), span, target))
    return best


def _spans(text: str, target: TextTarget, near: int | None, everywhere: bool) -> list[Span]:
    """Where the quote (or a position's context) may now be in one section's text.

    A quote shorter than MEDIUM_QUOTE is also located with up to SMALL_QUOTE
    characters of context on each side: alone it resembles many places and an
    edit inside it weighs heavily; with context it is distinctive (and it needs
    its context to agree anyway). Elsewhere in the book only that is tried.
    """
    quote, prefix, suffix = target.exact, target.prefix, target.suffix
    needle = quote or prefix + suffix
    if not text:
        return []
    spans = []
    widen = bool(quote) and len(quote) < MEDIUM_QUOTE and bool(prefix or suffix)
    if not (widen and everywhere) and (found := locate(needle, text, LOCATE_CUTOFF)):
        spans.append(found)
    if widen:
        widened = prefix[-SMALL_QUOTE:] + quote + suffix[:SMALL_QUOTE]
        if (area := locate(widened, text, LOCATE_CUTOFF)) and (
            inner := fuzz.partial_ratio_alignment(quote, text[area[1] : area[2]])
        ):
            spans.append((area[0], area[1] + inner.dest_start, area[1] + inner.dest_end))
    if near is not None:
        start = max(0, min(near - (0 if quote else len(prefix)), len(text) - 1))
        spans.append((0.0, start, min(len(text), start + len(needle))))
    return spans


def _judged(section: int, text: str, span: Span, target: TextTarget) -> Match | None:
    """The span with its edges fitted (and snapped), if it passes the thresholds."""
    quote, prefix, suffix = target.exact, target.prefix, target.suffix
    start, end = refine(quote or prefix + suffix, text, span[1], span[2])
    if not quote:
        return _position(section, text, start, end, target)
    start, end = snap(text, start, end, quote, prefix, suffix)
    quote_score = similarity(quote, text[start:end])
    context = context_score(text, start, end, prefix, suffix)
    if not acceptable(quote_score, context, len(quote)):
        return None
    return Match(section, start, end, combined(quote_score, context))


def _position(section: int, text: str, start: int, end: int, target: TextTarget) -> Match | None:
    """The point in the matched context where the stored prefix and suffix meet best."""
    expected = start + len(target.prefix)
    point = max(
        range(start, end + 1),
        key=lambda p: (
            round(context_score(text, p, p, target.prefix, target.suffix), 3),
            -abs(p - expected),
        ),
    )
    score = context_score(text, point, point, target.prefix, target.suffix)
    return Match(section, point, point, score) if score >= POSITION_THRESHOLD else None
