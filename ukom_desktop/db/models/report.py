"""Individual reports, their revisions, status history and QC comments; issued documents."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity, IdMixin, UuidMixin, str_enum, utcnow
from .enums import ReportStatus


class IndividualReport(Base, Entity):
    __tablename__ = "individual_report"

    event_participant_id: Mapped[int] = mapped_column(
        ForeignKey("event_participant.id", ondelete="CASCADE"), unique=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="SET NULL"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="SET NULL"))
    status: Mapped[ReportStatus] = mapped_column(str_enum(ReportStatus), default=ReportStatus.DRAFT)
    status_since: Mapped[datetime] = mapped_column(default=utcnow)
    revision: Mapped[int] = mapped_column(default=0)
    sections: Mapped[dict[str, Any]] = mapped_column(default=dict)  # narrative parts, keyed by section
    report_number: Mapped[str] = mapped_column(String(120), default="")
    # SHA-256 of the approved content (services/report_integrity.py): an edit outside the app is flagged
    content_hash: Mapped[str | None] = mapped_column(String(64))

    history: Mapped[list[ReportStatusChange]] = relationship(
        cascade="all, delete-orphan", order_by="ReportStatusChange.at"
    )
    comments: Mapped[list[QcComment]] = relationship(cascade="all, delete-orphan")
    revisions: Mapped[list[ReportRevision]] = relationship(
        cascade="all, delete-orphan", order_by="ReportRevision.revision"
    )


class ReportRevision(Base, IdMixin):
    """What was submitted at each submission, so a reviewer sees what changed since the last review."""

    __tablename__ = "report_revision"
    __table_args__ = (UniqueConstraint("report_id", "revision"),)

    report_id: Mapped[int] = mapped_column(ForeignKey("individual_report.id", ondelete="CASCADE"))
    revision: Mapped[int]
    sections: Mapped[dict[str, Any]] = mapped_column(default=dict)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    # What the report stated when it was submitted (participant name and NIP, JPM, category), so the
    # review can see whether the data changed after submission.
    facts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    submitted_by: Mapped[str] = mapped_column(String(100), default="")


class ReportStatusChange(Base, IdMixin):
    __tablename__ = "report_status_change"

    report_id: Mapped[int] = mapped_column(ForeignKey("individual_report.id", ondelete="CASCADE"))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class QcComment(Base, IdMixin):
    __tablename__ = "qc_comment"

    report_id: Mapped[int] = mapped_column(ForeignKey("individual_report.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(default=0)
    section: Mapped[str] = mapped_column(String(60), default="")
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved: Mapped[bool] = mapped_column(default=False)


class DocumentSequence(Base, IdMixin):
    """The last number given per kind of letter and year; incremented under a row lock."""

    __tablename__ = "document_sequence"
    __table_args__ = (UniqueConstraint("kind", "year"),)

    kind: Mapped[str] = mapped_column(String(40))
    year: Mapped[int]
    last_value: Mapped[int] = mapped_column(default=0)


class IssuedDocument(Base, IdMixin, UuidMixin):
    """A letter or document that went out: a reprint keeps its number.

    One row per event, kind and subject (the unique key makes two workstations printing the same
    letter at once end up with one number); `print_count` counts the printings.
    """

    __tablename__ = "issued_document"
    __table_args__ = (UniqueConstraint("event_id", "kind", "subject_key"),)

    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(120), default="")
    issued_on: Mapped[date]
    recipient: Mapped[str] = mapped_column(String(250), default="")
    subject_key: Mapped[str] = mapped_column(String(80), default="")  # e.g. "participant:<uuid>"
    file_path: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    print_count: Mapped[int] = mapped_column(default=1, server_default="1")
    last_printed_at: Mapped[datetime | None]
