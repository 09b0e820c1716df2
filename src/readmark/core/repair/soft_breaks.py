"""cjk_soft_breaks: a line break between two Chinese characters is removed.

Inside a paragraph Markdown turns a single newline into a space, which in Chinese
shows as a stray gap. A hard break (two trailing spaces or a backslash) is kept,
and so is every newline with Latin text, digits or Markdown syntax on either side.
"""

from __future__ import annotations

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.repair.blocks import BlockKind, SourceBlocks
from readmark.core.repair.cjk import cjk_after, cjk_before
from readmark.core.repair.inline import protected_mask
from readmark.core.repair.rule import RepairContext, RepairRule

_KINDS = (BlockKind.PARAGRAPH, BlockKind.NOTE, BlockKind.FOOTNOTE_DEF)


def join_cjk_lines(text: str) -> str:
    if "\n" not in text:
        return text
    mask = protected_mask(text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == "\n" and not mask[i] and cjk_before(text, i) and cjk_after(text, i + 1):
            continue
        out.append(ch)
    return "".join(out)


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    blocks = [
        block.with_text(join_cjk_lines(block.text)) if block.kind in _KINDS else block
        for block in source.blocks
    ]
    return source.with_blocks(blocks)


CJK_SOFT_BREAKS = RepairRule(
    name="cjk_soft_breaks",
    description=QT_TRANSLATE_NOOP(
        "RepairRule",
        "Remove line breaks inside a paragraph between Chinese characters, "
        "which would show as stray spaces",
    ),
    apply=_apply,
)
