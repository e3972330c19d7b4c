"""Menu actions of the documents area: Data > Profil instansi / Templat naskah, the Cetak entries of every
event document and the list of documents issued for the current event. First run: when the database has
no institution profile yet, the profile dialog is offered once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction

from ukom_desktop.ui.icons import icon

PRINT_ITEMS = (
    ("undangan", "Surat undangan peserta..."),
    ("pemanggilan", "Surat pemanggilan peserta..."),
    ("surat_tugas", "Surat tugas tim penilai..."),
    ("daftar_hadir", "Daftar hadir..."),
    ("susunan_acara", "Susunan acara..."),
    ("laporan", "Laporan penyelenggaraan..."),
    ("sambutan", "Pokok-pokok sambutan..."),
    ("berita_acara", "Berita acara pelaksanaan..."),
)


def open_profile(window: Any) -> None:
    from ukom_desktop.ui.documents.profile_dialog import InstitutionDialog

    if window.context.database is None:
        return
    dialog = InstitutionDialog(window.context, window)
    dialog.open()
    window.documents_dialog = dialog


def open_templates(window: Any) -> None:
    from ukom_desktop.ui.documents.template_dialog import TemplateDialog

    if window.context.database is None:
        return
    dialog = TemplateDialog(window.context, window)
    dialog.open()
    window.documents_dialog = dialog


def open_print(window: Any, kind: str) -> None:
    from ukom_desktop.ui import messages
    from ukom_desktop.ui.documents.print_dialog import PrintDialog

    if window.context.database is None or window.context.event_id is None:
        messages.info(window, "Pilih kegiatan aktif terlebih dahulu pada daftar Kegiatan aktif di bilah atas.")
        return
    dialog = PrintDialog(window.context, kind, window)
    dialog.open()
    window.documents_dialog = dialog


def open_issued(window: Any) -> None:
    from ukom_desktop.ui import messages
    from ukom_desktop.ui.documents.issued_dialog import IssuedDocumentsDialog

    if window.context.database is None or window.context.event_id is None:
        messages.info(window, "Pilih kegiatan aktif terlebih dahulu pada daftar Kegiatan aktif di bilah atas.")
        return
    dialog = IssuedDocumentsDialog(window.context, window)
    dialog.open()
    window.documents_dialog = dialog


def offer_profile(window: Any) -> None:
    """First run: once per database, offer to fill in the profile while it is still empty."""
    database = window.context.database
    if database is None or database.url in window.documents_profile_offered:
        return
    window.documents_profile_offered.add(database.url)
    from ukom_desktop.services.institution import profile_is_empty
    from ukom_desktop.ui import messages

    with window.context.session() as session:
        empty = profile_is_empty(session)
    if empty and messages.confirm(
        window,
        "Profil instansi belum diisi. Kop surat, kota, penandatangan dan penomoran surat diperlukan untuk "
        "mencetak surat undangan, surat tugas dan dokumen kegiatan lainnya.\n\nIsi profil instansi sekarang?",
        title="Profil instansi",
    ):
        open_profile(window)


def install(window: Any) -> None:
    window.documents_profile_offered = set()
    window.documents_dialog = None
    profile = QAction(icon("institution"), "Profil instansi, penandatangan dan penomoran...", window)
    profile.triggered.connect(lambda: open_profile(window))
    templates = QAction(icon("edit"), "Templat naskah surat...", window)
    templates.triggered.connect(lambda: open_templates(window))
    window.data_menu.addSeparator()
    window.data_menu.addAction(profile)
    window.data_menu.addAction(templates)

    actions = {"profile": profile, "templates": templates}
    for kind, text in PRINT_ITEMS:
        action = QAction(icon("print"), text, window)
        action.triggered.connect(lambda _checked=False, k=kind: open_print(window, k))
        window.print_menu.addAction(action)
        actions[kind] = action
    window.print_menu.addSeparator()
    issued = QAction(icon("events"), "Dokumen terbit kegiatan ini...", window)
    issued.triggered.connect(lambda: open_issued(window))
    window.print_menu.addAction(issued)
    actions["issued"] = issued
    window.documents_actions = actions
    window.database_opened.connect(lambda: QTimer.singleShot(0, lambda: offer_profile(window)))
