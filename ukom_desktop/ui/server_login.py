"""The window's side of server passwords: complete a server address before connecting, keep the password
in the credential store afterwards when the user asked for it. Never in QSettings, never in the log."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

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


def keep_password(parent: QWidget | None, login: Login) -> None:
    """After a successful connection: store the password when asked; a failing store is a warning only."""
    if login.url is None or login.password_to_keep is None:
        return
    from ukom_desktop.db.credentials import CredentialStoreWarning, store_password

    try:
        store_password(login.url, login.password_to_keep)
    except CredentialStoreWarning as exc:
        messages.warn(parent, str(exc))
