"""The scheduling grid: its model without a window, and drag and drop in the Jadwal tab with pytest-qt."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from scheduled_demo import scheduled_demo_copy  # noqa: E402


@pytest.fixture
def scheduled_url(tmp_path: Path) -> str:
    return f"sqlite:///{scheduled_demo_copy(tmp_path)}"


@pytest.fixture
def stored(scheduled_url: str):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.scheduling import check_stored_schedule

    db = open_database(scheduled_url)
    with db.sessions() as session:
        report = check_stored_schedule(session, 1)
    db.dispose()
    return report


@pytest.fixture
def schedule_tab(qtbot, scheduled_url: str):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(scheduled_url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    tab = window.show_tab("schedule_tab") if hasattr(window, "show_tab") else window.schedule_tab
    if not hasattr(window, "show_tab"):
        window.tabs.setCurrentWidget(tab)
    tab.ensure_built()
    tab.refresh()
    return tab



def _parallel(sessions, kinds: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The first role-play session with another session of `kinds` at the same time, and that other one (the
    solver works to a time limit, so which sessions run side by side is not fixed in advance)."""
    return next((a, b) for a in sessions if a.exercise_id == "RP"
                for b in sessions if b.id != a.id and b.exercise_id in kinds and b.start == a.start)

def test_grid_model_by_rooms_and_by_assessors(qapp, stored) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.schedule.grid_model import SESSIONS_ROLE, ScheduleGridModel, view_choices

    model = ScheduleGridModel()
    model.set_schedule(stored.stored, stored.violations)
    choices = view_choices(stored.stored)
    assert [c.label for c in choices][0] == "Gelombang 1" and len(choices) == 3 + 30  # wave, two days, 30 people
    assert model.choice == choices[0]
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    used = {s.room_id for s in stored.stored.schedule.sessions}
    assert headers[0] == "Aula Utama" and len(headers) == len(used)
    shown = [c for r in range(model.rowCount()) for k in range(model.columnCount())
             for c in model.data(model.index(r, k), SESSIONS_ROLE)]
    assert len(shown) == len(stored.stored.schedule.sessions)
    row, column = model.find_session(shown[0].session_id)
    assert model.headerData(row, Qt.Orientation.Vertical).endswith("08.00")
    assert "Psikotes" in model.data(model.index(row, column))

    model.set_choice(choices[2])  # the second day only
    model.set_mode("assessors")
    names = {model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())}
    assert names <= {a.name for a in stored.stored.event.assessors.values()}
    day_sessions = [s for s in stored.stored.schedule.sessions if s.start.date() == choices[2].day]
    rated = sum(len(s.assessor_ids) for s in day_sessions)
    cells = sum(len(model.data(model.index(r, k), SESSIONS_ROLE))
                for r in range(model.rowCount()) for k in range(model.columnCount()))
    assert cells == rated  # a group session shows under each of its observers
    model.set_choice(choices[0])  # the wave opens with the psikotes, which no assessor observes
    assert all(any(model.sessions_at(r, k) for k in range(model.columnCount())) for r in range(model.rowCount()))


