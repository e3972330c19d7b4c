"""Turn the rows of a participant spreadsheet into participant records, with a verdict for every row.

Pure: no database, no Qt. The service reads the file once with read_table(), then calls
parse_participant_rows() with the NIPs already registered in the event; it can call it again later
(for instance after another import) with a fresh set of NIPs.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from ukom_desktop.domain.golongan import normalize_golongan
from ukom_desktop.domain.nip import NipError, NipInfo, format_nip, normalize_nip, parse_nip
from ukom_desktop.io.cell_values import CellValue, cell_date, cell_text, find_date_in_text, is_blank
from ukom_desktop.io.header_matching import HeaderMatch, find_header, normalize_header
from ukom_desktop.io.limits import PARTICIPANT_FIELD_LENGTHS, too_long
from ukom_desktop.io.participant_fields import (
    FIELD_LABELS,
    PARTICIPANT_FIELDS,
    clean_nip,
    clean_phone,
    clean_sex,
    is_valid_email,
)
from ukom_desktop.io.spreadsheet_reader import RawSheet

__all__ = [
    "FIELD_LABELS",
    "PARTICIPANT_FIELDS",
    "ImportPreview",
    "ParticipantRecord",
    "RowVerdict",
    "clean_nip",
    "clean_phone",
    "clean_sex",
    "iter_participant_rows",
    "parse_participant_rows",
]

Status = Literal["ok", "peringatan", "ditolak", "perbarui", "dilewati"]
STATUS_OK: Status = "ok"
STATUS_WARNING: Status = "peringatan"
STATUS_REJECTED: Status = "ditolak"
STATUS_UPDATE: Status = "perbarui"  # a participant already in the event whose data the file updates
STATUS_SKIPPED: Status = "dilewati"  # a participant already in the event, left as it is


_FOOTER_WORDS = (
    "jumlah",
    "total",
    "mengetahui",
    "menyetujui",
    "keterangan",
    "catatan",
    "tertanda",
    "ttd",
    "an",
    "plt",
    "plh",
    "kepala",
    "sekretaris",
    "ketua",
    "dibuat oleh",
    "disahkan",
    "sumber",
    "nip",
)
_SEX_WORDS = {"L": "laki-laki", "P": "perempuan"}


@dataclass(frozen=True, slots=True)
class ParticipantRecord:
    """The cleaned values of one row. Empty text is "", unknown values are None."""

    nip: str
    name: str
    sex: str | None = None  # "L" or "P"
    birth_date: date | None = None
    birth_place: str = ""
    golongan: str | None = None  # canonical "III/b"
    jabatan: str = ""
    unit: str = ""
    agency: str = ""
    phone: str = ""  # digits, "08..." for Indonesian mobiles
    email: str = ""
    target_jabatan: str = ""


@dataclass(frozen=True, slots=True)
class RowVerdict:
    """The verdict on one data row. row_number is the row number the user sees in the spreadsheet."""

    row_number: int
    status: Status
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    record: ParticipantRecord

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the row is rejected or warned about, rejections first, in Bahasa Indonesia."""
        return self.errors + self.warnings

    @property
    def importable(self) -> bool:
        return self.status not in (STATUS_REJECTED, STATUS_SKIPPED)


