"""Evaluasi kinerja asesor on screen: one row per assessor, saved as PDF or Excel."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.record_table import RecordTable

SCREEN_HEADERS = ("Asesor", "NIP", "Laporan", "Diajukan", "Tepat waktu", "Kembali/lap.", "Hari di QC",
                  "Penilaian", "Beda dari akhir", "Selisih", "Kecenderungan", "Pasangan", "Sepakat \u2264 0,5",
                  "Sepakat persis")


def _columns() -> list[Column]:
    from ukom_desktop.domain.nip import format_nip
    from ukom_desktop.services.assessor_evaluation import row_values

    right = {2, 3, 5, 6, 7, 9, 11, 12, 13}
    widths = [190, 160, 65, 70, 100, 85, 75, 70, 105, 60, 125, 70, 95, 95]
    return [
        Column(f"c{i}", title, lambda r, i=i: row_values(r)[i], format_nip if i == 1 else None,
               align_right=i in right, width=widths[i])
        for i, title in enumerate(SCREEN_HEADERS)
    ]


class EvaluationDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Evaluasi Kinerja Asesor")
        fit_to_screen(self, 1400, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RecordTableModel(_columns())
        self.table = RecordTable(self.model, "qc_assessor_evaluation")
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.pdf_button = QPushButton("Simpan PDF...")
        self.xlsx_button = QPushButton("Ekspor Excel...")
        self.close_button = QPushButton("Tutup")
        for button in (self.pdf_button, self.xlsx_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.pdf_button.clicked.connect(lambda: self.save(pdf=True))
        self.xlsx_button.clicked.connect(lambda: self.save(pdf=False))
        self.close_button.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        from ukom_desktop.services.assessor_evaluation import evaluate_event, percent

        with self.context.session() as session:
            report = evaluate_event(session, self.context.event_id)
        self.report = report
        self.model.set_rows(list(report.rows))
        overall = report.overall_agreement
        agreement = (f" Kesepakatan antarasesor: {percent(overall.within_tolerance_rate)} dari {overall.pairs} "
                     "pasangan penilaian berselisih paling banyak 0,5 level." if overall.pairs else "")
        due = f" Tenggat penulisan laporan {report.report_due:%d-%m-%Y}." if report.report_due else ""
        self.summary.setText(f"<b>{report.event_name}</b>: {len(report.rows)} asesor.{due}{agreement}")

    def save(self, *, pdf: bool, path: str | None = None) -> str | None:
        from ukom_desktop.ui.qc.menu import ask_save_path

        target = path or ask_save_path(self, "evaluasi-kinerja-asesor", pdf)
        if not target:
            return None
        from ukom_desktop.services.assessor_evaluation import write_evaluation_pdf, write_evaluation_workbook
        from ukom_desktop.ui.actions import in_session

        write = write_evaluation_pdf if pdf else write_evaluation_workbook
        if not in_session(self, self.context, lambda s: write(s, self.context.event_id, target)):
            return None
        _status(self, f"Tersimpan: {target}")
        return target


def _status(widget: Any, text: str) -> None:
    window = widget.parent().window() if widget.parent() is not None else None
    bar = getattr(window, "statusBar", None)
    if bar is not None:
        bar().showMessage(text, 10000)
