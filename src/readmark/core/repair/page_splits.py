"""page_split_join: a paragraph cut in two at a page boundary is joined back.

A conversion from print ends a paragraph wherever a page ends. Such a cut is told
apart from a real paragraph break by both sides:

- the first half stops mid-clause: on a letter (Han or Latin) or on clause
  punctuation (，、；：—), never on sentence-final punctuation, a digit or markup;
- the second half goes on with the sentence: it starts with a Han character, a
  lowercase Latin letter or clause punctuation, not with an opening quote, a
  bracket, a list ordinal (一、) or markup;
- both halves are prose: they contain clause punctuation, end a sentence or are
  long, and neither is a short "key: value" line of a copyright page.

A page number left alone between the two halves (`- 41 -`, `41`, `第 41 页`) goes with the
page. Only two adjacent paragraphs are joined (never a heading, list, table, quote, code,
HTML or a paragraph before a thematic break). CJK halves are joined directly; Latin
halves with one space, or without the hyphen when a lowercase word was hyphenated.
"""

from __future__ import annotations

import unicodedata

from readmark.core.formats.markdown.grammar import ATX_HEADING, SETEXT_UNDERLINE, THEMATIC_BREAK
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.lazy_re import lazy
from readmark.core.repair.blocks import Block, BlockKind, SourceBlocks
from readmark.core.repair.cjk import (
    CLAUSE,
    CLOSERS,
    DASHES,
    SENTENCE_FINAL,
    cjk_after,
    cjk_before,
    is_ideograph,
)
from readmark.core.repair.furniture import is_page_number
from readmark.core.repair.page_marks import insert_token, page_label, visible_count
from readmark.core.repair.rule import RepairContext, RepairRule

PROSE_LENGTH = 60  # non-space characters: about two printed lines of Chinese
FIELD_LENGTH = 40
_HARD_BREAK = lazy(r"(?:  +|\\)\n")
# 责任编辑:张克敏, 邮 编:100080, Editor: Jane Doe (the label may be spaced out in print)
_FIELD = lazy(r"^[^\s:：,，、;；。.]{1,12}[:：]")
_ORDINAL = lazy(r"^(?:[一二三四五六七八九十百]+、|第[一二三四五六七八九十百千\d]+[章节回部篇卷])")


_MARKUP_OPENERS = frozenset("#=-*_")


def may_be_markup(line: str) -> bool:
    """Could `line` be markup, by how it opens? (Each kind opens, after up to three
    spaces, with one of these: most lines are told by their first character.)"""
    return line.lstrip(" ")[:1] in _MARKUP_OPENERS


def _is_markup(line: str) -> bool:
    """A heading, a setext underline or a thematic break: no sentence ends there."""
    if not may_be_markup(line):
        return False
    return bool(
        ATX_HEADING.match(line) or SETEXT_UNDERLINE.match(line) or THEMATIC_BREAK.match(line)
    )


def _compact(text: str) -> str:
    # The text without its white space (what `\s` matches is what `str.split` splits at:
    # both ask Py_UNICODE_ISSPACE), twice as fast as re.sub.
    return "".join(text.split())


def is_field(text: str) -> bool:
    # A field has its colon: most texts are told apart without compacting them.
    if ":" not in text and "：" not in text:
        return False
    compact = _compact(text)
    return len(compact) <= FIELD_LENGTH and bool(_FIELD.match(compact))


def is_prose(text: str) -> bool:
    # Judged on the ends of the text: a paragraph joined from many pages is not read
    # whole again at each join. A field is short, so 400 characters show one.
    # (A hard break needs a newline; a field, its colon; 60 characters but spaces in the
    # first 120 make prose: each is looked for before the slower way.)
    first, last = prose_ends(text[:400], text[-400:])
    if is_field(first) or is_field(last):
        return False
    prose = prose_from_start(text[:1000])
    return prose if prose is not None else _prose_compact(_compact(text))


