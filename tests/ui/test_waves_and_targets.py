"""Waves get their days in the window (Jadwal and Peserta tabs), and jabatan sasaran is set for many
participants at once from Tindakan (issue 11 items 1 and 9)."""

from __future__ import annotations

from datetime import date

from menu_support import find_action, select_all
from sqlalchemy import select

from ukom_desktop.db.models import EventParticipant, EventPosition, Wave


def test_wave_days_are_edited_from_the_schedule_tab(qtbot, main_window, demo_database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.schedule import waves_dialog

    tab = main_window.show_tab("schedule_tab")
    opened = []
    original_exec = waves_dialog.WavesDialog.exec

    def exec_(self):  # type: ignore[no-untyped-def]
        opened.append(self)
        assert self.table.rowCount() == 1 and self.table.item(0, 4).text() == "30"
        self.set_row(0, date(2027, 1, 8), 3)  # Friday, then Monday and Tuesday
        assert "(belum disimpan)" in self.table.item(0, 3).text()
        self.close_button.click()  # asks to save (answered yes)
        return 1

    monkeypatch.setattr(waves_dialog.WavesDialog, "exec", exec_)
    tab.waves_button.click()
    assert opened
    with demo_database.sessions() as session:
        wave = session.scalar(select(Wave))
        assert (wave.start_date, wave.end_date) == (date(2027, 1, 8), date(2027, 1, 12))
    assert tab.model.rows()[0].start_date == date(2027, 1, 8)
    monkeypatch.setattr(waves_dialog.WavesDialog, "exec", original_exec)


def test_peserta_tab_opens_waves_and_sets_target_position_in_bulk(  # type: ignore[no-untyped-def]
    qtbot, main_window, demo_database, monkeypatch, recorded_messages
) -> None:
    from ukom_desktop.ui.participants import prompts
    from ukom_desktop.ui.schedule import waves_dialog

    tab = main_window.show_tab("participants_tab")
    seen = []
    monkeypatch.setattr(waves_dialog.WavesDialog, "exec", lambda self: seen.append(self.table.rowCount()) or 1)
    tab.waves_button.click()
    assert seen == [1]

    with demo_database.sessions() as session:
        names = [n for (n,) in session.execute(
            select(EventPosition.position_id).where(EventPosition.event_id == demo_database.demo.event_id))]
    assert len(names) == 2
    asked = []
    monkeypatch.setattr(prompts, "choice", lambda _p, _t, _l, items: asked.append(items) or items[0])
    select_all(tab)
    find_action(tab.bulk_menu, "Tetapkan jabatan sasaran...").trigger()
    assert len(asked[0]) == 2
    with demo_database.sessions() as session:
        targets = set(session.scalars(select(EventParticipant.target_position_id)))
    assert len(targets) == 1 and None not in targets
    assert "Jabatan sasaran: 30 peserta" in main_window.statusBar().currentMessage()
