"""Rooms from a spreadsheet (xlsx/xls/ods/csv): one row per room with its name, kind, capacity and location
(issue 11 item 8). A known room name is updated, a new one added; rows that cannot be read are listed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Room, RoomKind
from ukom_desktop.domain.labels import ROOM_KIND
from ukom_desktop.errors import UserFacingError

from .rooms import RoomData, create_room, update_room

HEADERS = {
    "name": ("nama ruang", "ruang", "nama", "ruangan"),
    "kind": ("jenis", "jenis ruang", "tipe"),
    "capacity": ("kapasitas", "kapasitas (orang)", "daya tampung"),
    "location": ("lokasi", "letak", "lantai"),
}
KINDS = {**{k: k for k in ROOM_KIND}, **{v.casefold(): k for k, v in ROOM_KIND.items()},
         "kelompok": "ruang_kelompok", "wawancara": "ruang_wawancara", "diskusi": "ruang_kelompok"}


@dataclass(frozen=True)
class RoomImportResult:
    created: int
    updated: int
    rejected: list[str] = field(default_factory=list)  # "baris N: alasan"


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value if value is not None else "").split())


def _kind(text: str) -> str | None:
    key = text.casefold().replace("_", " ")
    if key in KINDS:
        return KINDS[key]
    return next((kind for word, kind in KINDS.items() if word in key), None)


def import_rooms(session: Session, path: str | Path) -> RoomImportResult:
    from ukom_desktop.io.spreadsheet_reader import SpreadsheetError, read_table

    try:
        raw = read_table(path)
    except SpreadsheetError as exc:
        raise UserFacingError(str(exc)) from None
    header_at, columns = None, {}
    for index, row in enumerate(raw.rows[:10]):
        names = [_text(c).casefold() for c in row]
        found = {key: names.index(h) for key, options in HEADERS.items() for h in options if h in names}
        if "name" in found:
            header_at, columns = index, found
            break
    if header_at is None:
        raise UserFacingError("Kolom 'Nama ruang' tidak ditemukan pada berkas; judul kolom yang dikenali: "
                              "Nama ruang, Jenis, Kapasitas, Lokasi.")
    known = {r.name.casefold(): r for r in session.scalars(select(Room))}
    created = updated = 0
    rejected: list[str] = []
    for index, row in enumerate(raw.rows[header_at + 1:], start=header_at + 1):
        def cell(key: str, row: Sequence[object] = row) -> str:
            col = columns.get(key)
            return _text(row[col]) if col is not None and col < len(row) else ""

        name = cell("name")
        if not name:
            continue
        number = raw.row_number(index)
        kind = _kind(cell("kind")) if cell("kind") else RoomKind.RUANG_WAWANCARA.value
        capacity_text = cell("capacity") or "1"
        if kind is None:
            rejected.append(f"baris {number}: jenis ruang '{cell('kind')}' tidak dikenal")
            continue
        if not capacity_text.isdigit():
            rejected.append(f"baris {number}: kapasitas '{capacity_text}' bukan bilangan bulat")
            continue
        data = RoomData(name, kind, int(capacity_text), cell("location"))
        try:
            room = known.get(name.casefold())
            if room is None:
                create_room(session, data)
                created += 1
            else:
                update_room(session, room.id, data)
                updated += 1
        except UserFacingError as exc:
            rejected.append(f"baris {number}: {exc}")
            continue
        known = {r.name.casefold(): r for r in session.scalars(select(Room))}
    session.flush()
    return RoomImportResult(created, updated, rejected)
