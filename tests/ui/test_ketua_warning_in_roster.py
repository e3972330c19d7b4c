"""The Asesor roster says when the ketua tim does not fit the event's target posts."""

from __future__ import annotations

from sqlalchemy import select

from ukom_desktop.db.models import EventTeamMember, TeamMember
from ukom_desktop.services.team import TeamAssignment, assign_team


def test_roster_warns_about_a_junior_ketua(main_window) -> None:  # type: ignore[no-untyped-def]
    tab = main_window.show_tab("assessors_tab")
    tab.ensure_built()
    tab.refresh()
    assert "Perhatian" not in tab.hint.text()  # the demo's ketua fits its Administrator targets
    event_id = main_window.context.event_id
    with main_window.context.transaction() as session:
        junior = session.scalars(select(TeamMember).where(TeamMember.jf_jenjang == "Ahli Pertama")).first()
        team = [TeamAssignment(m.member_id, str(m.role), m.member_id == junior.id)
                for m in session.scalars(select(EventTeamMember).where(EventTeamMember.event_id == event_id))]
        assign_team(session, event_id, team)
        name = junior.name
    tab.refresh()
    text = tab.hint.text()
    assert f"Perhatian: Ketua tim {name} (Asesor SDM Aparatur Ahli Pertama)" in text
    assert "minimal Ahli Muda" in text
