"""Issue 13 item 3: the window offers only what the permission table allows the signed-in user, in every
area (menus of Berkas, Data and Cetak, the buttons of each tab); a database without users shows everything."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QToolButton
from sqlalchemy import select

from tests.ui.test_identity_window import PASSWORD, _answer_login
from ukom_desktop.db.models import EventParticipant, User

ROLE_USERS = {"sekretariat": ["sekretariat"], "asesor": ["asesor"], "pimpinan": ["pimpinan"], "reviewer": ["qc"]}


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    from tests.db.rated_demo import rated_demo_copy

    return rated_demo_copy(tmp_path)


def _add_role_users(path: Path) -> None:
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services import users

    db = open_database(f"sqlite:///{path}", auto_backup=False)
    try:
        with db.sessions.begin() as s:
            lead = s.scalars(select(EventParticipant.lead_assessor_id).where(
                EventParticipant.lead_assessor_id.is_not(None)).order_by(EventParticipant.id)).first()
            users.create_user(s, username="admin", full_name="Admin", roles=["admin"], password=PASSWORD)
            s.info["actor"] = users.to_actor(s.scalars(select(User)).one())
            for username, roles in ROLE_USERS.items():
                users.create_user(s, username=username, full_name=username.title(), roles=roles, password=PASSWORD,
                                  assessor=lead if "asesor" in roles else None)
    finally:
        db.dispose()


def _window(qtbot, path: Path, username: str | None):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(f"sqlite:///{path}")
    qtbot.addWidget(window)
    window.show()
    if username is not None:
        _answer_login(qtbot, [(username, PASSWORD)], [])
    assert window.open_database()
    return window


def _menu_entries(window) -> set[str]:  # type: ignore[no-untyped-def]
    """Every menu entry the user can reach, as "Menu > Sub > Entry"."""
    seen: set[str] = set()

    def walk(menu, prefix: str) -> None:  # type: ignore[no-untyped-def]
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            text = f"{prefix} > {action.text().replace('&', '')}"
            if action.menu() is not None:
                walk(action.menu(), text)
            else:
                seen.add(text)

    for name, menu in (("Berkas", window.file_menu), ("Data", window.data_menu), ("Cetak", window.print_menu)):
        if menu.menuAction().isVisible():
            walk(menu, name)
    return seen


def _buttons(window, key: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The texts of the buttons a user sees on a tab (a toolbar button by its action)."""
    tab = window.show_tab(key)
    shown = set()
    for button in tab.findChildren(QAbstractButton):
        action = button.defaultAction() if isinstance(button, QToolButton) else None
        visible = action.isVisible() if action is not None else not button.isHidden()
        if visible and button.text():
            shown.add(button.text().replace("&", ""))
    return shown


def _visible_tabs(window) -> set[str]:  # type: ignore[no-untyped-def]
    return {window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)}


SECRETARIAT_ENTRIES = {"Data > Kegiatan baru...", "Data > Impor peserta...", "Data > Susun jadwal otomatis...",
                       "Data > Ruang...", "Data > Direktori pegawai...", "Cetak > Surat undangan peserta...",
                       "Cetak > Administrasi kegiatan > SK Peserta...", "Cetak > Jadwal > Matriks jadwal...",
                       "Berkas > Paket asesor > Buat paket...", "Data > Pustaka materi soal..."}
CHANGING_BUTTONS = {"Kegiatan baru", "Ubah / status", "Tahap berikutnya", "Arsipkan", "Impor...", "Tambah",
                    "Ubah", "Tindakan", "Bagi kelompok...", "Gelombang...", "Kontak"}


def test_without_users_every_entry_and_button_is_offered(qtbot, database_path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, database_path, None)
    entries = _menu_entries(window)
    assert entries >= SECRETARIAT_ENTRIES
    assert {"Cetak > Psikogram...", "Berkas > Cadangkan basis data...", "Berkas > Catatan audit...",
            "Data > Profil instansi, penandatangan dan penomoran..."} <= entries
    assert {"Kegiatan baru", "Ubah / status", "Tahap berikutnya", "Arsipkan"} <= _buttons(window, "events_tab")
    assert {"Impor...", "Tambah", "Tindakan", "Kontak"} <= _buttons(window, "participants_tab")
    assert {"Susun otomatis", "Ruang..."} <= _buttons(window, "schedule_tab")
    assert {"Pemeriksa...", "Ajukan ke QC"} <= _buttons(window, "qc_tab")