@dataclass(frozen=True)
class ImportPreview:
    """Everything a preview dialog shows before the user decides to import."""

    source_name: str
    sheet_name: str
    header_row_number: int | None
    columns: dict[str, str]  # field key -> column letter
    rows: tuple[RowVerdict, ...]
    column_headers: dict[str, str] = field(default_factory=dict)  # field key -> header text in the file
    problems: tuple[str, ...] = ()  # file-level: nothing can be imported while there is one
    notes: tuple[str, ...] = ()  # file-level information (ignored columns, footer rows skipped)
    ignored_rows: tuple[int, ...] = ()  # sheet row numbers of footer/heading rows skipped

    @property
    def ok_count(self) -> int:
        return sum(1 for row in self.rows if row.status == STATUS_OK)

    @property
    def warning_count(self) -> int:
        return sum(1 for row in self.rows if row.status == STATUS_WARNING)

    @property
    def rejected_count(self) -> int:
        return sum(1 for row in self.rows if row.status == STATUS_REJECTED)

    @property
    def can_import(self) -> bool:
        return not self.problems and any(row.importable for row in self.rows)

    def valid_records(self) -> list[ParticipantRecord]:
        """Records of the rows that may be imported (status ok or peringatan), in sheet order."""
        if self.problems:
            return []
        return [row.record for row in self.rows if row.importable]

    def summary(self) -> str:
        """ "12 baris: 9 siap diimpor, 2 dengan peringatan, 1 ditolak"."""
        text = (
            f"{len(self.rows)} baris: {self.ok_count} siap diimpor, {self.warning_count} dengan peringatan, "
            f"{self.rejected_count} ditolak"
        )
        updates = sum(1 for row in self.rows if row.status == STATUS_UPDATE)
        skipped = sum(1 for row in self.rows if row.status == STATUS_SKIPPED)
        if updates:
            text += f", {updates} diperbarui"
        if skipped:
            text += f", {skipped} dilewati"
        return text


# --------------------------------------------------------------------------- row classification


def _text(value: CellValue) -> str:
    """cell_text() with the common case (a text cell) done here."""
    if value.__class__ is str:
        return " ".join(value.split())  # type: ignore[union-attr]
    return "" if value is None else cell_text(value)


class _Row:
    """Access to one row's cells by field key; a cell becomes text only when a check asks for it."""

    __slots__ = ("cells", "values")

    def __init__(self, cells: Sequence[CellValue], columns: dict[str, int]) -> None:
        self.cells = cells
        width = len(cells)
        self.values = {key: cells[col] for key, col in columns.items() if col < width}

    def raw(self, key: str) -> CellValue:
        return self.values.get(key)

    def text(self, key: str) -> str:
        return _text(self.values.get(key))

    def filled(self) -> list[int]:
        """Indexes of the non-empty cells."""
        return [
            col
            for col, value in enumerate(self.cells)
            if value is not None and (value.__class__ is not str or not value.isspace() and value)
        ]


# Few distinct values per file: the cleaning of golongan and sex is remembered per value.
_golongan_of = lru_cache(maxsize=1024, typed=True)(normalize_golongan)
_sex_of = lru_cache(maxsize=256, typed=True)(clean_sex)


def _is_footer_marker(text: str) -> bool:
    normal = normalize_header(text)
    if any(normal == word or normal.startswith(word + " ") for word in _FOOTER_WORDS):
        return True
    # A place-and-date line above a signature: "Semarang, 12 Maret 2025", "12-03-2025".
    found = find_date_in_text(text)
    return found is not None and len(text) - (found[2] - found[1]) <= 40


def _has_nip_like_value(row: _Row) -> bool:
    value = row.raw("nip")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return abs(value) >= 1e8
    return len(re.sub(r"\D", "", cell_text(value))) >= 9


def _row_kind(row: _Row, match: HeaderMatch, no_col: int | None) -> str:
    """What a row is: "empty", "data", "repeat" (the header again), "sparse" (one or two cells, no NIP)
    or "marker" (a sparse row that looks like a footer: "Jumlah", "Mengetahui", a place-and-date line)."""
    filled = row.filled()
    if len(filled) > 3:  # more than two cells besides a number: a person (or the header again)
        return "repeat" if _is_repeated_header(row, match) else "data"
    if no_col is not None and no_col in filled and _is_sequence_number(row.cells[no_col]):
        filled.remove(no_col)  # a template row numbered in advance but never filled in
    if not filled:
        return "empty"
    if _is_repeated_header(row, match):
        return "repeat"
    nip_text = row.text("nip")
    if len(filled) <= 2 and nip_text[:3].lower() == "nip":
        return "marker"  # "NIP. 19700101 199503 1 002" under a signature
    if nip_text or len(filled) > 2:
        return "data"
    return "marker" if _is_footer_marker(cell_text(row.cells[filled[0]])) else "sparse"


