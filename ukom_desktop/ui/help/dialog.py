"""Panduan: the list of guides on the left, the chosen one on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.help.guides import all_guides


class GuideDialog(QDialog):
    def __init__(self, tab_keys: list[str], current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Panduan UKOM Desktop")
        fit_to_screen(self, 900, 600)
        self.guides = all_guides(tab_keys)
        layout = QVBoxLayout(self)
        intro = QLabel("Panduan singkat setiap tab. Tekan F1 di tab mana pun untuk langsung membuka panduannya.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setMaximumWidth(220)
        for g in self.guides:
            self.list.addItem(g.title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        body.addWidget(self.list)
        body.addWidget(self.browser, 1)
        layout.addLayout(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        keys = [g.key for g in self.guides]
        self.list.setCurrentRow(keys.index(current) if current in keys else 0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.guides):
            self.browser.setHtml(self.guides[row].html)

    @property
    def current_key(self) -> Any:
        row = self.list.currentRow()
        return self.guides[row].key if 0 <= row < len(self.guides) else None
