"""The event's budget (RAB) from its team, schedule and attendance, and the rate table setting.

Settings (global, an event may override): "anggaran.tarif.<year>" the rate table of a budget year
(standar biaya masukan, list of dicts, see domain/budget.rates_to_setting), "anggaran.tarif" the table
used for a year without its own, "anggaran.pph_non_pns" the PPh percent for
recipients without a golongan, "anggaran.mak" the MAK prefix (program.kegiatan.output.komponen).

Counting: a member who assesses works on the distinct days of their sessions and is paid per
distinct participant of those sessions (realisation: only participants marked present); a member
without sessions works every day of the event. Consumption is per person per day for the
participants (plan: all; realisation: present) and the team.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ukom_desktop.db.models import (
    Attendance,
    Event,
    EventParticipant,
    EventTeamMember,
    ScheduleSession,
    SessionAssessor,
    SessionParticipant,
)
from ukom_desktop.domain.budget import (
    DEFAULT_NON_PNS_PERCENT,
    Budget,
    Rate,
    TeamWork,
    build_budget,
    rates_from_setting,
    rates_to_setting,
)
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.settings import event_setting, get_setting, set_setting

RATES_KEY = "anggaran.tarif"
NON_PNS_KEY = "anggaran.pph_non_pns"
MAK_KEY = "anggaran.mak"
DEFAULT_MAK = "xxxx.xxx.xxx.xxx"  # EXAMPLE placeholder until the user enters the DIPA's code


def _year_key(year: int | None) -> str:
    return f"{RATES_KEY}.{year}" if year else RATES_KEY


def rate_table(session: Session, event_id: int | None = None, year: int | None = None) -> tuple[Rate, ...]:
    """The rates of the budget year (the event's own, then the year's table, then the general one)."""
    event = session.get(Event, event_id) if event_id else None
    if event is not None and year is None and event.start_date is not None:
        year = event.start_date.year
    value = event_setting(session, event, RATES_KEY) if event is not None and RATES_KEY in (event.settings or {}) \
        else None
    if value is None and year:
        value = get_setting(session, _year_key(year))
    if value is None:
        value = get_setting(session, RATES_KEY)
    return rates_from_setting(value)


def save_rate_table(session: Session, rates: list[Rate], year: int | None = None) -> None:
    """Store the rate table (of one budget year, or the general one) as given; the caller clears
    `example` on the rates the user entered."""
    for rate in rates:
        if rate.amount < 0:
            raise UserFacingError(f"Tarif '{rate.description}' tidak boleh negatif.")
    set_setting(session, _year_key(year), rates_to_setting(rates))


def non_pns_percent(session: Session, event_id: int) -> Decimal:
    value = event_setting(session, event_id, NON_PNS_KEY, None)
    try:
        return Decimal(str(value)) if value is not None else DEFAULT_NON_PNS_PERCENT
    except InvalidOperation:
        return DEFAULT_NON_PNS_PERCENT


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    return event


def event_days(session: Session, event: Event) -> list[date]:
    """Days with sessions; without a schedule, the event's dates."""
    days = sorted({s.starts_at.date() for s in session.scalars(
        select(ScheduleSession).where(ScheduleSession.event_id == event.id))})
    if days:
        return days
    if event.start_date is None:
        return []
    end = event.end_date or event.start_date
    return [event.start_date + timedelta(days=i) for i in range((end - event.start_date).days + 1)]


def team_work(session: Session, event: Event) -> list[TeamWork]:
    days = event_days(session, event)
    sessions = {s.id: s for s in session.scalars(select(ScheduleSession).where(ScheduleSession.event_id == event.id))}
    present = {ep.id for ep in session.scalars(select(EventParticipant).where(
        EventParticipant.event_id == event.id, EventParticipant.attendance == Attendance.HADIR))}
    members_of: dict[int, set[int]] = defaultdict(set)
    for link in session.scalars(select(SessionAssessor).where(SessionAssessor.session_id.in_(list(sessions) or [0]))):
        members_of[link.member_id].add(link.session_id)
    people_of: dict[int, set[int]] = defaultdict(set)
    for seat in session.scalars(select(SessionParticipant).where(
            SessionParticipant.session_id.in_(list(sessions) or [0]))):
        people_of[seat.session_id].add(seat.event_participant_id)
    rows = list(session.scalars(select(EventTeamMember).options(joinedload(EventTeamMember.member))
                                .where(EventTeamMember.event_id == event.id)))
    rows.sort(key=lambda r: (not r.is_leader, str(r.role), r.member.name.lower()))
    team = []
    for row in rows:
        own = members_of.get(row.member_id, set())
        assessed = set().union(*(people_of[s] for s in own)) if own else set()
        worked = len({sessions[s].starts_at.date() for s in own}) if own else len(days)
        team.append(TeamWork(row.member.name, row.member.nip, row.member.golongan, str(row.role), row.is_leader,
                             worked, len(assessed), len(assessed & present)))
    return team


def event_budget(session: Session, event_id: int) -> Budget:
    event = _event(session, event_id)
    participants = list(session.scalars(select(EventParticipant).where(EventParticipant.event_id == event_id)))
    present = sum(1 for p in participants if p.attendance == Attendance.HADIR)
    rates = rate_table(session, event_id)
    return build_budget(
        team_work(session, event), rates, days=len(event_days(session, event)), participants=len(participants),
        participants_present=present, mak=str(event_setting(session, event, MAK_KEY, DEFAULT_MAK)),
        non_pns_percent=non_pns_percent(session, event_id),
    )


def budget_as_json(budget: Budget) -> dict[str, object]:
    def person(h: object) -> dict[str, object]:
        return {"nama": h.name, "nip": h.nip, "golongan": h.golongan, "peran": h.role,  # type: ignore[attr-defined]
                "uraian": h.description, "volume": h.volume, "satuan": h.unit, "tarif": h.rate,  # type: ignore[attr-defined]
                "bruto": h.gross, "pph_persen": str(h.tax_percent), "pph": h.tax, "neto": h.net}  # type: ignore[attr-defined]

    return {
        "mak": budget.mak, "jumlah": budget.amount, "realisasi": budget.realised, "tarif_contoh": budget.examples,
        "akun": [{"akun": g.account, "nama": g.name, "jumlah": g.amount, "realisasi": g.realised,
                  "rincian": [{"kode": line.code, "uraian": line.description, "volume": line.volume,
                               "satuan": line.unit, "tarif": line.rate, "jumlah": line.amount,
                               "volume_realisasi": line.realised_volume, "realisasi": line.realised}
                              for line in g.lines]} for g in budget.groups],
        "honorarium": [person(h) for h in budget.honoraria],
    }
