"""Telling a Markdown book saved as .txt from a plain-text one.

Plain text often contains one or two things that look like Markdown (a stray
`*`, `_italics_` in Project Gutenberg texts, a numbered list), so a single kind
of signal is never enough: each kind of Markdown construct found in the first
~64 KB scores a point (headings two when there are several), and a file is
Markdown at two points or more.
"""

from __future__ import annotations

import re

from readmark.core.lazy_re import lazy

SAMPLE_CHARS = 64 * 1024
THRESHOLD = 2

# Not `# compute the percentage…`: a Python comment in a book about programming
# starts lower case, a heading does not.
_ATX = lazy(r"^ {0,3}#{1,6}[ \t]+(?![a-z])\S", re.M)
_SETEXT = lazy(r"^ {0,3}\S[^\n]*\n {0,3}(?:=+|-{2,})[ \t]*$", re.M)
_LIST = lazy(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+[^\s*+-]", re.M)  # not "* * *"
# Not `__init__`: a Python name in a plain-text book about programming (pdftotext of
# Think Python) is no bold word.
_EMPHASIS = lazy(
    r"\*\*[^\s*][^*\n]*\*\*|__(?![a-z][a-z0-9_]*__)[^\s_][^_\n]*__"
    r"|(?<![\w*])\*[^\s*][^*\n]*\*(?!\w)"
)
_UNDERSCORE_EM = lazy(r"(?<!\w)_[^\s_][^_\n]*_(?!\w)")
_LINK = lazy(r"!?\[[^\]\n]+\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)|^ {0,3}\[[^\]\n]+\]:\s+\S", re.M)
_FENCE = lazy(r"^ {0,3}(```|~~~)", re.M)
_TABLE = lazy(r"^ {0,3}\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M)
_HTML = lazy(r"<(?:sup|sub|br|div|span|img|a\s|em|strong|p)\b[^>\n]*>", re.I)
# Not `>>>`: a Python prompt in a plain-text book about programming.
_QUOTE = lazy(r"^ {0,3}>[ \t]?(?!>>)[^\s>]", re.M)
_FOOTNOTE = lazy(r"\[\^[^\]\s]+\]")


def markdown_score(text: str) -> int:
    """How many kinds of Markdown construct the start of `text` shows."""
    sample = text[:SAMPLE_CHARS]
    score = 0
    headings = len(_ATX.findall(sample))
    if headings >= 3:
        score += 2
    elif headings:
        score += 1
    if _SETEXT.search(sample):
        score += 1
    if len(_LIST.findall(sample)) >= 3:
        score += 1
    # Underscore emphasis alone is Project Gutenberg's convention for italics,
    # so it only counts together with other emphasis.
    emphasis = len(_EMPHASIS.findall(sample))
    if emphasis >= 2 or (emphasis and len(_UNDERSCORE_EM.findall(sample)) >= 2):
        score += 1
    if _LINK.search(sample):
        score += 1
    if len(_FENCE.findall(sample)) >= 2:
        score += 1
    if _TABLE.search(sample):
        score += 1
    if _HTML.search(sample):
        score += 1
    if len(_QUOTE.findall(sample)) >= 2:
        score += 1
    if _FOOTNOTE.search(sample):
        score += 1
    return score


def looks_like_markdown(text: str) -> bool:
    """True when a .txt file is evidently written in Markdown."""
    return markdown_score(text) >= THRESHOLD
