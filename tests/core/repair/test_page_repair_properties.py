"""Properties of the page repair of plain text converted from print, on generated books.

Each book is made the way converters make them: paragraphs of words hard-wrapped to a
print width (the last line short, ending a sentence), headings, list items and lines of
code among them, cut into pages at any line (so paragraphs run across pages), each page
with its running header and page number, the pages set apart as OCR text does (runs of
blank lines) or as pdftotext does (a form feed). Whatever the book:

- no character of the text is lost: every word of the generated text is shown as often as
  it was written; only the page furniture (headers and numbers) goes;
- headings, list items and lines of code are never joined to anything: each is shown as
  a paragraph of its own;
- a paragraph cut by a page comes out whole;
- repairing the repaired text (what the reader shows) changes nothing.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readmark.core.formats.plaintext.layout import Block
from readmark.core.formats.plaintext.reflow import detect_layout, paragraphs
from readmark.core.repair.page_marks import strip_marks

WIDTH = 60
# No two of these make another when written together: a cut word is never mended
# into one of them by mistake.
WORDS = ["alpha", "beta", "gamma", "delta", "kappa", "sigma", "omega", "lambda", "theta"]
HEADER = "THE GENERATED BOOK."


@dataclass(frozen=True)
class Generated:
    text: str
    paragraphs: tuple[str, ...]  # the running text, each paragraph on one line
    whole: tuple[str, ...]  # headings, list items, code: shown exactly, alone


@st.composite
def books(draw: st.DrawFn) -> Generated:
    lines: list[str] = []  # print lines, "" between blocks
    prose: list[str] = []
    whole: list[str] = []
    for _ in range(draw(st.integers(3, 14))):
        kind = draw(
            st.sampled_from(["paragraph", "paragraph", "paragraph", "heading", "list", "code"])
        )
        if kind == "paragraph":
            words = draw(st.lists(st.sampled_from(WORDS), min_size=12, max_size=60))
            text = " ".join(words).capitalize() + "."  # a paragraph starts a sentence
            wrapped = textwrap.wrap(text, WIDTH)
            if len(wrapped[-1]) > WIDTH - 15:  # the last line of a paragraph is short
                wrapped.append("omega.")
                text += " omega."
            prose.append(text)
            lines.extend(wrapped)
        elif kind == "heading":
            line = f"CHAPTER {draw(st.sampled_from(['I', 'II', 'IV', 'IX']))}."
            whole.append(line)
            lines.append(line)
        elif kind == "list":
            line = f"({draw(st.integers(1, 9))}) {draw(st.sampled_from(WORDS))} item."
            whole.append(line)
            lines.append(line)
        else:
            line = f">>> {draw(st.sampled_from(WORDS))} = {draw(st.integers(0, 99))}"
            whole.append(line)
            lines.append(line)
        lines.append("")
    per_page = draw(st.integers(8, 30))
    pdftotext = draw(st.booleans())
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        if number > 1:
            if pdftotext:
                out.append(f"\f{HEADER}\n\n{number}\n")
            else:
                out.append(f"\n\n\n{HEADER}\n\n{number}\n\n")
        out.append("\n".join(page).strip("\n") + "\n")
    return Generated("".join(out), tuple(prose), tuple(whole))


def shown(text: str) -> list[Block]:
    """The blocks as the reader sees them: a printed page's mark is an invisible anchor."""
    return [
        Block(b.kind, tuple(strip_marks(line) for line in b.lines))
        for b in paragraphs(text, detect_layout(text))
    ]


def block_text(block: Block) -> str:
    return " ".join(block.lines)


PROPERTIES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTIES
@given(books())
def test_no_word_of_the_text_is_lost(book: Generated) -> None:
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z]+", text.lower())

    written = Counter(w for text in book.paragraphs + book.whole for w in words(text))
    furniture = set(words(HEADER))  # the running header's words go with it
    out = Counter(w for b in shown(book.text) for w in words(block_text(b)) if w not in furniture)
    assert out == written


