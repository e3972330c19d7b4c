"""Berkas > Paket asesor > Terima paket...: the preview of a return package and its merge, and the
conflict queue where a reviewer keeps one side with a reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_transaction
from ukom_desktop.ui.geometry import fit_to_screen

CATEGORY_TITLES = {"baru": "Baru", "berubah": "Berubah", "sama": "Sama", "konflik": "Konflik"}


def describe(value: dict[str, Any] | None) -> str:
    if not value:
        return "-"
    if "sections" in value:
        return "; ".join(f"{k}: {str(v)[:60]}" for k, v in value["sections"].items() if isinstance(v, str))
    level = "tanpa bukti" if value.get("no_evidence") else (value.get("level") or "kosong")
    if isinstance(level, str) and level.endswith(".00"):
        level = level[:-3]
    text = f"level {level}"
    if value.get("evidence"):
        text += f" - {value['evidence']}"
    return text


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


class MergePreviewDialog(QDialog):
    """Shows what a return package would change; Terapkan merges it in one transaction."""

    def __init__(self, context: Any, data: bytes, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.data = context, data
        self.setWindowTitle("Terima paket asesor")
        fit_to_screen(self, 1000, 600)
        from ukom_desktop.services.packages_merge import import_package

        with context.session() as session:
            self.preview = import_package(session, data, dry_run=True)
            session.rollback()
        p = self.preview
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{file_name}</b><br>Asesor: {p.assessor_name} &nbsp; Kegiatan: {p.event_code}"
                                f" &nbsp; Kiriman ke-{p.sequence}"))
        counts = p.counts
        self.counts_label = QLabel(
            "Paket ini sudah pernah diterima; tidak ada yang berubah." if p.already_received else
            " &nbsp;&nbsp; ".join(f"{CATEGORY_TITLES[k]}: <b>{counts[k]}</b>" for k in CATEGORY_TITLES))
        layout.addWidget(self.counts_label)
        self.table = _table(["Status", "Peserta", "Simulasi / kompetensi", "Di laptop", "Di basis data", "Alasan"])
        shown = sorted(p.items, key=lambda i: ("konflik", "baru", "berubah", "sama").index(i.category))
        self.table.setRowCount(len(shown))
        for r, item in enumerate(shown):
            for c, text in enumerate((CATEGORY_TITLES[item.category], item.participant, item.label,
                                      describe(item.laptop), describe(item.database), item.reason_text)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        layout.addWidget(QLabel("Semua yang tanpa konflik diterapkan dalam satu transaksi; konflik masuk antrean "
                                "Berkas > Paket asesor > Konflik paket... untuk diputuskan."))
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton("Terapkan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(not p.already_received)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_preview = None

    def apply(self) -> None:
        from ukom_desktop.services.packages_merge import import_package

        outcome = in_transaction(self, self.context, lambda session: import_package(session, self.data))
        if not outcome:
            return
        self.result_preview = outcome.value
        messages.info(self, f"Paket diterapkan: {self.result_preview.summary_line}.")
        self.context.data_changed.emit("ratings")
        self.accept()


class ConflictQueueDialog(QDialog):
    """Open conflicts of the current event: keep the laptop's or the database's value, with a reason."""

    def __init__(self, context: Any, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.event_id = context, event_id
        self.setWindowTitle("Konflik paket asesor")
        fit_to_screen(self, 1000, 520)
        layout = QVBoxLayout(self)
        self.table = _table(["No.", "Asesor", "Peserta / isian", "Alasan", "Di laptop", "Di basis data"])
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.keep = QComboBox()
        self.keep.addItem("Simpan versi laptop", "laptop")
        self.keep.addItem("Simpan versi basis data", "database")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Alasan keputusan (wajib)")
        self.decide_button = QPushButton("Putuskan")
        self.decide_button.clicked.connect(self.decide)
        row.addWidget(self.keep)
        row.addWidget(self.reason, 1)
        row.addWidget(self.decide_button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        from ukom_desktop.services.packages_conflicts import list_conflicts

        with self.context.session() as session:
            self.rows = list_conflicts(session, self.event_id)
        self.table.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            for col, text in enumerate((str(c.id), c.assessor, c.description, c.reason_text, describe(c.laptop),
                                        describe(c.database))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        if self.rows:
            self.table.selectRow(0)
        self.decide_button.setEnabled(bool(self.rows))

    def decide(self) -> None:
        from ukom_desktop.services.packages_conflicts import resolve_conflict

        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            messages.info(self, "Pilih dulu konflik yang akan diputuskan.")
            return
        conflict_id, keep, reason = self.rows[row].id, self.keep.currentData(), self.reason.text()
        if not in_transaction(self, self.context, lambda session: resolve_conflict(session, conflict_id, keep, reason),
                              level="warn"):
            return
        self.reason.clear()
        self.context.data_changed.emit("ratings")
        self.reload()
