"""Gelombang: the event's waves with their first day, number of working days and rooms, editable in a table
(opened from the Jadwal tab and from the Peserta tab's Tindakan menu). A wave left untouched keeps following
the event's days; a wave given a date keeps its own. The Ruang column opens a checklist of the active rooms;
no room ticked means every active room."""

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
from ukom_desktop.domain.sentences import control
from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_transaction
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.widgets.date_field import DateField
from ukom_desktop.ui.widgets.table_editor import build_table_editor

HEADERS = ("Gel.", "Hari pertama", "Hari kerja", "Tanggal", "Peserta", "Sesi", "Ruang")
ROOMS_COLUMN = 6


class WavesDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Gelombang dan tanggal pelaksanaan")
        fit_to_screen(self, 960, 400)
        self.add_button = QPushButton("Tambah gelombang")
        self.remove_button = QPushButton("Hapus gelombang")
        parts = build_table_editor(
            self,
            "Setiap gelombang dinilai pada hari kerja berturut-turut mulai hari pertamanya (Sabtu dan Minggu "
            "dilewati). Gelombang yang belum diberi tanggal memakai bagian dari tanggal kegiatan. Klik kolom Ruang "
            "untuk memilih ruang gelombang; tanpa pilihan, gelombang memakai semua ruang aktif.",
            HEADERS, (self.add_button, self.remove_button))
        self.table, self.status_label = parts.table, parts.status_label
        self.save_button, self.close_button = parts.save_button, parts.close_button
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for col, width in enumerate((45, 150, 80, 200, 65, 50, 240)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(ROOMS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda col, _old, _new: col == ROOMS_COLUMN and self._elide_rooms())
        self.add_button.clicked.connect(self.add_wave)
        self.remove_button.clicked.connect(self.remove_wave)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_dialog)
        self.infos: list[Any] = []
        self.dirty: set[int] = set()
        self.room_changes: dict[int, list[int]] = {}  # row -> the rooms chosen but not saved yet
        self.room_texts: dict[int, tuple[str, int, bool]] = {}  # row -> rooms shown, their count, pending
        self.reload()

    # -- rows ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        from ukom_desktop.services.waves import list_wave_infos

        with self.context.session() as session:
            self.infos = list_wave_infos(session, self.context.event_id)
        self.dirty.clear()
        self.room_changes.clear()
        self.room_texts.clear()
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
            rooms = QPushButton()
            rooms.setStyleSheet("text-align: left; padding: 0 6px;")
            rooms.clicked.connect(lambda _c=False, r=row: self.choose_rooms(r))
            self.table.setCellWidget(row, ROOMS_COLUMN, rooms)
            self._show_rooms(row, info.rooms_text, len(info.room_ids))
        self.status_label.setText("" if self.infos else
                                  "Belum ada gelombang: klik Tambah gelombang, atau bagi peserta lewat tab "
                                  f"Peserta > {control('Bagi kelompok...')}.")

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

    def rooms_button(self, row: int) -> QPushButton:
        return self.table.cellWidget(row, ROOMS_COLUMN)  # type: ignore[return-value]

    def choose_rooms(self, row: int) -> None:
        """Open the checklist of active rooms for the wave of this row; the choice is saved with Simpan."""
        from ukom_desktop.services.rooms import list_room_infos
        from ukom_desktop.ui.schedule.wave_rooms_dialog import WaveRoomsDialog

        with self.context.session() as session:
            rooms = list_room_infos(session, include_inactive=False)
        if not rooms:
            messages.info(self, f"Belum ada ruang aktif. Tambahkan ruang lewat tombol {control('Ruang...')} pada tab "
                                "Jadwal terlebih dahulu.")
            return
        info = self.infos[row]
        current = self.room_changes.get(row, list(info.room_ids))
        dialog = WaveRoomsDialog(info.number, rooms, current, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen_ids()
        dialog.deleteLater()
        if not accepted:
            return
        self.room_changes[row] = chosen
        names = [r.name for r in rooms if r.id in set(chosen)]
        self._show_rooms(row, ", ".join(names) if names else "Semua ruang aktif", len(names), pending=True)

    def _show_rooms(self, row: int, text: str, count: int, pending: bool = False) -> None:
        """The rooms in the button, shortened with an ellipsis to the column (all of them in the tooltip)."""
        self.room_texts[row] = (text, count, pending)
        self._elide_rooms(row)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self, self._elide_rooms)  # after the column took its new width; dropped with the dialog

    def _elide_rooms(self, only: int | None = None) -> None:
        from PySide6.QtCore import Qt

        for row, (text, count, pending) in self.room_texts.items():
            if only is not None and row != only or self.rooms_button(row) is None:
                continue
            self._render_rooms(row, text, count, pending, Qt.TextElideMode.ElideRight)

    def _render_rooms(self, row: int, text: str, count: int, pending: bool, mode: Any) -> None:
        button = self.rooms_button(row)
        suffix = " (belum disimpan)" if pending else ""
        prefix = f"{count} ruang: " if count > 1 else ""
        width = max(60, self.table.columnWidth(ROOMS_COLUMN) - 24 - button.fontMetrics().horizontalAdvance(suffix))
        shown = button.fontMetrics().elidedText(prefix + text, mode, width)
        button.setText(shown + suffix)
        button.setToolTip(text)

    # -- actions ------------------------------------------------------------------------------------
    def save(self) -> bool:
        from ukom_desktop.services.waves import set_wave_days, set_wave_rooms

        if not self.dirty and not self.room_changes:
            self.status_label.setText("Tidak ada perubahan untuk disimpan.")
            return True
        changes = [(self.infos[row].number, *self.values(row)) for row in sorted(self.dirty)]
        rooms = [(self.infos[row].number, ids) for row, ids in sorted(self.room_changes.items())]

        def store(session: Any) -> None:
            for number, start, days in changes:
                set_wave_days(session, self.context.event_id, number, start, days)
            for number, ids in rooms:
                set_wave_rooms(session, self.context.event_id, number, ids)

        if not in_transaction(self, self.context, store):
            return False
        count = len(self.dirty | set(self.room_changes))
        self.reload()
        self.context.data_changed.emit("waves")
        self.status_label.setText(f"Perubahan {count} gelombang tersimpan.")
        return True

    def add_wave(self) -> None:
        from ukom_desktop.services.waves import add_wave

        if (self.dirty or self.room_changes) and not self.save():
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
        if ((self.dirty or self.room_changes)
                and messages.confirm(self, "Simpan perubahan tanggal dan ruang gelombang sebelum menutup?")
                and not self.save()):
            return
        self.accept()


def _item(text: str) -> QTableWidgetItem:
    from PySide6.QtCore import Qt

    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