def test_violations_are_marked_red_with_their_reason(qapp, stored) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from ukom_desktop.domain.scheduling import check_schedule
    from ukom_desktop.domain.scheduling.model import Schedule
    from ukom_desktop.ui.schedule.grid_model import HARD_COLOR, SEVERITY_ROLE, ScheduleGridModel

    schedule = stored.stored.schedule
    rp = [s for s in schedule.sessions if s.exercise_id == "RP"]
    broken = replace(rp[1], assessor_ids=rp[0].assessor_ids, start=rp[0].start, end=rp[0].end)
    bad = Schedule(tuple(broken if s.id == broken.id else s for s in schedule.sessions), schedule.lead)
    model = ScheduleGridModel()
    model.set_schedule(replace(stored.stored, schedule=bad), check_schedule(stored.stored.problem, bad))
    row, column = model.find_session(broken.id)
    index = model.index(row, column)
    assert model.data(index, SEVERITY_ROLE) == "berat"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == HARD_COLOR
    assert "terjadwal ganda" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def _drag(qtbot, chip, card) -> QDropEvent:  # type: ignore[no-untyped-def]
    """What the mouse does: pick the chip up and let it go over the card."""
    mime = chip.mime_data()
    point = QPoint(5, 5)
    enter = QDragEnterEvent(point.toPointF(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(card, enter)
    drop = QDropEvent(point.toPointF(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(card, drop)
    return drop


def test_a_dragged_move_that_breaks_a_rule_is_refused_in_red(qtbot, schedule_tab, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.schedule_problem import load_stored_schedule

    tab = schedule_tab
    stored = tab.stored
    source, target = _parallel(stored.schedule.sessions, ("RP",))
    tab.show_wave(1)
    day_index = tab.view_combo.findData(next(c for c in (tab.view_combo.itemData(i) for i in range(
        tab.view_combo.count())) if c.day == source.start.date()))
    tab.view_combo.setCurrentIndex(day_index)
    chip = tab.grid.chip(source.id, source.participant_ids[0])
    card = tab.grid.card(target.id)
    assert chip is not None and card is not None
    requests: list[object] = []
    tab.grid.move_requested.connect(requests.append)
    _drag(qtbot, chip, card)
    assert requests and requests[0].kind == "move_participant"
    assert tab.banner.isVisible() and "ditolak" in tab.banner.text().lower()
    assert "1 peserta dan 1 asesor" in tab.banner.text()
    assert "#f8d7da" in tab.banner.styleSheet()
    with tab.context.session() as session:
        again = load_stored_schedule(session, 1)
    assert again.schedule.session(source.id).participant_ids == source.participant_ids
    assert not [m for m in recorded_messages if m[0] == "confirm"]


def test_hovering_shows_the_verdict_before_the_drop(qtbot, schedule_tab) -> None:  # type: ignore[no-untyped-def]
    tab = schedule_tab
    stored = tab.stored
    source, target = _parallel(stored.schedule.sessions, ("RP",))
    for i in range(tab.view_combo.count()):
        if tab.view_combo.itemData(i).day == source.start.date():
            tab.view_combo.setCurrentIndex(i)
    chip = tab.grid.chip(source.id, source.assessor_ids[0])
    card = tab.grid.card(target.id)
    mime = chip.mime_data()  # kept alive: the event does not own it
    enter = QDragEnterEvent(QPointF(3, 3), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(card, enter)
    assert card.verdict and card.verdict != "ok"
    assert "c0392b" in card.styleSheet() and card.toolTip().startswith("Ditolak")


def test_a_valid_swap_by_drag_is_saved(qtbot, schedule_tab, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.schedule_problem import load_stored_schedule
    from ukom_desktop.services.scheduling import GridEdit, preview_edit

    tab = schedule_tab
    stored = tab.stored
    lgd = [s for s in stored.schedule.sessions if s.exercise_id == "LGD"]
    found = None
    for a in lgd:
        for b in lgd:
            if a.id == b.id or a.start.date() != b.start.date():
                continue
            for p in a.participant_ids:
                for q in b.participant_ids:
                    edit = GridEdit("swap_participants", person=p, source=a.id, target=b.id, other=q)
                    if not preview_edit(stored, edit)[1]:
                        found = (a, b, p, q)
                        break
                if found:
                    break
            if found:
                break
        if found:
            break
    assert found is not None
    a, b, p, q = found
    for i in range(tab.view_combo.count()):
        if tab.view_combo.itemData(i).day == a.start.date():
            tab.view_combo.setCurrentIndex(i)
    assert tab.request_edit(GridEdit("swap_participants", person=p, source=a.id, target=b.id, other=q))
    assert "tersimpan" in tab.banner.text().lower()
    with tab.context.session() as session:
        again = load_stored_schedule(session, 1)
    assert p in again.schedule.session(b.id).participant_ids and q in again.schedule.session(a.id).participant_ids
    assert not [m for m in recorded_messages if m[0] in ("error", "unexpected")]


def test_a_whole_session_moves_through_its_menu_only_where_the_checker_allows(  # type: ignore[no-untyped-def]
    qtbot, schedule_tab, recorded_messages, monkeypatch
) -> None:
    from ukom_desktop.services.schedule_problem import load_stored_schedule

    tab = schedule_tab
    stored = tab.stored
    session, _busy = _parallel(stored.schedule.sessions, ("RP", "WWC"))
    for i in range(tab.view_combo.count()):
        if tab.view_combo.itemData(i).day == session.start.date():
            tab.view_combo.setCurrentIndex(i)
    card = tab.grid.card(session.id)
    menu = tab.grid.context_menu(card.cell, None)
    asked: list[str] = []
    tab.grid.reschedule_requested.connect(asked.append)
    move = next(a for a in menu.actions() if a.text().startswith("Pindahkan sesi"))
    # The menu opens the modal dialog: answer it with Batal so the test never waits on it.
    monkeypatch.setattr(type(tab.reschedule_dialog(session.id)), "exec", lambda self: 0)
    move.trigger()
    assert asked == [session.id]

    dialog = tab.reschedule_dialog(session.id)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()  # nothing changed yet
    busy = next(s for s in stored.schedule.sessions
                if s.start == session.start and s.id != session.id and s.exercise_id in ("RP", "WWC"))
    dialog.room_combo.setCurrentIndex(dialog.room_combo.findData(busy.room_id))
    assert not dialog.ok_button.isEnabled()
    assert "dipakai dua sesi sekaligus" in dialog.verdict.text() and "f8d7da" in dialog.verdict.styleSheet()

    # Somewhere the checker accepts: another interview room, else the same room a little later.
    rooms = [r.id for r in stored.problem.rooms if r.kind == "ruang_wawancara"]
    for room in rooms:
        dialog.room_combo.setCurrentIndex(dialog.room_combo.findData(room))
        if dialog.ok_button.isEnabled():
            break
    else:
        dialog.room_combo.setCurrentIndex(dialog.room_combo.findData(session.room_id))
        for minutes in range(10, 240, 10):
            dialog.time_edit.setTime(QTime(session.start.hour, session.start.minute).addSecs(minutes * 60))
            if dialog.ok_button.isEnabled():
                break
    assert dialog.ok_button.isEnabled() and "Dapat dipindahkan" in dialog.verdict.text()
    target_room, target_start = dialog.room_id(), dialog.start()
    edit = dialog.edit()
    monkeypatch.setattr(type(dialog), "exec", lambda self: 1)
    monkeypatch.setattr(tab, "reschedule_dialog", lambda _sid: dialog)
    assert tab.move_session(session.id)
    with tab.context.session() as db_session:
        again = load_stored_schedule(db_session, 1)
    moved = again.schedule.session(session.id)
    assert (moved.room_id, moved.start) == (target_room, target_start) != (session.room_id, session.start)
    assert edit.kind == "reschedule"
    assert moved.participant_ids == session.participant_ids and moved.assessor_ids == session.assessor_ids
    assert not [m for m in recorded_messages if m[0] in ("error", "unexpected")]


def test_a_participant_gets_another_lead_among_their_observers(qtbot, schedule_tab) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.schedule_problem import load_stored_schedule
    from ukom_desktop.services.scheduling import preview_edit

    tab = schedule_tab
    stored = tab.stored
    session, _busy = _parallel(stored.schedule.sessions, ("RP", "WWC"))
    pid = session.participant_ids[0]
    for i in range(tab.view_combo.count()):
        if tab.view_combo.itemData(i).day == session.start.date():
            tab.view_combo.setCurrentIndex(i)
    chip = tab.grid.chip(session.id, pid)
    menu = tab.grid.context_menu(tab.grid.card(session.id).cell, chip.chip)
    leads = next(a.menu() for a in menu.actions() if a.menu() is not None)
    observers = {a for s in stored.schedule.sessions_of_participant(pid) for a in s.assessor_ids}
    names = {stored.event.assessors[a].name: a for a in observers}
    assert {a.text() for a in leads.actions()} == set(names)  # only assessors who see the participant
    current = stored.schedule.lead[pid]
    assert [a.text() for a in leads.actions() if a.isChecked()] == [stored.event.assessors[current].name]
    edits: list[object] = []
    tab.grid.move_requested.connect(edits.append)
    choice = next(a for a in leads.actions() if names[a.text()] != current)
    choice.trigger()
    assert edits and edits[0].kind == "set_lead" and edits[0].other == names[choice.text()]
    refused = any(v.is_hard for v in preview_edit(stored, edits[0])[1])
    with tab.context.session() as db_session:
        again = load_stored_schedule(db_session, 1)
    # Saved when every rule holds; otherwise refused in red and the old lead stays.
    assert again.schedule.lead[pid] == (current if refused else names[choice.text()])
    assert ("ditolak" in tab.banner.text().lower()) == refused
