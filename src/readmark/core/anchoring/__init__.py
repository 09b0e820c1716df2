"""Anchoring: finding where each annotation belongs in the book as it reads now.

    resolve(annotation, texts) -> Annotation
    resolve_all(book, annotations) -> list[Annotation]

A target (see `annotations`) holds a section, a position (`start`/`end`) and a
quote (`exact` with `prefix`/`suffix` context). When a book is opened, each
annotation is placed by the first of these that works:

1. **Position** — the section exists and `start`/`end` still hold exactly the
   quote, with its prefix and suffix around it: unchanged. A few string
   comparisons; the annotation object itself is returned.
2. **Exact quote** — first the quote with its whole stored context intact,
   anywhere (nothing is more certain); then every occurrence of the quote in
   the old section, and only if none qualifies, in the other sections. The
   occurrence whose context agrees best wins (`context_score`), ties going to
   the one nearest the old position. Sections are searched nearest first.
3. **Approximate** (quotes of 4 characters or more) — in the old section, then
   in the rest of the book: rapidfuzz's partial alignment locates the likeliest
   span in each section (see `approximate`), its edges are fitted to the quote
   and snapped to the kind of boundary the quote had (whole words; in CJK text
   every character is a boundary).
4. **Orphaned** — kept with its target as it was and `orphaned=True`, to be
   shown in a list of annotations whose text is gone. Never dropped.

What is good enough is decided in one place, `thresholds.acceptable`: a match
must be at least 75 % like the quote (`QUOTE_THRESHOLD`, normalised Indel
similarity), and 0.75 × quote similarity + 0.25 × context must reach 0.75
(0.8 for quotes under 32 characters); quotes under 16 characters need one side
of their context intact (context ≥ 0.5), and quotes of 1–3 characters are only
ever found exactly, with context ≥ 0.6.

A re-anchored annotation gets a fresh target (position, the text as it reads
now, new context) and, when the text differs, `original_exact` keeps the quote
as first made (an existing `original_exact` is never overwritten). `modified`
does not change. The caller writes the changed ones back
(`AnnotationStore.save_anchors`) so the next open takes the fast path.

Positions (an empty `exact`: a stand-alone note or a bookmark) are found by
their context: prefix and suffix together exactly; else next to one side
found whole and only once in a section — the suffix first, as what follows a
bookmark is what was to be read next (a paragraph inserted right at the point,
or under the heading a bookmark near a chapter's start was made after, leaves
only one side whole); else approximately with a context score of at least
`POSITION_THRESHOLD` (0.75). A **bookmark** whose
context cannot be found is never orphaned: it stays in the same section (the
last one if the book got shorter) at its offsets clamped to the section's
length — a reading position near the old one is still useful. A position with
no context at all (made in an empty section) is placed the same way. Targets
not placed yet (section/start/end -1: imported with a quote only) are searched
for from the first section on; not found, they stay orphaned, bookmarks too. A
stand-alone note whose context is gone is orphaned like a highlight: the
place it was about is gone.

Cost: with nothing changed, a few microseconds per annotation, and only the
sections annotations sit in are converted. A chapter inserted near the start
(every later section index shifts) costs about 25 µs per annotation. A search
of the whole book for a lost quote costs 10–40 ms on a 3 MB book; only
orphans and quotes that were both edited and moved pay it.
"""

from readmark.core.anchoring.matching import context_score, similarity
from readmark.core.anchoring.resolver import resolve, resolve_all
from readmark.core.anchoring.texts import SectionTexts
from readmark.core.anchoring.thresholds import (
    ACCEPT_THRESHOLD,
    CONTEXT_WEIGHT,
    POSITION_THRESHOLD,
    QUOTE_THRESHOLD,
    SHORT_CONTEXT,
    SHORT_QUOTE,
    SMALL_CONTEXT,
    SMALL_QUOTE,
    acceptable,
)

__all__ = [
    "ACCEPT_THRESHOLD",
    "CONTEXT_WEIGHT",
    "POSITION_THRESHOLD",
    "QUOTE_THRESHOLD",
    "SHORT_CONTEXT",
    "SHORT_QUOTE",
    "SMALL_CONTEXT",
    "SMALL_QUOTE",
    "SectionTexts",
    "acceptable",
    "context_score",
    "resolve",
    "resolve_all",
    "similarity",
]
