"""Rooms (aula, ruang kelompok, ruang wawancara) with their capacity, used by the scheduler."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Room, RoomKind, ScheduleSession
from ukom_desktop.domain.labels import ROOM_KIND, label
from ukom_desktop.errors import UserFacingError, check_version


@dataclass(frozen=True)
class RoomData:
    name: str
    kind: str = "ruang_wawancara"
    capacity: int = 1
    location: str = ""
    active: bool = True


@dataclass(frozen=True)
class RoomInfo:
    id: int
    version: int
    name: str
    kind: str
    capacity: int
    location: str
    active: bool
    sessions: int = 0  # stored schedule sessions that use the room

    @property
    def kind_label(self) -> str:
        return label(ROOM_KIND, self.kind)

    def data(self) -> RoomData:
        return RoomData(self.name, self.kind, self.capacity, self.location, self.active)


def _clean(data: RoomData) -> RoomData:
    problems = []
    name = " ".join(data.name.split())
    if not name:
        problems.append("Nama ruang wajib diisi.")
    if data.kind not in {k.value for k in RoomKind}:
        problems.append(f"Jenis ruang '{data.kind}' tidak dikenal; pilih {', '.join(ROOM_KIND.values())}.")
    if not 1 <= data.capacity <= 500:
        problems.append("Kapasitas ruang harus antara 1 dan 500 orang.")
    if problems:
        raise UserFacingError(" ".join(problems))
    return RoomData(name, data.kind, data.capacity, data.location.strip(), data.active)


def list_room_infos(session: Session, include_inactive: bool = True) -> list[RoomInfo]:
    from sqlalchemy import func

    counts = dict(
        session.execute(select(ScheduleSession.room_id, func.count()).group_by(ScheduleSession.room_id)).all()
    )
    stmt = select(Room).order_by(Room.kind, Room.name)
    if not include_inactive:
        stmt = stmt.where(Room.active.is_(True))
    return [
        RoomInfo(r.id, r.version, r.name, str(r.kind), r.capacity, r.location, r.active, counts.get(r.id, 0))
        for r in session.scalars(stmt)
    ]


def _unique(session: Session, name: str, room_id: int | None) -> None:
    other = session.scalar(select(Room).where(Room.name == name, Room.id != (room_id or 0)))
    if other is not None:
        raise UserFacingError(f"Ruang bernama '{name}' sudah ada.")


def create_room(session: Session, data: RoomData) -> int:
    clean = _clean(data)
    _unique(session, clean.name, None)
    room = Room(name=clean.name, kind=RoomKind(clean.kind), capacity=clean.capacity, location=clean.location,
                active=clean.active)
    session.add(room)
    session.flush()
    return room.id


def update_room(session: Session, room_id: int, data: RoomData, expected_version: int | None = None) -> None:
    room = session.get(Room, room_id)
    if room is None:
        raise UserFacingError("Ruang tidak ditemukan.")
    check_version(room.version, expected_version, f"ruang {room.name}")
    clean = _clean(data)
    _unique(session, clean.name, room_id)
    room.name, room.kind, room.capacity = clean.name, RoomKind(clean.kind), clean.capacity
    room.location, room.active = clean.location, clean.active
    session.flush()


def set_room_active(session: Session, room_id: int, active: bool) -> None:
    """Rooms are deactivated rather than deleted: stored schedules keep pointing at them."""
    room = session.get(Room, room_id)
    if room is None:
        raise UserFacingError("Ruang tidak ditemukan.")
    room.active = active
    session.flush()


def delete_room(session: Session, room_id: int) -> bool:
    """Delete a room no stored schedule uses (True); one in use is deactivated instead (False)."""
    from sqlalchemy import func

    room = session.get(Room, room_id)
    if room is None:
        raise UserFacingError("Ruang tidak ditemukan.")
    used = session.scalar(select(func.count()).where(ScheduleSession.room_id == room_id)) or 0
    if used:
        room.active = False
    else:
        session.delete(room)
    session.flush()
    return not used
