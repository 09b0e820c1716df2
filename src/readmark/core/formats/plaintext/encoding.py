"""Finding the encoding of a plain-text book, or decoding it as the reader asks.

Order of evidence, strongest first:

1. a byte order mark (UTF-32 before UTF-16: the UTF-32 LE mark starts with the
   UTF-16 LE one);
2. UTF-16 / UTF-32 without a mark: NUL bytes in the first 4 KB, and one of the
   four readings gives almost only ordinary characters;
3. 7-bit ISO-2022-JP and ISO-2022-KR (old Japanese and Korean mail and net
   texts): only ASCII bytes, so UTF-8 would read them as `$B$N3+H/` mojibake,
   but their escape sequences never occur in other text; a strict decode of
   the whole file must agree;
4. strict UTF-8 over the whole file (ASCII is UTF-8);
5. charset-normalizer's ranking of a *sample* (the start and the middle, cut at
   line ends): on a 10 MB file the library itself would take seconds. Each
   candidate, best first, must then decode the *whole* file strictly; a Chinese,
   Japanese or Korean codec is widened to its superset when the narrow one
   fails (GBK and GB2312 always read as GB18030, which adds the user-defined
   area and four-byte characters; Big5 → CP950 → Big5-HKSCS; Shift_JIS →
   CP932; EUC-KR → CP949). When the likeliest fails on a handful of bytes only
   (a damaged file) it is kept with replacement characters rather than letting
   a single-byte codec that "decodes" anything turn the whole book to mojibake.
6. the last resort: of the likeliest codec, UTF-8 and GB18030, the one that
   needs the fewest replacement characters.

Nothing here raises on a wrong guess; only a codec name the reader typed that
Python does not know (or that is not a text encoding) is a `BookError`.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable
from pathlib import Path

from readmark.core.book import BookError, LoadOptions
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.textio import DecodedText, bom_encoding, read_text

DEFAULT_OPTIONS = LoadOptions()
SAMPLE_BYTES = 64 * 1024
# Share of replaced characters up to which a damaged file keeps its best codec.
_DAMAGE_SHARE = 0.001
_DAMAGE_MIN = 16


# Narrow codec -> the codecs to try, narrowest first. Supersets only.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "hz": ("hz", "gb18030"),
    "big5": ("big5", "cp950", "big5hkscs"),
    "cp950": ("cp950", "big5hkscs"),
    "shift_jis": ("shift_jis", "cp932", "shift_jisx0213"),
    "cp932": ("shift_jis", "cp932", "shift_jisx0213"),
    "euc_jp": ("euc_jp", "euc_jis_2004"),
    "euc_kr": ("euc_kr", "cp949"),
    "cp949": ("euc_kr", "cp949"),
    "ascii": ("utf-8",),
    # Files called Latin-1 are nearly always Windows-1252 (curly quotes in 0x80–0x9F).
    "iso8859-1": ("cp1252", "iso8859-1"),
    "cp1252": ("cp1252", "iso8859-1"),
}
# When charset-normalizer rates codecs equally, the more widely used wins.
_PREFERENCE = ("utf-8", "gb18030", "big5", "shift_jis", "cp932", "euc_kr", "cp949", "cp1252")


@functools.cache
def _ordinary() -> re.Pattern[str]:
    """Characters that make up ordinary text in any language, used to judge the
    readings of a file as UTF-16 or UTF-32: the wrong byte order gives
    unassigned code points, controls and rare scripts. Compiled when first
    needed (~2.5 ms): a UTF-8 book, the usual one, never asks."""
    return re.compile(
        "[\t\n\r\x20-\x7e\u00a0-\u024f\u0370-\u052f\u2000-\u206f\u3000-\u30ff"
        "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef]"
    )


def canonical(name: str) -> str:
    """Python's own name for the codec `name` ("latin_1" -> "iso8859-1")."""
    return codecs.lookup(name).name


def decode_as(raw: bytes, name: str) -> tuple[str, str]:
    """Decode with the codec the reader chose; replacement characters, never an error,
    except for an unknown codec."""
    try:
        info = codecs.lookup(name.strip())
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise BookError(
            QT_TRANSLATE_NOOP(
                "BookError", "Readmark does not know the text encoding “{encoding}”."
            ),
            encoding=name,
        )
    try:
        return raw.decode(info.name, errors="replace"), info.name
    except (UnicodeError, LookupError, ValueError, TypeError):
        # Codecs like "idna" or "punycode" are text encodings in name only.
        raise BookError(
            QT_TRANSLATE_NOOP("BookError", "The text encoding “{encoding}” cannot read this book."),
            encoding=name,
        ) from None


