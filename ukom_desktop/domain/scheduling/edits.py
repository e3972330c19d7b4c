"""Tentative edits of a schedule for the grid: each returns a new Schedule and leaves the old one alone.

The grid applies an edit, runs ``checker.new_violations(problem, old, new)`` and shows what the
drag and drop would break before the user confirms it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ukom_desktop.domain.scheduling.model import Schedule, Session


class EditError(ValueError):
    """An edit that does not make sense (unknown session, person not in the session).

    The message is an Indonesian sentence for the person who made the edit on the grid: it speaks of
    "peserta itu" / "sesi tujuan" rather than of internal ids, which mean nothing to them.
    """


def _get(schedule: Schedule, session_id: str) -> Session:
    try:
        return schedule.session(session_id)
    except KeyError:
        raise EditError("Sesi itu tidak ada lagi dalam jadwal; muat ulang jadwal lalu ulangi.") from None


def _replace_sessions(schedule: Schedule, *changed: Session) -> Schedule:
    by_id = {s.id: s for s in changed}
    return Schedule(sessions=tuple(by_id.get(s.id, s) for s in schedule.sessions), lead=dict(schedule.lead))


def move_participant(schedule: Schedule, participant_id: str, from_session: str, to_session: str) -> Schedule:
    """Take the participant out of one session and put them into another."""
    if from_session == to_session:
        return schedule
    source, target = _get(schedule, from_session), _get(schedule, to_session)
    if participant_id not in source.participant_ids:
        raise EditError("Peserta itu tidak lagi terdaftar pada sesi asalnya; muat ulang jadwal lalu ulangi.")
    if participant_id in target.participant_ids:
        raise EditError("Peserta itu sudah terdaftar pada sesi tujuan.")
    return _replace_sessions(
        schedule,
        replace(source, participant_ids=tuple(x for x in source.participant_ids if x != participant_id)),
        replace(target, participant_ids=(*target.participant_ids, participant_id)),
    )


def move_assessor(schedule: Schedule, assessor_id: str, from_session: str, to_session: str) -> Schedule:
    """Take the assessor off one session and put them on another."""
    if from_session == to_session:
        return schedule
    source, target = _get(schedule, from_session), _get(schedule, to_session)
    if assessor_id not in source.assessor_ids:
        raise EditError("Asesor itu tidak lagi bertugas pada sesi asalnya; muat ulang jadwal lalu ulangi.")
    if assessor_id in target.assessor_ids:
        raise EditError("Asesor itu sudah bertugas pada sesi tujuan.")
    return _replace_sessions(
        schedule,
        replace(source, assessor_ids=tuple(x for x in source.assessor_ids if x != assessor_id)),
        replace(target, assessor_ids=(*target.assessor_ids, assessor_id)),
    )


def replace_assessor(schedule: Schedule, session_id: str, old_assessor: str, new_assessor: str) -> Schedule:
    """Swap one assessor of a session for another (dropping an assessor onto an occupied seat)."""
    session = _get(schedule, session_id)
    if old_assessor not in session.assessor_ids:
        raise EditError("Asesor yang hendak diganti tidak lagi bertugas pada sesi itu; muat ulang jadwal lalu ulangi.")
    if new_assessor in session.assessor_ids:
        raise EditError("Asesor pengganti sudah bertugas pada sesi itu.")
    ids = tuple(new_assessor if x == old_assessor else x for x in session.assessor_ids)
    return _replace_sessions(schedule, replace(session, assessor_ids=ids))


def reschedule_session(
    schedule: Schedule, session_id: str, start: datetime, room_id: str | None = None
) -> Schedule:
    """Move a session to another start (keeping its length) and optionally another room."""
    session = _get(schedule, session_id)
    moved = replace(
        session,
        start=start,
        end=start + (session.end - session.start),
        room_id=session.room_id if room_id is None else room_id,
    )
    return _replace_sessions(schedule, moved)


def set_lead(schedule: Schedule, participant_id: str, assessor_id: str | None) -> Schedule:
    """Give the participant another lead assessor (None removes the lead)."""
    lead = dict(schedule.lead)
    if assessor_id is None:
        lead.pop(participant_id, None)
    else:
        lead[participant_id] = assessor_id
    return Schedule(sessions=schedule.sessions, lead=lead)
