"""Indonesian display labels for the stored vocabularies (the values of db.models.enums)."""

from __future__ import annotations

EVENT_STATUS = {
    "usulan": "Usulan",
    "verifikasi": "Verifikasi",
    "terjadwal": "Terjadwal",
    "persiapan": "Persiapan",
    "pelaksanaan": "Pelaksanaan",
    "pengolahan_data": "Pengolahan Data",
    "integrasi": "Integrasi",
    "penulisan_laporan": "Penulisan Laporan",
    "qc": "QC",
    "selesai": "Selesai",
}
EVENT_PURPOSE = {"pengisian": "Pengisian Jabatan", "pemetaan": "Pemetaan"}
COMPETENCY_GROUP = {"manajerial": "Manajerial", "sosial_kultural": "Sosial Kultural", "teknis": "Teknis"}
EXERCISE_KIND = {"whole_wave": "Seluruh gelombang", "group": "Kelompok", "one_to_one": "Perorangan"}
TEAM_ROLE = {
    "asesor": "Asesor",
    "penilai_teknis": "Penilai Teknis",
    "admin": "Petugas administrasi",
    "tester": "Petugas tes",
    "pendukung": "Pendukung",
}
ROOM_KIND = {"aula": "Aula", "ruang_kelompok": "Ruang Kelompok", "ruang_wawancara": "Ruang Wawancara"}
ATTENDANCE = {"belum": "Belum konfirmasi", "hadir": "Hadir", "tidak_hadir": "Tidak hadir"}
INVITATION = {"belum": "Belum dikirim", "dikirim": "Dikirim", "diterima": "Diterima"}
REPORT_STATUS = {
    "": "Belum dibuat",
    "draft": "Draf",
    "diajukan": "Diajukan",
    "dikembalikan": "Dikembalikan",
    "direvisi": "Direvisi",
    "disetujui": "Disetujui",
    "diserahkan": "Diserahkan",
}
SEX = {"L": "Laki-laki", "P": "Perempuan"}


def label(table: dict[str, str], value: object) -> str:
    """The label for a stored value (an enum member or its string); the value itself when unknown."""
    key = getattr(value, "value", value)
    if key is None:
        return ""
    return table.get(str(key), str(key))
