"""Cetak > Jadwal pribadi: participant cards, assessors' daily timetables and the per-room sheets of the
current event, as PDF (one per page) or Excel, written in the background."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon

ITEMS = (
    ("peserta", "Kartu jadwal peserta...", "kartu-jadwal-peserta"),
    ("asesor", "Jadwal harian asesor...", "jadwal-harian-asesor"),
    ("ruangan", "Lembar penilai teknis per ruangan...", "lembar-ruangan"),
)


def print_timetables(window: Any, kind: str, path: str) -> Any:
    from ukom_desktop.services.personal_timetables import write_timetables
    from ukom_desktop.ui.actions import export_in_background

    event_id = window.context.event_id
    return export_in_background(
        window, window.context, lambda session: write_timetables(session, event_id, kind, path),
        title="Mencetak jadwal pribadi",
        done=lambda result: f"Jadwal pribadi tersimpan: {result[0]} ({result[1]} halaman)",
    )


def _ask(window: Any, kind: str, stem: str) -> None:
    if window.context.database is None or window.context.event_id is None:
        messages.info(window, "Pilih kegiatan terlebih dahulu.")
        return
    path, _ = QFileDialog.getSaveFileName(window, "Simpan jadwal pribadi", f"{stem}.pdf",
                                          "Dokumen PDF (*.pdf);;Buku kerja Excel (*.xlsx)")
    if path:
        print_timetables(window, kind, path)


def install(window: Any) -> None:
    menu = window.print_menu.addMenu(icon("schedule"), "Jadwal pribadi")
    for kind, text, stem in ITEMS:
        action = QAction(icon("print"), text, window)
        action.triggered.connect(lambda _c=False, k=kind, s=stem: _ask(window, k, s))
        menu.addAction(action)
    window.timetable_menu = menu
