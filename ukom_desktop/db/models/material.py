"""Exercise materials (issue 17): versions of an exercise's case material with their files, the mapping of
an event's paket soal to versions, returned booklets, the interview-guide question bank and the register
of incoming request letters with their disposition."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from .base import Base, Entity, IdMixin, UuidMixin, utcnow


class MaterialVersion(Base, Entity):
    """One version of an exercise's material (an in-basket set, a discussion case, a role-play brief...)."""

    __tablename__ = "material_version"
    __table_args__ = (UniqueConstraint("exercise_id", "name"),)

    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), default="aktif")  # aktif | pensiun
    notes: Mapped[str] = mapped_column(Text, default="")

    files: Mapped[list[MaterialFile]] = relationship(
        cascade="all, delete-orphan", order_by="MaterialFile.id", back_populates="version"
    )


class MaterialFile(Base, IdMixin, UuidMixin):
    """A file of a material version, stored in the database with its SHA-256."""

    __tablename__ = "material_file"

    version_id: Mapped[int] = mapped_column(ForeignKey("material_version.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(30), default="peserta")  # peserta | pemeran | asesor
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    version: Mapped[MaterialVersion] = relationship(back_populates="files")


class EventMaterial(Base, IdMixin):
    """Paket soal `question_set` of an event uses material version `version_id` for the exercise."""

    __tablename__ = "event_material"
    __table_args__ = (UniqueConstraint("event_id", "exercise_id", "question_set"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id", ondelete="CASCADE"))
    question_set: Mapped[str] = mapped_column(String(20))
    version_id: Mapped[int] = mapped_column(ForeignKey("material_version.id"))


class BookletReturn(Base, IdMixin):
    """A numbered booklet handed back after the exercise (berita acara serah terima soal)."""

    __tablename__ = "booklet_return"
    __table_args__ = (UniqueConstraint("event_id", "booklet_number"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    booklet_number: Mapped[str] = mapped_column(String(40))
    returned_at: Mapped[datetime] = mapped_column(default=utcnow)


class InterviewQuestion(Base, Entity):
    """A key behavioural question of the interview guide for a competency at a level, with its probes."""

    __tablename__ = "interview_question"

    competency_id: Mapped[int] = mapped_column(ForeignKey("competency.id", ondelete="CASCADE"), index=True)
    level: Mapped[int]
    question: Mapped[str] = mapped_column(Text)
    probes: Mapped[list[Any]] = mapped_column(default=list)
    sort_order: Mapped[int] = mapped_column(default=0)


class IncomingLetter(Base, Entity):
    """A letter in the incoming register (the request that starts an event), its scan and its disposition."""

    __tablename__ = "incoming_letter"

    number: Mapped[str] = mapped_column(String(120))
    letter_date: Mapped[date | None]
    received_on: Mapped[date | None]
    sender: Mapped[str] = mapped_column(String(250), default="")  # asal surat
    subject: Mapped[str] = mapped_column(Text, default="")  # perihal
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    scan_filename: Mapped[str] = mapped_column(String(255), default="")
    scan_sha256: Mapped[str] = mapped_column(String(64), default="")
    scan_content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    disposition_to: Mapped[str] = mapped_column(String(250), default="")
    disposition_instruction: Mapped[str] = mapped_column(Text, default="")
    disposition_date: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")
