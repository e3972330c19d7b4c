"""The printed documents of an event, built from the database as documents/ dataclasses.

Nothing here writes: numbers come from the caller (services/document_printing.py issues them). Wording is
the user's edited template (settings) or the shipped default. Figures of the laporan penyelenggaraan:
invited = the event's participants; confirmed = invitation received (InvitationStatus.DITERIMA) or
attendance marked present; present = Attendance.HADIR.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ukom_desktop.db.models import (
    AgendaItem,
    Attendance,
    Event,
    EventExercise,
    EventParticipant,
    EventTeamMember,
    Exercise,
    InvitationStatus,
    Participant,
    Room,
    ScheduleSession,
    SessionParticipant,
    TeamRole,
    Wave,
)
from ukom_desktop.documents.model import (
    AttendanceSheetData,
    EventInfo,
    EventReportData,
    Letterhead,
    MinutesParty,
    PaperSize,
    Person,
    RundownDay,
    RundownItem,
    Signatory,
    SpeechOutlineData,
    TeamMember,
    UnitFigures,
)
from ukom_desktop.domain.labels import TEAM_ROLE, label
from ukom_desktop.domain.terbilang import number_with_words, terbilang
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import institution
from ukom_desktop.services.document_templates import template_text
from ukom_desktop.services.rundown_frame import framed_day

DEFAULT_TIME = "08.00 WIB s.d. selesai"
SUBJECTS = {"undangan": "Undangan Penilaian Kompetensi", "pemanggilan": "Pemanggilan Peserta Penilaian Kompetensi"}
_ROLE_ORDER = {TeamRole.ASESOR: 0, TeamRole.PENILAI_TEKNIS: 1, TeamRole.ADMIN: 2, TeamRole.TESTER: 3,
               TeamRole.PENDUKUNG: 4}


@dataclass(frozen=True)
class PrintOptions:
    """What the user chose in the print dialog (or on the command line); empty means the default."""

    letter_date: date | None = None
    sifat: str = "Biasa"
    paper: str = ""
    contact: str = ""
    copies: tuple[str, ...] = ()
    subject: str = ""
    time: str = ""
    agenda: str = ""
    collective: bool = False
    per_participant: bool = False
    wave: int | None = None
    participant_ids: tuple[int, ...] = ()  # only these event participants (EventParticipant ids)
    renumber: bool = False
    by_session: bool | None = None  # daftar hadir: None = per session when the event has a schedule
    with_letterhead: bool = False  # daftar hadir and susunan acara with the kop surat


@dataclass
class EventBasics:
    """What every document of one event shares."""

    event: Event
    letterhead: Letterhead
    paper: PaperSize
    city: str
    waves: dict[int, Wave] = field(default_factory=dict)


def load_event(session: Session, event_id: int, options: PrintOptions) -> EventBasics:
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan; mungkin sudah dihapus oleh pengguna lain.")
    if event.start_date is None:
        raise UserFacingError(f"Tanggal pelaksanaan kegiatan {event.code} belum diisi; isi dulu di tab Kegiatan.")
    head = institution.letterhead(session)
    paper = options.paper or institution.paper_size(session)
    if paper not in institution.PAPER_SIZES:
        raise UserFacingError("Ukuran kertas harus A4 atau F4.")
    waves = {w.number: w for w in session.scalars(select(Wave).where(Wave.event_id == event_id))}
    if options.wave is not None and options.wave not in waves:
        raise UserFacingError(f"Kegiatan {event.code} tidak memiliki gelombang {options.wave}.")
    return EventBasics(event, head, paper, head.city, waves)  # type: ignore[arg-type]


def event_info(basics: EventBasics, options: PrintOptions, wave: Wave | None = None) -> EventInfo:
    """The schedule block: a wave's own dates when the letter is for one wave."""
    event = basics.event
    start, end = event.start_date, event.end_date
    if wave is not None:  # a wave without dates of its own: its share of the event's days
        from ukom_desktop.domain.wave_days import wave_span

        start, end = wave_span(wave.start_date, wave.end_date, start, end, wave.number, len(basics.waves))
        start, end = start or event.start_date, end or event.end_date
    agenda = options.agenda or (f"Penilaian kompetensi dengan metode {event.method}" if event.method
                                else "Penilaian kompetensi")
    return EventInfo(event.name, start, end if end and end != start else None,  # type: ignore[arg-type]
                     options.time or DEFAULT_TIME, event.venue, agenda)


def person_of(participant: Participant) -> Person:
    return Person(participant.name, participant.nip, participant.golongan, participant.jabatan, participant.unit)


