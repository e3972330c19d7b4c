"""A realistic demo database: reference data, positions, one event with participants, team and rooms."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Event,
    EventExercise,
    EventMatrixCell,
    EventParticipant,
    EventPosition,
    EventPurpose,
    EventStatus,
    EventTeamMember,
    Exercise,
    ExerciseCompetency,
    InstitutionProfile,
    Participant,
    Room,
    RoomKind,
    Sex,
    Signatory,
    TeamMember,
    TeamRole,
    Wave,
)
from ukom_desktop.domain import team_rules
from ukom_desktop.domain.wave_days import DAYS_PER_WAVE, workday_span

from . import demo_names as N
from .reference_data import create_position, ensure_reference_data


@dataclass(frozen=True)
class DemoSummary:
    event_code: str
    event_id: int
    participants: int
    assessors: int
    rooms: int
    waves: int


NipDraws = tuple[int, int, int, int]


def nip_draws(rng: random.Random) -> NipDraws:
    """The random numbers an NIP is made of (always four draws, so the demo's random stream is stable)."""
    return rng.randrange(0, 365 * 33), rng.randint(22, 30), rng.randint(1, 12), rng.randint(1, 12)


def nip_from(draws: NipDraws, sex: str, used: set[str], golongan: str | None = None, today: date | None = None,
             max_age: int = team_rules.DEFAULT_RETIREMENT_AGE) -> str:
    """A structurally valid NIP: birth date, TMT at 22-30 years of age, gender digit, sequence.

    With ``golongan`` the career is plausible: the TMT CPNS lies the years a golongan takes before
    ``today`` (about four per step from III/a) and the person is younger than ``max_age`` (retirement).
    """
    days, age_at_tmt, tmt_month, seq = draws
    if golongan is None:
        birth = date(1965, 1, 1) + timedelta(days=days)
        tmt_year = min(birth.year + age_at_tmt, 2024)
    else:
        today = today or date.today()
        tmt_year = today.year - team_rules.service_years(golongan) - 1 - (days // 365) % 4
        oldest = today.year - max_age + 2  # born after this year: under the retirement age today
        birth_year = min(max(tmt_year - age_at_tmt, oldest), tmt_year - 19)  # at least 18 at TMT
        birth = date(birth_year, 1, 1) + timedelta(days=days % 365)
    while True:
        nip = f"{birth:%Y%m%d}{tmt_year:04d}{tmt_month:02d}{1 if sex == 'L' else 2}{seq:03d}"
        if nip not in used:
            used.add(nip)
            return nip
        seq += 1


def make_nip(rng: random.Random, sex: str, used: set[str], golongan: str | None = None,
             today: date | None = None, max_age: int = team_rules.DEFAULT_RETIREMENT_AGE) -> str:
    return nip_from(nip_draws(rng), sex, used, golongan, today, max_age)


def make_name(rng: random.Random, sex: str) -> str:
    first = rng.choice(N.MALE_FIRST if sex == "L" else N.FEMALE_FIRST)
    name = f"{first} {rng.choice(N.LAST)}"
    degree = rng.choice(N.DEGREES)
    return f"{name}, {degree}" if degree else name


def _next_event_code(session: Session, year: int) -> str:
    count = session.scalar(select(func.count()).select_from(Event)) or 0
    return f"UKOM-{year}-{count + 1:03d}"


def build_demo(session: Session, participants: int = 30, seed: int = 1) -> DemoSummary:
    rng = random.Random(seed)
    ensure_reference_data(session)

    if session.scalar(select(func.count()).select_from(InstitutionProfile)) == 0:
        head = Signatory(
            name="Dr. Ir. Hadi Susilo, M.T.", nip="196811151992021002", golongan="IV/c",
            jabatan="Kepala Balai Penilaian Kompetensi",
        )
        session.add(head)
        session.flush()
        session.add(
            InstitutionProfile(
                agency_name="KEMENTERIAN PEKERJAAN UMUM",
                unit_name="BADAN PENGEMBANGAN SUMBER DAYA MANUSIA",
                sub_unit_name="BALAI PENILAIAN KOMPETENSI",
                address="Jalan Sapta Taruna Raya Nomor 26, Jakarta Selatan 12310",
                phone="(021) 7392262", email="balai.penilaian@pu.go.id", website="bpsdm.pu.go.id",
                city="Jakarta", head_signatory_id=head.id,
            )
        )

    positions = [
        create_position(session, "Kepala Bagian Umum dan Kepegawaian", "ADMINISTRATOR"),
        create_position(session, "Kepala Subbagian Tata Usaha", "PENGAWAS"),
    ]
    today = date.today()
    start = today + timedelta(days=14)
    while start.weekday() >= 5:
        start += timedelta(days=1)
    wave_size = 30
    wave_count = max(1, -(-participants // wave_size))
    spans = []
    day = start
    for _ in range(wave_count):  # two consecutive working days per wave, weekends skipped
        span = workday_span(day, DAYS_PER_WAVE)
        spans.append(span)
        day = span[-1] + timedelta(days=1)
    event = Event(
        code=_next_event_code(session, start.year),
        name=f"Penilaian Kompetensi Manajerial dan Sosial Kultural Tahun {start.year}",
        requesting_agency="Sekretariat Jenderal Kementerian Pekerjaan Umum",
        request_letter_number=f"KP.05.03-Sj/{rng.randint(100, 999)}",
        request_letter_date=today - timedelta(days=20),
        purpose=EventPurpose.PEMETAAN,
        method="assessment center",
        start_date=start,
        end_date=spans[-1][-1],
        venue="Gedung Balai Penilaian Kompetensi, Jakarta",
        status=EventStatus.PERSIAPAN,
        wave_size=wave_size,
    )
    session.add(event)
    session.flush()
    for pos in positions:
        session.add(EventPosition(event_id=event.id, position_id=pos.id))
    waves = []
    for n, span in enumerate(spans, start=1):
        wave = Wave(event_id=event.id, number=n, start_date=span[0], end_date=span[-1])
        session.add(wave)
        waves.append(wave)
    session.flush()

    exercises = list(session.scalars(select(Exercise).order_by(Exercise.sort_order)))
    chosen = [e for e in exercises if e.code in ("PSI", "INB", "LGD", "RP", "WWC")]
    for order, ex in enumerate(chosen):
        session.add(EventExercise(event_id=event.id, exercise_id=ex.id, sort_order=order))
    chosen_ids = {e.id for e in chosen}
    for cell in session.scalars(select(ExerciseCompetency)):
        if cell.exercise_id in chosen_ids:
            session.add(
                EventMatrixCell(event_id=event.id, exercise_id=cell.exercise_id, competency_id=cell.competency_id)
            )

    used_nips = set(session.scalars(select(Participant.nip)))
    golongan_by_level = {"ADMINISTRATOR": ("III/d", "IV/a", "IV/b"), "PENGAWAS": ("III/b", "III/c", "III/d")}
    people = []
    for i in range(participants):
        sex = rng.choice("LP")
        level = "PENGAWAS" if i % 3 else "ADMINISTRATOR"
        draws = nip_draws(rng)  # drawn in the order the demo always drew them
        unit = rng.choice(N.UNITS)
        name = make_name(rng, sex)
        golongan = rng.choice(golongan_by_level[level])
        jabatan = rng.choice(N.JABATAN_BY_LEVEL[level])
        nip = nip_from(draws, sex, used_nips, golongan, today)
        person = Participant(
            nip=nip,
            name=name,
            sex=Sex(sex),
            birth_date=date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8])),
            golongan=golongan,
            jabatan=jabatan,
            unit=unit,
            agency="Kementerian Pekerjaan Umum",
            phone="" if rng.random() < 0.12 else f"08{rng.randint(11, 59)}{rng.randint(10000000, 99999999)}",
            email=f"peserta{i + 1:05d}@pu.go.id" if rng.random() > 0.2 else "",
        )
        people.append((person, level))
    session.add_all(p for p, _ in people)
    session.flush()
    session.add_all(
        EventParticipant(
            event_id=event.id,
            participant_id=person.id,
            number=i + 1,
            wave_id=waves[i // wave_size].id,
            target_position_id=positions[0 if level == "ADMINISTRATOR" else 1].id,
            cv_complete=rng.random() > 0.25,
            tracing_complete=rng.random() > 0.3,
        )
        for i, (person, level) in enumerate(people)
    )

    assessor_count = max(6, min(40, -(-min(participants, wave_size) // 3) + 2))
    members = []
    jenjang = ("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama")
    gol_for = {"Ahli Pertama": "III/b", "Ahli Muda": "III/d", "Ahli Madya": "IV/b", "Ahli Utama": "IV/d"}
    for i in range(assessor_count):
        sex = rng.choice("LP")
        level = jenjang[min(3, i % 4)]
        members.append(
            TeamMember(
                nip=make_nip(rng, sex, used_nips, gol_for[level], today,
                             team_rules.retirement_age(level)),
                name=make_name(rng, sex), golongan=gol_for[level],
                jabatan=f"Asesor SDM Aparatur {level}", role=TeamRole.ASESOR, jf_jenjang=level,
                unit=N.ASSESSOR_UNITS[i % len(N.ASSESSOR_UNITS)], agency="Kementerian Pekerjaan Umum",
                certification=f"SERT-AC/{2020 + i % 5}/{i + 1:03d}",
                certification_expiry=today + timedelta(days=365 * (1 + i % 3)),
                phone=f"0812{rng.randint(10000000, 99999999)}", max_participants_per_wave=3,
            )
        )
    for role, count in ((TeamRole.ADMIN, max(1, wave_count)), (TeamRole.TESTER, 1), (TeamRole.PENDUKUNG, 1)):
        for _ in range(count):
            sex = rng.choice("LP")
            members.append(
                TeamMember(
                    nip=make_nip(rng, sex, used_nips, "III/a", today), name=make_name(rng, sex), golongan="III/a",
                    jabatan="Analis Sumber Daya Manusia Aparatur", role=role,
                    unit="Balai Penilaian Kompetensi", agency="Kementerian Pekerjaan Umum",
                )
            )
    session.add_all(members)
    session.flush()
    leader = team_rules.best_ketua((n, m.jabatan) for n, m in enumerate(members))  # fits Administrator targets
    for n, member in enumerate(members):
        session.add(EventTeamMember(event_id=event.id, member_id=member.id, role=member.role, is_leader=n == leader))

    existing_rooms = {r.name for r in session.scalars(select(Room))}
    rooms = [Room(name="Aula Utama", capacity=40, kind=RoomKind.AULA, location="Lantai 1")]
    rooms += [Room(name=f"Ruang Diskusi {i}", capacity=8, kind=RoomKind.RUANG_KELOMPOK, location="Lantai 2")
              for i in range(1, 5)]
    rooms += [Room(name=f"Ruang Wawancara {i}", capacity=2, kind=RoomKind.RUANG_WAWANCARA, location="Lantai 3")
              for i in range(1, 9)]
    new_rooms = [r for r in rooms if r.name not in existing_rooms]
    session.add_all(new_rooms)
    session.flush()
    return DemoSummary(
        event_code=event.code, event_id=event.id, participants=participants,
        assessors=assessor_count, rooms=len(new_rooms), waves=wave_count,
    )


