"""Raw HTML blocks over blank lines are kept whole, in linear time (issue 10)."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.formats.markdown.grammar import html_block_end, is_blank
from readmark.core.repair import repair_markdown
from readmark.core.repair.blocks import split_blocks


def _reference_blocks(source: str) -> list[str]:
    """The blocks as the former, quadratic merge made them: each HTML block's text
    joined again and searched for its end at every following block. (The sources
    below hold no fences, so the blocks before merging are the runs of lines
    between blank lines.)"""
    lines = source.split("\n")
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        if is_blank(lines[k]):
            k += 1
            continue
        start = k
        while k < len(lines) and not is_blank(lines[k]):
            k += 1
        spans.append((start, k))
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        closing = html_block_end(lines[start])
        if closing is not None:
            j = i
            while j < len(spans) - 1 and not closing.search("\n".join(lines[start : spans[j][1]])):
                j += 1
            end = spans[j][1]
            i = j
        merged.append((start, end))
        i += 1
    return ["\n".join(lines[s:e]) for s, e in merged]


_LINES = [
    "<div>",
    "</div>",
    '<div class="x">a</div>',
    "</div\n>",
    "<!-- c",
    "-->",
    "<!-- c -->",
    "text",
    "more text",
    "<section>",
    "</section>",
    "</DIV>",
    "<p>",
    "</p>",
    "<br>",
    "",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=30).map("\n".join))
def test_html_blocks_merge_as_before(source: str) -> None:
    assert [block.text for block in split_blocks(source).blocks] == _reference_blocks(source)


def test_thirty_two_thousand_blocks_after_an_unclosed_div_repair_in_linear_time() -> None:
    def seconds(blocks: int) -> float:
        source = "\n\n".join("<div>" if i % 2 else "text of the block" for i in range(blocks))
        start = time.perf_counter()
        repair_markdown(source, id_prefix="s0-")
        return time.perf_counter() - start

    assert seconds(32_000) < 3.0  # was 17 s: every block re-joined all before it
