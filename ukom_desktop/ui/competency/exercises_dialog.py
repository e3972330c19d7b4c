"""Pustaka alat ukur: exercises with kind, duration and the competencies each usually measures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.labels import EXERCISE_KIND
from ukom_desktop.ui.competency.standard_grid import close_buttons
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen


class ExercisesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current_id: int | None = None
        self.setWindowTitle("Pustaka Alat Ukur")
        fit_to_screen(self, 980, 620)
        self._setup_ui()
        self._connect_signals()
        self.reload()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        split = QSplitter()
        left = QWidget()
        left_box = QVBoxLayout(left)
        self.exercise_list = QListWidget()
        self.exercise_list.setWordWrap(True)
        self.new_button = QPushButton("Alat ukur baru")
        left_box.addWidget(self.exercise_list, 1)
        left_box.addWidget(self.new_button)
        split.addWidget(left)
        right = QWidget()
        form = QFormLayout(right)
        self.code_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for value, text in EXERCISE_KIND.items():
            self.kind_combo.addItem(text, value)
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 600)
        self.duration_spin.setSuffix(" menit")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setFixedHeight(60)
        self.active_check = QCheckBox("Aktif (dapat dipilih untuk kegiatan)")
        self.measures_list = QListWidget()
        form.addRow("Kode", self.code_edit)
        form.addRow("Nama alat ukur", self.name_edit)
        form.addRow("Jenis", self.kind_combo)
        form.addRow("Durasi", self.duration_spin)
        form.addRow("Keterangan", self.description_edit)
        form.addRow("", self.active_check)
        form.addRow("Biasa mengukur", self.measures_list)
        self.save_button = QPushButton("Simpan alat ukur")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        split.addWidget(right)
        split.setSizes([300, 680])
        layout.addWidget(split, 1)
        close = close_buttons()
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _connect_signals(self) -> None:
        self.exercise_list.currentItemChanged.connect(lambda item, _p: self._show(item))
        self.new_button.clicked.connect(lambda: self._load(None))
        self.save_button.clicked.connect(self._on_save)

    def reload(self, select: int | None = None) -> None:
        from ukom_desktop.services.competency_dictionary import list_competencies
        from ukom_desktop.services.exercise_matrix import list_exercises

        with self.context.session() as session:
            self.exercises = list_exercises(session)
            self.competencies = list_competencies(session, include_inactive=False)
        self.exercise_list.blockSignals(True)
        self.exercise_list.clear()
        for ex in self.exercises:
            item = QListWidgetItem(f"{ex.code}  {ex.name}" + ("" if ex.active else " (nonaktif)"))
            item.setToolTip(f"{ex.kind_label}, {ex.duration_minutes} menit")
            item.setData(Qt.ItemDataRole.UserRole, ex.id)
            self.exercise_list.addItem(item)
        self.exercise_list.blockSignals(False)
        target = select if select is not None else self.current_id
        rows = [i for i, ex in enumerate(self.exercises) if ex.id == target] or [0]
        if self.exercises:
            self.exercise_list.setCurrentRow(rows[0])

    def _show(self, item: QListWidgetItem | None) -> None:
        ex_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._load(next((ex for ex in self.exercises if ex.id == ex_id), None))

    def _load(self, ex) -> None:  # type: ignore[no-untyped-def]
        self.current_id = ex.id if ex else None
        self.code_edit.setText(ex.code if ex else "")
        self.name_edit.setText(ex.name if ex else "")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(ex.kind if ex else "one_to_one"))
        self.duration_spin.setValue(ex.duration_minutes if ex else 60)
        self.description_edit.setPlainText(ex.description if ex else "")
        self.active_check.setChecked(ex.active if ex else True)
        self.measures_list.clear()
        measured = set(ex.measures) if ex else set()
        for comp in self.competencies:
            item = QListWidgetItem(f"{comp.code}  {comp.name}")
            item.setData(Qt.ItemDataRole.UserRole, comp.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if comp.code in measured else Qt.CheckState.Unchecked)
            self.measures_list.addItem(item)
        if ex is None:
            self.exercise_list.clearSelection()
            self.code_edit.setFocus()

    def _on_save(self) -> None:
        from ukom_desktop.services.exercise_matrix import ExerciseInfo, save_exercise
        from ukom_desktop.ui.actions import in_transaction

        measures = tuple(
            self.measures_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.measures_list.count())
            if self.measures_list.item(i).checkState() == Qt.CheckState.Checked
        )
        data = ExerciseInfo(self.current_id, self.code_edit.text(), self.name_edit.text(), self.kind_combo.currentData(),
                            self.duration_spin.value(), self.description_edit.toPlainText(),
                            self.active_check.isChecked(), measures)
        outcome = in_transaction(self, self.context, lambda session: save_exercise(session, data),
                                 done=f"Simulasi {data.code} tersimpan.")
        if not outcome:
            return
        saved = outcome.value
        self.context.data_changed.emit("exercises")
        self.reload(select=saved.id)
