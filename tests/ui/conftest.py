"""UI tests: offscreen Qt, isolated QSettings, message boxes recorded instead of shown."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_qsettings(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from ukom_desktop.ui.app import create_application

    create_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings().clear()
    yield
    # pytest-qt has closed the test's widgets with deleteLater, which no event loop here ever carries out:
    # delete them now, or every test's window lives on until exit and is torn down there in bulk.
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def recorded_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box the code would show, as (kind, text); confirmations answer yes."""
    from ukom_desktop.ui import messages

    shown: list[tuple[str, str]] = []
    for kind in ("info", "warn", "error"):
        monkeypatch.setattr(messages, kind, lambda _p, text, title="", k=kind: shown.append((k, text)))
    monkeypatch.setattr(messages, "confirm", lambda _p, text, title="": shown.append(("confirm", text)) or True)
    monkeypatch.setattr(messages, "unexpected", lambda _p, s, d: shown.append(("unexpected", s + "\n" + d)))
    return shown


@pytest.fixture
def main_window(qtbot, demo_database):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_database.url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    return window
