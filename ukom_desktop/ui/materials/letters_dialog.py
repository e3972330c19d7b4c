"""Agenda surat masuk: the request letters that start events, their scans, dispositions and the event each
opened; prints the lembar disposisi (issue 17 item 5)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_session, in_transaction
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.date_field import DateField
from ukom_desktop.ui.widgets.form_parts import error_label, save_cancel_buttons
from ukom_desktop.ui.widgets.record_table import RecordTable


def choose_scan(parent: Any) -> str:
    """The scanned letter to attach (tests patch this)."""
    path, _ = QFileDialog.getOpenFileName(parent, "Pilih pindaian surat", "", "Pindaian (*.pdf *.png *.jpg *.jpeg)")
    return path


def choose_pdf_target(parent: Any, stem: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, "Simpan lembar disposisi", f"{stem}.pdf", "Dokumen PDF (*.pdf)")
    return path


class LetterForm(QDialog):
    def __init__(self, events: list[Any], data: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_in = data
        self.setWindowTitle("Ubah surat masuk" if data else "Catat surat masuk")
        fit_to_screen(self, 620, 470)
        form = QFormLayout(self)
        self.number_edit = QLineEdit(data.number if data else "")
        self.sender_edit = QLineEdit(data.sender if data else "")
        self.subject_edit = QPlainTextEdit(data.subject if data else "")
        self.subject_edit.setMaximumHeight(60)
        self.letter_date = DateField(data.letter_date if data else None, optional=True)
        self.received = DateField(data.received_on if data else None, optional=True)
        self.event_combo = QComboBox()
        self.event_combo.addItem("(belum terhubung)", None)
        for ev in events:
            self.event_combo.addItem(f"{ev.code} - {ev.name}", ev.id)
        if data and data.event_id:
            self.event_combo.setCurrentIndex(max(0, self.event_combo.findData(data.event_id)))
        self.to_edit = QLineEdit(data.disposition_to if data else "")
        self.instruction_edit = QPlainTextEdit(data.disposition_instruction if data else "")
        self.instruction_edit.setMaximumHeight(70)
        self.disposition_date = DateField(data.disposition_date if data else None, optional=True)
        for label, widget in (("Nomor surat", self.number_edit), ("Asal surat", self.sender_edit),
                              ("Perihal", self.subject_edit), ("Tanggal surat", self.letter_date),
                              ("Tanggal diterima", self.received), ("Kegiatan", self.event_combo),
                              ("Disposisi kepada", self.to_edit), ("Isi disposisi", self.instruction_edit),
                              ("Tanggal disposisi", self.disposition_date)):
            form.addRow(label, widget)
        self.error_label = error_label()
        form.addRow(self.error_label)
        form.addRow(save_cancel_buttons(self))

    def data(self) -> Any:
        from ukom_desktop.services.incoming_letters import LetterData

        return LetterData(
            self.number_edit.text(), self.sender_edit.text(), self.subject_edit.toPlainText(), self.letter_date.date(),
            self.received.date(), self.event_combo.currentData(), self.to_edit.text(),
            self.instruction_edit.toPlainText(), self.disposition_date.date(),
            notes=self.data_in.notes if self.data_in else "",
            version=self.data_in.version if self.data_in else None,
        )


class LettersDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Agenda surat masuk dan disposisi")
        fit_to_screen(self, 1000, 560)
        layout = QVBoxLayout(self)
        self.model = RecordTableModel((
            Column("agenda", "Nomor agenda", lambda r: r.agenda, width=110),
            Column("number", "Nomor surat", lambda r: r.number, width=150),
            Column("date", "Tanggal surat", lambda r: r.letter_date, width=100),
            Column("sender", "Asal surat", lambda r: r.sender, width=180),
            Column("subject", "Perihal", lambda r: r.subject, width=220),
            Column("event", "Kegiatan", lambda r: r.event_code, width=120),
            Column("scan", "Pindaian", lambda r: r.scan_filename, width=110),
            Column("to", "Disposisi kepada", lambda r: r.disposition_to, width=150),
        ))
        self.table = RecordTable(self.model, "incoming_letters")
        layout.addWidget(self.table)
        bar = QHBoxLayout()
        self.add_button = QPushButton("Catat surat...")
        self.edit_button = QPushButton("Ubah...")
        self.scan_button = QPushButton("Lampirkan pindaian...")
        self.open_button = QPushButton("Buka pindaian")
        self.event_button = QPushButton("Buat kegiatan dari surat...")
        self.print_button = QPushButton("Cetak lembar disposisi...")
        for button in (self.add_button, self.edit_button, self.scan_button, self.open_button, self.event_button,
                       self.print_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: self.edit_letter(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.activated.connect(self.edit_letter)
        self.scan_button.clicked.connect(self.attach)
        self.open_button.clicked.connect(self.open_scan)
        self.event_button.clicked.connect(self.make_event)
        self.print_button.clicked.connect(self.print_sheet)
        self.reload()

    def reload(self) -> None:
        from ukom_desktop.services.incoming_letters import list_letters
        from ukom_desktop.services.listings import list_events

        outcome = in_session(self, self.context, lambda s: (list_letters(s), list_events(s)))
        if outcome.ok and outcome.value is not None:
            letters, self.events = outcome.value
            self.model.set_rows(letters)

    def _selected(self) -> Any:
        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, "Pilih satu surat terlebih dahulu.")
            return None
        return rows[0]

    def edit_letter(self, row: Any, form: LetterForm | None = None) -> None:
        from ukom_desktop.services.incoming_letters import save_letter

        form = form or LetterForm(self.events, row, self)
        while form.exec():
            outcome = in_transaction(self, self.context, lambda s: save_letter(s, form.data(), row.id if row else None),
                                     report=form.error_label.setText, done="Surat masuk disimpan.")
            if outcome.ok:
                self.reload()
                return

    def edit_selected(self) -> None:
        row = self._selected()
        if row is not None:
            self.edit_letter(row)

    def attach(self, path: str | None = None) -> None:
        from ukom_desktop.services.incoming_letters import attach_scan

        row = self._selected()
        path = path or (choose_scan(self) if row is not None else "")
        if row is None or not path:
            return
        if in_transaction(self, self.context, lambda s: attach_scan(s, row.id, path),
                          done=f"Pindaian {Path(path).name} dilampirkan.").ok:
            self.reload()

    def open_scan(self) -> None:
        from ukom_desktop.services.incoming_letters import scan_of

        row = self._selected()
        if row is None:
            return
        outcome = in_session(self, self.context, lambda s: scan_of(s, row.id), level="warn")
        if outcome.ok and outcome.value is not None:
            name, data = outcome.value
            target = Path(tempfile.mkdtemp(prefix="ukom-surat-")) / name
            target.write_bytes(data)
            from ukom_desktop.ui.documents.print_dialog import open_result

            open_result(target)

    def make_event(self, name: str | None = None) -> None:
        from ukom_desktop.services.incoming_letters import open_event_from_letter

        row = self._selected()
        if row is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, "Buat kegiatan", "Nama kegiatan:", text=f"Penilaian kompetensi - "
                                            f"{row.sender}")
            if not ok:
                return
        if in_transaction(self, self.context, lambda s: open_event_from_letter(s, row.id, name),
                          done="Kegiatan baru dibuat dari surat permohonan.").ok:
            self.context.data_changed.emit("events")
            self.reload()

    def print_sheet(self, path: str | None = None) -> None:
        from ukom_desktop.services.incoming_letters import print_disposition

        row = self._selected()
        if row is None:
            return
        target = path or choose_pdf_target(self, f"disposisi-{row.agenda.replace('/', '-')}")
        if target:
            in_transaction(self, self.context, lambda s: print_disposition(s, None, target, letter_id=row.id),
                           done=f"Lembar disposisi tersimpan: {target}")