def event_participants(
    session: Session, event_id: int, wave: Wave | None = None, only: Sequence[int] = (),
) -> list[EventParticipant]:
    """The participants of the event (or of one wave, or only the given ones), by number then name."""
    query = (
        select(EventParticipant).join(Participant)
        .options(joinedload(EventParticipant.participant), joinedload(EventParticipant.wave))
        .where(EventParticipant.event_id == event_id, Participant.archived.is_(False))
    )
    if wave is not None:
        query = query.where(EventParticipant.wave_id == wave.id)
    if only:
        query = query.where(EventParticipant.id.in_(list(only)))
    rows = list(session.scalars(query))
    rows.sort(key=lambda ep: (ep.number is None, ep.number or 0, ep.participant.name.lower()))
    return rows


def require_participants(rows: Sequence[EventParticipant], basics: EventBasics, wave: Wave | None) -> None:
    if not rows:
        where = f" gelombang {wave.number}" if wave else ""
        raise UserFacingError(f"Kegiatan {basics.event.code}{where} belum memiliki peserta.")


# -- surat tugas ----------------------------------------------------------------------------------------


def team_members(session: Session, event_id: int) -> list[TeamMember]:
    """The event team for the surat tugas: the leader first, then by role and name."""
    rows = list(session.scalars(
        select(EventTeamMember).options(joinedload(EventTeamMember.member)).where(EventTeamMember.event_id == event_id)
    ))
    rows.sort(key=lambda r: (not r.is_leader, _ROLE_ORDER.get(r.role, 9), r.member.name.lower()))
    team = []
    for row in rows:
        m = row.member
        role = label(TEAM_ROLE, row.role)
        if row.is_leader:
            role = "Ketua Tim" if row.role != TeamRole.ASESOR else "Ketua Tim Asesor"
        team.append(TeamMember(Person(m.name, m.nip, m.golongan, m.jabatan, m.unit), role))
    return team


def team_leader(session: Session, event_id: int) -> Signatory | None:
    row = session.scalar(
        select(EventTeamMember).options(joinedload(EventTeamMember.member))
        .where(EventTeamMember.event_id == event_id, EventTeamMember.is_leader.is_(True)).limit(1)
    )
    if row is None:
        return None
    m = row.member
    return Signatory(m.name, m.jabatan or "Ketua Tim", m.nip, m.golongan)


# -- daftar hadir ---------------------------------------------------------------------------------------


def _days(start: date | None, end: date | None) -> list[date]:
    if start is None:
        return []
    last = end or start
    return [start + timedelta(days=i) for i in range((last - start).days + 1)]


def _hhmm(value: datetime | time | None) -> str:
    return f"{value.hour:02d}.{value.minute:02d}" if value is not None else ""


def _session_rows(session: Session, event_id: int, wave: Wave | None) -> list[tuple[ScheduleSession, str, str]]:
    query = (
        select(ScheduleSession, Exercise.name, Room.name)
        .join(Exercise, ScheduleSession.exercise_id == Exercise.id)
        .outerjoin(Room, ScheduleSession.room_id == Room.id)
        .where(ScheduleSession.event_id == event_id)
    )
    if wave is not None:
        query = query.where(ScheduleSession.wave_id == wave.id)
    return [(s, ex, room or "") for s, ex, room in session.execute(query.order_by(ScheduleSession.starts_at))]


def attendance_sheets(
    session: Session, basics: EventBasics, options: PrintOptions, signatory: Signatory | None,
) -> list[AttendanceSheetData]:
    """One sheet per scheduled session (same wave, day and exercise together), or per wave and day
    when the event has no schedule yet (or the user asked for it)."""
    wave = basics.waves.get(options.wave) if options.wave is not None else None
    people = {ep.id: ep for ep in event_participants(session, basics.event.id, wave)}
    require_participants(list(people.values()), basics, wave)
    sessions = _session_rows(session, basics.event.id, wave)
    by_session = options.by_session if options.by_session is not None else bool(sessions)
    common = {"signatory": signatory, "place": basics.city, "paper": basics.paper,
              "letterhead": basics.letterhead if options.with_letterhead else None}
    if by_session and sessions:
        return _sheets_per_session(session, basics, sessions, people, common)
    return _sheets_per_wave_day(basics, wave, people, common)


def _wave_name(wave_number: int | None) -> str:
    return f"Gelombang {wave_number}" if wave_number is not None else "Tanpa gelombang"


