"""Participants (peserta) and their membership of an event."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity, str_enum
from .competency import Position
from .enums import Attendance, InvitationStatus, Sex
from .event import Event, ParticipantGroup, Wave


class Participant(Base, Entity):
    """A civil servant, identified by NIP across events."""

    __tablename__ = "participant"

    nip: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(150), index=True)
    sex: Mapped[Sex | None] = mapped_column(str_enum(Sex, 1))
    birth_date: Mapped[date | None]
    birth_place: Mapped[str] = mapped_column(String(100), default="")
    golongan: Mapped[str] = mapped_column(String(10), default="")
    jabatan: Mapped[str] = mapped_column(String(250), default="")
    unit: Mapped[str] = mapped_column(String(250), default="", index=True)
    agency: Mapped[str] = mapped_column(String(250), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(150), default="")
    archived: Mapped[bool] = mapped_column(default=False)


class EventParticipant(Base, Entity):
    __tablename__ = "event_participant"
    __table_args__ = (
        UniqueConstraint("event_id", "participant_id"),
        # Nomor peserta: one holder per event (a unique index, added by migration 0010 without a rebuild).
        Index("uq_event_participant_event_number", "event_id", "number", unique=True),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    number: Mapped[int | None]  # nomor peserta, unique in the event (services.participant_numbers)
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("wave.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("participant_group.id", ondelete="SET NULL"))
    question_set: Mapped[str] = mapped_column(String(20), default="")
    target_position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id"))
    invitation_status: Mapped[InvitationStatus] = mapped_column(
        str_enum(InvitationStatus), default=InvitationStatus.BELUM
    )
    invited_at: Mapped[datetime | None]
    attendance: Mapped[Attendance] = mapped_column(str_enum(Attendance), default=Attendance.BELUM)
    attendance_reason: Mapped[str] = mapped_column(String(250), default="")
    cv_complete: Mapped[bool] = mapped_column(default=False)
    tracing_complete: Mapped[bool] = mapped_column(default=False)
    lead_assessor_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="SET NULL"))
    performance_category: Mapped[str] = mapped_column(String(30), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship()
    participant: Mapped[Participant] = relationship()
    wave: Mapped[Wave | None] = relationship()
    group: Mapped[ParticipantGroup | None] = relationship()
    target_position: Mapped[Position | None] = relationship()
