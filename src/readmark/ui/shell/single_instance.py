"""One Readmark per user and library: a second `readmark BOOK` hands BOOK over.

As qutebrowser's misc/ipc.py does it: connect first to a per-user local socket;
if a Readmark answers, send it the books and links (paths made absolute) as one
JSON line and exit. If nobody answers, this process becomes the one: under a
lock file (so two started at once do not both become it), it connects once
more, and keeps the lock until its window is up; then it removes a socket left
by a Readmark that crashed — only now that nobody answered — listens
(QLocalServer, restricted to the user) and lets the lock go. A Readmark started
meanwhile waits for the lock, then hands its book over.

The check runs before the window's modules are loaded and costs ~1 ms: on Unix
the probe is a plain AF_UNIX connection made with the standard library's
`_socket` (0.3 ms to import; QtNetwork takes 5 ms, and `socket` 5.6 ms with the
modules it pulls in), and QtNetwork is imported only to listen, after the first
screen is painted. On Windows, where the socket is a named pipe, QLocalSocket
connects.

The socket's name holds the user id and a digest of the library's folder
(READMARK_HOME moves it), so two users, or two test runs, never meet. It lives
in $XDG_RUNTIME_DIR (private to the user), else in a folder of the temporary
directory made private to the user, checked like tmux does (owned by us,
mode 0700, not a symlink); when neither is safe Readmark runs on its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile

from readmark import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from readmark.ui.shell.instance_server import InstanceServer

PROTOCOL = 1
# The most one message may hold; the server drops a longer one. Hundreds of books
# fit, but a file manager may pass thousands (argv holds ~2 MB, and ASCII-escaped
# CJK paths take 6 bytes a character): they go in several messages, every one after
# the first marked `"open_first": false` (only added to the library), in order.
MAX_MESSAGE = 1 << 20
CONNECT_TIMEOUT_MS = 500  # a live local server accepts at once; a stale socket refuses at once
WRITE_TIMEOUT_MS = 2000
ANSWER_TIMEOUT_MS = 3000  # the running Readmark closes the connection once it has read us
LOCK_TIMEOUT_MS = 10_000  # another Readmark starting up holds the lock until it listens


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    import getpass  # Windows only: elsewhere the uid names the user

    try:
        return getpass.getuser()
    except (ImportError, KeyError, OSError):
        return "user"


def _private_folder() -> Path | None:
    """A folder only this user may enter, or None when none can be trusted."""
    if sys.platform == "win32":
        return Path(tempfile.gettempdir())  # named pipes; UserAccessOption guards them
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    candidates = [Path(runtime)] if runtime else []
    candidates.append(Path(tempfile.gettempdir()) / f"readmark-{_user()}")
    for folder in candidates:
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            info = os.lstat(folder)
        except OSError:
            continue
        if (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
        ):
            return folder
    return None


def server_name() -> str | None:
    """The local socket's name for this user and library (None: no safe place for it)."""
    try:
        library = str(paths.data_dir().resolve())
    except OSError:
        library = str(paths.data_dir().absolute())
    digest = hashlib.sha256(f"{_user()}\0{library}".encode()).hexdigest()[:20]
    base = f"readmark-{_user()}-{digest}"
    if sys.platform == "win32":
        return base  # a pipe name, not a path
    folder = _private_folder()
    return str(folder / base) if folder is not None else None


def _lock_path(name: str) -> str:
    if sys.platform == "win32":
        return str(Path(tempfile.gettempdir()) / f"{name}.lock")
    return f"{name}.lock"


def messages(targets: list[str]) -> list[bytes]:
    """`targets` as one message, or as several when one would be too long."""
    limit = MAX_MESSAGE - 64  # a margin below what the server reads in one line
    whole = _message(targets)
    if len(whole) <= limit:
        return [whole]
    made: list[bytes] = []
    chunk: list[str] = []
    for target in targets:
        if chunk and len(_message([*chunk, target], open_first=not made)) > limit:
            made.append(_message(chunk, open_first=not made))
            chunk = []
        chunk.append(target)
    made.append(_message(chunk, open_first=not made))
    return made


