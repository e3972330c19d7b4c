"""A fully rated demo event (`ukom-desktop demo --with-ratings`): deterministic with the seed.

On top of services.demo.build_demo: lead assessors (1 : 3), participant groups of 6 and a simple
schedule when the event has none (whole-wave psychotest and in-basket, LGD per group with two
observers, role play with another assessor, interview with the lead assessor), independent ratings
consistent with the event matrix by several assessors per participant (submitted), potential
scores for the 8 aspects, performance categories, the assessor meeting (final level = suggestion,
a few departures with a reason) and report narratives from the starting text. The rated participants
are recorded as invited (diterima) and present (hadir), as they must have been to be rated.

``held_days_ago`` (the CLI passes 18) first moves the event into the past so that it ended that many
days ago: ratings, reports and QC then sit after the assessment days, and with the default plan
(reports due 17 days after the last day) the reports still in the authors' hands are just overdue.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    AgendaItem,
    Attendance,
    Event,
    EventParticipant,
    EventStatus,
    InvitationStatus,
    ParticipantGroup,
    PositionStandard,
    PotentialScore,
    Rating,
    ScheduleSession,
    TeamMember,
    Wave,
)
from ukom_desktop.domain import potential
from ukom_desktop.domain.conflict_of_interest import same_unit
from ukom_desktop.services import integration, ratings
from ukom_desktop.services.report_content import start_report

PERFORMANCE = ("di_atas", "sesuai", "sesuai", "di_bawah")
EVIDENCE = (
    "Menyampaikan gagasan secara runtut dan memberi contoh dari pekerjaan sehari-hari.",
    "Mengajak anggota kelompok menyepakati langkah kerja dan membagi peran.",
    "Menyusun prioritas disposisi berdasarkan tenggat dan dampaknya.",
    "Menggali kebutuhan pihak lain sebelum menawarkan solusi.",
    "Mengakui keterbatasan data dan meminta masukan sebelum memutuskan.",
)


@dataclass(frozen=True)
class DemoRatingsSummary:
    ratings: int
    integrated: int
    reports: int
    sessions_created: int


def _clamp(value: float, low: float = 1, high: float = 5) -> int:
    return int(max(low, min(high, round(value))))


def _make_groups(session: Session, event: Event, members: list[EventParticipant]) -> None:
    by_wave: dict[int | None, list[EventParticipant]] = defaultdict(list)
    for ep in members:
        by_wave[ep.wave_id].append(ep)
    for wave_id, people in by_wave.items():
        if all(ep.group_id for ep in people):
            continue
        count = max(1, -(-len(people) // 6))
        groups = []
        for n in range(1, count + 1):
            group = ParticipantGroup(event_id=event.id, wave_id=wave_id, number=n, name=f"Kelompok {n}")
            session.add(group)
            groups.append(group)
        session.flush()
        for i, ep in enumerate(people):
            ep.group_id = groups[i % count].id


def _first_free(assessors: list[int], start: int, units: dict[int, str], unit: str, skip: tuple[int, ...] = ()) -> int:
    """The first assessor from ``start`` on (round the list) not of ``unit`` and not in ``skip``."""
    for k in range(len(assessors)):
        candidate = assessors[(start + k) % len(assessors)]
        if candidate not in skip and not same_unit(units.get(candidate, ""), unit):
            return candidate
    return assessors[start % len(assessors)]


def _solve_schedule(session: Session, event_id: int) -> int:
    """The event's schedule from the real scheduler (the same as 'Susun otomatis' and `schedule`), so the
    demo passes `schedule --check`; returns the number of sessions stored."""
    from ukom_desktop.domain.scheduling import build_schedule
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.services.schedule_problem import build_event_problem, require_schedulable
    from ukom_desktop.services.scheduling import prepare_event, store_result

    prepare_event(session, event_id)
    problem = build_event_problem(session, event_id)
    require_schedulable(problem)
    result = build_schedule(problem.problem, None, time_limit_s=7.0)
    if result.violations or result.infeasible:
        reasons = " ".join(v.message for v in [*result.infeasible, *result.violations][:3])
        raise UserFacingError(f"Jadwal data contoh tidak dapat disusun: {reasons}")
    return store_result(session, problem, result)


def move_event_into_past(session: Session, event: Event, held_days_ago: int, today: date | None = None) -> None:
    """Shift the event's dates (request letter, days, waves, agenda, stored schedule) so it ended
    ``held_days_ago`` days before today."""
    if event.end_date is None:
        return
    delta = ((today or date.today()) - timedelta(days=held_days_ago)) - event.end_date
    if not delta:
        return
    for name in ("start_date", "end_date", "request_letter_date"):
        if getattr(event, name) is not None:
            setattr(event, name, getattr(event, name) + delta)
    # Each wave keeps its number of working days, laid back to back ending on the event's last working day,
    # so a shift across a weekend never leaves a two-day wave with one day.
    from ukom_desktop.domain.wave_days import working_days

    cursor = event.end_date
    for wave in session.scalars(select(Wave).where(Wave.event_id == event.id).order_by(Wave.number.desc())):
        if wave.start_date is None:
            continue
        count = len(working_days(wave.start_date, wave.end_date))
        days: list[date] = []
        while len(days) < count:
            if cursor.weekday() < 5:
                days.insert(0, cursor)
            cursor -= timedelta(days=1)
        wave.start_date, wave.end_date = days[0], days[-1]
        event.start_date = min(event.start_date or days[0], days[0])
    for item in session.scalars(select(AgendaItem).where(AgendaItem.event_id == event.id)):
        item.day = item.day + delta if item.day else None
    for s in session.scalars(select(ScheduleSession).where(ScheduleSession.event_id == event.id)):
        s.starts_at, s.ends_at = s.starts_at + delta, s.ends_at + delta
    session.flush()


def build_demo_ratings(session: Session, event_id: int, seed: int = 1, *, actor: str = "demo",
                       held_days_ago: int | None = None) -> DemoRatingsSummary:
    """Rate, integrate and draft the reports of every participant of the event (see module doc)."""
    rng = random.Random(seed * 7919 + event_id)
    event = session.get(Event, event_id)
    assert event is not None
    if held_days_ago is not None:
        move_event_into_past(session, event, held_days_ago)
    members = list(session.scalars(
        select(EventParticipant).where(EventParticipant.event_id == event_id).order_by(EventParticipant.number)
    ))
    assessors = [a.id for a in ratings.team_assessors(session, event_id)]
    if not members or not assessors:
        return DemoRatingsSummary(0, 0, 0, 0)
    units = {m.id: m.unit for m in session.scalars(select(TeamMember).where(TeamMember.id.in_(assessors)))}
    for i, ep in enumerate(members):
        if ep.lead_assessor_id is None:
            ep.lead_assessor_id = _first_free(assessors, i // 3, units, ep.participant.unit)
        if not ep.performance_category:
            ep.performance_category = rng.choice(PERFORMANCE)
        if ep.attendance == Attendance.BELUM:
            ep.attendance = Attendance.HADIR
        if ep.invitation_status != InvitationStatus.DITERIMA:
            ep.invitation_status = InvitationStatus.DITERIMA
            ep.invited_at = ep.invited_at or datetime.combine(event.request_letter_date or date.today(), time(9),
                                                              tzinfo=UTC)
    session.flush()
    _make_groups(session, event, members)
    has_schedule = session.scalar(
        select(func.count()).select_from(ScheduleSession).where(ScheduleSession.event_id == event_id)
    )
    created = 0 if has_schedule else _solve_schedule(session, event_id)

    assignments = ratings.event_assignments(session, event_id)
    cells = ratings.matrix(session, event_id)
    standards = ratings.standard_competencies(session, [ep.id for ep in members])
    std_level = {
        (pos, comp): Decimal(level)
        for pos, comp, level in session.execute(
            select(PositionStandard.position_id, PositionStandard.competency_id, PositionStandard.level)
        )
    }
    position_of = {ep.id: ep.target_position_id for ep in members}
    ability = {ep.id: rng.gauss(-0.25, 0.6) for ep in members}
    talent: dict[tuple[int, int], float] = {}
    now = datetime.now(UTC)
    count = 0
    # The solver may give a participant other assessors on another run: every draw below is keyed by the
    # participant, competency, exercise and the rater's place among that exercise's raters, so the same seed
    # gives the same levels whoever rates.
    place: dict[tuple[int, int, int], int] = {}
    for a in sorted(assignments, key=lambda x: (x.event_participant_id, x.exercise_id, x.assessor_id)):
        order = place.setdefault((a.event_participant_id, a.exercise_id, a.assessor_id),
                                 sum(1 for k in place if k[:2] == (a.event_participant_id, a.exercise_id)))
        for comp in ratings.form_competencies(cells, standards, a.event_participant_id, a.exercise_id):
            key = (a.event_participant_id, comp)
            if key not in talent:
                talent[key] = random.Random(f"{seed}:{key}").gauss(0, 0.5)
            draw = random.Random(f"{seed}:{key}:{a.exercise_id}:{order}")
            position = position_of[a.event_participant_id]
            standard = std_level.get((position, comp), Decimal(3)) if position is not None else Decimal(3)
            no_evidence = draw.random() < 0.02
            level = None if no_evidence else Decimal(_clamp(
                float(standard) + ability[a.event_participant_id] + talent[key] + draw.choice((-0.3, 0.0, 0.0, 0.3))
                + draw.gauss(0, 0.35)
            ))
            session.add(Rating(
                event_participant_id=a.event_participant_id, competency_id=comp, exercise_id=a.exercise_id,
                assessor_id=a.assessor_id, level=level, no_evidence=no_evidence,
                evidence="" if no_evidence else draw.choice(EVIDENCE), submitted_at=now,
            ))
            count += 1
    for ep in members:
        base = 3.2 + ability[ep.id]
        for aspect in potential.ASPECTS:
            value = Decimal(_clamp(base + rng.gauss(0, 0.6)))
            session.add(PotentialScore(event_participant_id=ep.id, aspect_code=aspect.code, score=value))
    session.flush()

    integrated = reports = 0
    for n, ep in enumerate(members):
        try:
            sheet = integration.integration_sheet(session, ep.id)
        except integration.IntegrationError:
            continue
        finals = {}
        for row in sheet.rows:
            suggested = row.summary.suggested_level or Decimal(_clamp(float(row.standard)))
            reason = "" if row.summary.suggested_level is not None else "Ditetapkan dari bukti wawancara."
            if n % 7 == 3 and row is sheet.rows[0] and suggested < 5:
                suggested += 1
                reason = "Bukti wawancara dan role play menunjukkan perilaku level ini secara konsisten."
            finals[row.competency_id] = (suggested, reason)
        integration.save_integration(session, ep.id, finals, actor=actor)
        integrated += 1
        report = start_report(session, ep.id, actor=actor)
        if held_days_ago is not None and event.end_date is not None:  # drafted since the last assessment day
            report.status_since = datetime.combine(event.end_date, time(17), tzinfo=UTC)
        reports += 1
    if event.status in (EventStatus.USULAN, EventStatus.VERIFIKASI, EventStatus.TERJADWAL, EventStatus.PERSIAPAN,
                        EventStatus.PELAKSANAAN):
        event.status = EventStatus.PENULISAN_LAPORAN
    session.flush()
    return DemoRatingsSummary(count, integrated, reports, created)

