"""Turn the rows of a team-roster spreadsheet into team-member records, with a verdict for every row.

Pure: no database, no Qt. The column headers are matched tolerantly (io/header_matching); the NIP is
optional (external assessors), but when given it must be valid and it identifies an existing member,
who is then updated instead of added twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from ukom_desktop.domain.golongan import normalize_golongan
from ukom_desktop.domain.labels import TEAM_ROLE
from ukom_desktop.domain.nip import NipError, format_nip, parse_nip
from ukom_desktop.io.cell_values import cell_date, cell_text, is_blank
from ukom_desktop.io.header_matching import FieldSpec, find_header, normalize_header
from ukom_desktop.io.limits import TEAM_FIELD_LENGTHS, too_long
from ukom_desktop.io.participant_fields import clean_nip, clean_phone, is_valid_email
from ukom_desktop.io.spreadsheet_reader import RawSheet

Status = Literal["ok", "peringatan", "ditolak"]

TEAM_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("no", "No.", ("No", "Nomor", "No Urut")),
    FieldSpec("nama", "Nama", ("Nama Lengkap", "Nama Asesor", "Nama Anggota", "Nama dan Gelar"), required=True),
    FieldSpec("nip", "NIP", ("N I P", "NIP Baru", "Nomor Induk Pegawai")),
    FieldSpec("golongan", "Golongan/Ruang", ("Golongan", "Gol", "Gol Ruang", "Pangkat/Gol", "Pangkat Golongan")),
    FieldSpec("jabatan", "Jabatan", ("Jabatan Fungsional", "Nama Jabatan")),
    FieldSpec("peran", "Peran", ("Peran dalam Tim", "Tugas", "Role", "Kedudukan dalam Tim")),
    FieldSpec("jenjang", "Jenjang JF", ("Jenjang", "Jenjang Jabatan", "Jenjang Jabatan Fungsional")),
    FieldSpec("unit", "Unit Asal", ("Unit", "Unit Kerja", "Satuan Kerja", "Unit Organisasi")),
    FieldSpec("instansi", "Instansi", ("Instansi Asal", "Kementerian/Lembaga", "Asal Instansi")),
    FieldSpec("sertifikasi", "Sertifikasi", ("Nomor Sertifikat", "No Sertifikat", "Sertifikat")),
    FieldSpec("berlaku", "Berlaku s.d.", ("Masa Berlaku", "Berlaku Sampai", "Tanggal Berakhir Sertifikat",
                                          "Masa Berlaku Sertifikat")),
    FieldSpec("no_hp", "No. HP", ("No HP", "No HP/WA", "Nomor HP", "Telepon", "No Telepon", "WhatsApp")),
    FieldSpec("email", "Email", ("E-mail", "Surel", "Alamat Email")),
    FieldSpec("status", "Status", ("Status Keaktifan", "Aktif")),
    FieldSpec("maks", "Maks. Peserta/Gelombang", ("Maks Peserta", "Maksimal Peserta", "Kuota Peserta",
                                                   "Maks. peserta/gel.", "Maks Peserta per Gelombang")),
)

_FOOTER_WORDS = ("mengetahui", "menyetujui", "jumlah", "total", "kepala", "ketua tim", "tertanda", "ttd",
                 "catatan", "keterangan", "nip", "dibuat oleh", "disahkan")
_ROLE_WORDS = {normalize_header(text): key for key, text in TEAM_ROLE.items()}
# The short words the rejection sentence names (admin, tester...) stay accepted beside the shown labels.
_ROLE_WORDS.update({normalize_header(key.replace("_", " ")): key for key in TEAM_ROLE})
_ROLE_WORDS.update({"penilai": "penilai_teknis", "asesor sdm": "asesor", "assessor": "asesor",
                    "administrasi": "admin", "tenaga pendukung": "pendukung", "ketua": "asesor",
                    "ketua tim": "asesor", "anggota": "asesor"})


@dataclass(frozen=True)
class TeamRecord:
    name: str
    nip: str = ""
    golongan: str = ""
    jabatan: str = ""
    role: str = "asesor"
    jf_jenjang: str = ""
    unit: str = ""
    agency: str = ""
    certification: str = ""
    certification_expiry: date | None = None
    phone: str = ""
    email: str = ""
    max_participants_per_wave: int = 3
    active: bool = True


@dataclass(frozen=True)
class TeamRowVerdict:
    row_number: int
    status: Status
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    record: TeamRecord
    existing: str = ""  # "nip:<nip>" or "name:<name>" of the member this row updates

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.errors + self.warnings

    @property
    def importable(self) -> bool:
        return self.status != "ditolak"


@dataclass(frozen=True)
class TeamImportPreview:
    source_name: str
    sheet_name: str
    header_row_number: int | None
    columns: dict[str, str]
    rows: tuple[TeamRowVerdict, ...]
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def ok_count(self) -> int:
        return sum(1 for r in self.rows if r.status == "ok")

    @property
    def warning_count(self) -> int:
        return sum(1 for r in self.rows if r.status == "peringatan")

    @property
    def rejected_count(self) -> int:
        return sum(1 for r in self.rows if r.status == "ditolak")

    @property
    def can_import(self) -> bool:
        return not self.problems and any(r.importable for r in self.rows)

    def summary(self) -> str:
        return (
            f"{len(self.rows)} baris: {self.ok_count} siap diimpor, {self.warning_count} dengan peringatan, "
            f"{self.rejected_count} ditolak"
        )


def parse_role(text: str) -> str | None:
    normal = normalize_header(text)
    if not normal:
        return "asesor"
    if normal in _ROLE_WORDS:
        return _ROLE_WORDS[normal]
    for words, key in _ROLE_WORDS.items():
        if normal.startswith(words):
            return key
    return None


def _judge(
    cells: list[object], columns: Mapping[str, int], number: int, seen: dict[str, int],
    existing_nips: Mapping[str, str], existing_names: set[str],
) -> TeamRowVerdict:
    def raw(key: str) -> object:
        col = columns.get(key)
        return cells[col] if col is not None and col < len(cells) else None

    def text(key: str) -> str:
        return cell_text(raw(key))  # type: ignore[arg-type]

    errors: list[str] = []
    warnings: list[str] = []
    name = " ".join(text("nama").split())
    if not name:
        errors.append("Nama kosong")
    nip, nip_problem = clean_nip(raw("nip"))  # type: ignore[arg-type]
    if nip_problem:
        errors.append(nip_problem)
    elif nip:
        try:
            parse_nip(nip)
        except NipError as exc:
            errors.append(f"NIP tidak sah: {exc}")
    key = f"nip:{nip}" if nip else f"name:{name.casefold()}"
    if name and key in seen:
        errors.append(f"{'NIP ' + format_nip(nip) if nip else 'Nama ' + name} sudah ada di baris {seen[key]}")
    elif name:
        seen[key] = number
    existing = ""
    if nip and nip in existing_nips:
        existing = key
        warnings.append(f"Sudah terdaftar ({existing_nips[nip]}); datanya akan diperbarui")
    elif not nip and name.casefold() in existing_names:
        existing = key
        warnings.append("Nama sudah terdaftar tanpa NIP; datanya akan diperbarui")
    golongan = ""
    if text("golongan"):
        golongan = normalize_golongan(raw("golongan")) or ""
        if not golongan:
            errors.append(f"Golongan/ruang '{text('golongan')}' tidak dikenal")
    role = parse_role(text("peran"))
    if role is None:
        errors.append(f"Peran '{text('peran')}' tidak dikenal (asesor, penilai teknis, admin, tester, pendukung)")
    expiry = None
    if text("berlaku"):
        expiry = cell_date(raw("berlaku"))  # type: ignore[arg-type]
        if expiry is None:
            warnings.append(f"Masa berlaku sertifikat '{text('berlaku')}' tidak terbaca")
    phone, phone_warning = clean_phone(raw("no_hp"))  # type: ignore[arg-type]
    if phone_warning and text("no_hp"):
        warnings.append(phone_warning)
    email = text("email").replace(" ", "")
    if email and not is_valid_email(email):
        warnings.append(f"Alamat email '{text('email')}' tidak sah")
        email = ""
    maximum = 3
    if text("maks"):
        try:
            maximum = int(float(text("maks").replace(",", ".")))
            if not 0 <= maximum <= 30:
                raise ValueError
        except ValueError:
            errors.append(f"Maks. peserta per gelombang '{text('maks')}' harus bilangan 0-30")
    record = TeamRecord(
        name=name, nip=nip, golongan=golongan, jabatan=text("jabatan"), role=role or "asesor",
        jf_jenjang=text("jenjang"), unit=" ".join(text("unit").split()), agency=text("instansi"),
        certification=text("sertifikasi"), certification_expiry=expiry, phone=phone, email=email,
        max_participants_per_wave=maximum,
        active=not normalize_header(text("status")).startswith(("non", "tidak")),
    )
    for attribute, (label, limit) in TEAM_FIELD_LENGTHS.items():
        sentence = too_long(label, getattr(record, attribute), limit)
        if sentence:
            errors.append(sentence)
    status: Status = "ditolak" if errors else "peringatan" if warnings else "ok"
    return TeamRowVerdict(number, status, tuple(errors), tuple(warnings), record, existing)


def parse_team_rows(
    sheet: RawSheet, existing_nips: Mapping[str, str] | None = None, existing_names: Iterable[str] = ()
) -> TeamImportPreview:
    """Judge every row under the header. existing_nips: NIP -> name of members already on the roster."""
    match = find_header(sheet.rows, TEAM_FIELDS)
    header_number = sheet.row_number(match.header_index) if match.header_index is not None else None
    columns = {key: sheet.column_letter(col) for key, col in match.columns.items()}
    problem = match.problem(header_number)
    if problem:
        return TeamImportPreview(sheet.source_name, sheet.sheet_name, header_number, columns, (), (problem,))
    names = {n.casefold() for n in existing_names}
    seen: dict[str, int] = {}
    verdicts: list[TeamRowVerdict] = []
    name_col = match.columns["nama"]
    for offset, cells in enumerate(sheet.rows[match.data_start:]):
        number = sheet.row_number(match.data_start + offset)
        filled = [c for i, c in enumerate(cells) if not is_blank(c) and i != match.columns.get("no")]
        if not filled:
            continue
        name_cell = cells[name_col] if name_col < len(cells) else None
        if len(filled) <= 1 and is_blank(name_cell):
            continue  # a heading or footer line
        if len(filled) <= 2 and normalize_header(name_cell).startswith(_FOOTER_WORDS):
            continue  # "Mengetahui", "Kepala Balai", a signature's "NIP. ..." under the table
        if normalize_header(name_cell) == normalize_header(match.headers.get(name_col, "")):
            continue  # the header repeated
        verdict = _judge(list(cells), match.columns, number, seen, existing_nips or {}, names)
        problem = sheet.row_problems.get(match.data_start + offset)
        if problem:  # e.g. an unclosed quote in a CSV joined this row with the next lines
            verdict = replace(verdict, status="ditolak", errors=(problem, *verdict.errors))
        verdicts.append(verdict)
    notes = list(sheet.notes)
    unused = [f"{sheet.column_letter(c)} ({t})" for c, t in match.unmatched_columns() if normalize_header(t)]
    if unused:
        notes.append("Kolom yang tidak dipakai: " + ", ".join(unused) + ".")
    return TeamImportPreview(
        sheet.source_name, sheet.sheet_name, header_number, columns, tuple(verdicts), notes=tuple(notes)
    )
