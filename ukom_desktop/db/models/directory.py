"""The employee directory: a staff export kept locally, standing in for the e-HRM contact database (SOP 000)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Entity


class DirectoryEntry(Base, Entity):
    """One employee as the personnel office exported them; looked up by NIP for phone numbers and e-mails."""

    __tablename__ = "employee_directory"

    nip: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(150), default="")
    golongan: Mapped[str] = mapped_column(String(10), default="")
    jabatan: Mapped[str] = mapped_column(String(250), default="")
    unit: Mapped[str] = mapped_column(String(250), default="")
    agency: Mapped[str] = mapped_column(String(250), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(150), default="")
    source: Mapped[str] = mapped_column(String(250), default="")  # the file it last came from
