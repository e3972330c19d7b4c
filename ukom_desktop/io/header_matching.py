"""Find the column-header row of a sheet and map its columns to known fields, tolerantly.

Spreadsheets made by hand put title rows above the header, merge cells, spell headers many ways
("NIP", "N I P", "N.I.P.", "NIP Baru"), add a row of column numbers "(1) (2) (3)" under the header,
and sometimes split a header over two rows ("Tempat/Tgl. Lahir" over "Tempat | Tanggal"). This module
knows nothing about participants: importers describe their fields with FieldSpec and get a HeaderMatch.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ukom_desktop.io.cell_values import CellValue, cell_text, is_blank

MAX_SCAN_ROWS = 30

# Abbreviations written in Indonesian headers, expanded before comparing.
_ABBREVIATIONS = {
    "tgl": "tanggal",
    "tg": "tanggal",
    "gol": "golongan",
    "tmp": "tempat",
    "tpt": "tempat",
    "tmpt": "tempat",
    "telp": "telepon",
    "tlp": "telepon",
    "tlpn": "telepon",
    "thn": "tahun",
    "jml": "jumlah",
    "ket": "keterangan",
    "nomer": "nomor",
    "jns": "jenis",
    "kel": "kelamin",
    "lhr": "lahir",
}
_NUMBERING_CELL = re.compile(r"\(?\d{1,3}[.)]?")


@dataclass(frozen=True)
class FieldSpec:
    """One field an importer wants: its key, the label shown to users and header spellings to accept."""

    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False

    def spellings(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


def normalize_header(value: CellValue) -> str:
    """Lower-case words without accents or punctuation; "N I P" and "N.I.P." become "nip".

    "Pangkat/Gol. Ruang" -> "pangkat golongan ruang", "No. HP / WA" -> "no hp wa", "Tgl.Lahir" ->
    "tanggal lahir".
    """
    text = unicodedata.normalize("NFKD", cell_text(value))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    tokens = re.sub(r"[^a-z0-9]+", " ", text).split()
    joined: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            joined.append("".join(run) if len(run) > 1 else run[0])
            run = []
        if token:
            joined.append(token)
    return " ".join(_ABBREVIATIONS.get(token, token) for token in joined)


@dataclass(frozen=True)
class _Spelling:
    tokens: tuple[str, ...]
    compact: str


def _spelling(text: str) -> _Spelling:
    normal = normalize_header(text)
    return _Spelling(tuple(normal.split()), normal.replace(" ", ""))


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> int:
    """Index where needle occurs as a contiguous run of tokens in haystack, or -1."""
    size = len(needle)
    for start in range(len(haystack) - size + 1):
        if haystack[start : start + size] == needle:
            return start
    return -1


def _score(cell: str, spellings: Sequence[_Spelling]) -> float:
    """1.0 for an exact spelling; 0.5-0.95 when a spelling is part of a short header; 0 otherwise."""
    tokens = tuple(cell.split())
    if not tokens:
        return 0.0
    compact = cell.replace(" ", "")
    best = 0.0
    for spelling in spellings:
        if not spelling.tokens:
            continue
        if spelling.tokens == tokens or spelling.compact == compact:
            return 1.0
        if len(tokens) > len(spelling.tokens) + 4:
            continue
        position = _contains(tokens, spelling.tokens)
        if position >= 0:
            share = len(" ".join(spelling.tokens)) / len(cell)
            best = max(best, 0.5 + 0.4 * share + (0.05 if position == 0 else 0.0))
    return best


@dataclass(frozen=True)
class HeaderMatch:
    """Where the header is and which column holds which field.

    header_index and data_start are indexes into the rows given to find_header (not sheet row numbers).
    header_index is None when no header row was recognised at all.
    """

    specs: tuple[FieldSpec, ...]
    header_index: int | None
    data_start: int
    columns: Mapping[str, int]
    headers: Mapping[int, str] = field(default_factory=dict)
    header_rows: int = 1
    score: float = 0.0

    @property
    def missing_required(self) -> tuple[FieldSpec, ...]:
        return tuple(spec for spec in self.specs if spec.required and spec.key not in self.columns)

    @property
    def ok(self) -> bool:
        return self.header_index is not None and not self.missing_required

    def has(self, key: str) -> bool:
        return key in self.columns

    def unmatched_columns(self) -> list[tuple[int, str]]:
        """(column index, header text) of header cells that no field took."""
        used = set(self.columns.values())
        return [(col, text) for col, text in sorted(self.headers.items()) if col not in used and text]

    def problem(self, row_number: int | None = None, max_scan_rows: int = MAX_SCAN_ROWS) -> str | None:
        """Why the header cannot be used, in Bahasa Indonesia; None when it can.

        row_number: the sheet row number of the header row, for the message.
        """
        required = [spec.label for spec in self.specs if spec.required]
        if self.header_index is None:
            return (
                f"Baris judul kolom tidak ditemukan pada {max_scan_rows} baris pertama. "
                f"Kolom yang wajib ada: {', '.join(required)}."
            )
        missing = [spec.label for spec in self.missing_required]
        if not missing:
            return None
        where = f" pada baris judul kolom (baris {row_number})" if row_number is not None else ""
        return f"Kolom wajib tidak ditemukan{where}: {', '.join(missing)}."


def _assign(
    variants: Mapping[int, Sequence[tuple[str, float]]],
    specs: Sequence[FieldSpec],
    spellings: list[list[_Spelling]],
) -> tuple[dict[str, int], float]:
    """Greedy one-to-one assignment of columns to fields by best score."""
    candidates: list[tuple[float, int, int, str]] = []
    for order, spec in enumerate(specs):
        for col, texts in variants.items():
            score = max((_score(text, spellings[order]) - penalty for text, penalty in texts), default=0.0)
            if score > 0:
                candidates.append((score, order, col, spec.key))
    candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
    columns: dict[str, int] = {}
    used: set[int] = set()
    total = 0.0
    for score, order, col, key in candidates:
        if key in columns or col in used:
            continue
        columns[key] = col
        used.add(col)
        total += score + (1.0 if specs[order].required else 0.0)
    return columns, total


def is_numbering_row(row: Sequence[CellValue]) -> bool:
    """A row of column numbers under a header: "1 2 3 4" or "(1) (2) (3)", at least three cells."""
    texts = [cell_text(value) for value in row if not is_blank(value)]
    if len(texts) < 3 or not all(_NUMBERING_CELL.fullmatch(text) for text in texts):
        return False
    numbers = [int(re.sub(r"\D", "", text)) for text in texts]
    return all(later > earlier for earlier, later in zip(numbers, numbers[1:], strict=False))


def _looks_like_data(row: Sequence[CellValue]) -> bool:
    """A row holding numbers, dates or long digit strings is data, not a second header row."""
    for value in row:
        if is_blank(value):
            continue
        if not isinstance(value, str):
            return True
        if sum(char.isdigit() for char in value) >= 6:
            return True
    return False


def _two_row_variants(
    top: Sequence[CellValue], sub: Sequence[CellValue]
) -> dict[int, list[tuple[str, float]]]:
    """Header texts for a header split over two rows, the upper label spread over its sub-columns."""
    width = max(len(top), len(sub))
    variants: dict[int, list[tuple[str, float]]] = {}
    parent = ""
    for col in range(width):
        upper = normalize_header(top[col]) if col < len(top) else ""
        lower = normalize_header(sub[col]) if col < len(sub) else ""
        if upper:
            parent = upper if lower else ""
        elif not lower:
            parent = ""
        texts: list[tuple[str, float]] = []
        if lower:
            texts.append((lower, 0.0))
            group = upper or parent
            if group:
                texts.append((f"{group} {lower}", 0.05))
                texts.append((f"{lower} {group}", 0.05))  # "Lahir" over "Tempat": "tempat lahir"
                texts.append((group, 0.1))
        elif upper:
            texts.append((upper, 0.0))
        if texts:
            variants[col] = texts
    return variants


def find_header(
    rows: Sequence[Sequence[CellValue]], specs: Sequence[FieldSpec], max_scan_rows: int = MAX_SCAN_ROWS
) -> HeaderMatch:
    """Pick the row among the first max_scan_rows whose cells best match the field specs.

    Each column goes to at most one field and each field to at most one column; an exact spelling
    beats a header that merely contains it, so "Jabatan Sasaran" and "Jabatan" land on different fields.
    A second header row is used when it adds matches; a row of column numbers below the header is skipped.
    """
    specs = tuple(specs)
    spellings = [[_spelling(text) for text in spec.spellings()] for spec in specs]
    best = HeaderMatch(specs=specs, header_index=None, data_start=0, columns={})
    limit = min(len(rows), max_scan_rows)
    singles: list[tuple[dict[str, int], float]] = []
    for index in range(min(len(rows), limit + 1)):
        cells = {
            col: [(normalize_header(value), 0.0)]
            for col, value in enumerate(rows[index])
            if not is_blank(value)
        }
        singles.append(_assign(cells, specs, spellings) if cells else ({}, 0.0))
    for index in range(limit):
        row = rows[index]
        columns, score = singles[index]
        if not columns:
            continue
        header_rows = 1
        if index + 1 < len(singles) and not _looks_like_data(rows[index + 1]):
            # Two rows count as one header only when together they match clearly more than either alone.
            pair_columns, pair_score = _assign(_two_row_variants(row, rows[index + 1]), specs, spellings)
            if pair_score > max(score, singles[index + 1][1]) + 0.5:
                columns, score, header_rows = pair_columns, pair_score, 2
        if columns and score >= 1.0 and score > best.score:
            start = index + header_rows
            while start < len(rows) and is_numbering_row(rows[start]):
                start += 1
            headers = {col: cell_text(value) for col, value in enumerate(row) if not is_blank(value)}
            if header_rows == 2:
                for col, value in enumerate(rows[index + 1]):
                    if not is_blank(value):
                        headers[col] = cell_text(value)
            best = HeaderMatch(
                specs=specs,
                header_index=index,
                data_start=start,
                columns=columns,
                headers=headers,
                header_rows=header_rows,
                score=score,
            )
    return best
