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

Bodies are `<sup>①</sup> text` (also `<sup>1</sup>`, `<sup>[1]</sup>`, `<sup>*</sup>`)
anywhere, or bare `① text` / `[1] text` only right after a page rule, where they
cannot be an enumeration or a citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.repair.blocks import NOTE_BODY, Block, BlockKind, SourceBlocks
from readmark.core.repair.cjk import cjk_after, cjk_before
from readmark.core.repair.inline import protected_mask
from readmark.core.repair.rule import RepairContext, RepairRule

_BARE_BODY = re.compile(r"^ {0,3}(?P<sym>[\u2460-\u2473]|\[\d{1,3}\])[ \t\u3000]*(?=\S)")
# Blocks whose text may carry a marker.
_RUNNING_TEXT = (BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE, BlockKind.HEADING)


@dataclass(frozen=True)
class _Note:
    symbol: str  # "①", "1", "*"
    bare: bool  # written without <sup>
    body: str  # the note's text, marker removed
    lines: tuple[str, ...]  # as written, to put back if no marker is found


def _body_match(line: str, bare: bool) -> re.Match[str] | None:
    return (_BARE_BODY if bare else NOTE_BODY).match(line)


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
        notes.append(_Note(match.group("sym").strip("[]"), bare, body, tuple(lines)))
    return notes


def _marker_pattern(note: _Note) -> re.Pattern[str]:
    symbol = re.escape(note.symbol)
    if note.symbol.isascii() and note.symbol.isdigit():
        sup = rf"<sup>[ \t]*(?:{symbol}|\[{symbol}\])[ \t]*</sup>"
        bare = rf"(?<![\]!\\])\[{symbol}\](?![(\[:])"
    else:
        sup = rf"<sup>[ \t]*{symbol}[ \t]*</sup>"
        bare = symbol if not note.symbol.startswith("*") else ""
    return re.compile(f"{sup}|{bare}" if note.bare and bare else sup)


def _take_marker(blocks: list[Block], before: int, note: _Note, ref: str) -> bool:
    """Replace the nearest marker for `note` before block `before`; False if none."""
    pattern = _marker_pattern(note)
    for index in range(before - 1, -1, -1):
        block = blocks[index]
        if block.kind not in _RUNNING_TEXT:
            continue
        if not pattern.search(block.text):
            continue
        mask = protected_mask(block.text, code_only=True)
        found = [
            m
            for m in pattern.finditer(block.text)
            if not mask[m.start()] and not _would_define(block.text, m.start(), m.end())
        ]
        if found:
            last = found[-1]
            text = block.text[: last.start()] + ref + block.text[last.end() :]
            blocks[index] = Block(block.kind, text, block.gap)  # kind kept: only a marker changed
            return True
    return False


def _would_define(text: str, start: int, end: int) -> bool:
    """Would a reference here read as a footnote definition ("[^fn1]:" opening a line)?"""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start].strip(" ") == "" and text[end : end + 1] == ":"


def _is_body(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    if block.kind is BlockKind.NOTE:
        return True
    if block.kind is not BlockKind.PARAGRAPH or not _BARE_BODY.match(block.text):
        return False
    # Bare "① text" only counts right after a page rule (or another body after one).
    j = index - 1
    while j >= 0 and (blocks[j].kind is BlockKind.NOTE or _BARE_BODY.match(blocks[j].text)):
        j -= 1
    return j >= 0 and blocks[j].kind is BlockKind.THEMATIC_BREAK


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    blocks = list(source.blocks)
    used = set(re.findall(r"\[\^([^\]\n]+)\]", source.join()))
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
            for note in _parse_notes(block.text, bare=block.kind is not BlockKind.NOTE):
                number = counter + 1
                while f"{context.id_prefix}fn{number}" in used:  # ids the section already has
                    number += 1
                note_id = f"{context.id_prefix}fn{number}"
                if _take_marker(blocks, run_start, note, f"[^{note_id}]"):
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
