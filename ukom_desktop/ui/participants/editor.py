"""The participant editor: the person (NIP, name, golongan, contacts) and their place in the event."""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.labels import ATTENDANCE, INVITATION
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.widgets.date_field import DateField


def _spin(low: int, high: int, empty: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low - 1, high)
    spin.setSpecialValueText(empty)
    return spin


class ParticipantEditorDialog(QDialog):
    """Add (ep_id None) or edit one participant of the event."""

    def __init__(self, context: AppContext, event_id: int, ep_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id = event_id
        self.ep_id = ep_id
        self._version: int | None = None
        self.setWindowTitle("Tambah peserta" if ep_id is None else "Ubah data peserta")
        fit_to_screen(self, 860, 560)
        self._setup_ui()
        self._connect_signals()
        self._load()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        person = QGroupBox("Data pegawai")
        form = QFormLayout(person)
        self.nip_edit = QLineEdit()
        self.nip_edit.setPlaceholderText("18 digit, mis. 19860926 201505 1 001")
        self.name_edit = QLineEdit()
        self.sex_combo = QComboBox()
        for text, value in (("(dari NIP)", ""), ("Laki-laki", "L"), ("Perempuan", "P")):
            self.sex_combo.addItem(text, value)
        self.birth_place_edit = QLineEdit()
        self.birth_date_edit = DateField(optional=True, placeholder="(dari NIP)", anchor=date(1985, 1, 1))
        self.birth_date_edit.setDateRange(date(1900, 1, 1), date.today())
        self.nip_edit.textChanged.connect(self._on_nip_typed)
        self.golongan_edit = QLineEdit()
        self.golongan_edit.setPlaceholderText("mis. III/b atau Penata Muda Tk. I")
        self.jabatan_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.agency_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        for text, widget in (("NIP *", self.nip_edit), ("Nama *", self.name_edit), ("Jenis kelamin", self.sex_combo),
                             ("Tempat lahir", self.birth_place_edit), ("Tanggal lahir", self.birth_date_edit),
                             ("Golongan/ruang", self.golongan_edit), ("Jabatan", self.jabatan_edit),
                             ("Unit kerja", self.unit_edit), ("Instansi", self.agency_edit),
                             ("No. HP/WA", self.phone_edit), ("Surel", self.email_edit)):
            form.addRow(text, widget)
        columns.addWidget(person, 1)

        event = QGroupBox("Dalam kegiatan ini")
        form2 = QFormLayout(event)
        self.number_spin = _spin(1, 99999, "(otomatis)")
        self.position_combo = QComboBox()
        self.invitation_combo = QComboBox()
        for value, text in INVITATION.items():
            self.invitation_combo.addItem(text, value)
        self.attendance_combo = QComboBox()
        for value, text in ATTENDANCE.items():
            self.attendance_combo.addItem(text, value)
        self.reason_edit = QLineEdit()
        self.cv_check = QCheckBox("DRH lengkap")
        self.tracing_check = QCheckBox("Penelusuran kompetensi lengkap")
        self.wave_spin = _spin(1, 99, "(belum)")
        self.group_spin = _spin(1, 99, "(belum)")
        self.set_edit = QLineEdit()
        self.set_edit.setMaxLength(20)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(70)
        for text, widget in (("Nomor peserta", self.number_spin), ("Jabatan sasaran", self.position_combo),
                             ("Undangan", self.invitation_combo), ("Kehadiran", self.attendance_combo),
                             ("Alasan tidak hadir", self.reason_edit), ("", self.cv_check), ("", self.tracing_check),
                             ("Gelombang", self.wave_spin), ("Kelompok", self.group_spin),
                             ("Paket soal", self.set_edit), ("Catatan", self.notes_edit)):
            form2.addRow(text, widget)
        columns.addWidget(event, 1)
        layout.addLayout(columns)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Simpan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.attendance_combo.currentIndexChanged.connect(self._on_attendance)

    def _on_nip_typed(self, text: str) -> None:
        """The calendar of an empty birth date opens at the birth date the NIP holds."""
        from ukom_desktop.domain.nip import parse_nip

        with contextlib.suppress(ValueError):
            self.birth_date_edit.setAnchor(parse_nip(text).birth_date)

    def _on_attendance(self) -> None:
        self.reason_edit.setEnabled(self.attendance_combo.currentData() == "tidak_hadir")

    def _load(self) -> None:
        from ukom_desktop.services.participants import participant_form
        from ukom_desktop.services.positions import list_positions

        with self.context.session() as session:
            positions = sorted(((p.id, p.name) for p in list_positions(session)), key=lambda p: p[1])
            form = participant_form(session, self.ep_id) if self.ep_id is not None else None
            from ukom_desktop.services.target_positions import default_target_position

            only_position = default_target_position(session, self.event_id) if form is None else None
        self.position_combo.addItem("(belum ditentukan)", None)
        for pid, name in positions:
            self.position_combo.addItem(name, pid)
        if form is None:
            if only_position is not None:
                self.position_combo.setCurrentIndex(max(0, self.position_combo.findData(only_position)))
            self._on_attendance()
            return
        self._version = form.version
        self.nip_edit.setText(form.nip)
        self.name_edit.setText(form.name)
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(form.sex)))
        self.birth_place_edit.setText(form.birth_place)
        if form.birth_date:
            self.birth_date_edit.setDate(form.birth_date)
        self.golongan_edit.setText(form.golongan)
        self.jabatan_edit.setText(form.jabatan)
        self.unit_edit.setText(form.unit)
        self.agency_edit.setText(form.agency)
        self.phone_edit.setText(form.phone)
        self.email_edit.setText(form.email)
        self.number_spin.setValue(form.number or 0)
        self.position_combo.setCurrentIndex(max(0, self.position_combo.findData(form.target_position_id)))
        self.invitation_combo.setCurrentIndex(max(0, self.invitation_combo.findData(form.invitation)))
        self.attendance_combo.setCurrentIndex(max(0, self.attendance_combo.findData(form.attendance)))
        self.reason_edit.setText(form.attendance_reason)
        self.cv_check.setChecked(form.cv_complete)
        self.tracing_check.setChecked(form.tracing_complete)
        self.wave_spin.setValue(form.wave_number or 0)
        self.group_spin.setValue(form.group_number or 0)
        self.set_edit.setText(form.question_set)
        self.notes_edit.setPlainText(form.notes)
        self._on_attendance()

    def form(self):  # type: ignore[no-untyped-def]
        from ukom_desktop.services.participants import ParticipantForm

        return ParticipantForm(
            nip=self.nip_edit.text(), name=self.name_edit.text(), sex=self.sex_combo.currentData(),
            birth_date=self.birth_date_edit.date(),
            birth_place=self.birth_place_edit.text(), golongan=self.golongan_edit.text(),
            jabatan=self.jabatan_edit.text(), unit=self.unit_edit.text(), agency=self.agency_edit.text(),
            phone=self.phone_edit.text(), email=self.email_edit.text(), number=self.number_spin.value() or None,
            target_position_id=self.position_combo.currentData(), invitation=self.invitation_combo.currentData(),
            attendance=self.attendance_combo.currentData(), attendance_reason=self.reason_edit.text(),
            cv_complete=self.cv_check.isChecked(), tracing_complete=self.tracing_check.isChecked(),
            wave_number=self.wave_spin.value() or None, group_number=self.group_spin.value() or None,
            question_set=self.set_edit.text(), notes=self.notes_edit.toPlainText(), version=self._version,
        )

    def _on_save(self) -> None:
        from ukom_desktop.services.participants import save_participant
        from ukom_desktop.ui.actions import in_transaction

        form = self.form()
        outcome = in_transaction(self, self.context, lambda s: save_participant(s, self.event_id, form, self.ep_id),
                                 report=self.error_label.setText, done=f"Data peserta {form.name} tersimpan.")
        if not outcome:
            return
        self.ep_id = outcome.value
        self.context.data_changed.emit("participants")
        self.accept()
