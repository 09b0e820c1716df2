"""The folding table kept on disk, so no search waits for it to be built.

Building a table (`folding.build`) costs 50-70 ms of OpenCC and Unicode work,
and the first search after Ctrl+F would wait for it: the query is folded with
it. Read back from a file it costs about a millisecond. Two places are looked
in, in this order:

- shipped with Readmark (`resources/search/`, made by
  `packaging/make_folding_tables.py`; `tests/core/test_folding_store.py` checks
  that it equals the table built here), so even the very first search is quick;
- the user's cache folder (`cache/search/`), where a table built here is kept:
  with another OpenCC or another Python's Unicode than the shipped one was made
  with, only the first search ever builds it.

A file counts only if it was made from the same rules: its key is a digest of
`folding.py`'s source, the Unicode version (`unicodedata.unidata_version`:
case, width and accents) and the installed OpenCC's version (its Traditional
characters). A frozen bundle (PyInstaller) has no `folding.py` to read: its build
records the digest of the `folding.py` it froze beside the tables
(`SOURCE_DIGEST`, written by `write_source_digest` from packaging/pyinstaller/
readmark.spec), and the bundle takes that one; without it the key is one no
stored table has, so a table is only ever used by the code that made it. A file
that is missing, damaged, cut short or of another key is
passed over and the table built (and the cache's copy written again); nothing
here raises. The file's contents are checked against a digest stored with them
before they are unmarshalled.

Layout of a file: `MAGIC`, the key (16 bytes), the payload's digest (16 bytes),
then the payload: zlib of `marshal` of (the table's `folding.table_digest`, the
table).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import stat
import unicodedata
import zlib
from pathlib import Path

from readmark import paths, resources
from readmark.core.search import folding

MAGIC = b"readmark-folding-1\n"
_KEY_SIZE = 16
_MARSHAL_VERSION = 4
FOLDER = "search"  # in the resources and in the cache folder
# In a bundle only, beside the tables: the digest of the folding.py it froze.
SOURCE_DIGEST = "folding-source.digest"
_HEX_DIGEST = re.compile(f"[0-9a-f]{{{2 * _KEY_SIZE}}}")


def file_name(match_case: bool) -> str:
    return "folding-case.bin" if match_case else "folding.bin"


def source_digest() -> str:
    """The digest of `folding.py`'s source (hex): read from the source, or in a bundle
    frozen without sources, the one its build recorded ("" when neither is there)."""
    return _digest_of_source() or _recorded_source_digest()


def _digest_of_source() -> str:
    try:
        source = Path(folding.__file__).read_bytes()
    except (OSError, TypeError):
        return ""
    return hashlib.blake2b(source.replace(b"\r\n", b"\n"), digest_size=_KEY_SIZE).hexdigest()


def write_source_digest(folder: Path) -> Path:
    """Record the digest of the `folding.py` this Python imports in `folder` (the
    bundle's build does, for the frozen program that has no source to read)."""
    digest = _digest_of_source()  # never a digest recorded before: the source itself
    if not digest:
        raise FileNotFoundError(f"no source of {folding.__name__} to digest")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / SOURCE_DIGEST
    target.write_text(digest + "\n", encoding="ascii")
    return target


def _recorded_source_digest() -> str:
    try:
        path = resources.path(FOLDER, SOURCE_DIGEST)
        if not stat.S_ISREG(path.stat().st_mode):
            return ""
        with path.open("rb") as handle:
            recorded = handle.read(100).decode("ascii").strip()
    except (OSError, ValueError):  # missing, unreadable, not ASCII
        return ""
    return recorded if _HEX_DIGEST.fullmatch(recorded) else ""


def key(match_case: bool) -> bytes:
    """What a stored table must have been made from to be used (see the module)."""
    from readmark.core.render_cache import distribution_version  # no OpenCC import

    source = source_digest()
    if not source:  # frozen without sources nor their digest: no stored table fits
        from readmark import __version__

        source = f"readmark {__version__} without sources"
    digest = hashlib.blake2b(digest_size=_KEY_SIZE)
    for part in (
        MAGIC,
        source.encode(),
        unicodedata.unidata_version.encode(),
        distribution_version("opencc").encode(),
        b"case" if match_case else b"fold",
    ):
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.digest()


def encode(table_key: bytes, table: dict[int, int]) -> bytes:
    payload = zlib.compress(
        marshal.dumps((folding.table_digest(table), table), _MARSHAL_VERSION), 9
    )
    check = hashlib.blake2b(payload, digest_size=_KEY_SIZE).digest()
    return MAGIC + table_key + check + payload


def decode(data: bytes, table_key: bytes) -> tuple[dict[int, int], str] | None:
    """The table and its digest stored in `data`, if made with `table_key` and
    intact; else None."""
    start = len(MAGIC)
    if not data.startswith(MAGIC) or data[start : start + _KEY_SIZE] != table_key:
        return None
    check = data[start + _KEY_SIZE : start + 2 * _KEY_SIZE]
    payload = data[start + 2 * _KEY_SIZE :]
    if hashlib.blake2b(payload, digest_size=_KEY_SIZE).digest() != check:
        return None
    try:  # only our own bytes get here (the digest matched)
        stored = marshal.loads(zlib.decompress(payload))
    except (zlib.error, ValueError, EOFError, TypeError):
        return None
    if not (
        isinstance(stored, tuple)
        and len(stored) == 2
        and isinstance(stored[0], str)
        and isinstance(stored[1], dict)
    ):
        return None
    return stored[1], stored[0]


def read(path: Path, table_key: bytes) -> tuple[dict[int, int], str] | None:
    """The table stored at `path`, or None if there is none fit to use (a pipe or
    a device there is never opened: reading it could wait for ever)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as handle:
            data = handle.read(8_000_000)  # a table is ~40 KB: never read a huge file whole
    except (OSError, ValueError):
        return None
    return decode(data, table_key)


def write(path: Path, table_key: bytes, table: dict[int, int]) -> bool:
    """Store `table` at `path` through a temporary file; whether it was written
    (a cache that cannot be written is only slower)."""
    import tempfile  # only when a table was built

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(encode(table_key, table))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def shipped_path(match_case: bool) -> Path | None:
    try:
        return resources.path(FOLDER, file_name(match_case))
    except FileNotFoundError:
        return None


def cached_path(match_case: bool) -> Path:
    return paths.cache_dir() / FOLDER / file_name(match_case)


def stored_or_built(
    match_case: bool, places: tuple[Path | None, Path] | None = None
) -> tuple[dict[int, int], str]:
    """The table and its digest: read from the shipped copy or the cache
    (`places`: where to look, the last one where a built table is kept; by
    default the shipped file and the user's cache), else built and kept."""
    shipped, cached = places or (shipped_path(match_case), cached_path(match_case))
    table_key = key(match_case)
    for path in (shipped, cached):
        found = read(path, table_key) if path is not None else None
        if found is not None:
            return found
    table = folding.build(match_case)
    write(cached, table_key, table)
    return table, folding.table_digest(table)
