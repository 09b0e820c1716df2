"""Reading a text book from disk: checks, encoding detection, newline normalisation.

`read_text` either returns the decoded text or raises `BookError` with a message
for the person reading. It never guesses in a way that can crash: the last resort
is UTF-8 with replacement characters.

Encodings are tried in this order: a byte order mark (UTF-32 before UTF-16, as
the UTF-32 LE mark starts with the UTF-16 LE one), UTF-16 without a BOM when
every other byte is NUL, strict UTF-8, strict GB18030
(a superset of GBK and GB2312, the common encodings of Chinese plain-text books),
then UTF-8 with errors replaced. A loader with its own detection (the plain-text
loader's, or the reader's choice of encoding) passes it as `decoder`; the checks
stay the same.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from readmark.core.book import BookError
from readmark.core.i18n import QT_TRANSLATE_NOOP

MAX_BYTES = 200 * 1024 * 1024
MAX_LINE_CHARS = 2_000_000
# Share of control characters (other than tab, newline, carriage return, form
# feed) in the decoded sample above which the file is taken for binary.
_CONTROL_SHARE = 0.10
_SAMPLE_CHARS = 64 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of files people are likely to try to open by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", QT_TRANSLATE_NOOP("BookError", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("BookError", "a JPEG image")),
    (b"GIF87a", QT_TRANSLATE_NOOP("BookError", "a GIF image")),
    (b"GIF89a", QT_TRANSLATE_NOOP("BookError", "a GIF image")),
    (b"%PDF-", QT_TRANSLATE_NOOP("BookError", "a PDF document")),
    (b"PK\x03\x04", QT_TRANSLATE_NOOP("BookError", "a ZIP archive (an EPUB or office document?)")),
    (b"PK\x05\x06", QT_TRANSLATE_NOOP("BookError", "a ZIP archive")),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("BookError", "a gzip archive")),
    (b"7z\xbc\xaf\x27\x1c", QT_TRANSLATE_NOOP("BookError", "a 7-Zip archive")),
    (b"Rar!\x1a\x07", QT_TRANSLATE_NOOP("BookError", "a RAR archive")),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        QT_TRANSLATE_NOOP("BookError", "an old Microsoft Office document"),
    ),
    (b"\x7fELF", QT_TRANSLATE_NOOP("BookError", "a program")),
    (b"MZ", QT_TRANSLATE_NOOP("BookError", "a Windows program")),
    (b"SQLite format 3\x00", QT_TRANSLATE_NOOP("BookError", "an SQLite database")),
    (b"BM", QT_TRANSLATE_NOOP("BookError", "a BMP image")),
    (b"ID3", QT_TRANSLATE_NOOP("BookError", "an MP3 audio file")),
    (b"OggS", QT_TRANSLATE_NOOP("BookError", "an Ogg audio file")),
    (b"fLaC", QT_TRANSLATE_NOOP("BookError", "a FLAC audio file")),
)
# Short magics that plain text could also begin with; they only count when
# the file also fails to look like text.
_WEAK_MAGIC = {b"MZ", b"BM", b"ID3", b"\x1f\x8b"}

CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Emptiness tests that stop at the first visible character instead of making a
# stripped copy of the whole book (`\S` is what `str.strip()` strips).
_NOT_SPACE_BYTE = re.compile(rb"[^ \t\r\n\f\v]")
_NOT_SPACE = re.compile(r"\S")


# Raw bytes -> (text, Python codec name); may raise BookError (an unknown codec).
Decoder = Callable[[bytes], tuple[str, str]]


@dataclass(frozen=True)
class DecodedText:
    text: str  # newlines normalised to "\n", BOM removed
    encoding: str  # Python codec name that decoded it ("utf-8", "gb18030", ...)
    content_id: str  # blake2b hex digest of the raw bytes
    size: int  # bytes on disk


def read_text(path: Path, decoder: Decoder | None = None) -> DecodedText:
    """Read and decode a text file, or raise `BookError` saying why not.

    `decoder` replaces the built-in choice of encoding; text it decodes as
    UTF-16 or UTF-32 may hold NUL bytes, any other is checked for being binary.
    """
    path = Path(path)
    raw = read_bytes(path)
    if not _NOT_SPACE_BYTE.search(raw):
        raise BookError(QT_TRANSLATE_NOOP("BookError", "“{name}” is empty."), name=path.name)
    content_id = digest_alongside(raw)

    if decoder is None:
        marked = bom_encoding(raw) or bomless_utf16(raw)
        if marked is None:
            _check_binary(raw, path)
        text, encoding = decode_bytes(raw, marked)
    else:
        text, encoding = decoder(raw)
        if not encoding.replace("_", "-").startswith(("utf-16", "utf-32")):
            _check_binary(raw, path)
    text = normalize_newlines(text) if "\r" in text else text
    text = text.lstrip("\ufeff")

    if not _NOT_SPACE.search(text):
        raise BookError(QT_TRANSLATE_NOOP("BookError", "“{name}” is empty."), name=path.name)
    refuse_control_heavy(text, path)
    _check_line_length(text, path)
    return DecodedText(
        text=text,
        encoding=encoding,
        content_id=content_id(),
        size=len(raw),
    )


# Below this the digest costs less than starting a thread (~0.1 ms).
_DIGEST_THREAD_BYTES = 1024 * 1024


def digest_alongside(raw: bytes) -> Callable[[], str]:
    """The content id of `raw` (blake2b, 20 bytes, hex), made while the caller goes on:
    hashlib lets go of the interpreter while it hashes a large buffer, so on a second
    core the digest of a 10 MB book (~11 ms) costs nothing next to its decoding
    (~13 ms). Call the result for the digest (it waits for it if need be)."""
    digest = hashlib.blake2b(digest_size=20)
    if len(raw) < _DIGEST_THREAD_BYTES:
        digest.update(raw)
        return digest.hexdigest
    import threading

    worker = threading.Thread(target=digest.update, args=(raw,), name="readmark-digest")
    try:
        worker.start()
    except RuntimeError:  # no thread to be had (a process at its limit): here, then
        digest.update(raw)
        return digest.hexdigest

    def finished() -> str:
        worker.join()
        return digest.hexdigest()

    return finished


def normalize_newlines(text: str) -> str:
    """Every \\r\\n and lone \\r as \\n: `re.sub(r"\\r\\n?", "\\n", text)`, done by the
    io module's newline decoder in C, twice as fast on a 10 MB book with CRLF lines."""
    return io.IncrementalNewlineDecoder(None, translate=True).decode(text, final=True)


