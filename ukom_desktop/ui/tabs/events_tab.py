"""Kegiatan: the events of the assessment body."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal

from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.domain.labels import EVENT_PURPOSE, EVENT_STATUS, label
from ukom_desktop.ui.models.record_table_model import Column

from .base import RecordTab


class EventsTab(RecordTab):
    title = "Kegiatan"
    settings_key = "events"
    empty_hint = "Belum ada kegiatan. Buat kegiatan baru atau jalankan data contoh."
    event_chosen = Signal(int)

    def _connect_signals(self) -> None:
        self.table.activated.connect(lambda row: self.event_chosen.emit(row.id))

    def columns(self) -> Sequence[Column]:
        return (
            Column("code", "Kode", lambda r: r.code, width=120),
            Column("name", "Nama kegiatan", lambda r: r.name, width=340),
            Column("agency", "Instansi pengusul", lambda r: r.requesting_agency, width=260),
            Column("purpose", "Tujuan", lambda r: r.purpose, lambda v: label(EVENT_PURPOSE, v), width=130),
            Column("dates", "Tanggal", lambda r: (r.start_date, r.end_date),
                   lambda v: format_date_range_id(*v), width=210),
            Column("venue", "Tempat", lambda r: r.venue, width=220),
            Column("status", "Status", lambda r: r.status, lambda v: label(EVENT_STATUS, v), width=130),
            Column("participants", "Peserta", lambda r: r.participants, align_right=True, width=70),
        )

    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.listings import list_events

        return list_events(session)

    def describe(self, rows: Sequence[Any]) -> str:
        return f"{len(rows)} kegiatan. Klik dua kali sebuah kegiatan untuk menjadikannya kegiatan aktif."
