"""Safe access to the members of an EPUB's ZIP archive.

An EPUB is a ZIP file, and a ZIP file can be hostile. `EpubArchive` is the only
way the EPUB loader reads one:

- Members are addressed only by *normalised* names: `\\` becomes `/`, `.` and
  empty segments go; an entry whose name is absolute, has a drive letter, a NUL
  or a `..` segment is ignored, as are directories and symbolic links. Nothing is
  ever extracted to disk.
- Duplicate entries: the first one wins.
- A name stored without the ZIP's UTF-8 flag is decoded by `zipfile` as cp437;
  its UTF-8, GB18030 and Shift-JIS readings are looked up too, and so is the
  name with another case (hand-made EPUBs get either wrong).
- Zip bombs: the archive is refused when it has more than `MAX_MEMBERS` entries
  (checked in the end-of-central-directory record before `zipfile` reads them),
  declares more than `MAX_TOTAL_BYTES` uncompressed, or has a member larger than
  `RATIO_FLOOR_BYTES` compressed more than `MAX_RATIO` to one. These checks read
  only the central directory. A single member is read only if it declares at most
  the caller's limit, and the read stops at that limit whatever the headers say.

The archive is kept in memory as the file's bytes (hashed for the content id
anyway); `clone()` gives an independent reader for another thread.
"""

from __future__ import annotations

import io
import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from readmark.core.book import BookError
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.textio import _MAGIC as KNOWN_MAGIC

MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
MAX_TEXT_BYTES = 16 * 1024 * 1024  # one XHTML, OPF, NCX or CSS file
_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


class MemberError(Exception):
    """One member cannot be read; `reason` is "missing", "too large" or "damaged"."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def normalise_name(name: str) -> str | None:
    """The archive-relative name of a ZIP entry, or None if it is not to be trusted."""
    name = name.replace("\\", "/")
    if not name or name.startswith("/") or _DRIVE.match(name) or "\x00" in name:
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _alternative_names(info: zipfile.ZipInfo) -> list[str]:
    """Readings of an entry name stored without the UTF-8 flag, besides cp437."""
    if info.flag_bits & 0x800:
        return []
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return []
    names = []
    for encoding in ("utf-8", "gb18030", "shift_jis"):
        try:
            names.append(raw.decode(encoding))
        except UnicodeDecodeError:
            pass
    return names


class EpubArchive:
    def __init__(self, data: bytes, name: str) -> None:
        """Open the archive in `data` (the bytes of the file called `name`), or raise BookError."""
        self.data = data
        self.name = name
        self._check_count(_declared_count(data))
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise _not_a_zip(data, name) from None
        self.members: dict[str, zipfile.ZipInfo] = {}
        self._aliases: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._index(self._zip.infolist())

    def _check_count(self, count: int) -> None:
        if count > MAX_MEMBERS:
            raise BookError(
                QT_TRANSLATE_NOOP(
                    "BookError",
                    "“{name}” has {count} files inside; Readmark opens EPUBs with up to {limit}.",
                ),
                name=self.name,
                count=count,
                limit=MAX_MEMBERS,
            )

    def _index(self, infos: list[zipfile.ZipInfo]) -> None:
        self._check_count(len(infos))
        total = 0
        for info in infos:
            total += info.file_size
            bomb = info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            )
            if bomb or total > MAX_TOTAL_BYTES:
                raise BookError(
                    QT_TRANSLATE_NOOP(
                        "BookError",
                        "“{name}” expands to far more than its size (a “zip bomb”); "
                        "it was not opened.",
                    ),
                    name=self.name,
                )
            if info.is_dir() or _is_symlink(info):
                continue
            name = normalise_name(info.filename)
            if name is None or name in self.members:
                continue
            self.members[name] = info
            for alias in _alternative_names(info):
                alias_name = normalise_name(alias)
                if alias_name:
                    self._aliases.setdefault(alias_name, name)
            self._folded.setdefault(name.casefold(), name)

    def clone(self) -> EpubArchive:
        twin = EpubArchive.__new__(EpubArchive)
        twin.data, twin.name = self.data, self.name
        twin._zip = zipfile.ZipFile(io.BytesIO(self.data))
        twin.members, twin._aliases, twin._folded = self.members, self._aliases, self._folded
        return twin

    def find(self, name: str) -> str | None:
        """The member called `name` (a normalised path), allowing for mis-decoded or mis-cased names."""
        if name in self.members:
            return name
        return self._aliases.get(name) or self._folded.get(name.casefold())

    def size(self, name: str) -> int:
        return self.members[name].file_size

    def read(self, name: str, limit: int | None = None) -> bytes:
        """The bytes of member `name` (as `find` gives it), or MemberError; at most
        `limit` bytes (default `MAX_TEXT_BYTES`)."""
        limit = MAX_TEXT_BYTES if limit is None else limit
        info = self.members.get(name)
        if info is None:
            raise MemberError(name, "missing")
        if info.file_size > limit:
            raise MemberError(name, "too large")
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise MemberError(name, "too large")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
            raise MemberError(name, "damaged") from None
        except RuntimeError:  # an encrypted member
            raise MemberError(name, "damaged") from None
        return b"".join(chunks)


def _declared_count(data: bytes) -> int:
    """The entry count the end-of-central-directory record declares (0 if not found),
    read before `zipfile` builds an object for every entry."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 0xFFFF))
    if end < 0 or end + 22 > len(data):
        return 0
    (count,) = struct.unpack_from("<H", data, end + 10)
    zip64 = data.rfind(b"PK\x06\x06", max(0, end - 0x10000), end)
    if count == 0xFFFF and zip64 >= 0 and zip64 + 40 <= len(data):
        (count,) = struct.unpack_from("<Q", data, zip64 + 32)
    return int(count)


def _not_a_zip(data: bytes, name: str) -> BookError:
    if not data.strip():
        return BookError(QT_TRANSLATE_NOOP("BookError", "“{name}” is empty."), name=name)
    for magic, kind in KNOWN_MAGIC:
        if data.startswith(magic) and not magic.startswith(b"PK"):
            return BookError(
                QT_TRANSLATE_NOOP("BookError", "“{name}” is {kind}, not an EPUB book."),
                name=name,
                kind=kind,
            )
    if data.startswith(b"PK"):
        return BookError(
            QT_TRANSLATE_NOOP(
                "BookError", "“{name}” is damaged or incomplete: its ZIP archive cannot be read."
            ),
            name=name,
        )
    return BookError(
        QT_TRANSLATE_NOOP("BookError", "“{name}” is not an EPUB book (it is not a ZIP archive)."),
        name=name,
    )


def read_book_file(path: Path) -> bytes:
    """The bytes of the EPUB at `path`, with the same checks (and messages) as text books."""
    from readmark.core.textio import read_bytes

    return read_bytes(path)
