"""Issue 12 item 11 in the window: a 0-byte file is only made a database after asking, and a database that
cannot be written opens read-only with a banner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from file_support import unwritable  # noqa: E402


def _window(qtbot):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_zero_byte_file_is_made_a_database_only_after_asking(qtbot, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "kosong.sqlite"
    path.touch()
    window = _window(qtbot)
    assert window.open_database(str(path))
    assert any(kind == "confirm" and "kosong (0 byte)" in text for kind, text in recorded_messages)
    assert window.context.database is not None and window.context.database.created
    assert path.stat().st_size > 0


def test_saying_no_leaves_the_zero_byte_file_alone(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui import messages

    monkeypatch.setattr(messages, "confirm", lambda _p, text, title="": False)
    path = tmp_path / "kosong.sqlite"
    path.touch()
    window = _window(qtbot)
    assert not window.open_database(str(path))
    assert path.stat().st_size == 0 and window.context.database is None


def test_an_unwritable_database_opens_read_only_with_a_banner(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    folder = tmp_path / "arsip"
    folder.mkdir()
    open_database(f"sqlite:///{folder / 'ukom.sqlite'}").dispose()
    with unwritable(folder):
        window = _window(qtbot)
        assert window.open_database(str(folder / "ukom.sqlite"))
        try:
            assert window.context.database.read_only
            assert window.read_only_bar.isVisible()
            assert "hanya-baca" in window.windowTitle()
        finally:
            window.context.database.dispose()
