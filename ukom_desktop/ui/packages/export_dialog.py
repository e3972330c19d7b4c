"""Berkas > Paket asesor > Buat paket...: packages for one, several or all assessors of the current event,
written in the background; the passphrases are shown once and printed on a slip PDF beside the packages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.geometry import fit_to_screen


def export_work(database: Any, event_id: int, member_ids: list[int], folder: Path):  # noqa: ANN201
    """The background work: yields progress, returns (issued packages, slip path)."""
    from ukom_desktop.documents.package_slip import Slip, slip_file_name, write_slips
    from ukom_desktop.services import packages_export as px

    session = database.sessions()
    issued: list[px.IssuedPackage] = []
    try:
        issued = yield from px.export_packages(session, event_id, member_ids, folder)
        code, name = px.event_code_and_name(session, event_id)
        session.commit()
    except BaseException:
        session.rollback()
        px.discard(issued)
        raise
    finally:
        session.close()
    px.publish(issued)
    slip = write_slips([Slip(i.assessor_name, i.assessor_nip, code, name, i.path.name, i.passphrase) for i in issued],
                       folder / slip_file_name(code))
    return issued, slip


class ExportPackagesDialog(QDialog):
    def __init__(self, context: Any, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ukom_desktop.services.packages_export import event_assessors

        self.context, self.event_id = context, event_id
        self.setWindowTitle("Buat paket asesor")
        fit_to_screen(self, 640, 520)
        with context.session() as session:
            assessors = event_assessors(session, event_id)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Asesor yang dibuatkan paket (hanya peserta, jadwal dan penilaiannya sendiri):"))
        self.list = QListWidget()
        for member_id, name, nip in assessors:
            item = QListWidgetItem(f"{name}  {nip}")
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.folder = QLineEdit(str(Path.home() / "paket-asesor"))
        browse = QPushButton("Pilih folder...")
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel("Folder tujuan:"))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton("Buat paket", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_dialog: QDialog | None = None
        if not assessors:
            self.create_button.setEnabled(False)
            layout.insertWidget(1, QLabel("Belum ada asesor yang mendapat peserta pada kegiatan ini."))

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Folder tujuan paket", self.folder.text())
        if path:
            self.folder.setText(path)

    def chosen(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def create(self) -> None:
        from ukom_desktop.ui.background import run_in_background

        members = self.chosen()
        if not members:
            messages.info(self, "Centang minimal satu asesor.")
            return
        folder = Path(self.folder.text().strip())
        self.task = run_in_background(
            self, lambda: export_work(self.context.database, self.event_id, members, folder),
            title="Membuat paket asesor", on_done=self._done,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException, details: str) -> None:
        from ukom_desktop.ui.actions import describe_error

        text = describe_error(exc)
        if text is None:
            messages.unexpected(self, "Paket asesor tidak dapat dibuat karena kesalahan tak terduga.", details)
        else:
            messages.error(self, f"Paket tidak dapat dibuat: {text}")

    def _done(self, result: tuple[list[Any], Path]) -> None:
        issued, slip = result
        self.result_dialog = PassphraseDialog(issued, slip, self)
        self.result_dialog.open()
        self.accept()


class PassphraseDialog(QDialog):
    """The passphrases, shown once; the slip PDF holds them for printing."""

    def __init__(self, issued: list[Any], slip: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paket asesor dibuat")
        fit_to_screen(self, 860, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(issued)} paket dibuat di {issued[0].path.parent if issued else ''}.<br>"
                                "<b>Kata sandi hanya ditampilkan sekali.</b> Cetak slipnya, potong, dan serahkan "
                                "kepada tiap asesor terpisah dari flashdisk berisi paket.<br>"
                                f"Slip kata sandi: {slip}"))
        table = QTableWidget(len(issued), 3)
        table.setHorizontalHeaderLabels(["Asesor", "Berkas paket", "Kata sandi"])
        for r, item in enumerate(issued):
            for c, text in enumerate((item.assessor_name, item.path.name, item.passphrase)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table = table
        layout.addWidget(table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        self.slip_button = close.addButton("Buka slip untuk dicetak", QDialogButtonBox.ButtonRole.ActionRole)
        self.slip_button.clicked.connect(lambda: _open_file(slip))
        close.rejected.connect(self.reject)
        layout.addWidget(close)


def _open_file(path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
