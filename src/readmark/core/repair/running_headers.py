"""running_headers: the running headers and footers of a Markdown book converted from
print, found by repetition and position, are taken out of the text.

A converter that keeps each page's furniture leaves the book's (or the chapter's)
title where every page began or ended, as a paragraph of its own:

    …我們若因此就將鳥兒關進籠中，

    序　守護籠中鳥

    就永遠看不見牠們飛翔的樣子。

A short one-line paragraph is such a header when the section repeats it (its
letters, page number aside: core/repair/furniture.header_key) three times or more
and most of its copies stand where a page turns: between the halves of a sentence
the page cut, or beside a page number, a page rule or a footnote's body. Then every copy
of it goes.
A line repeated without that evidence (`Here is an example:`) is the text's and
stays; headings never go. A line the whole book repeats (`book_headers`, measured once
per book on its first 256 KB) is a header in a section that has it fewer than three
times too, wherever a copy of it stands where a page turns.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.repair.blocks import Block, BlockKind, SourceBlocks, classify
from readmark.core.repair.furniture import (
    HEADER_MAX,
    HEADER_REPEATS,
    header_key,
    is_heading,
    is_page_number,
)
from readmark.core.repair.note_shapes import BARE_BODY
from readmark.core.repair.page_splits import continues_sentence, ends_mid_clause, is_prose
from readmark.core.repair.rule import RepairContext, RepairRule

_KEY_MIN = 4  # letters: shorter lines (`2`, `Yes.`) say too little to be a header
_BOOK_SAMPLE = 256_000  # characters of the book measured for its repeated lines
# A line standing alone between blank lines: a one-line paragraph.
_ALONE = re.compile(rf"(?m)^[ \t]*\n([^\n]{{1,{HEADER_MAX}}})\n(?=[ \t]*\n)")


def book_headers(sources: Iterable[str]) -> frozenset[str]:
    """Keys of the one-line paragraphs the book repeats three times or more, measured
    on its first 256 KB (a quick scan of the text, no Markdown parsing)."""
    counts: Counter[str] = Counter()
    seen = 0
    for source in sources:
        text = "\n" + source[: _BOOK_SAMPLE - seen] + "\n\n"
        for match in _ALONE.finditer(text):
            line = match.group(1)
            key = _candidate_key(Block(classify(line), line))  # headings, lists: no
            if key:
                counts[key] += 1
        seen += len(text)
        if seen >= _BOOK_SAMPLE:
            break
    return frozenset(key for key, n in counts.items() if n >= HEADER_REPEATS)


def _candidate_key(block: Block) -> str:
    """The header key of a block that could be a running header, or ""."""
    text = block.text.strip()
    if (
        block.kind is not BlockKind.PARAGRAPH
        or "\n" in text
        or len(text) > HEADER_MAX
        or is_heading(text)
        or is_page_number(text)
        or text.startswith(("!", "<", "[", "|", "`"))  # images, html, links, tables, code
    ):
        return ""
    key = header_key(text)
    return key if len(key) >= _KEY_MIN else ""


def _page_edge(block: Block) -> bool:
    """A page rule, a page number, or a note's body (they stand at a page foot)."""
    return (
        block.kind in (BlockKind.THEMATIC_BREAK, BlockKind.NOTE)
        or (block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST) and is_page_number(block.text))
        or (block.kind is BlockKind.PARAGRAPH and bool(BARE_BODY.match(block.text)))
    )


def _at_page_turn(blocks: tuple[Block, ...], index: int) -> bool:
    """Does block `index` stand where a page turns?"""
    before = blocks[index - 1] if index > 0 else None
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    if (before is not None and _page_edge(before)) or (after is not None and _page_edge(after)):
        return True
    # Between the halves of a sentence: two paragraphs of prose, neither a copy of it.
    key = _candidate_key(blocks[index])
    return (
        before is not None
        and after is not None
        and before.kind is BlockKind.PARAGRAPH
        and after.kind is BlockKind.PARAGRAPH
        and _candidate_key(before) != key
        and _candidate_key(after) != key
        and ends_mid_clause(before.text)
        and continues_sentence(after.text)
        and (is_prose(before.text) or is_prose(after.text))
    )


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    blocks = source.blocks
    places: dict[str, list[int]] = defaultdict(list)
    for index, block in enumerate(blocks):
        key = _candidate_key(block)
        if key:
            places[key].append(index)
    drop: set[int] = set()
    for key, indexes in places.items():
        turns = [i for i in indexes if _at_page_turn(blocks, i)]
        if len(indexes) >= HEADER_REPEATS:
            if len(turns) >= 2 and len(turns) * 2 >= len(indexes):
                drop.update(indexes)
        elif key in context.headers:
            drop.update(turns)  # the book's header, where this section's pages turn
    if not drop:
        return source
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if index in drop:
            continue
        if kept or index == 0:
            kept.append(block)
        else:  # the first block kept after dropped ones keeps the section's opening gap
            kept.append(Block(block.kind, block.text, blocks[0].gap))
    context.counts.running_headers += len(drop)
    return source.with_blocks(kept)


RUNNING_HEADERS = RepairRule(
    name="running_headers",
    description=QT_TRANSLATE_NOOP(
        "RepairRule",
        "Remove running headers and footers that a printed page repeated",
    ),
    apply=_apply,
)
