"""captions_out_of_sentences: a figure, its caption or its photo credit that landed
inside a sentence is moved out of it, to stand after the sentence with its image.

A print conversion puts a figure where the page had it, which is often in the
middle of a sentence the page goes on with:

    If you played with the fibonacci function …, the longer the function takes
    to run. Furthermore,

    ![](_page_128_Figure_1.jpeg)

    <span id="page-128-0"></span>Figure 11.2: Call graph.

    the run time increases very quickly.

The run between the halves (an image, a table, a caption: `Figure 11.2: …`, `Fig. 3.`,
`Table 2`, `图 3-1`, `PLATE IV.`, an ALL-CAPS line, `Courtesy of …`, `Photograph by
…`, marker's `- Table 1: …` list item, even with the next page's text glued to it as
the item's continuation) moves, whole and in order, to after the sentence, and the halves are joined. The
halves are judged as page_split_join judges any page split (the first stops
mid-clause, the second goes on with the sentence, neither is a display's
introduction), except that one of them may be short (a column that ended after a
line): the figure standing between them is the evidence of the break. A caption is
never joined into the sentence: it keeps its own block beside its image.
"""

from __future__ import annotations

import re

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.lazy_re import lazy
from readmark.core.repair.blocks import Block, BlockKind, SourceBlocks
from readmark.core.repair.furniture import looks_like_header
from readmark.core.repair.page_splits import (
    continues_sentence,
    ends_mid_clause,
    introduces_display,
    is_prose,
    join_halves,
)
from readmark.core.repair.rule import RepairContext, RepairRule

_MAX_RUN = 4  # blocks: an image, its caption, a credit, a second image
_CAPTION_MAX = 400  # characters: a caption is a line or a few, not a page
_LABELLED_MAX = 1200  # a caption labelled `Figure 3:` may run to a paragraph
_ANCHORS = r"(?:<(?:span|a) (?:id|name)=\"[^\"<>]{1,80}\"></(?:span|a)>\s*)*"
_IMAGE = lazy(
    rf"^{_ANCHORS}(?:!\[[^\]\n]{{0,300}}\]\([^)\n]{{1,500}}\)|<img\b[^<>\n]{{0,600}}>)\s*$"
)
_CAPTION_BODY = (
    r"(?:\*\*|\*|_)?(?:"
    r"(?:figure|fig\.|table|plate|illustration|chart|map|exhibit|photo|image|diagram)"
    # `Figure 3`, `Plate IV`, an appendix's `Figure B.1`
    r"\s*(?:\d+|(?-i:[IVXLC]+)|(?-i:[A-Z])(?=[.\-–]\d))(?:[.\-–]\d+)*[a-z]?(?=[.:,\s]|$)"
    r"|[图圖表]\s*[\d一二三四五六七八九十]+(?:[.\-–]\d+)*"
    r"|(?:courtesy|photograph(?:ed)? by|photo(?:graph)?s? by|photo credit|image credit"
    r"|source:|drawing by|drawn by|engraved by|after a (?:painting|photograph|drawing)"
    r"|from a (?:painting|photograph|drawing|sketch|print))"
    r")"
)
_CAPTION = lazy(rf"^{_ANCHORS}{_CAPTION_BODY}", re.IGNORECASE)
# Wherever a block's text, stripped, or a list item's first line could start with
# a caption: at a block's start, after white space, a list marker or not
# (`_has_caption`). Searched once over a section's blocks joined each after a NUL
# (a literal the matcher jumps to: only where a block starts is tried, not every
# character nor every line), it finds every block `_CAPTION` could match.
_CAPTION_AT_A_BLOCK = lazy(rf"\x00\s*(?:[-*+][ \t]+)?{_ANCHORS}{_CAPTION_BODY}", re.IGNORECASE)


_TAG = lazy(r"<[^<>]*>")


def _is_image(block: Block) -> bool:
    return bool(_IMAGE.match(block.text))


def is_caption(text: str) -> bool:
    """A figure's caption or photo credit, as print sets it apart from the text."""
    stripped = text.strip()
    if not stripped or len(stripped) > _LABELLED_MAX:
        return False
    caption = _CAPTION.match(stripped)
    if caption and stripped[caption.end() : caption.end() + 1] == ":":
        return True  # `Table 2: Selective precision. We cast…`: a paper's long caption
    if len(stripped) > _CAPTION_MAX:
        return False
    if caption:
        return True
    # An ALL-CAPS line: `THE OLD MILL AT DEDHAM.` (set like a running header).
    return "\n" not in stripped and looks_like_header(_TAG.sub("", stripped))


def is_labelled_caption(text: str) -> bool:
    """A caption that says it is one (`Figure B.1.: The cost…`, `Courtesy of…`), not an
    ALL-CAPS line, which a plain-text page sets alike for its running header."""
    stripped = text.strip()
    return bool(stripped) and len(stripped) <= _CAPTION_MAX and bool(_CAPTION.match(stripped))


