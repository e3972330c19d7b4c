"""Cetak > Administrasi kegiatan (issue 16): the SPJ of the budget, the decrees, the cooperation
agreement, the opening briefing and the delivery of results, plus the RAB workbook; each printed in the
background and registered in the issued-documents register."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon

# kind -> (menu text, file stem)
DOCUMENTS: dict[str, tuple[str, str]] = {
    "honoraria": ("Daftar nominatif honorarium...", "daftar-nominatif-honorarium"),
    "receipts": ("Kuitansi honorarium...", "kuitansi-honorarium"),
    "consumption": ("Daftar hadir konsumsi...", "daftar-hadir-konsumsi"),
    "realisation": ("Rekap realisasi anggaran...", "rekap-realisasi"),
    "decree-team": ("SK Tim Penilai Kompetensi...", "sk-tim-penilai"),
    "decree-participants": ("SK Peserta...", "sk-peserta"),
    "agreement": ("Perjanjian kerja sama...", "perjanjian-kerja-sama"),
    "briefing": ("Bahan paparan pembukaan...", "paparan-pembukaan"),
    "delivery": ("Surat penyampaian hasil dan tanda terima...", "penyampaian-hasil"),
    "budget": ("RAB dan daftar nominatif (Excel)...", "rab"),
}


def ask_save_path(parent: Any, stem: str, pdf: bool) -> str:
    """Where to save (tests patch this)."""
    from PySide6.QtWidgets import QFileDialog

    suffix, kind = ("pdf", "Dokumen PDF (*.pdf)") if pdf else ("xlsx", "Buku kerja Excel (*.xlsx)")
    path, _ = QFileDialog.getSaveFileName(parent, "Simpan", f"{stem}.{suffix}", kind)
    return path


def _write(session: Any, kind: str, event_id: int, target: str) -> str:
    """Write one document; returns the sentence for the status bar. Commits the register entry."""
    from ukom_desktop.services import administration_docs as docs
    from ukom_desktop.services import administration_letters as letters

    if kind == "budget":
        from ukom_desktop.services.budget_exports import write_budget_workbook

        write_budget_workbook(session, event_id, target)
        return f"RAB tersimpan: {target}"
    if kind in docs.ADMIN_KINDS:
        result: Any = docs.print_spj(session, event_id, kind, target)
    elif kind == "briefing":
        result = docs.print_briefing(session, event_id, target)
    elif kind == "agreement":
        result = letters.print_agreement(session, event_id, target, letters.AgreementOptions())
    elif kind == "delivery":
        result = letters.print_delivery(session, event_id, target)
    else:
        result = letters.print_decree(session, event_id, kind.split("-")[1], target)
    session.commit()
    number = getattr(result, "number", "")
    text = f"Tersimpan: {target} ({result.pages} halaman)" + (f"; nomor {number}" if number else "")
    for warning in getattr(result, "warnings", ()):
        text += f". {warning}"
    return text


def print_document(window: Any, kind: str, path: str | None = None) -> Any:
    event_id = window.context.event_id
    if window.context.database is None or event_id is None:
        messages.info(window, "Pilih dulu kegiatan pada bilah alat.")
        return None
    title, stem = DOCUMENTS[kind]
    target = path or ask_save_path(window, stem, kind != "budget")
    if not target:
        return None
    factory = window.context.database.sessions

    def work():  # type: ignore[no-untyped-def]
        yield 0, 0, "Menyusun dokumen..."
        with factory() as session:
            return _write(session, kind, event_id, target)

    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.ui.background import run_in_background

    def failed(exc: BaseException, details: str) -> None:
        if isinstance(exc, UserFacingError):
            messages.warn(window, str(exc))
        else:
            messages.unexpected(window, f"Dokumen tidak dapat dicetak ({type(exc).__name__}).", details)

    return run_in_background(
        window, work, title=title.rstrip("."),
        on_done=lambda text: window.statusBar().showMessage(text, 15000), on_error=failed,
    )


def install(window: Any) -> None:
    menu = window.print_menu.addMenu(icon("print"), "Administrasi kegiatan")
    actions = {}
    for kind, (text, _stem) in DOCUMENTS.items():
        if kind in ("decree-team", "briefing", "budget"):
            menu.addSeparator()
        action = QAction(icon("print"), text, window)
        action.triggered.connect(lambda _checked=False, k=kind: print_document(window, k))
        menu.addAction(action)
        actions[kind] = action
    window.administration_actions = actions
