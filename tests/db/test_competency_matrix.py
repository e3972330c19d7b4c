"""An event's matrix: stored, checked against its target positions' standard, enforced before scheduling."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ukom_desktop.db.models import EventMatrixCell, Exercise, Position
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.exercise_matrix import (
    ExerciseInfo,
    check_event_matrix,
    ensure_event_ready_for_scheduling,
    event_matrix,
    library_cells,
    list_exercises,
    save_event_matrix,
    save_exercise,
    set_event_positions,
)
from ukom_desktop.services.positions import position_standard, save_position_standard
from ukom_desktop.services.settings import set_event_setting, set_setting


def test_demo_event_matrix_passes_with_the_psychotest_flagged(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.sessions() as s:
        matrix = event_matrix(s, demo_database.demo.event_id)
        assert [ex.code for ex in matrix.exercises] == ["PSI", "INB", "LGD", "RP", "WWC"]
        assert [c.code for c in matrix.competencies][:2] == ["M.01", "M.02"] and len(matrix.competencies) == 9
        assert all(c.in_standard for c in matrix.competencies)
        check = ensure_event_ready_for_scheduling(s, demo_database.demo.event_id)
        assert check.ok and check.coverage["M.01"] == 2
        assert [f.exercise_code for f in check.warnings] == ["PSI"]


def test_removing_a_tick_below_the_minimum_blocks_scheduling(demo_database) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as s:
        matrix = event_matrix(s, event_id)
        inb = next(ex for ex in matrix.exercises if ex.code == "INB")
        m01 = next(c for c in matrix.competencies if c.code == "M.01")
        save_event_matrix(s, event_id, [ex.id for ex in matrix.exercises], matrix.cells - {(inb.id, m01.id)})
    with demo_database.sessions() as s:
        assert (inb.id, m01.id) not in event_matrix(s, event_id).cells
        with pytest.raises(UserFacingError) as caught:
            ensure_event_ready_for_scheduling(s, event_id)
        text = str(caught.value)
        assert "belum dapat dijadwalkan" in text
        assert "M.01 Integritas hanya diukur oleh 1 alat ukur; minimal 2" in text
        assert not check_event_matrix(s, event_id).ok


def test_minimum_comes_from_the_setting_and_the_event_may_override_it(demo_database) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as s:
        set_setting(s, "competency.min_exercises", 3)
        check = check_event_matrix(s, event_id)
        assert check.min_exercises == 3
        assert {f.competency_code for f in check.errors} == {"M.01", "M.04", "M.07"}
        from ukom_desktop.db.models import Event

        set_event_setting(s, s.get(Event, event_id), "competency.min_exercises", 1)
        assert check_event_matrix(s, event_id).ok


def test_live_check_of_an_unsaved_edit(demo_database) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions() as s:
        matrix = event_matrix(s, event_id)
        wwc = next(ex for ex in matrix.exercises if ex.code == "WWC")
        edited = event_matrix(s, event_id, cells=matrix.cells, exercise_ids=[wwc.id])
        assert {f.kind for f in edited.check.errors} == {"under_covered"}
        assert len(edited.check.errors) == 9
        assert s.scalars(select(EventMatrixCell)).first() is not None  # nothing stored


def test_event_without_target_positions_cannot_be_scheduled(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.sessions.begin() as s:
        from ukom_desktop.db.models import Event

        event = Event(code="KOSONG-1", name="Kegiatan tanpa jabatan")
        s.add(event)
        s.flush()
        with pytest.raises(UserFacingError, match="belum memiliki jabatan sasaran"):
            ensure_event_ready_for_scheduling(s, event.id)
        position = s.scalars(select(Position)).first()
        set_event_positions(s, event.id, [position.id])
        ids = [e.id for e in list_exercises(s) if e.code in ("INB", "WWC")]
        save_event_matrix(s, event.id, ids, library_cells(s, ids))
        check = check_event_matrix(s, event.id)
        assert {f.competency_code for f in check.errors} == {"M.02", "M.03", "M.05", "SK.01"}  # only WWC


def test_target_positions_of_participants_cannot_be_dropped(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.sessions.begin() as s, pytest.raises(UserFacingError, match="masih menjadi jabatan sasaran"):
        set_event_positions(s, demo_database.demo.event_id, [])


def test_standard_edit_is_seen_by_the_matrix_check_and_bumps_the_version(demo_database) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as s:
        position = s.scalars(select(Position)).first()
        version = position.version
        tech = save_exercise(s, ExerciseInfo(None, "TT", "Tes Teknis", "whole_wave", 90))
        from ukom_desktop.services.competency_dictionary import CompetencyInfo, save_competency

        comp = save_competency(s, CompetencyInfo(None, "T.01", "Audit", "teknis"))
        save_position_standard(s, position.id, {comp.id: 2})
        assert s.get(Position, position.id).version == version + 1
        check = check_event_matrix(s, event_id)
        assert [f.competency_code for f in check.errors] == ["T.01"]
        assert "tidak diukur oleh alat ukur mana pun" in check.errors[0].message
        assert position_standard(s, position.id).levels()["T.01"] == 2
        assert s.get(Exercise, tech.id).duration_minutes == 90


def test_exercise_library_validation(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.sessions.begin() as s:
        with pytest.raises(UserFacingError, match="Kode INB sudah dipakai"):
            save_exercise(s, ExerciseInfo(None, "inb", "Lain", "group"))
        with pytest.raises(UserFacingError, match="Durasi alat ukur harus antara 5 dan 600 menit"):
            save_exercise(s, ExerciseInfo(None, "X", "Lain", "group", 0))
        with pytest.raises(UserFacingError, match="Kompetensi tidak dikenal: Z.9"):
            save_exercise(s, ExerciseInfo(None, "X", "Lain", "group", measures=("Z.9",)))
        rp = next(e for e in list_exercises(s) if e.code == "RP")
        assert rp.measures == ("M.02", "M.03", "M.05", "M.06", "SK.01") and rp.kind_label == "Perorangan"
