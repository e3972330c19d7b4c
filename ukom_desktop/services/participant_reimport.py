"""Re-importing an updated HR list (issue 11 item 10): a row whose NIP is already a participant of the event is
rejected ("tolak", as before), updated ("perbarui": empty fields filled and changed ones replaced, each change
shown in the preview, a different name flagged and left unchanged) or skipped ("lewati")."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Participant
from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.participant_rows import STATUS_REJECTED, STATUS_SKIPPED, STATUS_UPDATE, ImportPreview

KNOWN_MODES = {"tolak": "Tolak", "perbarui": "Perbarui datanya", "lewati": "Lewati"}
FIELDS = {
    "name": "Nama", "sex": "Jenis kelamin", "birth_date": "Tanggal lahir", "birth_place": "Tempat lahir",
    "golongan": "Golongan", "jabatan": "Jabatan", "unit": "Unit kerja", "agency": "Instansi",
    "phone": "No. HP", "email": "Pos-el",
}


def _plain(value: object) -> str:
    value = getattr(value, "value", value)
    if value is None:
        return ""
    return format_date_id(value) if hasattr(value, "isoformat") else str(value)  # type: ignore[arg-type]


def _same_name(a: str, b: str) -> bool:
    def core(name: str) -> str:
        return " ".join(name.split(",")[0].casefold().split())

    return core(a) == core(b)


def check_mode(mode: str) -> str:
    if mode not in KNOWN_MODES:
        raise UserFacingError(f"Pilihan untuk NIP yang sudah terdaftar harus {', '.join(KNOWN_MODES)}.")
    return mode


def mark_known_rows(session: Session, preview: ImportPreview, in_event: set[str], mode: str) -> ImportPreview:
    """Rows of participants already in the event become "perbarui" (with what changes) or "dilewati"."""
    if mode == "tolak":
        return preview
    nips = [r.record.nip for r in preview.rows if r.record.nip in in_event and r.status != STATUS_REJECTED]
    people = {p.nip: p for p in session.scalars(select(Participant).where(Participant.nip.in_(nips)))} if nips else {}
    rows = []
    for row in preview.rows:
        person = people.get(row.record.nip)
        if person is None:
            rows.append(row)
            continue
        if mode == "lewati":
            rows.append(replace(row, status=STATUS_SKIPPED,
                                warnings=("Sudah terdaftar di kegiatan ini; baris dilewati.",)))
            continue
        record, notes = row.record, []
        if record.name and not _same_name(record.name, person.name):
            notes.append(f"PERIKSA: nama di berkas '{record.name}' berbeda dengan '{person.name}' untuk NIP ini; "
                         "nama tidak diubah")
            record = replace(record, name=person.name)
        changes = []
        for key, title in FIELDS.items():
            new = getattr(record, key)
            if new in (None, ""):
                continue
            old = _plain(getattr(person, key))
            if old != _plain(new):
                changes.append(f"{title}: {old or '(kosong)'} \u2192 {_plain(new)}")
        if not changes:
            rows.append(replace(row, status=STATUS_SKIPPED, record=record,
                                warnings=(*notes, "Sudah terdaftar; data sama, tidak ada yang diperbarui.")))
            continue
        rows.append(replace(row, status=STATUS_UPDATE, record=record, warnings=(*notes, "; ".join(changes))))
    return replace(preview, rows=tuple(rows))
