"""Closed vocabularies stored in the database (values are the stored strings)."""

from __future__ import annotations

from enum import StrEnum


class CompetencyGroup(StrEnum):
    MANAJERIAL = "manajerial"
    SOSIAL_KULTURAL = "sosial_kultural"
    TEKNIS = "teknis"


class JobLevelKind(StrEnum):
    STRUKTURAL = "struktural"
    FUNGSIONAL = "fungsional"
    PELAKSANA = "pelaksana"


class ExerciseKind(StrEnum):
    WHOLE_WAVE = "whole_wave"  # psikotes, in-basket: the whole wave in a hall
    GROUP = "group"  # LGD: groups of 4-8
    ONE_TO_ONE = "one_to_one"  # wawancara, role play, presentasi


class EventPurpose(StrEnum):
    PENGISIAN = "pengisian"  # pengisian jabatan
    PEMETAAN = "pemetaan"


class EventStatus(StrEnum):
    USULAN = "usulan"
    VERIFIKASI = "verifikasi"
    TERJADWAL = "terjadwal"
    PERSIAPAN = "persiapan"
    PELAKSANAAN = "pelaksanaan"
    PENGOLAHAN_DATA = "pengolahan_data"
    INTEGRASI = "integrasi"
    PENULISAN_LAPORAN = "penulisan_laporan"
    QC = "qc"
    SELESAI = "selesai"


class Sex(StrEnum):
    L = "L"
    P = "P"


class InvitationStatus(StrEnum):
    BELUM = "belum"
    DIKIRIM = "dikirim"
    DITERIMA = "diterima"


class Attendance(StrEnum):
    BELUM = "belum"
    HADIR = "hadir"
    TIDAK_HADIR = "tidak_hadir"


class TeamRole(StrEnum):
    ASESOR = "asesor"
    PENILAI_TEKNIS = "penilai_teknis"
    ADMIN = "admin"
    TESTER = "tester"
    PENDUKUNG = "pendukung"


class RoomKind(StrEnum):
    AULA = "aula"
    RUANG_KELOMPOK = "ruang_kelompok"
    RUANG_WAWANCARA = "ruang_wawancara"


class DayPart(StrEnum):
    SEHARI = "sehari"
    PAGI = "pagi"
    SIANG = "siang"


class ReportStatus(StrEnum):
    DRAFT = "draft"
    DIAJUKAN = "diajukan"
    DIKEMBALIKAN = "dikembalikan"
    DIREVISI = "direvisi"
    DISETUJUI = "disetujui"
    DISERAHKAN = "diserahkan"


class UserRole(StrEnum):
    ADMIN = "admin"
    SEKRETARIAT = "sekretariat"
    ASESOR = "asesor"
    QC = "qc"  # reviewer QC: a senior assessor who reviews reports (and may also rate)
    PIMPINAN = "pimpinan"  # reads approved results, recaps and dashboards; changes nothing
