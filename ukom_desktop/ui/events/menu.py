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
    demo = QAction(icon("new_db"), "Data contoh...", window)
    demo.setToolTip("Buat basis data baru berisi satu kegiatan contoh lengkap untuk mencoba aplikasi")
    demo.triggered.connect(lambda: make_demo_database(window))
    quit_action = getattr(window, "act_quit", None)
    if quit_action is not None and quit_action in window.file_menu.actions():
        window.file_menu.insertAction(quit_action, demo)
        window.file_menu.insertSeparator(quit_action)
    else:
        window.file_menu.addAction(demo)
    window.act_demo = demo
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


def ask_demo_path(window: Any) -> str:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(window, "Simpan data contoh sebagai", "ukom-contoh.sqlite",
                                          "Basis data UKOM (*.sqlite)")
    if path and not path.lower().endswith(".sqlite"):
        path += ".sqlite"
    return path


def make_demo_database(window: Any, path: str | None = None) -> Any:
    """Berkas > Data contoh...: asks where, builds the demo file in the background, then opens it."""
    from ukom_desktop.ui.background import run_in_background

    path = path or ask_demo_path(window)
    if not path:
        return None

    def work():  # type: ignore[no-untyped-def]
        from ukom_desktop.services.demo_file import build_demo_file

        return (yield from build_demo_file(path))

    def done(code: str) -> None:
        if window.open_database(path):
            window.statusBar().showMessage(f"Data contoh dibuka: kegiatan {code} di {path}", 15000)

    return run_in_background(window, work, title="Membuat data contoh", on_done=done)