def prose_from_start(start: str) -> bool | None:
    """`is_prose`'s last test, past its field tests, from the text's first 1,000
    characters `start`; None when those hold fewer than 60 that are not white space
    (then the whole text is read)."""
    if len(_compact(start[:120])) >= PROSE_LENGTH:
        return True
    compact = _compact(start)
    if len(compact) < PROSE_LENGTH:
        return None
    return _prose_compact(compact)


def prose_ends(first: str, last: str) -> tuple[str, str]:
    """The first and last pieces of a text that `is_prose` tests for a field, from its
    first and last 400 characters."""
    if "\n" in first:
        first = _HARD_BREAK.split(first, maxsplit=1)[0]
    if "\n" in last:
        last = _HARD_BREAK.split(last)[-1]
    return first, last


def _prose_compact(compact: str) -> bool:
    return (
        len(compact) >= PROSE_LENGTH
        or not CLAUSE.isdisjoint(compact)  # a clause mark in it
        or compact.rstrip("".join(CLOSERS))[-1:] in SENTENCE_FINAL
    )


def _is_lowercase(ch: str) -> bool:
    return unicodedata.category(ch) == "Ll"


def ends_mid_clause(text: str, last_newline: int | None = None) -> bool:
    """The first half of a page split: cut on a letter or clause punctuation.

    `last_newline`: where the text's last newline is (-1: none), when the caller knows
    it (a paragraph growing by joins is not searched through again at each join)."""
    stripped = text.rstrip()
    if last_newline is None or len(stripped) != len(text):
        last_newline = stripped.rfind("\n")
    if not stripped or _is_markup(stripped[last_newline + 1 :]):
        return False
    return cut_at(stripped, before_closers(stripped))


def before_closers(stripped: str) -> int:
    """Where the last character of `stripped` is that is no closing quote or bracket (-1: none)."""
    i = len(stripped) - 1
    while i >= 0 and stripped[i] in CLOSERS:
        i -= 1
    return i


def cut_at(stripped: str, i: int) -> bool:
    """`ends_mid_clause` past the markup test, `i` being `before_closers(stripped)`: the
    end of a text that reads as cut mid-clause (only stripped[i - 1:] is read)."""
    if i < 0:
        return False
    last = stripped[i]
    if last in SENTENCE_FINAL:
        return False
    if i < len(stripped) - 1:  # 叫做“群众路线”‖，是…: see is_page_split
        return last.isalpha()
    if last == "-":
        return i > 0 and _is_lowercase(stripped[i - 1])
    return last.isalpha() or last in CLAUSE or last in DASHES


def continues_sentence(text: str) -> bool:
    """The second half of a page split: goes on with the sentence."""
    # A first line indented with ideographic spaces (　　) opens a new paragraph.
    stripped = text.lstrip(" \t")
    if not stripped or _ORDINAL.match(stripped):
        return False
    first = stripped[0]
    return is_ideograph(first) or _is_lowercase(first) or first in CLAUSE


# Code a converter flattened into a paragraph: `print 1 x = 2 print x`.
_CODE_LIKE = lazy(r"\b\w+ = \S|\$[^$\n]+\$|>>>")


def introduces_display(first: str, second: str) -> bool:
    """A Latin sentence ending in a colon introduces what follows it in print (code, a
    figure, a formula); when that landed as text, the break still stands."""
    head = first.rstrip()
    # A Latin sentence: its last letter is Latin (judged on letters, not punctuation,
    # which the punctuation rule widens after this one ran).
    return introduces_after(head, last_letter(head), second)


def last_letter(head: str) -> str:
    return next((ch for ch in reversed(head) if ch.isalpha()), "")


def introduces_after(head: str, last: str, second: str) -> bool:
    """`introduces_display` told the last letter of `head` (stripped at its end)."""
    latin = bool(last) and ord(last) < 0x250
    return (head.endswith((":", "：")) and latin) or bool(
        not cjk_after(second.lstrip(), 0) and _CODE_LIKE.search(second[:60])
    )