def detect(raw: bytes) -> tuple[str, str]:
    """(text, codec name) for the bytes of a text file. Never raises."""
    bom = bom_encoding(raw)
    if bom is not None:
        return raw.decode(bom, errors="replace"), bom
    if b"\x00" in raw[:4096]:
        wide = _wide_unicode(raw)
        if wide is not None:
            return raw.decode(wide, errors="replace"), wide
    if raw.isascii() and (seven_bit := _iso2022(raw)) is not None:
        return seven_bit
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    families = _ranked(raw)
    for rank, family in enumerate(families):
        for codec in family:
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                continue
        if rank == 0:
            # The likeliest codec fails on a few bytes only: a damaged file,
            # better read with a few replacement characters than by a codec
            # further down that decodes anything into mojibake.
            text = raw.decode(family[-1], errors="replace")
            if _nearly_clean(text):
                return text, family[-1]
    # No codec reads every byte: the file is damaged, or not text at all. The
    # likeliest reading that needs the fewest replacement characters.
    best: tuple[int, str, str] | None = None
    for family in dict.fromkeys([*families[:1], ("utf-8",), ("gb18030",)]):
        codec = family[-1]
        text = raw.decode(codec, errors="replace")
        replaced = text.count("\ufffd")
        if best is None or replaced < best[0]:
            best = (replaced, text, codec)
    assert best is not None
    return best[1], best[2]


# Designations of a double-byte character set, by the codecs that read them.
_ISO2022 = (
    (rb"\x1b\$[@B]|\x1b\$\(D", ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext")),
    (rb"\x1b\$\)C", ("iso2022_kr",)),
)


def _iso2022(raw: bytes) -> tuple[str, str] | None:
    if b"\x1b" not in raw:  # no escape, no designation (and nothing to compile)
        return None
    for designation, codecs_ in _ISO2022:
        if re.search(designation, raw):
            for codec in codecs_:
                try:
                    return raw.decode(codec), codec
                except UnicodeDecodeError:
                    continue
    return None


def decoder(override: str = "") -> Callable[[bytes], tuple[str, str]]:
    """The decoding step for `textio.read_text`: the reader's codec, or detection."""
    if override.strip():
        return lambda raw: decode_as(raw, override)
    return detect


def read_plain_text(path: Path, options: LoadOptions = DEFAULT_OPTIONS) -> DecodedText:
    """The file's text, in the reader's chosen encoding or the detected one."""
    return read_text(path, decoder=decoder(options.encoding))


def is_wide(codec: str) -> bool:
    """UTF-16 and UTF-32 text is full of NUL bytes: that is not a sign of binary."""
    return codec.replace("_", "-").startswith(("utf-16", "utf-32"))


def _wide_unicode(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte order mark, judged on the first 4 KB."""
    best, best_share = None, 0.0
    for codec, unit in (
        ("utf-32-le", 4),
        ("utf-32-be", 4),
        ("utf-16-le", 2),
        ("utf-16-be", 2),
    ):
        if len(raw) % unit:
            continue
        sample = raw[:4096]
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError as exc:
            # A character cut by the end of the sample does not count against it.
            if exc.start < len(sample) - 4:
                continue
            text = sample[: exc.start].decode(codec)
        # Pairs of ASCII letters read as UTF-16 are Chinese characters: a text
        # of some length without a single line break is no such reading.
        if not text or (len(text) >= 200 and "\n" not in text):
            continue
        share = len(_ordinary().findall(text)) / len(text)
        if share > best_share:
            best, best_share = codec, share
    return best if best_share >= 0.95 else None


def _sample(raw: bytes) -> bytes:
    """The start and the middle of the file, each cut at line ends so that no
    multi-byte character is split (0x0A is never part of one in the ASCII-based
    East Asian codecs)."""
    if len(raw) <= 2 * SAMPLE_BYTES:
        return raw
    head = raw[:SAMPLE_BYTES]
    head = head[: head.rfind(b"\n") + 1] or head
    middle_start = len(raw) // 2
    middle = raw[middle_start : middle_start + SAMPLE_BYTES]
    first, last = middle.find(b"\n"), middle.rfind(b"\n")
    if 0 <= first < last:
        middle = middle[first + 1 : last + 1]
    return head + middle


def _ranked(raw: bytes) -> list[tuple[str, ...]]:
    """Codec families to try, likeliest first; each family narrowest first."""
    names: list[str] = []
    try:
        from charset_normalizer import from_bytes

        scored = []
        for match in from_bytes(_sample(raw)):
            try:
                name = canonical(match.encoding)
            except LookupError:
                continue
            rank = _PREFERENCE.index(name) if name in _PREFERENCE else len(_PREFERENCE)
            scored.append((round(match.chaos, 3), -round(match.coherence, 3), rank, name))
        names = [name for *_, name in sorted(scored)]
    except Exception:  # noqa: BLE001 - a detector's failure is a wrong guess, not the reader's problem
        names = []
    # UTF-8 with a damaged byte, then the commonest non-UTF-8 encoding of
    # plain-text books, for when the sample said nothing useful.
    names += ["utf-8", "gb18030"]
    families: list[tuple[str, ...]] = []
    for name in names:
        family = _FAMILIES.get(name, (name,))
        if family not in families:
            families.append(family)
    return families


def _nearly_clean(text: str) -> bool:
    replaced = text.count("\ufffd")
    return replaced <= max(_DAMAGE_MIN, _DAMAGE_SHARE * len(text))
