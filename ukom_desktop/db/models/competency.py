"""Competency dictionary, job levels, positions with their standards, and the exercise library."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity, IdMixin, str_enum
from .enums import CompetencyGroup, ExerciseKind, JobLevelKind

LEVEL = Numeric(4, 2)


class Competency(Base, Entity):
    __tablename__ = "competency"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(150))
    group: Mapped[CompetencyGroup] = mapped_column(str_enum(CompetencyGroup))
    definition: Mapped[str] = mapped_column(Text, default="")
    max_level: Mapped[int] = mapped_column(default=5)
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    levels: Mapped[list[CompetencyLevel]] = relationship(
        back_populates="competency", cascade="all, delete-orphan", order_by="CompetencyLevel.level"
    )


class CompetencyLevel(Base, IdMixin):
    __tablename__ = "competency_level"
    __table_args__ = (UniqueConstraint("competency_id", "level"),)

    competency_id: Mapped[int] = mapped_column(ForeignKey("competency.id", ondelete="CASCADE"))
    level: Mapped[int]
    description: Mapped[str] = mapped_column(Text, default="")
    indicators: Mapped[list[Any]] = mapped_column(default=list)

    competency: Mapped[Competency] = relationship(back_populates="levels")


class JobLevel(Base, IdMixin):
    """Jenjang jabatan: JPT Madya ... Pelaksana, JF Ahli Utama ... Pemula."""

    __tablename__ = "job_level"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[JobLevelKind] = mapped_column(str_enum(JobLevelKind))
    default_standard: Mapped[int | None]
    sort_order: Mapped[int] = mapped_column(default=0)


class Position(Base, Entity):
    """A target position (jabatan) with its own standard per competency."""

    __tablename__ = "position"

    name: Mapped[str] = mapped_column(String(200))
    job_level_id: Mapped[int] = mapped_column(ForeignKey("job_level.id"))
    unit: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)

    job_level: Mapped[JobLevel] = relationship()
    standards: Mapped[list[PositionStandard]] = relationship(
        back_populates="position", cascade="all, delete-orphan"
    )


class PositionStandard(Base, IdMixin):
    __tablename__ = "position_standard"
    __table_args__ = (UniqueConstraint("position_id", "competency_id"),)

    position_id: Mapped[int] = mapped_column(ForeignKey("position.id", ondelete="CASCADE"))
    competency_id: Mapped[int] = mapped_column(ForeignKey("competency.id"))
    level: Mapped[Decimal] = mapped_column(LEVEL)

    position: Mapped[Position] = relationship(back_populates="standards")
    competency: Mapped[Competency] = relationship()


class Exercise(Base, Entity):
    """Alat ukur: psikotes, in-basket, LGD, role play, presentasi, analisis kasus, wawancara kompetensi."""

    __tablename__ = "exercise"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(150))
    kind: Mapped[ExerciseKind] = mapped_column(str_enum(ExerciseKind))
    duration_minutes: Mapped[int] = mapped_column(default=60)
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class ExerciseCompetency(Base, IdMixin):
    """The library's default matrix: which exercise usually measures which competency."""

    __tablename__ = "exercise_competency"
    __table_args__ = (UniqueConstraint("exercise_id", "competency_id"),)

    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id", ondelete="CASCADE"))
    competency_id: Mapped[int] = mapped_column(ForeignKey("competency.id", ondelete="CASCADE"))
