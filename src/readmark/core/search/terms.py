"""The terms the library index keeps for a text, and those a query looks up.

The index is SQLite FTS5 with its `ascii` tokenizer over a string of terms made
here, in Python, from *folded* text (`folding.fold`: case, width, Latin accents,
Traditional = Simplified), so FTS5 never judges a character: every non-ASCII
character is a token character to it, and the terms are separated by spaces.

- Scripts written without spaces (Chinese, Japanese, Korean Hangul, Thai, Lao,
  Khmer, Myanmar): every character is a term (一 字) and so is every pair of
  neighbours (二字), as Zotero 7 does. Any substring is then found with no word
  segmentation: one character by its term, two or more by their pairs.
- Other letters and digits: words, and the last word of a query is a prefix
  (`read` finds `reading`).

The terms only pick candidate pieces of text; the hit itself is found by a plain
`str.find` of the folded query in the folded piece (`index.py`), so punctuation,
FTS5 syntax (`"`, `*`, `NEAR(`, `AND`, `-`) and spaces in a query are matched
literally and never reach FTS5 as syntax: every term is quoted.
"""

from __future__ import annotations

import functools
import re

# Characters of scripts without spaces between words. Han (with 々〆〇), kana,
# Hangul syllables and jamo, Thai, Lao, Myanmar, Khmer.
_UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1100-\u11ff\u3005-\u3007\u3040-\u30ff"
    "\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U000323af"
)
_UNSPACED_RUN = re.compile(f"([{_UNSPACED}]+)")
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
# A run of letters and digits (any script); split further where unspaced scripts are.
_ALNUM_RUN = re.compile(r"[^\W_]+")
# The ascii tokenizer keeps ASCII letters and digits and every non-ASCII character
# together; anything else in ASCII would split a term, so words keep only these.
_ASCII_SEPARATOR = re.compile(r"[^0-9a-z\x80-\U0010ffff]+")


def is_unspaced(ch: str) -> bool:
    """A character of a script written without spaces (every substring is a term)."""
    return _UNSPACED_CHAR.match(ch) is not None


def is_word_char(ch: str) -> bool:
    """A letter or digit of a spaced script: Latin words end where these do."""
    return (ch.isalnum() or ch == "_") and not is_unspaced(ch)


# Blocks of `_UNSPACED` (most used first): a run of their letters and digits is
# cut into characters and pairs. Built once per process, the first time (~10 ms).
_UNSPACED_BLOCKS = (
    (0x4E00, 0xA000), (0x3400, 0x4DC0), (0x3040, 0x3100), (0xAC00, 0xD7B0),
    (0x0E00, 0x0F00), (0x1000, 0x10A0), (0x1780, 0x1800), (0x1100, 0x1200),
    (0x3005, 0x3008), (0x3130, 0x3190), (0xF900, 0xFB00), (0x20000, 0x323B0),
)  # fmt: skip


@functools.cache
def _unspaced_patterns() -> tuple[re.Pattern[str], ...]:
    """A run of unspaced characters that are letters or digits (what `_ALNUM_RUN`
    keeps); the pairs of such neighbours in two passes: those at a run's even
    offsets, then (after a letter) its odd ones; and a word: a run of the other
    letters and digits. The class is listed range by range, so the regex engine
    matches it at once; two passes of pairs that do not overlap take 20 % less
    than one pass of a lookahead at every character."""
    parts = []
    for low, high in _UNSPACED_BLOCKS:
        start = None
        for code in range(low, high + 1):
            word = code < high and chr(code).isalnum()
            if word and start is None:
                start = code
            elif not word and start is not None:
                last = code - 1
                parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(last))) * (last > start))
                start = None
    inner = "".join(parts)
    letter = f"[{inner}]"
    return (
        re.compile(letter + "+"),
        re.compile(letter + letter),
        re.compile(f"(?<={letter}){letter}{letter}"),
        re.compile(f"[^\\W_{inner}]+"),
    )


def text_terms(folded: str) -> str:
    """The terms of a folded text, separated by spaces (the FTS5 column's value).

    Unspaced scripts: every pair of neighbouring letters, and a letter on its
    own only where its run ends (the last of `中国。`: `中国 国`). A letter
    followed by another is found by the pairs it starts (a one-character query
    is the prefix query `中*`, `query_terms`), so the lone letters a run's other
    places would add are left out: 12 % fewer terms for the generated Chinese of
    the benchmark, 20 % for 三国演义, and a fifth less time making them.

    Each term once, in no particular order: the index keeps only which pieces
    hold a term (detail=none), so repeating one would only cost FTS5 time."""
    if folded.isascii():
        return " ".join(set(_ALNUM_RUN.findall(folded)))
    runs_of, even_pairs, odd_pairs, words_of = _unspaced_patterns()
    # Text of spaced scripts with a few other characters (curly quotes, dashes):
    # the search for an unspaced character (3.5 ms per MB of the bench's English)
    # spares the search for their runs (19 ms), which would find none.
    runs = runs_of.findall(folded) if _UNSPACED_CHAR.search(folded) else []
    terms: set[str] = set()
    if runs:
        terms.update(even_pairs.findall(folded))  # every pair of neighbours
        terms.update(odd_pairs.findall(folded))
        terms.update([run[-1] for run in runs])  # where a run ends
        words = set(words_of.findall(folded))
    else:
        words = set(_ALNUM_RUN.findall(folded))
    joined = " ".join(words)
    if not joined.isascii():  # a word in another script: only what FTS5 keeps whole
        for word in words:
            if word.isascii():
                terms.add(word)
            else:
                terms.update(_ASCII_SEPARATOR.sub(" ", word.lower()).split())
        return " ".join(terms)
    if not terms:
        return joined
    return " ".join(terms) + " " + joined if joined else " ".join(terms)


def query_terms(folded_query: str) -> list[tuple[str, bool]]:
    """(term, is_prefix) that any text holding `folded_query` must have.

    A run of unspaced characters gives its pairs; a single one gives itself, as
    a prefix when the query ends with it (then it may be followed by another
    letter in the text, where only the pairs it starts are terms: `text_terms`),
    as a whole term when something follows it (its run ends there in the text
    too). Words give themselves, the last one, if the query ends in it, as a
    prefix. Terms repeated are given once.
    """
    found: list[tuple[str, bool]] = []
    runs = list(_ALNUM_RUN.finditer(folded_query))
    for number, match in enumerate(runs):
        last_run = number == len(runs) - 1 and match.end() == len(folded_query)
        parts = [p for p in _UNSPACED_RUN.split(match.group()) if p]
        for k, part in enumerate(parts):
            at_end = last_run and k == len(parts) - 1
            if _UNSPACED_CHAR.match(part):
                if len(part) == 1:
                    found.append((part, at_end))
                else:
                    found.extend((a + b, False) for a, b in zip(part, part[1:], strict=False))
            else:
                words = _ASCII_SEPARATOR.sub(" ", part.lower()).split()
                for w, word in enumerate(words):
                    found.append((word, at_end and w == len(words) - 1))
    seen: set[tuple[str, bool]] = set()
    return [t for t in found if not (t in seen or seen.add(t))]  # type: ignore[func-returns-value]


def match_expression(terms: list[tuple[str, bool]]) -> str:
    """An FTS5 query that needs every term: each one quoted (no syntax gets in)."""
    return " AND ".join(f'"{term}"' + ("*" if prefix else "") for term, prefix in terms)
