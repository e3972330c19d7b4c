"""Jabatan dan standar kompetensi: positions with their standard grid, and the job levels' default levels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.competency.standard_grid import StandardGrid, close_buttons
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen


class PositionsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, position_id: int | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.position_id: int | None = None
        self._version: int | None = None
        self.setWindowTitle("Jabatan dan Standar Kompetensi")
        fit_to_screen(self, 1150, 720)
        self._setup_ui()
        self._connect_signals()
        self.reload(select=position_id)

    # -- construction -------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        page = QWidget()
        self.tabs.addTab(page, "Jabatan dan standar")
        row = QHBoxLayout(page)
        split = QSplitter()
        row.addWidget(split)
        left = QWidget()
        left_box = QVBoxLayout(left)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Cari jabatan...")
        self.position_list = QListWidget()
        self.position_list.setWordWrap(True)
        self.new_button = QPushButton("Jabatan baru")
        left_box.addWidget(self.filter)
        left_box.addWidget(self.position_list, 1)
        left_box.addWidget(self.new_button)
        split.addWidget(left)

        right = QWidget()
        right_box = QVBoxLayout(right)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.job_level_combo = QComboBox()
        self.unit_edit = QLineEdit()
        form.addRow("Nama jabatan", self.name_edit)
        form.addRow("Jenjang", self.job_level_combo)
        form.addRow("Unit kerja", self.unit_edit)
        right_box.addLayout(form)
        self.default_label = QLabel()
        self.default_label.setWordWrap(True)
        right_box.addWidget(self.default_label)
        self.grid = StandardGrid()
        right_box.addWidget(self.grid, 1)
        self.usage_label = QLabel()
        self.usage_label.setWordWrap(True)
        self.usage_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_box.addWidget(self.usage_label)
        buttons = QHBoxLayout()
        self.default_button = QPushButton("Isi dengan level bawaan jenjang")
        self.save_button = QPushButton("Simpan standar")
        self.save_button.setDefault(True)
        buttons.addWidget(self.default_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right_box.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([300, 850])

        self.levels_table = QTableWidget(0, 3)
        self.levels_table.setHorizontalHeaderLabels(["Jenjang", "Jenis", "Level standar bawaan"])
        self.levels_table.horizontalHeader().setStretchLastSection(True)
        self.levels_table.setColumnWidth(0, 260)
        self.levels_table.setColumnWidth(1, 140)
        levels_page = QWidget()
        levels_box = QVBoxLayout(levels_page)
        note = QLabel("Level bawaan dipakai untuk jabatan struktural yang dibuat sesudahnya. Jabatan fungsional "
                      "tidak memiliki level bawaan: standarnya diisi per kompetensi sesuai SKJ jabatan tersebut.")
        note.setWordWrap(True)
        levels_box.addWidget(note)
        levels_box.addWidget(self.levels_table)
        self.tabs.addTab(levels_page, "Jenjang jabatan")

        close = close_buttons()
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _connect_signals(self) -> None:
        self.position_list.currentItemChanged.connect(self._on_position_changed)
        self.filter.textChanged.connect(self._on_filter)
        self.new_button.clicked.connect(self._on_new)
        self.save_button.clicked.connect(self._on_save)
        self.default_button.clicked.connect(self._on_default)
        self.grid.changed.connect(self._update_buttons)
        self.name_edit.textEdited.connect(self._update_buttons)

    # -- loading ------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        from ukom_desktop.services.positions import list_job_levels, list_positions

        with self.context.session() as session:
            positions = list_positions(session, include_inactive=True)
            job_levels = list_job_levels(session)
        self.job_levels = job_levels
        self.job_level_combo.clear()
        for jl in job_levels:
            self.job_level_combo.addItem(jl.name, jl.id)
        self._fill_levels_table()
        self.position_list.blockSignals(True)
        self.position_list.clear()
        for info in positions:
            text = info.label + (f" - {info.unit}" if info.unit else "") + ("" if info.active else " (nonaktif)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(f"{info.standard_count} kompetensi dalam standar; dipakai {info.events} kegiatan")
            self.position_list.addItem(item)
        self.position_list.blockSignals(False)
        target = select if select is not None else self.position_id
        for index in range(self.position_list.count()):
            if self.position_list.item(index).data(Qt.ItemDataRole.UserRole) == target:
                self.position_list.setCurrentRow(index)
                break
        else:
            if self.position_list.count():
                self.position_list.setCurrentRow(0)
            else:
                self._show(None)

    def _fill_levels_table(self) -> None:
        self.levels_table.setRowCount(len(self.job_levels))
        kinds = {"struktural": "Struktural", "fungsional": "Fungsional", "pelaksana": "Pelaksana"}
        for row, jl in enumerate(self.job_levels):
            self.levels_table.setItem(row, 0, QTableWidgetItem(jl.name))
            self.levels_table.setItem(row, 1, QTableWidgetItem(kinds.get(jl.kind, jl.kind)))
            spin = QSpinBox()
            spin.setRange(0, 10)
            spin.setSpecialValueText("diisi per jabatan")
            spin.setValue(jl.default_standard or 0)
            spin.valueChanged.connect(lambda value, jid=jl.id: self._on_job_level_default(jid, value))
            self.levels_table.setCellWidget(row, 2, spin)

    def _on_position_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        self._show(current.data(Qt.ItemDataRole.UserRole) if current is not None else None)

    def _show(self, position_id: int | None) -> None:
        from ukom_desktop.services.positions import position_standard

        self.position_id = position_id
        enabled = position_id is not None
        for widget in (self.name_edit, self.job_level_combo, self.unit_edit, self.grid, self.save_button,
                       self.default_button):
            widget.setEnabled(enabled)
        if position_id is None:
            self.grid.set_rows([])
            self.usage_label.setText("Belum ada jabatan. Klik Jabatan baru untuk menambahkan.")
            return
        with self.context.session() as session:
            view = position_standard(session, position_id)
        info = view.position
        self._version = info.version
        self.name_edit.setText(info.name)
        self.job_level_combo.setCurrentIndex(self.job_level_combo.findData(info.job_level_id))
        self.unit_edit.setText(info.unit)
        self.grid.set_rows([(r.competency.id, f"{r.competency.code}  {r.competency.name}", r.competency.group_label,
                             r.competency.max_level, r.level) for r in view.rows])
        if view.default_level is None:
            self.default_label.setText(f"Jenjang {info.job_level_name} tidak memiliki level bawaan: isi level standar "
                                       "setiap kompetensi sesuai SKJ jabatan ini.")
        else:
            self.default_label.setText(f"Level bawaan jenjang {info.job_level_name}: {view.default_level}. Klik sel "
                                       "level untuk mengubahnya; klik kolom \u2013 bila tidak dipersyaratkan.")
        self.default_button.setEnabled(view.default_level is not None)
        self.events = view.events
        if view.events:
            used = "; ".join(f"{u.code} ({u.participants} peserta" + (f", {u.results} hasil" if u.results else "")
                             + ")" for u in view.events)
            self.usage_label.setText(f"Dipakai dalam kegiatan: {used}.")
        else:
            self.usage_label.setText("Belum dipakai dalam kegiatan mana pun.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.position_id is not None)

    def _on_filter(self, text: str) -> None:
        words = text.casefold().split()
        for index in range(self.position_list.count()):
            item = self.position_list.item(index)
            item.setHidden(not all(w in item.text().casefold() for w in words))

    # -- actions ------------------------------------------------------------------------
    def _on_new(self) -> None:
        created = ask_new_position(self, self.context, self.job_levels)
        if created is not None:
            self.context.data_changed.emit("positions")
            self.reload(select=created)

    def _on_default(self) -> None:
        from ukom_desktop.services.positions import position_standard

        with self.context.session() as session:
            default = position_standard(session, self.position_id).default_level  # type: ignore[arg-type]
        if default is not None:
            self.grid.fill(default)

    def _on_save(self) -> None:
        from ukom_desktop.services.positions import (
            save_position_standard,
            standard_edit_warning,
            update_position,
        )
        from ukom_desktop.ui.actions import in_transaction

        if self.position_id is None:
            return
        with self.context.session() as session:
            warning = standard_edit_warning(session, self.position_id) if self.grid.is_modified() else None
        if warning and not messages.confirm(self, warning, "Standar dipakai kegiatan yang sudah memiliki hasil"):
            return
        def save(session):  # type: ignore[no-untyped-def]
            save_position_standard(session, self.position_id, self.grid.changes(), expected_version=self._version)
            update_position(session, self.position_id, name=self.name_edit.text(),
                            job_level_id=self.job_level_combo.currentData(), unit=self.unit_edit.text())

        if not in_transaction(self, self.context, save, done=f"Jabatan {self.name_edit.text()} tersimpan."):
            return
        self.context.data_changed.emit("positions")
        self.reload(select=self.position_id)

    def _on_job_level_default(self, job_level_id: int, value: int) -> None:
        from ukom_desktop.services.positions import set_job_level_default

        with self.context.transaction() as session:
            set_job_level_default(session, job_level_id, value or None)


def ask_new_position(parent: QWidget, context: AppContext, job_levels: list[Any]) -> int | None:
    """A small form for a new position; returns its id, or None when cancelled."""
    from ukom_desktop.services.positions import add_position
    from ukom_desktop.ui.actions import in_transaction

    dialog = QDialog(parent)
    dialog.setWindowTitle("Jabatan baru")
    form = QFormLayout(dialog)
    name = QLineEdit()
    level = QComboBox()
    for jl in job_levels:
        level.addItem(jl.name, jl.id)
    unit = QLineEdit()
    form.addRow("Nama jabatan", name)
    form.addRow("Jenjang", level)
    form.addRow("Unit kerja", unit)
    hint = QLabel("Jabatan struktural langsung diberi level bawaan jenjangnya; standar jabatan fungsional diisi "
                  "sesudahnya per kompetensi.")
    hint.setWordWrap(True)
    form.addRow(hint)
    buttons = QDialogButtonBox()
    buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    dialog.name_edit, dialog.level_combo, dialog.unit_edit = name, level, unit  # type: ignore[attr-defined]
    while dialog.exec() == QDialog.DialogCode.Accepted:
        outcome = in_transaction(dialog, context,
                                 lambda s: add_position(s, name.text(), level.currentData(), unit.text()).id)
        if outcome:
            return outcome.value
    return None