def decode_bytes(raw: bytes, marked: str | None = None) -> tuple[str, str]:
    """Decode `raw` by BOM (or `marked`), UTF-8, GB18030, then lenient UTF-8; never raises."""
    marked = marked or bom_encoding(raw)
    if marked is not None:
        return raw.decode(marked, errors="replace"), marked
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", errors="replace"), "utf-8"


def read_bytes(path: Path) -> bytes:
    """The file's bytes (at most MAX_BYTES + 1), or a BookError saying why not.

    Only a regular file is ever read: a folder, a named pipe, a device or a
    socket is refused from `os.stat` before it is opened (a pipe would block the
    reader until something wrote to it). In case the path is swapped after that
    check, the file is opened without blocking and the opened descriptor is
    checked again before anything is read from it.
    """
    name = path.name or str(path)
    try:
        _check_size(check_book_path(path), name)
        fd = os.open(path, _OPEN_FLAGS)
        try:
            opened = os.fstat(fd)
            refuse_non_regular(opened, name)
            _check_size(opened, name)
            if _NONBLOCK:
                os.set_blocking(fd, True)  # a regular file: no effect but to be plain
            with open(fd, "rb") as f:
                fd = -1  # the file object closes it now
                return f.read(MAX_BYTES + 1)
        finally:
            if fd >= 0:
                os.close(fd)
    except OSError as exc:
        raise _os_error(exc, name) from None


# Opening never waits: O_NONBLOCK makes opening a named pipe return at once (a
# regular file ignores it), and O_NOCTTY keeps a terminal from becoming ours.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def check_book_path(path: Path) -> os.stat_result:
    """The status of the regular file at `path` (links followed), without opening it;
    a BookError if it is missing, a folder, or not a regular file."""
    name = path.name or str(path)
    try:
        status = os.stat(path)
    except ValueError:  # a NUL in the name: no such file can exist
        raise BookError(
            QT_TRANSLATE_NOOP("BookError", "“{name}” does not exist."), name=name
        ) from None
    except OSError as exc:
        raise _os_error(exc, name) from None
    refuse_non_regular(status, name)
    return status


