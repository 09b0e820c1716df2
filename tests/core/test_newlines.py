"""Line ends are normalised exactly as `re.sub(r"\r\n?", "\n", text)` would."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.textio import normalize_newlines, read_text

CRLF = re.compile(r"\r\n?")


@settings(max_examples=500)
@given(st.text(alphabet="\r\n\r\x85\u2028a第 ", max_size=60))
def test_line_ends_as_the_regular_expression_makes_them(text: str) -> None:
    assert normalize_newlines(text) == CRLF.sub("\n", text)


@given(st.text(max_size=200))
def test_any_text(text: str) -> None:
    assert normalize_newlines(text) == CRLF.sub("\n", text)


def test_a_book_with_every_kind_of_line_end(tmp_path: Path) -> None:
    book = tmp_path / "mixed.txt"
    book.write_bytes("第一章\r\n\r\n正文。\r旧 Mac 行\n末行\r".encode("gb18030"))
    assert read_text(book).text == "第一章\n\n正文。\n旧 Mac 行\n末行\n"
