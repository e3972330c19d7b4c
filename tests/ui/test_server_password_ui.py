"""The window remembers a server without its password and asks for the password at connect."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy.engine import make_url

from ukom_desktop.db import credentials


class _ServerDatabase:
    url = "postgresql+psycopg://ukom:Rahasia!@#%25@server/ukom"

    def dispose(self) -> None:
        pass


def test_the_remembered_event_key_holds_no_password(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.context import AppContext

    context = AppContext()
    context.database = _ServerDatabase()  # type: ignore[assignment]
    context.set_event(7)
    assert context.remembered_event() == 7
    settings = QSettings()
    settings.sync()
    stored = Path(settings.fileName()).read_text(encoding="utf-8")
    # the key is a hash of the address without its password: neither the password nor the address is stored
    assert "current_event" in stored and "Rahasia" not in stored and "server" not in stored
    assert all("Rahasia" not in key for key in settings.allKeys())


def test_a_server_without_password_is_asked_in_a_dialog(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.dialogs.password_dialog import PasswordDialog
    from ukom_desktop.ui.server_login import complete_for_window

    monkeypatch.delenv(credentials.PASSWORD_ENV, raising=False)
    import keyring
    import keyring.backends.null

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.null.Keyring())

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasswordDialog)
        assert any("ukom@server" in label.text() for label in dialog.findChildren(QLabel))
        dialog.password_edit.setText("p@ss#%!")
        dialog.remember_check.setChecked(True)
        dialog.accept()

    QTimer.singleShot(0, answer)
    try:
        login = complete_for_window(None, "postgresql://ukom@server/ukom")
    finally:
        keyring.set_keyring(previous)
    assert login.url is not None and make_url(login.url).password == "p@ss#%!"
    assert login.password_to_keep == "p@ss#%!"


def test_a_connected_server_is_remembered_without_its_password(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.server_login import LAST_SERVER_KEY, Login, ask_server_address, keep_password

    keep_password(None, Login("postgresql+psycopg://ukom:Rahasia%40123@server:5432/ukom"))
    settings = QSettings()
    settings.sync()
    assert settings.value(LAST_SERVER_KEY) == "postgresql+psycopg://ukom@server:5432/ukom"
    assert "Rahasia" not in Path(settings.fileName()).read_text(encoding="utf-8")

    def accept_prefilled() -> None:
        from PySide6.QtWidgets import QInputDialog

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        assert dialog.textValue() == "postgresql+psycopg://ukom@server:5432/ukom"
        dialog.accept()

    monkeypatch.delenv(credentials.PASSWORD_ENV, raising=False)
    QTimer.singleShot(0, accept_prefilled)
    assert ask_server_address(None) == "postgresql+psycopg://ukom@server:5432/ukom"
