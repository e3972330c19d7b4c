"""Pengembalian buku soal: which numbered booklets came back after the exercise, per room, and the check
that every one did (issue 17 item 4)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_session, in_transaction
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.record_table import RecordTable


class ReturnsDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Pengembalian buku soal")
        fit_to_screen(self, 820, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RecordTableModel((
            Column("number", "Nomor buku", lambda r: r.number, width=100),
            Column("participant", "Peserta", lambda r: r.participant, width=240),
            Column("exercise", "Simulasi", lambda r: r.exercise, width=160),
            Column("room", "Ruang", lambda r: r.room, width=140),
            Column("returned", "Kembali", lambda r: "Ya" if r.returned else "BELUM", width=70),
        ))
        self.table = RecordTable(self.model, "booklet_returns")
        layout.addWidget(self.table)
        bar = QHBoxLayout()
        self.return_button = QPushButton("Tandai kembali")
        self.print_button = QPushButton("Cetak berita acara serah terima...")
        close = QPushButton("Tutup")
        bar.addWidget(self.return_button)
        bar.addWidget(self.print_button)
        bar.addStretch(1)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.return_button.clicked.connect(self.mark_selected)
        self.print_button.clicked.connect(self.print_minutes)
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        from ukom_desktop.services.material_handover import booklet_rows, handover_status

        event_id = self.context.event_id
        if event_id is None:
            self.summary.setText("Pilih kegiatan aktif terlebih dahulu.")
            return
        outcome = in_session(self, self.context, lambda s: (booklet_rows(s, event_id), handover_status(s, event_id)))
        if outcome.ok and outcome.value is not None:
            rows, status = outcome.value
            self.model.set_rows(rows)
            self.summary.setText(status.short_text())

    def mark_selected(self) -> None:
        from ukom_desktop.services.material_handover import record_returns

        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, "Pilih buku soal yang sudah diterima kembali.")
            return
        numbers = [r.number for r in rows]
        if in_transaction(self, self.context, lambda s: record_returns(s, self.context.event_id, numbers),
                          done=f"{len(numbers)} buku soal dicatat kembali.").ok:
            self.reload()

    def print_minutes(self) -> None:
        from ukom_desktop.ui.materials import menu

        menu.print_room(self.parentWidget(), "material-handover")