@PROPERTIES
@given(books())
def test_headings_list_items_and_code_are_never_joined(book: Generated) -> None:
    # A block kept as lines shows each line on its own.
    texts = [
        text
        for b in shown(book.text)
        for text in (b.lines if b.kind == "lines" else [block_text(b)])
    ]
    for line in book.whole:
        assert line in texts, (line, texts)


_A = "Alpha" + " alpha" * 9  # a full print line
_B = " alpha alpha alpha."
_PAGE = "\n\n\n\nTHE GENERATED BOOK.\n\n{}\n\n"
_ITEM = "(1) alpha item."
# Found by CI: page 2 holds short lines (list items, a heading) and then the first line
# of a paragraph whose sentence goes on over page 3.
_SHORT_PAGE = Generated(
    f"{_A}\n"
    + "alpha " * 9
    + "alpha\n"
    + "alpha " * 9
    + "alpha\n"
    + "alpha " * 8
    + "lambda\nlambda"
    + " alpha" * 7
    + ".\nomega.\n\n"
    + _ITEM
    + _PAGE.format(2)
    + f"{_ITEM}\n\n{_ITEM}\n\nCHAPTER I.\n\n{_A}"
    + _PAGE.format(3)
    + f"alpha alpha.\n\n{_A}\n{_B[1:]}\n\n{_A}\n{_B[1:]}"
    + _PAGE.format(4)
    + f"{_A}\n{_B[1:]}\n\n{_A}\n{_B[1:]}\n\n{_ITEM}"
    + _PAGE.format(5)
    + f"CHAPTER I.\n\nCHAPTER I.\n\n{_A}\n{_B[1:]}\n",
    (
        _A + " alpha" * 28 + " lambda lambda" + " alpha" * 7 + ". omega.",
        _A + " alpha alpha.",
        *[_A + _B] * 5,
    ),
    (_ITEM, _ITEM, _ITEM, "CHAPTER I.", _ITEM, "CHAPTER I.", "CHAPTER I."),
)


@PROPERTIES
@given(books())
@example(_SHORT_PAGE)
def test_a_paragraph_cut_by_a_page_comes_out_whole(book: Generated) -> None:
    texts = [" ".join(block_text(b).split()) for b in shown(book.text)]
    layout = detect_layout(book.text)
    if layout.paged:  # a book too short to show its pages is left as it is
        for paragraph in book.paragraphs:
            assert paragraph in texts, (paragraph, texts)


@PROPERTIES
@given(books())
def test_repairing_the_repaired_text_changes_nothing(book: Generated) -> None:
    def shown_text(text: str) -> list[str]:
        return ["\n".join(b.lines) for b in shown(text) if b.kind != "break"]

    once = shown_text(book.text)
    assert shown_text("\n\n".join(once)) == once


# Chinese pages, as pdftotext gives them: paragraphs wrapped at 28 characters with no
# space, each opening with 　　, a page number `— N —` under each page's text.
HANZI = "人民法院可以根据其智力精神健康恢复的状况认定该成年人"


@st.composite
def chinese_books(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    lines: list[str] = []
    prose: list[str] = []
    for _ in range(draw(st.integers(3, 12))):
        size = draw(st.integers(10, 120))
        text = "".join(draw(st.sampled_from(HANZI)) for _ in range(size)) + "。"
        prose.append(text)
        wrapped = ["　　" + text[:26]] + [text[i : i + 28] for i in range(26, len(text), 28)]
        lines.extend(line for line in wrapped if line.strip("　"))
    per_page = draw(st.integers(6, 20))
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    text = "\f".join(
        "\n".join(page) + f"\n— {number} —\n" for number, page in enumerate(pages, start=1)
    )
    return text, tuple(prose)


@PROPERTIES
@given(chinese_books())
def test_chinese_pages_lose_no_character_and_keep_their_paragraphs(
    book: tuple[str, tuple[str, ...]],
) -> None:
    text, prose = book
    shown_text = ["".join(block_text(b).split()) for b in shown(text)]
    written = Counter(ch for p in prose for ch in p)
    out = Counter(ch for p in shown_text for ch in p if not ch.isdigit() and ch not in "—")
    assert out == written
    if detect_layout(text).paged:
        for paragraph in prose:
            assert paragraph in shown_text, (paragraph, shown_text)
