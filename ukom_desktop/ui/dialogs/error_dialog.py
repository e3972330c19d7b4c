"""The dialog for an unexpected error: a plain sentence, the details to copy, and where the log is."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.icons import icon


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Terjadi kesalahan")
        self.setWindowIcon(icon("error"))
        fit_to_screen(self, 620, 380)
        self._details = details
        self._setup_ui(summary)

    def _setup_ui(self, summary: str) -> None:
        layout = QVBoxLayout(self)
        label = QLabel(
            f"<b>{summary}</b><br>Pekerjaan Anda yang sudah tersimpan tetap aman. Salin rincian di bawah "
            "dan kirimkan kepada pengelola aplikasi bila kesalahan berulang."
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.details_view = QPlainTextEdit(self._details)
        self.details_view.setReadOnly(True)
        layout.addWidget(self.details_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(icon("copy"), "Salin rincian")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._on_copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self._details)
