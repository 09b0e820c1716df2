"""One Readmark per user and library: a second `readmark BOOK` hands BOOK over.

As qutebrowser's misc/ipc.py does it: connect first to a per-user local socket
(QLocalSocket); if a Readmark answers, send it the books and links (paths made
absolute) as one JSON line and exit. If nobody answers, this process becomes
the one: under a lock file (so two started at once do not both become it), it
connects once more, then removes a socket left by a Readmark that crashed —
only now that nobody answered — and listens (QLocalServer, restricted to the
user). This module imports only QtCore and QtNetwork (about 5 ms), so the
check runs before the window's modules are loaded.

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

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from readmark import paths

PROTOCOL = 1
CONNECT_TIMEOUT_MS = 500  # a live local server accepts at once; a stale socket refuses at once
WRITE_TIMEOUT_MS = 2000
ANSWER_TIMEOUT_MS = 3000  # the running Readmark closes the connection once it has read us
LOCK_TIMEOUT_MS = 10_000  # another Readmark starting up holds the lock until it listens
READ_TIMEOUT_MS = 5000  # a client that connects and says nothing is dropped
MAX_MESSAGE = 1 << 20  # bytes; paths and links, never more


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


def _send(name: str, targets: list[str]) -> bool:
    """Hand `targets` to the Readmark listening at `name`; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = {
        "protocol": PROTOCOL,
        "targets": targets,
        # Lets the running Readmark come to the front where the desktop asks for proof
        # that the user started something (Wayland's xdg-activation, X11 startup notification).
        "activation_token": os.environ.get("XDG_ACTIVATION_TOKEN", ""),
        "startup_id": os.environ.get("DESKTOP_STARTUP_ID", ""),
    }
    socket.write((json.dumps(message, ensure_ascii=True) + "\n").encode("ascii"))
    if not socket.waitForBytesWritten(WRITE_TIMEOUT_MS) and socket.bytesToWrite():
        return False
    # The running Readmark hangs up once it has read the line: that is our answer.
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
    socket = QLocalSocket()
    socket.connectToServer(name)
    answered = socket.waitForConnected(CONNECT_TIMEOUT_MS)
    socket.abort()
    return answered


class InstanceServer(QObject):
    """Listens for later Readmarks; emits what each one hands over."""

    received = Signal(list, str, str)  # targets, activation token, startup id

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        # Only called after nobody answered at `name`, under the lock: the socket
        # there (if any) was left by a Readmark that is gone.
        QLocalServer.removeServer(name)
        self.listening = self._server.listen(name)
        if self.listening and sys.platform != "win32":
            try:
                os.chmod(self._server.fullServerName(), 0o700)
            except OSError:
                pass
        self.error = "" if self.listening else self._server.errorString()

    def full_name(self) -> str:
        return self._server.fullServerName()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            timer = QTimer(socket, singleShot=True, interval=READ_TIMEOUT_MS)
            timer.timeout.connect(lambda s=socket: s.abort())
            timer.start()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable() > MAX_MESSAGE:
            socket.abort()
            return
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine(MAX_MESSAGE).data())
        socket.disconnectFromServer()  # the client waits for this as its answer
        message = _decode(line)
        if message is not None:
            targets, token, startup = message
            self.received.emit(targets, token, startup)


def _decode(line: bytes) -> tuple[list[str], str, str] | None:
    """The targets and activation tokens of one message; None when it is not ours."""
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("protocol") != PROTOCOL:
        return None
    targets = data.get("targets")
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        return None
    token, startup = data.get("activation_token", ""), data.get("startup_id", "")
    return (
        targets,
        token if isinstance(token, str) else "",
        startup if isinstance(startup, str) else "",
    )