def test_each_role_sees_only_what_the_table_allows(qtbot, database_path) -> None:  # type: ignore[no-untyped-def]
    _add_role_users(database_path)

    asesor = _window(qtbot, database_path, "asesor")
    entries = _menu_entries(asesor)
    assert not entries & SECRETARIAT_ENTRIES
    assert not asesor.print_menu.menuAction().isVisible()  # nothing an asesor may print from the menu
    assert not any(e.startswith("Data > Perumusan Kompetensi") for e in entries)
    assert not {"Berkas > Cadangkan basis data...", "Berkas > Pulihkan dari cadangan...",
                "Berkas > Penyiapan awal..."} & entries
    assert not _buttons(asesor, "events_tab") & CHANGING_BUTTONS
    assert not _buttons(asesor, "participants_tab") & CHANGING_BUTTONS
    assert "Serahkan penilaian peserta ini" in _buttons(asesor, "scoring_tab")
    assert "Pemeriksa..." not in _buttons(asesor, "qc_tab")
    asesor.close()

    pimpinan = _window(qtbot, database_path, "pimpinan")
    entries = _menu_entries(pimpinan)
    # reading and printing results only: nothing that changes this database is offered
    assert {e for e in entries if e.startswith(("Data > ", "Cetak > "))} == {
        "Data > Muat ulang", "Data > Evaluasi kinerja asesor...", "Cetak > Psikogram...",
        "Cetak > Laporan individu...", "Cetak > Rekap hasil (Excel)...", "Cetak > Rekap hasil per unit (PDF)...",
        "Cetak > Evaluasi kinerja asesor...", "Cetak > Umpan balik...", "Cetak > Laporan kegiatan..."}
    assert not any(e.startswith(("Berkas > Paket asesor", "Berkas > Pulihkan", "Berkas > Cadangkan"))
                   for e in entries)
    assert _buttons(pimpinan, "events_tab") & CHANGING_BUTTONS == set()
    assert _buttons(pimpinan, "participants_tab") & CHANGING_BUTTONS == set()
    assert not {"Serahkan penilaian peserta ini", "Rapat integrasi..."} & _buttons(pimpinan, "scoring_tab")
    assert not {"Ajukan ke QC", "Pemeriksa...", "Serahkan"} & _buttons(pimpinan, "qc_tab")
    pimpinan.close()

    sekretariat = _window(qtbot, database_path, "sekretariat")
    entries = _menu_entries(sekretariat)
    assert entries >= SECRETARIAT_ENTRIES
    assert "QC Laporan" not in _visible_tabs(sekretariat)  # no QC approval anywhere
    assert not {"Cetak > Psikogram...", "Cetak > Laporan individu...", "Berkas > Catatan audit...",
                "Berkas > Pengguna dan peran...", "Berkas > Cadangkan basis data..."} & entries
    assert {"Kegiatan baru", "Tahap berikutnya"} <= _buttons(sekretariat, "events_tab")
    assert {"Impor...", "Tambah", "Tindakan", "Bagi kelompok..."} <= _buttons(sekretariat, "participants_tab")
    assert {"Tambah", "Tugaskan", "Impor"} <= _buttons(sekretariat, "assessors_tab")
    assert {"Susun otomatis", "Ruang..."} <= _buttons(sekretariat, "schedule_tab")
    sekretariat.close()

    reviewer = _window(qtbot, database_path, "reviewer")
    assert {"Pemeriksa...", "Ajukan ke QC"} <= _buttons(reviewer, "qc_tab")
    assert "Cetak > Psikogram..." in _menu_entries(reviewer)
    assert "Data > Impor peserta..." not in _menu_entries(reviewer)
