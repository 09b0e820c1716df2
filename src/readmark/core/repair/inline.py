"""Inline spans of a Markdown paragraph that a repair must never edit inside."""

from __future__ import annotations

from readmark.core.lazy_re import lazy

# Every span has a bounded length: an unclosed one would otherwise be searched
# to the end of the paragraph from each of its openings (quadratic on hostile
# text); no real code span, link destination or reference is near these bounds.
_CODE_SPAN = r"(?P<ticks>`+)[\s\S]{0,4096}?(?<!`)(?P=ticks)(?!`)"
_PROTECTED = lazy(
    "|".join(
        (
            _CODE_SPAN,
            r"<[A-Za-z/!?][^<>\n]{0,4096}>",  # html tags and comments, autolinks
            r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:)[!-;=?-~]+",  # URLs (ASCII, no <>)
            r"\{[:#.][^{}\n]{0,1024}\}",  # attribute lists {#id .class}
            r"\[\^[^\]\n]{0,1024}\]",  # footnote references [^id]
            r"\]\([^)\n]{0,4096}\)",  # link destinations ](url "title")
            r"\]\[[^\]\n]{0,1024}\]",  # reference links ][ref]
            r"&#?\w+;",  # character entities
        )
    )
)
_CODE_ONLY = lazy(_CODE_SPAN)


def protected_mask(text: str, *, code_only: bool = False) -> list[bool]:
    """For each character: does it belong to a span that must stay as written?"""
    mask = [False] * len(text)
    pattern = _CODE_ONLY if code_only else _PROTECTED
    for match in pattern.finditer(text):
        start, end = match.span()
        mask[start:end] = [True] * (end - start)  # one slice, not a loop per character
    return mask


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans that must stay as written, in order, not overlapping."""
    return [match.span() for match in _PROTECTED.finditer(text)]


def free_segments(text: str, spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The [start, end) runs of `text` outside protected spans (`spans`: those
    of `text`, when the caller has them already)."""
    segments: list[tuple[int, int]] = []
    position = 0
    for start, end in protected_spans(text) if spans is None else spans:
        if start > position:
            segments.append((position, start))
        position = end
    if position < len(text):
        segments.append((position, len(text)))
    return segments
