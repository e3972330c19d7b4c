"""Menu actions of the competency formulation area (Data > Perumusan Kompetensi, Cetak > Rumusan)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction

from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon


def _needs_event(window: Any, action: Callable[[int], None]) -> None:
    if window.context.database is None:
        messages.info(window, "Belum ada basis data yang terbuka.")
        return
    if window.context.event_id is None:
        messages.info(window, "Pilih kegiatan aktif terlebih dahulu pada daftar di bilah alat.")
        return
    action(window.context.event_id)


def _needs_database(window: Any, action: Callable[[], None]) -> None:
    if window.context.database is None:
        messages.info(window, "Belum ada basis data yang terbuka.")
        return
    action()


def install(window: Any) -> None:
    from ukom_desktop.ui import competency as ui

    context = window.context
    menu = window.data_menu.addMenu(icon("dictionary"), "Perumusan Kompetensi")
    items: list[tuple[str, str, Callable[[], None]]] = [
        ("dictionary", "Kamus kompetensi...", lambda: _needs_database(window, lambda: ui.open_dictionary(window, context))),
        ("edit", "Jabatan dan standar kompetensi...",
         lambda: _needs_database(window, lambda: ui.open_positions(window, context))),
        ("settings", "Pustaka alat ukur...", lambda: _needs_database(window, lambda: ui.open_exercises(window, context))),
        ("", "", lambda: None),
        ("participants", "Jabatan sasaran kegiatan...",
         lambda: _needs_event(window, lambda eid: ui.open_event_standards(window, context, eid))),
        ("schedule", "Matriks alat ukur kegiatan...",
         lambda: _needs_event(window, lambda eid: ui.open_event_matrix(window, context, eid))),
        ("events", "Rapat perumusan kompetensi...",
         lambda: _needs_event(window, lambda eid: ui.open_formulation(window, context, eid))),
        ("", "", lambda: None),
        ("export", "Ekspor kompetensi ke Excel...", lambda: _needs_database(window, lambda: _export(window))),
        ("import", "Impor kompetensi dari lembar kerja...", lambda: _needs_database(window, lambda: _import(window))),
    ]
    actions: dict[str, QAction] = {}
    for name, text, slot in items:
        if not text:
            menu.addSeparator()
            continue
        action = QAction(icon(name), text, window)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        menu.addAction(action)
        actions[text.rstrip(".")] = action
    printing = QAction(icon("print"), "Dokumen rumusan kompetensi...", window)
    printing.triggered.connect(lambda: _needs_event(window, lambda eid: _print(window, eid)))
    window.print_menu.addAction(printing)
    actions["Dokumen rumusan kompetensi"] = printing
    window.competency_menu = menu
    window.competency_actions = actions


def _export(window: Any) -> None:
    from ukom_desktop.ui.competency.transfer_dialog import export_workbook

    export_workbook(window, window.context, window.context.event_id)


def _import(window: Any) -> None:
    from ukom_desktop.ui.competency.transfer_dialog import import_workbook

    import_workbook(window, window.context)


def _print(window: Any, event_id: int) -> None:
    from ukom_desktop.ui.competency.formulation_dialog import FormulationDialog

    dialog = FormulationDialog(window.context, event_id, window)
    dialog.ask_and_print()
