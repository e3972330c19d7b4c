"""Export what a table shows (its visible rows and columns, in the shown order) to a formatted workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ukom_desktop.ui import messages
from ukom_desktop.ui.widgets.record_table import RecordTable


def table_to_workbook(table: RecordTable, path: Path, title: str) -> Path:
    from ukom_desktop.io.xlsx_writer import TableColumn, TableSheet, write_table_workbook

    header = table.view.horizontalHeader()
    logical = [header.logicalIndex(v) for v in range(header.count())]
    logical = [c for c in logical if not header.isSectionHidden(c)]
    model = table.model
    columns, rows = [], []
    for c in logical:
        col = model.columns[c]
        columns.append(TableColumn.text(col.header) if col.key in ("nip", "phone") else TableColumn(col.header))
    for r in range(table.proxy.rowCount()):
        src = table.proxy.mapToSource(table.proxy.index(r, 0)).row()
        row = []
        for c in logical:
            col = model.columns[c]
            raw = col.value(model.row_object(src))
            # Numbers and dates stay numbers and dates; everything else as the table shows it.
            keep_raw = isinstance(raw, int | float | date) and not isinstance(raw, bool) and col.display is None
            row.append(raw if keep_raw else model.cell_text(src, c))
        rows.append(row)
    return write_table_workbook(path, [TableSheet(title=title, columns=columns, rows=rows)])


def export_table(table: RecordTable, title: str, suggested_name: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(table, "Ekspor ke Excel", suggested_name, "Buku kerja Excel (*.xlsx)")
    if not path:
        return None
    target = Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")
    from ukom_desktop.errors import UserFacingError

    try:
        table_to_workbook(table, target, title)
    except UserFacingError as exc:  # e.g. the file is open in Excel: a sentence naming it
        messages.error(table, str(exc))
        return None
    except OSError as exc:
        messages.error(table, f"Berkas {target} tidak dapat ditulis: {exc.strerror or exc}")
        return None
    return target