def refuse_non_regular(status: os.stat_result, name: str) -> None:
    """A BookError unless `status` is a regular file's."""
    mode = status.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise BookError(
            QT_TRANSLATE_NOOP("BookError", "“{name}” is a folder, not a book."), name=name
        )
    if stat.S_ISFIFO(mode):
        kind = QT_TRANSLATE_NOOP("BookError", "a named pipe")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = QT_TRANSLATE_NOOP("BookError", "a device")
    elif stat.S_ISSOCK(mode):
        kind = QT_TRANSLATE_NOOP("BookError", "a socket")
    else:
        kind = QT_TRANSLATE_NOOP("BookError", "a special file")
    raise BookError(
        QT_TRANSLATE_NOOP(
            "BookError",
            "“{name}” is not a regular file ({kind}); Readmark opens only ordinary files.",
        ),
        name=name,
        kind=kind,
    )


def _check_size(status: os.stat_result, name: str) -> None:
    size = status.st_size
    if size > MAX_BYTES:
        raise BookError(
            QT_TRANSLATE_NOOP(
                "BookError",
                "“{name}” is too big ({size} MB); Readmark opens books up to {limit} MB.",
            ),
            name=name,
            size=size // (1024 * 1024),
            limit=MAX_BYTES // (1024 * 1024),
        )


def _os_error(exc: OSError, name: str) -> BookError:
    """The BookError for a failure to look at or read the book file."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        # NotADirectoryError: a part of the path is a file, so there is no such file.
        return BookError(QT_TRANSLATE_NOOP("BookError", "“{name}” does not exist."), name=name)
    if isinstance(exc, IsADirectoryError):
        return BookError(
            QT_TRANSLATE_NOOP("BookError", "“{name}” is a folder, not a book."), name=name
        )
    if isinstance(exc, PermissionError):
        return BookError(
            QT_TRANSLATE_NOOP("BookError", "Readmark is not allowed to read “{name}”."),
            name=name,
        )
    return BookError(
        QT_TRANSLATE_NOOP("BookError", "“{name}” could not be read: {reason}"),
        name=name,
        reason=exc.strerror or os.strerror(exc.errno or 0),
    )


def bom_encoding(raw: bytes) -> str | None:
    """The encoding a byte order mark at the start of `raw` names, if any."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def refuse_control_heavy(text: str, path: Path) -> None:
    """Decoded text whose start is mostly control characters is a binary file."""
    sample = text[:_SAMPLE_CHARS]
    if len(CONTROL_RE.findall(sample)) > _CONTROL_SHARE * len(sample):
        raise BookError(
            QT_TRANSLATE_NOOP("BookError", "“{name}” is a binary file, not a text book."),
            name=path.name,
        )


def bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = raw[:4096]
    if len(sample) < 8 or len(raw) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _check_binary(raw: bytes, path: Path) -> None:
    """Refuse a known binary format, or bytes with NULs (not UTF-16/32 text)."""
    check_magic(raw, path)
    if b"\x00" in raw[: 1024 * 1024]:
        raise BookError(
            QT_TRANSLATE_NOOP("BookError", "“{name}” is a binary file, not a text book."),
            name=path.name,
        )


def check_magic(raw: bytes, path: Path) -> None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            if magic in _WEAK_MAGIC and b"\x00" not in raw[:4096]:
                continue
            raise BookError(
                QT_TRANSLATE_NOOP("BookError", "“{name}” is {kind}, not a text book."),
                name=path.name,
                kind=kind,
            )


def _check_line_length(text: str, path: Path) -> None:
    """Refuse text with a line longer than MAX_LINE_CHARS.

    Rather than visiting every line, look at windows of MAX_LINE_CHARS + 1
    characters from a line start: every line starting before the window's last
    newline ends within the window, so is short enough, and the next window
    starts after that newline. A window without a newline is a line too long.
    """
    n = len(text)
    start = 0
    while start + MAX_LINE_CHARS < n:
        last = text.rfind("\n", start, start + MAX_LINE_CHARS + 1)
        if last < 0:
            end = text.find("\n", start)
            raise BookError(
                QT_TRANSLATE_NOOP(
                    "BookError",
                    "“{name}” has a line of {length} characters; it does not look like a book.",
                ),
                name=path.name,
                length=(n if end < 0 else end) - start,
            )
        start = last + 1
