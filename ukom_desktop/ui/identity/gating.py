"""Every area's menu entries and tab buttons follow the permission table (issue 13 item 3).

One table per place: a menu entry by its path, a tab button by its text, each with the actions of
domain/permissions.py that show it (any of them). The hook runs through ``window.permission_hooks``
(IdentityArea.refresh, at every database change and sign-in) and again when a tab is first built. The
services refuse anyway; the window only stops offering what would be refused. A database without users
shows everything (``identity.menu.allowed``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractButton, QMenu, QToolButton

from ukom_desktop.domain import permissions as perm
from ukom_desktop.ui.menu_paths import find_menu_action

Needs = tuple[str, ...]
ADMINISTRATION_MENU = "Cetak > Administrasi kegiatan"

# Menu entries of the other areas (materials, packages and identity's own entries keep their own rules).
MENU_NEEDS: dict[str, Needs] = {
    "Berkas > Cadangkan basis data...": (perm.DATABASE_TOOLS,),
    "Berkas > Pulihkan dari cadangan...": (perm.DATABASE_TOOLS,),
    "Berkas > Enkripsi basis data...": (perm.DATABASE_TOOLS,),
    "Berkas > Penyiapan awal...": (perm.MANAGE_SETTINGS,),
    "Berkas > Catatan audit...": (perm.READ_AUDIT,),
    "Berkas > Paket asesor > Buat paket...": (perm.EXPORT_PACKAGES,),
    "Berkas > Paket asesor > Terima paket...": (perm.MERGE_PACKAGES,),
    "Berkas > Paket asesor > Konflik paket...": (perm.MERGE_PACKAGES,),
    "Data > Ruang...": (perm.MANAGE_EVENTS, perm.MANAGE_SCHEDULE),
    "Data > Susun jadwal otomatis...": (perm.MANAGE_SCHEDULE,),
    "Data > Periksa jadwal": (perm.MANAGE_SCHEDULE,),
    "Data > Impor nilai potensi (psikotes)...": (perm.MANAGE_PARTICIPANTS,),
    "Data > Profil instansi, penandatangan dan penomoran...": (perm.MANAGE_SETTINGS,),
    "Data > Templat naskah surat...": (perm.MANAGE_SETTINGS,),
    "Data > Perumusan Kompetensi > Kamus kompetensi...": (perm.MANAGE_SETTINGS, perm.MANAGE_EVENTS),
    "Data > Perumusan Kompetensi > Jabatan dan standar kompetensi...": (perm.MANAGE_SETTINGS, perm.MANAGE_EVENTS),
    "Data > Perumusan Kompetensi > Pustaka alat ukur...": (perm.MANAGE_SETTINGS, perm.MANAGE_EVENTS),
    "Data > Perumusan Kompetensi > Jabatan sasaran kegiatan...": (perm.MANAGE_EVENTS,),
    "Data > Perumusan Kompetensi > Matriks alat ukur kegiatan...": (perm.MANAGE_EVENTS,),
    "Data > Perumusan Kompetensi > Rapat perumusan kompetensi...": (perm.MANAGE_EVENTS,),
    "Data > Perumusan Kompetensi > Ekspor kompetensi ke Excel...": (perm.MANAGE_EVENTS,),
    "Data > Perumusan Kompetensi > Impor kompetensi dari lembar kerja...": (perm.MANAGE_EVENTS,),
    "Data > Kegiatan baru...": (perm.MANAGE_EVENTS,),
    "Data > Impor peserta...": (perm.MANAGE_PARTICIPANTS,),
    "Data > Direktori pegawai...": (perm.MANAGE_PARTICIPANTS,),
    "Data > Evaluasi kinerja asesor...": (perm.ASSESSOR_EVALUATION,),
    "Cetak > Jadwal > Matriks jadwal...": (perm.MANAGE_SCHEDULE,),
    "Cetak > Jadwal > Jadwal per peserta...": (perm.MANAGE_SCHEDULE,),
    "Cetak > Jadwal > Jadwal per asesor...": (perm.MANAGE_SCHEDULE,),
    "Cetak > Jadwal > Relasi asesor dan peserta...": (perm.MANAGE_SCHEDULE,),
    "Cetak > Naskah pemeran (role player)...": (perm.PRINT_MATERIALS,),
    "Cetak > Psikogram...": (perm.EXPORT_RESULTS,),
    "Cetak > Laporan individu...": (perm.EXPORT_RESULTS,),
    "Cetak > Rekap hasil (Excel)...": (perm.EXPORT_RESULTS,),
    "Cetak > Rekap hasil per unit (PDF)...": (perm.EXPORT_RESULTS,),
    "Cetak > Surat undangan peserta...": (perm.PRINT_LETTERS,),
    "Cetak > Surat pemanggilan peserta...": (perm.PRINT_LETTERS,),
    "Cetak > Surat tugas tim penilai...": (perm.PRINT_LETTERS,),
    "Cetak > Daftar hadir...": (perm.PRINT_LETTERS,),
    "Cetak > Susunan acara...": (perm.PRINT_LETTERS,),
    "Cetak > Laporan penyelenggaraan...": (perm.PRINT_LETTERS,),
    "Cetak > Pokok-pokok sambutan...": (perm.PRINT_LETTERS,),
    "Cetak > Berita acara pelaksanaan...": (perm.PRINT_LETTERS,),
    "Cetak > Dokumen terbit kegiatan ini...": (perm.PRINT_LETTERS,),
    "Cetak > Dokumen rumusan kompetensi...": (perm.MANAGE_EVENTS,),
    "Cetak > Evaluasi kinerja asesor...": (perm.ASSESSOR_EVALUATION,),
    "Cetak > Umpan balik...": (perm.EXPORT_RESULTS,),
    "Cetak > Laporan kegiatan...": (perm.ASSESSOR_EVALUATION,),
    "Cetak > Jadwal pribadi > Kartu jadwal peserta...": (perm.MANAGE_SCHEDULE,),
    "Cetak > Jadwal pribadi > Jadwal harian asesor...": (perm.MANAGE_SCHEDULE,),
    "Cetak > Jadwal pribadi > Lembar penilai teknis per ruangan...": (perm.MANAGE_SCHEDULE,),
    **{f"{ADMINISTRATION_MENU} > {entry}...": (perm.PRINT_LETTERS,) for entry in (
        "Daftar nominatif honorarium", "Kuitansi honorarium", "Daftar hadir konsumsi", "Rekap realisasi anggaran",
        "SK Tim Penilai Kompetensi", "SK Peserta", "Perjanjian kerja sama", "Bahan paparan pembukaan",
        "Surat penyampaian hasil dan tanda terima", "RAB dan daftar nominatif (Excel)")},
}

# Buttons of the tabs, by their text (a button not named here is for everyone who sees the tab).
BUTTON_NEEDS: dict[str, dict[str, Needs]] = {
    "events_tab": {"Kegiatan baru": (perm.MANAGE_EVENTS,), "Ubah / status": (perm.MANAGE_EVENTS,),
                   "Tahap berikutnya": (perm.MANAGE_EVENTS,), "Arsipkan": (perm.MANAGE_EVENTS,)},
    "participants_tab": {"Impor...": (perm.MANAGE_PARTICIPANTS,), "Tambah": (perm.MANAGE_PARTICIPANTS,),
                         "Ubah": (perm.MANAGE_PARTICIPANTS,), "Tindakan": (perm.MANAGE_PARTICIPANTS,),
                         "Bagi kelompok...": (perm.MANAGE_PARTICIPANTS,), "Gelombang...": (perm.MANAGE_EVENTS,),
                         "Kontak": (perm.MANAGE_PARTICIPANTS,)},
    "assessors_tab": {text: (perm.MANAGE_TEAM,) for text in (
        "Tambah", "Ubah", "Nonaktifkan", "Ketersediaan", "Tugaskan", "Keluarkan", "Impor")},
    "schedule_tab": {"Susun otomatis": (perm.MANAGE_SCHEDULE,), "Gelombang...": (perm.MANAGE_EVENTS,),
                     "Ruang...": (perm.MANAGE_EVENTS, perm.MANAGE_SCHEDULE)},
    "scoring_tab": {"Rapat integrasi...": (perm.INTEGRATE,),
                    "Hasil dan laporan...": (perm.READ_RESULTS, perm.EDIT_REPORT),
                    "Serahkan penilaian peserta ini": (perm.RATE,)},
    "qc_tab": {"Periksa...": (perm.EDIT_REPORT, perm.REVIEW_REPORT), "Ajukan ke QC": (perm.EDIT_REPORT,),
               "Pemeriksa...": (perm.REVIEW_REPORT,), "Serahkan": (perm.REVIEW_REPORT,)},
}


def _allows(window: Any, needs: Needs) -> bool:
    from ukom_desktop.ui.identity.menu import allowed

    return any(allowed(window, action) for action in needs)


def _show_button(button: QAbstractButton, shown: bool) -> None:
    action = button.defaultAction() if isinstance(button, QToolButton) else None
    if action is not None:  # a toolbar button: its action decides whether the toolbar shows it
        action.setVisible(shown)
    else:
        button.setVisible(shown)


def show_allowed_buttons(window: Any, key: str, tab: Any) -> None:
    needs = BUTTON_NEEDS.get(key)
    if not needs or tab is None:
        return
    for button in tab.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        if text in needs:
            _show_button(button, _allows(window, needs[text]))


def _hide_empty_menus(menu: QMenu) -> bool:
    """Hide a submenu with nothing left to show; True when the menu still shows something."""
    any_shown = False
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if sub is not None:
            action.setVisible(_hide_empty_menus(sub))
        any_shown = any_shown or action.isVisible()
    return any_shown


def apply(window: Any) -> None:
    """Show what the signed-in user may do, hide the rest, in every menu and every tab built so far."""
    for path, needs in MENU_NEEDS.items():
        action = find_menu_action(window, path)
        if action is not None:
            action.setVisible(_allows(window, needs))
    for menu in (window.file_menu, window.data_menu, window.print_menu):
        _hide_empty_menus(menu)
    window.print_menu.menuAction().setVisible(any(a.isVisible() and not a.isSeparator()
                                                  for a in window.print_menu.actions()))
    for key, page in window.pages.items():
        if page.is_created:
            show_allowed_buttons(window, key, page.widget())


def _apply_to_current_tab(window: Any) -> None:
    """A record tab builds its buttons when first shown, which is before the tab widget says it changed."""
    for key, page in window.pages.items():
        if page.is_created and window.tabs.currentWidget() is page:
            show_allowed_buttons(window, key, page.widget())


def install(window: Any) -> None:
    window.permission_hooks = [*getattr(window, "permission_hooks", []), lambda: apply(window)]
    window.tab_created_hooks = [*getattr(window, "tab_created_hooks", []),
                                lambda key, widget: show_allowed_buttons(window, key, widget)]
    window.tabs.currentChanged.connect(lambda _index: _apply_to_current_tab(window))
