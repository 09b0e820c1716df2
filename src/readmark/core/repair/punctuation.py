"""cjk_punctuation: half-width , : ; ? ! ( ) in Chinese text become full-width.

Print conversions mix the two widths (`力,不断` next to `，`). A mark is converted
only where CJK text comes right before it (through closing quotes); a pair of
parentheses only where CJK text is inside, before or after it. Code spans, URLs,
HTML tags, attribute lists and link syntax are never touched, and neither is a
mark after a digit or a Latin letter, so numbers and Latin text stay as written.
"""

from __future__ import annotations

import re

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.lazy_re import lazy
from readmark.core.repair.blocks import BlockKind, SourceBlocks
from readmark.core.repair.cjk import CHINESE_OR_JAPANESE_CLASS, CLOSERS, is_cjk, is_ideograph
from readmark.core.repair.inline import free_segments, protected_spans
from readmark.core.repair.rule import RepairContext, RepairRule

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
# Innermost pair, with no parenthesis of either width inside (keeps a second pass a no-op).
_PAIR = lazy(r"\(([^()（）\n]{0,80})\)")
_MARK = lazy("[,:;?!]")  # the keys of FULL_WIDTH
_KINDS = (BlockKind.PARAGRAPH, BlockKind.NOTE, BlockKind.FOOTNOTE_DEF)
# What any conversion needs (the first one sees the text as written, later ones
# only follow from it): a Chinese or Japanese character (a pair needs an ideograph
# beside or inside it; a mark, CJK before it), or else a print mark (… ⋯ —, CJK to
# `is_cjk`) followed, through closers and page marks as `_cjk_tail` looks through
# them, by a mark. A text with neither (most of an English book) comes back as it is
# without measuring its protected spans.
_CLOSERS_CLASS = "".join(re.escape(ch) for ch in sorted(CLOSERS))
_CJK_CHARACTER = lazy(f"[{CHINESE_OR_JAPANESE_CLASS}]")
_PRINT_MARK_TAIL = lazy(f"[…⋯—](?:[{_CLOSERS_CLASS}]|\ue004[^\ue004]*\ue005)*[,:;?!]")


def _may_convert(text: str) -> bool:
    # Every CJK character and print mark is beyond ASCII, and whether a string is all
    # ASCII Python knows without reading it: most paragraphs of an English book are.
    if text.isascii():
        return False
    # Two searches, the second only where a print mark is: a regex alternating the
    # two is three times slower on a Latin text.
    if _CJK_CHARACTER.search(text) is not None:
        return True
    has_mark = "—" in text or "…" in text or "⋯" in text
    return has_mark and _PRINT_MARK_TAIL.search(text) is not None


def convert_punctuation(text: str) -> str:
    if not _may_convert(text):
        return text
    return convert_every_mark(text)


def convert_every_mark(text: str) -> str:
    """`convert_punctuation` without its screening (tests compare the two)."""
    marks = [match.start() for match in _MARK.finditer(text)]
    if not marks and "(" not in text:
        return text
    spans = protected_spans(text)
    chars = list(text)
    for start, end in free_segments(text, spans):
        for match in _PAIR.finditer(text, start, end):
            if _pair_is_cjk(text, match):
                chars[match.start()] = "（"
                chars[match.end() - 1] = "）"
    # Left to right over what is already converted, so "中,," converts whole in
    # one pass. Only the marks are visited (a paragraph is mostly letters): where
    # each one stands, whether a protected span holds it (the spans are in order).
    span = 0
    for i in marks:
        while span < len(spans) and spans[span][1] <= i:
            span += 1
        if span < len(spans) and spans[span][0] <= i:
            continue  # inside code, a URL, a tag…
        if _cjk_tail(chars, i):
            ch = chars[i]
            if not (ch == "!" and i + 1 < len(chars) and chars[i + 1] == "["):  # ![image](...)
                chars[i] = FULL_WIDTH[ch]
    return "".join(chars)


def _pair_is_cjk(text: str, match: re.Match[str]) -> bool:
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if before == "]":  # [text](destination) that the link pattern did not catch
        return False
    return any(is_ideograph(ch) for ch in before + after + match.group(1))


def _cjk_tail(chars: list[str], end: int) -> bool:
    """Is the text before `end` CJK, looking through closing quotes and brackets?"""
    i = end - 1
    while i >= 0 and (chars[i] in CLOSERS or chars[i] == "\ue005"):
        if chars[i] == "\ue005":  # a printed page's mark (core/repair/page_marks): no text
            while i > 0 and chars[i] != "\ue004":
                i -= 1
        i -= 1
    return i >= 0 and is_cjk(chars[i])


# What `convert_every_mark` converts: a text holding none comes back as it is.
_MARK_OR_PAIR = lazy("[,:;?!(]")


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    blocks = list(source.blocks)
    changed = False
    for k, block in enumerate(blocks):
        # Screened by one search before any call: most paragraphs of a Chinese book
        # hold only full-width marks already. (A block a rule gave a kind of its own
        # is classified again by `with_text`, as before, changed or not.)
        if block.kind in _KINDS and (
            not block.classified or _MARK_OR_PAIR.search(block.text) is not None
        ):
            converted = block.with_text(convert_punctuation(block.text))
            changed = changed or converted is not block
            blocks[k] = converted
    return source.with_blocks(blocks) if changed else source


CJK_PUNCTUATION = RepairRule(
    name="cjk_punctuation",
    description=QT_TRANSLATE_NOOP(
        "RepairRule",
        "Use full-width punctuation (，：；？！（）) after Chinese text where the "
        "conversion left half-width marks",
    ),
    apply=_apply,
)
