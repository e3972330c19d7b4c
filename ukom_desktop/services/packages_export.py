"""Writing assessor packages: one `.ukom` file per assessor of an event, holding only that assessor's work.

A package holds the assessor's participants (identity, position, target position, standard snapshot), the
exercises and competencies with their level indicators, the assessor's schedule, their rating forms with
their own earlier ratings and evidence, and the narrative drafts of the reports they write; nothing of
other participants or of colleagues' ratings. Each package gets a fresh passphrase (shown once, printed
on the slip) unless one is given. Files are written to a temporary name and moved into place only after
the database has recorded the issue.
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Competency,
    CompetencyLevel,
    Event,
    EventParticipant,
    Exercise,
    IndividualReport,
    PackageIssue,
    Participant,
    Position,
    PositionStandard,
    Rating,
    Room,
    ScheduleSession,
    SessionAssessor,
    SessionParticipant,
    TeamMember,
)
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io import exchange_package as fmt
from ukom_desktop.services.packages_keys import institution_keys
from ukom_desktop.services.rating_assignments import assessors_with_work
from ukom_desktop.services.ratings import participants_for_assessor, rating_form


@dataclass(frozen=True)
class IssuedPackage:
    member_id: int
    assessor_name: str
    assessor_nip: str
    path: Path
    passphrase: str
    package_id: str
    participants: int
    temp: Path  # the written bytes, moved to path by publish() after the commit


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _level(value: Any) -> str | None:
    return None if value is None else str(value)


def event_assessors(session: Session, event_id: int) -> list[tuple[int, str, str]]:
    """(member id, name, NIP) of every assessor with participants to rate in the event."""
    return [(a.id, a.name, a.nip) for a in assessors_with_work(session, event_id)]


def build_payload(session: Session, event: Event, member: TeamMember) -> dict[str, Any]:
    """Everything one assessor needs, and nothing of other participants or colleagues."""
    from ukom_desktop.services.rating_assignments import integration_settings

    people = participants_for_assessor(session, event.id, member.id)
    ep_ids = [p.event_participant_id for p in people]
    eps = {ep.id: ep for ep in session.scalars(select(EventParticipant).where(EventParticipant.id.in_(ep_ids)))}
    existing = {
        (r.event_participant_id, r.exercise_id, r.competency_id): r
        for r in session.scalars(select(Rating).where(Rating.event_participant_id.in_(ep_ids),
                                                      Rating.assessor_id == member.id))
    }
    cells: list[dict[str, Any]] = []
    comp_ids: set[int] = set()
    ex_ids: set[int] = set()
    uuid_of_comp: dict[int, str] = {}
    uuid_of_ex: dict[int, str] = {}
    for p in people:
        form = rating_form(session, p.event_participant_id, member.id)
        for row in form.rows:
            comp_ids.add(row.competency_id)
            ex_ids.add(row.exercise_id)
            r = existing.get((p.event_participant_id, row.exercise_id, row.competency_id))
            cells.append({
                "ep": eps[p.event_participant_id].uuid, "exercise": row.exercise_id, "competency": row.competency_id,
                "level": _level(row.level), "no_evidence": row.no_evidence, "evidence": row.evidence,
                "submitted": row.submitted, "version": r.version if r else None,
            })
    for c in session.scalars(select(Competency).where(Competency.id.in_(comp_ids))):
        uuid_of_comp[c.id] = c.uuid
    for x in session.scalars(select(Exercise).where(Exercise.id.in_(ex_ids))):
        uuid_of_ex[x.id] = x.uuid
    for cell in cells:
        cell["exercise"], cell["competency"] = uuid_of_ex[cell["exercise"]], uuid_of_comp[cell["competency"]]
    return {
        "event": {"uuid": event.uuid, "code": event.code, "name": event.name, "venue": event.venue,
                  "start_date": _iso(event.start_date), "end_date": _iso(event.end_date)},
        "assessor": {"uuid": member.uuid, "name": member.name, "nip": member.nip},
        "settings": _settings(integration_settings(session, event.id)),
        "competencies": _competencies(session, comp_ids),
        "exercises": [
            {"uuid": x.uuid, "code": x.code, "name": x.name, "sort": x.sort_order}
            for x in session.scalars(select(Exercise).where(Exercise.id.in_(ex_ids)).order_by(Exercise.sort_order))
        ],
        "participants": _participants(session, [eps[i] for i in ep_ids]),
        "sessions": _sessions(session, event.id, member.id, set(ep_ids)),
        "cells": cells,
        "narratives": [
            {"report": r.uuid, "ep": eps[r.event_participant_id].uuid, "status": str(getattr(r.status, "value", r.status)),
             "sections": dict(r.sections or {}), "version": r.version}
            for r in session.scalars(select(IndividualReport).where(
                IndividualReport.event_participant_id.in_(ep_ids), IndividualReport.author_id == member.id))
        ],
    }


def _settings(settings: Any) -> dict[str, Any]:
    return {"allow_half_levels": bool(settings.allow_half_levels), "max_level": int(settings.max_level)}


def _competencies(session: Session, ids: set[int]) -> list[dict[str, Any]]:
    levels: dict[int, list[dict[str, Any]]] = {}
    for lv in session.scalars(select(CompetencyLevel).where(CompetencyLevel.competency_id.in_(ids))
                              .order_by(CompetencyLevel.level)):
        levels.setdefault(lv.competency_id, []).append(
            {"level": lv.level, "description": lv.description, "indicators": list(lv.indicators or [])})
    return [
        {"uuid": c.uuid, "code": c.code, "name": c.name, "definition": c.definition, "levels": levels.get(c.id, [])}
        for c in session.scalars(select(Competency).where(Competency.id.in_(ids)).order_by(Competency.sort_order))
    ]


def _participants(session: Session, eps: list[EventParticipant]) -> list[dict[str, Any]]:
    positions = {ep.target_position_id for ep in eps if ep.target_position_id}
    standards: dict[int, dict[str, str]] = {}
    names: dict[int, tuple[str, str]] = {}
    if positions:
        for pos in session.scalars(select(Position).where(Position.id.in_(positions))):
            names[pos.id] = (pos.name, pos.job_level.name if pos.job_level else "")
        for std, code in session.execute(
            select(PositionStandard, Competency.code).join(Competency, Competency.id == PositionStandard.competency_id)
            .where(PositionStandard.position_id.in_(positions))
        ):
            standards.setdefault(std.position_id, {})[code] = str(std.level)
    out = []
    for ep in sorted(eps, key=lambda e: (e.number is None, e.number or 0)):
        person: Participant = ep.participant
        pos_name, level_name = names.get(ep.target_position_id or 0, ("", ""))
        out.append({
            "uuid": ep.uuid, "number": ep.number, "name": person.name, "nip": person.nip, "jabatan": person.jabatan,
            "golongan": person.golongan, "unit": person.unit, "target_position": pos_name, "job_level": level_name,
            "standard": standards.get(ep.target_position_id or 0, {}),
        })
    return out


def _sessions(session: Session, event_id: int, member_id: int, ep_ids: set[int]) -> list[dict[str, Any]]:
    rows = session.execute(
        select(ScheduleSession, Exercise.uuid, Room.name)
        .join(SessionAssessor, SessionAssessor.session_id == ScheduleSession.id)
        .join(Exercise, Exercise.id == ScheduleSession.exercise_id)
        .outerjoin(Room, Room.id == ScheduleSession.room_id)
        .where(ScheduleSession.event_id == event_id, SessionAssessor.member_id == member_id)
        .order_by(ScheduleSession.starts_at)
    ).all()
    seats: dict[int, list[str]] = {}
    if rows:
        for sid, ep_uuid in session.execute(
            select(SessionParticipant.session_id, EventParticipant.uuid)
            .join(EventParticipant, EventParticipant.id == SessionParticipant.event_participant_id)
            .where(SessionParticipant.session_id.in_([s.id for s, _x, _r in rows]),
                   SessionParticipant.event_participant_id.in_(ep_ids))
        ):
            seats.setdefault(sid, []).append(ep_uuid)
    return [
        {"uuid": s.uuid, "exercise": ex_uuid, "starts_at": _iso(s.starts_at), "ends_at": _iso(s.ends_at),
         "room": room or "", "label": s.label, "participants": seats.get(s.id, [])}
        for s, ex_uuid, room in rows
    ]


def _file_name(event: Event, member: TeamMember) -> str:
    """No name or NIP in the file name: a lost stick reveals nothing; the slip says whose file it is."""
    code = re.sub(r"[^A-Za-z0-9_-]+", "-", event.code).strip("-") or "kegiatan"
    return f"paket-{code}-{member.uuid[:8]}.ukom"


def export_packages(
    session: Session, event_id: int, member_ids: Iterable[int] | None, out_dir: Path, *,
    passphrase: str | None = None, actor: str = "",
) -> Generator[tuple[int, int, str], None, list[IssuedPackage]]:
    """Write one package per assessor (all with work when member_ids is None), yielding progress.

    The caller commits; files are moved into place by `publish` after the commit.
    """
    from ukom_desktop.services import access

    access.require(session, access.perm.EXPORT_PACKAGES)  # sekretariat (permission table)
    actor = access.actor_name(session, actor)
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    with_work = {mid for mid, _n, _p in event_assessors(session, event_id)}
    wanted = sorted(with_work) if member_ids is None else list(member_ids)
    if not wanted:
        raise UserFacingError("Belum ada asesor yang mendapat peserta untuk dinilai pada kegiatan ini.")
    if passphrase is not None and len(wanted) != 1:
        raise UserFacingError("Kata sandi hanya dapat diberikan untuk satu asesor; untuk banyak asesor dibuat slip.")
    database_id, keys = institution_keys(session)
    out_dir.mkdir(parents=True, exist_ok=True)
    issued: list[IssuedPackage] = []
    for done, member_id in enumerate(wanted):
        member = session.get(TeamMember, member_id)
        if member is None or member_id not in with_work:
            raise UserFacingError(f"{member.name if member else 'Asesor'} tidak mendapat peserta pada kegiatan ini.")
        yield done, len(wanted), f"Paket untuk {member.name}"
        previous = session.scalar(select(func.max(PackageIssue.sequence)).where(
            PackageIssue.event_id == event_id, PackageIssue.member_id == member_id)) or 0
        issue = PackageIssue(uuid=fmt.new_package_id(), event_id=event_id, member_id=member_id,
                             sequence=previous + 1, return_key=os.urandom(32), applied={})
        session.add(issue)
        with access.on_behalf_of_assessor(session, member_id):
            payload = build_payload(session, event, member)
        payload["return_key"] = base64.b64encode(issue.return_key).decode()
        payload["institution"] = {"x25519": base64.b64encode(keys.x25519_public).decode(),
                                  "ed25519": base64.b64encode(keys.ed25519_public).decode()}
        phrase = passphrase or fmt.new_passphrase()
        data = fmt.write_package(
            kind=fmt.KIND_ISSUE, package_id=issue.uuid, event_uuid=event.uuid, assessor_uuid=member.uuid,
            database_id=database_id, sequence=issue.sequence, created_at=datetime.now(UTC).isoformat(),
            payload=payload, institution_x25519_public=keys.x25519_public, passphrase=phrase,
            signing_key=keys.ed25519_private,
        )
        target = out_dir / _file_name(event, member)
        fd, tmp = tempfile.mkstemp(prefix=".paket-", suffix=".tmp", dir=out_dir)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        session.flush()
        audit.record(session, action="paket_dibuat", entity="package_issue", entity_id=issue.id,
                     entity_uuid=issue.uuid, actor=actor, note=member.name,
                     new={"asesor": member.uuid, "kegiatan": event.code, "urutan": issue.sequence,
                          "peserta": len(payload["participants"])})
        issued.append(IssuedPackage(member_id, member.name, member.nip, target, phrase, issue.uuid,
                                    len(payload["participants"]), Path(tmp)))
    yield len(wanted), len(wanted), "Selesai"
    return issued


def event_code_and_name(session: Session, event_id: int) -> tuple[str, str]:
    """What the passphrase slip names: the event's code and name."""
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    return event.code, event.name


def publish(issued: Iterable[IssuedPackage]) -> None:
    """Move the written packages into place (call after the commit)."""
    for item in issued:
        os.replace(item.temp, item.path)


def discard(issued: Iterable[IssuedPackage]) -> None:
    """Remove the temporary files of packages whose issue was not committed."""
    for item in issued:
        item.temp.unlink(missing_ok=True)


def run_export(
    session: Session, event_id: int, member_ids: Iterable[int] | None, out_dir: Path, **kwargs: Any
) -> list[IssuedPackage]:
    """The generator driven to the end (CLI and tests)."""
    gen = export_packages(session, event_id, member_ids, out_dir, **kwargs)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value
