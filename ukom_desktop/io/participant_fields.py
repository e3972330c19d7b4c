"""The columns of a participant spreadsheet and how each of their values is cleaned.

PARTICIPANT_FIELDS lists the header spellings found in agencies' files; the clean_* helpers turn one cell
into the value stored (NIP digits, an 08... phone number, L/P) plus, when needed, a reason in Bahasa
Indonesia. participant_rows builds the row verdicts from these.
"""

from __future__ import annotations

import re

from ukom_desktop.domain.nip import normalize_nip
from ukom_desktop.io.cell_values import CellValue, cell_text, is_blank
from ukom_desktop.io.header_matching import FieldSpec, normalize_header

PARTICIPANT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("no", "No.", ("No", "No Urut", "Nomor", "Nomor Urut", "Nmr")),
    FieldSpec(
        "nip",
        "NIP",
        ("N I P", "NIP Baru", "NIP 18 Digit", "NIP Peserta", "NIP Pegawai", "Nomor Induk Pegawai", "NIP/NRP"),
        required=True,
    ),
    FieldSpec(
        "nama",
        "Nama",
        (
            "Nama Lengkap",
            "Nama Peserta",
            "Nama Pegawai",
            "Nama PNS",
            "Nama ASN",
            "Nama Lengkap dan Gelar",
            "Nama dan Gelar",
            "Nama Lengkap (dengan gelar)",
            "Nama (dengan gelar)",
            "Nama Gelar",
        ),
        required=True,
    ),
    FieldSpec(
        "jenis_kelamin", "Jenis Kelamin", ("L/P", "JK", "Kelamin", "Gender", "Sex", "P/W", "Jenis Kel")
    ),
    FieldSpec(
        "tempat_tanggal_lahir",
        "Tempat/Tanggal Lahir",
        (
            "Tempat, Tanggal Lahir",
            "Tempat Tgl Lahir",
            "TTL",
            "Tempat dan Tanggal Lahir",
            "Tempat & Tgl Lahir",
        ),
    ),
    FieldSpec("tempat_lahir", "Tempat Lahir", ("Kota Lahir", "Tempat Kelahiran")),
    FieldSpec("tanggal_lahir", "Tanggal Lahir", ("Tgl Lahir", "Tanggal Kelahiran", "Tgl. Lahir")),
    FieldSpec(
        "golongan",
        "Golongan/Ruang",
        (
            "Golongan",
            "Gol",
            "Gol. Ruang",
            "Gol/Ruang",
            "Golongan Ruang",
            "Pangkat/Gol. Ruang",
            "Pangkat/Golongan",
            "Pangkat/Gol",
            "Pangkat, Golongan/Ruang",
            "Pangkat Golongan Ruang",
            "Pangkat dan Golongan",
            "Gol. Ruang Terakhir",
            "Golongan Terakhir",
        ),
    ),
    FieldSpec("pangkat", "Pangkat", ("Pangkat Terakhir", "Kepangkatan")),
    FieldSpec(
        "jabatan_sasaran",
        "Jabatan Sasaran",
        (
            "Jabatan yang Dituju",
            "Jabatan Target",
            "Jabatan yang Diusulkan",
            "Jabatan Tujuan",
            "Formasi Jabatan",
            "Jabatan yang Akan Diduduki",
            "Rencana Jabatan",
        ),
    ),
    FieldSpec(
        "jabatan",
        "Jabatan",
        ("Nama Jabatan", "Jabatan Saat Ini", "Jabatan Sekarang", "Jabatan Terakhir", "Jabatan Definitif"),
    ),
    FieldSpec(
        "unit",
        "Unit Kerja",
        (
            "Unit Organisasi",
            "Unor",
            "Satuan Kerja",
            "Satker",
            "Unit",
            "Unit Kerja Eselon II",
            "Perangkat Daerah",
            "OPD",
            "SKPD",
            "Bagian",
            "Bidang",
        ),
    ),
    FieldSpec(
        "instansi",
        "Instansi",
        (
            "Instansi Induk",
            "Instansi Asal",
            "Kementerian/Lembaga",
            "K/L/D",
            "Nama Instansi",
            "Pemda",
            "Instansi/Pemda",
        ),
    ),
    FieldSpec(
        "no_hp",
        "No. HP/WA",
        (
            "No HP",
            "No. HP / WA",
            "No HP WA",
            "Nomor HP",
            "Nomor HP/WA",
            "No. WA",
            "Nomor WA",
            "WA",
            "WhatsApp",
            "No WhatsApp",
            "HP",
            "Handphone",
            "No Handphone",
            "Nomor Handphone",
            "No Telepon",
            "Telepon",
            "No. Telp/HP",
            "Telepon/HP",
            "Kontak",
            "Nomor Kontak",
        ),
    ),
    FieldSpec(
        "email",
        "Email",
        ("E-mail", "Surel", "Alamat Email", "Alamat E-mail", "Email Aktif", "Surat Elektronik"),
    ),
)
FIELD_LABELS = {spec.key: spec.label for spec in PARTICIPANT_FIELDS}

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?[eE][+]?\d+")
_NIP_LABEL = re.compile(r"^\s*nip\s*[.:]?\s*", re.IGNORECASE)
_BIG_FLOAT = float(2**53)
_SEX_VALUES = {
    "l": "L",
    "lk": "L",
    "laki": "L",
    "laki laki": "L",
    "lakilaki": "L",
    "pria": "L",
    "male": "L",
    "m": "L",
    "1": "L",
    "p": "P",
    "pr": "P",
    "perempuan": "P",
    "wanita": "P",
    "female": "P",
    "w": "P",
    "f": "P",
    "2": "P",
}


