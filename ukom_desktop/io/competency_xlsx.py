"""Excel round trip of the competency formulation: the dictionary, positions' standards and an event's matrix.

Export writes up to three sheets with xlsx_writer (title rows, frozen bold header):
- "Kamus Kompetensi": one row per competency level (Kode, Nama Kompetensi, Kelompok, Definisi, Level Maksimal,
  Level, Deskripsi Level, Indikator Perilaku - one indicator per line);
- "Standar Jabatan": one row per position x competency (Jabatan, Jenjang, Unit Kerja, Kode Kompetensi,
  Nama Kompetensi, Level Standar);
- "Matriks Alat Ukur": competencies down, one column per exercise code, "√" where it measures it; the event
  code is in the subtitle line "Kegiatan: CODE - name".

Import reads every sheet of a workbook (ours, or an agency's own dictionary laid out differently), decides
by its headers what each sheet holds, and returns a CompetencyImport: parsed data and per-row issues in
Bahasa Indonesia. Nothing here touches the database; services/competency_transfer.py applies an import
only when it has no error, so nothing is ever half-imported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ukom_desktop.domain import kamus
from ukom_desktop.io.cell_values import CellValue, cell_text, is_blank
from ukom_desktop.io.competency_dictionary_rows import (
    DICTIONARY_SPECS,
    ImportIssue,
    KnownCompetency,
    ParsedCompetency,
    looks_like_dictionary,
    parse_dictionary_sheet,
)
from ukom_desktop.io.header_matching import FieldSpec, HeaderMatch, find_header, normalize_header
from ukom_desktop.io.spreadsheet_reader import RawSheet, SpreadsheetError, list_sheets, read_table
from ukom_desktop.io.xlsx_writer import TableColumn, TableSheet, write_table_workbook

TICK = "\u221a"
SHEET_DICTIONARY = "Kamus Kompetensi"
SHEET_STANDARDS = "Standar Jabatan"
SHEET_MATRIX = "Matriks Alat Ukur"
TICKED = {"v", "x", "1", "ya", "y", "yes", "true", "√", "✓", "✔", "●", "•", "o"}
UNTICKED = {"", "-", "0", "tidak", "t", "no", "false"}
_NOT_EXERCISES = {"no", "nomor", "jumlah", "keterangan", "catatan", "total", "jumlah alat ukur"}
_CODE_LIKE = re.compile(r"[A-Za-z]{1,3}\.\d{1,3}")
_EVENT_LINE = re.compile(r"kegiatan\s*:\s*(\S+)", re.IGNORECASE)

STANDARD_SPECS = (
    FieldSpec("position", "Jabatan", ("Nama Jabatan", "Jabatan Sasaran"), True),
    FieldSpec("job_level", "Jenjang", ("Jenjang Jabatan", "Eselon", "Tingkat Jabatan", "Kelas Jabatan")),
    FieldSpec("unit", "Unit Kerja", ("Unit", "Satuan Kerja")),
    FieldSpec("code", "Kode Kompetensi", ("Kode",)),
    FieldSpec("name", "Nama Kompetensi", ("Kompetensi",)),
    FieldSpec("level", "Level Standar", ("Standar", "Level", "Level Standar Kompetensi", "Level yang Dipersyaratkan",
                                         "Standar Level"), True),
)
MATRIX_SPECS = (
    FieldSpec("number", "No", ("No.", "Nomor")),
    FieldSpec("code", "Kode Kompetensi", ("Kode",)),
    FieldSpec("name", "Nama Kompetensi", ("Kompetensi",)),
)


# ------------------------------------------------------------------ parsed results


@dataclass
class ParsedStandard:
    position: str
    job_level: str  # job level code, "" when the position exists and the file does not say
    unit: str
    row: int
    levels: dict[str, Decimal] = field(default_factory=dict)  # competency code -> level
    position_id: int | None = None
    sheet: str = SHEET_STANDARDS
    rows: dict[str, int] = field(default_factory=dict)  # competency code -> sheet row number


@dataclass
class ParsedMatrix:
    event_code: str
    exercises: list[str]  # exercise codes in column order
    cells: set[tuple[str, str]] = field(default_factory=set)  # (exercise code, competency code)
    competencies: list[str] = field(default_factory=list)
    sheet: str = SHEET_MATRIX
    rows: dict[str, int] = field(default_factory=dict)  # competency code -> sheet row number


@dataclass(frozen=True)
class KnownData:
    """What the database already holds, for matching names and checking ranges."""

    competencies: Mapping[str, KnownCompetency]
    exercises: Mapping[str, str]  # code -> name
    positions: Mapping[tuple[str, str], int]  # (normalised name, job level code) -> id
    job_levels: Mapping[str, str]  # normalised name or code -> job level code
    events: frozenset[str] = frozenset()
    default_max_level: int = 5

    def name_lookup(self) -> dict[str, str]:
        lookup: dict[str, str] = {}
        for code, comp in self.competencies.items():
            lookup.setdefault(normalize_header(comp.name), code)
            for alias in comp.aliases:
                lookup.setdefault(normalize_header(alias), code)
        for alias, canonical in kamus.ALIASES.items():  # spellings seen in many agencies' forms
            found = kamus.find_competency_code(canonical)
            if found is not None and found in self.competencies:
                lookup.setdefault(normalize_header(alias), found)
        return lookup


@dataclass
class CompetencyImport:
    source: str
    competencies: list[ParsedCompetency] = field(default_factory=list)
    standards: list[ParsedStandard] = field(default_factory=list)
    matrices: list[ParsedMatrix] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)
    sheets: list[tuple[str, str]] = field(default_factory=list)  # (sheet name, what it held)

    @property
    def errors(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.competencies or self.standards or self.matrices)

    def summary(self) -> str:
        parts = []
        if self.competencies:
            new = sum(1 for c in self.competencies if c.is_new)
            parts.append(f"{len(self.competencies)} kompetensi ({new} baru)")
        if self.standards:
            parts.append(f"standar {len(self.standards)} jabatan")
        if self.matrices:
            parts.append(f"matriks {len(self.matrices)} kegiatan")
        found = ", ".join(parts) if parts else "tidak ada data kompetensi yang dikenali"
        verdict = (f"{len(self.errors)} galat: tidak ada yang diimpor sampai galat diperbaiki"
                   if self.errors else "siap diimpor")
        return f"{self.source}: {found}; {verdict}."


# ------------------------------------------------------------------ export


def dictionary_sheet(competencies: Sequence[object]) -> TableSheet:
    """Rows of CompetencyInfo-like objects (code, name, group_label, definition, max_level, levels)."""
    rows = []
    for comp in competencies:
        levels = getattr(comp, "levels", ()) or ()
        base = [comp.code, comp.name, comp.group_label, comp.definition, comp.max_level]  # type: ignore[attr-defined]
        if not levels:
            rows.append([*base, None, "", ""])
        for lv in levels:
            rows.append([*base, lv.level, lv.description, "\n".join(lv.indicators)])
    columns = [
        TableColumn.text("Kode", 9), TableColumn("Nama Kompetensi", width=28), TableColumn("Kelompok", width=16),
        TableColumn("Definisi", width=45, wrap=True), TableColumn("Level Maksimal", "0", 9),
        TableColumn("Level", "0", 7), TableColumn("Deskripsi Level", width=45, wrap=True),
        TableColumn("Indikator Perilaku", width=60, wrap=True),
    ]
    return TableSheet("Kamus Kompetensi", columns, rows, ("Satu baris untuk setiap level kompetensi.",),
                      sheet_name=SHEET_DICTIONARY, max_width=60)


def standards_sheet(positions: Sequence[tuple[str, str, str, Sequence[tuple[str, str, Decimal]]]]) -> TableSheet:
    """(position name, job level name, unit, [(competency code, competency name, level)]) per position."""
    rows = [
        [name, job_level, unit, code, comp_name, float(level)]
        for name, job_level, unit, lines in positions
        for code, comp_name, level in lines
    ]
    columns = [TableColumn("Jabatan", width=36), TableColumn("Jenjang", width=16), TableColumn("Unit Kerja", width=24),
               TableColumn.text("Kode Kompetensi", 10), TableColumn("Nama Kompetensi", width=30),
               TableColumn("Level Standar", "0.##", 10)]
    return TableSheet("Standar Kompetensi Jabatan", columns, rows,
                      ("Satu baris untuk setiap kompetensi yang dipersyaratkan jabatan.",),
                      sheet_name=SHEET_STANDARDS)


def matrix_sheet(event_code: str, event_name: str, exercises: Sequence[tuple[str, str]],
                 competencies: Sequence[tuple[str, str]], cells: set[tuple[str, str]]) -> TableSheet:
    """Competencies down, exercise codes across; cells are (exercise code, competency code)."""
    rows = []
    for number, (code, name) in enumerate(competencies, start=1):
        ticks = [TICK if (ex, code) in cells else "" for ex, _ in exercises]
        rows.append([number, code, name, *ticks, sum(1 for t in ticks if t)])
    columns = [TableColumn("No", "0", 5), TableColumn.text("Kode Kompetensi", 10),
               TableColumn("Nama Kompetensi", width=32),
               *(TableColumn(code, width=max(6, len(code) + 2)) for code, _ in exercises),
               TableColumn("Jumlah", "0", 8)]
    legend = "; ".join(f"{code} = {name}" for code, name in exercises)
    return TableSheet("Matriks Alat Ukur dan Kompetensi", columns, rows,
                      (f"Kegiatan: {event_code} - {event_name}", f"Alat ukur: {legend}"), sheet_name=SHEET_MATRIX,
                      landscape=True)


def write_competency_workbook(path: str | Path, sheets: Sequence[TableSheet]) -> Path:
    return write_table_workbook(path, sheets)


# ------------------------------------------------------------------ import


def read_competency_workbook(path: str | Path, known: KnownData, *, event_code: str | None = None) -> CompetencyImport:
    """Parse every sheet of the workbook; raises SpreadsheetError when the file cannot be read at all."""
    path = Path(path)
    result = CompetencyImport(source=path.name)
    lookup = known.name_lookup()
    later = []  # standards and matrices may name competencies of a dictionary sheet anywhere in the file
    for sheet_name in list_sheets(path):
        try:
            sheet = read_table(path, sheet_name)
        except SpreadsheetError:
            continue  # an empty sheet: nothing to import from it
        dictionary = find_header(sheet.rows, DICTIONARY_SPECS)
        standard = find_header(sheet.rows, STANDARD_SPECS)
        if standard.ok and (standard.has("code") or standard.has("name")):
            later.append((sheet, "standar jabatan", standard))
        elif looks_like_dictionary(dictionary):
            result.sheets.append((sheet.sheet_name, "kamus kompetensi"))
            result.competencies.extend(parse_dictionary_sheet(
                sheet, dictionary, known.competencies, lookup, known.default_max_level, result.issues))
        else:
            matrix = find_header(sheet.rows, MATRIX_SPECS)
            if matrix.header_index is not None and (matrix.has("code") or matrix.has("name")) and _exercise_columns(
                matrix, known
            ):
                later.append((sheet, "matriks alat ukur", matrix))
    for comp in result.competencies:
        lookup.setdefault(normalize_header(comp.name), comp.code)
    for sheet, kind, match in later:
        result.sheets.append((sheet.sheet_name, kind))
        if kind == "standar jabatan":
            _parse_standards(sheet, match, known, lookup, result)
        else:
            _parse_matrix(sheet, match, known, lookup, result, event_code)
    if not result.sheets:
        result.issues.append(ImportIssue(
            path.name, None, "error",
            "Tidak ada lembar yang dikenali sebagai kamus kompetensi, standar jabatan, atau matriks alat ukur. "
            "Kamus memerlukan kolom Nama Kompetensi dan Level (atau Level 1, Level 2, ...); standar jabatan "
            "memerlukan kolom Jabatan, Kompetensi dan Level Standar.",
        ))
    _check_references(result, known)
    return result


def _value(row: Sequence[CellValue], match: HeaderMatch, key: str) -> CellValue:
    col = match.columns.get(key)
    return row[col] if col is not None and col < len(row) else None


def _competency_code(row: Sequence[CellValue], match: HeaderMatch, lookup: Mapping[str, str]) -> tuple[str, str]:
    """(code, text as written) of the competency named on a row; code "" when unknown."""
    code = cell_text(_value(row, match, "code")).upper().replace(" ", "")
    name = cell_text(_value(row, match, "name"))
    if code:
        return code, code
    if _CODE_LIKE.fullmatch(name):
        return name.upper(), name
    return lookup.get(normalize_header(name), ""), name


def _parse_level(value: CellValue) -> Decimal | None:
    if isinstance(value, bool) or is_blank(value):
        return None
    text = cell_text(value).replace(",", ".")
    text = re.sub(r"^(level|tingkat)\s*", "", text, flags=re.IGNORECASE)
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _parse_standards(sheet: RawSheet, match: HeaderMatch, known: KnownData, lookup: Mapping[str, str],
                     result: CompetencyImport) -> None:
    name = sheet.sheet_name
    by_position: dict[tuple[str, str, str], ParsedStandard] = {}
    rows_of: dict[tuple[tuple[str, str, str], str], int] = {}
    last_position = ""
    last_level_text = ""
    for index in range(match.data_start, len(sheet.rows)):
        row = sheet.rows[index]
        row_no = sheet.row_number(index)
        if all(is_blank(v) for v in row):
            continue
        position = cell_text(_value(row, match, "position")) or last_position  # merged cells
        level_text = cell_text(_value(row, match, "job_level")) or (last_level_text if not cell_text(
            _value(row, match, "position")) else "")
        last_position, last_level_text = position, level_text
        code, written = _competency_code(row, match, lookup)
        if not position:
            result.issues.append(ImportIssue(name, row_no, "error", "Nama jabatan kosong."))
            continue
        if not code:
            result.issues.append(ImportIssue(name, row_no, "error", f"Kompetensi '{written}' tidak dikenal."
                                             if written else "Kode atau nama kompetensi kosong."))
            continue
        job_level = ""
        if level_text:
            job_level = known.job_levels.get(normalize_header(level_text), "")
            if not job_level:
                result.issues.append(ImportIssue(name, row_no, "error", f"Jenjang jabatan '{level_text}' tidak dikenal."))
                continue
        unit = cell_text(_value(row, match, "unit"))
        key = (normalize_header(position), job_level, unit.casefold())
        parsed = by_position.get(key)
        if parsed is None:
            parsed = ParsedStandard(position, job_level, unit, row_no, sheet=name)
            by_position[key] = parsed
        raw_level = _value(row, match, "level")
        level = _parse_level(raw_level)
        if level is None:
            if is_blank(raw_level):
                continue  # not required by this position
            result.issues.append(ImportIssue(name, row_no, "error",
                                             f"Level standar '{cell_text(raw_level)}' untuk {code} bukan angka."))
            continue
        if (key, code) in rows_of:
            result.issues.append(ImportIssue(name, row_no, "error",
                                             f"Kompetensi {code} untuk jabatan {position} tercantum dua kali "
                                             f"(juga pada baris {rows_of[(key, code)]})."))
            continue
        rows_of[(key, code)] = row_no
        parsed.levels[code] = level
        parsed.rows[code] = row_no
        parsed.row = min(parsed.row, row_no)
    for parsed in by_position.values():
        parsed.position_id = _position_id(parsed, known)
        if parsed.position_id is None and not parsed.job_level:
            result.issues.append(ImportIssue(name, parsed.row, "error",
                                             f"Jabatan {parsed.position} belum ada; isi kolom Jenjang agar dapat dibuat."))
    result.standards.extend(by_position.values())


def _position_id(parsed: ParsedStandard, known: KnownData) -> int | None:
    key = normalize_header(parsed.position)
    if parsed.job_level:
        return known.positions.get((key, parsed.job_level))
    matches = [pid for (name, _jl), pid in known.positions.items() if name == key]
    return matches[0] if len(matches) == 1 else None


def _exercise_columns(match: HeaderMatch, known: KnownData) -> dict[int, str]:
    by_name = {normalize_header(name): code for code, name in known.exercises.items()}
    by_code = {normalize_header(code): code for code in known.exercises}
    columns: dict[int, str] = {}
    for col, text in match.unmatched_columns():
        key = normalize_header(text)
        if key in _NOT_EXERCISES:
            continue
        columns[col] = by_code.get(key) or by_name.get(key) or f"?{text}"
    return columns if any(not code.startswith("?") for code in columns.values()) else {}


def _parse_matrix(sheet: RawSheet, match: HeaderMatch, known: KnownData, lookup: Mapping[str, str],
                  result: CompetencyImport, event_code: str | None) -> None:
    name = sheet.sheet_name
    header_row = sheet.row_number(match.header_index or 0)
    code = event_code or ""
    if not code:
        for row in sheet.rows[: match.header_index]:
            for value in row:
                found = _EVENT_LINE.search(cell_text(value))
                if found:
                    code = found.group(1)
                    break
            if code:
                break
    if not code:
        result.issues.append(ImportIssue(name, header_row, "error",
                                         "Kegiatan matriks tidak diketahui: tulis 'Kegiatan: KODE' di atas tabel atau "
                                         "pilih kegiatannya saat mengimpor."))
        return
    if code not in known.events:
        result.issues.append(ImportIssue(name, header_row, "error", f"Kegiatan {code} tidak ditemukan."))
        return
    columns = _exercise_columns(match, known)
    for _col, ex in columns.items():
        if ex.startswith("?"):
            result.issues.append(ImportIssue(name, header_row, "error", f"Alat ukur '{ex[1:]}' tidak dikenal."))
    parsed = ParsedMatrix(code, [ex for _c, ex in sorted(columns.items()) if not ex.startswith("?")], sheet=name)
    seen: dict[str, int] = {}
    for index in range(match.data_start, len(sheet.rows)):
        row = sheet.rows[index]
        row_no = sheet.row_number(index)
        if all(is_blank(v) for v in row):
            continue
        comp, written = _competency_code(row, match, lookup)
        if not comp:
            result.issues.append(ImportIssue(name, row_no, "error", f"Kompetensi '{written}' tidak dikenal."
                                             if written else "Kode atau nama kompetensi kosong."))
            continue
        if comp in seen:
            result.issues.append(ImportIssue(name, row_no, "error",
                                             f"Kompetensi {comp} tercantum dua kali (juga pada baris {seen[comp]})."))
            continue
        seen[comp] = row_no
        parsed.competencies.append(comp)
        parsed.rows[comp] = row_no
        for col, ex in columns.items():
            if ex.startswith("?"):
                continue
            value = row[col] if col < len(row) else None
            text = cell_text(value).casefold()
            if text in TICKED:
                parsed.cells.add((ex, comp))
            elif text not in UNTICKED:
                result.issues.append(ImportIssue(name, row_no, "error",
                                                 f"Isi sel '{cell_text(value)}' pada kolom {ex} tidak dipahami; "
                                                 f"gunakan {TICK} atau v untuk dicentang dan kosongkan bila tidak."))
    result.matrices.append(parsed)


def _check_references(result: CompetencyImport, known: KnownData) -> None:
    """Standards and matrices may only name competencies known or imported; levels within their range."""
    max_levels = {code: comp.max_level for code, comp in known.competencies.items()}
    max_levels.update({comp.code: comp.max_level for comp in result.competencies})
    for parsed in result.standards:
        for code, level in list(parsed.levels.items()):
            if code not in max_levels:
                result.issues.append(ImportIssue(parsed.sheet, parsed.rows.get(code), "error",
                                                 f"Kompetensi {code} pada jabatan {parsed.position} tidak dikenal."))
            elif not 1 <= level <= max_levels[code]:
                result.issues.append(ImportIssue(
                    parsed.sheet, parsed.rows.get(code), "error",
                    f"Level {level.normalize():f} untuk {code} pada jabatan {parsed.position} di luar rentang 1 "
                    f"sampai {max_levels[code]}."))
    for matrix in result.matrices:
        for code in matrix.competencies:
            if code not in max_levels:
                result.issues.append(ImportIssue(matrix.sheet, matrix.rows.get(code), "error",
                                                 f"Kompetensi {code} pada matriks {matrix.event_code} tidak dikenal."))
