"""Checks of an event's team that the roster shows: the ketua must fit the target posts (domain.md 4.3)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import EventParticipant, EventTeamMember, JobLevel, Position, TeamMember
from ukom_desktop.domain import team_rules
from ukom_desktop.services.settings import event_setting


def target_levels(session: Session, event_id: int) -> dict[str, str]:
    """Job level code -> name of the event's target positions."""
    rows = session.execute(
        select(JobLevel.code, JobLevel.name)
        .join(Position, Position.job_level_id == JobLevel.id)
        .join(EventParticipant, EventParticipant.target_position_id == Position.id)
        .where(EventParticipant.event_id == event_id)
        .distinct()
    ).all()
    return dict(rows)


def ketua_rules(session: Session, event_id: int) -> dict[str, str]:
    stored = event_setting(session, event_id, team_rules.SETTING_KEY, None)
    return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def team_warnings(session: Session, event_id: int) -> list[str]:
    """Sentences for the roster: no ketua, or a ketua whose jenjang does not fit the target posts."""
    levels = target_levels(session, event_id)
    leader = session.execute(
        select(TeamMember)
        .join(EventTeamMember, EventTeamMember.member_id == TeamMember.id)
        .where(EventTeamMember.event_id == event_id, EventTeamMember.is_leader.is_(True))
    ).scalars().first()
    if leader is None:
        has_team = session.scalar(select(EventTeamMember.id).where(EventTeamMember.event_id == event_id).limit(1))
        return ["Tim kegiatan ini belum memiliki ketua tim."] if has_team else []
    problem = team_rules.ketua_problem(leader.name, leader.jabatan, leader.jf_jenjang or "", levels, levels,
                                       ketua_rules(session, event_id))
    return [problem] if problem else []