def _message(targets: list[str], open_first: bool = True) -> bytes:
    message: dict[str, object] = {
        "protocol": PROTOCOL,
        "targets": targets,
        # Lets the running Readmark come to the front where the desktop asks for proof
        # that the user started something (Wayland's xdg-activation, X11 startup notification).
        "activation_token": os.environ.get("XDG_ACTIVATION_TOKEN", ""),
        "startup_id": os.environ.get("DESKTOP_STARTUP_ID", ""),
    }
    if not open_first:
        message["open_first"] = False  # more of the same hand-over: added, not opened
    return (json.dumps(message, ensure_ascii=True) + "\n").encode("ascii")


def _send(name: str, targets: list[str] | None) -> bool:
    """Hand `targets` to the Readmark listening at `name` (None: only see whether one
    does); False when none answers. Several messages go one after the other, each
    once the last was read (its answer), so they arrive in order."""
    if targets is None:
        return _send_one(name, None)
    sent = False
    for message in messages(targets):
        if not _send_one(name, message):
            return sent  # none taken: we are the one now; some taken: they are there
        sent = True
    return sent


def _send_one(name: str, message: bytes | None) -> bool:
    if sys.platform == "win32":
        return _send_over_pipe(name, message)
    import _socket  # the C module under `socket`: see the module's description

    connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        connection.settimeout(CONNECT_TIMEOUT_MS / 1000)
        try:
            connection.connect(name)
        except OSError:  # no socket, a stale one (refused), or not ours to open
            return False
        if message is None:
            return True
        connection.settimeout(WRITE_TIMEOUT_MS / 1000)
        try:
            connection.sendall(message)
        except OSError:  # it went away as we spoke: we are the one now
            return False
        # The running Readmark hangs up once it has read the line: that is our answer.
        # It is a courtesy: what was sent is delivered even if we stop waiting.
        connection.settimeout(ANSWER_TIMEOUT_MS / 1000)
        try:
            while connection.recv(64):
                pass
        except OSError:
            pass
        return True
    finally:
        connection.close()


def _send_over_pipe(name: str, message: bytes | None) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    if message is not None:
        socket.write(message)
        if not socket.waitForBytesWritten(WRITE_TIMEOUT_MS) and socket.bytesToWrite():
            return False
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(ANSWER_TIMEOUT_MS)
    socket.abort()
    return True


class Claim:
    """This process is the one Readmark: it holds the lock until it listens."""

    def __init__(self, name: str | None, lock: QLockFile | None) -> None:
        self.name = name
        self._lock = lock

    def listen(self, parent: QObject | None = None) -> InstanceServer | None:
        """Listen for later Readmarks (None when that failed: this one runs alone)."""
        if self.name is None:
            return None
        from readmark.ui.shell.instance_server import InstanceServer

        try:
            server = InstanceServer(self.name, parent)
            return server if server.listening else None
        finally:
            self.release()

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def hand_over_or_claim(targets: list[str], hand_over: bool = True) -> Claim | None:
    """None when a running Readmark took `targets` (exit now); else this process's Claim.

    `hand_over=False` (the smoke test) never hands over but claims when it can,
    so a measured start-up pays what a user's does."""
    name = server_name()
    if name is None:
        return Claim(None, None)
    if hand_over and _send(name, targets):
        return None
    lock = QLockFile(_lock_path(name))
    lock.setStaleLockTime(0)  # never stale by age; a lock whose process died is taken over
    if not lock.tryLock(LOCK_TIMEOUT_MS):
        return Claim(None, None)  # something holds it and never listens: run alone
    if _send(name, targets) if hand_over else _answers(name):
        lock.unlock()  # another Readmark started while we waited (or runs: we run alone)
        return None if hand_over else Claim(None, None)
    return Claim(name, lock)


def _answers(name: str) -> bool:
    return _send(name, None)
