"""A read-only table model over a list of row objects, described by Column specs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

# Role numbers as plain ints (the Qt.ItemDataRole values): touching the Qt namespace costs ~20 ms on first
# use and this module is imported before the window is shown. A UI test guards that they equal Qt's values.
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
TEXT_ALIGNMENT_ROLE = 7
USER_ROLE = 256
ALIGN_RIGHT_VCENTER = 0x0002 | 0x0080  # AlignRight | AlignVCenter
HORIZONTAL = 1  # Orientation.Horizontal
SORT_ROLE = USER_ROLE + 1
ROW_ROLE = USER_ROLE + 2
TOOLTIP_FROM = 25  # characters; shorter texts fit their cells

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str  # stable name, used to remember widths
    header: str
    value: Callable[[Any], Any]
    display: Callable[[Any], str] | None = None  # formats value for the cell
    align_right: bool = False
    width: int = 120


def _default_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, datetime):  # a stored moment (UTC): shown in the display zone
        from ukom_desktop.domain.timestamps import format_timestamp_short

        return format_timestamp_short(value)
    if isinstance(value, date):
        from ukom_desktop.domain.dates import format_date_id

        return format_date_id(value)
    return str(value)


def _sort_key(value: Any) -> Any:
    """Comparable across None: numbers and dates sort as themselves, None first."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return value
    return str(value).casefold()


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._text_cache: dict[tuple[int, int], str] = {}
        self._search_cache: dict[int, str] = {}

    def search_text(self, row: int) -> str:
        """What filter-as-you-type looks in: every cell as shown, plus the raw values (NIP without spaces)."""
        text = self._search_cache.get(row)
        if text is None:
            parts = []
            for column, col in enumerate(self.columns):
                parts.append(self.cell_text(row, column))
                if col.display is not None:
                    raw = col.value(self._rows[row])
                    if isinstance(raw, str):
                        parts.append(raw)
            text = "\n".join(parts).casefold()
            self._search_cache[row] = text
        return text

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._text_cache.clear()
        self._search_cache.clear()
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def cell_text(self, row: int, column: int) -> str:
        key = (row, column)
        text = self._text_cache.get(key)
        if text is None:
            col = self.columns[column]
            value = col.value(self._rows[row])
            text = col.display(value) if col.display else _default_text(value)
            self._text_cache[key] = text
        return text

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == DISPLAY_ROLE:
            return self.cell_text(row, column)
        if role == SORT_ROLE:
            return _sort_key(self.columns[column].value(self._rows[row]))
        if role == ROW_ROLE:
            return self._rows[row]
        if role == TEXT_ALIGNMENT_ROLE and self.columns[column].align_right:
            return ALIGN_RIGHT_VCENTER
        if role == TOOLTIP_ROLE:  # a long text (a reason, a note) is readable in full when the cell cuts it
            text = self.cell_text(row, column)
            return text if len(text) > TOOLTIP_FROM else None
        return None

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY_ROLE) -> Any:  # noqa: N802
        if role == DISPLAY_ROLE and getattr(orientation, "value", orientation) == HORIZONTAL:
            return self.columns[section].header
        return None
