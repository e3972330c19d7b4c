"""Signatories (name, NIP, golongan, jabatan) and who signs which kind of document (with a.n./Plt./Plh.)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.context import AppContext

PREFIX_LABELS = (("", "tanpa awalan"), ("a.n.", "a.n. (atas nama pimpinan)"), ("plt.", "Plt."), ("plh.", "Plh."))


class SignatoriesPage(QWidget):
    signatories_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.signatories: list[Any] = []
        self.editing_id: int | None = None
        self._setup_ui()
        self.reload()
        self._load_choices()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Nama", "NIP", "Gol.", "Jabatan"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(120)
        self.table.itemSelectionChanged.connect(self._on_select)
        layout.addWidget(self.table, 1)

        form_box = QGroupBox("Data penandatangan")
        form = QFormLayout(form_box)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("nama lengkap dengan gelar, mis. Dr. Ir. Hadi Susilo, M.T.")
        self.nip_edit = QLineEdit()
        self.nip_edit.setPlaceholderText("18 digit, boleh dengan spasi")
        self.golongan_edit = QLineEdit()
        self.golongan_edit.setPlaceholderText("mis. IV/c (pangkat mengikuti golongan)")
        self.jabatan_edit = QLineEdit()
        form.addRow("Nama:", self.name_edit)
        form.addRow("NIP:", self.nip_edit)
        form.addRow("Golongan:", self.golongan_edit)
        form.addRow("Jabatan:", self.jabatan_edit)
        row = QHBoxLayout()
        self.new_button = QPushButton("Kosongkan untuk penandatangan baru")
        self.save_button = QPushButton("Simpan penandatangan")
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        self.new_button.clicked.connect(self._on_new)
        self.save_button.clicked.connect(self._on_save)
        layout.addWidget(form_box)

        from ukom_desktop.services.institution import SIGNED_KINDS

        choice_box = QGroupBox("Penandatangan setiap dokumen (bawaan: pimpinan pada tab Kop surat)")
        grid = QGridLayout(choice_box)
        self.choice_combos: dict[str, tuple[QComboBox, QComboBox]] = {}
        for row_index, (kind, title) in enumerate(SIGNED_KINDS.items()):
            who, prefix = QComboBox(), QComboBox()
            for value, text in PREFIX_LABELS:
                prefix.addItem(text, value)
            grid.addWidget(QLabel(title), row_index, 0)
            grid.addWidget(who, row_index, 1)
            grid.addWidget(prefix, row_index, 2)
            self.choice_combos[kind] = (who, prefix)
        grid.setColumnStretch(1, 1)
        layout.addWidget(choice_box)

    def reload(self) -> None:
        from ukom_desktop.services.institution import list_signatories

        with self.context.session() as session:
            self.signatories = list_signatories(session)
        self.table.setRowCount(len(self.signatories))
        from ukom_desktop.domain.nip import format_nip

        for row, s in enumerate(self.signatories):
            for column, text in enumerate((s.name, format_nip(s.nip), s.golongan, s.jabatan)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        for who, _prefix in getattr(self, "choice_combos", {}).values():
            current = who.currentData()
            who.clear()
            who.addItem("Pimpinan (bawaan)", None)
            for s in self.signatories:
                who.addItem(f"{s.name} - {s.jabatan}", s.id)
            who.setCurrentIndex(max(0, who.findData(current)))

    def _load_choices(self) -> None:
        from ukom_desktop.services.institution import signer_choices

        with self.context.session() as session:
            choices = signer_choices(session)
        for kind, (who, prefix) in self.choice_combos.items():
            choice = choices.get(kind)
            if choice is None:
                continue
            who.setCurrentIndex(max(0, who.findData(choice.signatory_id)))
            prefix.setCurrentIndex(max(0, prefix.findData(choice.prefix)))

    def choices(self) -> dict[str, Any]:
        from ukom_desktop.services.institution import SignerChoice

        return {kind: SignerChoice(who.currentData(), prefix.currentData())
                for kind, (who, prefix) in self.choice_combos.items()}

    def _on_select(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        s = self.signatories[rows[0].row()]
        self.editing_id = s.id
        self.editing_version = s.version
        self.name_edit.setText(s.name)
        self.nip_edit.setText(s.nip)
        self.golongan_edit.setText(s.golongan)
        self.jabatan_edit.setText(s.jabatan)
        self.save_button.setText("Simpan perubahan")

    def _on_new(self) -> None:
        self.table.clearSelection()
        self.editing_id = None
        for edit in (self.name_edit, self.nip_edit, self.golongan_edit, self.jabatan_edit):
            edit.clear()
        self.save_button.setText("Simpan penandatangan")
        self.name_edit.setFocus()

    def _on_save(self) -> None:
        from ukom_desktop.services.institution import SignatoryData, save_signatory
        from ukom_desktop.ui.actions import in_transaction

        data = SignatoryData(self.editing_id, self.name_edit.text(), self.nip_edit.text(), self.golongan_edit.text(),
                             self.jabatan_edit.text(),
                             version=getattr(self, "editing_version", None) if self.editing_id else None)
        outcome = in_transaction(self, self.context, lambda session: save_signatory(session, data),
                                 done=f"Penandatangan {data.name} tersimpan.")
        if not outcome:
            return
        new_id = outcome.value
        self.reload()
        self.signatories_changed.emit()
        for row, s in enumerate(self.signatories):
            if s.id == new_id:
                self.table.selectRow(row)
