"""What assessor mode shows, read from the laptop's working database: timetable, participants, forms, narratives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ukom_desktop.services.packages_laptop import (
    engine_for,
    lp_cell,
    lp_competency,
    lp_exercise,
    lp_narrative,
    lp_participant,
    lp_session,
    read_meta,
)


@dataclass(frozen=True)
class TimetableRow:
    starts_at: str
    ends_at: str
    exercise: str
    room: str
    participants: str


@dataclass(frozen=True)
class LaptopParticipant:
    uuid: str
    number: int | None
    name: str
    nip: str
    target_position: str
    filled: int
    expected: int
    submitted: bool


@dataclass(frozen=True)
class LaptopFormRow:
    ep: str
    exercise: str
    competency: str
    exercise_name: str
    competency_code: str
    competency_name: str
    standard: str
    level: str | None
    no_evidence: bool
    evidence: str
    submitted: bool
    indicators: str


@dataclass(frozen=True)
class LaptopNarrative:
    report: str
    participant: str
    status: str
    sections: dict[str, Any]


@dataclass(frozen=True)
class LaptopView:
    event: str
    assessor: str
    allow_half_levels: bool
    max_level: int
    return_sequence: int
    timetable: list[TimetableRow]
    participants: list[LaptopParticipant]
    narratives: list[LaptopNarrative]


def load_view(url: str) -> LaptopView:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            meta = read_meta(conn)
            people = list(conn.execute(select(lp_participant).order_by(lp_participant.c.number)))
            names = {p.uuid: p.name for p in people}
            exercises = {x.uuid: x.name for x in conn.execute(select(lp_exercise))}
            cells = list(conn.execute(select(lp_cell)))
            sessions = list(conn.execute(select(lp_session).order_by(lp_session.c.starts_at)))
            narratives = list(conn.execute(select(lp_narrative)))
    finally:
        engine.dispose()
    timetable = [
        TimetableRow(_when(s.starts_at), _when(s.ends_at)[-5:], exercises.get(s.exercise, s.label), s.room,
                     ", ".join(names[u] for u in (s.participants or []) if u in names))
        for s in sessions
    ]
    participants = []
    for p in people:
        mine = [c for c in cells if c.ep == p.uuid]
        participants.append(LaptopParticipant(
            p.uuid, p.number, p.name, p.nip, p.target_position,
            sum(1 for c in mine if c.level is not None or c.no_evidence), len(mine),
            bool(mine) and all(c.submitted for c in mine)))
    return LaptopView(
        f"{meta['event']['code']} - {meta['event']['name']}", meta["assessor"]["name"],
        bool(meta["settings"].get("allow_half_levels")), int(meta["settings"].get("max_level", 5)),
        int(meta.get("return_sequence") or 0), timetable, participants,
        [LaptopNarrative(n.report, names.get(n.ep, ""), n.status, dict(n.sections or {})) for n in narratives],
    )


def _when(value: str | None) -> str:
    """"Senin, 5 Oktober 2026 13:30" from the ISO time in the package."""
    from datetime import datetime

    from ukom_desktop.domain.dates import format_day_date_id

    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{format_day_date_id(moment)} {moment:%H:%M}"


def load_form(url: str, ep: str) -> list[LaptopFormRow]:
    """The participant's form rows in exercise order, with the standard and the level indicators."""
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            person = conn.execute(select(lp_participant).where(lp_participant.c.uuid == ep)).one()
            comps = {c.uuid: c for c in conn.execute(select(lp_competency))}
            exercises = {x.uuid: x for x in conn.execute(select(lp_exercise))}
            cells = list(conn.execute(select(lp_cell).where(lp_cell.c.ep == ep)))
    finally:
        engine.dispose()
    standard = person.standard or {}
    rows = []
    for c in sorted(cells, key=lambda c: (exercises[c.exercise].sort, comps[c.competency].sort)):
        comp = comps[c.competency]
        level = standard.get(comp.code)
        indicators = "\n".join(
            f"Level {lv['level']}: " + "; ".join(lv.get("indicators") or [lv.get("description", "")])
            for lv in comp.levels or []
        )
        rows.append(LaptopFormRow(
            ep, c.exercise, c.competency, exercises[c.exercise].name, comp.code, comp.name,
            "" if level is None else str(level).rstrip("0").rstrip("."), c.level, bool(c.no_evidence),
            c.evidence or "", bool(c.submitted), indicators))
    return rows
