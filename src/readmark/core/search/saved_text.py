"""A book's whole text as the reader shows it, kept on disk beside its converted
sections (the render cache), so a book searched before is searched again at once,
even after the window was closed.

The first search of a book converts every section (seconds for a 10 MB book);
this keeps what that produced: every section's `html_to_text`, each compressed
(zlib, level 1: ~0.6x the text's size for Chinese, ~0.4x for English; written in
~0.1 s for 10 MB). Each section is compressed on its own and decompressed when the
search first reaches it: the file is read in a few milliseconds and the first
section searched at once.

Only the text: a Chinese query is matched in the text as it is
(`Matcher.find_unfolded`), and folding it for the others (a Latin letter, a
regular expression; ~0.15 s of CPU for 10 MB, once per session) costs less than
making, writing and reading back a folded copy in every book's background work.
A copy that holds the folded texts too (written before; `encode` given them) is
still read with them.

It is valid exactly as long as the converted sections are: it lives under the
book's `cache_key` (content, options and rendering code, `html_to_text`
included). A folded form depends on the folding table too, whose digest it
records: made with another table, only the text is used and folding is redone.
Anything unreadable or inconsistent is a miss, never an error.
"""

from __future__ import annotations

import json
import zlib

from readmark.core.render_cache import RenderCache

NAME = "search-text"  # the file beside the book's sections: search-text.bin
_MAGIC = b"readmark-text-2\n"
_LEVEL = 1  # measured: level 6 is 3x slower for 2-10 % less


def _digest() -> str:
    from readmark.core.search.folding import digest

    return digest()


def _pack(text: str, level: int = _LEVEL) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), level)


def _checked(packed: bytes, length: int, repack: bool = False) -> bytes | None:
    """A section's compressed bytes, if they decompress whole (None if damaged);
    `repack`: stored, compressed here (a part of the processes, see `encode`)."""
    if not packed:
        return packed
    try:
        inflate = zlib.decompressobj()
        data = inflate.decompress(packed, 4 * length + 4)
    except zlib.error:
        return None
    if not inflate.eof:
        return None
    return zlib.compress(data, _LEVEL) if repack else packed


def encode(texts: list[str], folded: list[str] | None = None, stored: bool = False) -> bytes:
    """The file's bytes for these sections' texts (and folded texts): a header line
    (each section's length in characters, and the sizes of its two compressed
    parts, the second 0 without the folded text), then every section's text and
    folded text, each compressed alone, so one section is read without the others.
    `stored`: not compressed (zlib's level 0, the same shape) — the parts the
    processes making the text hand over: compressing 10 MB took them 0.14 s of
    CPU, and a search begun meanwhile 0.05 s to read it back, on the two cores a
    search at once after opening needs (bench/search.py --after-open: 0.35 s
    against 0.26 s); the whole copy they are joined into is compressed."""
    lengths = [len(text) for text in texts]
    level = 0 if stored else _LEVEL
    if folded is None:
        return _assemble(lengths, [(_pack(text, level), b"") for text in texts], "", stored)
    parts = [
        (_pack(text, level), _pack(fold, level)) for text, fold in zip(texts, folded, strict=True)
    ]
    return _assemble(lengths, parts, _digest(), stored)


def _assemble(
    lengths: list[int], parts: list[tuple[bytes, bytes]], folding: str, stored: bool = False
) -> bytes:
    header: dict[str, object] = {
        "lengths": lengths,
        "sizes": [[len(a), len(b)] for a, b in parts],
        "folding": folding,
    }
    if stored:
        header["stored"] = True
    body = b"".join(a + b for a, b in parts)
    return _MAGIC + json.dumps(header).encode() + b"\n" + body


class Saved:
    """A saved copy, read from disk; each section decompressed when first asked
    (a few hundred microseconds for a 30 KB chapter), so searching starts at once."""

    def __init__(
        self,
        data: bytes,
        lengths: list[int],
        offsets: list[int],
        folded: bool,
        stored: bool = False,
    ) -> None:
        self._data = data
        self._lengths = lengths
        self._offsets = offsets  # per section: start of its text, start of its folded text
        self.has_folded = folded  # made with this process's folding table
        self.stored = stored  # not compressed (see `encode`)

    def __len__(self) -> int:
        return len(self._lengths)

    def packed(self, index: int) -> tuple[int, bytes, bytes]:
        """Section `index` as stored: its length, its compressed text and folded text."""
        at = 2 * index
        start, middle, end = self._offsets[at : at + 3]
        return self._lengths[index], self._data[start:middle], self._data[middle:end]

    def _part(self, start: int, end: int, length: int) -> str | None:
        try:
            # Never more than the text can take (4 bytes a character): a damaged
            # or hostile file cannot make this allocate without bound.
            packed = zlib.decompressobj().decompress(self._data[start:end], 4 * length + 4)
            text = packed.decode("utf-8", "surrogatepass")
        except (zlib.error, UnicodeDecodeError):
            return None
        return text if len(text) == length else None

    def text(self, index: int) -> str | None:
        """Section `index`'s text; None if this part of the copy is damaged."""
        at = 2 * index
        return self._part(self._offsets[at], self._offsets[at + 1], self._lengths[index])

    def folded(self, index: int) -> str | None:
        """Its folded text; None if made with another table or damaged."""
        if not self.has_folded:
            return None
        at = 2 * index + 1
        return self._part(self._offsets[at], self._offsets[at + 1], self._lengths[index])


