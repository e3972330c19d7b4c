"""Berkas > Pulihkan dari cadangan...: choose a backup (date, size, revision, events, participants) and
put it in place of the open SQLite file; the current file is kept as a copy first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.geometry import fit_to_screen

if TYPE_CHECKING:
    from ukom_desktop.services.database_access import BackupInfo

HEADERS = ("Tanggal", "Ukuran", "Revisi", "Kegiatan", "Peserta", "Berkas")


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 104_858 else f"{max(1, size // 1024)} KB"


class RestoreDialog(QDialog):
    def __init__(self, target: Path, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pulihkan dari cadangan")
        self.target = target
        self.chosen: Path | None = None
        intro = QLabel(
            f"Pilih cadangan yang akan menggantikan basis data:\n{target}\n"
            "Berkas yang sekarang disalin dahulu ke folder cadangan, jadi pemulihan dapat dibatalkan."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self._accept_selected())
        self.backups: list[BackupInfo] = []
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Pulihkan", QDialogButtonBox.ButtonRole.AcceptRole)
        from ukom_desktop.services.database_access import backups_for

        self.fill(backups_for(target, folder))
        other = QPushButton("Berkas lain...")
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept_selected)
        buttons.rejected.connect(self.reject)
        other.clicked.connect(self._choose_file)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 420)

    def fill(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            values = (
                info.made_at.strftime("%d-%m-%Y %H:%M"), _size(info.size), info.revision or "-",
                "-" if info.events is None else str(info.events),
                "-" if info.participants is None else str(info.participants), str(info.path),
            )
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        if backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(backups))

    def _accept_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self.backups[rows[0].row()].path
            self.accept()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pilih berkas cadangan", "",
                                              "Basis data UKOM (*.sqlite *.db);;Semua berkas (*)")
        if not path:
            return
        from ukom_desktop.services.database_access import describe_backup_file
        from ukom_desktop.ui.actions import run_action

        # a file that vanished meanwhile: a sentence (one that is no backup is listed without counts)
        chosen = run_action(self, lambda: describe_backup_file(Path(path), self.target))
        if chosen.value is not None:
            self.fill([chosen.value])


def restore_from_backup(window) -> bool:  # type: ignore[no-untyped-def]
    """The whole action for the main window: choose, confirm, close the database, restore, reopen."""
    from ukom_desktop.services.database_access import restore
    from ukom_desktop.ui import messages
    from ukom_desktop.ui.actions import run_action

    db = window.context.database
    if db is None or db.file is None:
        messages.info(window, "Pemulihan dari aplikasi hanya untuk berkas SQLite. Server PostgreSQL "
                              "dipulihkan oleh pengelola server dengan pg_restore.")
        return False
    target = db.file
    dialog = RestoreDialog(target, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return False
    if not messages.confirm(window, f"Basis data {target} akan diganti dengan isi cadangan\n{dialog.chosen}.\n\n"
                                    "Berkas yang sekarang disalin dahulu ke folder cadangan. Lanjutkan?"):
        return False
    window.context.set_database(None)  # every connection to the file is closed before it is replaced
    chosen = dialog.chosen
    restored = run_action(window, lambda: restore(chosen, target))  # refused: a sentence, the file unchanged
    if not restored or restored.value is None:
        window.open_database(str(target))
        return False
    result = restored.value
    if not window.open_database(str(target)):
        return False
    kept = f"\nSalinan berkas sebelum pemulihan: {result.previous_copy}" if result.previous_copy else ""
    messages.info(window, f"Basis data dipulihkan dari {result.restored_from.name} "
                          f"({result.info.events} kegiatan, {result.info.participants} peserta).{kept}")
    return True
