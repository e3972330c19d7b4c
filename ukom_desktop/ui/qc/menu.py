"""Menu actions of the QC area: Data > Evaluasi kinerja asesor; Cetak > Evaluasi kinerja asesor,
Umpan balik, Laporan kegiatan (PDF, printed in the background)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon


def ask_save_path(parent: Any, stem: str, pdf: bool) -> str:
    """Where to save (tests patch this)."""
    from PySide6.QtWidgets import QFileDialog

    suffix, kind = ("pdf", "Dokumen PDF (*.pdf)") if pdf else ("xlsx", "Buku kerja Excel (*.xlsx)")
    path, _ = QFileDialog.getSaveFileName(parent, "Simpan", f"{stem}.{suffix}", kind)
    return path


def ask_feedback_mode(parent: Any) -> str | None:
    """"peserta" or "unit" (tests patch this)."""
    from PySide6.QtWidgets import QInputDialog

    items = ["Per peserta (satu lembar per peserta)", "Per unit kerja (ringkasan unit, lalu lembar peserta)"]
    choice, ok = QInputDialog.getItem(parent, "Umpan balik", "Susun umpan balik:", items, 0, False)
    if not ok:
        return None
    return "unit" if choice == items[1] else "peserta"


def _event_id(window: Any) -> int | None:
    event_id = window.context.event_id
    if window.context.database is None or event_id is None:
        messages.info(window, "Pilih dulu kegiatan pada bilah alat.")
        return None
    return event_id


def open_evaluation(window: Any) -> Any:
    if _event_id(window) is None:
        return None
    from ukom_desktop.ui.qc.evaluation_dialog import EvaluationDialog

    dialog = EvaluationDialog(window.context, window)
    window.qc_evaluation_dialog = dialog
    dialog.open()
    return dialog


def print_document(window: Any, kind: str, path: str | None = None, mode: str | None = None) -> Any:
    """Print `kind` ("evaluasi", "umpan_balik", "laporan_kegiatan") in the background."""
    event_id = _event_id(window)
    if event_id is None:
        return None
    if kind == "umpan_balik":
        mode = mode or ask_feedback_mode(window)
        if mode is None:
            return None
    stems = {"evaluasi": "evaluasi-kinerja-asesor", "umpan_balik": "umpan-balik", "laporan_kegiatan": "laporan-kegiatan"}
    target = path or ask_save_path(window, stems[kind], True)
    if not target:
        return None
    factory = window.context.database.sessions

    def work():  # type: ignore[no-untyped-def]
        yield 0, 0, "Menyusun dokumen..."
        with factory() as session:
            if kind == "evaluasi":
                from ukom_desktop.services.assessor_evaluation import write_evaluation_pdf

                return write_evaluation_pdf(session, event_id, target)
            if kind == "laporan_kegiatan":
                from ukom_desktop.services.activity_report import write_activity_report_pdf

                return write_activity_report_pdf(session, event_id, target)
            from ukom_desktop.services.feedback import feedback_job

            return (yield from feedback_job(session, event_id, target, per_unit=mode == "unit"))

    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.ui.background import run_in_background

    def failed(exc: BaseException, details: str) -> None:
        if isinstance(exc, UserFacingError):
            messages.warn(window, str(exc))
        else:
            messages.unexpected(window, f"Dokumen tidak dapat dicetak ({type(exc).__name__}).", details)

    return run_in_background(
        window, work, title="Mencetak dokumen",
        on_done=lambda pages: window.statusBar().showMessage(f"Tersimpan: {target} ({pages} halaman)", 10000),
        on_error=failed,
    )


def install(window: Any) -> None:
    evaluation = QAction(icon("assessors"), "Evaluasi kinerja asesor...", window)
    evaluation.triggered.connect(lambda: open_evaluation(window))
    window.data_menu.addAction(evaluation)
    if not window.print_menu.isEmpty():
        window.print_menu.addSeparator()
    actions = {"evaluation": evaluation}
    for kind, text in (("evaluasi", "Evaluasi kinerja asesor..."), ("umpan_balik", "Umpan balik..."),
                       ("laporan_kegiatan", "Laporan kegiatan...")):
        action = QAction(icon("print"), text, window)
        action.triggered.connect(lambda _checked=False, k=kind: print_document(window, k))
        window.print_menu.addAction(action)
        actions[kind] = action
    window.qc_actions = actions