def decode(data: bytes, sections: int) -> Saved | None:
    """The saved copy in `data`, or None when it is not a whole copy for a book of
    `sections` sections (a part found damaged later is a miss for that section)."""
    if not data.startswith(_MAGIC):
        return None
    try:
        line_end = data.index(b"\n", len(_MAGIC))
        header = json.loads(data[len(_MAGIC) : line_end])
        lengths = [int(n) for n in header["lengths"]]
        sizes = [(int(a), int(b)) for a, b in header["sizes"]]
        folding = header.get("folding")
        stored = header.get("stored", False) is True
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if len(lengths) != sections or len(sizes) != sections:
        return None
    offsets = [line_end + 1]
    for a, b in sizes:
        if a < 0 or b < 0:
            return None
        offsets.append(offsets[-1] + a)
        offsets.append(offsets[-1] + b)
    if offsets[-1] != len(data) or any(n < 0 for n in lengths):
        return None
    # The folded texts count only if made with this table (and there: "" is none).
    return Saved(data, lengths, offsets, bool(folding) and folding == _digest(), stored)


PART = "search-text-part"  # a run of sections made so far: search-text-part-FIRST-END.bin
LEASE = "search-text-making"  # a process is making parts: search-text-making-FIRST.bin


class SavedText:
    """The saved text of one rendered book (`book_key`: `Book.cache_key`).

    Besides the whole copy, the processes that make the text (core/search/warm.py,
    one per core over a share of the sections) hand over what they have finished
    as *parts*: runs of sections, each a file of the same shape, written whole
    (a temporary file renamed), so a search begun meanwhile reads what is done
    instead of converting it again (theirs stored, not compressed: see `encode`).
    Each process leaves a *lease* while it runs. Once the parts cover the book they
    are joined into the whole copy, compressed, and removed.
    A part that is damaged, cut short or from another folding table is a miss."""

    def __init__(self, cache: RenderCache, book_key: str, write: bool = True) -> None:
        """`write`: save a copy once the whole text is made (False: only read one)."""
        self._cache = cache
        self._key = book_key
        self._write = write

    @property
    def key(self) -> str:
        """The book's `cache_key`."""
        return self._key

    def load(self, sections: int) -> Saved | None:
        data = self._cache.get_blob(self._key, NAME)
        return None if data is None else decode(data, sections)

    def save(self, texts: list[str], folded: list[str] | None = None) -> None:
        if self._write:
            self._cache.put_blob(self._key, NAME, encode(texts, folded))

    def complete(self) -> bool:
        """The whole copy is there."""
        return self._cache.has_blob(self._key, NAME)

    def _names(self) -> set[str]:
        return self._cache.blobs(self._key)

    def parts(self) -> list[tuple[int, int]]:
        """The parts on disk: (first section, end), in order."""
        found = []
        for name in self._names():
            if name.startswith(PART + "-"):
                first, _, end = name[len(PART) + 1 :].partition("-")
                if first.isdigit() and end.isdigit() and int(first) < int(end):
                    found.append((int(first), int(end)))
        return sorted(found)

    def load_part(self, first: int, end: int) -> Saved | None:
        data = self._cache.get_blob(self._key, f"{PART}-{first}-{end}")
        return None if data is None else decode(data, end - first)

    def save_part(
        self,
        first: int,
        texts: list[str],
        folded: list[str] | None = None,
        stored: bool = False,
    ) -> None:
        """Sections `first`… made here, handed over to whoever searches meanwhile
        (`stored`: not compressed, see `encode`; compressed when joined)."""
        if self._write and texts:
            name = f"{PART}-{first}-{first + len(texts)}"
            self._cache.put_blob(self._key, name, encode(texts, folded, stored))

    def making(self) -> bool:
        """A process is making parts of this book's text (or was, and was killed:
        then its parts never come, and a search makes those sections itself)."""
        return any(name.startswith(LEASE + "-") for name in self._names())

    def lease(self, first: int) -> None:
        self._cache.put_blob(self._key, f"{LEASE}-{first}", b"")

    def release(self, first: int) -> None:
        self._cache.remove_blob(self._key, f"{LEASE}-{first}")

    def join_parts(self, sections: int) -> bool:
        """Join parts that cover all `sections` into the whole copy, and remove
        them; whether the whole copy is there now."""
        if not self._write:
            return self.complete()
        if self.complete():
            self._remove_parts()
            return True
        parts = [(first, end) for first, end in self.parts() if end <= sections]
        lengths: list[int] = []
        packed: list[tuple[bytes, bytes]] = []
        every_folded = True  # the whole copy keeps folded texts only if every part had them
        loaded: dict[tuple[int, int], Saved | None] = {}
        # Parts may overlap (made by two at once): each section is taken once, from the
        # part that reaches furthest, else another if its copy there is damaged.
        covering: list[list[tuple[int, int]]] = [[] for _ in range(sections)]
        for bounds in sorted(parts, key=lambda bounds: -bounds[1]):
            for at in range(*bounds):
                covering[at].append(bounds)
        for at in range(sections):
            for bounds in covering[at]:
                if bounds not in loaded:
                    loaded[bounds] = self.load_part(*bounds)
                part = loaded[bounds]
                if part is None:
                    continue
                length, text, folded = part.packed(at - bounds[0])
                text_again = _checked(text, length, part.stored)
                folded_again = _checked(folded, length, part.stored)
                if text_again is not None and folded_again is not None:
                    break
            else:
                return False  # a gap: not every section is made (or readable) yet
            every_folded = every_folded and part.has_folded
            lengths.append(length)
            packed.append((text_again, folded_again))
        if not every_folded:
            packed = [(text, b"") for text, _folded in packed]
        folding = _digest() if every_folded else ""
        self._cache.put_blob(self._key, NAME, _assemble(lengths, packed, folding))
        self._remove_parts()
        return self.complete()

    def _remove_parts(self) -> None:
        for first, end in self.parts():
            self._cache.remove_blob(self._key, f"{PART}-{first}-{end}")
