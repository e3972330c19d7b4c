"""Rapat integrasi (assessor meeting) for one participant: submitted ratings side by side, the
suggested level, spread and flags, and the agreed final level with a reason when it departs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.scoring.rating_grid import level_text

FLAGGED = QColor("#fde2e1")
SUGGESTED = QColor("#e3f2e1")


def _short_flags(summary: Any) -> str:
    """"selisih 2 level", "bukti 1 simulasi" for the table; the full sentences go in the tooltip."""
    from ukom_desktop.domain.integration import FLAG_SPREAD

    parts = []
    for flag in summary.flags:
        if flag.code == FLAG_SPREAD:
            parts.append(f"selisih {level_text(summary.spread)} level")
        else:
            parts.append(f"bukti {len(summary.exercises_with_evidence)} simulasi")
    return "; ".join(parts)


class IntegrationDialog(QDialog):
    def __init__(self, context: AppContext, event_participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_participant_id = event_participant_id
        self.sheet: Any = None
        self.setWindowTitle("Rapat Integrasi")
        fit_to_screen(self, 1400, 600)
        self._setup_ui()
        self.load()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.table = QTableWidget()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setObjectName("tabHint")
        layout.addWidget(self.rule)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Simpan level akhir")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Tutup")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def load(self) -> None:
        from ukom_desktop.domain.integration import SUGGESTION_RULES
        from ukom_desktop.domain.nip import format_nip
        from ukom_desktop.services.integration import integration_sheet

        with self.context.session() as session:
            self.sheet = sheet = integration_sheet(session, self.event_participant_id)
        waiting = (f"<br><span style='color:#b00020'>Belum menyerahkan penilaian: {', '.join(sheet.waiting_for)}"
                   " (penilaiannya belum ditampilkan).</span>") if sheet.waiting_for else ""
        self.title.setText(f"<b>{sheet.participant_name}</b> &nbsp; NIP {format_nip(sheet.nip)} &nbsp; "
                           "Jabatan sasaran: "
                           f"{sheet.position_name} ({sheet.job_level_name}){waiting}")
        fixed = ["Kompetensi", "Standar"]
        tail = ["Rata-rata", "Selisih", "Usulan", "Catatan", "Level akhir", "Alasan (wajib bila berbeda dari usulan)"]
        headers = fixed + [f"{c.exercise_code}\n{c.assessor_name.split(',')[0]}" for c in sheet.columns] + tail
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(sheet.rows))
        self.table.setHorizontalHeaderLabels(headers)
        self.final_col = len(fixed) + len(sheet.columns) + 4
        self.reason_col = self.final_col + 1
        settings = sheet.settings
        step = Decimal("0.5") if settings.allow_half_levels else Decimal(1)
        choices = []
        value = Decimal(1)
        while value <= settings.max_level:
            choices.append(value)
            value += step
        for r, row in enumerate(sheet.rows):
            s = row.summary
            cells = [f"{row.code} {row.name}", level_text(row.standard)]
            cells += [c.text if c is not None else "" for c in row.cells]
            cells += [level_text(s.mean), level_text(s.spread), level_text(s.suggested_level), _short_flags(s)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if c >= 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if s.flagged:
                    item.setBackground(QBrush(FLAGGED))
                    item.setToolTip("\n".join(s.flag_messages))
                if c == len(cells) - 2:
                    item.setBackground(QBrush(SUGGESTED))
                self.table.setItem(r, c, item)
            combo = QComboBox()
            combo.addItem("-", None)
            for choice in choices:
                combo.addItem(level_text(choice), str(choice))
            current = row.final if row.final is not None else s.suggested_level
            if current is not None:
                combo.setCurrentIndex(max(combo.findText(level_text(Decimal(current))), 0))
            self.table.setCellWidget(r, self.final_col, combo)
            self.table.setItem(r, self.reason_col, QTableWidgetItem(row.reason))
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(0, 230)
        for c in range(1, self.final_col + 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(self.final_col - 1, 150)
        header.setSectionResizeMode(self.final_col - 1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.reason_col, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.rule.setText(
            f"Usulan: {SUGGESTION_RULES.get(settings.suggestion_rule, settings.suggestion_rule).lower()}, dibulatkan "
            f"ke {'setengah level' if settings.allow_half_levels else 'level bulat'}. Baris merah: selisih antarasesor "
            f"lebih dari {level_text(settings.spread_threshold)} level atau bukti dari kurang dari "
            f"{settings.min_exercises_with_evidence} simulasi. TB = tanpa bukti."
        )

    def finals(self) -> dict[int, tuple[str | None, str]]:
        result = {}
        for r, row in enumerate(self.sheet.rows):
            combo = self.table.cellWidget(r, self.final_col)
            assert isinstance(combo, QComboBox)
            reason_item = self.table.item(r, self.reason_col)
            result[row.competency_id] = (combo.currentData(), reason_item.text() if reason_item else "")
        return result

    def save(self) -> None:
        from ukom_desktop.services.integration import save_integration
        from ukom_desktop.ui.actions import in_transaction

        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setCurrentItem(None)  # commit the reason being typed
        finals = self.finals()
        outcome = in_transaction(self, self.context, lambda s: save_integration(
            s, self.event_participant_id, finals, actor="rapat integrasi",
            expected_version=self.sheet.result_version), report=self.error.setText,
            done="Hasil rapat integrasi tersimpan.")
        if not outcome:
            return
        self.saved = outcome.value
        self.error.setText("")
        self.context.data_changed.emit("results")
        self.accept()
