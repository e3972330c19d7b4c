"""Pustaka materi soal: versions of each exercise's material with their files (checksummed), status aktif /
pensiun, the current event's paket soal mapped to versions, and the re-use check naming who would meet a
case again (issue 17 items 1-2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_session, in_transaction, status_message
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.form_parts import error_label, save_cancel_buttons
from ukom_desktop.ui.widgets.record_table import RecordTable


def choose_files(parent: Any) -> list[str]:
    """The material files to import (tests patch this)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Pilih berkas materi", "",
                                            "Materi (*.pdf *.docx *.xlsx);;Semua berkas (*)")
    return paths


def choose_folder(parent: Any) -> str:
    """Where to save a version's files (tests patch this)."""
    return QFileDialog.getExistingDirectory(parent, "Simpan berkas materi ke folder")


class ImportForm(QDialog):
    """Files for a version of an exercise's material."""

    def __init__(self, exercises: list[Any], parent: QWidget | None = None, version: Any = None) -> None:
        super().__init__(parent)
        from ukom_desktop.services.materials import FILE_ROLES

        self.setWindowTitle("Impor berkas materi")
        fit_to_screen(self, 560, 380)
        form = QFormLayout(self)
        self.exercise_combo = QComboBox()
        for ex in exercises:
            self.exercise_combo.addItem(f"{ex.code} - {ex.name}", ex.code)
        self.version_edit = QLineEdit()
        self.version_edit.setPlaceholderText("mis. IB-2026-A")
        if version is not None:
            self.exercise_combo.setCurrentIndex(self.exercise_combo.findData(version.exercise_code))
            self.version_edit.setText(version.name)
        self.role_combo = QComboBox()
        for key, text in FILE_ROLES.items():
            self.role_combo.addItem(text, key)
        self.notes_edit = QLineEdit()
        self.files = QListWidget()
        pick = QPushButton("Pilih berkas...")
        pick.clicked.connect(self._pick)
        form.addRow("Latihan", self.exercise_combo)
        form.addRow("Nama versi", self.version_edit)
        form.addRow("Peruntukan", self.role_combo)
        form.addRow("Catatan", self.notes_edit)
        form.addRow("Berkas (PDF, DOCX, XLSX)", self.files)
        form.addRow("", pick)
        self.error_label = error_label()
        form.addRow(self.error_label)
        form.addRow(save_cancel_buttons(self))

    def _pick(self) -> None:
        for path in choose_files(self):
            self.files.addItem(path)

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]


class MaterialLibraryDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.may_manage = self.may_export = False
        self.setWindowTitle("Pustaka materi soal (RAHASIA)")
        fit_to_screen(self, 980, 680)
        self.allowed = self._check_allowed()
        layout = QVBoxLayout(self)
        self.model = RecordTableModel((
            Column("exercise", "Latihan", lambda r: f"{r.exercise_code} - {r.exercise_name}", width=220),
            Column("name", "Versi", lambda r: r.name, width=150),
            Column("status", "Status", lambda r: "Aktif" if r.status == "aktif" else "Pensiun", width=70),
            Column("files", "Berkas", lambda r: ", ".join(f.filename for f in r.files), width=230),
            Column("events", "Dipakai kegiatan", lambda r: r.events, align_right=True, width=110),
            Column("notes", "Catatan", lambda r: r.notes, width=150),
        ))
        self.table = RecordTable(self.model, "material_library")
        layout.addWidget(self.table, 3)
        bar = QHBoxLayout()
        self.import_button = QPushButton("Impor berkas...")
        self.status_button = QPushButton("Aktifkan / pensiunkan")
        self.export_button = QPushButton("Simpan berkas ke folder...")
        for button in (self.import_button, self.status_button, self.export_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self._mapping_box(), 2)
        self.reuse_text = QPlainTextEdit()
        self.reuse_text.setReadOnly(True)
        self.reuse_text.setMaximumHeight(90)
        reuse_box = QGroupBox("Pemeriksaan pemakaian ulang materi (peserta yang akan bertemu kasus yang sama)")
        QVBoxLayout(reuse_box).addWidget(self.reuse_text)
        layout.addWidget(reuse_box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.import_button.clicked.connect(self.import_files)
        self.status_button.clicked.connect(self.toggle_status)
        self.export_button.clicked.connect(self.export_files)
        for widget in (self.import_button, self.status_button, self.map_row):
            widget.setVisible(self.may_manage)
        self.export_button.setVisible(self.may_export)
        if self.allowed:
            self.reload()

    def _check_allowed(self) -> bool:
        """Seeing the library needs the right to see material; the buttons show only what the user may do."""
        from ukom_desktop.services.access import can, perm, require

        def check(session: Any) -> tuple[bool, bool]:
            require(session, perm.READ_MATERIALS)
            return can(session, perm.MANAGE_MATERIALS), can(session, perm.EXPORT_MATERIALS)

        outcome = in_session(self, self.context, check, level="warn")
        if outcome.ok:
            self.may_manage, self.may_export = outcome.value
        return outcome.ok

    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox("Paket soal kegiatan aktif dan versi materinya")
        layout = QVBoxLayout(box)
        self.mapping_model = RecordTableModel((
            Column("exercise", "Latihan", lambda r: f"{r.exercise_code} - {r.exercise_name}", width=240),
            Column("set", "Paket soal", lambda r: r.question_set, width=80),
            Column("version", "Versi materi", lambda r: r.version, width=180),
            Column("status", "Status", lambda r: "Aktif" if r.status == "aktif" else "Pensiun", width=80),
        ))
        self.mapping_table = RecordTable(self.mapping_model, "material_mapping")
        layout.addWidget(self.mapping_table)
        self.map_row = QWidget()
        row = QHBoxLayout(self.map_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.map_exercise = QComboBox()
        self.map_set = QLineEdit("A")
        self.map_set.setMaximumWidth(60)
        self.map_version = QComboBox()
        self.map_version.setMinimumWidth(180)
        self.map_button = QPushButton("Pasangkan")
        self.unmap_button = QPushButton("Lepaskan")
        for label, widget in (("Latihan", self.map_exercise), ("Paket", self.map_set), ("Versi", self.map_version)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(self.map_button)
        row.addWidget(self.unmap_button)
        row.addStretch(1)
        layout.addWidget(self.map_row)
        self.map_exercise.currentIndexChanged.connect(self._fill_versions)
        self.map_button.clicked.connect(lambda: self.map_selected(True))
        self.unmap_button.clicked.connect(lambda: self.map_selected(False))
        return box

    def reload(self) -> None:
        from ukom_desktop.services.exercise_matrix import list_exercises
        from ukom_desktop.services.material_reuse import reuse_conflicts
        from ukom_desktop.services.materials import event_mapping, list_materials

        event_id = self.context.event_id

        def read(session: Any) -> tuple[Any, ...]:
            return (list_materials(session), list_exercises(session, include_inactive=False),
                    event_mapping(session, event_id) if event_id is not None else [],
                    reuse_conflicts(session, event_id) if event_id is not None else [])

        outcome = in_session(self, self.context, read)
        if not outcome.ok or outcome.value is None:
            return
        rows, self.exercises, mapping, conflicts = outcome.value
        self.model.set_rows(rows)
        self.mapping_model.set_rows(mapping)
        current = self.map_exercise.currentData()
        self.map_exercise.blockSignals(True)
        self.map_exercise.clear()
        for ex in self.exercises:
            self.map_exercise.addItem(f"{ex.code} - {ex.name}", ex.code)
        if current:
            self.map_exercise.setCurrentIndex(max(0, self.map_exercise.findData(current)))
        self.map_exercise.blockSignals(False)
        self._fill_versions()
        if event_id is None:
            self.reuse_text.setPlainText("Pilih kegiatan aktif untuk memeriksa pemakaian ulang materi.")
        else:
            self.reuse_text.setPlainText("\n".join(c.text() for c in conflicts)
                                         or "Tidak ada peserta yang akan bertemu kembali materi yang pernah dikerjakan.")

    def _fill_versions(self) -> None:
        code = self.map_exercise.currentData()
        self.map_version.clear()
        for row in self.model.rows():
            if row.exercise_code == code and row.status == "aktif":
                self.map_version.addItem(row.name, row.name)

    def _selected(self) -> Any:
        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, "Pilih satu versi materi terlebih dahulu.")
            return None
        return rows[0]

    def import_files(self, *, form: ImportForm | None = None) -> None:
        from ukom_desktop.services.materials import import_material_files

        form = form or ImportForm(self.exercises, self, self.table.selected_rows()[0] if self.table.selected_rows()
                                  else None)
        while form.exec():
            outcome = in_transaction(
                self, self.context,
                lambda s: import_material_files(s, form.exercise_combo.currentData(), form.version_edit.text(),
                                                form.paths(), role=form.role_combo.currentData(),
                                                notes=form.notes_edit.text()),
                report=form.error_label.setText,
            )
            if outcome.ok and outcome.value is not None:
                self.reload()
                status_message(self, outcome.value.text().replace("\n", " "))
                return

    def toggle_status(self) -> None:
        from ukom_desktop.services.materials import set_status

        row = self._selected()
        if row is None:
            return
        new = "pensiun" if row.status == "aktif" else "aktif"
        if in_transaction(self, self.context, lambda s: set_status(s, row.id, new),
                          done=f"Versi {row.name} kini {'pensiun' if new == 'pensiun' else 'aktif'}.").ok:
            self.reload()

    def export_files(self, folder: str | None = None) -> None:
        from ukom_desktop.services.materials import export_file

        row = self._selected()
        if row is None:
            return
        target = folder or choose_folder(self)
        if not target:
            return

        def work(session: Any) -> int:
            for f in row.files:
                export_file(session, f.id, Path(target) / f.filename)
            return len(row.files)

        if in_session(self, self.context, work).ok:
            status_message(self, f"{len(row.files)} berkas materi {row.name} disimpan di {target}.")

    def map_selected(self, assign: bool) -> None:
        from ukom_desktop.services.materials import map_question_set

        event_id = self.context.event_id
        if event_id is None:
            messages.info(self, "Pilih kegiatan aktif terlebih dahulu pada daftar Kegiatan aktif di bilah atas.")
            return
        code, qset = self.map_exercise.currentData(), self.map_set.text()
        version = self.map_version.currentData() if assign else None
        if assign and not version:
            messages.info(self, "Latihan ini belum memiliki versi materi yang aktif. Impor berkasnya dahulu.")
            return
        if in_transaction(self, self.context,
                          lambda s: map_question_set(s, event_id, code, qset, version),
                          level="warn").ok:
            self.reload()
