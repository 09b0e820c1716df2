"""Stage 2: the quote exactly as it was, with its context intact or judged by it."""

from __future__ import annotations

from readmark.core.anchoring.candidates import Match, better
from readmark.core.anchoring.matching import context_score, occurrences
from readmark.core.anchoring.texts import SectionTexts
from readmark.core.anchoring.thresholds import SHORT_CONTEXT, SMALL_QUOTE, acceptable
from readmark.core.annotations import TextTarget


def intact_in(section: int, target: TextTarget, texts: SectionTexts) -> Match | None:
    """The quote with its whole stored context around it, nearest the old place.

    Everything stored is there, so nothing is more certain; for a position
    (no quote) its prefix and suffix together are what is found.
    """
    text = texts.text(section)
    prefix, quote = target.prefix, target.exact
    near = target.start - len(prefix) if section == target.section else 0
    found = occurrences(prefix + quote + target.suffix, text, near, 2)
    if not found:
        return None
    start = min(found, key=lambda i: abs(i - near)) + len(prefix)
    return Match(section, start, start + len(quote), 1.0)


def judged_in(
    section: int, target: TextTarget, texts: SectionTexts, limit: int
) -> tuple[Match | None, int]:
    """The exact occurrence in one section whose context agrees best, and how many were judged.

    At most `limit` occurrences are judged, the nearest to the old place first.
    A position with too little context to be found intact searches for that
    context and needs it to agree as a short quote does.
    """
    text = texts.text(section)
    quote, prefix, suffix = target.exact, target.prefix, target.suffix
    needle, shift = (quote, 0) if quote else (prefix + suffix, len(prefix))
    near = target.start if section == target.section else 0
    starts = [i + shift for i in occurrences(needle, text, near - shift, limit)]
    best: Match | None = None
    for start in starts:
        end = start + len(quote)
        score = context_score(text, start, end, prefix, suffix)
        if acceptable(1.0, score, len(quote)) if quote else score >= SHORT_CONTEXT:
            best = better(target, best, Match(section, start, end, score))
    return best, len(starts)


def one_side_in(section: int, target: TextTarget, texts: SectionTexts) -> Match | None:
    """A position (no quote) next to one whole side of its context, when that side
    occurs exactly once in the section: the suffix first, as what follows a
    bookmark is what was to be read next; then the prefix.

    Text inserted or changed right at the point leaves one side whole and the
    other gone, which the joint search cannot find and scoring splits evenly.
    """
    text = texts.text(section)
    suffix, prefix = target.suffix, target.prefix
    for side, after in ((suffix, 0), (prefix, len(prefix))):
        if len(side) >= SMALL_QUOTE and (found := _only(side, text)) >= 0:
            start = found + after
            return Match(section, start, start, context_score(text, start, start, prefix, suffix))
    return None


def _only(needle: str, text: str) -> int:
    """Where `needle` is in `text` if it is there exactly once, else -1."""
    i = text.find(needle)
    return i if i >= 0 and text.find(needle, i + 1) < 0 else -1
