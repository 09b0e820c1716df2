"""One folding of text for every search: what counts as "the same" letter.

`fold(text)` maps every character to a representative of its class, one
character for one, so the folded text has exactly the length of the original
and a match at [start, end) in it is the same [start, end) in the book:

- case: `A` = `a` (Unicode case folding where it gives one character; `ß`
  stays `ß`, as `ss` would be two), unless the search matches case;
- width and compatibility forms, as NFKC makes them when it gives one
  character: `Ａ` = `A`, `，` = `,`, `１` = `1`, the ideographic space = a space,
  half-width katakana = katakana;
- Latin diacritics: `é` = `e`, `Å` = `a`, and the letters with a stroke that
  have no decomposition (`ø`, `ł`, `đ`…). Only Latin: a Japanese `が` keeps its
  voicing mark and a Russian `й` stays `й`;
- Traditional Chinese = Simplified: every character OpenCC's `t2s` converts on
  its own (character level, never phrases, so the length never changes) is
  replaced by its Simplified form: `紅樓夢` = `红楼梦`. Simplified characters
  that stand for several Traditional ones (`后`: `後`, `后`) make those equal too.

Folding is idempotent (`fold(fold(s)) == fold(s)`). The table behind it is
made once per process, the first time a search needs it, and never on the way
to the first screen: nothing imports this module before a search. Building it
costs 50-70 ms (OpenCC's conversion of the ideograph blocks and Unicode's
answers for the ~5,000 other characters a rule can change), which a search
right after Ctrl+F would wait for; so it is read from disk instead (~1 ms, see
`folding_store`: shipped prebuilt, else kept in the user's cache) and built
only when neither copy was made by this code with this OpenCC and this Unicode.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable

# Latin letters with a stroke or bar, which Unicode does not decompose.
_LATIN_EXTRA = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
    "ŧ": "t", "Ŧ": "T", "ı": "i", "ƀ": "b", "Ƀ": "B", "ƚ": "l", "Ƚ": "L", "ɨ": "i",
    "Ɨ": "I", "ʉ": "u", "Ʉ": "U", "ȼ": "c", "Ȼ": "C", "ɇ": "e", "Ɇ": "E", "ƶ": "z",
    "Ƶ": "Z", "ǥ": "g", "Ǥ": "G",
}  # fmt: skip

# Characters whose folding is looked up, besides what OpenCC converts: the Basic
# Multilingual Plane (less its surrogates), the mathematical letters and digits
# (𝐀 = A), enclosed letters (🄰) and the CJK compatibility supplement.
_RANGES = (
    (0x0000, 0xD800),
    (0xE000, 0x10000),
    (0x1D400, 0x1D800),
    (0x1F100, 0x1F200),
    (0x2F800, 0x2FA20),
)
# Where OpenCC's Traditional characters are: the ideograph blocks.
_HAN_RANGES = (
    (0x3400, 0x4DC0),
    (0x4E00, 0xA000),
    (0xF900, 0xFB00),
    (0x20000, 0x2EBF0),
    (0x30000, 0x323B0),
)

_lock = threading.Lock()
_tables: dict[bool, dict[int, int]] = {}
_digests: dict[bool, str] = {}  # of tables read from disk, which carry theirs
# Whether a table folds ASCII as `str.lower` does (as it is itself when case
# matters): `fold`'s shortcut for ASCII runs, checked on the table in use.
_ascii_folds_as_lower: dict[bool, bool] = {}
_OUTSIDE_ASCII = re.compile("([^\x00-\x7f]+)")


def fold(text: str, match_case: bool = False) -> str:
    """`text` folded: the same length, every character replaced by its class's
    representative (see the module's docstring); `match_case` keeps case apart.

    `str.translate` looks every character up in the table (about 50 ns each)
    once the text holds one character outside ASCII, and folding ASCII is only
    lowering its case: so text mostly in ASCII (English with a curly quote) has
    its ASCII runs lowered by `str.lower` and only the others translated, 4.5x
    as fast (10 against 48 ms per MB of English); text mostly outside ASCII
    (Chinese) is translated whole, as splitting it would cost more than it saves."""
    folding = table(match_case)
    if _ascii_folds_as_lower.get(match_case) is not True or len(text) < 64:
        return text.translate(folding)
    if text.isascii():
        return text if match_case else text.lower()
    sample = text[:256]
    if len(sample.encode("utf-8", "surrogatepass")) > 2 * len(sample):
        return text.translate(folding)  # mostly CJK: two bytes more a character
    parts = _OUTSIDE_ASCII.split(text)  # ASCII, other, ASCII, … other, ASCII
    plain = parts[0::2]
    parts[0::2] = plain if match_case else [part.lower() for part in plain]
    parts[1::2] = [part.translate(folding) for part in parts[1::2]]
    return "".join(parts)


def fold_char(ch: str, match_case: bool = False) -> str:
    """One character folded."""
    code = ord(ch)
    return chr(table(match_case).get(code, code))


def table(match_case: bool = False) -> dict[int, int]:
    """The translation table `fold` uses (made once per process, thread-safe:
    read from disk when a copy made by this code is there, else built and kept)."""
    found = _tables.get(match_case)
    if found is None:
        with _lock:
            found = _tables.get(match_case)
            if found is None:
                from readmark.core.search.folding_store import stored_or_built

                found, digest = stored_or_built(match_case)
                _digests[match_case] = digest
                _ascii_folds_as_lower[match_case] = all(
                    found.get(code, code) == ord(chr(code) if match_case else chr(code).lower())
                    for code in range(128)
                )
                _tables[match_case] = found
    return found


def digest(match_case: bool = False) -> str:
    """A digest of the table's contents, which indexes and saved folded texts
    record: made with other rules (another OpenCC, another Unicode), they would
    miss what they should find."""
    table(match_case)
    return _digests[match_case]


def table_digest(folding: dict[int, int]) -> str:
    """The digest of a table's contents (`digest`; ~5 ms, so kept with the table)."""
    import hashlib

    hashed = hashlib.blake2b(repr(sorted(folding.items())).encode(), digest_size=8)
    return hashed.hexdigest()


def build(match_case: bool) -> dict[int, int]:
    """The table made from its rules (50-70 ms); `table` reads a stored copy instead."""
    simplified = _traditional_to_simplified()
    result: dict[int, int] = {}
    for code in _codes(simplified):
        ch = chr(code)
        if ch not in simplified and not _may_fold(ch):
            continue
        folded = _fold_one(ch, match_case, simplified)
        if folded != ch:
            result[code] = ord(folded)
    return result


def _may_fold(ch: str) -> bool:
    """Whether any rule but Chinese could change `ch` (a quick test that spares
    asking the others of the 60,000 characters none of them changes)."""
    code = ord(ch)
    if 0x4E00 <= code < 0xA000 or 0x3400 <= code < 0x4DC0 or 0xAC00 <= code < 0xD7A4:
        return False  # ideographs and Hangul syllables: no case, no width, no accents
    return (
        ch in _LATIN_EXTRA
        or ch.casefold() != ch
        or not unicodedata.is_normalized("NFKD", ch)  # a compatibility form or an accent
    )


def _codes(simplified: dict[str, str]) -> Iterable[int]:
    for first, end in _RANGES:
        yield from range(first, end)
    yield from (ord(ch) for ch in simplified if ord(ch) >= 0x10000)


def _fold_one(ch: str, match_case: bool, simplified: dict[str, str]) -> str:
    """One character's representative: the rules applied until nothing changes."""
    for _ in range(8):
        before = ch
        compatible = unicodedata.normalize("NFKC", ch)
        if len(compatible) == 1:
            ch = compatible
        if not match_case:
            lower = ch.casefold()
            if len(lower) != 1:
                lower = ch.lower()
            if len(lower) == 1:
                ch = lower
        ch = _without_diacritics(ch)
        ch = simplified.get(ch, ch)
        if ch == before:
            break
    return ch


def _without_diacritics(ch: str) -> str:
    if ch in _LATIN_EXTRA:
        return _LATIN_EXTRA[ch]
    if ch.isascii():
        return ch
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    if (
        len(decomposed) > 1
        and all(unicodedata.combining(mark) for mark in decomposed[1:])
        and "LATIN" in unicodedata.name(base, "")
    ):
        return base
    return ch


def _traditional_to_simplified() -> dict[str, str]:
    """Every character OpenCC's t2s converts when it stands alone, to its result."""
    import opencc  # imported here: only a search needs it

    converter = opencc.OpenCC("t2s")
    chars = [chr(code) for first, end in _HAN_RANGES for code in range(first, end)]
    # One call with a line break between the characters: each is converted alone,
    # never as part of a phrase.
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen; then one at a time
        converted = [converter.convert(ch) for ch in chars]
    return {ch: to for ch, to in zip(chars, converted, strict=True) if to != ch and len(to) == 1}
