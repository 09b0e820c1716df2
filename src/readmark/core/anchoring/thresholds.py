"""When a match is good enough: every threshold of anchoring, in one place.

Scores are 0 to 1. Quote similarity is `matching.similarity` of the stored
quote and the matched text; context is `matching.context_score` (0.5 = one
side intact, unrelated text 0.35 at most on the shared books).
"""

from __future__ import annotations

QUOTE_THRESHOLD = 0.75  # an approximate match is at least this much like the quote
CONTEXT_WEIGHT = 0.25  # in the combined score: (1 - w)·quote + w·context
SHORT_QUOTE = 3  # up to this long: found exactly, with context, or not at all
SMALL_QUOTE = 16  # below this: context must agree (SMALL_CONTEXT)
MEDIUM_QUOTE = 32  # below this: the combined score must reach MEDIUM_ACCEPT_THRESHOLD
SHORT_CONTEXT = 0.6
SMALL_CONTEXT = 0.5
ACCEPT_THRESHOLD = 0.75
MEDIUM_ACCEPT_THRESHOLD = 0.8
# A position (bookmark, stand-alone note) is its context: found exactly when
# prefix and suffix together are at least this long, else judged like a quote.
MIN_POSITION_CONTEXT = 8
POSITION_THRESHOLD = 0.75  # context score of an approximately found position
# partial_ratio_alignment aligns a window of the needle's own length, so an
# insertion inside the needle scores lower there than the fitted span will.
LOCATE_CUTOFF = 0.65


def combined(quote_score: float, context: float) -> float:
    return (1 - CONTEXT_WEIGHT) * quote_score + CONTEXT_WEIGHT * context


def acceptable(quote_score: float, context: float, length: int) -> bool:
    """Whether a match of a quote of `length` characters is good enough.

    | quote length | needs                                                 |
    |--------------|-------------------------------------------------------|
    | 1–3          | exact, context ≥ 0.6 (SHORT_CONTEXT)                  |
    | 4–15         | quote ≥ 0.75, context ≥ 0.5 (SMALL_CONTEXT)           |
    | 16–31        | quote ≥ 0.75, 0.75·quote + 0.25·context ≥ 0.8         |
    | 32 and more  | quote ≥ 0.75, 0.75·quote + 0.25·context ≥ 0.75        |

    The longer a quote, the less likely it turns up by chance, so the less its
    context must vouch for it: a 40-character quote found exactly needs no
    context, with a fixed typo (0.975) next to none, 80 % alike it needs 0.6.
    A short one needs a side of its context intact even when found exactly:
    "the" is everywhere. Measured on the shared books, deleting the paragraph
    of a random highlight and re-anchoring placed 5 of 300 in the Chinese book
    and 17 of 300 in Alice elsewhere — all on the same words, repeated.
    """
    if length <= SHORT_QUOTE:
        return quote_score == 1.0 and context >= SHORT_CONTEXT
    if quote_score < QUOTE_THRESHOLD:
        return False
    if length < SMALL_QUOTE:
        return context >= SMALL_CONTEXT
    threshold = MEDIUM_ACCEPT_THRESHOLD if length < MEDIUM_QUOTE else ACCEPT_THRESHOLD
    return combined(quote_score, context) >= threshold
