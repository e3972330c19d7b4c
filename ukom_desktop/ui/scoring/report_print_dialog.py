"""Cetak > Laporan individu: which reports to print.

Only reports approved by QC print as final (number, approval date, signatures). By default the dialog
prints exactly those; the user may instead print every report or tick participants, and then a report
not yet approved prints as a preview marked DRAF on every page, without number or signatures.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
)

from ukom_desktop.ui.geometry import fit_to_screen

DRAFT_NOTE = ("Laporan yang belum disetujui dicetak sebagai pratinjau bertanda DRAF di setiap halaman, "
              "tanpa nomor dan tanda tangan.")


class ReportPrintDialog(QDialog):
    """Lists the integrated participants with the state of their report; ``selection()`` gives the choice."""

    def __init__(self, parent: Any, choices: list[Any]) -> None:
        super().__init__(parent)
        self.choices = choices
        self.setWindowTitle("Cetak laporan individu")
        self._setup_ui()
        self._connect_signals()
        self._on_mode_changed()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        approved = sum(c.approved for c in self.choices)
        self.summary = QLabel(f"{approved} dari {len(self.choices)} laporan sudah disetujui QC dan dapat dicetak "
                              "sebagai laporan final.")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.approved_only = QRadioButton("Hanya laporan yang disetujui")
        self.everyone = QRadioButton("Semua laporan (yang belum disetujui sebagai DRAF)")
        self.chosen = QRadioButton("Pilih peserta:")
        self.modes = QButtonGroup(self)
        for button in (self.approved_only, self.everyone, self.chosen):
            self.modes.addButton(button)
            layout.addWidget(button)
        self.approved_only.setChecked(True)
        self.people = QListWidget()
        for choice in self.choices:
            number = f"{choice.number}. " if choice.number is not None else ""
            state = f"disetujui, {choice.report_number}" if choice.approved else choice.status_label.lower()
            item = QListWidgetItem(f"{number}{choice.name} ({state})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.approved else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, choice.event_participant_id)
            self.people.addItem(item)
        layout.addWidget(self.people, 1)
        self.note = QLabel(DRAFT_NOTE)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton("Cetak...", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560, 460)

    def _connect_signals(self) -> None:
        self.modes.buttonToggled.connect(lambda *_: self._on_mode_changed())
        self.people.itemChanged.connect(lambda *_: self._on_mode_changed())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _on_mode_changed(self) -> None:
        self.people.setEnabled(self.chosen.isChecked())
        ids, drafts = self.selection()
        self.note.setVisible(drafts)
        wanted = [c for c in self.choices if ids is None or c.event_participant_id in ids]
        printable = [c for c in wanted if c.approved or drafts]
        self.print_button.setEnabled(bool(printable))

    def selection(self) -> tuple[list[int] | None, bool]:
        """(participant ids, or None for every approved report; whether drafts print as DRAF previews)."""
        if self.approved_only.isChecked():
            return None, False
        if self.everyone.isChecked():
            return None, True
        ids = []
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids, True
