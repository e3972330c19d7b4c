"""Menu actions of the assessor packages (issue 14): Berkas > Paket asesor > Buat paket..., Terima paket...,
Konflik paket...; Berkas > Buka paket asesor... (assessor mode on a laptop)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction

from ukom_desktop.ui import messages


def ask_package_file(parent: Any, title: str, filters: str) -> str:
    """Which file to open (tests patch this)."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def ask_passphrase(parent: Any) -> str | None:
    """The passphrase from the slip (tests patch this)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(parent, "Buka paket asesor", "Kata sandi dari slip sekretariat:",
                                    QLineEdit.EchoMode.Password)
    return text if ok and text.strip() else None


def install(window: Any) -> None:
    menu = window.file_menu
    actions = menu.actions()
    index = actions.index(window.act_quit)
    before = actions[index - 1] if index and actions[index - 1].isSeparator() else window.act_quit
    sub = menu.addMenu("Paket asesor")
    menu.insertMenu(before, sub)
    window.package_menu = sub
    for attr, text, slot in (
        ("act_package_export", "Buat paket...", lambda: open_export(window)),
        ("act_package_import", "Terima paket...", lambda: open_merge(window)),
        ("act_package_conflicts", "Konflik paket...", lambda: open_conflicts(window)),
    ):
        action = QAction(text, window)
        action.triggered.connect(slot)
        sub.addAction(action)
        setattr(window, attr, action)
    window.act_open_package = QAction("Buka paket asesor...", window)
    window.act_open_package.setToolTip("Mode asesor: buka paket di laptop, nilai tanpa jaringan, kirim kembali")
    window.act_open_package.triggered.connect(lambda: open_assessor_package(window))
    menu.insertAction(before, window.act_open_package)
    # a .ukom file given at start (double-clicked in the file manager) opens in assessor mode
    window.package_opener = lambda path: open_assessor_package(window, path)


def _event_id(window: Any) -> int | None:
    if window.context.database is None or window.context.event_id is None:
        messages.info(window, "Pilih dulu kegiatan pada bilah alat.")
        return None
    return window.context.event_id


def open_export(window: Any) -> Any:
    event_id = _event_id(window)
    if event_id is None:
        return None
    from ukom_desktop.ui.packages.export_dialog import ExportPackagesDialog

    window.package_export_dialog = ExportPackagesDialog(window.context, event_id, window)
    window.package_export_dialog.open()
    return window.package_export_dialog


def open_merge(window: Any, path: str | None = None) -> Any:
    if window.context.database is None:
        messages.info(window, "Buka dulu basis data sekretariat.")
        return None
    path = path or ask_package_file(window, "Terima paket kiriman asesor", "Paket kiriman asesor (*.ukom)")
    if not path:
        return None
    from ukom_desktop.ui.actions import run_action
    from ukom_desktop.ui.packages.merge_dialog import MergePreviewDialog

    chosen = Path(path)
    # a file that cannot be read or is not a return package of this database: a sentence
    made = run_action(window, lambda: MergePreviewDialog(window.context, chosen.read_bytes(), chosen.name, window))
    dialog = made.value
    if dialog is None:
        return None
    window.package_merge_dialog = dialog
    dialog.open()
    return dialog


def open_conflicts(window: Any) -> Any:
    event_id = _event_id(window)
    if event_id is None:
        return None
    from ukom_desktop.ui.packages.merge_dialog import ConflictQueueDialog

    window.package_conflict_dialog = ConflictQueueDialog(window.context, event_id, window)
    window.package_conflict_dialog.open()
    return window.package_conflict_dialog


def working_database_for(package: Path) -> Path:
    """Where the laptop keeps the working database of a package (the user's data folder)."""
    from ukom_desktop import paths

    return paths.data_dir() / "asesor" / f"{package.stem}.sqlite"


def open_assessor_package(window: Any, path: str | None = None, passphrase: str | None = None) -> Any:
    """Open a package (asking its passphrase) or an existing working database, in the assessor window."""
    from ukom_desktop.ui.actions import run_action

    path = path or ask_package_file(window, "Buka paket asesor",
                                    "Paket asesor (*.ukom);;Basis data kerja asesor (*.sqlite)")
    if not path:
        return None
    chosen = Path(path)
    # a wrong passphrase, a foreign or unreadable file: a sentence; None after Batal
    opened = run_action(window, lambda: _assessor_window_for(window, chosen, passphrase))
    assessor_window = opened.value
    if assessor_window is None:
        return None
    window.assessor_window = assessor_window
    assessor_window.show()
    return assessor_window


def _assessor_window_for(window: Any, chosen: Path, passphrase: str | None) -> Any:
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.services import packages_laptop as lp

    if chosen.suffix.lower() == ".ukom":
        target = working_database_for(chosen)
        url = f"sqlite:///{target}"
        if lp.is_locked(url) and not _unlock(window, url, passphrase):
            return None
        if lp.is_working_database(url):
            from ukom_desktop.io.exchange_package import read_header

            if read_header(chosen.read_bytes()).package_id != lp.working_package_id(url):
                raise UserFacingError(
                    f"Laptop ini sudah memakai paket lama dengan nama yang sama ({target}). Kirim kembali "
                    "hasilnya dulu, lalu pindahkan atau ganti nama berkas basis data kerja lama itu.")
        else:
            passphrase = passphrase or ask_passphrase(window)
            if passphrase is None:
                return None
            lp.open_package(url, chosen.read_bytes(), passphrase)
    else:
        url = f"sqlite:///{chosen}"
        if lp.is_locked(url) and not _unlock(window, url, passphrase):
            return None
        if not lp.is_working_database(url):
            raise UserFacingError("Berkas ini bukan basis data kerja asesor.")
    from ukom_desktop.ui.packages.assessor_window import AssessorWindow

    return AssessorWindow(url)


def _unlock(window: Any, url: str, passphrase: str | None) -> bool:
    """The passphrase of an encrypted working database (asked again on every reopening); a wrong one raises
    a sentence, Batal returns False."""
    from ukom_desktop.services import packages_laptop as lp

    passphrase = passphrase or ask_passphrase(window)
    if passphrase is None:
        return False
    lp.unlock(url, passphrase)
    return True


def open_working_database(window: Any, laptop: Path) -> Any:
    """The assessor window on a working database given at start (--db), asking its passphrase when encrypted;
    None after Batal or a wrong passphrase (said in a message)."""
    from ukom_desktop.services import packages_laptop as lp
    from ukom_desktop.ui.actions import run_action

    url = f"sqlite:///{laptop}"

    def open_window() -> Any:
        if lp.is_locked(url) and not _unlock(window, url, None):
            return None
        from ukom_desktop.ui.packages.assessor_window import AssessorWindow

        return AssessorWindow(url)

    return run_action(window, open_window).value


def working_database_file(database: str | None) -> Path | None:
    """The file when `database` (a --db value) is an assessor's working database (checked cheaply, so the
    window still starts fast)."""
    from ukom_desktop.services.database_access import assessor_working_file

    return assessor_working_file(database)
