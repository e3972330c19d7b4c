"""Ruang gelombang: a checklist of the active rooms for one wave (issue 11 item 1). No room ticked means the
wave uses every active room, as before rooms could be chosen per wave."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.geometry import fit_to_screen


class WaveRoomsDialog(QDialog):
    def __init__(self, number: int, rooms: Sequence[Any], chosen: Iterable[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Ruang gelombang {number}")
        fit_to_screen(self, 460, 480)
        layout = QVBoxLayout(self)
        hint = QLabel(
            f"Centang ruang yang dipakai gelombang {number}. Bila tidak ada yang dicentang, gelombang ini "
            "memakai semua ruang aktif."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget()
        wanted = set(chosen)
        for room in rooms:
            item = QListWidgetItem(f"{room.name} ({room.kind_label}, {room.capacity} orang)")
            item.setData(Qt.ItemDataRole.UserRole, room.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if room.id in wanted else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        bar = QHBoxLayout()
        self.all_button = QPushButton("Centang semua")
        self.none_button = QPushButton("Kosongkan (semua ruang aktif)")
        self.all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        bar.addWidget(self.all_button)
        bar.addWidget(self.none_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Pilih")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _tick_all(self, state: Qt.CheckState) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def set_checked(self, names: Iterable[str]) -> None:
        """Tick exactly the rooms with these names (as clicking them would)."""
        wanted = set(names)
        for i in range(self.list.count()):
            item = self.list.item(i)
            name = item.text().rsplit(" (", 1)[0]
            item.setCheckState(Qt.CheckState.Checked if name in wanted else Qt.CheckState.Unchecked)

    def chosen_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
