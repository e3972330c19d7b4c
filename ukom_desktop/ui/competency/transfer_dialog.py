"""Excel export and import of the dictionary, standards and matrix; the import shows a preview first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.background import run_in_background
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen


class ImportPreviewDialog(QDialog):
    """Reads the workbook in the background, lists every issue per row, imports only a clean file."""

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.preview: Any = None
        self.task = None
        self.setWindowTitle("Pratinjau Impor Kompetensi")
        fit_to_screen(self, 900, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(f"Membaca {path.name}...")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.issues = QTableWidget(0, 4)
        self.issues.setHorizontalHeaderLabels(["Lembar", "Baris", "Jenis", "Keterangan"])
        self.issues.verticalHeader().setVisible(False)
        self.issues.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.issues.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.issues, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton("Impor")
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton("Batal")
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.import_button.clicked.connect(self._on_import)
        self.cancel_button.clicked.connect(self.reject)

    def start(self):  # type: ignore[no-untyped-def]
        sessions = self.context.database.sessions  # type: ignore[union-attr]
        path = self.path

        def work() -> Iterator[tuple[int, int, str]]:
            from ukom_desktop.services.competency_transfer import preview_competency_import

            yield 0, 1, f"Membaca {path.name}..."
            with sessions() as session:
                result = preview_competency_import(session, path)
            yield 1, 1, "Selesai"
            return result

        self.task = run_in_background(self, work, title="Membaca lembar kerja", on_done=self.show_preview,
                                      on_error=self._on_error)
        return self.task

    def _on_error(self, exc: BaseException, _details: str) -> None:
        from ukom_desktop.ui.actions import describe_error

        self.summary.setText(describe_error(exc) or f"Berkas tidak dapat dibaca ({exc.__class__.__name__}).")

    def show_preview(self, preview: Any) -> None:
        self.preview = preview
        kinds = ", ".join(f"{sheet} ({kind})" for sheet, kind in preview.sheets) or "-"
        self.summary.setText(f"{preview.summary()}\nLembar yang dikenali: {kinds}.")
        issues = sorted(preview.issues, key=lambda i: (i.sheet, i.row or 0))
        self.issues.setRowCount(len(issues))
        for row, issue in enumerate(issues):
            color = QColor("#c53030") if issue.severity == "error" else QColor("#b7791f")
            values = [issue.sheet, str(issue.row or ""), "Galat" if issue.severity == "error" else "Peringatan",
                      issue.message]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setForeground(QBrush(color))
                self.issues.setItem(row, col, item)
        self.issues.resizeColumnsToContents()
        self.issues.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.import_button.setEnabled(preview.ok)

    def _on_import(self) -> None:
        from ukom_desktop.services.competency_transfer import apply_competency_import
        from ukom_desktop.ui.actions import in_transaction

        outcome = in_transaction(self, self.context, lambda s: apply_competency_import(s, self.preview))
        if not outcome:
            return
        result = outcome.value
        self.context.data_changed.emit("competencies")
        messages.info(self, f"Impor selesai. {result.text()}")
        self.accept()


def import_workbook(parent: QWidget, context: AppContext) -> None:
    path, _ = QFileDialog.getOpenFileName(parent, "Impor kompetensi dari lembar kerja", "",
                                          "Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)")
    if not path:
        return
    dialog = ImportPreviewDialog(context, Path(path), parent)
    dialog.start()
    dialog.exec()


def export_workbook(parent: QWidget, context: AppContext, event_id: int | None) -> Path | None:
    """Ask where, then write the workbook in the background; returns the chosen path (None when cancelled)."""
    from ukom_desktop.services.competency_transfer import export_competencies
    from ukom_desktop.ui.actions import write_file_in_background

    path, _ = QFileDialog.getSaveFileName(parent, "Ekspor kompetensi ke Excel", "kompetensi.xlsx",
                                          "Buku kerja Excel (*.xlsx)")
    if not path:
        return None
    target = Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")
    database = context.database
    assert database is not None

    def write():  # type: ignore[no-untyped-def]
        session = database.sessions()
        try:
            return export_competencies(session, target, event_id=event_id)
        finally:
            session.close()

    def done(summary) -> None:  # type: ignore[no-untyped-def]
        extra = f" dan matriks kegiatan {summary.matrix_event}" if summary.matrix_event else ""
        messages.info(parent, f"{summary.competencies} kompetensi, standar {summary.positions} jabatan{extra} "
                              f"tersimpan di:\n{target}")

    write_file_in_background(parent, write, title="Mengekspor kompetensi...", on_done=done)
    return target
