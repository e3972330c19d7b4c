"""The formulation meeting of an event (rapat perumusan kompetensi, SOP 003) and its signed document.

The meeting's date, place, participants and the two signatories (head of the assessment unit, leader of
the requesting agency) are stored in Event.settings["formulation"]; `formulation_document` gathers them
with the target positions' standards and the exercise matrix into documents.formulation.FormulationData.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import Competency, Event, InstitutionProfile, Position
from ukom_desktop.domain.labels import COMPETENCY_GROUP, EVENT_PURPOSE, EXERCISE_KIND
from ukom_desktop.domain.nip import normalize_nip
from ukom_desktop.domain.official_titles import head_of
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.exercise_matrix import event_matrix, event_position_ids
from ukom_desktop.services.lookup import require_event as _event
from ukom_desktop.services.settings import set_event_setting

SETTINGS_KEY = "formulation"


@dataclass(frozen=True)
class PersonEntry:
    name: str = ""
    nip: str = ""
    jabatan: str = ""
    golongan: str = ""
    party: str = ""


@dataclass(frozen=True)
class Formulation:
    meeting_date: date | None = None
    place: str = ""
    number: str = ""
    notes: str = ""
    participants: tuple[PersonEntry, ...] = ()
    unit_signatory: PersonEntry = field(default_factory=PersonEntry)
    stakeholder_signatory: PersonEntry = field(default_factory=PersonEntry)


def _person(data: Any) -> PersonEntry:
    if not isinstance(data, dict):
        return PersonEntry()
    return PersonEntry(**{k: str(data.get(k) or "") for k in ("name", "nip", "jabatan", "golongan", "party")})


def event_by_code(session: Session, code: str) -> Event:
    event = session.scalars(select(Event).where(Event.code == code.strip())).first()
    if event is None:
        raise UserFacingError(f"Kegiatan dengan kode {code} tidak ditemukan.")
    return event


def get_formulation(session: Session, event_id: int) -> Formulation:
    """What was saved, with defaults filled in: the unit's head signs for the unit."""
    event = _event(session, event_id)
    raw = (event.settings or {}).get(SETTINGS_KEY) or {}
    meeting = raw.get("meeting_date")
    unit = _person(raw.get("unit_signatory"))
    if not unit.name:
        profile = session.scalars(select(InstitutionProfile)).first()
        head = profile.head_signatory if profile is not None else None
        if head is not None:
            unit = PersonEntry(head.name, head.nip, head.jabatan, head.golongan)
    stakeholder = _person(raw.get("stakeholder_signatory"))
    if not stakeholder.jabatan and event.requesting_agency:
        stakeholder = PersonEntry(stakeholder.name, stakeholder.nip, head_of(event.requesting_agency),
                                  stakeholder.golongan)
    return Formulation(
        meeting_date=date.fromisoformat(meeting) if meeting else None,
        place=str(raw.get("place") or ""),
        number=str(raw.get("number") or ""),
        notes=str(raw.get("notes") or ""),
        participants=tuple(_person(p) for p in raw.get("participants") or ()),
        unit_signatory=unit,
        stakeholder_signatory=stakeholder,
    )


def _check_person(person: PersonEntry, what: str, problems: list[str]) -> PersonEntry:
    nip = person.nip.strip()
    if nip:
        normal = normalize_nip(nip)
        if len(normal) != 18:
            problems.append(f"NIP {what} ({nip}) harus 18 angka.")
        else:
            nip = normal
    return PersonEntry(person.name.strip(), nip, person.jabatan.strip(), person.golongan.strip(), person.party.strip())


def save_formulation(session: Session, event_id: int, data: Formulation, *, actor: str = "") -> Formulation:
    event = _event(session, event_id)
    problems: list[str] = []
    unit = _check_person(data.unit_signatory, "penandatangan unit penilaian", problems)
    stakeholder = _check_person(data.stakeholder_signatory, "pimpinan instansi pengusul", problems)
    participants = []
    for number, person in enumerate(data.participants, start=1):
        if not person.name.strip():
            if person.nip.strip() or person.jabatan.strip():
                problems.append(f"Peserta rapat nomor {number} belum diberi nama.")
            continue
        participants.append(_check_person(person, f"peserta rapat {person.name.strip()}", problems))
    if problems:
        raise UserFacingError(" ".join(problems))
    stored = {
        "meeting_date": data.meeting_date.isoformat() if data.meeting_date else None,
        "place": data.place.strip(),
        "number": data.number.strip(),
        "notes": data.notes.strip(),
        "participants": [asdict(p) for p in participants],
        "unit_signatory": asdict(unit),
        "stakeholder_signatory": asdict(stakeholder),
    }
    set_event_setting(session, event, SETTINGS_KEY, stored)
    audit.record(session, action="update_formulation", entity="event", entity_id=event.id, entity_uuid=event.uuid,
                 new=stored, actor=actor)
    return get_formulation(session, event_id)


