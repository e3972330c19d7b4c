"""Template editor: the wording of each document as text with {fields}, the fields it may use (double-click
inserts one), its problems shown as you type, and a way back to the shipped wording."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen

HELP = (
    "Tulis isian dalam kurung kurawal, mis. {kegiatan}. Baris kosong memisahkan paragraf. Paragraf yang hanya "
    "berisi [[jadwal]], [[rincian]] atau [[rekap]] menempatkan blok jadwal, rincian berita acara atau rekap "
    "kehadiran. Paragraf yang isiannya kosong tidak dicetak."
)


class TemplateDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ukom_desktop.services.document_templates import TEMPLATE_TITLES, template_text

        self.context = context
        self.titles = TEMPLATE_TITLES
        with context.session() as session:
            self.saved = {key: template_text(session, key) for key in TEMPLATE_TITLES}
        self.texts = dict(self.saved)
        self.current: str | None = None
        self.setWindowTitle("Templat naskah surat")
        fit_to_screen(self, 1100, 640)
        self._setup_ui()
        self.list.setCurrentRow(0)

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter()
        self.list = QListWidget()
        for key, title in self.titles.items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + 16)
        self.list.currentItemChanged.connect(self._on_choose)
        splitter.addWidget(self.list)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        help_label = QLabel(HELP)
        help_label.setWordWrap(True)
        middle_layout.addWidget(help_label)
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFont("Monospace", 10))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.textChanged.connect(self._on_text)
        middle_layout.addWidget(self.editor, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        middle_layout.addWidget(self.problems)
        splitter.addWidget(middle)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("Isian yang tersedia (klik dua kali untuk menyisipkan):"))
        self.fields = QListWidget()
        self.fields.setWordWrap(True)
        self.fields.itemDoubleClicked.connect(self._on_insert)
        right_layout.addWidget(self.fields, 1)
        splitter.addWidget(right)
        splitter.setSizes([300, 500, 300])
        layout.addWidget(splitter, 1)

        row = QHBoxLayout()
        self.reset_button = QPushButton("Kembalikan ke naskah bawaan")
        self.reset_button.clicked.connect(self._on_reset)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Simpan")
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        layout.addLayout(row)

    # -- behaviour ----------------------------------------------------------------------------
    def _on_choose(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        from ukom_desktop.documents.templates import FIELD_DESCRIPTIONS, TEMPLATE_FIELDS

        if item is None:
            return
        self.current = item.data(Qt.ItemDataRole.UserRole)
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.texts[self.current])
        self.editor.blockSignals(False)
        self.fields.clear()
        for name in TEMPLATE_FIELDS[self.current]:
            field_item = QListWidgetItem(f"{{{name}}}  {FIELD_DESCRIPTIONS.get(name, '')}")
            field_item.setData(Qt.ItemDataRole.UserRole, name)
            self.fields.addItem(field_item)
        self._show_problems()

    def _on_text(self) -> None:
        if self.current is not None:
            self.texts[self.current] = self.editor.toPlainText()
            self._show_problems()

    def current_problems(self) -> list[str]:
        from ukom_desktop.services.document_templates import problems_of

        return problems_of(self.current, self.editor.toPlainText()) if self.current else []

    def _show_problems(self) -> None:
        problems = self.current_problems()
        if problems:
            self.problems.setStyleSheet("color: #b00020;")
            self.problems.setText("\n".join(problems))
        else:
            self.problems.setStyleSheet("color: #1b5e20;")
            changed = self.texts[self.current] != self.saved[self.current] if self.current else False
            self.problems.setText("Templat dapat dipakai." + (" Belum disimpan." if changed else ""))

    def _on_insert(self, item: QListWidgetItem) -> None:
        self.editor.insertPlainText("{" + item.data(Qt.ItemDataRole.UserRole) + "}")
        self.editor.setFocus()

    def _on_reset(self) -> None:
        from ukom_desktop.documents.templates import DEFAULT_TEMPLATES

        if self.current is not None:
            self.editor.setPlainText(DEFAULT_TEMPLATES[self.current])

    def _on_save(self) -> None:
        from ukom_desktop.services.document_templates import problems_of, save_template
        from ukom_desktop.ui.actions import in_transaction, status_message

        changed = {key: text for key, text in self.texts.items() if text != self.saved[key]}
        bad = [f"{self.titles[key]}: {' '.join(problems_of(key, text))}" for key, text in changed.items()
               if problems_of(key, text)]
        if bad:
            messages.warn(self, "Templat belum dapat disimpan:\n\n" + "\n".join(bad))
            return
        def save(session):  # type: ignore[no-untyped-def]
            for key, text in changed.items():
                save_template(session, key, text)

        if not in_transaction(self, self.context, save):
            return
        status_message(self.parentWidget(), f"{len(changed)} templat tersimpan.")
        self.saved.update(changed)
        self._show_problems()
        self.context.data_changed.emit("templates")
        self.accept()
