"""stranded_footnotes: a footnote body left at a page bottom becomes a real footnote.

A print conversion leaves each page's footnotes where the page ended, usually
after a `---` page rule, in the middle of the running text:

    …才能始终走在时代前列。”<sup>①</sup> … 马克思

    ---

    <sup>①</sup> 《坚定不移沿着…》，第49页，人民出版社2012年版。

    主义唯物史观认为…

Each body is matched to the nearest marker before it with the same symbol that no
earlier body took (print restarts numbering on every page, so ① recurs). The marker
becomes `[^{prefix}fnN]`, the body a definition `[^{prefix}fnN]: …` at the end of
the section, and the page rule before the bodies goes too. A body with no marker
before it stays where it is: text is never lost. A rule not followed by a body is
a real thematic break and stays.

Bodies are `<sup>①</sup> text` (also `<sup>1</sup>`, `<sup>[1]</sup>`, `<sup>*</sup>`,
`$^{1}$ text`, `¹ text`, marker's `<span id="page-159-1"></span><sup>1</sup>text`)
anywhere, or bare `① text` / `[1] text` only right after a page rule, where they
cannot be an enumeration or a citation. A bare digit (`4 See Faretta…`) is a body only
at a page foot (after a page rule, before a page number or rule, or between the halves
of a sentence the page cut) and only when a bare digit after a word (`之協助 4，`) in
the page above marks it (core/repair/note_shapes says which shapes match which).
A body taken out of a sentence the page cut leaves its halves to be joined; when the
first half is the last item of a list, they are joined here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.repair.blocks import Block, BlockKind, SourceBlocks
from readmark.core.repair.cjk import cjk_after, cjk_before
from readmark.core.repair.furniture import is_page_number
from readmark.core.repair.inline import protected_mask
from readmark.core.repair.note_shapes import (
    BARE_BODY,
    SUPERSCRIPT_BODY,
    body_anchor_ids,
    body_symbol,
    is_bare_digit_body,
    is_labelled_body,
    marker_pattern,
    numbering_word_before,
)
from readmark.core.repair.page_splits import continues_sentence, ends_mid_clause, join_halves
from readmark.core.repair.rule import RepairContext, RepairRule

_BARE_LOOKBACK = 12  # blocks: how far above its body a bare digit marker may stand
# Blocks a section's notes may look through for their markers, all together: a note
# looks as far up as it needs (endnotes gathered at a chapter's end) until a hostile
# section of thousands of unmarked bodies has spent it; then each looks 40 blocks up.
_SCAN_BUDGET = 30_000
_LOOKBACK = 40
_RUN_LOOKBACK = 50  # bodies: how far back a run of bare bodies is followed to its rule
# Blocks whose text may carry a marker.
_RUNNING_TEXT = (BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE, BlockKind.HEADING)


@dataclass(frozen=True)
class _Note:
    symbol: str  # "①", "1", "*"
    bare: bool  # written without a superscript
    body: str  # the note's text, marker removed
    lines: tuple[str, ...]  # as written, to put back if no marker is found
    anchors: tuple[str, ...] = ()  # ids of the anchors before the body (marker's links)
    bare_digit: bool = False  # `4 See…`: marked by a bare digit after a word
    flattened: bool = False  # `<sup>3.</sup>` body, its marker a bare digit after a stop


def _body_match(line: str, bare: bool) -> re.Match[str] | None:
    return (BARE_BODY if bare else SUPERSCRIPT_BODY).match(line)


def _parse_notes(text: str, bare: bool) -> list[_Note]:
    """Split a block of bodies into notes: each line starting with a marker opens one."""
    groups: list[list[str]] = []
    for line in text.split("\n"):
        if _body_match(line, bare) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    notes = []
    for lines in groups:
        match = _body_match(lines[0], bare)
        assert match is not None
        parts = [lines[0][match.end() :].strip()] + [line.strip() for line in lines[1:]]
        body = parts[0]
        for part in parts[1:]:
            if part:
                joint = "" if cjk_before(body, len(body)) or cjk_after(part, 0) else " "
                body = body + joint + part if body else part
        notes.append(
            _Note(
                body_symbol(match),
                bare,
                body,
                tuple(lines),
                body_anchor_ids(match),
                is_bare_digit_body(match),
            )
        )
    return notes


def _marker_pattern(note: _Note) -> re.Pattern[str]:
    if note.bare_digit or not note.bare:
        return marker_pattern(note.symbol, note.anchors, note.bare_digit, not note.flattened)
    symbol = re.escape(note.symbol)
    if note.symbol.isascii() and note.symbol.isdigit():
        sup = rf"<sup>[ \t]*(?:{symbol}|\[{symbol}\])[ \t]*</sup>"
        bare = rf"(?<![\]!\\])\[{symbol}\](?![(\[:])"
    else:
        sup = rf"<sup>[ \t]*{symbol}[ \t]*</sup>"
        bare = symbol if not note.symbol.startswith("*") else ""
    return re.compile(f"{sup}|{bare}" if note.bare and bare else sup)


def _take_marker(
    blocks: list[Block], before: int, note: _Note, ref: str, budget: list[int]
) -> bool:
    """Replace the nearest marker for `note` before block `before`; False if none.
    `budget` holds the blocks the section's notes may still look through."""
    pattern = _marker_pattern(note)
    if note.bare_digit:
        lowest = max(-1, before - 1 - _BARE_LOOKBACK)
    else:
        lowest = -1 if budget[0] > 0 else max(-1, before - 1 - _LOOKBACK)
    budget[0] -= before - 1 - lowest
    for index in range(before - 1, lowest, -1):
        block = blocks[index]
        if note.bare_digit and block.kind is BlockKind.THEMATIC_BREAK and index < before - 1:
            return False  # a page rule above: the marker would be on another page
        if block.kind not in _RUNNING_TEXT:
            continue
        if not pattern.search(block.text):
            continue
        # A bare digit inside a link, a URL, a note reference or markup is never a marker.
        mask = protected_mask(block.text, code_only=not note.bare_digit)
        found = [
            m
            for m in pattern.finditer(block.text)
            if not mask[m.start()]
            and not _would_define(block.text, m.start(), m.end())
            and not (note.bare_digit and numbering_word_before(block.text, m.start()))
        ]
        if found:
            last = found[-1]
            start = last.start()
            # `之協助 4，`, `on Github. 1`: the space OCR put before a raised digit goes.
            if note.bare_digit and start > 1 and block.text[start - 1] in " \u3000":
                start -= 1
            text = block.text[:start] + ref + block.text[last.end() :]
            blocks[index] = Block(block.kind, text, block.gap)  # kind kept: only a marker changed
            return True
    return False


