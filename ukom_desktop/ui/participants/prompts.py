"""Questions the participant and event dialogs ask (file names, a reason): one place for tests to patch."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

SPREADSHEETS = "Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)"
EXCEL = "Buku kerja Excel (*.xlsx)"


def open_file(parent: QWidget | None, title: str, filters: str = SPREADSHEETS) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str = EXCEL) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else f"{path}.xlsx"


def text(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    answer, ok = QInputDialog.getText(parent, title, label, text=value)
    return answer if ok else None


def choice(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    answer, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return answer if ok else None


def number(parent: QWidget | None, title: str, label: str, value: int = 1, low: int = 1, high: int = 999) -> int | None:
    answer, ok = QInputDialog.getInt(parent, title, label, value, low, high)
    return answer if ok else None