def _displayed(block: Block) -> bool:
    """Set apart from the running text: an image, a caption or a credit, a table set
    where the page had it, or a caption a converter wrote as a list item."""
    if block.kind is BlockKind.TABLE:
        return True
    if block.kind is BlockKind.LIST:
        return "\n" not in block.text.strip() and _caption_item(block.text) is not None
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.HTML) and (
        _is_image(block) or is_caption(block.text)
    )


# marker writes a caption as a list item: `- Figure 2: Illustration of…`.
_ITEM = lazy(r"^[-*+][ \t]+")


def _caption_item(text: str) -> str | None:
    """The caption of a one-item list whose item is a caption (`- Table 1: …`), or None."""
    item = _ITEM.match(text)
    if item is None:
        return None
    first = text[item.end() :].split("\n", 1)[0]
    return first if _CAPTION.match(first) else None


def _glued_to_caption(block: Block) -> tuple[Block, Block] | None:
    """A caption item the converter glued the next page's text to, as the item's lazy
    continuation (`- Table 1: Benchmarking… the time to reach.` / `in the softmax
    computation for our router.`): the caption item and the text, apart again. Only a
    caption ending its sentence, then a line going on in lower case."""
    if block.kind is not BlockKind.LIST or _caption_item(block.text) is None:
        return None
    first, _, rest = block.text.partition("\n")
    if not rest or _ITEM.match(rest) or rest[:1] in " \t":
        return None
    if first.rstrip()[-1:] not in ".)" or not continues_sentence(rest):
        return None
    return Block(BlockKind.LIST, first.rstrip(), block.gap), Block(BlockKind.PARAGRAPH, rest)


def _has_caption(run: list[Block]) -> bool:
    return any(_is_image(b) or _CAPTION.match(b.text.strip()) or _caption_item(b.text) for b in run)


def _cut_by_the_figure(first: Block, second: Block) -> bool:
    """Are these the halves of one sentence (`…of absolute` ‖ `position embeddings, we…`)?"""
    return (
        first.kind is BlockKind.PARAGRAPH
        and second.kind is BlockKind.PARAGRAPH
        and ends_mid_clause(first.text)
        and continues_sentence(second.text)
        and first.text.rstrip()[-1] not in "”’\"')）]"
        and (is_prose(first.text) or is_prose(second.text))
        and not introduces_display(first.text, second.text)
    )


def may_move(source: SourceBlocks) -> bool:
    """Whether any block could be what `_has_caption` asks a run to hold: an image
    (`![…](…)` or `<img`), a caption, a caption's list item. Without one nothing
    moves, and the scan of every block (a third of the repair's time on a book
    with no figure) is spared."""
    text = "".join(["\x00" + block.text for block in source.blocks])
    return "![" in text or "<img" in text or _CAPTION_AT_A_BLOCK.search(text) is not None


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    return scan(source, context) if may_move(source) else source


def scan(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    """The rule without its screen `may_move` (tests compare the two)."""
    blocks = list(source.blocks)
    moved = False
    index = 0
    # Whether a block is displayed, asked of each block up to five times as the scan
    # passes it: kept with the block (which the entry keeps alive, so its id stays its own).
    shown: dict[int, tuple[Block, bool]] = {}

    def displayed(block: Block) -> bool:
        known = shown.get(id(block))
        if known is None:
            known = shown[id(block)] = (block, _displayed(block))
        return known[1]

    while index < len(blocks):
        first = blocks[index]
        end = index + 1
        while end < len(blocks) and end - index - 1 < _MAX_RUN and displayed(blocks[end]):
            end += 1
        run = blocks[index + 1 : end]
        cut = False  # whether first and second are known to be a sentence's halves
        if run and end < len(blocks) and _cut_by_the_figure(first, blocks[end]):
            second: Block | None = blocks[end]
            cut = True
        elif end < len(blocks) and (glued := _glued_to_caption(blocks[end])) is not None:
            run, second = [*run, glued[0]], glued[1]  # the caption's item, then the text
        else:
            second = None
        if second is not None and _has_caption(run) and (cut or _cut_by_the_figure(first, second)):
            joined = first.with_text(join_halves(first.text, second.text))
            blocks[index : end + 1] = [joined, *run]
            context.counts.captions += 1
            context.counts.page_splits += 1
            moved = True
            continue  # the joined sentence may be cut by the next page's figure too
        index += 1
    return source.with_blocks(blocks) if moved else source


CAPTIONS_OUT_OF_SENTENCES = RepairRule(
    name="captions_out_of_sentences",
    description=QT_TRANSLATE_NOOP(
        "RepairRule",
        "Move figures, captions and photo credits that a page put inside a sentence "
        "to after the sentence",
    ),
    apply=_apply,
)
