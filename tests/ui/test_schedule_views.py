"""The schedule grid (issue 11 item 7): a participant's own timetable, two sessions of one room at one time
side by side without overlapping, and banners cleared when another database opens."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from scheduled_demo import scheduled_demo_copy  # noqa: E402


@pytest.fixture
def schedule_tab(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(f"sqlite:///{scheduled_demo_copy(tmp_path)}")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_database()
    tab = window.show_tab("schedule_tab")
    tab.refresh()
    return tab


def test_one_participants_timetable(schedule_tab) -> None:  # type: ignore[no-untyped-def]
    tab = schedule_tab
    labels = [tab.view_combo.itemText(i) for i in range(tab.view_combo.count())]
    first = next(i for i, text in enumerate(labels) if text.startswith("Peserta 1. "))
    assert sum(text.startswith("Peserta ") for text in labels) == 30
    tab.view_combo.setCurrentIndex(first)
    pid = tab.view_combo.itemData(first).participant
    sessions = tab.grid_model.visible_sessions()
    assert len(sessions) == 5 and all(pid in s.participant_ids for s in sessions)
    assert len(tab.grid.cards) == 5


def test_two_sessions_in_one_cell_stand_side_by_side(schedule_tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = schedule_tab
    stored = tab.stored
    interviews = [s for s in stored.schedule.sessions if s.exercise_id == "WWC"]
    a, b = interviews[0], next(s for s in interviews[1:] if s.room_id != interviews[0].room_id)
    clash = replace(b, room_id=a.room_id, start=a.start, end=a.end)
    sessions = tuple(clash if s.id == b.id else s for s in stored.schedule.sessions)
    tab.grid_model.set_schedule(replace(stored, schedule=replace(stored.schedule, sessions=sessions)))
    tab.show_wave(1)
    first, second = tab.grid.card(a.id), tab.grid.card(b.id)
    assert first is not None and second is not None and first.parent() is second.parent()
    qtbot.waitUntil(lambda: first.width() > 0 and second.width() > 0)
    assert not first.geometry().intersects(second.geometry())
    assert min(first.width(), second.width()) >= 180


def test_banner_is_cleared_when_another_database_opens(schedule_tab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = schedule_tab
    tab._show_banner("Perubahan ditolak: contoh", red=True)
    assert tab.banner.isVisibleTo(tab)
    tab.window().open_database(str(tmp_path / "lain.sqlite"))
    assert not tab.banner.isVisibleTo(tab) and tab.banner.text() == ""
