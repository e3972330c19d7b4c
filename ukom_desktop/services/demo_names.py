"""Name and unit material for realistic demo data (fictional people)."""

from __future__ import annotations

MALE_FIRST = (
    "Agus", "Budi", "Hendra", "Joko", "Rudi", "Slamet", "Bambang", "Eko", "Dedi", "Wahyu",
    "Andi", "Arif", "Teguh", "Yusuf", "Made", "Ketut", "Hasan", "Rizky", "Fajar", "Imam",
    "Dimas", "Bayu", "Irfan", "Gede", "Putu", "Heru", "Sigit", "Taufik", "Ahmad", "Nur",
)
FEMALE_FIRST = (
    "Sri", "Siti", "Dewi", "Ratna", "Nurul", "Rina", "Lestari", "Wulan", "Ayu", "Fitri",
    "Indah", "Maya", "Yuni", "Rahmawati", "Endang", "Tri", "Kartika", "Novi", "Dian", "Ni Luh",
    "Retno", "Anisa", "Putri", "Wati", "Desi", "Ika", "Mega", "Puspita", "Sari", "Intan",
)
LAST = (
    "Santoso", "Wibowo", "Pratama", "Saputra", "Hidayat", "Kurniawan", "Setiawan", "Nugroho",
    "Susanto", "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Wijaya", "Gunawan",
    "Purnomo", "Handayani", "Rahayu", "Permata", "Utami", "Hartono", "Suryadi", "Maharani",
    "Sulistyo", "Prasetyo", "Firmansyah", "Ramadhan", "Syahputra", "Marpaung", "Tanjung", "Sinaga",
)
DEGREES = ("S.E.", "S.T.", "S.H.", "S.Kom.", "S.Sos.", "M.M.", "M.Si.", "S.AP.", "M.T.", "")

UNITS = (
    "Sekretariat Jenderal",
    "Direktorat Jenderal Bina Marga",
    "Direktorat Jenderal Sumber Daya Air",
    "Direktorat Jenderal Cipta Karya",
    "Inspektorat Jenderal",
    "Badan Pengembangan Sumber Daya Manusia",
    "Direktorat Jenderal Perumahan",
    "Direktorat Jenderal Bina Konstruksi",
)
ASSESSOR_UNITS = (
    "Balai Penilaian Kompetensi",
    "Biro Kepegawaian",
    "Pusat Penilaian Kompetensi",
    "Badan Kepegawaian Daerah",
    "Inspektorat Jenderal",
    "Sekretariat Jenderal",
)
JABATAN_BY_LEVEL = {
    "ADMINISTRATOR": ("Kepala Bagian Umum", "Kepala Bidang Perencanaan", "Kepala Subdirektorat Program"),
    "PENGAWAS": ("Kepala Subbagian Kepegawaian", "Kepala Seksi Pelaksanaan", "Kepala Subbagian Keuangan"),
    "PELAKSANA": ("Analis Kepegawaian", "Pengelola Keuangan", "Pengadministrasi Umum"),
}
