"""Joining lines: the lines of a hard-wrapped paragraph (`reflow`), and the two
halves of a sentence a printed page cut (`join_across`).

Both mend a word hyphenated at a line's end by the book's own vocabulary, join
Chinese and Japanese with no space and a web address with none where the line cut
it; page code and paragraph code share them, so they stand apart from both.
"""

from __future__ import annotations

import re

from readmark.core.formats.plaintext.layout import ARTICLE, INDENT_CHARS, joins_without_space

WORD = re.compile(r"[^\W\d_]+")


def join_across(before: str, after: str, words: frozenset[str], compounds: frozenset[str]) -> str:
    """The two halves of a sentence cut by a page, as one line.

    A word the page cut in two is mended by the book's own vocabulary: `sensa` +
    `tion` is `sensation` when the book has that word and not both halves as words.
    """
    head, tail = before.rstrip(), after.strip(INDENT_CHARS + " ")
    if ARTICLE.match(head.strip()):
        return head.strip() + "\u3000" + tail  # `第二十九条　被监护人…`, as printed
    if joins_without_space(head, tail):
        return head + tail
    if hyphenated(head, tail):
        return reflow([head, tail], compounds)
    first = re.search(r"([^\W\d_]+)$", head[-80:])
    second = WORD.match(tail)
    if first and second:
        w1, w2 = first.group(1).lower(), second.group(0).lower()
        if w1 + w2 in words and (w1 not in words or w2 not in words):
            return head + tail
    return head + " " + tail


_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")


def book_compounds(body: str) -> frozenset[str]:
    """The hyphenated words the book writes inside its lines: `clear-headed`."""
    return frozenset(m.group(0).lower() for m in _COMPOUND.finditer(body))


def reflow(lines: list[str], compounds: frozenset[str] | None = None) -> str:
    """Hard-wrapped lines joined into one paragraph.

    With `compounds` (the hyphenated words of a book converted from print), a word
    hyphenated at a line end is mended: `archi-` + `tecturally` is `architecturally`,
    but `clear-` + `headed` stays `clear-headed` where the book writes it so.
    """
    text = ""
    for raw in lines:
        line = raw.strip(INDENT_CHARS)
        if not text:
            text = line
        elif compounds is not None and hyphenated(text, line):
            first = re.search(r"([^\W\d_]+)-$", text[-80:])  # the tail: paragraphs grow
            second = re.match(r"[^\W\d_]+", line)
            compound = f"{first.group(1)}-{second.group(0)}".lower() if first and second else ""
            text = text + line if compound in compounds else text[:-1] + line
        elif joins_without_space(text, line) or _url_goes_on(text, line):
            text += line
        else:
            text += " " + line
    return text


# A web address the print line cut after a slash, underscore or the like
# (`http://en.wikipedia.org/wiki/` / `Big_O_notation`): it goes on with no space.
_URL_CUT = re.compile(r"(?:https?://|www\.)[!-~]*[/_=&?#~-]$")
_URL_REST = re.compile(r"[\w%~]")
_URL_CUT_END = frozenset("/_=&?#~-")


def _url_goes_on(text: str, line: str) -> bool:
    # The last character first: this runs at every line a paragraph is joined from.
    return (
        text[-1:] in _URL_CUT_END
        and bool(_URL_REST.match(line))
        and bool(_URL_CUT.search(text[-200:]))
    )


def hyphenated(text: str, line: str) -> bool:
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha() and line[:1].islower()
