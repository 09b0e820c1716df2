"""Copies of the library file, made with SQLite's online backup API.

A backup is a consistent snapshot even while this or another Readmark process
is writing: the backup API reads through SQLite, so pages still in the `-wal`
file are included. Each copy is written under a hidden temporary name, checked
with `PRAGMA integrity_check` and only then renamed to
`library-YYYYmmdd-HHMMSS-<reason>.sqlite3` (UTC), so every file with that name
in the folder is whole. Copies are plain rollback-journal files (no `-wal`
beside them) and are never written again, only read or rotated away.

Both directions copy in steps of `STEP_PAGES` pages and may be stopped between
steps by the caller's `progress` callback raising (the window's Cancel): a copy
being made is deleted; a restore being written is rolled back by SQLite (the
destination's write transaction spans every step), so the library is either
wholly the old one or wholly the backup.
"""

from __future__ import annotations

import calendar
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.errors import BackupError, from_sqlite, is_environmental
from readmark.core.store.schema import SCHEMA_VERSION
from readmark.core.store.sqlite_setup import BUSY_TIMEOUT_S, use_wal


def _utc_seconds(day: str, clock: str) -> float | None:
    """`20261206`, `171500` (UTC) as seconds since the epoch; None if no such moment.

    By hand, not `time.strptime`: its import and locale set-up cost ~4 ms on the
    way to the first screen, where the library lists its backups."""
    fields = (
        int(day[:4]),
        int(day[4:6]),
        int(day[6:]),
        int(clock[:2]),
        int(clock[2:4]),
        int(clock[4:]),
    )
    year, month, mday, hour, minute, second = fields
    if not (1 <= month <= 12 and 1 <= mday <= calendar.monthrange(year, month)[1]):
        return None
    if hour > 23 or minute > 59 or second > 60:
        return None
    return float(calendar.timegm((*fields, 0, 0, 0)))


# 256 pages of 4 KiB: a step takes milliseconds, so a Cancel is heard at once,
# and a 100 MB library still takes only ~100 steps.
STEP_PAGES = 256
_SQLITE_DONE = 101  # what the last step of a copy returns: it is committed

# progress(stage, done, total): "check" (the backup is read whole), "before-restore"
# (the library as it is is copied), "copy" (pages written), "backup" (pages copied).
# It may raise to stop the work; whatever it raises reaches the caller.
StepProgress = Callable[[str, int, int], None]


# The hidden names copies are written under until they are whole; one left behind
# (its process killed) and untouched this long is removed by `remove_leftovers`.
_TEMP_PREFIX, _TEMP_SUFFIX = ".library-", ".tmp"
LEFTOVER_AGE_S = 600.0


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


