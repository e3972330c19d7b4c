"""Asking the PostgreSQL server's password at connect; optionally kept in the OS credential store."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.widgets.form_parts import password_field


class PasswordDialog(QDialog):
    def __init__(self, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sandi server basis data")
        intro = QLabel(f"Masukkan sandi untuk server basis data:\n{server}")
        intro.setWordWrap(True)
        self.password_edit = password_field()
        self.remember_check = QCheckBox("Simpan sandi di penyimpanan kredensial sistem operasi")
        self.remember_check.setToolTip(
            "Sandi tidak pernah disimpan di berkas pengaturan aplikasi; bila dicentang, sistem operasi "
            "yang menyimpannya (Windows Credential Manager, Keychain atau Secret Service)."
        )
        form = QFormLayout()
        form.addRow("Sandi:", self.password_edit)
        buttons = QDialogButtonBox()
        buttons.addButton("Hubungkan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember_check)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    @property
    def password(self) -> str:
        return self.password_edit.text()

    @property
    def remember(self) -> bool:
        return self.remember_check.isChecked()


def ask_password(parent: QWidget | None, url: str) -> tuple[str, bool] | None:
    """(password, keep it in the credential store) or None when the user cancels."""
    from ukom_desktop.services.database_access import public_address

    dialog = PasswordDialog(public_address(url), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password, dialog.remember
