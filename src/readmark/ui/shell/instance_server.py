"""The listening side of single_instance: the one Readmark hears later ones.

Imported once the first screen is painted (with QtNetwork). Each connection
sends one JSON line (see single_instance); it is read, the connection closed
(the sender waits for that as its answer), and `received` emitted. A client
that says nothing for READ_TIMEOUT_MS, or more than MAX_MESSAGE bytes, is
dropped; anything not in the protocol is ignored.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from readmark.ui.shell.single_instance import MAX_MESSAGE, PROTOCOL

READ_TIMEOUT_MS = 5000  # a client that connects and says nothing is dropped


class InstanceServer(QObject):
    """Listens for later Readmarks; emits what each one hands over."""

    # targets, activation token, startup id, and whether the first target is to be
    # opened (False: the rest of a hand-over too long for one message, only added)
    received = Signal(list, str, str, bool)

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
            self.received.emit(*message)


def _decode(line: bytes) -> tuple[list[str], str, str, bool] | None:
    """The targets, activation tokens and whether to open the first, of one message;
    None when it is not ours."""
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
        data.get("open_first", True) is not False,
    )
