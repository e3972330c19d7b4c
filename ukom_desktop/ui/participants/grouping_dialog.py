"""Automatic split into waves, groups of 4-8 and question sets, with the sizes the user chooses."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext


class GroupingDialog(QDialog):
    def __init__(self, context: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id = event_id
        self.summary = None
        self.setWindowTitle("Bagi gelombang, kelompok dan paket soal")
        self._setup_ui()
        self._load()

    def _setup_ui(self) -> None:
        from ukom_desktop.domain.grouping_rules import QUESTION_SET_MODES

        layout = QVBoxLayout(self)
        intro = QLabel("Peserta dibagi rata ke gelombang menurut nomor peserta, lalu ke kelompok yang mencampur unit "
                       "kerja. Peserta yang tidak hadir tidak dimasukkan. Pembagian lama diganti.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.wave_spin = QSpinBox()
        self.wave_spin.setRange(1, 200)
        self.min_spin = QSpinBox()
        self.min_spin.setRange(1, 30)
        self.max_spin = QSpinBox()
        self.max_spin.setRange(1, 30)
        self.sets_spin = QSpinBox()
        self.sets_spin.setRange(1, 26)
        self.mode_combo = QComboBox()
        for value, text in QUESTION_SET_MODES.items():
            self.mode_combo.addItem(text, value)
        form.addRow("Peserta per gelombang", self.wave_spin)
        form.addRow("Anggota kelompok paling sedikit", self.min_spin)
        form.addRow("Anggota kelompok paling banyak", self.max_spin)
        form.addRow("Jumlah paket soal", self.sets_spin)
        form.addRow("Pembagian paket soal", self.mode_combo)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Bagi sekarang")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _load(self) -> None:
        from ukom_desktop.services.grouping import event_options

        with self.context.session() as session:
            options = event_options(session, self.event_id)
        self.wave_spin.setValue(options.wave_size or 30)
        self.min_spin.setValue(options.group_min or 4)
        self.max_spin.setValue(options.group_max or 8)
        self.sets_spin.setValue(options.question_sets or 2)
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(options.mode)))

    def apply(self) -> None:
        from ukom_desktop.errors import UserFacingError
        from ukom_desktop.services.grouping import GroupingOptions, build_groups

        options = GroupingOptions(wave_size=self.wave_spin.value(), group_min=self.min_spin.value(),
                                  group_max=self.max_spin.value(), question_sets=self.sets_spin.value(),
                                  mode=self.mode_combo.currentData())
        try:
            with self.context.transaction() as session:
                self.summary = build_groups(session, self.event_id, options)
        except UserFacingError as exc:
            if "jadwal" not in str(exc):
                messages.warn(self, str(exc))
                return
            if not messages.confirm(self, f"{exc}\n\nTetap bagi ulang?"):
                return
            with self.context.transaction() as session:
                self.summary = build_groups(session, self.event_id, options, force=True)
        self.context.data_changed.emit("participants")
        messages.info(self, self.summary.text(), title="Pembagian kelompok")
        self.accept()
