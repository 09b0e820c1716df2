"""Spaces in justified Chinese and Japanese text that do not stretch.

Qt justifies a line at its spaces only, and between characters only when the
line has no space at all. A Chinese line with a Latin word in it (`Readmark 是
一款…`) therefore gets all its spare width — up to a long Latin word's worth,
when that word wrapped to the next line — in the one or two spaces beside it.
Chinese print justifies between the characters instead.

So in a justified paragraph of mostly Chinese or Japanese text, each ASCII space
is drawn as a zero-width space (U+200B: a line may break there, and Qt does not
count it as a space when justifying) carrying letter spacing as wide as the
space was. The line looks the same unjustified, and justified its spare width
goes between the characters. One character for one: document positions do not
move, and the canonical text, taken from the section's HTML, still has its
spaces (text_map pairs only visible characters, and skips zero-width spaces).
Korean puts spaces between words and keeps them.

The cost: Qt shares a line's spare width among all its characters, so a Latin
word on such a line is letter-spaced by the same pixel or two as the Chinese
around it — far less visible than a gap of several characters.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from readmark.core.scripts import is_chinese_or_japanese
from readmark.ui.reader.alignment import JUSTIFY, horizontal_alignment

SPACER = "\u200b"  # zero-width space


def _mostly_unspaced(text: str) -> bool:
    """Chinese or Japanese fill more of the line than Latin letters (a character
    of theirs is about as wide as two Latin letters)."""
    unspaced = letters = 0
    for ch in text:
        if is_chinese_or_japanese(ch):
            unspaced += 1
        elif ch.isalnum():
            letters += 1
    return unspaced > 0 and 2 * unspaced >= letters


def _needs_fixed_spaces(block: QTextBlock) -> bool:
    # As an int: `alignment()` would build the `Qt` namespace (readmark/lazy_qt.py).
    return bool(horizontal_alignment(block) & JUSTIFY) and _mostly_unspaced(block.text())


def fix_spaces(document: QTextDocument) -> list[int]:
    """Make the spaces of justified Chinese and Japanese paragraphs fixed-width;
    returns the positions changed, in order (see `restore_spaces`)."""
    spaces: list[tuple[int, QTextCharFormat]] = []  # found first: editing splits fragments
    block = document.begin()
    while block.isValid():
        if " " in block.text() and _needs_fixed_spaces(block):
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fragments += 1
                text = fragment.text()
                at = text.find(" ")
                if at < 0:
                    continue
                # The fragment's own format (link, bold, code…) with letter spacing
                # as wide as its space.
                fmt = fragment.charFormat()
                font = fmt.font().resolve(document.defaultFont())
                width = QFontMetricsF(font).horizontalAdvance(" ")
                fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
                fmt.setFontLetterSpacing(width)
                base = fragment.position()
                while at >= 0:
                    spaces.append((base + at, fmt))
                    at = text.find(" ", at + 1)
        block = block.next()
    if not spaces:
        return []
    cursor = QTextCursor(document)
    keep = QTextCursor.MoveMode.KeepAnchor
    cursor.beginEditBlock()
    for position, fmt in spaces:
        cursor.setPosition(position)
        cursor.setPosition(position + 1, keep)
        cursor.insertText(SPACER, fmt)
    cursor.endEditBlock()
    return [position for position, _fmt in spaces]


def restore_spaces(text: str, start: int, changed: list[int]) -> str:
    """`text`, taken from the document at position `start`, with the spaces
    `fix_spaces` changed written as spaces again."""
    first = bisect_left(changed, start)
    last = bisect_left(changed, start + len(text))
    if first == last:
        return text
    chars = list(text)
    for position in changed[first:last]:
        chars[position - start] = " "
    return "".join(chars)
