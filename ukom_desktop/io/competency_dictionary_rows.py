"""Reading a competency dictionary sheet tolerantly: our own export and an agency's own workbook.

Accepted layouts (headers matched by io/header_matching, title rows above allowed):
- one row per competency level: Kode | Nama Kompetensi | Kelompok | Definisi | Level | Deskripsi Level |
  Indikator Perilaku; the competency cells may be merged (left blank) on its later level rows, and a row
  with only an indicator adds that indicator to the level above it;
- one row per competency with a column per level: Kode | Kompetensi | Definisi | Level 1 | Level 2 | ...

Every problem is an ImportIssue with the sheet row number, in Bahasa Indonesia.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ukom_desktop.io.cell_values import CellValue, cell_text, is_blank
from ukom_desktop.io.header_matching import FieldSpec, HeaderMatch, normalize_header
from ukom_desktop.io.spreadsheet_reader import RawSheet

Severity = Literal["error", "warning"]
MAX_LEVEL_LIMIT = 10
WIDE_LEVELS = 10

GROUP_WORDS: dict[str, str] = {
    "manajerial": "manajerial",
    "managerial": "manajerial",
    "sosial kultural": "sosial_kultural",
    "sosialkultural": "sosial_kultural",
    "sosial budaya": "sosial_kultural",
    "sosio kultural": "sosial_kultural",
    "teknis": "teknis",
    "technical": "teknis",
    "bidang": "teknis",
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


@dataclass(frozen=True)
class ImportIssue:
    sheet: str
    row: int | None  # sheet row number a user sees; None for a sheet-level problem
    severity: Severity
    message: str

    def text(self) -> str:
        where = f"{self.sheet}, baris {self.row}" if self.row else self.sheet
        return f"[{where}] {self.message}"


@dataclass(frozen=True)
class KnownCompetency:
    code: str
    name: str
    max_level: int
    aliases: tuple[str, ...] = ()


@dataclass
class ParsedLevel:
    level: int
    description: str = ""
    indicators: list[str] = field(default_factory=list)


@dataclass
class ParsedCompetency:
    code: str
    name: str
    group: str
    definition: str
    max_level: int
    row: int
    levels: dict[int, ParsedLevel] = field(default_factory=dict)
    is_new: bool = True
    group_given: bool = True


def _roman(number: int) -> str:
    return next(k for k, v in _ROMAN.items() if v == number).upper()


DICTIONARY_SPECS = (
    FieldSpec("code", "Kode", ("Kode Kompetensi", "Kode Komp", "No Kompetensi", "ID Kompetensi"), False),
    FieldSpec("name", "Nama Kompetensi", ("Kompetensi", "Nama", "Judul Kompetensi"), True),
    FieldSpec("group", "Kelompok", ("Kelompok Kompetensi", "Jenis Kompetensi", "Jenis", "Kategori", "Rumpun")),
    FieldSpec("definition", "Definisi", ("Definisi Kompetensi", "Uraian Kompetensi", "Deskripsi Kompetensi",
                                         "Pengertian")),
    FieldSpec("max_level", "Level Maksimal", ("Level Maks", "Level Maksimum", "Jumlah Level", "Level Tertinggi")),
    FieldSpec("level", "Level", ("Tingkat", "Level Kompetensi", "Tingkat Kompetensi", "No Level")),
    FieldSpec("description", "Deskripsi Level", ("Uraian Level", "Deskripsi", "Uraian", "Deskripsi Tingkat",
                                                 "Penjelasan Level", "Deskripsi Level Kompetensi")),
    FieldSpec("indicators", "Indikator Perilaku", ("Indikator", "Indikator Kompetensi", "Perilaku",
                                                   "Indikator Perilaku Kunci")),
    *(FieldSpec(f"level_{n}", f"Level {n}", (f"Tingkat {n}", f"Level {_roman(n)}")) for n in range(1, WIDE_LEVELS + 1)),
)


def looks_like_dictionary(match: HeaderMatch) -> bool:
    wide = any(match.has(f"level_{n}") for n in range(1, WIDE_LEVELS + 1))
    return match.ok and (match.has("level") or wide or match.has("definition")) and (
        match.has("description") or match.has("indicators") or wide or match.has("definition")
    )


def parse_group(text: str) -> str | None:
    key = normalize_header(text)
    if not key:
        return None
    for word, group in GROUP_WORDS.items():
        if word in key or word.replace(" ", "") == key.replace(" ", ""):
            return group
    return None


def parse_level_number(value: CellValue) -> int | None:
    """3, 3.0, "3", "Level 3", "Level III", "III" -> 3; None when there is no level in the cell."""
    if isinstance(value, bool) or is_blank(value):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    text = normalize_header(value)
    match = re.fullmatch(r"(?:level|tingkat|lv|lvl)?\s*(\d{1,2}|[ivx]{1,4})", text)
    if not match:
        return None
    token = match.group(1)
    return int(token) if token.isdigit() else _ROMAN.get(token)


def split_indicators(value: CellValue) -> list[str]:
    """Indicators written one per line, or numbered "1. ... 2. ...", or with bullets."""
    if is_blank(value):
        return []
    text = str(value).replace("\r", "\n")
    parts = re.split(r"\n+|(?:^|\s)(?=\d{1,2}[.)]\s)|[•\u2022;]", text)
    items = []
    for part in parts:
        cleaned = re.sub(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-*•])\s*", "", part or "").strip()
        cleaned = " ".join(cleaned.split())
        if cleaned:
            items.append(cleaned)
    return items


def _cell(row: Sequence[CellValue], match: HeaderMatch, key: str) -> CellValue:
    col = match.columns.get(key)
    return row[col] if col is not None and col < len(row) else None


def parse_dictionary_sheet(
    sheet: RawSheet, match: HeaderMatch, known: Mapping[str, KnownCompetency], lookup: Mapping[str, str],
    default_max_level: int, issues: list[ImportIssue],
) -> list[ParsedCompetency]:
    """Competencies of one dictionary sheet. `lookup` maps a normalised name or alias to a known code."""
    name = sheet.sheet_name
    parsed: dict[str, ParsedCompetency] = {}
    names_seen: dict[str, str] = {}
    current: ParsedCompetency | None = None
    current_level: ParsedLevel | None = None
    wide = [n for n in range(1, WIDE_LEVELS + 1) if match.has(f"level_{n}")]
    next_technical = _technical_counter(known)
    for index in range(match.data_start, len(sheet.rows)):
        row = sheet.rows[index]
        row_no = sheet.row_number(index)
        if all(is_blank(v) for v in row):
            continue
        code_text = cell_text(_cell(row, match, "code")).upper().replace(" ", "")
        name_text = cell_text(_cell(row, match, "name"))
        if code_text or name_text:
            key = normalize_header(name_text)
            code = code_text or lookup.get(key, "")
            if not name_text and code in known:
                name_text = known[code].name
            if not name_text:
                issues.append(ImportIssue(name, row_no, "error", f"Nama kompetensi dengan kode {code} kosong."))
                current = None
                continue
            if not code:
                code = next_technical()
                issues.append(ImportIssue(name, row_no, "warning",
                                          f"Kompetensi {name_text} tidak berkode; diberi kode {code}."))
            if code in parsed:
                existing = parsed[code]
                if normalize_header(existing.name) != key:
                    issues.append(ImportIssue(name, row_no, "error",
                                              f"Kode {code} ganda: dipakai untuk {existing.name} (baris "
                                              f"{existing.row}) dan {name_text}."))
                    current = None
                    continue
                current = existing
            else:
                if key in names_seen and names_seen[key] != code:
                    issues.append(ImportIssue(name, row_no, "error",
                                              f"Kompetensi {name_text} tercantum dua kali dengan kode berbeda "
                                              f"({names_seen[key]} dan {code})."))
                    current = None
                    continue
                current = _new_competency(row, match, code, name_text, row_no, known, default_max_level,
                                          name, issues)
                if current is None:
                    continue
                parsed[code] = current
                names_seen[key] = code
            current_level = None
        elif current is None:
            if not is_blank(_cell(row, match, "level")) or not is_blank(_cell(row, match, "indicators")):
                issues.append(ImportIssue(name, row_no, "error",
                                          "Baris level tanpa kompetensi: isi kode atau nama kompetensinya."))
            continue
        assert current is not None
        if wide:
            for number in wide:
                text = cell_text(_cell(row, match, f"level_{number}"))
                if text:
                    _add_level(current, number, text, [], name, row_no, issues)
            continue
        level_value = _cell(row, match, "level")
        indicators = split_indicators(_cell(row, match, "indicators"))
        description = cell_text(_cell(row, match, "description"))
        if is_blank(level_value):
            if current_level is not None and (indicators or description):
                current_level.indicators.extend(indicators)
                if description and not current_level.description:
                    current_level.description = description
            continue
        level_number = parse_level_number(level_value)
        if level_number is None:
            issues.append(ImportIssue(name, row_no, "error",
                                      f"Level '{cell_text(level_value)}' pada {current.name} bukan angka level."))
            continue
        current_level = _add_level(current, level_number, description, indicators, name, row_no, issues)
    return list(parsed.values())


def _technical_counter(known: Mapping[str, KnownCompetency]):  # type: ignore[no-untyped-def]
    taken = set(known)
    state = {"n": 0}

    def next_code() -> str:
        while True:
            state["n"] += 1
            code = f"T.{state['n']:02d}"
            if code not in taken:
                taken.add(code)
                return code

    return next_code


def _new_competency(
    row: Sequence[CellValue], match: HeaderMatch, code: str, name_text: str, row_no: int,
    known: Mapping[str, KnownCompetency], default_max_level: int, sheet: str, issues: list[ImportIssue],
) -> ParsedCompetency | None:
    group_text = cell_text(_cell(row, match, "group"))
    group = parse_group(group_text) if group_text else None
    if group_text and group is None:
        issues.append(ImportIssue(sheet, row_no, "error",
                                  f"Kelompok '{group_text}' tidak dikenal; gunakan Manajerial, Sosial Kultural, "
                                  "atau Teknis."))
        return None
    max_value = _cell(row, match, "max_level")
    old = known.get(code)
    max_level = old.max_level if old else default_max_level
    if not is_blank(max_value):
        number = parse_level_number(max_value)
        if number is None or not 1 <= number <= MAX_LEVEL_LIMIT:
            issues.append(ImportIssue(sheet, row_no, "error",
                                      f"Level maksimal '{cell_text(max_value)}' untuk {name_text} harus antara 1 dan "
                                      f"{MAX_LEVEL_LIMIT}."))
            return None
        max_level = number
    if group is None:
        group = "manajerial" if code.startswith("M.") else "sosial_kultural" if code.startswith("SK.") else "teknis"
    return ParsedCompetency(
        code=code, name=name_text, group=group, definition=cell_text(_cell(row, match, "definition")),
        max_level=max_level, row=row_no, is_new=code not in known, group_given=bool(group_text),
    )


def _add_level(comp: ParsedCompetency, number: int, description: str, indicators: list[str], sheet: str,
               row_no: int, issues: list[ImportIssue]) -> ParsedLevel | None:
    if not 1 <= number <= comp.max_level:
        issues.append(ImportIssue(sheet, row_no, "error",
                                  f"Level {number} untuk {comp.code} {comp.name} di luar rentang 1 sampai "
                                  f"{comp.max_level}."))
        return None
    if number in comp.levels:
        issues.append(ImportIssue(sheet, row_no, "error",
                                  f"Level {number} kompetensi {comp.code} {comp.name} tercantum dua kali."))
        return None
    level = ParsedLevel(number, description, list(indicators))
    comp.levels[number] = level
    return level
