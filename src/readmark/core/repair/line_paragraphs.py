"""line_paragraphs: in Chinese text written one paragraph per line, each line is
a paragraph again.

Many Chinese texts put every paragraph on its own line with no blank line in
between. Markdown reads such lines as one paragraph, so a whole chapter would
become one block. Hard-wrapped text (every line cut near the same width, often
mid-sentence) must not be split, so a block counts as one-paragraph-per-line only
when its line lengths vary freely; then a line that ends a sentence ends its
paragraph. An ATX heading directly followed by text is separated from it too.
"""

from __future__ import annotations

from readmark.core.formats.markdown.grammar import ATX_HEADING
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.lazy_re import lazy
from readmark.core.repair.blocks import Block, BlockKind, SourceBlocks, classify
from readmark.core.repair.cjk import CLOSERS, SENTENCE_FINAL, is_cjk
from readmark.core.repair.rule import RepairContext, RepairRule

_HARD_BREAK = lazy(r"(?:  |\\)$")


def _mostly_cjk(text: str) -> bool:
    letters = [ch for ch in text if not ch.isspace()]
    return bool(letters) and sum(map(is_cjk, letters)) * 2 > len(letters)


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(" \t")
    i = len(stripped) - 1
    while i >= 0 and stripped[i] in CLOSERS:
        i -= 1
    return i >= 0 and stripped[i] in SENTENCE_FINAL


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at one width: most (all but the last) are within a few
    characters of the longest."""
    body = [len(line.strip()) for line in lines[:-1]]
    if not body:
        return False
    width = max(body)
    near = sum(1 for n in body if n >= width - max(2, width // 10))
    return near * 10 >= len(body) * 7


def split_lines(text: str) -> list[str]:
    """The block's paragraphs, when it is written one paragraph per line."""
    if "\n" not in text:
        return [text]  # one line (most paragraphs): not split into a list of one
    lines = text.split("\n")
    if len(lines) < 2 or not _mostly_cjk(text) or _hard_wrapped(lines):
        return [text]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        current.append(line)
        if _ends_sentence(line) and not _HARD_BREAK.search(line):
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _apply(source: SourceBlocks, context: RepairContext) -> SourceBlocks:
    blocks: list[Block] = []
    for block in source.blocks:
        pieces: list[str]
        if block.kind is BlockKind.HEADING and ATX_HEADING.match(block.text) and "\n" in block.text:
            heading, rest = block.text.split("\n", 1)
            pieces = [heading, *split_lines(rest)] if _mostly_cjk(rest) else [block.text]
        elif block.kind is BlockKind.PARAGRAPH:
            pieces = split_lines(block.text)
        else:
            pieces = [block.text]
        if len(pieces) == 1:
            blocks.append(block)
            continue
        for i, piece in enumerate(pieces):
            gap = block.gap if i == 0 else "\n\n"
            blocks.append(Block(classify(piece), piece, gap))
    return source.with_blocks(blocks)


LINE_PARAGRAPHS = RepairRule(
    name="line_paragraphs",
    description=QT_TRANSLATE_NOOP(
        "RepairRule",
        "Treat each line as a paragraph in Chinese text written one paragraph per line",
    ),
    apply=_apply,
)
