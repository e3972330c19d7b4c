"""The assessor roster and other team members, their availability, event teams, and rooms."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity, IdMixin, str_enum
from .enums import DayPart, RoomKind, TeamRole


class TeamMember(Base, Entity):
    __tablename__ = "team_member"

    nip: Mapped[str] = mapped_column(String(18), default="", index=True)
    name: Mapped[str] = mapped_column(String(150))
    golongan: Mapped[str] = mapped_column(String(10), default="")
    jabatan: Mapped[str] = mapped_column(String(250), default="")
    role: Mapped[TeamRole] = mapped_column(str_enum(TeamRole), default=TeamRole.ASESOR)
    jf_jenjang: Mapped[str] = mapped_column(String(60), default="")
    unit: Mapped[str] = mapped_column(String(250), default="")
    agency: Mapped[str] = mapped_column(String(250), default="")
    certification: Mapped[str] = mapped_column(String(150), default="")
    certification_expiry: Mapped[date | None]
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(150), default="")
    max_participants_per_wave: Mapped[int] = mapped_column(default=3)
    active: Mapped[bool] = mapped_column(default=True)

    availability: Mapped[list[Availability]] = relationship(cascade="all, delete-orphan")


class Availability(Base, IdMixin):
    """A day (or half day) on which a member is NOT available, or explicitly available."""

    __tablename__ = "availability"
    __table_args__ = (UniqueConstraint("member_id", "day", "part"),)

    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"))
    day: Mapped[date]
    part: Mapped[DayPart] = mapped_column(str_enum(DayPart), default=DayPart.SEHARI)
    available: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(200), default="")


class EventTeamMember(Base, IdMixin):
    __tablename__ = "event_team_member"
    __table_args__ = (UniqueConstraint("event_id", "member_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    role: Mapped[TeamRole] = mapped_column(str_enum(TeamRole), default=TeamRole.ASESOR)
    is_leader: Mapped[bool] = mapped_column(default=False)

    member: Mapped[TeamMember] = relationship()


class Room(Base, Entity):
    __tablename__ = "room"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    capacity: Mapped[int] = mapped_column(default=1)
    kind: Mapped[RoomKind] = mapped_column(str_enum(RoomKind), default=RoomKind.RUANG_WAWANCARA)
    location: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)
