"""Opening the library at start-up, recovering from what can go wrong with it.

`open_library` never raises for a problem with the file or its folder: it
returns the Library (or None, when the folder cannot be written and the user
can only read) and the messages to show. A damaged file, or one written by a
newer Readmark, is renamed aside, never deleted, and the newest good backup
takes its place. Problems the environment causes (permissions, a read-only
disk, a lock held too long) leave the file alone.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.backups import BackupManager, StepProgress
from readmark.core.store.errors import (
    CorruptLibraryError,
    NewerLibraryError,
    StoreError,
    StoreMessage,
)
from readmark.core.store.library import Library

STARTUP_BACKUP_INTERVAL_S = 6 * 3600
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class LibraryOpening:
    library: Library | None  # None: nothing can be saved this session
    messages: list[StoreMessage]
    # A start-up backup is due and `defer_backup` left it to the caller (`startup_backup`).
    backup_due: bool = False


def open_library(
    path: Path,
    backups: Path,
    *,
    keep: int = 10,
    backup_interval: float = STARTUP_BACKUP_INTERVAL_S,
    defer_backup: bool = False,
    checked: bool = False,
) -> LibraryOpening:
    """Open the library for this session, recovering from a damaged or newer file.

    Also backs the library up when the newest backup is older than
    `backup_interval` seconds (and the library holds anything) — or, with
    `defer_backup`, only says so (`backup_due`), for the caller to run
    `startup_backup` when it has time. `checked`: the caller has just found the
    file whole (`is_whole`, on a worker thread, a restore having written it) and
    nothing has written to it since, so its integrity is not checked again here.
    """
    manager = BackupManager(path, backups, keep)
    problem = _unwritable(path.parent)
    if problem is not None:
        return LibraryOpening(None, [problem])
    messages: list[StoreMessage] = []
    library: Library | None
    try:
        library = _open_whole(path, backups, check=not checked)
    except (CorruptLibraryError, NewerLibraryError) as error:
        library = _recover(path, manager, error, messages)
    except StoreError as error:
        # The environment (a lock, a read-only disk), or a bug of ours: either
        # way the file may be fine, so it stays where it is.
        return LibraryOpening(None, [_message(error)])
    if library is not None and _backup_due(library, manager, backup_interval):
        if defer_backup:
            return LibraryOpening(library, messages, backup_due=True)
        messages += startup_backup(manager)
    return LibraryOpening(library, messages)


def move_aside(path: Path, label: str) -> Path:
    """Rename the database and its -wal/-shm/-journal to `<name>.<label>-<time>…`.

    The side files keep their suffix after the new name, so SQLite still pairs
    them with the moved file if someone opens it to rescue what it holds.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_SIDE_FILES)):
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    for suffix in _SIDE_FILES:  # side files first: a lone -wal is never left for a new file
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, f"{target}{suffix}")
    os.replace(path, target)
    return target


def is_whole(path: Path) -> bool:
    """Whether `PRAGMA integrity_check` finds the library file whole (read-only; a
    missing or unreadable file is not). Seconds on a big library: for a worker thread."""
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        db.close()


def _open_whole(path: Path, backups: Path, check: bool = True) -> Library:
    library = Library(path, backups)
    if check and not library.integrity_ok():
        library.close()
        raise CorruptLibraryError(path, "integrity check failed")
    return library


def _recover(
    path: Path,
    manager: BackupManager,
    error: CorruptLibraryError | NewerLibraryError,
    messages: list[StoreMessage],
) -> Library | None:
    newer = isinstance(error, NewerLibraryError)
    try:
        moved = move_aside(path, "newer" if newer else "corrupt")
    except OSError as exc:
        messages.append(_not_moved_aside(path, exc))
        return None
    messages.append(_message(error))

    restored = _restore_newest(manager, messages)
    try:
        library = _open_whole(path, manager.folder)
    except StoreError as again:
        # The backup passed its checks a moment ago, so this is rare; start empty
        # rather than loop, keeping this file too.
        messages.append(_message(again))
        restored = None
        try:
            if path.exists():
                move_aside(path, "corrupt")
            library = Library(path, manager.folder)
        except OSError as exc:
            messages.append(_not_moved_aside(path, exc))
            return None
        except StoreError as last:
            messages.append(_message(last))
            return None

    params: dict[str, object] = {"moved": str(moved)}
    if restored is not None:
        params["backup"] = restored.name
        params["when"] = time.strftime("%Y-%m-%d %H:%M", time.localtime(restored.stat().st_mtime))
    if newer and restored is not None:
        template = QT_TRANSLATE_NOOP(
            "LibraryError",
            "It was moved to {moved}, where a newer Readmark can still open it, and the "
            "backup made {when} ({backup}) was restored.",
        )
    elif newer:
        template = QT_TRANSLATE_NOOP(
            "LibraryError",
            "It was moved to {moved}, where a newer Readmark can still open it, and a new, "
            "empty library was started.",
        )
    elif restored is not None:
        template = QT_TRANSLATE_NOOP(
            "LibraryError",
            "It was moved to {moved} and the backup made {when} ({backup}) was restored; "
            "anything saved after that backup is only in the moved file.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "LibraryError",
            "It was moved to {moved}; no usable backup was found, so a new, empty library "
            "was started.",
        )
    messages.append(StoreMessage(template, params))
    return library


def _restore_newest(manager: BackupManager, messages: list[StoreMessage]) -> Path | None:
    backup = manager.newest_good()
    if backup is None:
        return None
    try:
        manager.restore(backup)
    except StoreError as error:  # BackupError, or a bug of ours: reported, not fatal
        messages.append(_message(error))
        return None
    return backup


def _backup_due(library: Library, manager: BackupManager, interval: float) -> bool:
    if not library.books():
        return False  # nothing to lose yet
    newest = manager.newest_created()
    return newest is None or not 0 <= time.time() - newest < interval


def startup_backup(
    manager: BackupManager, progress: StepProgress | None = None
) -> list[StoreMessage]:
    """Make the start-up backup; what went wrong, for the user. Raises only what
    `progress` raises to stop it (no file is then left); copies an earlier Readmark
    was killed in the middle of are removed first."""
    manager.remove_leftovers()
    try:
        if progress is None:
            manager.backup_now("startup")
        else:
            manager.backup_now("startup", progress)
    except StoreError as error:  # BackupError, or a bug of ours: reported, not fatal
        return [_message(error)]
    return []


def _unwritable(folder: Path) -> StoreMessage | None:
    """A message when the data folder cannot be written (permissions, read-only disk).

    Tried by writing, not with os.access, which says yes to root and knows
    nothing of read-only mounts.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".readmark-probe-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        return StoreMessage(
            QT_TRANSLATE_NOOP(
                "LibraryError", "The data folder {folder} cannot be written: {reason}"
            ),
            {"folder": str(folder), "reason": exc.strerror or str(exc)},
        )
    return None


def _not_moved_aside(path: Path, exc: OSError) -> StoreMessage:
    return StoreMessage(
        QT_TRANSLATE_NOOP(
            "LibraryError",
            "The library {path} cannot be used and could not be moved aside: {reason}",
        ),
        {"path": str(path), "reason": exc.strerror or str(exc)},
    )


def _message(error: StoreError) -> StoreMessage:
    return StoreMessage(error.template, dict(error.params), error.context)