_NAME = re.compile(r"^library-(\d{8})-(\d{6})-([a-z0-9-]+?)(?:~(\d+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: float  # seconds since the epoch, from the file name
    reason: str  # "startup", "before-migration", "before-restore", "manual", ...
    schema_version: int | None  # None: the file cannot be read
    annotation_count: int | None  # None: the file cannot be read


class BackupManager:
    """The backups of the library at `db_path`, kept in `folder` (newest `keep`)."""

    def __init__(self, db_path: Path, folder: Path, keep: int = 10) -> None:
        if keep < 1:
            raise ValueError("keep at least one backup")
        self.db_path = db_path
        self.folder = folder
        self.keep = keep

    def backup_now(self, reason: str, progress: StepProgress = _no_progress) -> Path:
        """Copy the live library into the folder, verified; returns the new file.

        `progress("backup", done, total)` hears each step of the copy (pages), the
        last once the copy is verified, just before it is named; what it raises
        stops the copy, and no file is left behind.

        Raises BackupError when there is no library, it cannot be read, the
        copy fails its integrity check (the library itself is then likely
        damaged) or the folder cannot be written; StoreBugError when SQLite
        refuses what Readmark asked of it.
        """
        made = self._write(reason, progress, "backup")
        self._rotate(protect={made})
        return made

    def remove_leftovers(self, stale_after: float = LEFTOVER_AGE_S) -> list[Path]:
        """Delete the temporary files of copies that never finished (the process was
        killed mid-copy: nothing of it could clean up); returns what was removed.

        Only those untouched for `stale_after` seconds: a copy being made, here or
        by another Readmark, writes its file every few milliseconds."""
        removed = []
        try:
            # The copy and the -journal SQLite may have left beside it.
            children = list(self.folder.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}*"))
        except OSError:
            return []
        now = time.time()
        for path in children:
            try:
                if now - path.stat().st_mtime >= stale_after:
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue  # gone already, or not ours to delete: harmless
        return removed

    def backups(self) -> list[BackupInfo]:
        """Every backup in the folder, newest first."""
        return [_inspect(path, created, reason) for path, created, reason in self._entries()]

    def newest_created(self) -> float | None:
        """When the newest backup was made (seconds since the epoch), if any."""
        entries = self._entries()
        return entries[0][1] if entries else None

    def newest_good(self) -> Path | None:
        """The newest backup that passes integrity_check with a schema this code knows."""
        for path, _created, _reason in self._entries():
            if _usable(path):
                return path
        return None

    def restore(
        self,
        backup: Path,
        progress: StepProgress = _no_progress,
        committed: Callable[[], None] = lambda: None,
    ) -> None:
        """Replace the live library's contents with those of `backup`.

        `progress` hears each stage ("check", "before-restore", "copy"); what it
        raises stops the restore with nothing restored (a copy written so far is
        rolled back). `committed()` is called, on this thread, the moment the
        restored pages are committed: from then on the restore cannot be stopped,
        and `progress` is not called again.

        Contract: write nothing through a Library on `db_path` meanwhile, and
        close and open every one again afterwards (the new one upgrades an older
        backup, backing up before it does; the old one holds the old schema and
        state). The current library, if there is one, is first backed
        up as "before-restore", so a restore can itself be undone; if that
        fails, nothing is restored. The pages are written by SQLite under its
        own locks, so another Readmark process with the library open sees
        either the old library or the restored one, never a mix.
        """
        progress("check", 0, 1)
        if not _usable(backup):
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "LibraryError",
                    "The backup {backup} cannot be restored: it is damaged or was made "
                    "by a newer Readmark.",
                ),
                backup=str(backup),
            )
        protect = {backup}
        progress("check", 1, 1)
        if self.db_path.exists():
            protect.add(self._write("before-restore", progress, "before-restore"))

        def step(status: int, remaining: int, total: int) -> None:
            if status == _SQLITE_DONE:  # the last step committed: no stopping now
                committed()
            else:
                progress("copy", total - remaining, total)

        progress("copy", 0, 0)  # the last moment before a page is written
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            source = _open_read_only(backup)
            try:
                target = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_S)
                try:
                    target.execute("PRAGMA synchronous=FULL")
                    # One write transaction over every step: another process (or this
                    # one's own open library) sees the old library or the restored one.
                    source.backup(target, pages=STEP_PAGES, progress=step)
                    use_wal(target)
                    # The restored pages sit in the -wal file: copied into the library
                    # here, on the caller's (worker) thread, not by the next connection
                    # to close (the window's, on its UI thread). Busy is no failure.
                    target.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                finally:
                    target.close()
            finally:
                source.close()
        except (sqlite3.Error, OSError) as exc:
            _raise_if_bug(exc, self.db_path)
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "LibraryError", "The backup {backup} could not be restored: {reason}"
                ),
                backup=str(backup),
                reason=_reason(exc),
            ) from exc
        self._rotate(protect=protect)

    # -- internals ----------------------------------------------------------

    def _write(self, reason: str, progress: StepProgress, stage: str) -> Path:
        if not self.db_path.is_file():
            raise BackupError(
                QT_TRANSLATE_NOOP("LibraryError", "There is no library at {path} to back up."),
                path=str(self.db_path),
            )
        temp = None
        pages = [0]

        def copied(status: int, remaining: int, total: int) -> None:
            pages[0] = total
            if status != _SQLITE_DONE:  # the last is reported once the copy is verified
                progress(stage, total - remaining, total)

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # A private temporary name: another thread or process may be backing
            # up at the same moment. Two copies given the same final name are
            # both whole snapshots, so the later rename may replace the other.
            handle, temp_name = tempfile.mkstemp(
                prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=self.folder
            )
            os.close(handle)
            temp = Path(temp_name)
            # mode=rw: never create an empty library where there was none.
            source = sqlite3.connect(
                f"{self.db_path.absolute().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S
            )
            try:
                target = sqlite3.connect(temp)
                try:
                    source.backup(target, pages=STEP_PAGES, progress=copied)
                    target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                    whole = _integrity_ok(target)
                finally:
                    target.close()
            finally:
                source.close()
            if not whole:
                raise BackupError(
                    QT_TRANSLATE_NOOP(
                        "LibraryError",
                        "The backup of {path} failed its integrity check; the library "
                        "itself may be damaged.",
                    ),
                    path=str(self.db_path),
                )
            _fsync(temp)
            # The last moment to stop: after it the copy is in the folder, under its name.
            progress(stage, pages[0], pages[0])
            final = self._free_name(reason)
            os.replace(temp, final)
            _fsync(self.folder)
            return final
        except (sqlite3.Error, OSError) as exc:
            _raise_if_bug(exc, self.db_path)
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "LibraryError", "The library {path} could not be backed up: {reason}"
                ),
                path=str(self.db_path),
                reason=_reason(exc),
            ) from exc
        finally:
            if temp is not None:
                try:
                    temp.unlink(missing_ok=True)
                except OSError:
                    pass

    def _free_name(self, reason: str) -> Path:
        """A new name that sorts after every backup already there.

        Backups made within the same second get a counter above the highest one
        used in that second, whatever their reason (rotation may have removed
        lower ones, which must not be reused).
        """
        slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "manual"
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        used = [
            int(match.group(4) or 1)
            for child in self.folder.iterdir()
            if (match := _NAME.match(child.name)) and f"{match.group(1)}-{match.group(2)}" == stamp
        ]
        counter = max(used) + 1 if used else 1
        suffix = f"~{counter}" if counter > 1 else ""
        return self.folder / f"library-{stamp}-{slug}{suffix}.sqlite3"

    def _entries(self) -> list[tuple[Path, float, str]]:
        """(path, created, reason) of every backup, newest first, without opening them."""
        try:
            children = list(self.folder.iterdir())
        except OSError:
            return []
        keyed = []
        for path in children:
            match = _NAME.match(path.name)
            if match is None or not path.is_file():
                continue
            day, clock, reason, counter = match.groups()
            created = _utc_seconds(day, clock)
            if created is None:
                continue  # library-20261399-…: not a name we wrote
            try:
                mtime = path.stat().st_mtime_ns
            except OSError:
                continue
            keyed.append(((created, int(counter or 1), mtime), path, created, reason))
        keyed.sort(key=lambda item: item[0], reverse=True)
        return [(path, created, reason) for _key, path, created, reason in keyed]

    def _rotate(self, protect: set[Path]) -> None:
        for path, _created, _reason in self._entries()[self.keep :]:
            if path not in protect:
                try:
                    path.unlink()
                except OSError:
                    pass  # an old copy left over is harmless


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)


