"""The rundown (susunan acara) editor: one line per agenda item, typed in like a spreadsheet."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.icons import icon

HEADERS = ("Tanggal", "Mulai", "Selesai", "Acara", "Penanggung jawab", "Tempat", "Gel.")
WIDTHS = (95, 60, 60, 280, 170, 150, 45)


def _parse_date(text: str) -> date | None:
    from ukom_desktop.ui.widgets.date_field import parse_date

    text = text.strip()
    if not text:
        return None
    typed = parse_date(text)  # typed the way every date field of the window takes it
    if typed is not None:
        return typed
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        pass
    raise ValueError(f"tanggal '{text}' tidak terbaca (tulis seperti 22-11-2026)")


def _parse_time(text: str) -> time | None:
    text = text.strip().replace(".", ":")
    if not text:
        return None
    try:
        return datetime.strptime(text, "%H:%M").time()
    except ValueError:
        raise ValueError(f"jam '{text}' tidak terbaca (tulis seperti 08:30)") from None


class AgendaEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        bar = QHBoxLayout()
        self.add_button = QPushButton(icon("new"), "Tambah baris")
        self.remove_button = QPushButton(icon("delete"), "Hapus baris")
        self.up_button = QPushButton("Naik")
        self.down_button = QPushButton("Turun")
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.hint = QLabel("Tanggal ditulis 22-11-2026, jam 08:30. Baris tanpa acara diabaikan.")
        bar.addWidget(self.hint)
        layout.addLayout(bar)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self._on_remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))

    def add_row(self, values: tuple[str, ...] = ()) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(len(HEADERS)):
            text = values[column] if column < len(values) else ""
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def set_items(self, items: list[Any]) -> None:
        self.table.setRowCount(0)
        for item in items:
            self.add_row((
                item.day.strftime("%d-%m-%Y") if item.day else "",
                item.start_time.strftime("%H:%M") if item.start_time else "",
                item.end_time.strftime("%H:%M") if item.end_time else "",
                item.title, item.person_in_charge, item.location,
                str(item.wave_number) if item.wave_number else "",
            ))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def items(self) -> list[Any]:
        """The lines as AgendaData; ValueError naming the line when a date or time cannot be read."""
        from ukom_desktop.services.events import AgendaData

        out = []
        for row in range(self.table.rowCount()):
            values = [self._text(row, c) for c in range(len(HEADERS))]
            if not values[3]:
                continue
            try:
                wave = int(values[6]) if values[6] else None
                out.append(AgendaData(
                    title=values[3], day=_parse_date(values[0]), start_time=_parse_time(values[1]),
                    end_time=_parse_time(values[2]), person_in_charge=values[4], location=values[5],
                    wave_number=wave,
                ))
            except ValueError as exc:
                raise ValueError(f"Susunan acara baris {row + 1}: {exc}.") from None
        return out

    def _on_remove(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        for column in range(len(HEADERS)):
            a, b = self.table.takeItem(row, column), self.table.takeItem(target, column)
            self.table.setItem(row, column, b)
            self.table.setItem(target, column, a)
        self.table.setCurrentCell(target, self.table.currentColumn())
