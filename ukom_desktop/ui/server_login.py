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
    from ukom_desktop.db.credentials import needs_password, with_password
    from ukom_desktop.db.engine import DatabaseUrlError, resolve_database_url

    try:
        resolved = resolve_database_url(target)
    except DatabaseUrlError:
        return Login(target)  # open_database says what is wrong with it
    if not needs_password(resolved):
        return Login(resolved)
    from ukom_desktop.ui.dialogs.password_dialog import ask_password

    answer = ask_password(parent, resolved)
    if answer is None:
        return Login(None)
    password, keep = answer
    return Login(with_password(resolved, password), password if keep else None)


LAST_SERVER_KEY = "database/last_server"  # the address without its password


def keep_password(parent: QWidget | None, login: Login) -> None:
    """After a successful connection: remember the server (never its password) and store the password in
    the credential store when asked; a failing store is a warning only."""
    if login.url is None:
        return
    from ukom_desktop.db.credentials import (
        CredentialStoreWarning,
        is_server_url,
        store_password,
        url_without_password,
    )

    if is_server_url(login.url):
        QSettings().setValue(LAST_SERVER_KEY, url_without_password(login.url))
    if login.password_to_keep is None:
        return

    try:
        store_password(login.url, login.password_to_keep)
    except CredentialStoreWarning as exc:
        messages.warn(parent, str(exc))


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
    from ukom_desktop.db.credentials import is_server_url, url_without_password
    from ukom_desktop.db.engine import DatabaseUrlError, resolve_database_url

    try:
        if not is_server_url(resolve_database_url(text)):
            messages.warn(parent, "Alamat server harus diawali postgresql://, misalnya postgresql://ukom@server/ukom.")
            return None
    except (DatabaseUrlError, ValueError):
        messages.warn(parent, "Alamat server tidak dikenali; contoh: postgresql://ukom@server:5432/ukom.")
        return None
    return url_without_password(resolve_database_url(text))