def _integrity_ok(db: sqlite3.Connection) -> bool:
    try:
        return db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False


def _usable(path: Path) -> bool:
    """Whole, and a schema this code can open (an older one it will upgrade)."""
    try:
        db = _open_read_only(path)
    except sqlite3.Error:
        return False
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        return 0 < version <= SCHEMA_VERSION and _integrity_ok(db)
    except sqlite3.Error:
        return False
    finally:
        db.close()


def _inspect(path: Path, created: float, reason: str) -> BackupInfo:
    try:
        db = _open_read_only(path)
    except sqlite3.Error:
        return BackupInfo(path, created, reason, None, None)
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        has_annotations = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'annotations'"
        ).fetchone()
        count = (
            db.execute("SELECT count(*) FROM annotations").fetchone()[0] if has_annotations else 0
        )
        return BackupInfo(path, created, reason, version, count)
    except sqlite3.Error:
        return BackupInfo(path, created, reason, None, None)
    finally:
        db.close()


def _fsync(path: Path) -> None:
    """Make a rename or a finished file durable (a no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _raise_if_bug(exc: BaseException, path: Path) -> None:
    """A StoreBugError when SQLite refused our own SQL: that is no fault of the backup."""
    if isinstance(exc, sqlite3.Error) and not is_environmental(exc):
        raise from_sqlite(exc, path) from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
