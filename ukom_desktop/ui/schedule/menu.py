"""Menu actions of the scheduling area: rooms, automatic scheduling, checking, printed schedules."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from ukom_desktop.ui.icons import icon

PRINT_ITEMS = (
    ("matriks", "Matriks jadwal..."),
    ("peserta", "Jadwal per peserta..."),
    ("asesor", "Jadwal per asesor..."),
    ("relasi", "Relasi asesor dan peserta..."),
)


def _schedule_tab(window: Any) -> Any:
    """Show the Jadwal tab (building it when needed) and return it."""
    if hasattr(window, "show_tab"):
        tab = window.show_tab("schedule_tab")
    else:
        tab = window.schedule_tab
        window.tabs.setCurrentWidget(tab)
    tab.ensure_built()
    return tab


def install(window: Any) -> None:
    data_menu = window.data_menu
    rooms = QAction(icon("settings"), "Ruang...", window)
    rooms.triggered.connect(lambda: _schedule_tab(window).edit_rooms())
    auto = QAction(icon("schedule"), "Susun jadwal otomatis...", window)
    auto.triggered.connect(lambda: _schedule_tab(window).run_scheduler(None))
    check = QAction(icon("qc"), "Periksa jadwal", window)
    check.triggered.connect(lambda: _schedule_tab(window).check())
    for action in (rooms, auto, check):
        data_menu.addAction(action)
    schedule_print = window.print_menu.addMenu(icon("schedule"), "Jadwal")
    for kind, text in PRINT_ITEMS:
        action = QAction(text, window)
        action.triggered.connect(lambda _checked=False, k=kind: _schedule_tab(window).export(k, pdf=True))
        schedule_print.addAction(action)
    window.schedule_actions = {"rooms": rooms, "auto": auto, "check": check}