def _sheets_per_session(
    session: Session, basics: EventBasics, sessions: list[tuple[ScheduleSession, str, str]],
    people: dict[int, EventParticipant], common: dict,
) -> list[AttendanceSheetData]:
    ids = [s.id for s, _, _ in sessions]
    members: dict[int, list[int]] = defaultdict(list)
    for sid, epid in session.execute(
        select(SessionParticipant.session_id, SessionParticipant.event_participant_id)
        .where(SessionParticipant.session_id.in_(ids))
    ):
        members[sid].append(epid)
    wave_numbers = {w.id: n for n, w in basics.waves.items()}
    groups: dict[tuple, dict] = {}
    for s, exercise, room in sessions:
        key = (wave_numbers.get(s.wave_id or -1), s.starts_at.date(), s.exercise_id)
        group = groups.setdefault(key, {"exercise": exercise, "start": s.starts_at, "end": s.ends_at,
                                        "rooms": [], "people": set()})
        group["start"] = min(group["start"], s.starts_at)
        group["end"] = max(group["end"], s.ends_at)
        if room and room not in group["rooms"]:
            group["rooms"].append(room)
        group["people"].update(epid for epid in members[s.id] if epid in people)
    sheets = []
    for (wave_number, day, _exercise), g in sorted(groups.items(), key=lambda kv: (kv[1]["start"], kv[0][2])):
        chosen = [people[epid] for epid in people if epid in g["people"]]
        if not chosen:
            continue
        venue = g["rooms"][0] if len(g["rooms"]) == 1 else (basics.event.venue or ", ".join(g["rooms"]))
        label_text = f"{_wave_name(wave_number)}, {g['exercise']} ({_hhmm(g['start'])} - {_hhmm(g['end'])})"
        sheets.append(AttendanceSheetData(basics.event.name, day, venue, label_text,
                                          tuple(person_of(ep.participant) for ep in chosen), **common))
    if not sheets:
        raise UserFacingError("Jadwal kegiatan ini belum menempatkan peserta pada sesi mana pun.")
    return sheets


def _sheets_per_wave_day(
    basics: EventBasics, wave: Wave | None, people: dict[int, EventParticipant], common: dict,
) -> list[AttendanceSheetData]:
    by_wave: dict[int | None, list[EventParticipant]] = defaultdict(list)
    for ep in people.values():
        by_wave[ep.wave.number if ep.wave else None].append(ep)
    sheets = []
    for number in sorted(by_wave, key=lambda n: (n is None, n or 0)):
        w = basics.waves.get(number) if number is not None else None
        start = (w.start_date if w else None) or basics.event.start_date
        end = (w.end_date if w and w.start_date else None) or (basics.event.end_date if not w else start)
        days = _days(start, end)
        for index, day in enumerate(days, start=1):
            part = f", hari ke-{index}" if len(days) > 1 else ""
            sheets.append(AttendanceSheetData(
                basics.event.name, day, basics.event.venue, f"{_wave_name(number)}{part}",
                tuple(person_of(ep.participant) for ep in by_wave[number]), **common,
            ))
    return sheets


# -- susunan acara --------------------------------------------------------------------------------------


def rundown_days(session: Session, basics: EventBasics, options: PrintOptions) -> tuple[RundownDay, ...]:
    """From the event's agenda (AgendaItem); without one, from its schedule grouped by day and exercise."""
    query = select(AgendaItem).where(AgendaItem.event_id == basics.event.id)
    wave = basics.waves.get(options.wave) if options.wave is not None else None
    if wave is not None:
        query = query.where((AgendaItem.wave_id == wave.id) | AgendaItem.wave_id.is_(None))
    items = list(session.scalars(query))
    start = basics.event.start_date
    days: dict[date, list[tuple]] = defaultdict(list)
    for item in items:
        when = _time_range(item.start_time, item.end_time)
        days[item.day or start].append(  # type: ignore[index]
            ((item.start_time or time(0), item.sort_order),
             RundownItem(when, item.title, item.person_in_charge, item.location)))
    if not days:
        for s, exercise, room in _session_rows(session, basics.event.id, wave):
            days[s.starts_at.date()].append(((s.starts_at.time(), 0), (s.starts_at, s.ends_at, exercise, room)))
        if not days:
            raise UserFacingError(
                f"Susunan acara kegiatan {basics.event.code} belum diisi dan jadwalnya belum disusun."
            )
        ordered = sorted(days.items())
        lunch = _lunch(session, basics.event)
        return tuple(
            RundownDay(day, framed_day(_merge_sessions(entries), first=index == 0, last=index == len(ordered) - 1,
                                       venue=basics.event.venue or "", lunch=lunch))
            for index, (day, entries) in enumerate(ordered)
        )
    return tuple(
        RundownDay(day, tuple(entry for _key, entry in sorted(entries, key=lambda e: e[0])))
        for day, entries in sorted(days.items())
    )


def _time_range(start: time | None, end: time | None) -> str:
    if start and end:
        return f"{_hhmm(start)} - {_hhmm(end)}"
    return _hhmm(start) or "-"


