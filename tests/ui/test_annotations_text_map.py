"""Canonical text offsets ↔ the reader's document positions, on real and tricky books."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from readmark import resources
from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
from readmark.core.html_text import html_to_text
from readmark.ui.reader.text_map import TextMap

SAMPLE = "000_25b2869f1a30fd56.txt"
NOT_TEXT = set("\ufdd0\ufdd1\ufdd2")

TRICKY = """---
title: Tricky
language: en
---

# Lists, tables, notes and code

Intro with a footnote[^one] and *emphasis* and `inline code` &amp; entities&nbsp;here.

- first item
- second item with **bold**
    1. nested one
    2. nested two
- third

| Name | Value | Note |
|------|------:|------|
| alpha | 1 | first row |
| beta | 22 | second&nbsp;row |

```
def code():
    return  "spaces   kept"
```

> A quoted
> paragraph.

![An image's alt text](missing.png)

Line one
with a soft break, and a hard one{hard_break}
after it.

---

Term
: Its definition.

[^one]: The footnote's text.

# Second chapter

After the table of the first.
""".format(hard_break="  ")


def document_text(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toRawText()


def check_section(html: str) -> int:
    """Every word of the canonical text maps onto the same characters on screen;
    returns how many non-blank characters found no place (image alt texts)."""
    canonical = html_to_text(html)
    shown = document_text(html)
    text_map = TextMap(canonical, shown)
    for word in re.finditer(r"\S+", canonical):
        start, end = text_map.to_document_range(word.start(), word.end())
        on_screen = "".join(c for c in shown[start:end] if not c.isspace() and c not in NOT_TEXT)
        if on_screen != word.group():
            # only a word Qt does not show (alt text) may come out different, and
            # then it must not swallow the text around it
            assert len(on_screen) <= len(word.group()) + 1, (word.group(), on_screen)
        back = text_map.to_canonical_range(start, end)
        if on_screen == word.group():
            assert back == (word.start(), word.end())
    unplaced = 0
    for offset, char in enumerate(canonical):
        start, end = text_map.to_document_range(offset, offset + 1)
        if not char.isspace() and start == end:
            unplaced += 1  # a character of its own that maps onto nothing on screen
    return unplaced


def test_sample_book_every_section_both_ways(qapp, shared_books: Path) -> None:
    for repair in (True, False):
        book = open_book(shared_books / SAMPLE, LoadOptions(repair=repair))
        for index in range(len(book.sections)):
            assert check_section(book.section_html(index)) == 0, (repair, index)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_bundled_guide(qapp, language: str) -> None:
    book = open_book(resources.guide_book(language))
    for index in range(len(book.sections)):
        html = book.section_html(index)
        alt = sum(len(re.sub(r"\s", "", a)) for a in re.findall(r'alt="([^"]*)"', html))
        assert check_section(html) <= alt


def test_lists_tables_footnotes_code_and_images(qapp, tmp_path: Path) -> None:
    path = tmp_path / "tricky.md"
    path.write_text(TRICKY, encoding="utf-8")
    book = open_book(path)
    html = book.section_html(0)
    assert "<table" in html and "<pre" in html and "footnote" in html
    canonical = html_to_text(html)
    text_map = TextMap(canonical, document_text(html))
    assert not text_map.exact  # Qt and html_to_text really differ here …
    assert check_section(html) == len("An image's alt text".replace(" ", ""))  # … only here
    shown = document_text(html)
    for phrase in ("second\xa0row", "22", "nested two", "spaces   kept", "The footnote's text."):
        start = canonical.index(phrase)
        a, b = text_map.to_document_range(start, start + len(phrase))
        assert shown[a:b] == phrase
    # text after the image and after the table still lands on itself
    start = canonical.index("after it.")
    a, b = text_map.to_document_range(start, start + len("after it."))
    assert shown[a:b] == "after it."


def test_blank_ranges_and_positions() -> None:
    text_map = TextMap("ab  cd", "ab\u2029cd")
    assert text_map.to_document_range(2, 4) == (3, 3)  # only blanks: empty, at the next text
    assert text_map.to_document_range(1, 5) == (1, 4)  # b, the separator, c
    assert text_map.to_document(6) == 5  # past the end: the end
    assert text_map.to_canonical(3) == 4
    assert text_map.to_canonical_range(0, 5) == (0, 6)
