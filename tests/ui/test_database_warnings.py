"""The window opens the database and says once what it should know: network drive, failed backup."""

from __future__ import annotations

from pathlib import Path

import pytest

from ukom_desktop.db import filesystem
from ukom_desktop.db.database import open_database


def _window(qtbot, url: str):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(url)
    qtbot.addWidget(window)
    return window


def test_a_database_on_a_network_drive_opens_with_a_warning(qtbot, tmp_path: Path, recorded_messages,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path.resolve()
    monkeypatch.setattr(filesystem, "_read_mounts", lambda: f"//nas/ukom {share} cifs rw 0 0\n")
    window = _window(qtbot, f"sqlite:///{share / 'ukom.sqlite'}")
    assert window.open_database()
    assert ("warn", filesystem.NETWORK_WARNING) in recorded_messages
    assert window.context.database is not None


def test_a_failed_backup_warns_and_the_database_still_opens(qtbot, tmp_path: Path, recorded_messages,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db_file = tmp_path / "ukom.sqlite"
    open_database(f"sqlite:///{db_file}").dispose()
    home = tmp_path / "home"
    home.mkdir()
    (home / "backups").write_text("disk penuh")
    monkeypatch.setenv("UKOM_HOME", str(home))
    window = _window(qtbot, f"sqlite:///{db_file}")
    assert window.open_database()
    warnings = [text for kind, text in recorded_messages if kind == "warn"]
    assert any("Cadangan otomatis gagal" in w for w in warnings)
    assert not any(kind in ("error", "unexpected") for kind, _ in recorded_messages)
