"""Berkas > Data contoh... builds a demo database in a new file in the background and opens it; the empty
screen says what to do first (issue 11 item 13)."""

from __future__ import annotations

from pathlib import Path

from ukom_desktop.ui.background import wait_for


def test_data_contoh_builds_a_new_file_and_opens_it(qtbot, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.events import menu
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(str(tmp_path / "kosong.sqlite"))
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    events = window.show_tab("events_tab")
    assert "Data > Kegiatan baru..." in events.hint.text() and "Berkas > Data contoh..." in events.hint.text()
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Data contoh..." in texts and texts.index("Data contoh...") < texts.index("Keluar")

    target = tmp_path / "contoh.sqlite"
    task = menu.make_demo_database(window, str(target))
    wait_for(task)
    qtbot.waitUntil(lambda: window.context.database is not None and window.context.database.file == target)
    assert window.event_combo.count() >= 1 and window.context.event_id is not None
    events = window.show_tab("events_tab")
    assert events.model.rowCount() == 1
    schedule = window.show_tab("schedule_tab")
    schedule.refresh()
    assert "tanpa pelanggaran berat" in schedule.hint.text()
    assert (tmp_path / "kosong.sqlite").exists()  # the first database is left as it was

    again = menu.make_demo_database(window, str(target))  # the file exists now: refused in words
    wait_for(again)
    assert any("sudah ada" in text for _kind, text in recorded_messages)
