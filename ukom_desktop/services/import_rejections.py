"""The rows an import refused, as a workbook to send back to the HR office: the sheet's row number, the
reasons in full, then the row's values as they were read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.participant_rows import ImportPreview, RowVerdict
from ukom_desktop.io.xlsx_writer import TableColumn, TableSheet, write_table_workbook

COLUMNS = (
    TableColumn("Baris", width=7), TableColumn("Alasan ditolak", width=60, wrap=True), TableColumn.text("NIP", 22),
    TableColumn("Nama", width=30), TableColumn("Jenis kelamin", width=10), TableColumn("Tempat lahir", width=16),
    TableColumn("Tanggal lahir", width=16), TableColumn("Golongan/ruang", width=10), TableColumn("Jabatan", width=30),
    TableColumn("Unit kerja", width=30), TableColumn("Instansi", width=24), TableColumn.text("No. HP", 16),
    TableColumn("Surel", width=26), TableColumn("Jabatan sasaran", width=30),
)


def rejected_rows(preview: ImportPreview) -> list[RowVerdict]:
    return [row for row in preview.rows if not row.importable]


def _row(verdict: RowVerdict) -> list[object]:
    r = verdict.record
    birth = format_date_id(r.birth_date) if isinstance(r.birth_date, date) else ""
    return [verdict.row_number, "; ".join(verdict.reasons), r.nip, r.name, r.sex or "", r.birth_place, birth,
            r.golongan or "", r.jabatan, r.unit, r.agency, r.phone, r.email, r.target_jabatan]


def write_rejected_rows(preview: ImportPreview, path: str | Path) -> int:
    """Write the refused rows (with their reasons) to an xlsx file; returns how many rows were written."""
    rows = rejected_rows(preview)
    if not rows:
        raise UserFacingError("Tidak ada baris yang ditolak; tidak ada yang perlu dikirim kembali.")
    subtitle = f"Berkas {preview.source_name}, lembar {preview.sheet_name}: {len(rows)} baris ditolak"
    write_table_workbook(path, [TableSheet(
        title="Baris daftar peserta yang ditolak", subtitles=(subtitle, "Perbaiki isian sesuai alasan, lalu kirim "
                                                                      "kembali untuk diimpor ulang."),
        columns=COLUMNS, rows=[_row(r) for r in rows], sheet_name="Ditolak")])
    return len(rows)
