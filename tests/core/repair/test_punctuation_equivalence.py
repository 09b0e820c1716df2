"""The cjk_punctuation repair visits only the marks it may convert (it was
rewritten for speed: a quarter of converting an English chapter went into
looking at every character). Its output must be exactly that of the rule as it
was written first, kept here as the reference, on any text: a changed character
would move every annotation after it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.repair.cjk import CLOSERS, is_cjk, is_ideograph
from readmark.core.repair.inline import free_segments, protected_mask
from readmark.core.repair.punctuation import _PAIR, FULL_WIDTH, convert_punctuation


def reference(text: str) -> str:
    """convert_punctuation as first written (commit 2397f11, page marks 0166e00)."""
    mask = protected_mask(text)
    chars = list(text)
    for start, end in free_segments(text):
        for match in _PAIR.finditer(text, start, end):
            before = text[match.start() - 1] if match.start() > 0 else ""
            after = text[match.end()] if match.end() < len(text) else ""
            if before != "]" and any(is_ideograph(c) for c in before + after + match.group(1)):
                chars[match.start()] = "（"
                chars[match.end() - 1] = "）"
    out: list[str] = []
    for i, ch in enumerate(chars):
        if ch in FULL_WIDTH and not mask[i] and _tail(out):
            following = chars[i + 1] if i + 1 < len(chars) else ""
            if not (ch == "!" and following == "["):
                ch = FULL_WIDTH[ch]
        out.append(ch)
    return "".join(out)


def _tail(out: list[str]) -> bool:
    i = len(out) - 1
    while i >= 0 and (out[i] in CLOSERS or out[i] == "\ue005"):
        if out[i] == "\ue005":
            while i > 0 and out[i] != "\ue004":
                i -= 1
        i -= 1
    return i >= 0 and is_cjk(out[i])


# What the rule reacts to: CJK, Latin, the marks, brackets, quotes, page marks and
# the starts of every protected span (code, tags, URLs, links, attributes, entities).
_PIECES = st.sampled_from(
    [
        "中", "文", "か", "한", "a", "Z", "1", " ", "\n", ",", ":", ";", "?", "!", "(", ")",
        "（", "）", "”", "」", "'", '"', "]", "[", "…", "—", "`", "``", "<b>", "</b>", "<",
        ">", "http://x.org/a,b", "www.", "mailto:", "{#id}", "{", "}", "[^1]", "](u,v)",
        "][r]", "&amp;", "&#12;", "\ue004", "\ue005", "\ue0043\ue005", "![", "，",
    ]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_fast_rule_gives_exactly_the_reference_output(text: str) -> None:
    assert convert_punctuation(text) == reference(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_the_same_on_any_characters(text: str) -> None:
    assert convert_punctuation(text) == reference(text)


def test_examples() -> None:
    for text, expected in [
        ("力,不断(天下)ok", "力，不断（天下）ok"),
        ("中,,", "中，，"),
        ("中」,x", "中」，x"),
        ("a,b", "a,b"),
        ("中`a,b`,", "中`a,b`,"),  # after code: not CJK
        ("中![img](x)", "中![img](x)"),
        ("中\ue0043\ue005,", "中\ue0043\ue005，"),
    ]:
        assert convert_punctuation(text) == reference(text) == expected
