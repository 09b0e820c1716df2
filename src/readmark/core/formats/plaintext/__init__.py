"""The plain-text (.txt) loader: encoding detection, chapter rules, paragraph
re-flow and a lazy renderer, one module each.

- `encoding`: the codec of the file (charset-normalizer on a sample, verified by
  a strict decode of the whole file), or the reader's choice;
- `front_matter`: Project Gutenberg's header, end marker and licence, a title page;
- `chapters`: the named, documented heading rules (`RULES`) and the one-pass scan;
- `reflow`: paragraph layout (blank lines, indentation, hard wrapping) and re-flow;
- `render`: a section to HTML;
- `loader`: the `Book`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readmark.core.formats.plaintext.chapters import RULES, ChapterRule
    from readmark.core.formats.plaintext.encoding import read_plain_text
    from readmark.core.formats.plaintext.loader import (
        FORMAT,
        build_plain_book,
        load_plain_text,
    )

__all__ = [
    "FORMAT",
    "RULES",
    "ChapterRule",
    "build_plain_book",
    "load_plain_text",
    "read_plain_text",
]

# Loaded when first asked for, not with the package: a `.txt` that holds
# Markdown needs only `encoding`, and the chapter rules' patterns and the
# re-flow cost ~17 ms to import, on the way to the sample book's first screen.
_HOMES = {
    "RULES": "chapters",
    "ChapterRule": "chapters",
    "FORMAT": "loader",
    "build_plain_book": "loader",
    "load_plain_text": "loader",
    "read_plain_text": "encoding",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
