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
of it goes. A page number it carries (`The Curious Case 12`, `12 Chapter One`) is
kept as an invisible page mark where its page starts (core/repair/page_marks), as the
plain-text repair does. Where that is, is measured: a header over its page's text starts
its page where it stood; a footer (its copies under the pages' notes, over the next
page's anchor or rule) ends its page, which began at the page turn
before (`_page_starts`).
A line repeated without that evidence (`Here is an example:`) is the text's and
stays; headings never go. A line the whole book repeats (`book_headers`, measured once
per book on its first 256 KB) is a header in a section that has it fewer than three
times too, wherever a copy of it stands where a page turns.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.lazy_re import lazy
from readmark.core.repair.blocks import Block, BlockKind, SourceBlocks, classify
from readmark.core.repair.furniture import (
    HEADER_MAX,
    HEADER_REPEATS,
    header_key,
    is_heading,
    is_page_number,
)
from readmark.core.repair.note_shapes import BARE_BODY
from readmark.core.repair.page_marks import insert_token, page_label, token
from readmark.core.repair.page_splits import (
    continues_sentence,
    ends_mid_clause,
    is_page_split,
    is_prose,
)
from readmark.core.repair.rule import RepairContext, RepairRule

_KEY_MIN = 4  # letters: shorter lines (`2`, `Yes.`) say too little to be a header
_BOOK_SAMPLE = 256_000  # characters of the book measured for its repeated lines
# A line standing alone between blank lines: a one-line paragraph.
_ATX_OPEN = lazy(r" {0,3}#{1,6}[ \t]+")  # a heading's markup, before its text
# Found from the newline before the blank line above it, which lets the regex engine
# jump from newline to newline (`(?m)^` tries every position: twice the time); the
# match stops before the newline after the line, where the next one can start.
_ALONE_AFTER_NEWLINE = lazy(rf"\n[ \t]*\n([^\n]{{1,{HEADER_MAX}}})(?=\n[ \t]*\n)")


def book_headers(sources: Iterable[str]) -> frozenset[str]:
    """Keys of the one-line paragraphs the book repeats three times or more, measured
    on its first 256 KB (a quick scan of the text, no Markdown parsing)."""
    counts: Counter[str] = Counter()
    seen = 0
    for source in sources:
        # A blank line at the top, and a newline before it to find it by.
        text = "\n\n" + source[: _BOOK_SAMPLE - seen] + "\n\n"
        for match in _ALONE_AFTER_NEWLINE.finditer(text):
            line = match.group(1)
            key = _candidate_key(Block(classify(line), line))  # headings, lists: no
            if key:
                counts[key] += 1
        seen += len(text) - 1  # the sample as measured before: one newline at the top
        if seen >= _BOOK_SAMPLE:
            break
    return frozenset(key for key, n in counts.items() if n >= HEADER_REPEATS)


def _candidate_key(block: Block) -> str:
    """The header key of a block that could be a running header, or ""."""
    if block.kind is not BlockKind.PARAGRAPH:
        return ""
    text = block.text.strip()
    if (
        len(text) > HEADER_MAX
        or "\n" in text
        or is_heading(text)
        or is_page_number(text)
        or text.startswith(("!", "<", "[", "|", "`"))  # images, html, links, tables, code
        or _labelled_note(text)  # `Footnote 1: …`, `① …`: a note, however often alike
    ):
        return ""
    key = header_key(text)
    return key if len(key) >= _KEY_MIN else ""


def _labelled_note(text: str) -> bool:
    """A note's body that says it is one (`Footnote 1: …`, `① …`, `[1] …`); not `14 The
    Silent Birds`, which a bare digit opens like a note but is a page's header."""
    match = BARE_BODY.match(text)
    return match is not None and not match.group("digit")


def _page_edge(block: Block) -> bool:
    """A page rule, a page number, or a note's body (they stand at a page foot)."""
    return (
        block.kind in (BlockKind.THEMATIC_BREAK, BlockKind.NOTE)
        or (block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST) and is_page_number(block.text))
        or (block.kind is BlockKind.PARAGRAPH and bool(BARE_BODY.match(block.text)))
    )


