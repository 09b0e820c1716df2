"""Captions a printed page put inside a sentence of a plain-text book converted from
print, moved out of it.

pdftotext sets a figure's caption where the figure stood on the page, which is often
between the halves of a sentence the page cut (Think Python, Appendix B):

    …We start with 2 LinearMaps, so the first 2 adds are fast (no resizing
    required). Let's say that

    250
    Appendix B. Analysis of Algorithms

    Figure B.1.: The cost of a hashtable add.

    they take one unit of work each. The next add requires a resize, …

close_pages (page_splits.py) drops the page's number and header; what stands between the
halves then is only the caption. When every line there is a caption that says it is
one (`Figure B.1.: …`, `Table 2`, `图 3-1`, `Courtesy of …`, `Photograph by …`:
core/repair/captions, the Markdown repair's own test) and the sentence goes on after
it, the halves are joined and the caption stands after the sentence's paragraph, a
paragraph of its own, as the Markdown repair does. An ALL-CAPS line is not taken for
a caption here: a plain-text page sets its running header alike.
"""

from __future__ import annotations

from collections.abc import Callable

from readmark.core.formats.plaintext.layout import Layout, display_width, ends_with_room
from readmark.core.repair.captions import is_labelled_caption
from readmark.core.repair.page_marks import MARK_START, strip_marks


def only_captions(lines: list[str]) -> bool:
    """Whether these lines (blank ones aside) are all captions, and there is one."""
    texts = [strip_marks(line) if MARK_START in line else line for line in lines]
    texts = [text.strip() for text in texts if text.strip()]
    return bool(texts) and all(is_labelled_caption(text) for text in texts)


def as_paragraphs(lines: list[str]) -> list[str]:
    """The captions, each a paragraph of its own (a blank line before each)."""
    out: list[str] = []
    for line in lines:
        if line.strip():
            out.extend(["", line.strip()])
    return out


def place_after_paragraph(chunk: list[str], figures: list[str], layout: Layout) -> list[str]:
    """`chunk` (lines of text) with the pending captions put where its first paragraph
    ends: before a blank line, or after a line short of the print width or one that
    left room for the next line's first word (`ends_with_room`). `figures` is
    emptied when they are placed; they stay pending when no paragraph ends here."""
    if not figures:
        return chunk
    for k, line in enumerate(chunk):
        if not line.strip():
            at = k
        elif layout.is_short(display_width(line.rstrip())) or (
            k + 1 < len(chunk) and ends_with_room(line, chunk[k + 1], layout)
        ):
            at = k + 1
        else:
            continue
        placed = [*chunk[:at], *figures, "", *chunk[at:]]
        figures.clear()
        return placed
    return chunk


def caption_in_sentence(
    out: list[str],
    run: list[str],
    after: list[str],
    figures: list[str],
    continues: Callable[[str, str], bool],
    join: Callable[[str, str], str],
) -> bool:
    """Inside a page: `run` is blank lines and the short lines among them, `after` the
    (up to) two lines after it. When those short lines are captions and the sentence
    ending `out` goes on in the line after them, the halves are joined in `out` and the
    captions put in `figures`, laid out after the paragraph. False, nothing done, else."""
    if not after or not after[0].strip() or not only_captions(run):
        return False
    before = next((line for line in reversed(out) if line.strip()), "")
    if not before or not continues(before, after[0]):
        return False
    while out and not out[-1].strip():
        out.pop()
    out[-1] = join(out[-1], after[0])
    figures.extend(as_paragraphs(run))
    if len(after) < 2 or not after[1].strip():
        out.extend(figures)  # the line joined ended its paragraph: they go right after
        figures.clear()
    return True
