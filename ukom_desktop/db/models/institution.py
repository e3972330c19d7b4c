"""The assessment body itself: letterhead profile, signatories, settings, users and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity, IdMixin, str_enum, utcnow
from .enums import UserRole


class InstitutionProfile(Base, Entity):
    """One row: the kop surat and the city written before the date of every letter."""

    __tablename__ = "institution_profile"

    agency_name: Mapped[str] = mapped_column(String(200), default="")
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    sub_unit_name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(120), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_filename: Mapped[str] = mapped_column(String(200), default="")
    paper_size: Mapped[str] = mapped_column(String(10), default="A4")
    head_signatory_id: Mapped[int | None] = mapped_column(ForeignKey("signatory.id", ondelete="SET NULL"))

    head_signatory: Mapped[Signatory | None] = relationship(foreign_keys=[head_signatory_id])


class Signatory(Base, Entity):
    __tablename__ = "signatory"

    name: Mapped[str] = mapped_column(String(150))
    nip: Mapped[str] = mapped_column(String(18), default="")
    golongan: Mapped[str] = mapped_column(String(10), default="")
    jabatan: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)


class Setting(Base):
    """User-editable settings (the UNVERIFIED rules of domain.md), a JSON value per key."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class User(Base, Entity):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(150), default="")
    role: Mapped[UserRole] = mapped_column(str_enum(UserRole), default=UserRole.SEKRETARIAT)
    team_member_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="SET NULL"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    # issue 13: every role the user holds (comma-separated values of UserRole; `role` keeps the first)
    roles: Mapped[str] = mapped_column(String(200), default="", server_default="")
    failed_logins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None]
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    last_login_at: Mapped[datetime | None]


class AuditEntry(Base, IdMixin):
    """Append-only: rows are inserted, never updated or deleted (guarded by triggers and the ORM)."""

    __tablename__ = "audit_log"

    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60), index=True)
    entity_id: Mapped[int | None]
    entity_uuid: Mapped[str | None] = mapped_column(String(36))
    old_value: Mapped[dict[str, Any] | None]
    new_value: Mapped[dict[str, Any] | None]
    note: Mapped[str] = mapped_column(Text, default="")
    # the hash chain (db/audit_chain.py): previous row's hash, and this row's content with it
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64))
