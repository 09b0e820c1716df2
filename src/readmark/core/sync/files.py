"""The files of a sync folder: one per computer, only ever appended to or
replaced whole.

Each computer writes only `<folder>/readmark/<device id>.rmsync`, so the user's
sync tool (Syncthing, Nextcloud, Dropbox, a USB stick) never sees two computers
change one file. A file is a run of frames, each an envelope around CRDT bytes:

    b"RMSYNC\n"  format (2 bytes, big-endian)  length (8 bytes)  SHA-256 (32 bytes)  payload

The first frame holds a whole snapshot; the frames after it the updates of one
sync each, appended (a change among 10,000 annotations adds a few hundred
bytes instead of rewriting megabytes). A frame the sync tool has only partly
copied is recognised (its length or digest does not match) before the CRDT
library reads a byte of it, and the whole frames before it are still read; a
file from a newer Readmark (a format this code does not know) is left alone
with a message. When the appended frames grow as large as the snapshot, the
file is replaced whole: written to a temporary name beside the target and
renamed over it, so a reader sees the old file or the new one, never a mixture.

A reader that merged a file up to some size reads only what was appended since
(the first frame's digest tells that the file was not replaced meanwhile).
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
# Raise it when files change so that this version could not read them. 2: frames
# appended after the first (format 1 files are one frame, and are read as such).
FORMAT = 2
_HEADER = struct.Struct(">HQ32s")
FRAME = len(MAGIC) + _HEADER.size  # a frame's envelope, before its payload
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
    """One frame around `payload`."""
    return MAGIC + _HEADER.pack(FORMAT, len(payload), hashlib.sha256(payload).digest()) + payload


def digest(data: bytes) -> str:
    """The SHA-256 the first frame's header gives for its payload, in hex (what was
    written, not checked: `frames` checks it)."""
    return bytes(data[len(MAGIC) + 10 : FRAME]).hex()


Signature = tuple[int, str]  # (file size, its first frame's digest)


def signature(path: Path) -> Signature | None:
    """A sync file's size and first digest, from its header alone: a file merged
    before with the same signature holds nothing new, and one with the same digest
    and a larger size has frames appended. None if unreadable or not ours."""
    try:
        with path.open("rb") as handle:
            head = handle.read(FRAME)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return None
    if len(head) < FRAME or not head.startswith(MAGIC):
        return None
    return size, digest(head)


@dataclass(frozen=True)
class Frames:
    """The whole frames of a file from some offset, and where they end."""

    payloads: tuple[bytes, ...]
    end: int  # the offset just after the last whole frame
    problem: StoreMessage | None = None  # why what follows `end` could not be read


def frames(data: bytes, name: str, start: int = 0) -> Frames:
    """The payloads of the whole frames of `data` from `start`. What follows the
    last whole frame is a frame still being copied, a newer format or not ours:
    `problem` says which, for the reader."""
    payloads: list[bytes] = []
    at = start
    while at < len(data):
        try:
            payload = _frame(data, at, name)
        except EnvelopeError as error:
            return Frames(tuple(payloads), at, error.problem)
        payloads.append(payload)
        at += FRAME + len(payload)
    return Frames(tuple(payloads), at)


def unwrap(data: bytes, name: str) -> list[bytes]:
    """Every payload of a whole sync file; EnvelopeError for a torn, foreign or newer one."""
    found = frames(data, name)
    if found.problem is not None:
        raise EnvelopeError(found.problem)
    if not found.payloads:
        raise EnvelopeError(_incomplete(name))  # empty
    return list(found.payloads)


def _frame(data: bytes, at: int, name: str) -> bytes:
    head = data[at : at + FRAME]
    if not head.startswith(MAGIC) or len(head) < FRAME:
        if MAGIC.startswith(head[: len(MAGIC)]):  # cut inside the header
            raise EnvelopeError(_incomplete(name))
        raise EnvelopeError(
            message(
                QT_TRANSLATE_NOOP("SyncError", "{name} in the sync folder is not a Readmark file."),
                name=name,
            )
        )
    version, length, expected = _HEADER.unpack_from(head, len(MAGIC))
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
    payload = data[at + FRAME : at + FRAME + length]
    if len(payload) != length or hashlib.sha256(payload).digest() != expected:
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


def append(path: Path, frame: bytes) -> None:
    """Append a frame to `path` and flush it to disk (OSError on failure). A crash
    halfway leaves a torn last frame, which readers skip and the next write replaces."""
    with path.open("ab") as handle:
        handle.write(frame)
        handle.flush()
        os.fsync(handle.fileno())


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
    """What is new in another computer's file."""

    device: str
    payloads: tuple[bytes, ...]
    signature: Signature  # how far it is read, once these are merged


Signatures = dict[str, Signature]  # device → how far its file has been merged


def read_peers(
    folder: Path, own: str, merged: Signatures | None = None
) -> tuple[list[Peer], list[StoreMessage], Signatures]:
    """What is new in every other computer's file, what could not be read, and the
    files with nothing new. `merged` says how far each file was merged before: a
    file with that signature is not read, one grown since only from there."""
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
            now = signature(path)
            if known is not None and now == known:
                unchanged[device] = known
                continue
            start = known[0] if known and now and now[1] == known[1] and now[0] > known[0] else 0
            with path.open("rb") as handle:
                handle.seek(start)
                data = handle.read(MAX_FILE)
            found = frames(data, name)
            if found.problem is not None:
                problems.append(found.problem)
            if found.payloads:
                first = digest(data) if start == 0 else known[1] if known else ""
                peers.append(Peer(device, found.payloads, (start + found.end, first)))
            elif start and known:
                unchanged[device] = known
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