def clean_nip(value: CellValue) -> tuple[str, str | None]:
    """NIP digits from a cell, or ("", reason) when the cell cannot hold a trustworthy NIP.

    Spaces, dots, dashes, a leading apostrophe and a "NIP." label are removed. A number cell with
    more than 15 digits has lost its last digits in the spreadsheet program, so it is refused with
    advice instead of being read as a different, valid-looking NIP.
    """
    if value.__class__ is str and len(value) == 18 and value.isdigit() and value.isascii():  # type: ignore[union-attr]
        return value, None  # the usual case, as typed
    lost = (
        "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang (lembar kerja hanya menyimpan "
        "15 digit angka); ubah format kolom NIP menjadi Teks lalu ketik ulang NIP ini"
    )
    if isinstance(value, float):
        if value != value or not value.is_integer():
            return "", f"NIP '{cell_text(value)}' bukan angka NIP"
        if abs(value) >= _BIG_FLOAT:
            return "", lost
        return str(int(value)), None
    if isinstance(value, bool):
        return "", f"NIP '{cell_text(value)}' bukan angka NIP"
    if isinstance(value, int):
        return str(value), None
    text = _NIP_LABEL.sub("", cell_text(value))
    if _SCIENTIFIC.fullmatch(text.replace(" ", "")):
        return "", lost
    return normalize_nip(text), None


def clean_phone(value: CellValue) -> tuple[str, str | None]:
    """An Indonesian mobile number as digits starting with 08, and a warning when it looks wrong.

    "+62 812-3456-7890", "62812...", "0812 3456 7890" and "812..." (a number cell that lost its 0)
    all give "081234567890". Of several numbers ("0812... / 0857...") the first is kept.
    """
    if is_blank(value):
        return "", None
    if value.__class__ is str and value.isdigit() and value.isascii() and value[:2] == "08" and 10 <= len(value) <= 13:  # type: ignore[union-attr]
        return value, None  # the usual case: already an 08... number
    text = cell_text(value)
    first = re.split(r"[/,;]|\batau\b|\bdan\b", text)[0]
    digits = re.sub(r"\D", "", first)
    warning = None
    if len(re.sub(r"\D", "", text)) > len(digits) + 5:
        warning = f"No. HP/WA berisi lebih dari satu nomor; yang dipakai {digits}"
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    elif digits.startswith("8") and 9 <= len(digits) <= 12:
        digits = "0" + digits
    if not (digits.startswith("08") and 10 <= len(digits) <= 13):
        return digits, f"No. HP/WA '{text}' tidak tampak seperti nomor seluler Indonesia"
    return digits, warning


def clean_sex(value: CellValue) -> str | None:
    """ "L" or "P" from the spellings used in forms (L/P, Laki-laki, Pria, Wanita...), else None."""
    return _SEX_VALUES.get(normalize_header(value))


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL.fullmatch(text))
