"""The employee directory (stands in for the e-HRM contact database of SOP 000 steps 2-3).

Import a staff export once; fill missing phone numbers and e-mails of an event's participants by NIP;
write "Daftar peserta tanpa nomor HP" for the units' personnel offices; import the list they fill in
and send back (the answers also go into the directory, so the next event finds them).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import DirectoryEntry, Event, EventParticipant, Participant
from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.participant_rows import ParticipantRecord, iter_participant_rows
from ukom_desktop.services.participant_import import Progress, _chunks, read_sheet

_FIELDS = ("name", "golongan", "jabatan", "unit", "agency", "phone", "email")
MISSING_PHONES_TITLE = "DAFTAR PESERTA TANPA NOMOR HP"


@dataclass(frozen=True)
class DirectoryImportResult:
    added: int
    updated: int
    unchanged: int
    rejected: int
    rejected_rows: tuple[tuple[int, str], ...] = ()

    def summary(self) -> str:
        return (f"{self.added} pegawai baru, {self.updated} diperbarui, {self.unchanged} tetap, "
                f"{self.rejected} baris ditolak")


@dataclass(frozen=True)
class DirectoryRow:
    id: int
    nip: str
    name: str
    golongan: str
    jabatan: str
    unit: str
    phone: str
    email: str
    source: str


@dataclass(frozen=True)
class FillResult:
    phones_filled: int
    emails_filled: int
    still_without_phone: int

    def summary(self) -> str:
        return (f"{self.phones_filled} nomor HP dan {self.emails_filled} alamat email dilengkapi dari direktori; "
                f"{self.still_without_phone} peserta masih tanpa nomor HP")


@dataclass(frozen=True)
class ContactImportResult:
    phones_updated: int
    emails_updated: int
    not_in_event: tuple[str, ...]  # NIPs in the file that are not participants of the event
    still_without_phone: int
    rejected: int

    def summary(self) -> str:
        text = (f"{self.phones_updated} nomor HP dan {self.emails_updated} alamat email diperbarui; "
                f"{self.still_without_phone} peserta masih tanpa nomor HP")
        if self.not_in_event:
            text += f"; {len(self.not_in_event)} NIP bukan peserta kegiatan ini"
        if self.rejected:
            text += f"; {self.rejected} baris ditolak"
        return text


def _record_values(record: ParticipantRecord) -> dict[str, str]:
    return {
        "name": record.name, "golongan": record.golongan or "", "jabatan": record.jabatan, "unit": record.unit,
        "agency": record.agency, "phone": record.phone, "email": record.email,
    }


def import_directory(session: Session, path: str | Path) -> Generator[Progress, None, DirectoryImportResult]:
    """Add or update directory entries from a staff export (by NIP; empty cells never erase a value)."""
    source = Path(path).name
    yield 0, 0, f"Membaca {source}..."
    preview = yield from iter_participant_rows(read_sheet(path), ())
    if preview.problems:
        raise UserFacingError("Berkas tidak dapat diimpor: " + " ".join(preview.problems))
    records = preview.valid_records()
    added = updated = unchanged = 0
    for done, chunk in enumerate(_chunks(records, 900), start=1):
        entries = {e.nip: e for e in session.scalars(
            select(DirectoryEntry).where(DirectoryEntry.nip.in_([r.nip for r in chunk]))
        )}
        for record in chunk:
            values = _record_values(record)
            entry = entries.get(record.nip)
            if entry is None:
                session.add(DirectoryEntry(nip=record.nip, source=source, **values))
                added += 1
                continue
            changes = {k: v for k, v in values.items() if v and getattr(entry, k) != v}
            for key, value in changes.items():
                setattr(entry, key, value)
            if changes:
                entry.source = source
                updated += 1
            else:
                unchanged += 1
        session.flush()
        yield min(done * 900, len(records)), len(records), "Menyimpan direktori pegawai..."
    rejected = [(row.row_number, "; ".join(row.reasons)) for row in preview.rows if not row.importable]
    return DirectoryImportResult(added, updated, unchanged, len(rejected), tuple(rejected))


def directory_size(session: Session) -> tuple[int, int]:
    """(entries, entries with a phone number)."""
    total = session.scalar(select(func.count()).select_from(DirectoryEntry)) or 0
    phones = session.scalar(select(func.count()).select_from(DirectoryEntry).where(DirectoryEntry.phone != "")) or 0
    return total, phones


def list_directory(session: Session, limit: int | None = None) -> list[DirectoryRow]:
    stmt = select(DirectoryEntry).order_by(DirectoryEntry.unit, DirectoryEntry.name)
    if limit:
        stmt = stmt.limit(limit)
    return [
        DirectoryRow(e.id, e.nip, e.name, e.golongan, e.jabatan, e.unit, e.phone, e.email, e.source)
        for e in session.scalars(stmt)
    ]


def _event_people(session: Session, event_id: int) -> list[Participant]:
    if session.get(Event, event_id) is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    return list(session.scalars(
        select(Participant).join(EventParticipant, EventParticipant.participant_id == Participant.id)
        .where(EventParticipant.event_id == event_id)
    ))


def fill_contacts(session: Session, event_id: int) -> FillResult:
    """Copy phone numbers and e-mails from the directory to the event's participants who lack them."""
    people = [p for p in _event_people(session, event_id) if not p.phone or not p.email]
    phones = emails = 0
    for chunk in _chunks(people, 900):
        entries = {e.nip: e for e in session.scalars(
            select(DirectoryEntry).where(DirectoryEntry.nip.in_([p.nip for p in chunk]))
        )}
        for person in chunk:
            entry = entries.get(person.nip)
            if entry is None:
                continue
            if not person.phone and entry.phone:
                person.phone = entry.phone
                phones += 1
            if not person.email and entry.email:
                person.email = entry.email
                emails += 1
    session.flush()
    return FillResult(phones, emails, _without_phone(session, event_id))


