"""The ordered rules and the one call the Markdown renderer makes."""

from __future__ import annotations

from collections.abc import Sequence

from readmark.core.repair.blocks import split_blocks
from readmark.core.repair.captions import CAPTIONS_OUT_OF_SENTENCES
from readmark.core.repair.footnotes import STRANDED_FOOTNOTES
from readmark.core.repair.line_paragraphs import LINE_PARAGRAPHS
from readmark.core.repair.page_splits import PAGE_SPLIT_JOIN
from readmark.core.repair.punctuation import CJK_PUNCTUATION
from readmark.core.repair.rule import RepairContext, RepairCounts, RepairRule
from readmark.core.repair.running_headers import RUNNING_HEADERS
from readmark.core.repair.soft_breaks import CJK_SOFT_BREAKS

# Order matters: running headers go first, so the bodies at a page foot and the
# halves of a sentence the page cut stand next to each other; footnote bodies leave
# the page break before its halves are joined; lines become paragraphs before soft
# breaks would join them; a figure inside a sentence moves out before the halves are
# joined; punctuation is made full-width before soft breaks look for CJK on both sides.
RULES: tuple[RepairRule, ...] = (
    RUNNING_HEADERS,
    STRANDED_FOOTNOTES,
    LINE_PARAGRAPHS,
    CAPTIONS_OUT_OF_SENTENCES,
    PAGE_SPLIT_JOIN,
    CJK_PUNCTUATION,
    CJK_SOFT_BREAKS,
)


_PASSES = 3


def repair_markdown(
    source: str,
    *,
    id_prefix: str = "",
    rules: Sequence[RepairRule] | None = None,
    counts: RepairCounts | None = None,
    headers: frozenset[str] = frozenset(),
) -> str:
    """Repair the Markdown source of one section converted from print.

    Works on the text only (the file on disk is never touched) and returns the
    source unchanged when no rule applies. `id_prefix` keeps the footnote ids of
    different sections of one book apart; `counts`, when given, adds up what was done;
    `headers` are the short lines the whole book repeats (`book_headers`), so a running
    header is known even in a section too short to repeat it three times.
    """
    chosen = RULES if rules is None else tuple(rules)
    if not chosen or not source:
        return source
    context = RepairContext(id_prefix=id_prefix, counts=counts or RepairCounts(), headers=headers)
    # One rule's work can give another new evidence (a note taken out leaves two halves
    # side by side; a join leaves a header between a sentence's halves): the rules run
    # again on their own output until it stays as it is (a second pass costs 1–2 ms a
    # section), so repairing the repaired text changes nothing.
    for _ in range(_PASSES):
        blocks = split_blocks(source)
        for rule in chosen:
            blocks = rule.apply(blocks, context)
        repaired = blocks.join()
        if repaired == source:
            break
        source = repaired
    return source
