"""Independent ratings, potential scores and the integrated result with its standard snapshot."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity, IdMixin
from .competency import LEVEL


class Rating(Base, Entity):
    """One assessor's level for one participant x competency x exercise (the natural key)."""

    __tablename__ = "rating"
    __table_args__ = (UniqueConstraint("event_participant_id", "competency_id", "exercise_id", "assessor_id"),)

    event_participant_id: Mapped[int] = mapped_column(
        ForeignKey("event_participant.id", ondelete="CASCADE"), index=True
    )
    competency_id: Mapped[int] = mapped_column(ForeignKey("competency.id"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"))
    assessor_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    level: Mapped[Decimal | None] = mapped_column(LEVEL)
    no_evidence: Mapped[bool] = mapped_column(default=False)
    evidence: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None]


class PotentialScore(Base, IdMixin):
    """A participant's score on one of the potential aspects (domain.md 3.1)."""

    __tablename__ = "potential_score"
    __table_args__ = (UniqueConstraint("event_participant_id", "aspect_code"),)

    event_participant_id: Mapped[int] = mapped_column(ForeignKey("event_participant.id", ondelete="CASCADE"))
    aspect_code: Mapped[str] = mapped_column(String(10))
    score: Mapped[Decimal | None] = mapped_column(LEVEL)
    description: Mapped[str] = mapped_column(Text, default="")


class IntegratedResult(Base, Entity):
    """The assessor meeting's outcome for one participant; frozen against later standard edits."""

    __tablename__ = "integrated_result"

    event_participant_id: Mapped[int] = mapped_column(
        ForeignKey("event_participant.id", ondelete="CASCADE"), unique=True
    )
    position_name: Mapped[str] = mapped_column(String(250), default="")  # snapshot
    job_level_name: Mapped[str] = mapped_column(String(100), default="")  # snapshot
    purpose: Mapped[str] = mapped_column(String(20), default="")  # snapshot of the event's purpose
    total_final: Mapped[Decimal | None] = mapped_column(Numeric(7, 2))
    total_standard: Mapped[Decimal | None] = mapped_column(Numeric(7, 2))
    jpm: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    category_code: Mapped[str] = mapped_column(String(10), default="")
    category_name: Mapped[str] = mapped_column(String(60), default="")
    potential_category: Mapped[str] = mapped_column(String(20), default="")
    nine_box: Mapped[int | None]
    assessed_on: Mapped[date | None]
    valid_until: Mapped[date | None]
    finalized_at: Mapped[datetime | None]

    levels: Mapped[list[IntegratedLevel]] = relationship(
        back_populates="result", cascade="all, delete-orphan"
    )


class IntegratedLevel(Base, IdMixin):
    __tablename__ = "integrated_level"
    __table_args__ = (UniqueConstraint("result_id", "competency_id"),)

    result_id: Mapped[int] = mapped_column(ForeignKey("integrated_result.id", ondelete="CASCADE"))
    competency_id: Mapped[int] = mapped_column(ForeignKey("competency.id"))
    competency_code: Mapped[str] = mapped_column(String(20))  # snapshot
    competency_name: Mapped[str] = mapped_column(String(150))  # snapshot
    standard_level: Mapped[Decimal] = mapped_column(LEVEL)  # snapshot of the standard
    suggested_level: Mapped[Decimal | None] = mapped_column(LEVEL)
    final_level: Mapped[Decimal | None] = mapped_column(LEVEL)
    reason: Mapped[str] = mapped_column(Text, default="")

    result: Mapped[IntegratedResult] = relationship(back_populates="levels")
