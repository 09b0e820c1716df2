"""The files of a sync folder: one per computer, written whole or not at all.

Each computer writes only `<folder>/readmark/<device id>.rmsync`, so the user's
sync tool (Syncthing, Nextcloud, Dropbox, a USB stick) never sees two computers
change one file. A file is an envelope around the CRDT's bytes:

    b"RMSYNC\\n"  format (2 bytes, big-endian)  length (8 bytes)  SHA-256 (32 bytes)  payload

so a file the sync tool has only half copied is recognised (its length or digest
does not match) before the CRDT library reads a byte of it, and a file from a
newer Readmark (a format this code does not know) is left alone with a message.
Files are written to a temporary name beside the target and renamed over it,
so a reader sees the old file or the new one, never a mixture.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.errors import StoreMessage

MAGIC = b"RMSYNC\n"
FORMAT = 1  # raise it when files change so that this version could not read them
_HEADER = struct.Struct(">HQ32s")
SUBFOLDER = "readmark"
SUFFIX = ".rmsync"
MAX_FILE = 512 * 1024 * 1024  # a sync file larger than this is not ours
_DEVICE = re.compile(r"^[0-9a-f]{32}$")

CONTEXT = "SyncError"


def message(template: str, **params: object) -> StoreMessage:
    return StoreMessage(template, dict(params), CONTEXT)


class EnvelopeError(Exception):
    """A file that cannot be read (yet): `problem` says why, for the reader."""

    def __init__(self, problem: StoreMessage) -> None:
        super().__init__(str(problem))
        self.problem = problem


def wrap(payload: bytes) -> bytes:
    return MAGIC + _HEADER.pack(FORMAT, len(payload), hashlib.sha256(payload).digest()) + payload


def digest(data: bytes) -> str:
    """The SHA-256 its header gives for a wrapped file's payload, in hex (what was
    written, not checked: `unwrap` checks it)."""
    return bytes(data[len(MAGIC) + 10 : len(MAGIC) + _HEADER.size]).hex()


def signature(path: Path) -> tuple[int, str] | None:
    """(size, payload digest) of a sync file, from its header alone: a file read and
    merged before with the same signature holds nothing new. None if unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(MAGIC) + _HEADER.size)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return None
    if len(head) < len(MAGIC) + _HEADER.size or not head.startswith(MAGIC):
        return None
    return size, digest(head)


def unwrap(data: bytes, name: str) -> bytes:
    """The payload of a sync file; EnvelopeError for a torn, foreign or newer one."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _HEADER.size:
        if MAGIC.startswith(data[: len(MAGIC)]):  # empty, or cut inside the header
            raise EnvelopeError(_incomplete(name))
        raise EnvelopeError(
            message(
                QT_TRANSLATE_NOOP("SyncError", "{name} in the sync folder is not a Readmark file."),
                name=name,
            )
        )
    version, length, digest = _HEADER.unpack_from(data, len(MAGIC))
    if version > FORMAT:
        raise EnvelopeError(
            message(
                QT_TRANSLATE_NOOP(
                    "SyncError",
                    "{name} was written by a newer Readmark (sync format {found}; this "
                    "version reads {known}). Update Readmark on this computer to read it; "
                    "nothing of it was lost.",
                ),
                name=name,
                found=version,
                known=FORMAT,
            )
        )
    payload = data[len(MAGIC) + _HEADER.size :]
    if len(payload) != length or hashlib.sha256(payload).digest() != digest:
        raise EnvelopeError(_incomplete(name))
    return payload


def _incomplete(name: str) -> StoreMessage:
    return message(
        QT_TRANSLATE_NOOP(
            "SyncError",
            "{name} in the sync folder is incomplete (still being copied?); it will be "
            "read at the next sync.",
        ),
        name=name,
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file renamed over it (OSError on failure)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def device_id(state_dir: Path) -> str:
    """This computer's id, made once and kept in the data folder (OSError if unwritable)."""
    path = state_dir / "device"
    try:
        found = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        found = ""
    if _DEVICE.match(found):
        return found
    state_dir.mkdir(parents=True, exist_ok=True)
    made = uuid.uuid4().hex
    write_atomically(path, made.encode("ascii"))
    return made


@dataclass(frozen=True)
class Peer:
    """Another computer's file, read whole."""

    device: str
    payload: bytes
    signature: tuple[int, str] = (0, "")  # (file size, payload digest)


Signatures = dict[str, tuple[int, str]]  # device → the signature of its file


def read_peers(
    folder: Path, own: str, merged: Signatures | None = None
) -> tuple[list[Peer], list[StoreMessage], Signatures]:
    """Every other computer's payload in the folder, what could not be read, and
    the files left unread because `merged` says they were merged before unchanged
    (their header and size alone are read)."""
    peers: list[Peer] = []
    problems: list[StoreMessage] = []
    unchanged: Signatures = {}
    where = folder / SUBFOLDER
    try:
        names = sorted(p.name for p in where.iterdir())
    except FileNotFoundError:
        return [], [], {}
    for name in names:
        device = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else ""
        if not _DEVICE.match(device) or device == own:
            continue  # temporary files, our own, and whatever else is there
        path = where / name
        try:
            if not path.is_file() or path.stat().st_size > MAX_FILE:
                continue
            known = (merged or {}).get(device)
            if known is not None and signature(path) == known:
                unchanged[device] = known
                continue
            data = path.read_bytes()
            peers.append(Peer(device, unwrap(data, name), (len(data), digest(data))))
        except EnvelopeError as error:
            problems.append(error.problem)
        except OSError as exc:
            problems.append(
                message(
                    QT_TRANSLATE_NOOP("SyncError", "{name} could not be read: {reason}"),
                    name=name,
                    reason=exc.strerror or str(exc),
                )
            )
    return peers, problems, unchanged


def own_file(folder: Path, device: str) -> Path:
    return folder / SUBFOLDER / f"{device}{SUFFIX}"
