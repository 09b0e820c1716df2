"""Fixtures for the print-repair tests: golden cases and the first real book."""

from __future__ import annotations

from pathlib import Path

import pytest

PRINT_BOOK = "000_25b2869f1a30fd56.txt"


@pytest.fixture
def print_book(shared_books: Path) -> str:
    """The Chinese book converted from print (see ../shared/books/README.md)."""
    path = shared_books / PRINT_BOOK
    assert path.is_file(), f"{PRINT_BOOK} is absent from ../shared/books"
    return path.read_text(encoding="utf-8")
