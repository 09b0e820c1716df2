"""Justified or ragged paragraphs, as the reader prefers, over what the book says.

Qt's rich text ignores `text-align` in a default stylesheet, so the choice is
applied to the laid-out document: body paragraphs (not headings, list items,
table cells, code, or lines the book centres or sets right) become justified or
left-aligned. Only block formats change, never the text: offsets, highlights
and copied text stay as they were.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

_LEFT = Qt.AlignmentFlag.AlignLeft
_JUSTIFY = Qt.AlignmentFlag.AlignJustify
_HORIZONTAL = Qt.AlignmentFlag.AlignHorizontal_Mask


def _is_body_paragraph(block: QTextBlock) -> bool:
    fmt = block.blockFormat()
    if fmt.headingLevel() > 0 or fmt.nonBreakableLines() or block.textList() is not None:
        return False
    cursor = QTextCursor(block)
    if cursor.currentTable() is not None:
        return False
    side = fmt.alignment() & _HORIZONTAL
    # Qt reports no horizontal flag, AlignLeft or AlignLeading for "as usual".
    return side in (_LEFT, _JUSTIFY, Qt.AlignmentFlag.AlignLeading) or not side


def align_paragraphs(document: QTextDocument, justify: bool) -> int:
    """Justify (or left-align) every body paragraph; the number of blocks changed."""
    wanted = _JUSTIFY if justify else _LEFT
    changed = 0
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    while block.isValid():
        if _is_body_paragraph(block) and (block.blockFormat().alignment() & _HORIZONTAL) != wanted:
            fmt = block.blockFormat()
            fmt.setAlignment(wanted)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            changed += 1
        block = block.next()
    cursor.endEditBlock()
    return changed
