"""One window per database file. Before a SQLite file opens, its lock (ukom_desktop.instance_lock) is
taken; when another window holds it, a window on this computer is asked to come forward (QLocalServer)
and the user is told who holds the file. The lock and the local server end when the window closes or
opens another database."""

from __future__ import annotations

from typing import Any

from ukom_desktop.ui import messages

RAISE = b"tampilkan\n"


def ask_to_come_forward(server: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server)
    if not socket.waitForConnected(1000):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(1000)
    socket.disconnectFromServer()
    return True


def claim(window: Any, url: str | None) -> bool:
    """Take the lock of the file behind `url` for `window` (kept pending until the database opened).
    False when another window holds it: the user has been told, and nothing else should happen."""
    from ukom_desktop.instance_lock import Holder, acquire
    from ukom_desktop.services.database_access import sqlite_file_of

    window.pending_lock = None
    path = sqlite_file_of(url)  # None for a server or an unusable address (opening it tells the user)
    held = getattr(window, "instance_lock", None)
    if path is None or (held is not None and held.db_file == path):
        return True
    result = acquire(path)
    if isinstance(result, Holder):
        if result.same_computer and result.server and ask_to_come_forward(result.server):
            messages.info(window, "Basis data ini sudah terbuka di jendela UKOM Desktop lain di komputer ini; "
                                  "jendela itu ditampilkan.")
        else:
            messages.error(window, result.sentence() + " Satu berkas basis data hanya dibuka oleh satu jendela. "
                           "Tutup aplikasi di sana terlebih dahulu, atau pakai server PostgreSQL bersama agar "
                           "beberapa komputer dapat bekerja bersamaan.")
        return False
    window.pending_lock = result
    return True


def settle(window: Any, opened: bool) -> None:
    """After opening: keep the new lock and serve requests to come forward, or give the lock back."""
    pending = getattr(window, "pending_lock", None)
    window.pending_lock = None
    if not opened:
        if pending is not None:
            pending.release()
        return
    db = window.context.database
    if pending is None and db is not None and db.file is not None:
        return  # the same file as before: the lock stays
    release(window)
    if pending is not None:
        window.instance_lock = pending
        _serve(window, pending.server)


def _serve(window: Any, name: str) -> None:
    from PySide6.QtNetwork import QLocalServer

    QLocalServer.removeServer(name)  # a server left by a crashed window on this computer
    server = QLocalServer(window)
    if not server.listen(name):
        return

    def on_connection() -> None:
        connection = server.nextPendingConnection()
        if connection is None:
            return
        connection.waitForReadyRead(1000)
        if bytes(connection.readAll().data()).startswith(RAISE.strip()):
            window.activation_requests = getattr(window, "activation_requests", 0) + 1
            window.showNormal()
            window.raise_()
            window.activateWindow()
        connection.disconnectFromServer()

    server.newConnection.connect(on_connection)
    window.local_server = server


def release(window: Any) -> None:
    server = getattr(window, "local_server", None)
    if server is not None:
        server.close()
        window.local_server = None
    lock = getattr(window, "instance_lock", None)
    if lock is not None:
        lock.release()
        window.instance_lock = None
