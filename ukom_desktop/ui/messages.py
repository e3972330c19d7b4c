"""Every message box of the app goes through here: one place for wording and for tests to patch."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ukom_desktop import APP_NAME


def info(parent: QWidget | None, text: str, title: str = APP_NAME) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, text: str, title: str = APP_NAME) -> None:
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, text: str, title: str = APP_NAME) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, text: str, title: str = APP_NAME) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def unexpected(parent: QWidget | None, summary: str, details: str) -> None:
    from ukom_desktop.ui.dialogs.error_dialog import ErrorDialog

    ErrorDialog(summary, details, parent).exec()