def _take_flattened_marker(
    blocks: list[Block], before: int, note: _Note, ref: str, budget: list[int]
) -> bool:
    """A body printed with a raised number (`<sup>3.</sup> See Section 2.2…`) whose
    marker the converter flattened into the line (`…to a single expert.3 (3) The…`):
    looked for as a bare digit is, with the same evidence (right after a word or its
    punctuation, never in a number, a quantity or after `chapter`), and as near."""
    if note.bare or not (note.symbol.isascii() and note.symbol.isdigit()):
        return False
    flattened = _Note(note.symbol, False, note.body, note.lines, note.anchors, True, True)
    return _take_marker(blocks, before, flattened, ref, budget)


def _would_define(text: str, start: int, end: int) -> bool:
    """Would a reference here read as a footnote definition ("[^fn1]:" opening a line)?"""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start].strip(" ") == "" and text[end : end + 1] == ":"


def _is_body(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    if block.kind is BlockKind.NOTE:
        return True
    match = BARE_BODY.match(block.text) if block.kind is BlockKind.PARAGRAPH else None
    if match is None:
        return False

    def bare(k: int) -> bool:
        return blocks[k].kind is BlockKind.NOTE or bool(BARE_BODY.match(blocks[k].text))

    # Bare "① text" only counts right after a page rule (or another body after one).
    j = index - 1
    while j >= 0 and bare(j) and index - j < _RUN_LOOKBACK:
        j -= 1
    if (j >= 0 and blocks[j].kind is BlockKind.THEMATIC_BREAK) or is_labelled_body(match):
        return True
    if not is_bare_digit_body(match):
        return False
    # `4 See Faretta…` also before a page number or rule, or inside a sentence the page cut.
    k = index + 1
    while k < len(blocks) and bare(k) and k - index < _RUN_LOOKBACK:
        k += 1
    if k < len(blocks) and (
        blocks[k].kind is BlockKind.THEMATIC_BREAK or is_page_number(blocks[k].text)
    ):
        return True
    return (
        0 <= j
        and k < len(blocks)
        and blocks[j].kind in (BlockKind.PARAGRAPH, BlockKind.LIST)
        and blocks[k].kind is BlockKind.PARAGRAPH
        and ends_mid_clause(blocks[j].text)
        and continues_sentence(blocks[k].text)
    )


def _close_list_item(blocks: list[Block], at: int, context: RepairContext) -> None:
    """A list's last item cut by the page whose bodies were just taken out: the rest of
    the item (`other algorithms` ‖ `run slower in this case.`) goes back into it.
    Two paragraphs are left to page_split_join, which weighs more evidence."""
    if not 0 < at < len(blocks):
        return
    first, second = blocks[at - 1], blocks[at]
    if (
        first.kind is BlockKind.LIST
        and second.kind is BlockKind.PARAGRAPH
        and ends_mid_clause(first.text)
        and continues_sentence(second.text)
        and not second.text.lstrip()[:1].isupper()
    ):
        blocks[at - 1] = Block(BlockKind.LIST, join_halves(first.text, second.text), first.gap)
        del blocks[at]
        context.counts.page_splits += 1


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    """Notes attached until none is left to attach: taking one out can change what
    stands around another (a page rule gone, a body no longer at a page foot), and a
    repair run again on its own output must change nothing."""
    for _ in range(4):
        attached = _attach_once(source, context)
        if attached is source:
            break
        source = attached
    return source


def _attach_once(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    blocks = list(source.blocks)
    budget = [_SCAN_BUDGET]
    # The ids the section already has, read from all of it when the first body is
    # met (most sections have none: their text is not joined and searched for them).
    used: set[str] | None = None
    counter = 0
    definitions: list[Block] = []
    index = 0
    while index < len(blocks):
        if not _is_body(blocks, index):
            index += 1
            continue
        run_start = index
        kept: list[Block] = []
        while index < len(blocks) and _is_body(blocks, index):
            block = blocks[index]
            left: list[str] = []
            if used is None:
                used = set(re.findall(r"\[\^([^\]\n]+)\]", source.join()))
            for note in _parse_notes(block.text, bare=block.kind is not BlockKind.NOTE):
                number = counter + 1
                while f"{context.id_prefix}fn{number}" in used:  # ids the section already has
                    number += 1
                note_id = f"{context.id_prefix}fn{number}"
                ref = f"[^{note_id}]"
                if _take_marker(blocks, run_start, note, ref, budget) or _take_flattened_marker(
                    blocks, run_start, note, ref, budget
                ):
                    counter = number
                    context.counts.footnotes += 1
                    definitions.append(Block(BlockKind.FOOTNOTE_DEF, f"[^{note_id}]: {note.body}"))
                else:
                    left.extend(note.lines)  # no marker for it: the body stays where it was
            if left:
                kept.append(block.with_text("\n".join(left)))
            index += 1
        # The page rule goes with the bodies, unless one of them had to stay.
        rule = run_start - 1
        drop_rule = not kept and rule >= 0 and blocks[rule].kind is BlockKind.THEMATIC_BREAK
        first = rule if drop_rule else run_start
        blocks[first:index] = kept
        index = first + len(kept)
        if not kept:
            _close_list_item(blocks, first, context)
    if not definitions:
        return source
    return source.with_blocks(blocks + definitions)


STRANDED_FOOTNOTES = RepairRule(
    name="stranded_footnotes",
    description=QT_TRANSLATE_NOOP(
        "RepairRule",
        "Turn footnotes left at the bottom of printed pages into real footnotes "
        "linked from their markers",
    ),
    apply=_apply,
)
