"""Peserta: the participants of the current event."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ukom_desktop.domain.labels import ATTENDANCE, INVITATION, label
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.ui.models.record_table_model import Column

from .base import RecordTab


class ParticipantsTab(RecordTab):
    title = "Peserta"
    settings_key = "participants"
    needs_event = True
    empty_hint = "Kegiatan ini belum memiliki peserta. Impor daftar peserta dari berkas e-HR."

    def columns(self) -> Sequence[Column]:
        return (
            Column("number", "No", lambda r: r.number, align_right=True, width=50),
            Column("nip", "NIP", lambda r: r.nip, format_nip, width=170),
            Column("name", "Nama", lambda r: r.name, width=230),
            Column("golongan", "Gol.", lambda r: r.golongan, width=60),
            Column("jabatan", "Jabatan", lambda r: r.jabatan, width=220),
            Column("unit", "Unit kerja", lambda r: r.unit, width=240),
            Column("phone", "No. HP", lambda r: r.phone, width=120),
            Column("email", "Surel", lambda r: r.email, width=180),
            Column("wave", "Gel.", lambda r: r.wave, align_right=True, width=45),
            Column("group", "Kel.", lambda r: r.group, align_right=True, width=45),
            Column("target", "Jabatan sasaran", lambda r: r.target_position, width=220),
            Column("invitation", "Undangan", lambda r: r.invitation, lambda v: label(INVITATION, v), width=110),
            Column("attendance", "Kehadiran", lambda r: r.attendance, lambda v: label(ATTENDANCE, v), width=120),
            Column("cv", "DRH", lambda r: r.cv_complete, width=55),
            Column("tracing", "Penelusuran", lambda r: r.tracing_complete, width=90),
        )

    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.listings import list_event_participants

        return list_event_participants(session, self.context.event_id)

    def describe(self, rows: Sequence[Any]) -> str:
        no_phone = sum(1 for r in rows if not r.phone)
        attendance = Counter(r.attendance for r in rows)
        parts = [f"{len(rows)} peserta"]
        if no_phone:
            parts.append(f"{no_phone} tanpa nomor HP")
        if attendance.get("belum"):
            parts.append(f"{attendance['belum']} belum konfirmasi")
        return ", ".join(parts) + "."
