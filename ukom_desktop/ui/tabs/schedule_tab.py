"""Jadwal: the waves of the current event with their sessions, and the rooms available."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.domain.labels import ROOM_KIND, label
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.record_table import RecordTable

from .base import RecordTab


class ScheduleTab(RecordTab):
    title = "Jadwal"
    settings_key = "schedule_waves"
    needs_event = True
    empty_hint = "Kegiatan ini belum dibagi ke dalam gelombang."

    def columns(self) -> Sequence[Column]:
        return (
            Column("wave", "Gelombang", lambda r: r.number, align_right=True, width=90),
            Column("dates", "Tanggal", lambda r: (r.start_date, r.end_date),
                   lambda v: format_date_range_id(*v), width=220),
            Column("participants", "Peserta", lambda r: r.participants, align_right=True, width=80),
            Column("groups", "Kelompok", lambda r: r.groups, align_right=True, width=80),
            Column("sessions", "Sesi terjadwal", lambda r: r.sessions, align_right=True, width=110),
        )

    def _setup_ui(self) -> None:
        super()._setup_ui()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.table)
        self.rooms_model = RecordTableModel(
            (
                Column("name", "Ruang", lambda r: r.name, width=200),
                Column("kind", "Jenis", lambda r: r.kind, lambda v: label(ROOM_KIND, v), width=150),
                Column("capacity", "Kapasitas", lambda r: r.capacity, align_right=True, width=80),
                Column("location", "Lokasi", lambda r: r.location, width=160),
            )
        )
        self.rooms_table = RecordTable(self.rooms_model, "schedule_rooms")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for title, table in (("Gelombang", self.table), ("Ruang", self.rooms_table)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(f"<b>{title}</b>"))
            box_layout.addWidget(table)
            splitter.addWidget(box)
        splitter.setSizes([600, 400])
        layout.addWidget(splitter)

    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.listings import list_rooms, list_waves

        self.rooms_model.set_rows(list_rooms(session))
        return list_waves(session, self.context.event_id)

    def describe(self, rows: Sequence[Any]) -> str:
        sessions = sum(r.sessions for r in rows)
        return f"{len(rows)} gelombang, {sessions} sesi terjadwal, {self.rooms_model.rowCount()} ruang."