def _without_phone(session: Session, event_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(EventParticipant)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .where(EventParticipant.event_id == event_id, Participant.phone == "")
    ) or 0


def export_missing_phones(session: Session, event_id: int, path: str | Path, today: date | None = None) -> int:
    """Write "Daftar peserta tanpa nomor HP" (by unit) for the personnel offices; returns the rows written.

    The headers are the ones the import recognises, so the filled-in file can be imported back as is.
    """
    from ukom_desktop.io.xlsx_writer import TableColumn, TableSheet, write_table_workbook

    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    people = session.execute(
        select(Participant.nip, Participant.name, Participant.golongan, Participant.jabatan, Participant.unit,
               Participant.email)
        .join(EventParticipant, EventParticipant.participant_id == Participant.id)
        .where(EventParticipant.event_id == event_id, or_(Participant.phone == ""))
        .order_by(Participant.unit, Participant.name)
    ).all()
    if not people:
        raise UserFacingError("Semua peserta kegiatan ini sudah memiliki nomor HP.")
    rows = [[n, format_nip(nip), name, gol, jab, unit, None, email or None]
            for n, (nip, name, gol, jab, unit, email) in enumerate(people, start=1)]
    sheet = TableSheet(
        title=MISSING_PHONES_TITLE,
        subtitles=(event.name, f"Mohon kolom No. HP/WA dilengkapi lalu berkas ini dikirim kembali ke penyelenggara "
                               f"({format_date_id(today or date.today())})"),
        columns=[TableColumn("No", width=5), TableColumn.text("NIP", 22), TableColumn("Nama", width=34),
                 TableColumn("Gol.", width=7), TableColumn("Jabatan", width=34), TableColumn("Unit Kerja", width=34),
                 TableColumn.text("No. HP/WA", 18), TableColumn("Email", width=28)],
        rows=rows, sheet_name="Tanpa Nomor HP",
    )
    write_table_workbook(path, [sheet])
    return len(rows)


def import_contact_list(session: Session, event_id: int, path: str | Path) -> ContactImportResult:
    """Take phone numbers and e-mails from a filled-in list (any participant list with NIP and No. HP/WA)."""
    from ukom_desktop.services.participant_import import drain

    preview = drain(iter_participant_rows(read_sheet(path), ()))
    if preview.problems:
        raise UserFacingError("Berkas tidak dapat dibaca: " + " ".join(preview.problems))
    by_nip = {p.nip: p for p in _event_people(session, event_id)}
    phones = emails = 0
    outside: list[str] = []
    learned: dict[str, ParticipantRecord] = {}
    rejected = 0
    for row in preview.rows:
        record = row.record
        if not record.nip or any(e.startswith("NIP") for e in row.errors):  # an unknown golongan does not matter
            rejected += 1
            continue
        person = by_nip.get(record.nip)
        if person is None:
            outside.append(record.nip)
            continue
        if record.phone and record.phone != person.phone:
            person.phone = record.phone
            phones += 1
        if record.email and record.email != person.email:
            person.email = record.email
            emails += 1
        if record.phone or record.email:
            learned[record.nip] = record
    _learn(session, learned, by_nip, Path(path).name)
    session.flush()
    return ContactImportResult(phones, emails, tuple(outside), _without_phone(session, event_id), rejected)


def _learn(session: Session, records: dict[str, ParticipantRecord], people: dict[str, Participant], source: str) -> None:
    """Keep what the personnel offices answered in the directory as well."""
    for chunk in _chunks(list(records), 900):
        entries = {e.nip: e for e in session.scalars(select(DirectoryEntry).where(DirectoryEntry.nip.in_(chunk)))}
        for nip in chunk:
            record, person = records[nip], people[nip]
            entry = entries.get(nip)
            if entry is None:
                entry = DirectoryEntry(nip=nip, name=person.name, golongan=person.golongan, jabatan=person.jabatan,
                                       unit=person.unit, agency=person.agency)
                session.add(entry)
            if record.phone:
                entry.phone = record.phone
            if record.email:
                entry.email = record.email
            entry.source = source
