"""Asesor: the roster of assessors and other team members."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ukom_desktop.domain.labels import TEAM_ROLE, label
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.ui.models.record_table_model import Column

from .base import RecordTab


class AssessorsTab(RecordTab):
    title = "Asesor"
    settings_key = "assessors"
    empty_hint = "Belum ada anggota tim penilai."

    def columns(self) -> Sequence[Column]:
        return (
            Column("name", "Nama", lambda r: r.name, width=230),
            Column("nip", "NIP", lambda r: r.nip, format_nip, width=170),
            Column("role", "Peran", lambda r: r.role, lambda v: label(TEAM_ROLE, v), width=110),
            Column("jenjang", "Jenjang JF", lambda r: r.jf_jenjang, width=110),
            Column("golongan", "Gol.", lambda r: r.golongan, width=60),
            Column("unit", "Unit asal", lambda r: r.unit, width=220),
            Column("cert", "Sertifikasi", lambda r: r.certification, width=150),
            Column("cert_expiry", "Berlaku s.d.", lambda r: r.certification_expiry, width=140),
            Column("phone", "No. HP", lambda r: r.phone, width=120),
            Column("max", "Maks. peserta/gel.", lambda r: r.max_per_wave, align_right=True, width=120),
        )

    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.listings import list_team_members

        return list_team_members(session)

    def describe(self, rows: Sequence[Any]) -> str:
        assessors = sum(1 for r in rows if r.role == "asesor")
        return f"{len(rows)} anggota tim, {assessors} di antaranya asesor."
