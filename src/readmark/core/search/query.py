"""What the reader asked for, and the matcher that finds it in folded text.

A `Query` is the typed text and its three options. `compile_query` turns it
into a `Matcher`, or raises `QueryError` with a sentence for the reader: a
regular expression that does not compile, or one that takes too long (the
`regex` module stops it after a time limit and releases the interpreter while
it runs, so a pattern that backtracks for ever neither hangs the search nor
freezes the window — the standard `re` can do neither).

Everything is matched in folded text (see `folding`): the query is folded with
the same table, so `紅樓夢` finds `红楼梦`, `ＡＢＣ` finds `abc` and `cafe` finds
`café`. CJK needs no spaces and no segmentation: any substring is found.
Whole words apply to Latin (and other spaced) letters only, at the edges of a
hit that are letters or digits; a hit's Chinese or Japanese edge needs no
boundary, as those languages have no spaces to find one by.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.scripts import is_chinese_or_japanese
from readmark.core.search.folding import fold, fold_char
from readmark.core.search.folding_fast import variants

MAX_QUERY_CHARS = 10_000
# The `regex` module searches a long literal run in a pattern without looking at
# its time limit (a 4,000-character one took 4 s on a 10,000-character text), so
# regular expressions are kept short; one without any syntax is searched as text.
MAX_REGEX_CHARS = 500
REGEX_TIME_LIMIT_S = 2.0  # for one section; a sane pattern takes milliseconds


class QueryError(Exception):
    """A query that cannot be searched; the message is meant for the reader.

    Like BookError: `template` (marked for translation in context "SearchError")
    and `params`; `i18n.translate_error` words it in the reader's language.
    """

    context = "SearchError"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


@dataclass(frozen=True)
class Query:
    text: str
    match_case: bool = False
    whole_words: bool = False
    regex: bool = False

    @property
    def blank(self) -> bool:
        """Nothing to look for: empty, or only spaces (which a reader never means
        to find on their own, and which would mark every gap in the book)."""
        return not self.text.strip()


class Matcher:
    """Finds a query in folded text (`fold(text, matcher.match_case)`)."""

    def __init__(self, query: Query) -> None:
        self.query = query
        self.match_case = query.match_case

    def find(self, folded: str) -> Iterator[tuple[int, int]]:
        """[start, end) of every hit, in order, none overlapping, none empty."""
        raise NotImplementedError

    def find_unfolded(self, text: str) -> Iterator[tuple[int, int]] | None:
        """`find(fold(text, self.match_case))` without folding `text`, or None
        where this matcher cannot (then the caller folds)."""
        return None

    def _whole(self, folded: str | _Folding, start: int, end: int) -> bool:
        if not self.query.whole_words:
            return True
        return not (
            (start > 0 and _is_word(folded[start]) and _is_word(folded[start - 1]))
            or (end < len(folded) and _is_word(folded[end - 1]) and _is_word(folded[end]))
        )


def _is_word(ch: str) -> bool:
    """A letter or digit of a spaced script: words end where these do."""
    return (ch.isalnum() or ch == "_") and not is_chinese_or_japanese(ch)


class _Folding:
    """Unfolded text read as folded, a character at a time (`Matcher._whole` looks
    at a hit's edges only)."""

    def __init__(self, text: str, match_case: bool) -> None:
        self._text = text
        self._match_case = match_case

    def __len__(self) -> int:
        return len(self._text)

    def __getitem__(self, at: int) -> str:
        return fold_char(self._text[at], self._match_case)


# A literal query longer than this is matched in folded text only: a pattern of
# one class per character costs more to compile than folding a section.
MAX_UNFOLDED_CHARS = 64
# Nor one with a character that this many others fold to. A Chinese character has
# one or two (`国`: `國`), and its pattern searches 3.4 M characters in 5-10 ms,
# against 150 ms to fold them first; a Latin letter has dozens (`a`: `AáÁ…ａ𝐚`), and
# a class that big is tested at every character: 115 ms for the same text, slower
# than folding it (for English text, whose ASCII is folded by `str.lower`, by far).
MAX_VARIANTS = 4


class _Literal(Matcher):
    def __init__(self, query: Query) -> None:
        super().__init__(query)
        self.needle = fold(query.text, query.match_case)
        self._unfolded: re.Pattern[str] | bool | None = None  # False: not this way

    def find(self, folded: str) -> Iterator[tuple[int, int]]:
        needle, size = self.needle, len(self.needle)
        at = folded.find(needle)
        while at >= 0:
            if self._whole(folded, at, at + size):
                yield at, at + size
                at = folded.find(needle, at + size)
            else:  # not a whole word here; one starting inside it may be
                at = folded.find(needle, at + 1)

    def find_unfolded(self, text: str) -> Iterator[tuple[int, int]] | None:
        """The first search of a book meets sections whose folded text is not made
        yet: folding one costs ~50 ns a character (and, the first time in a
        process, the fast folding table, ~7 ms). Folding maps one character to one,
        so a hit in the folded text is a run of characters each of which folds to
        the needle's: one pattern of a class per character (every character that
        folds to it, `folding_fast.variants`) finds the same hits in the text as it is."""
        if self._unfolded is None:
            if len(self.needle) > MAX_UNFOLDED_CHARS:
                self._unfolded = False
            else:
                others = [variants(ch, self.match_case) for ch in self.needle]
                self._unfolded = max(map(len, others)) <= MAX_VARIANTS and re.compile(
                    "".join(map(_class_of, self.needle, others))
                )
        if not isinstance(self._unfolded, re.Pattern):
            return None
        return self._find_unfolded(self._unfolded, text)

    def _find_unfolded(self, pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
        edges = _Folding(text, self.match_case)
        found = pattern.search(text)
        while found is not None:
            start, end = found.span()
            if self._whole(edges, start, end):
                yield start, end
                found = pattern.search(text, end)
            else:  # as `find`: a hit starting inside this one may be whole
                found = pattern.search(text, start + 1)


def _class_of(ch: str, others: str) -> str:
    """A pattern matching `ch` or any of `others`."""
    if not others:
        return re.escape(ch)
    return "[" + "".join(re.escape(c) for c in ch + others) + "]"


class _Pattern(Matcher):
    def __init__(self, query: Query) -> None:
        super().__init__(query)
        import regex  # imported here: only a regular-expression search needs it

        flags = regex.VERSION0 | regex.MULTILINE
        if not query.match_case:
            flags |= regex.IGNORECASE
        try:
            self.pattern = regex.compile(_fold_pattern(query.text), flags)
        except (regex.error, OverflowError, RecursionError, ValueError) as error:
            raise QueryError(
                QT_TRANSLATE_NOOP(
                    "SearchError", "This is not a valid regular expression: {reason}."
                ),
                reason=str(error),
            ) from None

    def find(self, folded: str) -> Iterator[tuple[int, int]]:
        pos, end = 0, len(folded)
        try:
            while pos <= end:
                match = self.pattern.search(
                    folded, pos, timeout=REGEX_TIME_LIMIT_S, concurrent=True
                )
                if match is None:
                    return
                start, stop = match.span()
                if stop > start and self._whole(folded, start, stop):
                    yield start, stop
                    pos = stop
                else:  # empty, or not a whole word: try from the next character
                    pos = start + 1
        except TimeoutError:
            raise QueryError(
                QT_TRANSLATE_NOOP(
                    "SearchError",
                    "This regular expression takes too long to search; try a simpler one.",
                )
            ) from None


def _fold_pattern(pattern: str) -> str:
    """A regular expression folded like the text (case aside: IGNORECASE does it),
    leaving its syntax alone: only characters outside ASCII are folded, and one
    that folds into ASCII punctuation (`＊` → `*`) stays a literal."""
    import regex

    out = []
    for ch in pattern:
        if ch.isascii():
            out.append(ch)
            continue
        folded = fold_char(ch, match_case=True)
        out.append(regex.escape(folded) if folded.isascii() else folded)
    return "".join(out)


def compile_query(query: Query) -> Matcher:
    """The matcher for `query`; QueryError when it cannot be searched."""
    if len(query.text) > MAX_QUERY_CHARS:
        raise QueryError(
            QT_TRANSLATE_NOOP("SearchError", "A search can be at most {limit} characters long."),
            limit=MAX_QUERY_CHARS,
        )
    if query.blank:
        raise QueryError(QT_TRANSLATE_NOOP("SearchError", "Type something to find."))
    if not query.regex or not _has_syntax(query.text):
        return _Literal(query)
    if len(query.text) > MAX_REGEX_CHARS:
        raise QueryError(
            QT_TRANSLATE_NOOP(
                "SearchError", "A regular expression can be at most {limit} characters long."
            ),
            limit=MAX_REGEX_CHARS,
        )
    return _Pattern(query)


def _has_syntax(pattern: str) -> bool:
    """Whether a pattern means more than its characters: any of `.^$*+?{}[]\\|()`."""
    return any(ch in _SYNTAX for ch in pattern)


_SYNTAX = frozenset(".^$*+?{}[]\\|()")
