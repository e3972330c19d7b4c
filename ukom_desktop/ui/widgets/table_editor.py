"""The frame of a dialog that edits rows in a table and saves them at once (waves, rooms): a hint above,
the table, a status line, the row buttons on the left and Simpan / Tutup on the right."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)


@dataclass
class TableEditorParts:
    table: QTableWidget
    status_label: QLabel
    save_button: QPushButton
    close_button: QPushButton


def build_table_editor(dialog: QDialog, hint: str, headers: Sequence[str],
                       row_buttons: Sequence[QPushButton]) -> TableEditorParts:
    """Lay the frame out on `dialog`; the dialog sets column widths and connects the buttons."""
    layout = QVBoxLayout(dialog)
    hint_label = QLabel(hint)
    hint_label.setWordWrap(True)
    layout.addWidget(hint_label)
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    layout.addWidget(table, 1)
    status_label = QLabel()
    status_label.setWordWrap(True)
    layout.addWidget(status_label)
    bar = QHBoxLayout()
    save_button = QPushButton("Simpan")
    close_button = QPushButton("Tutup")
    for button in row_buttons:
        bar.addWidget(button)
    bar.addStretch(1)
    bar.addWidget(save_button)
    bar.addWidget(close_button)
    layout.addLayout(bar)
    return TableEditorParts(table, status_label, save_button, close_button)
