"""Book titles compared across readers and libraries.

Another reader names a book by its title only (Kindle's clippings, a KOReader
sidecar's doc_props): the same book reads "Alice's Adventures in Wonderland"
there and "Alice’s Adventures in Wonderland" here, or carries its series in
brackets. `title_key` is what such titles are compared by; `title_source` is
the pending source imported marks of a book not in the library wait under,
until a book with that title is opened (`AnnotationStore.claim_pending`).
"""

from __future__ import annotations

import re
import unicodedata

TITLE_URN = "urn:readmark:title:"  # + title_key: where marks of a book not in the library wait


def title_key(title: str) -> str:
    """A title as compared across readers: bracketed parts (series, edition,
    publisher) dropped, case, width and punctuation ignored."""
    text = unicodedata.normalize("NFKC", title).casefold()
    text = re.sub(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】", " ", text)
    return "".join(ch for ch in text if ch.isalnum())


def title_source(title: str) -> str:
    """The pending source under which imports wait for a book with this title."""
    key = title_key(title)
    return TITLE_URN + key if key else ""


def titles_match(a: str, b: str) -> bool:
    """Whether two title keys name the same book: equal, or one the other's start
    (a subtitle one reader keeps and another drops), four characters at least."""
    if not a or not b:
        return False
    return a == b or min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))
