"""Encrypted database files in the window: the key asked when one is opened, and
Berkas > Enkripsi basis data... (an encrypted or a plain copy of the open file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def open_with_key(parent: QWidget | None, opener: Callable[[Any], Any], target: Any) -> Any:
    """Open a database; for an encrypted file ask the key until it is right or the user gives up.

    A wrong key changes nothing (the file is only read to test it)."""
    from ukom_desktop.db.encryption import KeyNeededError, WrongKeyError, register_key

    problem = ""
    while True:
        try:
            return opener(target)
        except (KeyNeededError, WrongKeyError) as exc:
            if isinstance(exc, WrongKeyError):
                register_key(exc.path, None)
                problem = str(exc)
            key = ask_key(parent, exc.path.name, problem)
            if key is None:
                raise KeyNeededError(exc.path) from None
            register_key(exc.path, key)


class EncryptDialog(QDialog):
    """An encrypted copy of a plain file, or a plain copy of an encrypted one; the open file is unchanged."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        from ukom_desktop.db.encryption import is_encrypted

        super().__init__(parent)
        self.window_ = window
        self.copy_path: Path | None = None  # the copy made, once accepted
        db = window.context.database
        self.source: Path | None = db.file if db is not None else None
        self.encrypted = bool(self.source and is_encrypted(self.source))
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
        from ukom_desktop.db.encryption import check_new_key, decrypt_copy, encrypt_copy, key_for
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
        source = self.source

        def make_copy() -> Path:
            if self.encrypted:
                return decrypt_copy(source, Path(path), key_for(source) or "")
            check_new_key(self.key.text())
            return encrypt_copy(source, Path(path), self.key.text())

        outcome = run_action(self, make_copy, level="warn")  # a refused folder or full disk is a sentence too
        if not outcome:
            return
        self.copy_path = Path(outcome.value)
        messages.info(self, f"Salinan tersimpan: {outcome.value}")
        super().accept()
