"""Kamus kompetensi: the competencies by group, each with code, name, definition, maximum level, and its
levels with description and behaviour indicators (one per line), edited in place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.labels import COMPETENCY_GROUP
from ukom_desktop.ui import messages
from ukom_desktop.ui.competency.standard_grid import close_buttons
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen

BULLET = "\u2022 "
_Index = QModelIndex | QPersistentModelIndex


class MultiLineDelegate(QStyledItemDelegate):
    """Cells edited in a multi-line box: Enter starts a new line; the text is kept when focus leaves."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, _index: _Index) -> QWidget:  # noqa: N802
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        editor.setPlainText(index.data() or "")  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model, index: _Index) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        model.setData(index, editor.toPlainText())  # type: ignore[attr-defined]


class DictionaryDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current = None
        self.setWindowTitle("Kamus Kompetensi")
        fit_to_screen(self, 1180, 740)
        self._setup_ui()
        self._connect_signals()
        self.reload()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Level maksimal bawaan untuk kompetensi baru:"))
        self.default_max = QSpinBox()
        self.default_max.setRange(1, 10)
        top.addWidget(self.default_max)
        top.addStretch(1)
        layout.addLayout(top)
        split = QSplitter()
        left = QWidget()
        left_box = QVBoxLayout(left)
        self.comp_list = QListWidget()
        left_box.addWidget(self.comp_list, 1)
        self.new_button = QPushButton("Kompetensi teknis baru")
        self.remove_button = QPushButton("Hapus / nonaktifkan")
        left_box.addWidget(self.new_button)
        left_box.addWidget(self.remove_button)
        split.addWidget(left)
        right = QWidget()
        right_box = QVBoxLayout(right)
        form = QFormLayout()
        self.code_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.group_combo = QComboBox()
        for value, text in COMPETENCY_GROUP.items():
            self.group_combo.addItem(text, value)
        self.max_spin = QSpinBox()
        self.max_spin.setRange(1, 10)
        self.definition_edit = QPlainTextEdit()
        self.definition_edit.setFixedHeight(64)
        self.aliases_edit = QLineEdit()
        self.aliases_edit.setPlaceholderText("ejaan lain, dipisahkan titik koma (mis. Kerjasama)")
        form.addRow("Kode", self.code_edit)
        form.addRow("Nama kompetensi", self.name_edit)
        form.addRow("Kelompok", self.group_combo)
        form.addRow("Level maksimal", self.max_spin)
        form.addRow("Definisi", self.definition_edit)
        form.addRow("Nama lain", self.aliases_edit)
        right_box.addLayout(form)
        right_box.addWidget(QLabel("Level, uraian dan indikator perilaku (satu indikator per baris; klik dua kali "
                                   "untuk mengubah):"))
        self.levels_table = QTableWidget(0, 3)
        self.levels_table.setHorizontalHeaderLabels(["Level", "Uraian level", "Indikator perilaku"])
        self.levels_table.verticalHeader().setVisible(False)
        self.levels_table.setWordWrap(True)
        header = self.levels_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.levels_table.setColumnWidth(0, 50)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.levels_table.setItemDelegate(MultiLineDelegate(self.levels_table))
        right_box.addWidget(self.levels_table, 1)
        self.save_button = QPushButton("Simpan kompetensi")
        self.save_button.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        right_box.addLayout(row)
        split.addWidget(right)
        split.setSizes([320, 860])
        layout.addWidget(split, 1)
        close = close_buttons()
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _connect_signals(self) -> None:
        self.comp_list.currentItemChanged.connect(lambda item, _prev: self._show(item))
        self.max_spin.valueChanged.connect(self._on_max_changed)
        self.new_button.clicked.connect(self._on_new)
        self.remove_button.clicked.connect(self._on_remove)
        self.save_button.clicked.connect(self._on_save)
        self.default_max.valueChanged.connect(self._on_default_max)

    # -- loading --------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        from ukom_desktop.services.competency_dictionary import default_max_level, list_competencies

        with self.context.session() as session:
            self.competencies = list_competencies(session)
            default = default_max_level(session)
        self.default_max.blockSignals(True)
        self.default_max.setValue(default)
        self.default_max.blockSignals(False)
        self.comp_list.blockSignals(True)
        self.comp_list.clear()
        group = None
        for comp in self.competencies:
            if comp.group != group:
                group = comp.group
                heading = QListWidgetItem(f"Kompetensi {comp.group_label}")
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                heading.setForeground(QBrush(QColor("#2c5282")))
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                self.comp_list.addItem(heading)
            item = QListWidgetItem(f"{comp.code}  {comp.name}" + ("" if comp.active else " (nonaktif)"))
            item.setData(Qt.ItemDataRole.UserRole, comp.code)
            self.comp_list.addItem(item)
        self.comp_list.blockSignals(False)
        wanted = select or (self.current.code if self.current else None)
        for index in range(self.comp_list.count()):
            item = self.comp_list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) and (wanted is None or item.data(Qt.ItemDataRole.UserRole) == wanted):
                self.comp_list.setCurrentRow(index)
                break

    def _show(self, item: QListWidgetItem | None) -> None:
        code = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        comp = next((c for c in self.competencies if c.code == code), None)
        self._load_form(comp)

    def _load_form(self, comp) -> None:  # type: ignore[no-untyped-def]
        from ukom_desktop.services.competency_dictionary import CompetencyInfo

        self.current = comp
        comp = comp or CompetencyInfo(None, "", "", "teknis", max_level=self.default_max.value())
        self.code_edit.setText(comp.code)
        self.name_edit.setText(comp.name)
        self.group_combo.setCurrentIndex(self.group_combo.findData(comp.group))
        self.max_spin.blockSignals(True)
        self.max_spin.setValue(comp.max_level)
        self.max_spin.blockSignals(False)
        self.definition_edit.setPlainText(comp.definition)
        self.aliases_edit.setText("; ".join(comp.aliases))
        self.levels_table.setRowCount(comp.max_level)
        for row in range(comp.max_level):
            level = comp.level(row + 1)
            self._set_level_row(row, level.description if level else "",
                                "\n".join(f"{BULLET}{text}" for text in level.indicators) if level else "")
        self.levels_table.resizeRowsToContents()

    def _set_level_row(self, row: int, description: str, indicators: str) -> None:
        number = QTableWidgetItem(str(row + 1))
        number.setFlags(Qt.ItemFlag.ItemIsEnabled)
        number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.levels_table.setItem(row, 0, number)
        self.levels_table.setItem(row, 1, QTableWidgetItem(description))
        self.levels_table.setItem(row, 2, QTableWidgetItem(indicators))

    def _on_max_changed(self, value: int) -> None:
        old = self.levels_table.rowCount()
        self.levels_table.setRowCount(value)
        for row in range(old, value):
            self._set_level_row(row, "", "")

    # -- reading the form -----------------------------------------------------------------
    def form_data(self):  # type: ignore[no-untyped-def]
        from ukom_desktop.services.competency_dictionary import CompetencyInfo, LevelInfo

        levels = []
        for row in range(self.levels_table.rowCount()):
            description = (self.levels_table.item(row, 1).text() if self.levels_table.item(row, 1) else "").strip()
            indicators = self.levels_table.item(row, 2).text() if self.levels_table.item(row, 2) else ""
            lines = tuple(line.strip(" -\u2022\t") for line in indicators.splitlines() if line.strip(" -\u2022\t"))
            if description or lines:
                levels.append(LevelInfo(row + 1, description, lines))
        current = self.current
        return CompetencyInfo(
            id=current.id if current else None, code=self.code_edit.text().strip(), name=self.name_edit.text().strip(),
            group=self.group_combo.currentData(), definition=self.definition_edit.toPlainText().strip(),
            max_level=self.max_spin.value(),
            aliases=tuple(a.strip() for a in self.aliases_edit.text().split(";") if a.strip()),
            active=current.active if current else True, levels=tuple(levels),
            version=current.version if current else 0,
        )

    # -- actions --------------------------------------------------------------------------
    def _run(self, work) -> object | None:  # type: ignore[no-untyped-def]
        from ukom_desktop.ui.actions import in_transaction

        return in_transaction(self, self.context, work).value

    def _on_new(self) -> None:
        from ukom_desktop.services.competency_dictionary import next_technical_code

        with self.context.session() as session:
            code = next_technical_code(session)
        self.comp_list.clearSelection()
        self._load_form(None)  # a new technical competency with the dictionary's default maximum level
        self.code_edit.setText(code)
        self.name_edit.setFocus()

    def _on_save(self) -> None:
        from ukom_desktop.services.competency_dictionary import save_competency

        data = self.form_data()
        saved = self._run(lambda session: save_competency(session, data))
        if saved is not None:
            from ukom_desktop.ui.actions import status_message

            status_message(self.parentWidget(), f"Kompetensi {saved.code} tersimpan.")  # type: ignore[attr-defined]
            self.context.data_changed.emit("competencies")
            self.current = saved
            self.reload(select=saved.code)  # type: ignore[attr-defined]

    def _on_remove(self) -> None:
        from ukom_desktop.services.competency_dictionary import remove_competency

        if self.current is None or self.current.id is None:
            return
        if not messages.confirm(self, f"Hapus kompetensi {self.current.code} {self.current.name}? Kompetensi yang "
                                      "sudah dipakai hanya dinonaktifkan."):
            return
        comp_id = self.current.id
        text = self._run(lambda session: remove_competency(session, comp_id))
        if text is not None:
            messages.info(self, str(text))
            self.current = None
            self.context.data_changed.emit("competencies")
            self.reload()

    def _on_default_max(self, value: int) -> None:
        from ukom_desktop.services.competency_dictionary import set_default_max_level

        self._run(lambda session: set_default_max_level(session, value))
