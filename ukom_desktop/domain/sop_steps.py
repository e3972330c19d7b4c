"""The SOP steps an event goes through, stage by stage, with their standard time (mutu baku).

Taken from the SOPs in shared/seeds: 000 (Kementerian PUPR, persiapan penilaian potensi dan kompetensi,
steps 1-9 in minutes), 002 (Pemkot Tangerang, layanan penilaian kompetensi, steps 1-10 in days/weeks) and
004 (Kemkominfo, pemetaan profil kompetensi, steps 1-9). Each step belongs to one stage of the event's
status path; `check` names an automatic completeness check the events service computes (what is still
missing), steps without one are ticked by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimeUnit = Literal["menit", "jam", "hari", "minggu", "bulan"]

#: The status path of an event, in order (values of db.models.enums.EventStatus).
STATUS_PATH: tuple[str, ...] = (
    "usulan",
    "verifikasi",
    "terjadwal",
    "persiapan",
    "pelaksanaan",
    "pengolahan_data",
    "integrasi",
    "penulisan_laporan",
    "qc",
    "selesai",
)

#: The SOPs by file number, for the "Sumber" column.
SOP_NAMES: dict[str, str] = {
    "000": "SOP Persiapan Penilaian Potensi dan Kompetensi (Kementerian PUPR)",
    "002": "SOP Pelaksanaan Penilaian Kompetensi Aparatur (Pemkot Tangerang)",
    "004": "SOP Pemetaan Profil Kompetensi PNS (Kemkominfo)",
}

_MINUTES_PER = {"menit": 1, "jam": 60, "hari": 8 * 60, "minggu": 5 * 8 * 60, "bulan": 22 * 8 * 60}
_CALENDAR_DAYS = {"hari": 1, "minggu": 7, "bulan": 30}


@dataclass(frozen=True)
class StandardTime:
    """A mutu baku duration as the SOP writes it: an amount of a unit ("60 menit", "2 hari")."""

    amount: int
    unit: TimeUnit

    @property
    def label(self) -> str:
        return f"{self.amount} {self.unit}"

    @property
    def working_minutes(self) -> int:
        """Working time in minutes (a day is 8 hours, a week 5 days, a month 22 days)."""
        return self.amount * _MINUTES_PER[self.unit]

    @property
    def calendar_days(self) -> int:
        """Days on the calendar this step may take (0 for steps measured in minutes or hours)."""
        return self.amount * _CALENDAR_DAYS.get(self.unit, 0)


@dataclass(frozen=True)
class SopStep:
    code: str  # stable key, "000.2"
    sop: str  # "000", "002", "004"
    number: int  # step number in its SOP
    stage: str  # a value of STATUS_PATH
    title: str
    time: StandardTime | None  # None: the SOP gives no time
    output: str
    check: str | None = None  # automatic check name, None: ticked by hand

    @property
    def source(self) -> str:
        return f"SOP {self.sop} langkah {self.number}"


def _t(amount: int, unit: TimeUnit) -> StandardTime:
    return StandardTime(amount, unit)


SOP_STEPS: tuple[SopStep, ...] = (
    # -- usulan
    SopStep("002.1", "002", 1, "usulan", "Usulan peserta penilaian kompetensi dari instansi pemohon",
            _t(2, "hari"), "Surat permohonan dan daftar usulan peserta", "request"),
    SopStep("004.1", "004", 1, "usulan", "Menerima tanggapan surat permohonan dan mendisposisikannya",
            _t(15, "menit"), "Surat dan disposisi", "request_letter"),
    # -- verifikasi
    SopStep("002.2", "002", 2, "verifikasi", "Verifikasi berkas permohonan", _t(2, "hari"),
            "Hasil verifikasi berkas", "participants"),
    SopStep("004.2", "004", 2, "verifikasi", "Menugaskan PIC pengembangan pegawai untuk menindaklanjuti",
            _t(15, "menit"), "Disposisi"),
    # -- terjadwal
    SopStep("002.3", "002", 3, "terjadwal", "Penentuan jadwal assessment", _t(2, "hari"),
            "Jadwal assessment", "dates"),
    SopStep("002.4", "002", 4, "terjadwal", "Persiapan administrasi", _t(1, "hari"),
            "Kelengkapan administrasi"),
    SopStep("004.3", "004", 3, "terjadwal", "Menugaskan tim menyiapkan administrasi sesuai timeline",
            _t(30, "menit"), "Disposisi"),
    # -- persiapan (SOP 000 is the preparation in detail)
    SopStep("000.1", "000", 1, "persiapan", "Membuat undangan pemanggilan peserta dan rundown kegiatan",
            _t(60, "menit"), "Rundown kegiatan; daftar undangan peserta", "invitation_list"),
    SopStep("000.2", "000", 2, "persiapan",
            "Mencari nomor HP peserta di database e-HRM dan meminta yang belum ada kepada kepegawaian unor",
            _t(30, "menit"), "Draf daftar kontak peserta; daftar peserta tanpa nomor HP", "phones"),
    SopStep("000.3", "000", 3, "persiapan", "Kepegawaian unor menyampaikan nomor HP yang belum ada",
            _t(30, "menit"), "Daftar kontak peserta sesuai undangan", "phones"),
    SopStep("000.4", "000", 4, "persiapan", "Membuat profil kegiatan dan menginput daftar peserta",
            None, "Daftar peserta dan jadwal kegiatan di aplikasi", "profile"),
    SopStep("000.5", "000", 5, "persiapan",
            "Menyampaikan undangan kepada peserta dan memeriksa konfirmasi kehadiran",
            _t(10, "menit"), "Rekapitulasi kehadiran peserta", "confirmations"),
    SopStep("000.6", "000", 6, "persiapan", "Memeriksa DRH dan jawaban penelusuran kompetensi",
            _t(60, "menit"), "Rekapitulasi kehadiran dan progres pengisian DRH dan penelusuran", "documents"),
    SopStep("000.7", "000", 7, "persiapan", "Membuat pembagian kelompok peserta dan kelompok soal",
            _t(60, "menit"), "Pembagian kelompok dan soal peserta", "groups"),
    SopStep("000.8", "000", 8, "persiapan",
            "Membuat matriks jadwal wawancara, sambutan, laporan penyelenggaraan dan bahan paparan",
            _t(120, "menit"), "Matriks jadwal peserta; bahan pembukaan", "schedule"),
    SopStep("000.9", "000", 9, "persiapan",
            "Membuat relasi asesor dan penilai teknis dengan peserta serta jadwal wawancara",
            _t(30, "menit"), "Dasbor peserta, asesor dan penilai teknis", "assessors"),
    SopStep("002.5", "002", 5, "persiapan",
            "Persiapan assessment: standar kompetensi jabatan, soal, panduan wawancara, draf psikogram",
            _t(3, "hari"), "Standar kompetensi jabatan; soal; panduan wawancara", "standards"),
    SopStep("004.4", "004", 4, "persiapan",
            "Menyiapkan surat pemanggilan, surat tugas dan administrasi pembiayaan", _t(1, "hari"),
            "Draf berkas administrasi persuratan dan pembiayaan"),
    SopStep("004.5", "004", 5, "persiapan", "Memeriksa, memaraf dan menandatangani administrasi persuratan",
            _t(1, "hari"), "Berkas administrasi persuratan dan pembiayaan"),
    SopStep("004.6", "004", 6, "persiapan",
            "Menyampaikan surat pemanggilan dan surat tugas ke satuan kerja peserta", _t(30, "menit"),
            "Surat pemanggilan dan surat tugas terkirim"),
    # -- pelaksanaan
    SopStep("002.6", "002", 6, "pelaksanaan", "Pelaksanaan assessment", _t(2, "hari"),
            "Kertas kerja peserta", "attendance"),
    SopStep("004.7", "004", 7, "pelaksanaan", "Peserta mengikuti pemetaan profil kompetensi", _t(2, "hari"),
            "Proses pelaksanaan pemetaan"),
    # -- pengolahan data
    SopStep("002.7", "002", 7, "pengolahan_data", "Pengolahan data menjadi data psikogram", _t(2, "hari"),
            "Data psikogram"),
    SopStep("004.8", "004", 8, "pengolahan_data", "Mengolah hasil sesuai standar penilaian Menpan dan BKN",
            _t(1, "bulan"), "Laporan hasil pemetaan profil kompetensi"),
    # -- integrasi
    SopStep("002.8", "002", 8, "integrasi", "Assessor meeting (integrasi)", _t(1, "minggu"),
            "Data kompetensi"),
    # -- penulisan laporan
    SopStep("002.9", "002", 9, "penulisan_laporan", "Penulisan laporan", _t(2, "minggu"), "Laporan"),
    # -- qc: the SOPs here give no separate step; the QC tab tracks each report
    # -- selesai
    SopStep("002.10", "002", 10, "selesai", "Penyerahan laporan", _t(3, "hari"),
            "Laporan hasil assessment"),
    SopStep("004.9", "004", 9, "selesai", "Menerima laporan hasil pemetaan beserta rekomendasinya",
            _t(15, "menit"), "Laporan hasil pemetaan profil kompetensi"),
)

STEPS_BY_CODE: dict[str, SopStep] = {step.code: step for step in SOP_STEPS}


def stage_index(status: str) -> int:
    """Position of a status on the path; ValueError for an unknown status."""
    return STATUS_PATH.index(status)


def steps_of_stage(status: str) -> tuple[SopStep, ...]:
    return tuple(step for step in SOP_STEPS if step.stage == status)


def next_status(status: str) -> str | None:
    index = stage_index(status)
    return STATUS_PATH[index + 1] if index + 1 < len(STATUS_PATH) else None


def previous_status(status: str) -> str | None:
    index = stage_index(status)
    return STATUS_PATH[index - 1] if index > 0 else None


def stage_calendar_days(status: str) -> int:
    """The longest of the SOPs' total calendar days for the stage (steps measured in days or longer).

    Several SOPs may describe one stage; they run side by side, so the stage is due when the slowest
    SOP's steps would be done. 0 when every step of the stage is measured in minutes.
    """
    per_sop: dict[str, int] = {}
    for step in steps_of_stage(status):
        if step.time is not None:
            per_sop[step.sop] = per_sop.get(step.sop, 0) + step.time.calendar_days
    return max(per_sop.values(), default=0)


def stage_working_minutes(status: str, sop: str) -> int:
    """Total standard working minutes of one SOP's steps in a stage (SOP 000 persiapan: 400)."""
    return sum(step.time.working_minutes for step in steps_of_stage(status) if step.sop == sop and step.time)
