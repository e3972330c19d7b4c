"""The assessor meeting: suggestions, reasons, the standard snapshot, JPM, potential, 9-box, validity."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from ratings_support import fill_form, members, small_event
from sqlalchemy import func, select

from ukom_desktop.db.models import (
    AuditEntry,
    IntegratedResult,
    PositionStandard,
    PotentialScore,
)
from ukom_desktop.domain import ninebox, potential
from ukom_desktop.domain.potential_axis import potential_axis
from ukom_desktop.services import integration, ratings
from ukom_desktop.services.results import participant_result


@pytest.fixture
def rated(database):  # type: ignore[no-untyped-def]
    """Participant 1, rated and submitted by their lead assessor: 3 on M.02, 2 on everything else."""
    with database.sessions.begin() as session:
        event_id = small_event(session)
        team = ratings.team_assessors(session, event_id)
        ep = members(session, event_id)[0]
        ep.lead_assessor_id = team[0].id
        fill_form(session, ep.id, team[0].id, {"M.02": 3}, default=2)
    return database, event_id, ep.id, team


def _finals(sheet, **changes):  # type: ignore[no-untyped-def]
    result = {}
    for row in sheet.rows:
        level, reason = changes.get(row.code, (row.summary.suggested_level, ""))
        result[row.competency_id] = (level, reason)
    return result


def test_sheet_shows_ratings_side_by_side_with_a_suggestion(rated) -> None:  # type: ignore[no-untyped-def]
    database, _event_id, ep_id, team = rated
    with database.sessions() as session:
        sheet = integration.integration_sheet(session, ep_id)
    assert sheet.waiting_for == ()
    assert {c.assessor_id for c in sheet.columns} == {team[0].id}
    m02 = next(r for r in sheet.rows if r.code == "M.02")
    assert [c.text for c in m02.cells if c is not None] == ["3", "3", "3"]  # LGD, RP, WWC
    assert m02.summary.suggested_level == 3
    assert [r.code for r in sheet.rows][:2] == ["M.01", "M.02"]


def test_unsubmitted_ratings_stay_out_of_the_meeting(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        event_id = small_event(session)
        team = ratings.team_assessors(session, event_id)
        ep = members(session, event_id)[0]
        fill_form(session, ep.id, team[0].id, default=2)
        fill_form(session, ep.id, team[1].id, default=5, submit=False)
    with database.sessions() as session:
        sheet = integration.integration_sheet(session, ep.id)
        assert team[1].name in sheet.waiting_for
        assert {c.assessor_id for c in sheet.columns} == {team[0].id}
        assert all(r.summary.suggested_level in (2, None) for r in sheet.rows)


def test_a_departure_from_the_suggestion_needs_a_reason(rated) -> None:  # type: ignore[no-untyped-def]
    database, _event_id, ep_id, _team = rated
    with database.sessions.begin() as session:
        sheet = integration.integration_sheet(session, ep_id)
        with pytest.raises(integration.IntegrationError, match="Kerja Sama: Level akhir 4 berbeda dari usulan 3"):
            integration.save_integration(session, ep_id, _finals(sheet, **{"M.02": (4, "  ")}))
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(IntegratedResult)) == 0
    with database.sessions.begin() as session:
        saved = integration.save_integration(
            session, ep_id, _finals(sheet, **{"M.02": (4, "Bukti LGD kuat dan konsisten.")}), actor="rapat"
        )
        assert saved.category_code
    with database.sessions() as session:
        result = participant_result(session, ep_id)
        m02 = next(r for r in result.levels if r.code == "M.02")
        assert (m02.final, m02.suggested, m02.reason) == (4, 3, "Bukti LGD kuat dan konsisten.")
        audit = session.scalars(select(AuditEntry).where(AuditEntry.entity == "integrated_level")).all()
        assert len(audit) == len(result.levels)


def test_gaps_jpm_and_category_from_the_standard_snapshot(rated) -> None:  # type: ignore[no-untyped-def]
    database, _event_id, ep_id, _team = rated
    with database.sessions.begin() as session:
        sheet = integration.integration_sheet(session, ep_id)
        integration.save_integration(session, ep_id, _finals(sheet))
    with database.sessions() as session:
        result = participant_result(session, ep_id)
        standard = result.levels[0].standard
        assert all(r.standard == standard for r in result.levels)  # one job level, one default standard
        assert [r.gap for r in result.levels] == [r.final - r.standard for r in result.levels]
        total_final = sum(r.final for r in result.levels)
        expected = min(Decimal(100), (total_final / (standard * 9) * 100).quantize(Decimal("0.01")))
        assert result.jpm == expected and result.total_standard == standard * 9
        assert result.purpose == "pemetaan" and result.category_code in {"O", "CO", "KO"}


def test_editing_the_standard_later_does_not_change_the_result(rated) -> None:  # type: ignore[no-untyped-def]
    database, _event_id, ep_id, _team = rated
    with database.sessions.begin() as session:
        sheet = integration.integration_sheet(session, ep_id)
        integration.save_integration(session, ep_id, _finals(sheet))
    with database.sessions() as session:
        before = participant_result(session, ep_id)
    with database.sessions.begin() as session:
        ep = members(session, before.event_id)[0]
        for standard in session.scalars(select(PositionStandard).where(
                PositionStandard.position_id == ep.target_position_id)):
            standard.level = Decimal(5)
    with database.sessions.begin() as session:
        integration.refresh_result(session, ep_id)
        sheet = integration.integration_sheet(session, ep_id)
        assert {row.standard for row in sheet.rows} == {before.levels[0].standard}
    with database.sessions() as session:
        after = participant_result(session, ep_id)
    assert [(r.standard, r.gap) for r in after.levels] == [(r.standard, r.gap) for r in before.levels]
    assert (after.jpm, after.category_code) == (before.jpm, before.category_code)


def test_potential_nine_box_and_validity(rated) -> None:  # type: ignore[no-untyped-def]
    database, _event_id, ep_id, _team = rated
    with database.sessions.begin() as session:
        for aspect in potential.ASPECTS:
            session.add(PotentialScore(event_participant_id=ep_id, aspect_code=aspect.code, score=Decimal(4)))
        ep = members(session, _event_id)[0]
        ep.performance_category = "di_atas"
        sheet = integration.integration_sheet(session, ep_id)
        saved = integration.save_integration(session, ep_id, _finals(sheet))
    # the potential axis mixes competency (JPM), the aspects (4 of 5 = 80%) and the track record (none yet)
    axis = potential_axis(saved.jpm, potential.compute_potential({a.code: 4 for a in potential.ASPECTS}), None,
                          potential.DEFAULT_POTENTIAL_SETTINGS)
    assert axis is not None and saved.potential_category == axis.band.value
    assert saved.nine_box == ninebox.box_number(axis.band, "di_atas")
    with database.sessions() as session:
        result = participant_result(session, ep_id)
        assert result.potential_category == axis.band_name
        assert result.nine_box_description == f"Potensial {axis.band_name}, Kinerja di Atas Ekspektasi"
        assessed = result.assessed_on
        assert isinstance(assessed, date)
        assert result.valid_until == assessed.replace(year=assessed.year + 3)


def test_no_standard_gives_a_clear_message(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        event_id = small_event(session)
        ep = members(session, event_id)[0]
        ep.target_position_id = None
    with database.sessions() as session, pytest.raises(integration.IntegrationError, match="jabatan sasaran"):
        integration.integration_sheet(session, ep.id)
