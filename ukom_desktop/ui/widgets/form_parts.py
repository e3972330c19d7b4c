"""The small blocks every editing form repeats: the red line that shows what the service refused, the
Simpan/Batal buttons wired to accept and reject, and a password field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit

ERROR_STYLE = "color:#c0392b"


def error_label() -> QLabel:
    """An empty, word-wrapped red label; forms put the service's refusal in it."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def save_cancel_buttons(dialog: QDialog, ok_text: str = "Simpan",
                        ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save) -> QDialogButtonBox:
    """`ok_text` / Batal, connected to the dialog's accept and reject."""
    box = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def password_field() -> QLineEdit:
    """A line edit that shows dots instead of what is typed."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
