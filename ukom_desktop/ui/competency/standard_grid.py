"""A position's standard as one grid: competencies down, required level across, edited in place.

Clicking a level cell (or typing its number) sets the required level; clicking the chosen cell again,
the "-" column or pressing Delete removes the competency from the standard. Cells above a competency's
own maximum level are greyed out and cannot be chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

CHOSEN = QColor("#2c5282")
BAR = QColor("#c3dafe")
OFF = QColor("#edf2f7")
NONE_COLUMN = 1  # the "-" column: not required
FIRST_LEVEL_COLUMN = 2


def level_text(level: Decimal) -> str:
    return f"{level.normalize():f}".replace(".", ",")


def close_buttons() -> QDialogButtonBox:
    """A button box with one "Tutup" button (Qt's own Close is not translated)."""
    box = QDialogButtonBox()
    box.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
    return box


def header_text(text: str, width: int = 22) -> str:
    """A long column title broken over lines so it fits a narrow header."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


class StandardGrid(QTableWidget):
    """Rows are (competency id, "code name", group label, max level, level or None)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._levels: dict[int, Decimal | None] = {}
        self._original: dict[int, Decimal | None] = {}
        self.max_level = 5
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(False)
        self.cellClicked.connect(self._on_clicked)

    # -- data -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[tuple[int, str, str, int, Decimal | None]]) -> None:
        self._rows = [dict(id=r[0], label=r[1], group=r[2], max=r[3]) for r in rows]
        self._levels = {r[0]: r[4] for r in rows}
        self._original = dict(self._levels)
        self.max_level = max((r[3] for r in rows), default=5)
        self.clear()
        self.setColumnCount(FIRST_LEVEL_COLUMN + self.max_level)
        self.setHorizontalHeaderLabels(
            ["Kompetensi", "-", *(f"Level {n}" for n in range(1, self.max_level + 1))]
        )
        self.horizontalHeaderItem(NONE_COLUMN).setToolTip("Tidak dipersyaratkan oleh jabatan ini")
        self.setRowCount(len(self._rows))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(col, 64 if col >= FIRST_LEVEL_COLUMN else 36)
        for index, row in enumerate(self._rows):
            name = QTableWidgetItem(row["label"])
            name.setToolTip(f"{row['label']} ({row['group']}), level 1 sampai {row['max']}")
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(index, 0, name)
            self._paint_row(index)
        self.resizeRowsToContents()

    def levels(self) -> dict[int, Decimal | None]:
        return dict(self._levels)

    def changes(self) -> dict[int, Decimal | None]:
        """Only the competencies whose level differs from what was loaded."""
        return {cid: lv for cid, lv in self._levels.items() if lv != self._original.get(cid)}

    def is_modified(self) -> bool:
        return bool(self.changes())

    def level_of(self, competency_id: int) -> Decimal | None:
        return self._levels.get(competency_id)

    def row_of(self, competency_id: int) -> int:
        return next(i for i, row in enumerate(self._rows) if row["id"] == competency_id)

    def set_level(self, row: int, level: int | None) -> None:
        info = self._rows[row]
        if level is not None and not 1 <= level <= info["max"]:
            return
        self._levels[info["id"]] = Decimal(level) if level is not None else None
        self._paint_row(row)
        self.changed.emit()

    def fill(self, level: int) -> None:
        """Set every listed competency (within its range) to `level`."""
        for row, info in enumerate(self._rows):
            self._levels[info["id"]] = Decimal(min(level, info["max"]))
            self._paint_row(row)
        self.changed.emit()

    # -- painting -------------------------------------------------------------------------
    def _paint_row(self, row: int) -> None:
        info = self._rows[row]
        level = self._levels.get(info["id"])
        none = QTableWidgetItem("" if level is not None else "\u2013")
        none.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        none.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.setItem(row, NONE_COLUMN, none)
        chosen_col = FIRST_LEVEL_COLUMN + int(level) - 1 if level is not None else -1
        for n in range(1, self.max_level + 1):
            col = FIRST_LEVEL_COLUMN + n - 1
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if n > info["max"]:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setBackground(QBrush(OFF))
                item.setToolTip(f"Di atas level maksimal {info['max']}")
            else:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(f"{info['label']}: level {n}")
                if col == chosen_col:
                    item.setText("\u25cf " + level_text(level))  # type: ignore[arg-type]
                    item.setBackground(QBrush(CHOSEN))
                    item.setForeground(QBrush(QColor("white")))
                elif col < chosen_col:
                    item.setBackground(QBrush(BAR))
            self.setItem(row, col, item)

    # -- input ----------------------------------------------------------------------------
    def _on_clicked(self, row: int, col: int) -> None:
        if col == NONE_COLUMN:
            self.set_level(row, None)
        elif col >= FIRST_LEVEL_COLUMN:
            level = col - FIRST_LEVEL_COLUMN + 1
            current = self._levels.get(self._rows[row]["id"])
            self.set_level(row, None if current is not None and current == level else level)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        row = self.currentRow()
        text = event.text()
        if row >= 0 and text.isdigit() and text != "0":
            self.set_level(row, int(text))
            return
        if row >= 0 and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Minus):
            self.set_level(row, None)
            return
        super().keyPressEvent(event)
