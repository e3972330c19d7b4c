"""Dialogs of the Asesor tab: a team member's form, their availability, and the roster import preview."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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

from ukom_desktop.domain.labels import TEAM_ROLE
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.date_field import DateField
from ukom_desktop.ui.widgets.form_parts import error_label, save_cancel_buttons
from ukom_desktop.ui.widgets.record_table import RecordTable

JENJANG = ("", "Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama", "Terampil", "Mahir", "Penyelia")
PARTS = {"sehari": "Sehari penuh", "pagi": "Pagi", "siang": "Siang"}


def _buttons(dialog: QDialog, ok_text: str = "Simpan") -> QDialogButtonBox:
    return save_cancel_buttons(dialog, ok_text, QDialogButtonBox.StandardButton.Ok)


class MemberDialog(QDialog):
    """Add or edit a team member; `error_label` shows what the service refused, in words."""

    def __init__(self, row: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ubah anggota tim" if row else "Tambah anggota tim")
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText("18 digit, boleh dengan spasi")
        self.golongan = QLineEdit()
        self.golongan.setPlaceholderText("mis. III/c")
        self.jabatan = QLineEdit()
        self.role = QComboBox()
        for key, text in TEAM_ROLE.items():
            self.role.addItem(text, key)
        self.jenjang = QComboBox()
        self.jenjang.setEditable(True)
        self.jenjang.addItems(JENJANG)
        self.unit = QLineEdit()
        self.agency = QLineEdit()
        self.certification = QLineEdit()
        self.has_expiry = QCheckBox("ada masa berlaku")
        today = date.today()
        self.expiry = DateField(today.replace(year=today.year + 3, day=min(today.day, 28)))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.max_per_wave = QSpinBox()
        self.max_per_wave.setRange(0, 30)
        self.max_per_wave.setValue(3)
        self.max_per_wave.setToolTip("Berapa peserta paling banyak yang ia pegang sebagai asesor utama per gelombang")
        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.has_expiry)
        expiry_row.addWidget(self.expiry, 1)
        for label, widget in (
            ("Nama lengkap dan gelar", self.name), ("NIP", self.nip), ("Golongan/ruang", self.golongan),
            ("Jabatan", self.jabatan), ("Peran", self.role), ("Jenjang JF", self.jenjang),
            ("Unit asal", self.unit), ("Instansi", self.agency), ("Sertifikasi", self.certification),
        ):
            form.addRow(label, widget)
        form.addRow("Berlaku s.d.", expiry_row)
        form.addRow("No. HP", self.phone)
        form.addRow("Surel", self.email)
        form.addRow("Maks. peserta/gelombang", self.max_per_wave)
        self.error_label = error_label()
        form.addRow(self.error_label)
        form.addRow(_buttons(self))
        if row is not None:
            self._fill(row)

    def _fill(self, row: Any) -> None:
        self.name.setText(row.name)
        self.nip.setText(row.nip)
        self.golongan.setText(row.golongan)
        self.jabatan.setText(row.jabatan)
        self.role.setCurrentIndex(max(0, self.role.findData(row.role)))
        self.jenjang.setCurrentText(row.jf_jenjang)
        self.unit.setText(row.unit)
        self.agency.setText(row.agency)
        self.certification.setText(row.certification)
        self.has_expiry.setChecked(row.certification_expiry is not None)
        if row.certification_expiry is not None:
            self.expiry.setDate(row.certification_expiry)
        self.phone.setText(row.phone)
        self.email.setText(row.email)
        self.max_per_wave.setValue(row.max_per_wave)

    def data(self, active: bool = True) -> Any:
        from ukom_desktop.services.team import MemberData

        expiry = self.expiry.date() if self.has_expiry.isChecked() else None
        return MemberData(
            name=self.name.text(), nip=self.nip.text(), golongan=self.golongan.text(), jabatan=self.jabatan.text(),
            role=self.role.currentData(), jf_jenjang=self.jenjang.currentText(), unit=self.unit.text(),
            agency=self.agency.text(), certification=self.certification.text(), certification_expiry=expiry,
            phone=self.phone.text(), email=self.email.text(), max_participants_per_wave=self.max_per_wave.value(),
            active=active,
        )


class AvailabilityDialog(QDialog):
    """The days (or half days) a member cannot attend, or explicitly can."""

    def __init__(self, name: str, entries: list[Any], suggested: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Ketersediaan - {name}")
        fit_to_screen(self, 560, 400)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "Anggota tim dianggap bersedia setiap hari kecuali tanggal yang dicatat berhalangan di bawah ini. "
            "Penjadwal otomatis tidak menugaskannya pada hari atau setengah hari tersebut."
        ))
        layout.itemAt(0).widget().setWordWrap(True)  # type: ignore[union-attr]
        self.entries = list(entries)
        self.model = RecordTableModel((
            Column("day", "Tanggal", lambda e: e.day, width=150),
            Column("part", "Bagian hari", lambda e: PARTS.get(e.part, e.part), width=110),
            Column("state", "Keterangan", lambda e: "Bersedia" if e.available else "Berhalangan", width=100),
            Column("note", "Catatan", lambda e: e.note, width=150),
        ))
        self.table = RecordTable(self.model, "availability_dialog")
        layout.addWidget(self.table)
        add_row = QHBoxLayout()
        self.day = DateField(suggested or date.today(), anchor=suggested)
        self.part = QComboBox()
        for key, text in PARTS.items():
            self.part.addItem(text, key)
        self.available = QComboBox()
        self.available.addItem("Berhalangan", False)
        self.available.addItem("Bersedia", True)
        self.note = QLineEdit()
        self.note.setPlaceholderText("catatan (mis. dinas luar)")
        self.add_button = QPushButton("Tambah")
        self.remove_button = QPushButton("Hapus yang dipilih")
        for widget in (self.day, self.part, self.available, self.note, self.add_button):
            add_row.addWidget(widget)
        layout.addLayout(add_row)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#c0392b")
        layout.addWidget(self.error_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(_buttons(self))
        layout.addLayout(bottom)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_selected)
        self._show()

    def _show(self) -> None:
        self.entries.sort(key=lambda e: (e.day, e.part))
        self.model.set_rows(self.entries)

    def add_entry(self) -> None:
        from ukom_desktop.services.team import AvailabilityEntry

        entry = AvailabilityEntry(self.day.date(), self.part.currentData(), self.available.currentData(),
                                  self.note.text().strip())
        if any(e.day == entry.day and e.part == entry.part for e in self.entries):
            self.error_label.setText("Tanggal dan bagian hari itu sudah tercatat.")
            return
        self.error_label.clear()
        self.entries.append(entry)
        self.note.clear()
        self._show()

    def remove_selected(self) -> None:
        chosen = set(map(id, self.table.selected_rows()))
        self.entries = [e for e in self.entries if id(e) not in chosen]
        self._show()


class TeamImportDialog(QDialog):
    """Shows the verdict of every row; the user imports the valid rows or cancels."""

    def __init__(self, preview: Any, parent: QWidget | None = None, event_label: str = "") -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"Impor tim penilai - {preview.source_name}")
        fit_to_screen(self, 900, 520)
        layout = QVBoxLayout(self)
        summary = QLabel(f"<b>{preview.summary()}</b>")
        layout.addWidget(summary)
        for text in (*preview.problems, *preview.notes):
            note = QLabel(text)
            note.setWordWrap(True)
            if text in preview.problems:
                note.setStyleSheet("color:#c0392b")
            layout.addWidget(note)
        self.model = RecordTableModel((
            Column("row", "Baris", lambda r: r.row_number, align_right=True, width=55),
            Column("status", "Status", lambda r: r.status, lambda s: s.capitalize(), width=90),
            Column("name", "Nama", lambda r: r.record.name, width=200),
            Column("nip", "NIP", lambda r: r.record.nip, width=150),
            Column("role", "Peran", lambda r: TEAM_ROLE.get(r.record.role, r.record.role), width=100),
            Column("unit", "Unit asal", lambda r: r.record.unit, width=160),
            Column("reasons", "Keterangan", lambda r: "; ".join(r.reasons), width=400),
        ))
        self.model.set_rows(list(preview.rows))
        self.table = RecordTable(self.model, "team_import_preview")
        layout.addWidget(self.table)
        importable = sum(1 for r in preview.rows if r.importable)
        self.assign_check = QCheckBox(f"Tugaskan anggota yang diimpor ke kegiatan aktif ({event_label})")
        self.assign_check.setChecked(bool(event_label))
        self.assign_check.setVisible(bool(event_label))
        layout.addWidget(self.assign_check)
        box = _buttons(self, f"Impor {importable} baris")
        box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(preview.can_import)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignRight)
