"""Gelombang: the event's waves with their first day and number of working days, editable in a table
(opened from the Jadwal tab and from the Peserta tab's Tindakan menu). A wave left untouched keeps following
the event's days; a wave given a date keeps its own."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_transaction
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.widgets.date_field import DateField
from ukom_desktop.ui.widgets.table_editor import build_table_editor

HEADERS = ("Gel.", "Hari pertama", "Hari kerja", "Tanggal", "Peserta", "Sesi")


class WavesDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Gelombang dan tanggal pelaksanaan")
        fit_to_screen(self, 720, 380)
        self.add_button = QPushButton("Tambah gelombang")
        self.remove_button = QPushButton("Hapus gelombang")
        parts = build_table_editor(
            self,
            "Setiap gelombang dinilai pada hari kerja berturut-turut mulai hari pertamanya (Sabtu dan Minggu "
            "dilewati). Gelombang yang belum diberi tanggal memakai bagian dari tanggal kegiatan.",
            HEADERS, (self.add_button, self.remove_button))
        self.table, self.status_label = parts.table, parts.status_label
        self.save_button, self.close_button = parts.save_button, parts.close_button
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for col, width in enumerate((45, 150, 80, 220, 65, 50)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_button.clicked.connect(self.add_wave)
        self.remove_button.clicked.connect(self.remove_wave)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_dialog)
        self.infos: list[Any] = []
        self.dirty: set[int] = set()
        self.reload()

    # -- rows ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        from ukom_desktop.services.waves import list_wave_infos

        with self.context.session() as session:
            self.infos = list_wave_infos(session, self.context.event_id)
        self.dirty.clear()
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            self.table.setItem(row, 0, _item(str(info.number)))
            start = DateField(info.start_date or date.today(), show_day=False)
            days = QSpinBox()
            days.setRange(1, 10)
            days.setValue(max(1, info.days))
            days.setSuffix(" hari")
            start.dateChanged.connect(lambda _d, r=row: self._changed(r))
            start.edit.textEdited.connect(lambda _t, r=row: self._changed(r))  # a typed date counts at once
            days.valueChanged.connect(lambda _v, r=row: self._changed(r))
            self.table.setCellWidget(row, 1, start)
            self.table.setCellWidget(row, 2, days)
            self.table.setItem(row, 3, _item(self._dates_text(info)))
            self.table.setItem(row, 4, _item(str(info.participants)))
            self.table.setItem(row, 5, _item(str(info.sessions)))
        self.status_label.setText("" if self.infos else
                                  "Belum ada gelombang: klik Tambah gelombang, atau bagi peserta lewat "
                                  "Peserta > Tindakan > Bagi gelombang dan kelompok.")

    @staticmethod
    def _dates_text(info: Any) -> str:
        if info.start_date is None:
            return "(tanggal kegiatan belum diisi)"
        text = format_date_range_id(info.start_date, info.end_date)
        return f"{text} (mengikuti kegiatan)" if info.from_event else text

    def _changed(self, row: int) -> None:
        self.dirty.add(row)
        start, days = self.values(row)
        from ukom_desktop.domain.wave_days import workday_span

        span = workday_span(start, days)
        self.table.item(row, 3).setText(format_date_range_id(span[0], span[-1]) + " (belum disimpan)")

    def values(self, row: int) -> tuple[date, int]:
        start = self.table.cellWidget(row, 1).date()  # type: ignore[union-attr]
        days = self.table.cellWidget(row, 2).value()  # type: ignore[union-attr]
        return start, days

    def set_row(self, row: int, start: date, days: int) -> None:
        """Put a first day and a number of days into a row (as typing them would)."""
        self.table.cellWidget(row, 1).setDate(start)  # type: ignore[union-attr]
        self.table.cellWidget(row, 2).setValue(days)  # type: ignore[union-attr]

    # -- actions ------------------------------------------------------------------------------------
    def save(self) -> bool:
        from ukom_desktop.services.waves import set_wave_days

        if not self.dirty:
            self.status_label.setText("Tidak ada perubahan untuk disimpan.")
            return True
        changes = [(self.infos[row].number, *self.values(row)) for row in sorted(self.dirty)]

        def store(session: Any) -> None:
            for number, start, days in changes:
                set_wave_days(session, self.context.event_id, number, start, days)

        if not in_transaction(self, self.context, store):
            return False
        count = len(self.dirty)
        self.reload()
        self.context.data_changed.emit("waves")
        self.status_label.setText(f"Tanggal {count} gelombang tersimpan.")
        return True

    def add_wave(self) -> None:
        from ukom_desktop.services.waves import add_wave

        if self.dirty and not self.save():
            return
        outcome = in_transaction(self, self.context, lambda session: add_wave(session, self.context.event_id))
        if not outcome:
            return
        number = outcome.value
        self.reload()
        self.context.data_changed.emit("waves")
        self.status_label.setText(f"Gelombang {number} ditambahkan.")

    def remove_wave(self) -> None:
        from ukom_desktop.services.waves import remove_wave

        row = self.table.currentRow()
        if row < 0:
            messages.info(self, "Pilih satu gelombang terlebih dahulu.")
            return
        number = self.infos[row].number
        if not messages.confirm(self, f"Hapus gelombang {number}?"):
            return
        if not in_transaction(self, self.context, lambda session: remove_wave(session, self.context.event_id, number)):
            return
        self.reload()
        self.context.data_changed.emit("waves")

    def close_dialog(self) -> None:
        if (self.dirty and messages.confirm(self, "Simpan perubahan tanggal gelombang sebelum menutup?")
                and not self.save()):
            return
        self.accept()


def _item(text: str) -> QTableWidgetItem:
    from PySide6.QtCore import Qt

    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
