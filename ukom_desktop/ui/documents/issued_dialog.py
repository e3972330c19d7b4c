"""The documents issued for the current event: kind, number, date, recipient, printings and file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.record_table import RecordTable


def _when(value: Any) -> str:
    """Stored in UTC (SQLite gives it back without a zone): shown in the display zone, e.g. 09.27 WIB."""
    from ukom_desktop.domain.timestamps import format_timestamp

    return format_timestamp(value)


COLUMNS = (
    Column("kind", "Jenis", lambda r: r.kind_label, width=170),
    Column("number", "Nomor", lambda r: r.number or "-", width=170),
    Column("date", "Tanggal", lambda r: r.issued_on, width=130),
    Column("recipient", "Penerima", lambda r: r.recipient, width=400),
    Column("count", "Dicetak", lambda r: r.print_count, lambda v: f"{v} kali", align_right=True, width=70),
    Column("last", "Terakhir dicetak", lambda r: r.last_printed_at, _when, width=175),
    Column("file", "Berkas", lambda r: r.file_path, width=320),
)


class IssuedDocumentsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Dokumen terbit kegiatan ini")
        fit_to_screen(self, 1240, 520)
        self._setup_ui()
        self.reload()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.model = RecordTableModel(COLUMNS, self)
        self.table = RecordTable(self.model, "documents/issued", self)
        self.table.activated.connect(self._open)
        layout.addWidget(self.table, 1)
        hint = QLabel("Klik dua kali untuk membuka berkasnya. Mencetak ulang memakai nomor dan tanggal yang sama.")
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        self.open_button = buttons.addButton("Buka berkas", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._open_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reload(self) -> None:
        from ukom_desktop.services.events import event_data
        from ukom_desktop.services.issued_documents import list_issued

        event_id = self.context.event_id
        with self.context.session() as session:
            event = event_data(session, event_id) if event_id is not None else None
            rows = list_issued(session, event_id) if event_id is not None else []
            title = f"{event.code} - {event.name}" if event is not None else "(tidak ada kegiatan)"
        self.model.set_rows(rows)
        self.heading.setText(f"<b>{title}</b>: {len(rows)} dokumen terbit")

    def _open_selected(self) -> None:
        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, "Pilih dokumen yang berkasnya akan dibuka.")
            return
        self._open(rows[0])

    def _open(self, row: Any) -> None:
        from ukom_desktop.ui.documents import print_dialog

        path = Path(row.file_path) if row.file_path else None
        if path is None or not path.exists():
            messages.info(self, "Berkas dokumen ini tidak ditemukan lagi di lokasi penyimpanannya. Cetak ulang "
                                "dokumen ini dari menu Cetak; nomornya tetap sama.")
            return
        print_dialog.open_result(path)
