"""Printing the administration documents of an event (issue 16): SPJ of the budget, decrees, the
cooperation agreement, the opening briefing and the delivery of results. Each print is registered in
the issued-documents register (numbered kinds take their number from it), like the other documents.

Signers of the SPJ are settings (names the user enters): "anggaran.ppk" and "anggaran.bendahara",
each {"name", "nip", "golongan"}; without them the name line is left blank to be written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Attendance, Event, EventParticipant
from ukom_desktop.documents import spj
from ukom_desktop.documents.model import Person, Signatory
from ukom_desktop.documents.output import Document, write_pdf
from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import event_documents as ed
from ukom_desktop.services import institution
from ukom_desktop.services.budget import event_budget, event_days
from ukom_desktop.services.issued_documents import issue_document
from ukom_desktop.services.settings import event_setting

PPK_KEY = "anggaran.ppk"
TREASURER_KEY = "anggaran.bendahara"

ADMIN_KINDS: dict[str, str] = {
    "honoraria": "nominatif_honor",
    "receipts": "kuitansi",
    "consumption": "daftar_hadir_konsumsi",
    "realisation": "rekap_realisasi",
}


@dataclass(frozen=True)
class AdminPrintResult:
    kind: str
    file: Path
    pages: int
    numbers: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def _signer(session: Session, event: Event, key: str, jabatan: str) -> Signatory:
    value: Any = event_setting(session, event, key, None)
    if isinstance(value, dict) and str(value.get("name", "")).strip():
        return Signatory(str(value["name"]).strip(), jabatan, str(value.get("nip", "")), str(value.get("golongan", "")))
    return Signatory(spj.BLANK_NAME, jabatan)


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan; mungkin sudah dihapus oleh pengguna lain.")
    if event.start_date is None:
        raise UserFacingError(f"Tanggal pelaksanaan kegiatan {event.code} belum diisi; isi dulu di tab Kegiatan.")
    return event


def spj_data(session: Session, event_id: int, when: date, *, realised: bool = False) -> spj.SpjData:
    event = _event(session, event_id)
    profile = institution.get_profile(session)
    head = institution.letterhead(session)
    people: list[Person] = []
    for row in ed.event_participants(session, event_id, None):
        if row.attendance != Attendance.TIDAK_HADIR:
            people.append(ed.person_of(row.participant))
    people += [member.person for member in ed.team_members(session, event_id)]
    return spj.SpjData(
        head, " ".join(profile.kop_lines[-1:]) or head.agency_lines[-1], event.name,
        format_date_range_id(event.start_date, event.end_date), event.start_date.year,  # type: ignore[union-attr]
        event_budget(session, event_id), _signer(session, event, PPK_KEY, "Pejabat Pembuat Komitmen"),
        _signer(session, event, TREASURER_KEY, "Bendahara Pengeluaran"), head.city, when,
        institution.paper_size(session),  # type: ignore[arg-type]
        realised, tuple(people), tuple(event_days(session, event)),
    )


def print_spj(session: Session, event_id: int, kind: str, out: str | Path, *, when: date | None = None,
              realised: bool = False) -> AdminPrintResult:
    """Write one SPJ document kind ("honoraria", "receipts", "consumption", "realisation") to `out`."""
    if kind not in ADMIN_KINDS:
        raise UserFacingError(f"Jenis dokumen '{kind}' tidak dikenal.")
    when = when or date.today()
    data = spj_data(session, event_id, when, realised=realised)
    docs: list[Document]
    if kind == "honoraria" or kind == "receipts":
        if not data.honoraria:
            raise UserFacingError("Belum ada honorarium yang dapat dibayarkan: isi tim kegiatan dan jadwalnya, "
                                  "dan periksa tabel tarif (standar biaya masukan).")
        docs = ([spj.build_honoraria_list(data)] if kind == "honoraria"
                else [spj.build_receipt(data, items) for items in spj.receipts_by_person(data.honoraria)])
        recipient = f"{len(data.honoraria)} penerima honorarium"
    elif kind == "consumption":
        if not data.people:
            raise UserFacingError("Kegiatan ini belum memiliki peserta atau tim untuk daftar hadir konsumsi.")
        docs, recipient = [spj.build_consumption_attendance(data)], f"{len(data.people)} orang"
    else:
        docs, recipient = [spj.build_realisation(data)], "Bendahara Pengeluaran"
    warnings = ("Sebagian tarif masih nilai contoh; isi standar biaya masukan sebelum dibayarkan.",) \
        if data.budget.examples else ()
    pages = write_pdf(docs, Path(out))
    issue_document(session, event_id=event_id, kind=ADMIN_KINDS[kind], subject_key="kegiatan", recipient=recipient,
                   issued_on=when)
    return AdminPrintResult(kind, Path(out), pages, (), warnings)


def present_count(session: Session, event_id: int) -> int:
    return len(list(session.scalars(select(EventParticipant.id).where(
        EventParticipant.event_id == event_id, EventParticipant.attendance == Attendance.HADIR))))


RULES_KEY = "paparan.tata_tertib"


def briefing_data(session: Session, event_id: int, day: date | None = None) -> Any:
    """The slides' content: the rundown, groups and rooms of `day` (default: the event's first day)."""
    from ukom_desktop.db.models import ParticipantGroup, Room, ScheduleSession
    from ukom_desktop.documents.briefing import DEFAULT_RULES, BriefingData, BriefingGroup
    from ukom_desktop.domain.dates import format_day_date_id

    basics = ed.load_event(session, event_id, ed.PrintOptions())
    event = basics.event
    try:
        days = ed.rundown_days(session, basics, ed.PrintOptions())
    except UserFacingError:
        days = ()
    day = day or (days[0].date if days else event.start_date)
    today = next((d for d in days if d.date == day), None)
    rundown = tuple((i.time, i.activity, i.venue or event.venue or "-") for i in today.items) if today else ()
    participants = ed.event_participants(session, event_id)
    groups = list(session.scalars(select(ParticipantGroup).where(ParticipantGroup.event_id == event_id)
                                  .order_by(ParticipantGroup.number)))
    rooms_of: dict[int, list[str]] = {}
    for s in session.scalars(select(ScheduleSession).where(ScheduleSession.event_id == event_id)
                             .order_by(ScheduleSession.starts_at)):
        if s.group_id is None or s.room_id is None or s.starts_at.date() != day:
            continue
        room = session.get(Room, s.room_id)
        names = rooms_of.setdefault(s.group_id, [])
        if room is not None and room.name not in names:
            names.append(room.name)
    shown = []
    for group in groups:
        members = tuple(r.participant.name for r in participants if r.group_id == group.id)
        if members:
            shown.append(BriefingGroup(group.name or f"Kelompok {group.number}", members,
                                       tuple(rooms_of.get(group.id, []))))
    rules = event_setting(session, event, RULES_KEY, None)
    rules = tuple(str(r) for r in rules if str(r).strip()) if isinstance(rules, list) and rules else DEFAULT_RULES
    return BriefingData(
        " ".join(basics.letterhead.agency_lines[-1:]), event.name,
        format_date_range_id(event.start_date, event.end_date), event.venue, format_day_date_id(day), rundown,
        tuple(ed.exercise_names(session, event_id)), tuple(shown), rules, len(participants),
    )


def print_briefing(session: Session, event_id: int, out: str | Path, *, day: date | None = None) -> AdminPrintResult:
    from ukom_desktop.documents.briefing import build_briefing

    data = briefing_data(session, event_id, day)
    pages = write_pdf([build_briefing(data)], Path(out))
    issue_document(session, event_id=event_id, kind="paparan_pembukaan", subject_key="kegiatan",
                   recipient="Peserta", issued_on=date.today())
    return AdminPrintResult("briefing", Path(out), pages)
