"""`folding.fold` for long texts (a chapter), about twice as fast for Chinese.

`str.translate` looks a character up in a string (an index) about twice as fast
as in a dict (a hash). The string holds every code point up to the folding
table's last, each as it folds (~0.2 M characters, made once per process in
~7 ms); a character past its end raises IndexError, which `translate` takes as
"unchanged", as it does a key missing from the dict. A short text (a query, folded
on the UI thread) goes to `folding.fold` and never pays for the string. Kept apart
from `folding.py`, whose source keys the stored tables (`folding_store`), as is
`variants` (the characters that fold to one, for matching text left unfolded).
"""

from __future__ import annotations

import sys
import threading
from array import array

from readmark.core.search.folding import fold as fold_short
from readmark.core.search.folding import table

LONG = 2_000  # characters from which the string is worth making and using

_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_lock = threading.Lock()
_strings: dict[bool, str] = {}
_variants: dict[bool, dict[int, str]] = {}  # folded character -> those folding to it


def fold(text: str, match_case: bool = False) -> str:
    """`folding.fold(text, match_case)`: the same string. Text mostly outside ASCII
    (Chinese), which `folding.fold` translates whole through the dict, is translated
    through the string; text mostly in ASCII keeps `folding.fold`'s own way (its
    ASCII runs lowered by `str.lower`, faster still)."""
    if len(text) < LONG:
        return fold_short(text, match_case)
    sample = text[:256]
    if len(sample.encode("utf-8", "surrogatepass")) <= 2 * len(sample):
        return fold_short(text, match_case)  # mostly ASCII
    return text.translate(_string_table(match_case))


def variants(ch: str, match_case: bool = False) -> str:
    """The other characters that fold to `ch`, a folded character (`fold(ch) == ch`):
    `a` -> `AáÁ…ａＡ`, `国` -> `國`. Made once per table from it (~2 ms)."""
    found = _variants.get(match_case)
    if found is None:
        # Grown as strings, not lists: strings and ints are not tracked by the
        # cycle collector, so making it sets off no collection (in the window, with
        # its many objects, 9,000 lists made here set off one: 25 ms, not 2).
        found = {}
        for code, folded in table(match_case).items():
            found[folded] = found.get(folded, "") + chr(code)
        _variants[match_case] = found  # two threads may both make it: the same
    return found.get(ord(ch), "")


def _string_table(match_case: bool) -> str:
    found = _strings.get(match_case)
    if found is None:
        mapping = table(match_case)
        with _lock:
            found = _strings.get(match_case)
            if found is None:
                # Made as 4-byte code points and decoded once: a third of the time
                # of a list of 0.2 M one-character strings joined (~7 against 21 ms).
                codes = array("I", range(max(mapping, default=0) + 1))
                for code, folded in mapping.items():
                    codes[code] = folded
                found = codes.tobytes().decode(_UTF32, "surrogatepass")
                _strings[match_case] = found
    return found
