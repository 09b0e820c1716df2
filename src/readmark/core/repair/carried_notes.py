"""Notes across sections: a footnote body the converter set at the top of the next
section goes back to the section whose last lines mark it.

The Markdown repair works one section at a time, but a printed page can end a section
and start the next: Nougat writes the page's notes where it read them, after the new
section's heading and first paragraph,

    …the input to a model uses the following template 4:        (end of § 2)

    ## 3 Impact of phase shifts on grammatical acceptability

    First, we investigate…

    Footnote 4: In cases where a model does not have the [CLS] token…

so § 3's repair finds no marker for it and § 2's has a marker with no body. Before
each section is repaired, `carry_notes` moves such a body to the end of the section
before it, where the footnote rule links it. Only a body that says it is a note
(`Footnote 4:`), standing in the first blocks of its section, with no marker for it
above it in its own section and a marker in the last blocks of the section before;
the section's heading, and every other block, stay where they were. The body is
moved, never copied: the two sections' text together is the same characters.
Annotations anchor by quote and context, so one made on the body where it was is found
again by its words (tests/core/repair/test_carried_notes.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from readmark.core.repair.blocks import Block, BlockKind, SourceBlocks, split_blocks
from readmark.core.repair.inline import protected_mask
from readmark.core.repair.note_shapes import (
    BARE_BODY,
    body_symbol,
    is_labelled_body,
    marker_pattern,
    numbering_word_before,
)

_OPENING = 4  # blocks from a section's start where a carried body may stand
_TAIL = 6  # blocks at the end of the section before where its marker may stand
_TEXT = (BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE)


def _labelled_symbol(block: Block) -> str:
    if block.kind is not BlockKind.PARAGRAPH:
        return ""
    match = BARE_BODY.match(block.text)
    return body_symbol(match) if match and is_labelled_body(match) else ""


def _marked(blocks: Sequence[Block], symbol: str) -> bool:
    """Does one of `blocks` carry a bare-digit marker for note `symbol`?"""
    pattern = marker_pattern(symbol, (), bare_digit=True)
    for block in blocks:
        if block.kind not in _TEXT or not pattern.search(block.text):
            continue
        mask = protected_mask(block.text, code_only=False)
        if any(
            not mask[m.start()] and not numbering_word_before(block.text, m.start())
            for m in pattern.finditer(block.text)
        ):
            return True
    return False


def _carried(previous: SourceBlocks, section: SourceBlocks) -> list[int]:
    """The indexes of `section`'s blocks that belong to the end of `previous`."""
    tail = previous.blocks[-_TAIL:]
    # A body of the same number already in the tail takes its marker there.
    bodies_before = {_labelled_symbol(block) for block in tail}
    carried: list[int] = []
    for index, block in enumerate(section.blocks[:_OPENING]):
        symbol = _labelled_symbol(block)
        if (
            symbol
            and symbol not in bodies_before
            and not _marked(section.blocks[:index], symbol)
            and _marked(tail, symbol)
        ):
            carried.append(index)
    return carried


def carry_notes(sources: Sequence[str], index: int) -> str:
    """Section `index`'s source with the note bodies the next section holds for it
    added at its end, and those it holds for the section before taken out."""
    source = sources[index]
    if "Footnote" not in source and (
        index + 1 >= len(sources) or "Footnote" not in sources[index + 1][:20_000]
    ):
        return source  # the only shape carried: most sections pay one substring test
    blocks = split_blocks(source)
    result = blocks
    if index > 0 and "Footnote" in source:
        out = _carried(split_blocks(sources[index - 1]), blocks)
        if out:
            kept = [b for k, b in enumerate(blocks.blocks) if k not in out]
            if kept and 0 in out:  # the first block kept keeps the section's opening gap
                kept[0] = Block(kept[0].kind, kept[0].text, blocks.blocks[0].gap)
            result = blocks.with_blocks(kept)
    if index + 1 < len(sources) and blocks.blocks:
        following = split_blocks(sources[index + 1])
        taken = [following.blocks[k] for k in _carried(blocks, following)]
        if taken:
            extra = [Block(b.kind, b.text, "\n\n") for b in taken]
            result = result.with_blocks([*result.blocks, *extra])
    return result.join() if result is not blocks else source