def is_page_split(first: Block, second: Block, last_newline: int | None = None) -> bool:
    """Are `first` and `second` the halves of a paragraph a page cut? (`last_newline`:
    where `first`'s last newline is, -1 for none, when the caller knows it.)"""
    return (
        first.kind is BlockKind.PARAGRAPH
        and second.kind is BlockKind.PARAGRAPH
        and ends_mid_clause(first.text, last_newline)
        and continues_sentence(second.text)
        # After a closing quote or bracket only punctuation proves the sentence goes on:
        # 叫做“群众路线”‖，是… joins, ——调寄《临江仙》‖话说… does not.
        and (first.text.rstrip()[-1] not in CLOSERS or second.text.lstrip(" \t")[0] in CLAUSE)
        and is_prose(first.text)
        and is_prose(second.text)
        and not introduces_display(first.text, second.text)
    )


def joint(head: str, tail: str) -> tuple[bool, str]:
    """How the halves `head` (stripped at its end) and `tail` (at its start) join:
    whether head's last character (a hyphen) goes, and what stands between them."""
    if cjk_before(head, len(head)) or cjk_after(tail, 0):
        return False, ""
    if head.endswith("-") and len(head) > 1 and _is_lowercase(head[-2]) and _is_lowercase(tail[0]):
        return True, ""
    return False, " "


def join_halves(first: str, second: str) -> str:
    head, tail = first.rstrip(), second.lstrip(" \t")
    cut, between = joint(head, tail)
    return (head[:-1] if cut else head) + between + tail


def _is_page_number(block: Block) -> bool:
    # `- 41 -` reads as a list item in Markdown
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST) and is_page_number(block.text)


def may_join(source: SourceBlocks) -> bool:
    """Whether any block but the last could be the first half of a page split (a
    paragraph that `ends_mid_clause`): both a join and a page number taken out need
    one before it (`is_page_split`), and until a join the blocks are the section's
    own. Without one the rule changes nothing, and its scan is spared (most
    paragraphs end a sentence)."""
    for block in source.blocks[:-1]:
        # A text whose last character ends a sentence (no closer, no white space: the
        # sets are apart) is told without `ends_mid_clause`'s scans.
        if block.kind is BlockKind.PARAGRAPH and block.text[-1:] not in SENTENCE_FINAL:
            if ends_mid_clause(block.text):
                return True
    return False


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    return scan(source, context) if may_join(source) else source


def scan(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    """The rule without its screen `may_join` (tests compare the two)."""
    # The last block kept grows as halves join it, kept as its pieces (core/repair/growing:
    # a paragraph that 32,000 pages cut is not copied whole at each join).
    from readmark.core.repair.growing import GrowingParagraph

    blocks: list[Block] = []  # the blocks kept, but for the last one
    pending = list(source.blocks)
    pending.reverse()
    label = ""  # the printed page whose number was just taken out: it starts next
    last: GrowingParagraph | None = None
    while pending:
        block = pending.pop()
        # A page number left between the halves of a sentence cut by the page
        # (`…群众` / `- 41 -` / `观、权力观…`) is the page's, not the text's; it is
        # kept as an invisible mark where the page starts (core/repair/page_marks).
        if (
            last is not None
            and pending
            and _is_page_number(block)
            and last.continued_by(pending[-1])
        ):
            context.counts.page_numbers += 1
            label = page_label(block.text)
            continue
        if last is not None and last.continued_by(block):
            if label:
                whole = last.block()
                joined = join_halves(whole.text, block.text)
                tail = visible_count(block.text.lstrip(" \t"))
                joined = insert_token(joined, visible_count(joined) - tail, label)
                last = GrowingParagraph(whole.with_text(joined))
            else:
                last.join(block)
            context.counts.page_splits += 1
            label = ""
        else:
            if last is not None:
                blocks.append(last.block())
            last = GrowingParagraph(block)
            label = ""
    if last is not None:
        blocks.append(last.block())
    return source.with_blocks(blocks)


PAGE_SPLIT_JOIN = RepairRule(
    name="page_split_join",
    description=QT_TRANSLATE_NOOP(
        "RepairRule",
        "Join paragraphs that the printed book's page breaks cut in two",
    ),
    apply=_apply,
)