def _is_sequence_number(value: CellValue) -> bool:
    return bool(re.fullmatch(r"\d{1,6}\.?", cell_text(value)))


def _is_repeated_header(row: _Row, match: HeaderMatch) -> bool:
    """The header row again (printed pages, pasted blocks): its NIP cell holds the NIP column's title."""
    nip_col = match.columns.get("nip")
    value = row.raw("nip")
    if nip_col is None or not isinstance(value, str) or value[:1].isdigit() or any(c.isdigit() for c in value):
        return False
    return normalize_header(value) == normalize_header(match.headers.get(nip_col, ""))


# --------------------------------------------------------------------------- verdicts


def _birth_fields(row: _Row) -> tuple[str, date | None, str]:
    """(place, date, original text of the date) from the birth columns, whichever are present."""
    values = row.values
    if "tempat_lahir" not in values and "tanggal_lahir" not in values and "tempat_tanggal_lahir" not in values:
        return "", None, ""
    place = row.text("tempat_lahir")
    born = cell_date(row.raw("tanggal_lahir"))
    born_text = row.text("tanggal_lahir")
    combined = row.raw("tempat_tanggal_lahir")
    if not is_blank(combined):
        if isinstance(combined, str):
            found = find_date_in_text(cell_text(combined))
            text = cell_text(combined)
            if found:
                born = born or found[0]
                born_text = born_text or text[found[1] : found[2]]
                place = place or text[: found[1]].strip(" ,/-;")
            else:
                place = place or text.strip(" ,/-;")
        else:
            born = born or cell_date(combined)
            born_text = born_text or cell_text(combined)
    return place, born, born_text


def _judge_row(
    row: _Row, row_number: int, first_row_of_nip: dict[str, int], existing_nips: set[str],
    problem: str | None = None,
) -> RowVerdict:
    errors: list[str] = [problem] if problem else []
    warnings: list[str] = []
    get = row.values.get

    nip, nip_problem = clean_nip(get("nip"))
    info: NipInfo | None = None
    if nip_problem:
        errors.append(nip_problem)
    elif not nip:
        errors.append("NIP kosong")
    else:
        try:
            info = parse_nip(nip)
        except NipError as exc:
            errors.append(f"NIP tidak sah: {exc}")
        else:
            if info.warnings:
                warnings.extend(f"NIP: {warning}" for warning in info.warnings)
    if nip and not nip_problem:
        if nip in first_row_of_nip:
            errors.append(f"NIP {format_nip(nip)} sudah ada di baris {first_row_of_nip[nip]} berkas ini")
        else:
            first_row_of_nip[nip] = row_number
            if nip in existing_nips:
                errors.append(f"NIP {format_nip(nip)} sudah terdaftar sebagai peserta kegiatan ini")

    name = _text(get("nama"))
    if not name:
        errors.append("Nama kosong")

    golongan: str | None = None
    golongan_raw = get("golongan")
    golongan_text = _text(golongan_raw)
    pangkat_text = _text(get("pangkat"))
    if golongan_text:
        golongan = _golongan_of(golongan_raw)
        if golongan is None:
            errors.append(f"Golongan/ruang '{golongan_text}' tidak dikenal")
        elif pangkat_text:
            from_pangkat = _golongan_of(pangkat_text)
            if from_pangkat and from_pangkat != golongan:
                warnings.append(f"Pangkat '{pangkat_text}' tidak sesuai dengan golongan {golongan}")
    elif pangkat_text:
        golongan = _golongan_of(pangkat_text)
        if golongan is None:
            errors.append(f"Pangkat/golongan '{pangkat_text}' tidak dikenal")
    else:
        warnings.append("Golongan/ruang kosong")

    sex = info.sex if info else None
    sex_text = _text(get("jenis_kelamin"))
    if sex_text:
        stated = _sex_of(sex_text)
        if stated is None:
            warnings.append(f"Jenis kelamin '{sex_text}' tidak dikenal; dipakai data dari NIP")
        else:
            if info and stated != info.sex:
                warnings.append(
                    f"Jenis kelamin '{sex_text}' berbeda dengan NIP ({_SEX_WORDS[info.sex]}); "
                    "dipakai isian kolom jenis kelamin"
                )
            sex = stated

    place, stated_birth, birth_text = _birth_fields(row)
    birth = info.birth_date if info else stated_birth
    if info and stated_birth and stated_birth != info.birth_date:
        warnings.append(
            f"Tanggal lahir '{birth_text}' berbeda dengan NIP ({info.birth_date.strftime('%d-%m-%Y')}); "
            "dipakai tanggal dari NIP"
        )
    elif birth_text and stated_birth is None and not info:
        warnings.append(f"Tanggal lahir '{birth_text}' tidak terbaca")

    phone_raw = get("no_hp")
    phone, phone_warning = clean_phone(phone_raw)
    if not _text(phone_raw):
        warnings.append("No. HP/WA kosong")
    elif phone_warning:
        warnings.append(phone_warning)

    email_text = _text(get("email"))
    email = email_text.replace(" ", "")
    if email and not is_valid_email(email):
        warnings.append(f"Alamat email '{email_text}' tidak sah")

    record = ParticipantRecord(
        nip=nip,
        name=name,
        sex=sex,
        birth_date=birth,
        birth_place=place,
        golongan=golongan,
        jabatan=_text(get("jabatan")),
        unit=_text(get("unit")),
        agency=_text(get("instansi")),
        phone=phone,
        email=email,
        target_jabatan=_text(get("jabatan_sasaran")),
    )
    errors.extend(_too_long(record))
    status = STATUS_REJECTED if errors else STATUS_WARNING if warnings else STATUS_OK
    return RowVerdict(row_number, status, tuple(errors), tuple(warnings), record)