def _at_page_turn(blocks: tuple[Block, ...], keys: list[str], index: int) -> bool:
    """Does block `index` stand where a page turns? (`keys`: each block's `_candidate_key`.)"""
    before = blocks[index - 1] if index > 0 else None
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    if (before is not None and _page_edge(before)) or (after is not None and _page_edge(after)):
        return True
    # Between the halves of a sentence: two paragraphs of prose, neither a copy of it.
    key = keys[index]
    return (
        before is not None
        and after is not None
        and before.kind is BlockKind.PARAGRAPH
        and after.kind is BlockKind.PARAGRAPH
        and keys[index - 1] != key
        and keys[index + 1] != key
        and ends_mid_clause(before.text)
        and continues_sentence(after.text)
        and (is_prose(before.text) or is_prose(after.text))
    )


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    blocks = source.blocks
    places: dict[str, list[int]] = defaultdict(list)
    keys = [_candidate_key(block) for block in blocks]
    for index, key in enumerate(keys):
        if key:
            places[key].append(index)
    drop: set[int] = set()
    for key, indexes in places.items():
        if len(indexes) >= HEADER_REPEATS:
            # Most of its copies (two at least) stand where a page turns: counted until
            # that many are found, or too few are left to find them.
            need = max(2, (len(indexes) + 1) // 2)
            found = 0
            for seen, i in enumerate(indexes, start=1):
                if _at_page_turn(blocks, keys, i):
                    found += 1
                    if found >= need:
                        break
                elif found + len(indexes) - seen < need:
                    break
            if found >= need:
                drop.update(indexes)
        elif key in context.headers:
            # the book's header, where this section's pages turn
            drop.update(i for i in indexes if _at_page_turn(blocks, keys, i))
    if not drop:
        return source
    # A number every copy carries alike (`Annual Report 2022`) is no page number.
    numbered = {
        i
        for indexes in places.values()
        if len({page_label(blocks[i].text) for i in indexes}) > 1 or len(indexes) == 1
        for i in indexes
    }
    labels = _page_starts(blocks, drop, numbered, places)
    kept: list[Block] = []
    label = labels.get(-1, "")  # the printed page that starts next
    for index, block in enumerate(blocks):
        if index in drop:
            label = labels.get(index, "") or label
            continue
        if not kept and index > 0:  # the first block kept keeps the section's opening gap
            block = Block(block.kind, block.text, blocks[0].gap)
        if label:
            _mark_page(kept, block, label)
            label = ""
        else:
            kept.append(block)
    if label and kept:  # a header closing the section: its page starts at the next one
        kept[-1] = _with_mark_at_end(kept[-1], label)
    context.counts.running_headers += len(drop)
    return source.with_blocks(kept)


def _page_starts(
    blocks: tuple[Block, ...], drop: set[int], numbered: set[int], places: dict[str, list[int]]
) -> dict[int, str]:
    """Where each printed page a dropped header numbers starts: after which dropped block
    (-1: the section's start) the page of that number begins.

    A header at its page's top (`The Silent Birds 12` over the page's text) starts page
    12 where it stood. A footer (the same at the page's foot) ends it: page 12 began at
    the page turn before, the previous dropped header or the section's start. Which of
    the two a line is, is measured on its copies (`_at_page_foot`), never assumed."""
    foot = {key for key, indexes in places.items() if _at_page_foot(blocks, indexes, drop)}
    labels: dict[int, str] = {}
    previous = -1
    for index in sorted(drop):
        label = page_label(blocks[index].text) if index in numbered else ""
        if label and _candidate_key(blocks[index]) in foot:
            labels[previous] = label
        elif label:
            labels[index] = label
        previous = index
    return labels


# The anchor a converter opens each page's first block with (`<span id="page-13-0">`).
_PAGE_ANCHOR = lazy(r"^\s*<(?:span|a) (?:id|name)=\"page-\d+")


def _at_page_foot(blocks: tuple[Block, ...], indexes: list[int], drop: set[int]) -> bool:
    """Do the dropped copies of a header stand at their pages' feet? Counted on where
    each copy stands: under the page's notes, or over the next page's first block (its
    page anchor, a page rule), is a foot; under a page rule, or opening the section, is a
    top. More feet than tops: a footer. Between the halves of a sentence, beside a page
    number or closing the section (a header over the next chapter's heading, or the
    last page's footer) a copy says neither."""
    feet = tops = 0
    for index in (i for i in indexes if i in drop):
        before = blocks[index - 1] if index > 0 else None
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if before is None or before.kind is BlockKind.THEMATIC_BREAK:
            tops += 1
        over_next_page = after is not None and (
            after.kind is BlockKind.THEMATIC_BREAK or bool(_PAGE_ANCHOR.match(after.text))
        )
        if over_next_page or (before is not None and _is_note_body(before)):
            feet += 1
    return feet > tops


def _is_note_body(block: Block) -> bool:
    return block.kind is BlockKind.NOTE or (
        block.kind is BlockKind.PARAGRAPH and bool(BARE_BODY.match(block.text))
    )


def _mark_page(kept: list[Block], block: Block, label: str) -> None:
    """Keep the page a dropped header numbered (`The Curious Case 12`) as a page mark
    (core/repair/page_marks) where its text starts, then add `block`.

    Between the halves of a sentence the page cut, the number stands in as a bare
    page-number paragraph, which page_split_join takes out as it joins the halves and
    marks inside the joined sentence (a mark at the second half's start would hide that
    it goes on in lower case). Otherwise the mark opens the next paragraph or heading's
    text, or, before anything else (a list, a note's body, code), ends the block before."""
    before = kept[-1] if kept else None
    if before is not None and is_page_split(before, block):
        kept.append(Block(BlockKind.PARAGRAPH, label, block.gap))
        kept.append(block)
        return
    if block.kind is BlockKind.PARAGRAPH and not BARE_BODY.match(block.text):
        kept.append(Block(block.kind, insert_token(block.text, 0, label), block.gap))
        return
    heading = _ATX_OPEN.match(block.text) if block.kind is BlockKind.HEADING else None
    if heading:
        text = block.text[: heading.end()] + token(label) + block.text[heading.end() :]
        kept.append(Block(block.kind, text, block.gap))
        return
    if before is not None and before.kind in (BlockKind.PARAGRAPH, BlockKind.LIST):
        kept[-1] = _with_mark_at_end(before, label)
    kept.append(block)


def _with_mark_at_end(block: Block, label: str) -> Block:
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST):
        return block  # no text to hold it: the page goes unmarked, never mis-marked
    return Block(block.kind, block.text.rstrip() + token(label), block.gap)


RUNNING_HEADERS = RepairRule(
    name="running_headers",
    description=QT_TRANSLATE_NOOP(
        "RepairRule",
        "Remove running headers and footers that a printed page repeated",
    ),
    apply=_apply,
)
