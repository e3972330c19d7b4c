"""Jabatan sasaran kegiatan: which positions an event assesses, and their standards side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.competency.standard_grid import close_buttons, header_text, level_text
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen


class EventStandardsDialog(QDialog):
    def __init__(self, context: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id = event_id
        self.setWindowTitle("Jabatan Sasaran dan Standar Kompetensi Kegiatan")
        fit_to_screen(self, 1150, 660)
        self._setup_ui()
        self._connect_signals()
        self.load()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        split = QSplitter()
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addWidget(QLabel("Jabatan sasaran (centang):"))
        self.position_list = QListWidget()
        self.position_list.setWordWrap(True)
        left_box.addWidget(self.position_list, 1)
        self.empty_label = QLabel(
            "Belum ada jabatan. Jabatan dan standarnya dibuat di Data > Perumusan Kompetensi > Jabatan dan "
            "standar kompetensi... atau lewat tombol di bawah; setelah itu centang jabatan di sini.")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color:#7a5b00")
        self.empty_label.setVisible(False)
        left_box.addWidget(self.empty_label)
        self.edit_button = QPushButton("Ubah standar jabatan terpilih...")
        left_box.addWidget(self.edit_button)
        split.addWidget(left)
        self.overview = QTableWidget()
        self.overview.verticalHeader().setVisible(False)
        self.overview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        split.addWidget(self.overview)
        split.setSizes([360, 790])
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.matrix_button = QPushButton("Matriks alat ukur...")
        self.save_button = QPushButton("Simpan jabatan sasaran")
        buttons.addWidget(self.matrix_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        close = close_buttons()
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.position_list.itemChanged.connect(lambda _item: self._fill_overview())
        self.position_list.itemDoubleClicked.connect(lambda _item: self._on_edit())
        self.edit_button.clicked.connect(self._on_edit)
        self.save_button.clicked.connect(self._on_save)
        self.matrix_button.clicked.connect(self._on_matrix)

    def load(self) -> None:
        from ukom_desktop.services.events import event_data
        from ukom_desktop.services.exercise_matrix import event_position_ids, participant_position_ids
        from ukom_desktop.services.positions import list_positions, position_standard

        with self.context.session() as session:
            event = event_data(session, self.event_id)
            chosen = event_position_ids(session, self.event_id)
            locked = participant_position_ids(session, self.event_id)
            positions = list_positions(session)
            self.standards = {p.id: position_standard(session, p.id) for p in positions}
        self.title.setText(f"<b>{event.code}</b> {event.name}<br>Centang jabatan yang dinilai dalam kegiatan ini. "
                           "Jabatan yang menjadi sasaran peserta tidak dapat dilepas. Klik dua kali sebuah jabatan "
                           "untuk mengubah standarnya.")
        self.position_list.blockSignals(True)
        self.position_list.clear()
        for info in sorted(positions, key=lambda p: (p.id not in chosen, chosen.index(p.id) if p.id in chosen else 0)):
            item = QListWidgetItem(info.label + (f" - {info.unit}" if info.unit else ""))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if info.id in locked:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                item.setToolTip("Menjadi jabatan sasaran peserta kegiatan ini")
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if info.id in chosen else Qt.CheckState.Unchecked)
            self.position_list.addItem(item)
        self.position_list.blockSignals(False)
        empty = self.position_list.count() == 0
        self.empty_label.setVisible(empty)
        self.edit_button.setText("Buat jabatan baru..." if empty else "Ubah standar jabatan terpilih...")
        self._fill_overview()

    def chosen_ids(self) -> list[int]:
        return [self.position_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.position_list.count())
                if self.position_list.item(i).checkState() == Qt.CheckState.Checked]

    def _fill_overview(self) -> None:
        ids = self.chosen_ids()
        views = [self.standards[i] for i in ids]
        comps = []
        for view in views:
            for row in view.rows:
                if row.level is not None and row.competency.code not in [c.code for c in comps]:
                    comps.append(row.competency)
        order = {row.competency.code: n for n, row in enumerate(views[0].rows)} if views else {}
        comps.sort(key=lambda c: order.get(c.code, 999))
        self.overview.clear()
        self.overview.setColumnCount(1 + len(views))
        self.overview.setRowCount(len(comps))
        self.overview.setHorizontalHeaderLabels(["Kompetensi", *(header_text(v.position.name, 18) for v in views)])
        for col, view in enumerate(views, start=1):
            self.overview.horizontalHeaderItem(col).setToolTip(view.position.label)
        for r, comp in enumerate(comps):
            self.overview.setItem(r, 0, QTableWidgetItem(f"{comp.code}  {comp.name}"))
            for col, view in enumerate(views, start=1):
                level = view.levels().get(comp.code)
                item = QTableWidgetItem(level_text(level) if level is not None else "-")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.overview.setItem(r, col, item)
        header = self.overview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.overview.columnCount()):
            self.overview.setColumnWidth(col, 160)

    def _on_edit(self) -> None:
        from ukom_desktop.ui.competency.positions_dialog import PositionsDialog

        item = self.position_list.currentItem()
        dialog = PositionsDialog(self.context, self, item.data(Qt.ItemDataRole.UserRole) if item else None)
        dialog.exec()
        kept = self.chosen_ids()
        self.load()
        for i in range(self.position_list.count()):
            it = self.position_list.item(i)
            if it.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in kept
                                 else Qt.CheckState.Unchecked)

    def _on_save(self) -> bool:
        from ukom_desktop.services.exercise_matrix import set_event_positions
        from ukom_desktop.ui.actions import in_transaction

        chosen = self.chosen_ids()
        if not in_transaction(self, self.context, lambda s: set_event_positions(s, self.event_id, chosen),
                              done="Jabatan sasaran kegiatan tersimpan."):
            return False
        self.context.data_changed.emit("positions")
        self.load()
        return True

    def _on_matrix(self) -> None:
        from ukom_desktop.ui.competency import open_event_matrix

        if self._on_save():
            open_event_matrix(self, self.context, self.event_id)