def _level_text(level: Decimal) -> str:
    text = f"{level.normalize():f}"
    return text.replace(".", ",")


def _letterhead(session: Session) -> Any:
    from ukom_desktop.documents.model import Letterhead

    profile = session.scalars(select(InstitutionProfile)).first()
    if profile is None:
        return Letterhead(agency_lines=("UNIT PENILAIAN KOMPETENSI",))
    lines = tuple(line for line in (profile.agency_name, profile.unit_name, profile.sub_unit_name) if line.strip())
    return Letterhead(
        agency_lines=lines or ("UNIT PENILAIAN KOMPETENSI",), address=profile.address, phone=profile.phone,
        email=profile.email, website=profile.website, city=profile.city, logo=profile.logo or None,
    )


def formulation_document(session: Session, event_id: int) -> Any:
    """The FormulationData of the event (documents/formulation.py), ready to render."""
    from ukom_desktop.documents import formulation as doc
    from ukom_desktop.documents.model import Signatory
    from ukom_desktop.domain.dates import format_date_range_id

    event = _event(session, event_id)
    info = get_formulation(session, event_id)
    matrix = event_matrix(session, event_id)
    comps = {c.id: c for c in session.scalars(select(Competency))}
    positions = []
    for pid in event_position_ids(session, event_id):
        position = session.get(Position, pid)
        if position is None:
            continue
        standards = sorted(
            position.standards,
            key=lambda s: ({"manajerial": 0, "sosial_kultural": 1}.get(comps[s.competency_id].group.value, 2),
                           comps[s.competency_id].sort_order, comps[s.competency_id].code),
        )
        lines = []
        for std in standards:
            comp = comps[std.competency_id]
            described = next((lv.description for lv in comp.levels if lv.level == int(std.level)), "")
            lines.append(doc.StandardLine(comp.code, comp.name, COMPETENCY_GROUP.get(comp.group.value, ""),
                                          _level_text(std.level), described))
        positions.append(doc.TargetPosition(position.name, position.job_level.name, position.unit, tuple(lines)))
    exercises = tuple(
        doc.MatrixExercise(ex.code, ex.name, EXERCISE_KIND.get(ex.kind, ex.kind), ex.duration_minutes)
        for ex in matrix.exercises
    )
    matrix_lines = tuple(
        doc.MatrixLine(c.code, c.name, tuple((ex.id, c.id) in matrix.cells for ex in matrix.exercises))
        for c in matrix.competencies
    )
    profile = session.scalars(select(InstitutionProfile)).first()
    facts = [("Tujuan penilaian", EVENT_PURPOSE.get(event.purpose.value, "")), ("Metode", event.method)]
    if event.request_letter_number:
        facts.append(("Surat permohonan", event.request_letter_number + (
            f" tanggal {_date(event.request_letter_date)}" if event.request_letter_date else "")))
    if event.start_date:
        facts.append(("Rencana pelaksanaan", format_date_range_id(event.start_date, event.end_date)))

    def signatory(person: PersonEntry, fallback: str) -> Signatory:
        return Signatory(name=person.name or "(.........................................)",
                         jabatan=person.jabatan or fallback, nip=person.nip, golongan=person.golongan)

    return doc.FormulationData(
        letterhead=_letterhead(session),
        event_name=event.name,
        requesting_agency=event.requesting_agency,
        positions=tuple(positions),
        exercises=exercises,
        matrix=matrix_lines,
        unit_signatory=signatory(info.unit_signatory, "Kepala Unit Penilaian Kompetensi"),
        stakeholder_signatory=signatory(info.stakeholder_signatory, "Pimpinan Instansi Pengusul"),
        meeting_date=info.meeting_date,
        meeting_place=info.place,
        participants=tuple(doc.MeetingParticipant(p.name, p.nip, p.jabatan, p.party) for p in info.participants),
        number=info.number,
        facts=tuple(facts),
        min_exercises=matrix.min_exercises,
        notes=tuple(line.strip() for line in info.notes.splitlines() if line.strip()),
        place=profile.city if profile is not None else "",
        signed_on=info.meeting_date,
    )


def _date(value: date) -> str:
    from ukom_desktop.domain.dates import format_date_id

    return format_date_id(value)


def render_event_formulation(session: Session, event_id: int, out: str | Path) -> int:
    """Write the event's Dokumen Rumusan Kompetensi to `out`; returns the page count."""
    from ukom_desktop.documents.formulation import render_formulation

    return render_formulation(formulation_document(session, event_id), out)
