"""Schedule sessions (a slot of one exercise in one room) with their participants and assessors."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity, IdMixin


class ScheduleSession(Base, Entity):
    __tablename__ = "schedule_session"

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("participant_group.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    label: Mapped[str] = mapped_column(String(120), default="")

    participants: Mapped[list[SessionParticipant]] = relationship(cascade="all, delete-orphan")
    assessors: Mapped[list[SessionAssessor]] = relationship(cascade="all, delete-orphan")


class SessionParticipant(Base, IdMixin):
    __tablename__ = "session_participant"
    __table_args__ = (UniqueConstraint("session_id", "event_participant_id"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("schedule_session.id", ondelete="CASCADE"))
    event_participant_id: Mapped[int] = mapped_column(ForeignKey("event_participant.id", ondelete="CASCADE"))


class SessionAssessor(Base, IdMixin):
    __tablename__ = "session_assessor"
    __table_args__ = (UniqueConstraint("session_id", "member_id"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("schedule_session.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
