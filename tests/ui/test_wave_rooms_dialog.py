"""The waves dialog's Ruang column opens a checklist of the active rooms; the choice is saved for the wave
and shown again; clearing it returns the wave to every active room (issue 11 item 1)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ukom_desktop.db.models import Room, WaveRoom
from ukom_desktop.ui.schedule.wave_rooms_dialog import WaveRoomsDialog
from ukom_desktop.ui.schedule.waves_dialog import ROOMS_COLUMN, WavesDialog

CHOSEN = ("Aula Utama", "Ruang Diskusi 1", "Ruang Wawancara 2")


def _answer_checklist(names: tuple[str, ...], seen: list[str]) -> None:
    """When the checklist is open, tick exactly these rooms and press Pilih."""
    def act() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, WaveRoomsDialog) and w.isVisible())
        seen.append(dialog.windowTitle())
        dialog.set_checked(names)
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, act)


def _saved_rooms(database) -> set[str]:  # type: ignore[no-untyped-def]
    with database.sessions() as session:
        rows = session.execute(select(Room.name).join(WaveRoom, WaveRoom.room_id == Room.id))
        return {name for (name,) in rows}


def test_rooms_are_chosen_for_a_wave_in_the_waves_dialog(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    dialog = WavesDialog(main_window.context, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    button = dialog.table.cellWidget(0, ROOMS_COLUMN)
    assert dialog.table.horizontalHeaderItem(ROOMS_COLUMN).text() == "Ruang"
    qtbot.waitUntil(lambda: button.text() == "Semua ruang aktif")  # shown whole once the column has its width

    seen: list[str] = []
    _answer_checklist(CHOSEN, seen)
    button.click()
    assert seen == ["Ruang gelombang 1"]
    assert dialog.table.cellWidget(0, ROOMS_COLUMN).text().endswith("(belum disimpan)")
    assert _saved_rooms(demo_database) == set()  # nothing stored before Simpan

    assert dialog.save()
    assert _saved_rooms(demo_database) == set(CHOSEN)
    assert dialog.table.cellWidget(0, ROOMS_COLUMN).toolTip() == ", ".join(sorted(CHOSEN))
    qtbot.waitUntil(lambda: dialog.table.cellWidget(0, ROOMS_COLUMN).text().startswith("3 ruang: Aula Utama"))
    assert "tersimpan" in dialog.status_label.text()

    # reopening shows the choice ticked; untick everything: the wave uses every active room again
    _answer_checklist((), seen)
    dialog.table.cellWidget(0, ROOMS_COLUMN).click()
    assert dialog.save()
    assert _saved_rooms(demo_database) == set()
    qtbot.waitUntil(lambda: dialog.table.cellWidget(0, ROOMS_COLUMN).text() == "Semua ruang aktif")


def test_checklist_ticks_the_rooms_already_chosen(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.rooms import list_room_infos

    with demo_database.sessions() as session:
        rooms = list_room_infos(session, include_inactive=False)
    chosen = [r.id for r in rooms if r.name in CHOSEN]
    dialog = WaveRoomsDialog(1, rooms, chosen)
    qtbot.addWidget(dialog)
    assert sorted(dialog.chosen_ids()) == sorted(chosen)
    dialog.none_button.click()
    assert dialog.chosen_ids() == []
    dialog.all_button.click()
    assert len(dialog.chosen_ids()) == len(rooms)


def test_moving_a_session_offers_only_the_rooms_of_its_wave(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from ukom_desktop.domain.scheduling import model as dm
    from ukom_desktop.services.schedule_problem import StoredSchedule, build_event_problem
    from ukom_desktop.services.waves import room_ids_by_name, set_wave_rooms
    from ukom_desktop.ui.schedule.move_session_dialog import MoveSessionDialog

    event_id = main_window.context.event_id
    with demo_database.sessions.begin() as session:
        set_wave_rooms(session, event_id, 1, room_ids_by_name(session, CHOSEN))
    with demo_database.sessions() as session:
        event = build_event_problem(session, event_id)
    day = event.problem.wave_days[1][0]
    hall = next(r.id for r in event.problem.rooms if r.name == "Aula Utama")
    exercise = next(e for e in event.problem.exercises if e.kind == "whole_wave")
    pid = event.problem.participants[0].id
    moved = dm.Session("S1", exercise.id, 1, hall, datetime(day.year, day.month, day.day, 8),
                       datetime(day.year, day.month, day.day, 9), (pid,))
    dialog = MoveSessionDialog(StoredSchedule(event, dm.Schedule((moved,))), "S1", lambda _edit: [], main_window)
    qtbot.addWidget(dialog)
    offered = {dialog.room_combo.itemText(i).split(" (")[0] for i in range(dialog.room_combo.count())}
    assert offered == set(CHOSEN)
