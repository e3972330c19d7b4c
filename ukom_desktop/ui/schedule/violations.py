"""The violations panel: every finding of the checker, in words, hard ones first."""

from __future__ import annotations

from ukom_desktop.ui.models.record_table_model import Column

RULE_LABELS = {
    "person_double_booked": "Jadwal bentrok",
    "room_double_booked": "Ruang bentrok",
    "conflict_of_interest": "Unit kerja sama",
    "assessor_unavailable": "Asesor berhalangan",
    "room_capacity": "Kapasitas ruang",
    "lead_overload": "Beban asesor utama",
    "one_to_one_size": "Sesi perorangan",
    "no_changeover": "Tanpa jeda",
    "continuous_too_long": "Tanpa istirahat",
    "group_size": "Ukuran kelompok",
    "group_observers": "Pengamat kelompok",
    "outside_working_day": "Di luar jam kerja",
    "outside_wave_days": "Di luar hari gelombang",
    "wave_mismatch": "Gelombang tidak sesuai",
    "missing_exercise": "Latihan belum dijadwalkan",
    "duplicate_exercise": "Latihan ganda",
    "missing_lead": "Tanpa asesor utama",
    "unknown_reference": "Data tidak dikenal",
    "invalid_time": "Waktu tidak sah",
    "room_kind_mismatch": "Jenis ruang",
    "room_not_of_wave": "Ruang gelombang",
    "few_distinct_assessors": "Asesor berbeda kurang",
    "load_imbalance": "Beban tidak seimbang",
    "lead_imbalance": "Asesor utama tidak seimbang",
    "lead_not_observing": "Asesor utama tidak mengamati",
    "lunch_overlap": "Jam makan siang",
    "duration_mismatch": "Durasi latihan",
}


def rule_label(code: object) -> str:
    text = str(code)
    return RULE_LABELS.get(text, text.replace("_", " ").capitalize())


VIOLATION_COLUMNS = (
    Column("severity", "Tingkat", lambda v: v.severity, lambda s: "Berat" if s == "berat" else "Ringan", width=70),
    Column("wave", "Gel.", lambda v: v.wave, align_right=True, width=45),
    Column("rule", "Aturan", lambda v: str(v.code), rule_label, width=190),
    Column("message", "Uraian", lambda v: v.message, width=700),
)
