"""Justified or ragged paragraphs, as the reader prefers, over what the book says.

Qt's rich text ignores `text-align` in a default stylesheet, so the choice is
applied to the laid-out document: body paragraphs (not headings, list items,
table cells, code, or lines the book centres or sets right) become justified or
left-aligned. Only block formats change, never the text: offsets, highlights
and copied text stay as they were.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat

# The block's alignment is read and set as the integer Qt keeps it under: asking
# `QTextBlockFormat.alignment()` returns a `Qt.AlignmentFlag`, and the first value
# of the `Qt` namespace built costs ~15 ms, which the first screen need not pay
# (readmark/lazy_qt.py). Qt's values (qnamespace.h), checked against PySide's in
# tests/ui/test_first_paint_enums.py:
LEFT = 0x1  # Qt.AlignLeft, also what Qt.AlignLeading is
JUSTIFY = 0x8  # Qt.AlignJustify
HORIZONTAL = 0x1F  # Qt.AlignHorizontal_Mask
_ALIGNMENT = QTextFormat.Property.BlockAlignment


def horizontal_alignment(block: QTextBlock) -> int:
    """The horizontal part of the block's alignment; 0 when the book set none."""
    return block.blockFormat().intProperty(_ALIGNMENT) & HORIZONTAL


def _is_body_paragraph(block: QTextBlock) -> bool:
    fmt = block.blockFormat()
    if fmt.headingLevel() > 0 or fmt.nonBreakableLines() or block.textList() is not None:
        return False
    cursor = QTextCursor(block)
    if cursor.currentTable() is not None:
        return False
    side = horizontal_alignment(block)
    # No horizontal flag or AlignLeft (= AlignLeading) is "as usual".
    return side in (LEFT, JUSTIFY) or not side


def align_paragraphs(document: QTextDocument, justify: bool) -> int:
    """Justify (or left-align) every body paragraph; the number of blocks changed."""
    wanted = JUSTIFY if justify else LEFT
    changed = 0
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    while block.isValid():
        # Qt reads an alignment it was never given as AlignLeft: so does this.
        if _is_body_paragraph(block) and (horizontal_alignment(block) or LEFT) != wanted:
            fmt = block.blockFormat()
            fmt.setProperty(_ALIGNMENT, wanted)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            changed += 1
        block = block.next()
    cursor.endEditBlock()
    return changed
