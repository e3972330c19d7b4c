"""Assessor exchange packages (issue 14): the institution's keys, issued packages, received returns and
the queue of conflicts waiting for a reviewer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, utcnow


class PackageKeyring(Base, IdMixin):
    """One row: this database's identity and its key pairs (X25519 to open packages, Ed25519 to sign).

    The private keys are stored in the database for now (see README); an encrypted database file
    protects them once SQLCipher is switched on.
    """

    __tablename__ = "package_keyring"

    database_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    x25519_private: Mapped[bytes] = mapped_column(LargeBinary)
    ed25519_private: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PackageIssue(Base, IdMixin):
    """A package written for one assessor of one event; uuid is the package id in the file header."""

    __tablename__ = "package_issue"

    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    sequence: Mapped[int] = mapped_column(default=1)  # nth package for this event and assessor
    return_key: Mapped[bytes] = mapped_column(LargeBinary)  # authenticates what comes back
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_return_sequence: Mapped[int] = mapped_column(default=0)
    applied: Mapped[dict[str, Any]] = mapped_column(default=dict)  # cell key -> version our merge wrote


class PackageReceipt(Base, IdMixin):
    """A return package applied (or found unchanged): replaying it changes nothing."""

    __tablename__ = "package_receipt"

    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("package_issue.id", ondelete="CASCADE"), index=True)
    sequence: Mapped[int]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PackageConflict(Base, IdMixin):
    """A change from a laptop that could not be applied by itself; a reviewer keeps one side with a reason."""

    __tablename__ = "package_conflict"

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("package_issue.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    package_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))  # "rating" | "narrative"
    cell_key: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(30))  # both_changed | final | locked | unassigned | missing
    description: Mapped[str] = mapped_column(Text, default="")
    laptop_value: Mapped[dict[str, Any] | None]
    database_value: Mapped[dict[str, Any] | None]
    status: Mapped[str] = mapped_column(String(20), default="terbuka")  # terbuka | selesai
    resolution: Mapped[str] = mapped_column(String(20), default="")  # laptop | database
    resolution_reason: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
