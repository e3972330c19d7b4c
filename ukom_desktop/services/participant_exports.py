"""Formatted Excel exports of an event's participants (io.xlsx_writer: title, frozen header, filters).

Kinds: "daftar" (participant list), "kehadiran" (rekapitulasi kehadiran, with a per-unit summary),
"kelengkapan" (phone, e-mail, DRH and competency tracing per participant, with what is missing),
"kelompok" (waves, groups and question sets, one sheet per wave; those not attending are left out).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event
from ukom_desktop.domain.dates import format_date_id, format_date_range_id
from ukom_desktop.domain.labels import ATTENDANCE, INVITATION, label
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.xlsx_writer import TableColumn, TableSheet, write_table_workbook
from ukom_desktop.services.participants import ParticipantRow, list_participant_rows

EXPORT_KINDS: dict[str, str] = {
    "daftar": "Daftar Peserta",
    "kehadiran": "Rekapitulasi Kehadiran Peserta",
    "kelengkapan": "Rekapitulasi Kelengkapan Peserta",
    "kelompok": "Pembagian Gelombang, Kelompok dan Paket Soal",
}

_NO = TableColumn("No", width=5)
_NIP = TableColumn.text("NIP", 22)
_NAME = TableColumn("Nama", width=34)
_UNIT = TableColumn("Unit Kerja", width=34)


def _yes(value: bool) -> str:
    return "Lengkap" if value else "Belum"


def _subtitles(event: Event, today: date) -> list[str]:
    lines = [event.name]
    when = format_date_range_id(event.start_date, event.end_date)
    if when or event.venue:
        lines.append(", ".join(part for part in (when, event.venue) if part))
    lines.append(f"Keadaan per {format_date_id(today)}")
    return lines


def _list_sheet(rows: list[ParticipantRow], subtitles: list[str]) -> TableSheet:
    return TableSheet(
        title="DAFTAR PESERTA", subtitles=subtitles, sheet_name="Daftar Peserta",
        columns=[_NO, _NIP, _NAME, TableColumn("L/P", width=5), TableColumn("Gol.", width=7),
                 TableColumn("Jabatan", width=34), _UNIT, TableColumn("Instansi", width=28),
                 TableColumn.text("No. HP/WA", 16), TableColumn("Email", width=28),
                 TableColumn("Jabatan Sasaran", width=30), TableColumn("Gel.", width=6),
                 TableColumn("Kel.", width=6), TableColumn("Paket Soal", width=8)],
        rows=[[r.number, format_nip(r.nip), r.name, r.sex, r.golongan, r.jabatan, r.unit, r.agency, r.phone or None,
               r.email or None, r.target_position or None, r.wave, r.group, r.question_set or None] for r in rows],
    )


def _attendance_sheets(rows: list[ParticipantRow], subtitles: list[str]) -> list[TableSheet]:
    counts = Counter(r.attendance for r in rows)
    footer = [f"{label(ATTENDANCE, key)}: {counts.get(key, 0)} orang" for key in ("hadir", "tidak_hadir", "belum")]
    detail = TableSheet(
        title="REKAPITULASI KEHADIRAN PESERTA", subtitles=subtitles, sheet_name="Kehadiran",
        columns=[_NO, _NIP, _NAME, _UNIT, TableColumn.text("No. HP/WA", 16), TableColumn("Undangan", width=14),
                 TableColumn("Konfirmasi Kehadiran", width=18), TableColumn("Alasan Tidak Hadir", width=34, wrap=True)],
        rows=[[r.number, format_nip(r.nip), r.name, r.unit, r.phone or None, label(INVITATION, r.invitation),
               label(ATTENDANCE, r.attendance), r.attendance_reason or None] for r in rows],
        footer_lines=[f"Jumlah peserta: {len(rows)} orang", *footer],
    )
    by_unit: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_unit[r.unit or "(tanpa unit kerja)"][r.attendance] += 1
    summary = TableSheet(
        title="REKAPITULASI KEHADIRAN PER UNIT KERJA", subtitles=subtitles, sheet_name="Per Unit Kerja",
        columns=[_NO, _UNIT, TableColumn("Jumlah", "0"), TableColumn("Hadir", "0"),
                 TableColumn("Tidak Hadir", "0"), TableColumn("Belum Konfirmasi", "0")],
        rows=[[n, unit, sum(c.values()), c["hadir"], c["tidak_hadir"], c["belum"]]
              for n, (unit, c) in enumerate(sorted(by_unit.items()), start=1)],
    )
    return [detail, summary]


def _missing(r: ParticipantRow) -> str:
    gaps = []
    if not r.phone:
        gaps.append("nomor HP")
    if not r.email:
        gaps.append("email")
    if not r.cv_complete:
        gaps.append("DRH")
    if not r.tracing_complete:
        gaps.append("penelusuran kompetensi")
    return ", ".join(gaps)


def _completeness_sheet(rows: list[ParticipantRow], subtitles: list[str]) -> TableSheet:
    complete = sum(1 for r in rows if not _missing(r))
    return TableSheet(
        title="REKAPITULASI KELENGKAPAN PESERTA", subtitles=subtitles, sheet_name="Kelengkapan",
        columns=[_NO, _NIP, _NAME, _UNIT, TableColumn.text("No. HP/WA", 16), TableColumn("Email", width=28),
                 TableColumn("DRH", width=10), TableColumn("Penelusuran Kompetensi", width=14),
                 TableColumn("Kehadiran", width=16), TableColumn("Kekurangan", width=40, wrap=True)],
        rows=[[r.number, format_nip(r.nip), r.name, r.unit, r.phone or None, r.email or None, _yes(r.cv_complete),
               _yes(r.tracing_complete), label(ATTENDANCE, r.attendance), _missing(r) or None] for r in rows],
        footer_lines=[f"Lengkap: {complete} dari {len(rows)} peserta"],
    )


def _group_sheets(rows: list[ParticipantRow], subtitles: list[str]) -> list[TableSheet]:
    waves: dict[int | None, list[ParticipantRow]] = defaultdict(list)
    for r in rows:
        if r.attendance != "tidak_hadir":  # people who will not come are in no group
            waves[r.wave].append(r)
    sheets = []
    for wave in sorted(waves, key=lambda w: (w is None, w or 0)):
        members = sorted(waves[wave], key=lambda r: (r.group is None, r.group or 0, r.number or 0))
        name = f"Gelombang {wave}" if wave is not None else "Belum Bergelombang"
        sheets.append(TableSheet(
            title=f"PEMBAGIAN KELOMPOK - {name.upper()}", subtitles=subtitles, sheet_name=name,
            columns=[TableColumn("Kelompok", width=10), TableColumn("Paket Soal", width=8), _NO, _NIP, _NAME, _UNIT,
                     TableColumn("Jabatan", width=34)],
            rows=[[r.group, r.question_set or None, r.number, format_nip(r.nip), r.name, r.unit, r.jabatan]
                  for r in members],
        ))
    return sheets


def export_participants(
    session: Session, event_id: int, path: str | Path, kind: str = "daftar", today: date | None = None
) -> Path:
    """Write one of EXPORT_KINDS for the event (or "semua": every kind in one workbook)."""
    if kind not in EXPORT_KINDS and kind != "semua":
        raise UserFacingError(f"Jenis ekspor '{kind}' tidak dikenal; pilih {', '.join(EXPORT_KINDS)} atau semua.")
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    rows = list_participant_rows(session, event_id)
    if not rows:
        raise UserFacingError("Kegiatan ini belum memiliki peserta.")
    subtitles = _subtitles(event, today or date.today())
    builders = {
        "daftar": lambda: [_list_sheet(rows, subtitles)],
        "kehadiran": lambda: _attendance_sheets(rows, subtitles),
        "kelengkapan": lambda: [_completeness_sheet(rows, subtitles)],
        "kelompok": lambda: _group_sheets(rows, subtitles),
    }
    kinds = list(EXPORT_KINDS) if kind == "semua" else [kind]
    sheets = [sheet for name in kinds for sheet in builders[name]()]
    try:
        return write_table_workbook(path, sheets)
    except OSError as exc:
        raise UserFacingError(f"Berkas {path} tidak dapat ditulis: {exc.strerror or exc}") from exc
