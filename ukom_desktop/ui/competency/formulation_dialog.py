"""Rapat perumusan kompetensi: meeting date, place, participants and signatories; prints the signed document."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.widgets.date_field import DateField

PARTICIPANT_COLUMNS = ("Nama", "NIP", "Jabatan", "Unsur")


class PersonBox(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText("18 angka")
        self.golongan = QLineEdit()
        self.golongan.setPlaceholderText("mis. IV/b")
        self.jabatan = QLineEdit()
        form.addRow("Nama", self.name)
        form.addRow("NIP", self.nip)
        form.addRow("Golongan", self.golongan)
        form.addRow("Jabatan", self.jabatan)

    def set_person(self, person) -> None:  # type: ignore[no-untyped-def]
        self.name.setText(person.name)
        self.nip.setText(person.nip)
        self.golongan.setText(person.golongan)
        self.jabatan.setText(person.jabatan)

    def person(self):  # type: ignore[no-untyped-def]
        from ukom_desktop.services.formulation import PersonEntry

        return PersonEntry(self.name.text(), self.nip.text(), self.jabatan.text(), self.golongan.text())


class FormulationDialog(QDialog):
    def __init__(self, context: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id = event_id
        self.task = None
        self.setWindowTitle("Rapat Perumusan Kompetensi")
        fit_to_screen(self, 980, 720)
        self._setup_ui()
        self._connect_signals()
        self.load()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        form = QFormLayout()
        date_row = QHBoxLayout()
        self.has_date = QCheckBox("sudah ditetapkan")
        self.date_edit = DateField()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.has_date)
        date_row.addStretch(1)
        self.place_edit = QLineEdit()
        self.number_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(54)
        self.notes_edit.setPlaceholderText("Satu catatan per baris (boleh kosong)")
        form.addRow("Tanggal rapat", date_row)
        form.addRow("Tempat rapat", self.place_edit)
        form.addRow("Nomor dokumen", self.number_edit)
        form.addRow("Catatan", self.notes_edit)
        layout.addLayout(form)
        layout.addWidget(QLabel("Peserta rapat:"))
        self.participants = QTableWidget(0, len(PARTICIPANT_COLUMNS))
        self.participants.setHorizontalHeaderLabels(PARTICIPANT_COLUMNS)
        self.participants.verticalHeader().setVisible(False)
        self.participants.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.participants, 1)
        rows = QHBoxLayout()
        self.add_row = QPushButton(icon("new"), "Tambah peserta")
        self.remove_row = QPushButton(icon("delete"), "Hapus baris")
        rows.addWidget(self.add_row)
        rows.addWidget(self.remove_row)
        rows.addStretch(1)
        layout.addLayout(rows)
        signers = QHBoxLayout()
        self.stakeholder_box = PersonBox("Pimpinan instansi pengusul")
        self.unit_box = PersonBox("Kepala unit penilaian kompetensi")
        signers.addWidget(self.stakeholder_box)
        signers.addWidget(self.unit_box)
        layout.addLayout(signers)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(icon("backup"), "Simpan")
        self.print_button = QPushButton(icon("print"), "Cetak dokumen rumusan...")
        self.close_button = QPushButton("Tutup")
        buttons.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.has_date.toggled.connect(self.date_edit.setEnabled)
        self.add_row.clicked.connect(lambda: self._append(["", "", "", ""]))
        self.remove_row.clicked.connect(self._on_remove_row)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.ask_and_print)
        self.close_button.clicked.connect(self.accept)

    def load(self) -> None:
        from ukom_desktop.services.events import event_data
        from ukom_desktop.services.formulation import get_formulation

        with self.context.session() as session:
            event = event_data(session, self.event_id)
            info = get_formulation(session, self.event_id)
        self.event_code = event.code
        self.title.setText(f"<b>{event.code}</b> {event.name}<br>Instansi pengusul: {event.requesting_agency or '-'}")
        self.has_date.setChecked(info.meeting_date is not None)
        self.date_edit.setEnabled(info.meeting_date is not None)
        self.date_edit.setAnchor(event.start_date)
        self.date_edit.setDate(info.meeting_date or date.today())
        self.place_edit.setText(info.place)
        self.number_edit.setText(info.number)
        self.notes_edit.setPlainText(info.notes)
        self.participants.setRowCount(0)
        for person in info.participants:
            self._append([person.name, person.nip, person.jabatan, person.party])
        self.unit_box.set_person(info.unit_signatory)
        self.stakeholder_box.set_person(info.stakeholder_signatory)

    def _append(self, values: list[str]) -> None:
        row = self.participants.rowCount()
        self.participants.insertRow(row)
        for col, value in enumerate(values):
            self.participants.setItem(row, col, QTableWidgetItem(value))

    def _on_remove_row(self) -> None:
        rows = sorted({index.row() for index in self.participants.selectedIndexes()}, reverse=True)
        for row in rows or [self.participants.rowCount() - 1]:
            if row >= 0:
                self.participants.removeRow(row)

    def formulation(self):  # type: ignore[no-untyped-def]
        from ukom_desktop.services.formulation import Formulation, PersonEntry

        def text(row: int, col: int) -> str:
            item = self.participants.item(row, col)
            return item.text() if item is not None else ""

        people = tuple(PersonEntry(text(r, 0), text(r, 1), text(r, 2), "", text(r, 3))
                       for r in range(self.participants.rowCount()))
        return Formulation(
            meeting_date=self.date_edit.date() if self.has_date.isChecked() else None,
            place=self.place_edit.text(), number=self.number_edit.text(), notes=self.notes_edit.toPlainText(),
            participants=people, unit_signatory=self.unit_box.person(),
            stakeholder_signatory=self.stakeholder_box.person(),
        )

    def save(self) -> bool:
        from ukom_desktop.services.formulation import save_formulation
        from ukom_desktop.ui.actions import in_transaction

        data = self.formulation()
        if not in_transaction(self, self.context, lambda s: save_formulation(s, self.event_id, data),
                              done="Rumusan kompetensi tersimpan."):
            return False
        self.context.data_changed.emit("formulation")
        return True

    def ask_and_print(self) -> None:
        if not self.save():
            return
        path, _ = QFileDialog.getSaveFileName(self, "Simpan dokumen rumusan kompetensi",
                                              f"Rumusan Kompetensi {self.event_code}.pdf", "Dokumen PDF (*.pdf)")
        if path:
            self.print_to(Path(path if path.lower().endswith(".pdf") else f"{path}.pdf"))

    def print_to(self, target: Path):  # type: ignore[no-untyped-def]
        from ukom_desktop.ui.background import run_in_background

        sessions = self.context.database.sessions  # type: ignore[union-attr]
        event_id = self.event_id

        def work() -> Iterator[tuple[int, int, str]]:
            from ukom_desktop.services.formulation import render_event_formulation

            yield 0, 1, "Menyusun dokumen rumusan kompetensi..."
            with sessions() as session:
                pages = render_event_formulation(session, event_id, target)
            yield 1, 1, "Selesai"
            return pages

        def done(pages: int) -> None:
            messages.info(self, f"Dokumen rumusan kompetensi ({pages} halaman) tersimpan:\n{target}")

        self.task = run_in_background(self, work, title="Mencetak dokumen rumusan kompetensi", on_done=done)
        return self.task
