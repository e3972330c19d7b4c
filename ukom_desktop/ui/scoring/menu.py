"""Menu actions of the results area: Cetak > Psikogram / Laporan individu / Rekap hasil, and
Data > Impor nilai potensi. Long work runs in the background with a cancel button."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon


def install(window: Any) -> None:
    menu = window.print_menu
    actions = (
        ("Psikogram...", lambda: print_job(window, "psychograms")),
        ("Laporan individu...", lambda: print_job(window, "reports")),
        ("Rekap hasil (Excel)...", lambda: export_recap(window, "xlsx")),
        ("Rekap hasil per unit (PDF)...", lambda: export_recap(window, "pdf")),
    )
    if not menu.isEmpty():
        menu.addSeparator()
    window.scoring_actions = []
    for text, slot in actions:
        action = QAction(icon("export" if "Excel" in text else "print"), text, window)
        action.triggered.connect(slot)
        menu.addAction(action)
        window.scoring_actions.append(action)
    potential = QAction(icon("import"), "Impor nilai potensi (psikotes)...", window)
    potential.triggered.connect(lambda: import_potential(window))
    window.data_menu.addAction(potential)
    window.scoring_actions.append(potential)


def _event_id(window: Any) -> int | None:
    if window.context.database is None or window.context.event_id is None:
        messages.info(window, "Pilih kegiatan pada bilah alat terlebih dahulu.")
        return None
    return int(window.context.event_id)


def choose_reports(window: Any, event_id: int) -> tuple[list[int] | None, bool] | None:
    """Cetak > Laporan individu: approved reports only (the default), every report or chosen
    participants, the unapproved ones as DRAF previews. None when cancelled or nothing to print."""
    from ukom_desktop.services.result_exports import report_choices
    from ukom_desktop.ui.scoring.report_print_dialog import ReportPrintDialog

    with window.context.session() as session:
        choices = report_choices(session, event_id)
    if not choices:
        messages.info(window, "Belum ada peserta yang memiliki hasil rapat integrasi pada kegiatan ini.")
        return None
    dialog = ReportPrintDialog(window, choices)
    if dialog.exec() != ReportPrintDialog.DialogCode.Accepted:
        return None
    return dialog.selection()


def print_job(window: Any, kind: str, path: str | None = None, *, ids: list[int] | None = None,
              include_drafts: bool = False) -> Any:
    """Ask where to save, then lay out and write the PDF in the background; returns the task."""
    from ukom_desktop.ui.background import run_in_background

    event_id = _event_id(window)
    if event_id is None:
        return None
    if kind == "reports" and path is None:
        chosen = choose_reports(window, event_id)
        if chosen is None:
            return None
        ids, include_drafts = chosen
    name = "Psikogram" if kind == "psychograms" else "Laporan Individu"
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, f"Simpan {name.lower()}", f"{name}.pdf", "PDF (*.pdf)")
    if not path:
        return None
    database = window.context.database

    def work():  # type: ignore[no-untyped-def]
        from ukom_desktop.services.result_exports import psychograms_job, reports_job

        session = database.sessions()
        try:
            if kind == "psychograms":
                return (yield from psychograms_job(session, event_id, path))
            return (yield from reports_job(session, event_id, path, ids=ids, include_drafts=include_drafts))
        finally:
            session.close()

    def done(pages: Any) -> None:
        window.statusBar().showMessage(f"{name} tersimpan: {path} ({pages} halaman)", 15000)

    return run_in_background(window, work, title=f"Mencetak {name.lower()}", on_done=done)


def export_recap(window: Any, kind: str, path: str | None = None) -> Any:
    """Write the results recap in the background; returns the running task (None when cancelled)."""
    from ukom_desktop.services.result_exports import write_recap_pdf, write_recap_workbook
    from ukom_desktop.ui.actions import write_file_in_background

    event_id = _event_id(window)
    if event_id is None:
        return None
    if path is None:
        pattern = "Excel (*.xlsx)" if kind == "xlsx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(window, "Simpan rekap hasil", f"Rekap Hasil.{kind}", pattern)
    if not path:
        return None
    database = window.context.database
    target = path

    def write() -> None:
        session = database.sessions()
        try:
            if kind == "xlsx":
                write_recap_workbook(session, event_id, target)
            else:
                write_recap_pdf(session, event_id, target)
        finally:
            session.close()

    def done(_result: Any) -> None:
        window.statusBar().showMessage(f"Rekap hasil tersimpan: {target}", 15000)

    return write_file_in_background(window, write, title="Menyimpan rekap hasil...", on_done=done)


def import_potential(window: Any, path: str | None = None) -> int:
    """Preview the psychotest file, confirm, then write every good row in one transaction."""
    from ukom_desktop.services.potential_import import commit_potential_import, preview_potential_import
    from ukom_desktop.ui.actions import in_session, in_transaction

    event_id = _event_id(window)
    if event_id is None:
        return 0
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, "Impor nilai potensi", "",
                                              "Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)")
    if not path:
        return 0
    read = in_session(window, window.context, lambda s: preview_potential_import(s, event_id, path))
    if not read:
        return 0
    preview = read.value
    if preview.problem:
        messages.warn(window, preview.problem)
        return 0
    rejected = "\n".join(f"Baris {r.row_number}: {r.message}" for r in preview.rejected[:10])
    text = f"{len(preview.ok_rows)} peserta siap diimpor, {len(preview.rejected)} baris ditolak."
    if rejected:
        text += f"\n\n{rejected}"
    if not preview.ok_rows:
        messages.warn(window, text)
        return 0
    if not messages.confirm(window, text + "\n\nSimpan nilai potensi yang sah?"):
        return 0
    if not in_transaction(window, window.context,
                          lambda s: list(commit_potential_import(s, preview, actor="impor potensi"))):
        return 0
    window.statusBar().showMessage(f"Nilai potensi {len(preview.ok_rows)} peserta tersimpan.", 10000)
    window.context.data_changed.emit("potential")
    return len(preview.ok_rows)
