"""Job-level default standards, editing a position's standard, and results keeping their snapshot."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from ukom_desktop.db.models import (
    EventParticipant,
    IntegratedLevel,
    IntegratedResult,
    JobLevel,
)
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.positions import (
    add_position,
    events_using_position,
    list_job_levels,
    list_positions,
    position_standard,
    reset_to_job_level_default,
    save_position_standard,
    set_job_level_default,
    standard_edit_warning,
)
from ukom_desktop.services.reference_data import ensure_reference_data


@pytest.fixture
def db(database):  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        ensure_reference_data(session)
    return database


@pytest.mark.parametrize(("job_level", "level"), [
    ("JPT_MADYA", 5), ("JPT_PRATAMA", 4), ("ADMINISTRATOR", 3), ("PENGAWAS", 2), ("PELAKSANA", 1),
])
def test_structural_position_starts_at_its_job_level_default(db, job_level: str, level: int) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        jl = s.scalars(select(JobLevel).where(JobLevel.code == job_level)).one()
        info = add_position(s, "Jabatan Uji", jl.id)
        view = position_standard(s, info.id)
        assert view.default_level == level
        assert view.levels() == {code: Decimal(level) for code in
                                 ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]}


def test_functional_position_starts_empty_and_gets_its_own_standard(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        levels = {jl.code: jl for jl in list_job_levels(s)}
        assert levels["JF_AHLI_MUDA"].default_standard is None
        info = add_position(s, "Auditor Ahli Muda", levels["JF_AHLI_MUDA"].id, "Inspektorat")
        view = position_standard(s, info.id)
        assert view.levels() == {}
        ids = {row.competency.code: row.competency.id for row in view.rows}
        save_position_standard(s, info.id, {ids["M.01"]: 3, ids["M.08"]: Decimal("2.5")})
        with pytest.raises(UserFacingError, match="tidak memiliki level bawaan"):
            reset_to_job_level_default(s, info.id)
    with db.sessions() as s:
        assert position_standard(s, info.id).levels() == {"M.01": Decimal(3), "M.08": Decimal("2.5")}
        assert [p.name for p in list_positions(s)] == ["Auditor Ahli Muda"]


def test_level_outside_the_competency_range_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        jl = s.scalars(select(JobLevel).where(JobLevel.code == "PENGAWAS")).one()
        info = add_position(s, "Kepala Seksi", jl.id)
        comp = position_standard(s, info.id).rows[0].competency
    with pytest.raises(UserFacingError, match=r"Level 6 untuk M\.01 Integritas di luar rentang 1 sampai 5"), \
            db.sessions.begin() as s:
        save_position_standard(s, info.id, {comp.id: 6})
    with pytest.raises(UserFacingError, match="baru saja diubah"), db.sessions.begin() as s:
        save_position_standard(s, info.id, {comp.id: 3}, expected_version=info.version + 5)
    with db.sessions.begin() as s:
        assert position_standard(s, info.id).levels()["M.01"] == 2
        with pytest.raises(UserFacingError, match="sudah ada"):
            add_position(s, "kepala  seksi", jl.id)


def test_job_level_default_is_editable_for_new_positions(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        jl = s.scalars(select(JobLevel).where(JobLevel.code == "PENGAWAS")).one()
        set_job_level_default(s, jl.id, 3)
        info = add_position(s, "Kepala Seksi", jl.id)
        assert set(position_standard(s, info.id).levels().values()) == {Decimal(3)}


def test_editing_a_standard_never_changes_delivered_results(demo_database) -> None:  # type: ignore[no-untyped-def]
    db = demo_database
    with db.sessions.begin() as s:
        position = list_positions(s)[0]
        ep = s.scalars(select(EventParticipant).where(EventParticipant.target_position_id == position.id)).first()
        view = position_standard(s, position.id)
        assert standard_edit_warning(s, position.id) is None
        result = IntegratedResult(event_participant_id=ep.id, position_name=position.name,
                                  job_level_name=position.job_level_name)
        result.levels = [IntegratedLevel(competency_id=r.competency.id, competency_code=r.competency.code,
                                         competency_name=r.competency.name, standard_level=r.level,
                                         final_level=Decimal(3)) for r in view.rows if r.level is not None]
        s.add(result)
    with db.sessions() as s:
        uses = events_using_position(s, position.id)
        assert [(u.code, u.has_results) for u in uses] == [(db.demo.event_code, True)]
        warning = standard_edit_warning(s, position.id)
        assert warning is not None and db.demo.event_code in warning and "standar lama" in warning
    with db.sessions.begin() as s:
        levels = {r.competency.id: 5 for r in position_standard(s, position.id).rows if r.level is not None}
        save_position_standard(s, position.id, levels)
    with db.sessions() as s:
        assert set(position_standard(s, position.id).levels().values()) == {Decimal(5)}
        snap = s.scalars(select(IntegratedLevel)).all()
        assert len(snap) == 9 and {lv.standard_level for lv in snap} == {Decimal(3)}
