"""The register of issued documents: what went out for an event, with its number, date and recipient.

A document is identified by (event, kind, subject key), e.g. ("undangan", "peserta:<uuid>"). Printing
it again keeps its number and date (a reprint); `renumber=True` gives it a fresh number and date, as
when a corrected letter replaces the one sent. Two workstations issuing the same letter at once end
up with one row and one number (the unique key refuses the second insert; it then reads the first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ukom_desktop.db.models import IssuedDocument, utcnow
from ukom_desktop.services.numbering import NUMBERED_KINDS, issue_number

# Every kind of document the app registers, with its Indonesian name.
DOCUMENT_KINDS: dict[str, str] = {
    **NUMBERED_KINDS,
    "daftar_hadir": "Daftar Hadir",
    "susunan_acara": "Susunan Acara",
    "laporan": "Laporan Penyelenggaraan",
    "sambutan": "Pokok-Pokok Sambutan",
    # administration of an event (issue 16)
    "nominatif_honor": "Daftar Nominatif Honorarium",
    "kuitansi": "Kuitansi Honorarium",
    "daftar_hadir_konsumsi": "Daftar Hadir Konsumsi",
    "rekap_realisasi": "Rekap Realisasi Anggaran",
    "paparan_pembukaan": "Bahan Paparan Pembukaan",
    "tanda_terima": "Tanda Terima Hasil Penilaian",
}


@dataclass(frozen=True)
class Issued:
    """One registered document as the caller needs it: its number and date to print."""

    id: int
    kind: str
    number: str
    issued_on: date
    recipient: str
    subject_key: str
    reprint: bool
    print_count: int


@dataclass(frozen=True)
class IssuedRow:
    """A line of the list of issued documents of an event."""

    id: int
    kind: str
    kind_label: str
    number: str
    issued_on: date
    recipient: str
    subject_key: str
    file_path: str
    print_count: int
    created_at: datetime
    last_printed_at: datetime | None


def _find(session: Session, event_id: int | None, kind: str, subject_key: str) -> IssuedDocument | None:
    return session.scalar(
        select(IssuedDocument).where(
            IssuedDocument.event_id == event_id, IssuedDocument.kind == kind,
            IssuedDocument.subject_key == subject_key,
        )
    )


def _as_issued(row: IssuedDocument, reprint: bool) -> Issued:
    return Issued(row.id, row.kind, row.number, row.issued_on, row.recipient, row.subject_key, reprint,
                  row.print_count)


def issue_document(
    session: Session, *, event_id: int | None, kind: str, subject_key: str, recipient: str, issued_on: date,
    renumber: bool = False,
) -> Issued:
    """Register a document (taking a number for a numbered kind) or count a reprint of it."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"Jenis dokumen '{kind}' tidak dikenal.")
    existing = _find(session, event_id, kind, subject_key)
    if existing is not None:
        return _reprint(session, existing, recipient, issued_on, renumber)
    number = issue_number(session, kind, issued_on).text if kind in NUMBERED_KINDS else ""
    row = IssuedDocument(
        event_id=event_id, kind=kind, number=number, issued_on=issued_on, recipient=recipient[:250],
        subject_key=subject_key, last_printed_at=utcnow(),
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        # Another workstation registered the same document a moment ago: ours becomes a reprint of it
        # (the number we took is left unused, never given twice).
        existing = _find(session, event_id, kind, subject_key)
        if existing is None:
            raise
        return _reprint(session, existing, recipient, issued_on, False)
    return _as_issued(row, False)


def _reprint(session: Session, row: IssuedDocument, recipient: str, issued_on: date, renumber: bool) -> Issued:
    if renumber:
        row.number = issue_number(session, row.kind, issued_on).text if row.kind in NUMBERED_KINDS else ""
        row.issued_on = issued_on
    row.recipient = recipient[:250] or row.recipient
    row.print_count = (row.print_count or 0) + 1
    row.last_printed_at = utcnow()
    session.flush()
    return _as_issued(row, not renumber)


def set_file(session: Session, issued_id: int, path: str) -> None:
    """Remember where the printed file was saved."""
    row = session.get(IssuedDocument, issued_id)
    if row is not None:
        row.file_path = path


def list_issued(session: Session, event_id: int, kind: str | None = None) -> list[IssuedRow]:
    """The documents issued for an event, newest first, then by kind and number."""
    query = select(IssuedDocument).where(IssuedDocument.event_id == event_id)
    if kind is not None:
        query = query.where(IssuedDocument.kind == kind)
    rows = session.scalars(query.order_by(IssuedDocument.issued_on.desc(), IssuedDocument.kind, IssuedDocument.id))
    from ukom_desktop.services.incoming_letters import request_rows

    # issue 17: the request letter that opened the event comes first
    return (request_rows(session, event_id) if kind is None else []) + [
        IssuedRow(
            r.id, r.kind, DOCUMENT_KINDS.get(r.kind, r.kind), r.number, r.issued_on, r.recipient, r.subject_key,
            r.file_path, r.print_count, r.created_at, r.last_printed_at,
        )
        for r in rows
    ]
