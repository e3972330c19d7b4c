"""Rooms: list, add, edit, deactivate (the scheduler uses active rooms of the right kind and capacity)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.labels import ROOM_KIND
from ukom_desktop.ui import messages
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.record_table import RecordTable


class RoomForm(QDialog):
    def __init__(self, data: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ubah ruang" if data else "Tambah ruang")
        form = QFormLayout(self)
        self.name_edit = QLineEdit(data.name if data else "")
        self.kind_combo = QComboBox()
        for key, text in ROOM_KIND.items():
            self.kind_combo.addItem(text, key)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(1, 500)
        self.location_edit = QLineEdit(data.location if data else "")
        if data:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(data.kind))
            self.capacity_spin.setValue(data.capacity)
        form.addRow("Nama ruang", self.name_edit)
        form.addRow("Jenis", self.kind_combo)
        form.addRow("Kapasitas (orang)", self.capacity_spin)
        form.addRow("Lokasi", self.location_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#c0392b")
        self.error_label.setWordWrap(True)
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Simpan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def data(self) -> Any:
        from ukom_desktop.services.rooms import RoomData

        return RoomData(self.name_edit.text(), self.kind_combo.currentData(), self.capacity_spin.value(),
                        self.location_edit.text())


class RoomsDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Ruang")
        fit_to_screen(self, 640, 420)
        layout = QVBoxLayout(self)
        self.model = RecordTableModel((
            Column("name", "Ruang", lambda r: r.name, width=170),
            Column("kind", "Jenis", lambda r: r.kind_label, width=130),
            Column("capacity", "Kapasitas", lambda r: r.capacity, align_right=True, width=70),
            Column("location", "Lokasi", lambda r: r.location, width=110),
            Column("active", "Aktif", lambda r: r.active, width=50),
        ))
        self.table = RecordTable(self.model, "rooms_dialog")
        layout.addWidget(self.table)
        bar = QHBoxLayout()
        self.add_button = QPushButton("Tambah...")
        self.edit_button = QPushButton("Ubah...")
        self.toggle_button = QPushButton("Nonaktifkan/aktifkan")
        close = QPushButton("Tutup")
        for button in (self.add_button, self.edit_button, self.toggle_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.add_button.clicked.connect(self.add_room)
        self.edit_button.clicked.connect(self.edit_room)
        self.toggle_button.clicked.connect(self.toggle_room)
        self.table.activated.connect(lambda _row: self.edit_room())
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        from ukom_desktop.services.rooms import list_room_infos

        with self.context.session() as session:
            self.model.set_rows(list_room_infos(session))

    def _selected(self) -> Any:
        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, "Pilih satu ruang terlebih dahulu.")
            return None
        return rows[0]

    def _save(self, form: RoomForm, room: Any = None) -> bool:
        from ukom_desktop.errors import UserFacingError
        from ukom_desktop.services.rooms import create_room, update_room

        try:
            with self.context.transaction() as session:
                if room is None:
                    create_room(session, form.data())
                else:
                    update_room(session, room.id, form.data(), room.version)
        except UserFacingError as exc:
            form.error_label.setText(str(exc))
            return False
        return True

    def _run_form(self, room: Any = None) -> None:
        form = RoomForm(room, self)
        while form.exec():
            if self._save(form, room):
                self.reload()
                self.context.data_changed.emit("rooms")
                return

    def add_room(self) -> None:
        self._run_form(None)

    def edit_room(self) -> None:
        room = self._selected()
        if room is not None:
            self._run_form(room)

    def toggle_room(self) -> None:
        from ukom_desktop.services.rooms import set_room_active

        room = self._selected()
        if room is None:
            return
        with self.context.transaction() as session:
            set_room_active(session, room.id, not room.active)
        self.reload()
        self.context.data_changed.emit("rooms")
