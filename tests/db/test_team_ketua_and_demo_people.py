"""The ketua tim must fit the target posts (warned in the Asesor roster); demo people have plausible careers."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import EventParticipant, EventTeamMember, Participant, TeamMember
from ukom_desktop.domain import team_rules
from ukom_desktop.domain.nip import parse_nip
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.settings import set_setting
from ukom_desktop.services.team import TeamAssignment, assign_team
from ukom_desktop.services.team_checks import team_warnings


@pytest.fixture
def demo(database):  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        database.event_id = build_demo(session, participants=12, seed=9).event_id
    return database


def test_the_demo_ketua_fits_the_administrator_targets(demo) -> None:  # type: ignore[no-untyped-def]
    with demo.sessions() as session:
        assert team_warnings(session, demo.event_id) == []
        leader = session.scalars(select(TeamMember).join(EventTeamMember).where(
            EventTeamMember.event_id == demo.event_id, EventTeamMember.is_leader.is_(True))).one()
        assert team_rules.jenjang_of(leader.jabatan) in ("Ahli Madya", "Ahli Utama")


def test_an_ahli_pertama_ketua_for_administrator_posts_is_warned(demo) -> None:  # type: ignore[no-untyped-def]
    with transaction(demo.sessions) as session:
        junior = session.scalars(select(TeamMember).where(TeamMember.jf_jenjang == "Ahli Pertama")).first()
        team = [TeamAssignment(m.member_id, str(m.role), m.member_id == junior.id) for m in
                session.scalars(select(EventTeamMember).where(EventTeamMember.event_id == demo.event_id))]
        assign_team(session, demo.event_id, team)
        warnings = team_warnings(session, demo.event_id)
        assert len(warnings) == 1 and junior.name in warnings[0]
        assert "Administrator" in warnings[0] and "minimal Ahli Muda" in warnings[0]
        set_setting(session, team_rules.SETTING_KEY, {"ADMINISTRATOR": "Ahli Pertama"})  # the agency's own rule
        assert team_warnings(session, demo.event_id) == []


def test_demo_people_have_plausible_age_and_service(demo) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with demo.sessions() as session:
        people = session.scalars(select(Participant).join(EventParticipant)).all()
        members = session.scalars(select(TeamMember)).all()
    for person in [*people, *members]:
        info = parse_nip(person.nip)
        assert info.warnings == ()
        age = today.year - info.birth_date.year
        service = today.year - info.tmt_year
        limit = team_rules.retirement_age(getattr(person, "jf_jenjang", "") or person.jabatan)
        assert age < limit, (person.jabatan, age)
        assert service >= team_rules.service_years(person.golongan), (person.golongan, info.tmt_year)
