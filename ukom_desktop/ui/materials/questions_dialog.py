"""Bank pertanyaan wawancara: the key behavioural questions and probes per competency and level that the
interview guides print (a starting set for the nine competencies, editable) (issue 17 item 3)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_transaction
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.form_parts import error_label, save_cancel_buttons
from ukom_desktop.ui.widgets.record_table import RecordTable


class QuestionForm(QDialog):
    def __init__(self, competencies: list[tuple[str, str]], row: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ubah pertanyaan" if row else "Tambah pertanyaan")
        fit_to_screen(self, 620, 400)
        form = QFormLayout(self)
        self.competency_combo = QComboBox()
        for code, name in competencies:
            self.competency_combo.addItem(f"{code} {name}", code)
        self.level_spin = QSpinBox()
        self.level_spin.setRange(1, 5)
        self.question_edit = QPlainTextEdit(row.question if row else "")
        self.question_edit.setMaximumHeight(80)
        self.probes_edit = QPlainTextEdit("\n".join(row.probes) if row else "")
        if row:
            self.competency_combo.setCurrentIndex(max(0, self.competency_combo.findData(row.competency_code)))
            self.level_spin.setValue(row.level)
        form.addRow("Kompetensi", self.competency_combo)
        form.addRow("Level", self.level_spin)
        form.addRow("Pertanyaan kunci", self.question_edit)
        form.addRow("Pertanyaan lanjutan\n(satu per baris)", self.probes_edit)
        self.error_label = error_label()
        form.addRow(self.error_label)
        form.addRow(save_cancel_buttons(self))

    def values(self) -> tuple[str, int, str, list[str]]:
        return (self.competency_combo.currentData(), self.level_spin.value(), self.question_edit.toPlainText(),
                self.probes_edit.toPlainText().splitlines())


class QuestionsDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Bank pertanyaan wawancara")
        fit_to_screen(self, 980, 600)
        layout = QVBoxLayout(self)
        self.model = RecordTableModel((
            Column("competency", "Kompetensi", lambda r: f"{r.competency_code} {r.competency_name}", width=200),
            Column("level", "Level", lambda r: r.level, align_right=True, width=50),
            Column("question", "Pertanyaan kunci", lambda r: r.question, width=420),
            Column("probes", "Pertanyaan lanjutan", lambda r: " / ".join(r.probes), width=280),
        ))
        self.table = RecordTable(self.model, "interview_questions")
        layout.addWidget(self.table)
        bar = QHBoxLayout()
        self.add_button = QPushButton("Tambah...")
        self.edit_button = QPushButton("Ubah...")
        self.delete_button = QPushButton("Hapus")
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        close = QPushButton("Tutup")
        close.clicked.connect(self.accept)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.add_button.clicked.connect(lambda: self.edit_question(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.activated.connect(self.edit_question)
        self.delete_button.clicked.connect(self.delete_selected)
        self.reload()

    def reload(self) -> None:
        from ukom_desktop.services.interview_guides import list_questions

        outcome = in_transaction(self, self.context, list_questions)  # seeds the starting set once
        if outcome.ok and outcome.value is not None:
            self.model.set_rows(outcome.value)

    def _competencies(self) -> list[tuple[str, str]]:
        return list(dict.fromkeys((r.competency_code, r.competency_name) for r in self.model.rows()))

    def _selected(self) -> Any:
        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, "Pilih satu pertanyaan terlebih dahulu.")
            return None
        return rows[0]

    def edit_selected(self) -> None:
        row = self._selected()
        if row is not None:
            self.edit_question(row)

    def edit_question(self, row: Any, form: QuestionForm | None = None) -> None:
        from ukom_desktop.services.interview_guides import save_question

        form = form or QuestionForm(self._competencies(), row, self)
        while form.exec():
            values = form.values()
            outcome = in_transaction(
                self, self.context, lambda s, v=values: save_question(s, *v, row.id if row else None),  # type: ignore[misc]
                report=form.error_label.setText, done="Pertanyaan wawancara disimpan.")
            if outcome.ok:
                self.reload()
                return

    def delete_selected(self) -> None:
        from ukom_desktop.services.interview_guides import delete_question

        row = self._selected()
        if row is None or not messages.confirm(self, f"Hapus pertanyaan ini?\n\n{row.question}"):
            return
        if in_transaction(self, self.context, lambda s: delete_question(s, row.id), done="Pertanyaan dihapus.").ok:
            self.reload()
