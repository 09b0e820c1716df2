"""Footnotes at a page foot of a plain-text book converted from print.

A page's note stands at its foot, after the text; when the page cut a sentence, the
note stands between its halves (`…so disagreeable` / `*Hay fever regularly…` /
`were the sensations…`). close_pages (page_splits.py) takes such a note out of the sentence
and puts it after it; here it is recognised and linked from its marker in the page
above: `*`, `†`, `¹` right after a word, or a bare digit after a word (`之協助 4，`,
`California.4 The`) for a note numbered `4 See Faretta…` — that one only when its marker
is found, never a year, a quantity or `chapter 4` (core/repair/note_shapes).
The renderer makes links of the private-use marks placed here (`NOTE_REF`, `NOTE_BODY`).
"""

from __future__ import annotations

import re

from readmark.core.repair.note_shapes import marker_pattern, numbering_word_before

_NOTE_START = re.compile(r"^[*†‡¹²³⁴⁵⁶⁷⁸⁹]")
# A note numbered with a bare digit (`4 See Faretta v. California…`): a note only when
# a bare digit after a word in the page above marks it (core/repair/note_shapes).
_DIGIT_NOTE = re.compile(r"^([1-9]\d?)[ \t\u3000]+(?=[A-Z“\"(\u4e00-\u9fff])")
# What the renderer makes a footnote link of (`note_links`): private-use characters
# around the note's number, for its marker in the text and for its body.
NOTE_REF = re.compile("\ue000(\\d+)\ue001")
NOTE_BODY = re.compile("\ue002(\\d+)\ue003")
_NOTE_LOOKBACK = 80  # lines: how far above its body a note's marker may stand


def link_note(note: list[str], out: list[str]) -> list[str]:
    """The note's lines, its marker in the page above (`physicians.*`) made a
    reference to it; the lines as they were when no marker is found."""
    found = _note_marker(note[0], out)
    if found is None:
        return note
    k, start, end = found
    number = sum(line.count("\ue000") for line in out) + 1  # markers placed so far
    out[k] = out[k][:start] + f"\ue000{number}\ue001" + out[k][end:]
    head = note[0].lstrip()
    digits = _DIGIT_NOTE.match(head)
    first = head[digits.end() :] if digits else head[1:].lstrip()
    return [f"\ue002{number}\ue003{first}", *note[1:]]


def _note_marker(first_line: str, out: list[str]) -> tuple[int, int, int] | None:
    """Where the marker of the note opening with `first_line` stands in the page above:
    (line, start, end), the space OCR set before a bare digit included; None if nowhere."""
    head = first_line.lstrip()
    digits = _DIGIT_NOTE.match(head)
    if digits:
        marker = marker_pattern(digits.group(1), (), bare_digit=True)
    else:
        marker = re.compile(rf"(?<=\S){re.escape(head[0])}(?=[\s,.;:)]|$)")
    for k in range(len(out) - 1, max(-1, len(out) - _NOTE_LOOKBACK), -1):
        found = [
            m
            for m in marker.finditer(out[k])
            if not (digits and numbering_word_before(out[k], m.start()))
        ]
        if found:
            start, end = found[-1].start(), found[-1].end()
            if digits and start > 1 and out[k][start - 1] in " \u3000":
                start -= 1  # `之協助 4，`: the raised digit's space goes with it
            return k, start, end
    return None


def trailing_note(out: list[str]) -> list[str]:
    """The last block of `out` (from its last blank line) when it is a footnote body
    at a page foot (`*Hay fever regularly…`), with the blank lines before it."""
    end = len(out)
    while end and not out[end - 1].strip():
        end -= 1
    start = end
    while start and out[start - 1].strip():
        start -= 1
    if start == end or not start:
        return []
    head = out[start].lstrip()
    if not _NOTE_START.match(head) and not (
        _DIGIT_NOTE.match(head) and _note_marker(head, out[:start]) is not None
    ):
        return []
    while start and not out[start - 1].strip():
        start -= 1
    return out[start:]


def set_off_foot_note(out: list[str]) -> None:
    """A note pdftotext set right under the page's last line, with no blank line between
    (`…there are some problems:` / `1 But if you get a question like this…`): a blank
    line put before it, so that it is a block of its own at the page foot. Only a line
    opening a note (`1 But…`, `*Hay fever…`) whose marker stands in the text above
    (`…/Radix_sort)1 .`), and only in the last block before the page break."""
    end = len(out)
    while end and not out[end - 1].strip():
        end -= 1
    start = end
    while start and out[start - 1].strip():
        start -= 1
    for k in range(start + 1, end):
        head = out[k].lstrip()
        if (_DIGIT_NOTE.match(head) or _NOTE_START.match(head)) and _note_marker(
            head, out[:k]
        ) is not None:
            out.insert(k, "")
            return


def link_foot_note(out: list[str], note: list[str]) -> bool:
    """The page-foot note ending `out` (`trailing_note`) linked from its marker where it
    stands, at the end of its page; whether a marker was found."""
    start = len(out) - len(note)
    body = [line for line in out[start:] if line.strip()]
    del out[start:]
    linked = link_note(body, out)
    out.extend(["", *linked])
    return linked[0].startswith("\ue002")
