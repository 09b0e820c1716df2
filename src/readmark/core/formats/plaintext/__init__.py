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

from readmark.core.formats.plaintext.chapters import RULES, ChapterRule
from readmark.core.formats.plaintext.loader import (
    FORMAT,
    build_plain_book,
    load_plain_text,
    read_plain_text,
)

__all__ = [
    "FORMAT",
    "RULES",
    "ChapterRule",
    "build_plain_book",
    "load_plain_text",
    "read_plain_text",
]
