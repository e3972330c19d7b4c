"""Events (kegiatan): the request, target positions, exercise matrix, waves, groups and agenda."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity, IdMixin, str_enum
from .competency import Exercise, Position
from .enums import EventPurpose, EventStatus


class Event(Base, Entity):
    __tablename__ = "event"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(250))
    requesting_agency: Mapped[str] = mapped_column(String(250), default="")
    request_letter_number: Mapped[str] = mapped_column(String(120), default="")
    request_letter_date: Mapped[date | None]
    purpose: Mapped[EventPurpose] = mapped_column(str_enum(EventPurpose), default=EventPurpose.PEMETAAN)
    method: Mapped[str] = mapped_column(String(60), default="assessment center")
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    venue: Mapped[str] = mapped_column(String(250), default="")
    status: Mapped[EventStatus] = mapped_column(str_enum(EventStatus), default=EventStatus.USULAN)
    status_changed_at: Mapped[datetime | None]  # when the current status began (mutu baku of the stage)
    checklist: Mapped[dict[str, Any]] = mapped_column(default=dict)  # SOP step code -> ticked by hand
    wave_size: Mapped[int] = mapped_column(default=30)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(default=False)

    waves: Mapped[list[Wave]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Wave.number"
    )
    positions: Mapped[list[EventPosition]] = relationship(cascade="all, delete-orphan")
    exercises: Mapped[list[EventExercise]] = relationship(cascade="all, delete-orphan")
    agenda: Mapped[list[AgendaItem]] = relationship(cascade="all, delete-orphan")


class EventPosition(Base, IdMixin):
    """A target position assessed in the event."""

    __tablename__ = "event_position"
    __table_args__ = (UniqueConstraint("event_id", "position_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    position_id: Mapped[int] = mapped_column(ForeignKey("position.id"))

    position: Mapped[Position] = relationship()


class EventExercise(Base, IdMixin):
    """An exercise used in the event, in running order."""

    __tablename__ = "event_exercise"
    __table_args__ = (UniqueConstraint("event_id", "exercise_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"))
    sort_order: Mapped[int] = mapped_column(default=0)

    exercise: Mapped[Exercise] = relationship()


class EventMatrixCell(Base, IdMixin):
    """The event's exercise x competency matrix: one row per ticked cell."""

    __tablename__ = "event_matrix"
    __table_args__ = (UniqueConstraint("event_id", "exercise_id", "competency_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"))
    competency_id: Mapped[int] = mapped_column(ForeignKey("competency.id"))


class Wave(Base, Entity):
    """Gelombang: about 30 participants assessed together over one or more days."""

    __tablename__ = "wave"
    __table_args__ = (UniqueConstraint("event_id", "number"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    number: Mapped[int]
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]

    event: Mapped[Event] = relationship(back_populates="waves")


class WaveRoom(Base, IdMixin):
    """A room chosen for a wave; a wave without rows uses every active room."""

    __tablename__ = "wave_room"
    __table_args__ = (UniqueConstraint("wave_id", "room_id"),)

    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id", ondelete="CASCADE"))


class ParticipantGroup(Base, Entity):
    """Kelompok of 4-8 participants within a wave (for group exercises)."""

    __tablename__ = "participant_group"
    __table_args__ = (UniqueConstraint("event_id", "wave_id", "number"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"))
    number: Mapped[int]
    name: Mapped[str] = mapped_column(String(60), default="")


class AgendaItem(Base, Entity):
    """A line of the rundown (susunan acara)."""

    __tablename__ = "agenda_item"

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("wave.id", ondelete="SET NULL"))
    day: Mapped[date | None]
    start_time: Mapped[time | None]
    end_time: Mapped[time | None]
    title: Mapped[str] = mapped_column(String(250))
    person_in_charge: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(default=0)
