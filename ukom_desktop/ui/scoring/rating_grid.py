"""The keyboard-driven rating form: one row per exercise x competency of one participant.

Keys (outside the notes column): 1-5 set the level and move down exactly one row (on the last row the
cursor stays and the next digit is refused with a notice instead of overwriting it); "," or "." right after a digit
makes it a half level (when the setting allows halves); 0, "-" or T marks "tanpa bukti" (no evidence);
Delete/Backspace clears the row; Space toggles "tanpa bukti". Tab and the arrow keys move between
cells; typing in the notes column edits the evidence note (Enter saves it). Every change is handed
to `saver` at once (one transaction per save); a refused save restores the row and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

COL_EXERCISE, COL_COMPETENCY, COL_LEVEL, COL_NO_EVIDENCE, COL_EVIDENCE, COL_OTHERS = range(6)
HEADERS = ("Simulasi", "Kompetensi", "Level", "Tanpa bukti", "Catatan bukti", "Penilaian asesor lain")
MISSING = QColor("#fff4ce")
LOCKED = QColor("#eeeeee")

_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
          Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

Saver = Callable[[Any, Decimal | None, bool, str], str | None]  # row, level, no_evidence, evidence -> error


def level_text(level: Decimal | None) -> str:
    if level is None:
        return ""
    return str(int(level)) if level == level.to_integral_value() else format(level.normalize(), "f").replace(".", ",")


class RatingFormModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []  # services.ratings.FormRow
        self.others: dict[tuple[int, int], str] = {}
        self.saver: Saver | None = None
        self.allow_half = False
        self.max_level = 5

    def set_form(self, rows: list[Any], *, allow_half: bool, max_level: int,
                 others: dict[tuple[int, int], str] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.allow_half = allow_half
        self.max_level = max_level
        self.others = others or {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.rows[index.row()]
        if row.submitted:
            return base
        if index.column() == COL_EVIDENCE:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == COL_NO_EVIDENCE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_EXERCISE:
                first = index.row() == 0 or self.rows[index.row() - 1].exercise_id != row.exercise_id
                return row.exercise_name if first or role == Qt.ItemDataRole.EditRole else ""
            if col == COL_COMPETENCY:
                return f"{row.competency_code} {row.competency_name}"
            if col == COL_LEVEL:
                return "TB" if row.no_evidence else level_text(row.level)
            if col == COL_EVIDENCE:
                return row.evidence
            if col == COL_OTHERS:
                return self.others.get((row.exercise_id, row.competency_id), "")
            return None
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_NO_EVIDENCE:
            return Qt.CheckState.Checked if row.no_evidence else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_LEVEL:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.submitted:
                return QBrush(LOCKED)
            if col == COL_LEVEL and not row.filled:
                return QBrush(MISSING)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_EVIDENCE, COL_OTHERS, COL_EXERCISE):
            return {COL_EVIDENCE: row.evidence, COL_EXERCISE: row.exercise_name}.get(
                col, self.others.get((row.exercise_id, row.competency_id), "")) or None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_LEVEL:
            return "Ketik 1-5 (\",\" sesudahnya untuk setengah level), 0 atau T = tanpa bukti, Delete = kosongkan"
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.rows[index.row()]
        if index.column() == COL_EVIDENCE and role == Qt.ItemDataRole.EditRole:
            return self.store(index.row(), row.level, row.no_evidence, str(value or ""))
        if index.column() == COL_NO_EVIDENCE and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.store(index.row(), None if checked else row.level, checked, row.evidence)
        return False

    def store(self, row_index: int, level: Decimal | None, no_evidence: bool, evidence: str) -> bool:
        """Save one row through the saver; keep the old values when it refuses."""
        row = self.rows[row_index]
        if row.submitted:
            return False
        if self.saver is not None:
            error = self.saver(row, level, no_evidence, evidence)
            if error:
                return False
        self.rows[row_index] = replace(row, level=None if no_evidence else level, no_evidence=no_evidence,
                                       evidence=evidence.strip())
        self.dataChanged.emit(self.index(row_index, 0), self.index(row_index, len(HEADERS) - 1))
        return True

    @property
    def missing(self) -> int:
        return sum(1 for r in self.rows if not r.filled)


class RatingGrid(QTableView):
    """The table the assessor types into (see module doc for the keys)."""

    notice = Signal(str)  # a sentence for the status line (e.g. the last row was just filled)

    def __init__(self, model: RatingFormModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        # Catatan bukti takes the room left over and never less than a readable width: the other columns are
        # kept narrow (names are in their tooltips) so the notes stay usable at 1366 and 1280 wide.
        for col, width in ((COL_EXERCISE, 150), (COL_COMPETENCY, 220), (COL_LEVEL, 50), (COL_NO_EVIDENCE, 85),
                           (COL_OTHERS, 150)):
            self.setColumnWidth(col, width)
        header.setSectionResizeMode(COL_EVIDENCE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self._last_digit_row: int | None = None
        self._filled_last_row = False  # the last row was just filled by typing: a further digit is refused

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        self._filled_last_row = False
        super().mousePressEvent(event)

    def focus_first_missing(self) -> None:
        self._filled_last_row = False
        rows = self.form.rows
        target = next((i for i, r in enumerate(rows) if not r.filled), 0) if rows else None
        if target is not None:
            self.setCurrentIndex(self.form.index(target, COL_LEVEL))
        self.setFocus()

    def _move_down(self, row: int) -> None:
        if row + 1 < self.form.rowCount():
            self.setCurrentIndex(self.form.index(row + 1, COL_LEVEL))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = self.currentIndex()
        text = event.text()
        if not index.isValid() or index.column() == COL_EVIDENCE or self.state() == QAbstractItemView.State.EditingState:
            self._last_digit_row = None
            super().keyPressEvent(event)
            return
        row = index.row()
        current = self.form.rows[row]
        key = event.key()
        last = row == self.form.rowCount() - 1
        if text.isdigit() and 1 <= int(text) <= self.form.max_level:
            if last and self._filled_last_row:
                self.notice.emit("Baris terakhir sudah terisi; tidak ditimpa. Pilih barisnya (panah atau klik) "
                                 "untuk mengubahnya.")
                return
            if self.form.store(row, Decimal(int(text)), False, current.evidence):
                self._last_digit_row = row
                self._filled_last_row = last
                self._move_down(row)
                if last:
                    self.notice.emit("Baris terakhir terisi.")
            return
        if key in _MOVES:
            self._filled_last_row = False  # the user chose a row: typing there changes it
        if text in (",", ".") and self._last_digit_row is not None and self.form.allow_half:
            target = self._last_digit_row
            level = self.form.rows[target].level
            self._last_digit_row = None
            if level is not None and level < self.form.max_level:
                self.form.store(target, level + Decimal("0.5"), False, self.form.rows[target].evidence)
            return
        self._last_digit_row = None
        if text in ("0", "-") or text.lower() == "t":
            if self.form.store(row, None, True, current.evidence):
                self._move_down(row)
            return
        if key == Qt.Key.Key_Space:
            self.form.store(row, None if not current.no_evidence else current.level, not current.no_evidence,
                            current.evidence)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.form.store(row, None, False, current.evidence)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._move_down(row)
            return
        if text and text.isprintable() and not text.isspace():
            return  # other characters do nothing outside the notes column
        super().keyPressEvent(event)
