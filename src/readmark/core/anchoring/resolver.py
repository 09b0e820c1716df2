"""Placing annotations on the book as it reads now; the stages are described in the package."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from readmark.core.anchoring.approximate import approximately
from readmark.core.anchoring.candidates import Match, better
from readmark.core.anchoring.exact import intact_in, judged_in, one_side_in
from readmark.core.anchoring.matching import MAX_OCCURRENCES
from readmark.core.anchoring.texts import SectionTexts
from readmark.core.anchoring.thresholds import MIN_POSITION_CONTEXT, SHORT_QUOTE
from readmark.core.annotations import Annotation, Kind, TextTarget

if TYPE_CHECKING:
    from readmark.core.book import Book


# How often `resolve_all` says how far it is: often enough for a progress bar and a
# Cancel that answers at once, seldom enough to cost nothing.
_REPORT_EVERY = 25


def resolve_all(
    book: Book,
    annotations: Sequence[Annotation],
    progress: Callable[[int, int], None] | None = None,
) -> list[Annotation]:
    """`resolve` for each annotation of `book`, in the same order, sections loaded once.
    `progress(done, total)` hears how far it is (and may raise to stop it)."""
    texts = SectionTexts.of_book(book)
    placed = []
    total = len(annotations)
    for done, annotation in enumerate(annotations):
        if progress is not None and done % _REPORT_EVERY == 0:
            progress(done, total)
        placed.append(resolve(annotation, texts))
    if progress is not None:
        progress(total, total)
    return placed


def resolve(annotation: Annotation, texts: SectionTexts) -> Annotation:
    """The annotation placed on the text as it is now; never raises for a bad target.

    Returns the very same object when nothing changed (the caller writes back
    only what is not), else a copy with a new `target` and `orphaned=False`,
    or with `orphaned=True` and the target as it was. `modified` is untouched:
    re-anchoring is not an edit by the reader.
    """
    target = annotation.target
    if _holds(target, texts):
        return replace(annotation, orphaned=False) if annotation.orphaned else annotation
    match = _find(target, texts)
    if match is None and (annotation.kind is Kind.BOOKMARK or _is_bare_position(target)):
        match = _fallback(target, texts)
    if match is None:
        return annotation if annotation.orphaned else replace(annotation, orphaned=True)
    return _placed(annotation, texts, match)


def _holds(target: TextTarget, texts: SectionTexts) -> bool:
    """Stage 1, the fast path: the quote and its context are exactly where they were."""
    if not 0 <= target.section < len(texts):
        return False
    text = texts.text(target.section)
    start, end = target.start, target.end
    return (
        len(target.prefix) <= start <= end <= len(text) - len(target.suffix)
        and end - start == len(target.exact)
        and text.startswith(target.exact, start)
        and text.startswith(target.prefix, start - len(target.prefix))
        and text.startswith(target.suffix, end)
    )


def _find(target: TextTarget, texts: SectionTexts) -> Match | None:
    """Stages 2 and 3: the quote exactly (context intact, then judged), then approximately.

    Sections are searched nearest first: when a chapter is inserted near the
    start, every later section's index shifts by one and each annotation is
    found in the section next to its old one after a few finds.
    """
    quote, prefix, suffix = target.exact, target.prefix, target.suffix
    if not len(texts) or not (quote or prefix or suffix):
        return None
    old = target.section if 0 <= target.section < len(texts) else None
    enough_context = len(prefix + suffix) >= MIN_POSITION_CONTEXT
    # A quote with no context at all (other tools often write only `exact`)
    # selects its occurrence: the nearest to the old place, else the first.
    quote_only = bool(quote) and not prefix and not suffix
    if enough_context or quote_only:
        for section in texts.nearest_first(target.section):  # the old one first, if it exists
            if match := intact_in(section, target, texts):
                return match
    if not quote and enough_context:
        for section in texts.nearest_first(target.section):
            if match := one_side_in(section, target, texts):
                return match
    if quote or not enough_context:
        budget, best = MAX_OCCURRENCES, None
        for section in texts.nearest_first(target.section):
            match, judged = judged_in(section, target, texts, budget)
            best = better(target, best, match)
            budget -= judged
            if best and (section == old or round(best.score, 3) >= 1.0 or budget <= 0):
                return best  # in the old section, or as good as it gets
        if best:
            return best
    if len(quote or prefix + suffix) <= SHORT_QUOTE:
        return None  # too short to match approximately: anything would do
    others = [i for i in texts.nearest_first(target.section) if i != old]
    return approximately(target, texts, old, others)


def _is_bare_position(target: TextTarget) -> bool:
    """No quote and no context: made in an empty section, nothing to search for."""
    return not (target.exact or target.prefix or target.suffix)


def _fallback(target: TextTarget, texts: SectionTexts) -> Match | None:
    """A bookmark not found keeps its place: the same section, offsets clamped to it.

    One with no place yet (section -1: imported with a quote only) has none to
    keep, and is orphaned.
    """
    if not len(texts) or target.section < 0:
        return None
    section = max(0, min(target.section, len(texts) - 1))
    length = len(texts.text(section))
    start = max(0, min(target.start, length))
    return Match(section, start, max(start, min(target.end, length)), 0.0)


def _placed(annotation: Annotation, texts: SectionTexts, match: Match) -> Annotation:
    target = TextTarget.from_text(match.section, texts.text(match.section), match.start, match.end)
    if target == annotation.target and not annotation.orphaned:
        return annotation
    original = annotation.original_exact
    if not original and target.exact != annotation.target.exact:
        original = annotation.target.exact
    return replace(annotation, target=target, orphaned=False, original_exact=original)