_SHORTEST_LIMIT = min(PARTICIPANT_FIELD_LENGTHS.values())
_RECORD_ATTRIBUTE = {
    "nama": "name", "tempat_lahir": "birth_place", "jabatan": "jabatan", "unit": "unit", "instansi": "agency",
    "no_hp": "phone", "email": "email", "jabatan_sasaran": "target_jabatan",
}


def _too_long(record: ParticipantRecord) -> list[str]:
    """A sentence per value longer than its database column (the same limit on SQLite and PostgreSQL)."""
    r = record
    if max(len(r.name), len(r.birth_place), len(r.jabatan), len(r.unit), len(r.agency), len(r.phone), len(r.email),
           len(r.target_jabatan)) <= _SHORTEST_LIMIT:
        return []  # the usual row: nothing near any limit
    found = (
        too_long(FIELD_LABELS.get(key, key), getattr(record, _RECORD_ATTRIBUTE[key]), limit)
        for key, limit in PARTICIPANT_FIELD_LENGTHS.items()
    )
    return [sentence for sentence in found if sentence]


def _describe_rows(numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return f"Baris {numbers[0]}"
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"Baris {numbers[0]}-{numbers[-1]}"
    return "Baris " + ", ".join(str(number) for number in numbers)


PROGRESS_EVERY = 2000


def parse_participant_rows(sheet: RawSheet, existing_nips: Iterable[str] = frozenset()) -> ImportPreview:
    """Find the header, then judge every data row of a participant sheet (see iter_participant_rows)."""
    work = iter_participant_rows(sheet, existing_nips)
    while True:
        try:
            next(work)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


def iter_participant_rows(
    sheet: RawSheet, existing_nips: Iterable[str] = frozenset()
) -> Generator[tuple[int, int, str], None, ImportPreview]:
    """Find the header, then judge every data row of a participant sheet.

    Fully empty rows (also rows numbered in advance but never filled) are skipped silently. Rows with
    no NIP and at most two filled cells are headings or footers and are skipped, listed in ignored_rows:
    everything from a footer marker ("Jumlah", "Mengetahui", a place-and-date line, "Kepala ...", a
    signature's "NIP. ...") on when no NIP follows, short rows after the last data row (signature
    names), and short rows inside the table unless their name cell is filled (then they are judged, so
    a person without NIP is rejected rather than lost). A repeated header row is skipped.
    existing_nips are the NIPs already registered in the event, in any spelling.
    A generator: it yields (done, total, message) every PROGRESS_EVERY rows and returns the preview.
    """
    existing = {normalize_nip(nip) for nip in existing_nips}  # "19860926 201505 1 001" works too
    match = find_header(sheet.rows, PARTICIPANT_FIELDS)
    header_number = sheet.row_number(match.header_index) if match.header_index is not None else None
    columns = {key: sheet.column_letter(col) for key, col in match.columns.items()}
    base: dict[str, Any] = {
        "source_name": sheet.source_name,
        "sheet_name": sheet.sheet_name,
        "column_headers": {key: match.headers.get(col, "") for key, col in match.columns.items()},
    }
    problem = match.problem(header_number)
    if problem:
        return ImportPreview(
            **base, header_row_number=header_number, columns=columns, rows=(), problems=(problem,)
        )

    data_cols = dict(match.columns)
    no_col = data_cols.get("no")
    rows = [_Row(cells, data_cols) for cells in sheet.rows[match.data_start :]]
    kinds = [_row_kind(row, match, no_col) for row in rows]
    # From a footer marker on, the rest is footer, unless a row with an NIP-like value still follows.
    # (NIP-like values are only looked for after a marker: most files have none.)
    for index, kind in enumerate(kinds):
        if kind == "marker" and not any(
            later == "data" and _has_nip_like_value(row)
            for row, later in zip(rows[index + 1 :], kinds[index + 1 :], strict=True)
        ):
            kinds[index:] = ["empty" if kind == "empty" else "footer" for kind in kinds[index:]]
            break
    last_data = max((i for i, kind in enumerate(kinds) if kind == "data"), default=-1)

    verdicts: list[RowVerdict] = []
    ignored: list[int] = []
    first_row_of_nip: dict[str, int] = {}
    total = len(rows)
    for offset, (row, kind) in enumerate(zip(rows, kinds, strict=True)):
        if offset % PROGRESS_EVERY == 0 and offset:
            yield offset, total, f"Memeriksa baris {offset} dari {total}..."
        number = sheet.row_number(match.data_start + offset)
        if kind == "empty":
            continue
        # A short row inside the table with something in the name column is a person with gaps.
        sparse_person = kind in ("sparse", "marker") and offset < last_data and not is_blank(row.raw("nama"))
        if kind == "data" or sparse_person:
            problem = sheet.row_problems.get(match.data_start + offset)
            verdicts.append(_judge_row(row, number, first_row_of_nip, existing, problem))
        else:
            ignored.append(number)

    notes: list[str] = list(sheet.notes)
    unused = [
        f"{sheet.column_letter(col)} ({text})"
        for col, text in match.unmatched_columns()
        if normalize_header(text)
    ]
    if unused:
        notes.append("Kolom yang tidak dipakai: " + ", ".join(unused) + ".")
    if "no_hp" not in match.columns:
        notes.append("Kolom No. HP/WA tidak ada; nomor HP peserta perlu dilengkapi setelah impor.")
    if ignored:
        notes.append(f"{_describe_rows(ignored)} dianggap judul bagian atau catatan penutup dan dilewati.")
    problems: tuple[str, ...] = ()
    if not verdicts:
        problems = (f"Tidak ada baris data peserta di bawah judul kolom (baris {header_number}).",)
    return ImportPreview(
        **base,
        header_row_number=header_number,
        columns=columns,
        rows=tuple(verdicts),
        problems=problems,
        notes=tuple(notes),
        ignored_rows=tuple(ignored),
    )
