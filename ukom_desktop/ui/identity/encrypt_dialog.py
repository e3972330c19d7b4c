"""Encrypted database files in the window: the key asked when one is opened, and
Berkas > Enkripsi basis data... (an encrypted or a plain copy of the open file)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.widgets.form_parts import password_field

if TYPE_CHECKING:
    from ukom_desktop.ui.main_window import MainWindow


def ask_key(parent: QWidget | None, name: str, problem: str = "") -> str | None:
    text = (problem + "\n\n" if problem else "") + f"Berkas {name} terenkripsi. Masukkan kunci basis data:"
    key, ok = QInputDialog.getText(parent, "Kunci basis data", text, QLineEdit.EchoMode.Password)
    return key if ok and key else None


class EncryptDialog(QDialog):
    """An encrypted copy of a plain file, or a plain copy of an encrypted one; the open file is unchanged."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        from ukom_desktop.services.database_access import is_encrypted_file

        super().__init__(parent)
        self.window_ = window
        self.copy_path: Path | None = None  # the copy made, once accepted
        db = window.context.database
        self.source: Path | None = db.file if db is not None else None
        self.encrypted = is_encrypted_file(self.source)
        self.setWindowTitle("Enkripsi basis data")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if self.encrypted:
            intro = ("Berkas ini sudah terenkripsi. Anda dapat membuat salinan TANPA enkripsi (misalnya untuk "
                     "diserahkan ke server); salinan itu dapat dibaca siapa pun yang memperolehnya.")
        else:
            intro = ("Buat salinan terenkripsi dari basis data ini untuk laptop atau folder bersama. Tanpa "
                     "kunci, salinan tidak dapat dibuka sama sekali: simpan kuncinya di tempat aman. Berkas "
                     "yang sedang terbuka tidak diubah; buka salinan itu setelah selesai.")
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.key = password_field()
        self.repeat = password_field()
        if not self.encrypted:
            form.addRow("Kunci baru (min. 10 karakter):", self.key)
            form.addRow("Ulangi kunci:", self.repeat)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Simpan salinan tanpa enkripsi..." if self.encrypted else "Simpan salinan terenkripsi...")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        from ukom_desktop.services.database_access import switched_copy
        from ukom_desktop.ui.actions import in_session, run_action

        if self.source is None:
            messages.info(self, "Enkripsi hanya untuk berkas SQLite, bukan server PostgreSQL.")
            return
        from ukom_desktop.domain.permissions import DATABASE_TOOLS
        from ukom_desktop.services.access import require

        if not in_session(self, self.window_.context, lambda session: require(session, DATABASE_TOOLS), level="warn"):
            return
        if not self.encrypted and self.key.text() != self.repeat.text():
            messages.warn(self, "Kedua kunci tidak sama.")
            return
        suffix = "tanpa-enkripsi" if self.encrypted else "terenkripsi"
        path, _ = QFileDialog.getSaveFileName(self, "Simpan salinan", f"{self.source.stem}-{suffix}.sqlite",
                                              "Basis data UKOM (*.sqlite)")
        if not path:
            return
        source, key = self.source, "" if self.encrypted else self.key.text()
        # a refused folder or full disk is a sentence too
        outcome = run_action(self, lambda: switched_copy(source, Path(path), key), level="warn")
        if outcome.value is None:
            return
        self.copy_path = outcome.value
        messages.info(self, f"Salinan tersimpan: {outcome.value}")
        super().accept()