def _lunch(session: Session, event: Event) -> tuple[time, time] | None:
    from ukom_desktop.services.schedule_problem import scheduling_settings

    settings = scheduling_settings(session, event)
    if settings.lunch_start is None or settings.lunch_end is None:
        return None
    return settings.lunch_start, settings.lunch_end


def _merge_sessions(entries: list[tuple]) -> list[tuple[time, time, RundownItem]]:
    """Sessions of one exercise on one day become one line: earliest start to latest end, their rooms."""
    merged: dict[str, list] = {}
    for _key, (start, end, exercise, room) in sorted(entries, key=lambda e: e[1][0]):
        slot = merged.setdefault(exercise, [start, end, []])
        slot[0], slot[1] = min(slot[0], start), max(slot[1], end)
        if room and room not in slot[2]:
            slot[2].append(room)
    lines = sorted(merged.items(), key=lambda kv: kv[1][0])
    return [
        (s.time(), e.time(), RundownItem(f"{_hhmm(s)} - {_hhmm(e)}", exercise, "Tim Asesor",
                                         rooms[0] if len(rooms) == 1 else (f"{len(rooms)} ruang" if rooms else "")))
        for exercise, (s, e, rooms) in lines
    ]


# -- laporan, sambutan, berita acara --------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    invited: int
    confirmed: int
    present: int
    by_unit: tuple[UnitFigures, ...]


def event_figures(session: Session, event_id: int, wave: Wave | None = None) -> Figures:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for ep in event_participants(session, event_id, wave):
        unit = ep.participant.unit.strip() or "(unit kerja belum diisi)"
        present = ep.attendance == Attendance.HADIR
        confirmed = present or ep.invitation_status == InvitationStatus.DITERIMA
        c = counts[unit]
        c[0] += 1
        c[1] += int(confirmed)
        c[2] += int(present)
    by_unit = tuple(UnitFigures(u, *c) for u, c in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])))
    return Figures(sum(u.invited for u in by_unit), sum(u.confirmed for u in by_unit),
                   sum(u.present for u in by_unit), by_unit)


def event_report(session: Session, basics: EventBasics, options: PrintOptions, when: date) -> EventReportData:
    wave = basics.waves.get(options.wave) if options.wave is not None else None
    figures = event_figures(session, basics.event.id, wave)
    return EventReportData(
        event_info(basics, options, wave), figures.invited, figures.confirmed, figures.present, figures.by_unit,
        letterhead=basics.letterhead, signatory=institution.signer_for(session, "laporan"), date=when,
        place=basics.city, template=template_text(session, "laporan"), paper=basics.paper,
    )


def speech_outline(session: Session, basics: EventBasics, options: PrintOptions) -> SpeechOutlineData:
    figures = event_figures(session, basics.event.id)
    speaker = institution.signer_for(session, "sambutan").jabatan
    return SpeechOutlineData(event_info(basics, options), speaker, figures.invited, figures.present,
                             template=template_text(session, "sambutan"), paper=basics.paper)


def exercise_names(session: Session, event_id: int) -> list[str]:
    return list(session.scalars(
        select(Exercise.name).join(EventExercise, EventExercise.exercise_id == Exercise.id)
        .where(EventExercise.event_id == event_id).order_by(EventExercise.sort_order)
    ))


def minutes_facts(session: Session, basics: EventBasics) -> tuple[tuple[str, str], ...]:
    event = basics.event
    figures = event_figures(session, event.id)
    team = team_members(session, event.id)
    assessors = sum(1 for m in team if m.role.startswith(("Asesor", "Ketua Tim Asesor")))
    facts = [("Nama kegiatan", event.name)]
    if event.requesting_agency:
        facts.append(("Instansi pengusul", event.requesting_agency))
    if event.method:
        facts.append(("Metode penilaian", event.method))
    exercises = exercise_names(session, event.id)
    if exercises:
        facts.append(("Alat ukur yang digunakan", ", ".join(exercises)))
    facts += [
        ("Peserta yang diundang", f"{number_with_words(figures.invited)} orang"),
        ("Peserta yang hadir", f"{number_with_words(figures.present)} orang"),
        ("Peserta yang tidak hadir", f"{number_with_words(figures.invited - figures.present)} orang"),
    ]
    if assessors:
        facts.append(("Asesor yang bertugas", f"{assessors} ({terbilang(assessors)}) orang"))
    return tuple(facts)


def minutes_parties(session: Session, event_id: int) -> tuple[MinutesParty, ...]:
    parties = []
    leader = team_leader(session, event_id)
    if leader is not None:  # signs in the role of this event, not under a second (stacked) title
        parties.append(MinutesParty("", replace(leader, jabatan="Ketua Tim Asesor")))
    parties.append(MinutesParty("Mengetahui,", institution.signer_for(session, "berita_acara")))
    return tuple(parties)
