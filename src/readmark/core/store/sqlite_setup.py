"""How Readmark connects to its SQLite files, shared by the library and its backups.

Several Readmark processes may use one library: connections wait for each
other's locks (busy timeout) instead of failing, and the one switch SQLite does
not wait for by itself, into WAL mode, is retried here.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

BUSY_TIMEOUT_S = 10.0


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) that waits for locks."""
    return sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)


def use_wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode (it stays so), waiting for other connections.

    Switching upgrades a read lock to an exclusive one inside one statement;
    SQLite then reports "database is locked" at once rather than call the busy
    handler (waiting there could deadlock), so two processes creating the
    library together retry here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def is_busy(exc: sqlite3.Error) -> bool:
    return primary_code(exc) == sqlite3.SQLITE_BUSY


def is_damage(exc: sqlite3.Error) -> bool:
    """The file is not a database, or a malformed one (not a lock, disk or permission problem)."""
    return primary_code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def primary_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code (SQLITE_BUSY, …) of `exc`; 0 when it has none."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
