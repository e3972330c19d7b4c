"""Menu actions of the events and participants area (registered in main_window.FEATURE_MODULES)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon


def install(window: Any) -> None:
    """Data > Kegiatan baru, Impor peserta, Direktori pegawai."""
    new_event = QAction(icon("new"), "Kegiatan baru...", window)
    new_event.triggered.connect(lambda: _events(window))
    import_people = QAction(icon("import"), "Impor peserta...", window)
    import_people.triggered.connect(lambda: _participants(window, "open_import", needs_event=True))
    directory = QAction(icon("participants"), "Direktori pegawai...", window)
    directory.triggered.connect(lambda: _participants(window, "open_directory", needs_event=False))
    window.data_menu.addSeparator()
    for action in (new_event, import_people, directory):
        window.data_menu.addAction(action)
    window.act_new_event = new_event
    window.act_import_participants = import_people
    window.act_directory = directory


def _events(window: Any) -> None:
    if window.context.database is None:
        messages.info(window, "Belum ada basis data yang terbuka.")
        return
    tab = window.show_tab("events_tab")
    tab.ensure_built()
    tab.new_event()


def _participants(window: Any, method: str, needs_event: bool) -> None:
    if window.context.database is None:
        messages.info(window, "Belum ada basis data yang terbuka.")
        return
    if needs_event and window.context.event_id is None:
        messages.info(window, "Pilih kegiatan aktif terlebih dahulu pada daftar di bilah alat.")
        return
    tab = window.show_tab("participants_tab")
    tab.ensure_built()
    getattr(tab, method)()
