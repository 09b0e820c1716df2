"""This computer's sync state: the document as last synced (the *base*) and how
far into the library's change numbers that sync had read.

- `<data>/sync/state.rmsync`: the base, in the frames of the folder's files
  (the same bytes as this computer's file there, appended to alike).
- `<data>/sync/state.count`: `{"count": N, "state": [size, first digest],
  "library": <library file>, "peers": {device: [size, digest]}}`: every
  annotation change numbered N or lower (schema 5's `annotation_changes`) is in
  the base, and so is every other computer's file with that size and payload
  digest (not read again while it stays so). Written after the base and naming
  its digest, so a crash between the two (or a base from elsewhere) makes the
  next sync compare the whole library and read every file instead of missing a
  change.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import loro

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.errors import StoreMessage
from readmark.core.store.library import Library
from readmark.core.sync import document, files
from readmark.core.sync.files import message

STATE = "state.rmsync"
COUNT = "state.count"


@dataclass
class Base:
    doc: loro.LoroDoc
    trusted: bool  # this library's own last sync: what differs from it changed here
    source: Path | None  # the file it came from
    count: int | None  # the change number it holds everything up to (None: unknown)
    # The state file's signature (its whole frames' size, its first frame's digest)
    # and the length of its first frame, when it came from there.
    signature: files.Signature | None = None
    first: int = 0
    peers: files.Signatures = field(default_factory=dict)  # the files merged into it


def library_identity(library: Library) -> str:
    """Which library file the base was made with: a restored backup is another file."""
    try:
        info = os.stat(library.path)
    except OSError:
        return ""
    return f"{info.st_dev}:{info.st_ino}"


def load(
    state_dir: Path, folder: Path, device: str, library: Library, problems: list[StoreMessage]
) -> Base:
    """The document as last synced, whether that is this library's last sync, the
    file it came from and the change number it holds (if not trusted, it is
    merged like another computer's file, and nothing is read from it as what
    changed here).

    It is the state in the data folder; if that is gone or damaged, this computer's
    own file in the sync folder (written right after it, and naming the library it
    was made with), so a lost state neither brings deleted marks back nor doubles notes.
    """
    identity = library_identity(library)
    for path in (state_dir / STATE, files.own_file(folder, device)):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        except OSError as exc:
            if path.parent != state_dir:
                continue  # the fallback: its problems are said when it is written
            problems.append(
                message(
                    QT_TRANSLATE_NOOP("SyncError", "{name} could not be read: {reason}"),
                    name=str(path),
                    reason=exc.strerror or str(exc),
                )
            )
            continue
        found = files.frames(data, path.name)
        if not found.payloads:
            continue  # damaged: the next place, else rebuilt from the library
        doc = document.new_doc()
        try:
            # A torn last frame (a crash while appending) is left out: the base is
            # then the one before it, which its record still describes.
            document.import_payloads(doc, found.payloads)
        except ValueError:
            continue
        trusted = document.library_of(doc, device) == identity
        if path.parent != state_dir:
            return Base(doc, trusted, path, None)
        signature = (found.end, files.digest(data))
        count, peers = _record(state_dir, signature, identity if trusted else None)
        first = files.FRAME + len(found.payloads[0])
        return Base(doc, trusted, path, count, signature, first, peers)
    return Base(document.new_doc(), False, None, None)


def _record(
    state_dir: Path, signature: files.Signature, identity: str | None
) -> tuple[int | None, files.Signatures]:
    """The change number (None unless the record names this library) and the
    merged files the record gives for the base with `signature`."""
    try:
        found = json.loads((state_dir / COUNT).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None, {}
    if not isinstance(found, dict) or found.get("state") != list(signature):
        return None, {}
    peers: files.Signatures = {}
    listed = found.get("peers")
    for device, entry in listed.items() if isinstance(listed, dict) else ():
        if (
            isinstance(entry, list)
            and len(entry) == 2
            and isinstance(entry[0], int)
            and isinstance(entry[1], str)
        ):
            peers[str(device)] = (entry[0], entry[1])
    count = found.get("count")
    if identity is None or found.get("library") != identity:
        return None, peers
    return (count if isinstance(count, int) and not isinstance(count, bool) else None), peers


def save(
    state_dir: Path,
    signature: files.Signature,
    count: int,
    peers: files.Signatures,
    library: Library,
) -> None:
    """The record of what the state file with `signature` holds (OSError on failure)."""
    record = {
        "count": count,
        "state": list(signature),
        "library": library_identity(library),
        "peers": {device: list(seen) for device, seen in sorted(peers.items())},
    }
    files.write_atomically(state_dir / COUNT, json.dumps(record).encode("utf-8"))
