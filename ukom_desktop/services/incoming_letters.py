"""The incoming-letter register (issue 17 item 5, SOP 001 step 1, SOP 004 steps 1-2): the request letter
that starts an event, its scan (stored in the database with SHA-256), its disposition (to whom, instruction,
date) and the event it opened; the lembar disposisi PDF."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, IncomingLetter
from ukom_desktop.documents.guide_docs import Disposition, disposition_sheet
from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.access import perm, require
from ukom_desktop.services.materials import sha256_of

SCAN_KINDS = {".pdf": b"%PDF", ".png": b"\x89PNG", ".jpg": b"\xff\xd8", ".jpeg": b"\xff\xd8"}
MAX_SCAN_BYTES = 30 * 1024 * 1024


@dataclass
class LetterData:
    number: str
    sender: str = ""
    subject: str = ""
    letter_date: date | None = None
    received_on: date | None = None
    event_id: int | None = None
    disposition_to: str = ""
    disposition_instruction: str = ""
    disposition_date: date | None = None
    notes: str = ""
    # read-only on the way out
    id: int | None = None
    version: int | None = None
    agenda: str = ""
    event_code: str = ""
    scan_filename: str = ""


def agenda_number(letter: IncomingLetter) -> str:
    year = (letter.received_on or letter.letter_date or date.today()).year
    return f"{letter.id:04d}/SM/{year}"


def _data(letter: IncomingLetter, event_code: str) -> LetterData:
    return LetterData(
        letter.number, letter.sender, letter.subject, letter.letter_date, letter.received_on, letter.event_id,
        letter.disposition_to, letter.disposition_instruction, letter.disposition_date, letter.notes, letter.id,
        letter.version, agenda_number(letter), event_code, letter.scan_filename,
    )


def list_letters(session: Session, event_id: int | None = None) -> list[LetterData]:
    require(session, perm.READ_EVENTS)
    query = (select(IncomingLetter, Event.code).outerjoin(Event, Event.id == IncomingLetter.event_id)
             .order_by(IncomingLetter.received_on.desc(), IncomingLetter.id.desc()))
    if event_id is not None:
        query = query.where(IncomingLetter.event_id == event_id)
    return [_data(letter, code or "") for letter, code in session.execute(query)]


def save_letter(session: Session, data: LetterData, letter_id: int | None = None) -> int:
    require(session, perm.MANAGE_EVENTS)
    problems = []
    if not data.number.strip():
        problems.append("Nomor surat wajib diisi.")
    if not data.sender.strip():
        problems.append("Asal surat wajib diisi.")
    if data.event_id is not None and session.get(Event, data.event_id) is None:
        problems.append("Kegiatan yang dipilih tidak ditemukan.")
    if problems:
        raise UserFacingError(" ".join(problems))
    letter: IncomingLetter | None
    if letter_id is None:
        letter = IncomingLetter(number=data.number.strip())
        session.add(letter)
    else:
        letter = session.get(IncomingLetter, letter_id)
        if letter is None:
            raise UserFacingError("Surat tidak ditemukan.")
        if data.version is not None and data.version != letter.version:
            raise UserFacingError("Surat ini baru saja diubah oleh pengguna lain. Muat ulang lalu ulangi perubahan.")
    letter.number = data.number.strip()[:120]
    letter.sender = data.sender.strip()[:250]
    letter.subject = data.subject.strip()
    letter.letter_date, letter.received_on = data.letter_date, data.received_on
    letter.event_id = data.event_id
    letter.disposition_to = data.disposition_to.strip()[:250]
    letter.disposition_instruction = data.disposition_instruction.strip()
    letter.disposition_date = data.disposition_date
    letter.notes = data.notes.strip()
    session.flush()
    return letter.id


def attach_scan(session: Session, letter_id: int, path: str | os.PathLike[str]) -> str:
    """Store the scanned letter (PDF, PNG or JPG) with its SHA-256; returns the checksum."""
    require(session, perm.MANAGE_EVENTS)
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in SCAN_KINDS:
        raise UserFacingError(f"Pindaian surat harus PDF, PNG atau JPG; '{file.name}' tidak dapat dipakai.")
    try:
        if file.stat().st_size > MAX_SCAN_BYTES:
            raise UserFacingError(f"Berkas '{file.name}' lebih dari 30 MB.")
        data = file.read_bytes()
    except FileNotFoundError:
        raise UserFacingError(f"Berkas '{file}' tidak ditemukan.") from None
    except PermissionError:
        raise UserFacingError(f"Berkas '{file.name}' tidak dapat dibaca (akses ditolak).") from None
    if not data or not data.startswith(SCAN_KINDS[suffix]):
        raise UserFacingError(f"Isi berkas '{file.name}' kosong atau bukan {suffix[1:].upper()} yang sah.")
    letter = session.get(IncomingLetter, letter_id)
    if letter is None:
        raise UserFacingError("Surat tidak ditemukan.")
    letter.scan_filename, letter.scan_sha256, letter.scan_content = file.name[:255], sha256_of(data), data
    session.flush()
    return letter.scan_sha256


def scan_of(session: Session, letter_id: int) -> tuple[str, bytes]:
    require(session, perm.READ_EVENTS)
    letter = session.get(IncomingLetter, letter_id)
    if letter is None or not letter.scan_filename or letter.scan_content is None:
        raise UserFacingError("Surat ini belum memiliki pindaian.")
    if sha256_of(letter.scan_content) != letter.scan_sha256:
        raise UserFacingError("Pindaian surat rusak: isinya tidak cocok dengan checksum yang tersimpan.")
    return letter.scan_filename, letter.scan_content


def open_event_from_letter(session: Session, letter_id: int, name: str) -> int:
    """A new event for the request: its agency, letter number and date come from the letter, which links to it."""
    from ukom_desktop.services.events import EventData, create_event

    require(session, perm.MANAGE_EVENTS)
    letter = session.get(IncomingLetter, letter_id)
    if letter is None:
        raise UserFacingError("Surat tidak ditemukan.")
    if letter.event_id is not None:
        raise UserFacingError("Surat ini sudah terhubung dengan sebuah kegiatan.")
    event_id = create_event(session, EventData(name=name, requesting_agency=letter.sender,
                                               request_letter_number=letter.number,
                                               request_letter_date=letter.letter_date))
    letter.event_id = event_id
    session.flush()
    return event_id


def event_letter(session: Session, event_id: int) -> IncomingLetter:
    """The request that opened the event: its earliest linked letter."""
    letter = session.scalar(select(IncomingLetter).where(IncomingLetter.event_id == event_id)
                            .order_by(IncomingLetter.received_on, IncomingLetter.id))
    if letter is None:
        raise UserFacingError("Kegiatan ini belum memiliki surat permohonan di agenda surat masuk.")
    return letter


def print_disposition(session: Session, event_id: int | None, out: str | os.PathLike[str], *,
                      letter_id: int | None = None) -> Path:
    from ukom_desktop.services.room_printing import heading, render_pdf, write_atomic

    require(session, perm.PRINT_LETTERS)
    letter = session.get(IncomingLetter, letter_id) if letter_id is not None else event_letter(session, event_id or 0)
    if letter is None:
        raise UserFacingError("Surat tidak ditemukan.")
    event = session.get(Event, letter.event_id) if letter.event_id else None
    head = heading(session, event) if event is not None else None

    def when(value: date | None) -> str:
        return format_date_id(value) if value else ""

    sheet = Disposition(agenda_number(letter), letter.number, when(letter.letter_date), when(letter.received_on),
                        letter.sender, letter.subject, letter.disposition_to, letter.disposition_instruction,
                        when(letter.disposition_date), f"{event.code} - {event.name}" if event else "")
    if head is None:
        from ukom_desktop.documents.room_materials import Heading
        from ukom_desktop.services.institution import get_profile

        profile = get_profile(session)
        head = Heading(tuple(x for x in profile.kop_lines if x.strip())[:3], "", "", profile.paper_size or "A4")
    return write_atomic(out, render_pdf([disposition_sheet(head, sheet)]))


def request_rows(session: Session, event_id: int) -> list:  # type: ignore[type-arg]
    """The event's incoming request letters as the first lines of its documents list."""
    from ukom_desktop.services.issued_documents import IssuedRow

    return [
        IssuedRow(-letter.id, "surat_masuk", "Surat permohonan (masuk)", letter.number,
                  letter.letter_date or letter.received_on or letter.created_at.date(), letter.sender,
                  letter.subject, "", 0, letter.created_at, None)
        for letter in session.scalars(select(IncomingLetter).where(IncomingLetter.event_id == event_id)
                                      .order_by(IncomingLetter.received_on, IncomingLetter.id))
    ]
