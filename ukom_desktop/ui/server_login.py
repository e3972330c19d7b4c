"""The window's side of server passwords: complete a server address before connecting, keep the password
in the credential store afterwards when the user asked for it. Never in QSettings, never in the log."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ukom_desktop.ui import messages


@dataclass
class Login:
    url: str | None  # None: the user cancelled
    password_to_keep: str | None = None


def complete_for_window(parent: QWidget | None, target: str | None) -> Login:
    """The address to open: a local file as it is; a server address without a password completed from
    UKOM_DB_PASSWORD or the credential store, otherwise asked in a dialog."""
    from ukom_desktop.services.database_access import resolve_address, with_password

    address = resolve_address(target)  # an address that cannot be used: opening it says what is wrong
    if not address.needs_password:
        return Login(address.url)
    from ukom_desktop.ui.dialogs.password_dialog import ask_password

    answer = ask_password(parent, address.url)
    if answer is None:
        return Login(None)
    password, keep = answer
    return Login(with_password(address.url, password), password if keep else None)


LAST_SERVER_KEY = "database/last_server"  # the address without its password


def keep_password(parent: QWidget | None, login: Login) -> None:
    """After a successful connection: remember the server (never its password) and store the password in
    the credential store when asked; a failing store is a warning only."""
    if login.url is None:
        return
    from ukom_desktop.services.database_access import keep_server_password, server_to_remember

    server = server_to_remember(login.url)
    if server is not None:
        QSettings().setValue(LAST_SERVER_KEY, server)
    if login.password_to_keep is None:
        return
    problem = keep_server_password(login.url, login.password_to_keep)
    if problem is not None:
        messages.warn(parent, problem)


def ask_server_address(parent: QWidget | None) -> str | None:
    """Berkas > Hubungkan ke server...: the address (prefilled with the last server), without password."""
    last = str(QSettings().value(LAST_SERVER_KEY) or "postgresql://pengguna@server/ukom")
    text, ok = QInputDialog.getText(
        parent, "Hubungkan ke server",
        "Alamat server PostgreSQL (tanpa sandi; sandi ditanyakan sesudahnya):", QLineEdit.EchoMode.Normal, last,
    )
    text = text.strip()
    if not ok or not text:
        return None
    from ukom_desktop.services.database_access import check_server_address
    from ukom_desktop.ui.actions import run_action

    return run_action(parent, lambda: check_server_address(text), level="warn").value
