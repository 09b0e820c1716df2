"""A note's properties (YAML front matter), updated without losing the reader's.

Readmark owns a few keys (`title`, `author`, `isbn`, `readmark-book`) and adds
its tag to `tags`; every other key, the reader's tags, their comments and the
order they gave the keys stay as they are. That is why this uses ruamel.yaml's
round-trip mode rather than a plain YAML reader: loading and dumping with PyYAML
or json would drop the reader's comments and reorder or requote what they wrote.
Front matter that is not valid YAML, or not a mapping, is kept exactly as it
was (Readmark's keys are then not updated): the reader's text comes first.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from readmark.core.export.common import ExportedBook

TAG = "readmark"
BOOK_KEY = "readmark-book"  # the book's content id: how Export All finds a note again


def managed_values(book: ExportedBook) -> dict[str, Any]:
    """Readmark's keys and their values for `book` (ISBN only where known)."""
    values: dict[str, Any] = {"title": book.title}
    if len(book.authors) == 1:
        values["author"] = book.authors[0]
    elif book.authors:
        values["author"] = list(book.authors)
    if book.isbn:
        values["isbn"] = book.isbn
    values[BOOK_KEY] = book.content_id
    return values


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096  # a long title stays on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def merge_front_matter(book: ExportedBook, old: str | None) -> str:
    """The YAML between the note's `---` lines, without them: `old` updated, or new."""
    yaml = _yaml()
    data: Any = CommentedMap()
    if old is not None and old.strip():
        try:
            data = yaml.load(old)
        except YAMLError:
            return old  # the reader's text, as they wrote it
        except Exception:  # ruamel raises other errors on some malformed input
            return old
        if not isinstance(data, CommentedMap):
            return old
    for key, value in managed_values(book).items():
        data[key] = CommentedSeq(value) if isinstance(value, list) else value
    tags = data.get("tags")
    if tags is None:
        data["tags"] = CommentedSeq([TAG])
    elif isinstance(tags, list):
        if TAG not in tags:
            tags.append(TAG)
    elif isinstance(tags, str):
        if TAG not in tags.replace(",", " ").split():
            data["tags"] = CommentedSeq([*tags.replace(",", " ").split(), TAG])
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue().rstrip("\n")


def read_book_id(front: str) -> str | None:
    """The `readmark-book` of front matter, or None (also for YAML that does not parse)."""
    try:
        data = _yaml().load(front)
    except Exception:  # any malformed YAML: this is only a look-up
        return None
    if isinstance(data, dict):
        value = data.get(BOOK_KEY)
        return value if isinstance(value, str) else None
    return None
