"""`folding.fold` for long texts (a chapter), about twice as fast for Chinese.

`str.translate` looks a character up in a string (an index) about twice as fast
as in a dict (a hash). The string holds every code point up to the folding
table's last, each as it folds (~0.2 M characters, made once per process in
~20 ms); a character past its end raises IndexError, which `translate` takes as
"unchanged", as it does a key missing from the dict. A short text (a query, folded
on the UI thread) goes to `folding.fold` and never pays for the string. Kept apart
from `folding.py`, whose source keys the stored tables (`folding_store`).
"""

from __future__ import annotations

import threading

from readmark.core.search.folding import fold as fold_short
from readmark.core.search.folding import table

LONG = 2_000  # characters from which the string is worth making and using

_lock = threading.Lock()
_strings: dict[bool, str] = {}


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


def _string_table(match_case: bool) -> str:
    found = _strings.get(match_case)
    if found is None:
        mapping = table(match_case)
        with _lock:
            found = _strings.get(match_case)
            if found is None:
                chars = list(map(chr, range(max(mapping, default=0) + 1)))
                for code, folded in mapping.items():
                    chars[code] = chr(folded)
                found = _strings[match_case] = "".join(chars)
    return found
