"""Ruang: the rooms in an editable table (type a name, choose the kind, set the capacity; add, delete and
import from a spreadsheet); Simpan writes every changed row at once (issue 11 item 8)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from ukom_desktop.domain.labels import ROOM_KIND
from ukom_desktop.ui import messages
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.widgets.table_editor import build_table_editor

HEADERS = ("Nama ruang", "Jenis", "Kapasitas", "Lokasi", "Aktif")
COL_NAME, COL_KIND, COL_CAPACITY, COL_LOCATION, COL_ACTIVE = range(5)
SPREADSHEETS = "Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)"


class RoomsDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Ruang")
        fit_to_screen(self, 760, 440)
        self.add_button = QPushButton("Tambah baris")
        self.delete_button = QPushButton("Hapus")
        self.import_button = QPushButton("Impor...")
        parts = build_table_editor(
            self,
            "Ketik langsung pada tabel. Penjadwal memakai ruang yang aktif: aula untuk psikotes dan "
            "in-basket, ruang kelompok untuk diskusi, ruang wawancara untuk wawancara dan role play. "
            "Impor: kolom Nama ruang, Jenis, Kapasitas, Lokasi.",
            HEADERS, (self.add_button, self.delete_button, self.import_button))
        self.table, self.status_label = parts.table, parts.status_label
        self.save_button, self.close_button = parts.save_button, parts.close_button
        for col, width in ((COL_NAME, 200), (COL_KIND, 160), (COL_CAPACITY, 80), (COL_ACTIVE, 60)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setSectionResizeMode(COL_LOCATION, QHeaderView.ResizeMode.Stretch)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_dialog)
        self.table.itemChanged.connect(self._on_item_changed)
        self.rooms: list[Any] = []  # RoomInfo per loaded row, None for a new row
        self.dirty: set[int] = set()
        self.reload()

    # -- rows ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        from ukom_desktop.services.rooms import list_room_infos

        with self.context.session() as session:
            infos = list_room_infos(session)
        self.table.setRowCount(0)
        self.rooms = []
        for info in infos:
            self.add_row(info)
        self.dirty.clear()

    def add_row(self, info: Any = None, name: str = "", kind: str = "ruang_wawancara", capacity: int = 2,
                location: str = "") -> int:
        """A row for an existing room (info) or a new one with the given values; returns its index."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.rooms.append(info)
        if info is not None:
            name, kind, capacity, location = info.name, info.kind, info.capacity, info.location
        self.table.setItem(row, COL_NAME, QTableWidgetItem(name))
        combo = QComboBox()
        for key, text in ROOM_KIND.items():
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        spin = QSpinBox()
        spin.setRange(1, 500)
        spin.setValue(capacity)
        self.table.setCellWidget(row, COL_KIND, combo)
        self.table.setCellWidget(row, COL_CAPACITY, spin)
        self.table.setItem(row, COL_LOCATION, QTableWidgetItem(location))
        active = QTableWidgetItem()
        active.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        active.setCheckState(Qt.CheckState.Checked if info is None or info.active else Qt.CheckState.Unchecked)
        self.table.setItem(row, COL_ACTIVE, active)
        combo.currentIndexChanged.connect(lambda _i, r=row: self.dirty.add(r))
        spin.valueChanged.connect(lambda _v, r=row: self.dirty.add(r))
        if info is None:
            self.dirty.add(row)
            self.table.setCurrentCell(row, COL_NAME)
        self.table.blockSignals(False)
        return row

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        self.dirty.add(item.row())

    def row_data(self, row: int) -> Any:
        from ukom_desktop.services.rooms import RoomData

        name_item = self.table.item(row, COL_NAME)
        location_item = self.table.item(row, COL_LOCATION)
        return RoomData(
            name_item.text() if name_item else "",
            self.table.cellWidget(row, COL_KIND).currentData(),  # type: ignore[union-attr]
            self.table.cellWidget(row, COL_CAPACITY).value(),  # type: ignore[union-attr]
            location_item.text() if location_item else "",
            self.table.item(row, COL_ACTIVE).checkState() == Qt.CheckState.Checked,
        )

    # -- actions ------------------------------------------------------------------------------------
    def save(self) -> bool:
        from ukom_desktop.errors import UserFacingError
        from ukom_desktop.services.rooms import create_room, update_room

        editor = QApplication.focusWidget()
        if editor is not None and self.table.viewport().isAncestorOf(editor):
            self.table.commitData(editor)  # a cell still being typed in counts
        rows = sorted(r for r in self.dirty if r < self.table.rowCount())
        rows = [r for r in rows if self.rooms[r] is not None or self.row_data(r).name.strip()]
        if not rows:
            self.status_label.setText("Tidak ada perubahan untuk disimpan.")
            return True
        try:
            with self.context.transaction() as session:
                for row in rows:
                    try:
                        info = self.rooms[row]
                        if info is None:
                            create_room(session, self.row_data(row))
                        else:
                            update_room(session, info.id, self.row_data(row), info.version)
                    except UserFacingError as exc:
                        raise UserFacingError(f"Baris {row + 1}: {exc}") from None
        except UserFacingError as exc:
            messages.error(self, f"Ruang belum disimpan. {exc}")
            return False
        self.reload()
        self.context.data_changed.emit("rooms")
        self.status_label.setText(f"{len(rows)} ruang tersimpan.")
        return True

    def delete_selected(self) -> None:
        from ukom_desktop.services.rooms import delete_room

        row = self.table.currentRow()
        if row < 0:
            messages.info(self, "Pilih satu ruang terlebih dahulu.")
            return
        info = self.rooms[row]
        if info is None:
            self.table.removeRow(row)
            del self.rooms[row]
            self.dirty = {r if r < row else r - 1 for r in self.dirty if r != row}
            return
        if not messages.confirm(self, f"Hapus ruang {info.name}?"):
            return
        with self.context.transaction() as session:
            deleted = delete_room(session, info.id)
        self.reload()
        self.context.data_changed.emit("rooms")
        self.status_label.setText(f"Ruang {info.name} dihapus." if deleted else
                                  f"Ruang {info.name} dipakai jadwal tersimpan, jadi dinonaktifkan.")

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, "Impor daftar ruang", "", SPREADSHEETS)
        return path

    def import_file(self, path: str | None = None) -> Any:
        from ukom_desktop.errors import UserFacingError
        from ukom_desktop.services.room_import import import_rooms

        path = path or self.ask_open_path()
        if not path:
            return None
        if self.dirty and not self.save():
            return None
        try:
            with self.context.transaction() as session:
                result = import_rooms(session, path)
        except UserFacingError as exc:
            messages.error(self, str(exc))
            return None
        self.reload()
        self.context.data_changed.emit("rooms")
        text = f"Impor ruang: {result.created} baru, {result.updated} diperbarui."
        if result.rejected:
            text += " Ditolak: " + "; ".join(result.rejected)
        self.status_label.setText(text)
        return result

    def close_dialog(self) -> None:
        if (self.dirty and messages.confirm(self, "Simpan perubahan ruang sebelum menutup?")
                and not self.save()):
            return
        self.accept()
