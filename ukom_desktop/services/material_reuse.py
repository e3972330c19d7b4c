"""The re-use rule (issue 17 item 2): a participant (by NIP) is never given a material version they met in
an earlier event within `materials.reuse_years` years (default 3; an event may override it).

A participant met a version in an event when the event mapped the participant's paket soal, for an
exercise, to that version. Grouping deals paket soal around it, a manual paket change is refused, and the
preview names who would meet a case again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Event,
    EventMaterial,
    EventParticipant,
    Exercise,
    MaterialVersion,
    Participant,
)
from ukom_desktop.services.settings import event_setting

SETTING = "materials.reuse_years"
DEFAULT_YEARS = 3


@dataclass(frozen=True)
class ReuseConflict:
    event_participant_id: int
    nip: str
    name: str
    question_set: str
    exercise_code: str
    version: str
    earlier_event: str  # code of the event where the version was met
    earlier_date: date | None

    def text(self) -> str:
        when = f" ({self.earlier_date.strftime('%d-%m-%Y')})" if self.earlier_date else ""
        return (f"{self.name} (NIP {self.nip}) dengan paket {self.question_set} akan kembali bertemu materi "
                f"{self.exercise_code} versi '{self.version}' yang sudah dikerjakan pada {self.earlier_event}{when}.")


def reuse_years(session: Session, event: Event | int) -> int:
    value = event_setting(session, event, SETTING, DEFAULT_YEARS)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return DEFAULT_YEARS


def event_day(event: Event) -> date:
    """The day an event counts from: its start, else its request letter, else the day it was made."""
    if event.start_date:
        return event.start_date
    if event.request_letter_date:
        return event.request_letter_date
    return event.created_at.date() if event.created_at else date.today()


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def event_versions(session: Session, event_id: int) -> dict[tuple[int, str], int]:
    """(exercise id, paket soal) -> material version id of the event's mapping."""
    rows = session.execute(select(EventMaterial.exercise_id, EventMaterial.question_set, EventMaterial.version_id)
                           .where(EventMaterial.event_id == event_id))
    return {(r[0], r[1]): r[2] for r in rows}


def earlier_exposure(session: Session, event: Event) -> dict[str, dict[int, tuple[str, date]]]:
    """NIP -> material version id -> (code, day) of the latest earlier event (within the window) where met."""
    day = event_day(event)
    since = _years_before(day, reuse_years(session, event))
    mapped = session.execute(select(EventMaterial.event_id, EventMaterial.exercise_id, EventMaterial.question_set,
                                    EventMaterial.version_id).where(EventMaterial.event_id != event.id)).all()
    by_event: dict[int, dict[str, list[int]]] = {}
    for ev_id, _exercise, qset, version in mapped:
        by_event.setdefault(ev_id, {}).setdefault(qset, []).append(version)
    out: dict[str, dict[int, tuple[str, date]]] = {}
    for other in session.scalars(select(Event).where(Event.id.in_(by_event))):
        other_day = event_day(other)
        if not since <= other_day <= day:
            continue
        sets = by_event[other.id]
        for nip, qset in session.execute(
            select(Participant.nip, EventParticipant.question_set)
            .join(Participant, Participant.id == EventParticipant.participant_id)
            .where(EventParticipant.event_id == other.id, EventParticipant.question_set != "")
        ):
            for version in sets.get(qset.upper(), ()):
                seen = out.setdefault(nip, {})
                if version not in seen or seen[version][1] < other_day:
                    seen[version] = (other.code, other_day)
    return out


def reuse_conflicts(
    session: Session, event_id: int, assignment: Mapping[int, str] | None = None
) -> list[ReuseConflict]:
    """Who would meet a material version again with the given paket soal per event participant (default: the
    paket soal stored now)."""
    event = session.get(Event, event_id)
    if event is None:
        return []
    versions = event_versions(session, event_id)
    if not versions:
        return []
    exposure = earlier_exposure(session, event)
    if not exposure:
        return []
    names = {v.id: v.name for v in session.scalars(select(MaterialVersion))}
    codes = dict(session.execute(select(Exercise.id, Exercise.code)).all())
    rows = session.execute(
        select(EventParticipant.id, Participant.nip, Participant.name, EventParticipant.question_set,
               EventParticipant.number)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.number, Participant.name)
    ).all()
    out = []
    for ep_id, nip, name, stored_set, _number in rows:
        qset = assignment.get(ep_id, stored_set) if assignment is not None else stored_set
        seen = exposure.get(nip)
        if not qset or not seen:
            continue
        for (exercise_id, mapped_set), version in sorted(versions.items()):
            if mapped_set == qset.upper() and version in seen:
                code, day = seen[version]
                out.append(ReuseConflict(ep_id, nip, name, qset, codes.get(exercise_id, "?"), names.get(version, "?"),
                                         code, day))
    return out


def blocked_sets(session: Session, event_id: int, ep_ids: list[int]) -> dict[int, set[str]]:
    """Event participant id -> the paket soal labels that would give them a version met before."""
    event = session.get(Event, event_id)
    versions = event_versions(session, event_id)
    if event is None or not versions:
        return {}
    exposure = earlier_exposure(session, event)
    nips = dict(session.execute(
        select(EventParticipant.id, Participant.nip).join(Participant, Participant.id == EventParticipant.participant_id)
        .where(EventParticipant.id.in_(ep_ids))
    ).all())
    out: dict[int, set[str]] = {}
    for ep_id in ep_ids:
        seen = exposure.get(nips.get(ep_id, ""), {})
        blocked = {qset for (_exercise, qset), version in versions.items() if version in seen}
        if blocked:
            out[ep_id] = blocked
    return out


def avoid_reuse(
    session: Session, event_id: int, assignment: Mapping[int, str], labels: list[str]
) -> tuple[dict[int, str], tuple[str, ...]]:
    """Move each participant whose dealt paket soal holds a version they met before to another paket that
    holds none; returns the changed paket per event participant and notes naming who moved or could not."""
    blocked = blocked_sets(session, event_id, list(assignment))
    if not blocked:
        return {}, ()
    changed: dict[int, str] = {}
    stuck: list[int] = []
    for ep_id, qset in assignment.items():
        bad = blocked.get(ep_id, set())
        if qset.upper() not in bad:
            continue
        free = [label for label in labels if label not in bad]
        if free:
            changed[ep_id] = free[0]
        else:
            stuck.append(ep_id)
    notes = []
    if changed:
        notes.append(f"{len(changed)} peserta dipindah ke paket soal lain agar tidak bertemu materi yang pernah "
                     f"dikerjakan dalam {reuse_years(session, event_id)} tahun terakhir.")
    if stuck:
        final = {**assignment, **changed}
        for conflict in reuse_conflicts(session, event_id, final):
            if conflict.event_participant_id in stuck:
                notes.append("Perhatian: " + conflict.text() + " Tambahkan paket soal atau versi materi lain.")
    return changed, tuple(notes)
